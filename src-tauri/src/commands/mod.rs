//! IPC commands, grouped by screen. Each is a few lines over library code.

pub mod account;
pub mod assign;
pub mod numbers;
pub mod settings;
pub mod troubleshoot;
