//! Pure rules: functions of data already fetched, with no I/O, clock or async. They read the
//! snapshot's data types ([`crate::services::snapshot::AccountSnapshot`]), never its loader.

pub mod columns;
pub mod countries;
pub mod csv;
pub mod diagnosis;
pub mod glossary;
pub mod numbers;
pub mod plan;
pub mod profiles;
pub mod readiness;
pub mod rows;
pub mod settings;
