//! A stateful local simulator of the Telnyx API v2 messaging-number endpoints (placeholder; see issue 4).
#![forbid(unsafe_code)]
