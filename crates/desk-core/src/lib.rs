//! Number Desk product rules (readiness, diagnosis, bulk planning): pure functions, no I/O.
#![forbid(unsafe_code)]
