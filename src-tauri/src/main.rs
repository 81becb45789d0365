fn main() { number_desk_lib::run() }
