//! Number Desk's executable: hands over to the library so tests and the bindings export share it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    number_desk_lib::run()
}
