//! Number Desk app shell.
pub fn run() {}
