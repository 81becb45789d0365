//! Typed async client for the Telnyx API v2 messaging-number endpoints (placeholder; see issue 3).
#![forbid(unsafe_code)]
