//! Services: the parts that do I/O, through the Telnyx client or a port, and keep state between
//! calls. Every rule they apply comes from [`crate::rules`].

pub mod accounts;
pub mod bulk;
pub mod diagnosis;
pub mod numbers;
pub mod session;
pub mod sizes;
pub mod snapshot;
pub mod webhook_test;
