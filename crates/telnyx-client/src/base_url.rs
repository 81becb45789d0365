//! Base-URL validation: `https://` anywhere, plain `http://` only for loopback (the simulator).

use std::net::IpAddr;

use crate::error::{Error, Result};

/// The production base URL (FACTS.md §0).
pub const TELNYX_BASE_URL: &str = "https://api.telnyx.com/v2";

/// Checks `base` and returns it without a trailing `/`.
pub(crate) fn validate(base: &str) -> Result<String> {
    let url = url::Url::parse(base)
        .map_err(|e| Error::InvalidInput(format!("base URL {base:?} is not a URL: {e}")))?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::InvalidInput(format!(
            "base URL {base:?} must not have a query or fragment"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::InvalidInput(format!(
            "base URL must not contain credentials (got a URL with user info for {})",
            url.host_str().unwrap_or("?")
        )));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        _ => return Err(Error::InsecureBaseUrl(base.to_owned())),
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(
            validate("https://api.telnyx.com/v2/").ok().as_deref(),
            Some("https://api.telnyx.com/v2")
        );
        assert_eq!(
            validate("http://127.0.0.1:8080/v2").ok().as_deref(),
            Some("http://127.0.0.1:8080/v2")
        );
        assert!(validate("http://127.8.9.1/v2").is_ok());
        assert!(validate("http://[::1]:9/v2").is_ok());
        assert!(validate("http://localhost:9/v2").is_ok());
        for insecure in [
            "http://example.com",
            "http://api.telnyx.com/v2",
            "http://10.0.0.1/v2",
            "ftp://127.0.0.1/",
            "http://127.0.0.1.example.com/",
        ] {
            assert!(
                matches!(validate(insecure), Err(Error::InsecureBaseUrl(_))),
                "{insecure}"
            );
        }
        assert!(matches!(validate("not a url"), Err(Error::InvalidInput(_))));
        assert!(matches!(
            validate("https://x.test/v2?a=1"),
            Err(Error::InvalidInput(_))
        ));
        assert!(matches!(
            validate("https://u:p@x.test/v2"),
            Err(Error::InvalidInput(_))
        ));
    }
}
