//! What desk-core needs from the computer it runs on, as traits the host implements
//! (`desk-host`: the OS keychain, the settings file), each with an in-memory implementation for
//! tests.

pub mod journal;
pub mod secrets;
pub mod settings_store;
