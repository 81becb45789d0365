//! The Telnyx API key, held in a type that never prints or serializes its value.

use std::fmt;

/// A Telnyx API key.
///
/// `Debug` and `Display` print `<redacted>`, and the type deliberately does not implement
/// `serde::Serialize`, so the key cannot leak into logs, support reports or IPC payloads by accident.
/// The client sends it only as `Authorization: Bearer <key>` (FACTS.md §0 "Auth").
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key. Surrounding whitespace (a common copy-paste accident) is trimmed.
    pub fn new(s: impl Into<String>) -> Self {
        let s: String = s.into();
        let trimmed = s.trim();
        if trimmed.len() == s.len() {
            ApiKey(s)
        } else {
            ApiKey(trimmed.to_owned())
        }
    }

    /// The key itself. Only for building the `Authorization` header and for the OS keychain.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the key is empty (after trimming).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_are_redacted() {
        let key = ApiKey::new("KEY0123456789SECRET");
        assert_eq!(format!("{key}"), "<redacted>");
        assert!(!format!("{key:?}").contains("SECRET"));
        assert!(format!("{key:?}").contains("<redacted>"));
        assert!(!format!("{:#?}", Some(&key)).contains("SECRET"));
    }

    #[test]
    fn expose_returns_the_trimmed_key() {
        assert_eq!(ApiKey::new("  abc \n").expose(), "abc");
        assert!(ApiKey::new("   ").is_empty());
    }

    // Compile-time proof that ApiKey is not Serialize: an inherent associated const exists only
    // when `T: Serialize`; otherwise method resolution falls back to the trait's `false`.
    struct Probe<T>(std::marker::PhantomData<T>);
    trait NotSerialize {
        const IS_SERIALIZE: bool = false;
    }
    impl<T> NotSerialize for Probe<T> {}
    impl<T: serde::Serialize> Probe<T> {
        #[allow(dead_code)]
        const IS_SERIALIZE: bool = true;
    }

    #[test]
    fn api_key_cannot_be_serialized() {
        const { assert!(!Probe::<ApiKey>::IS_SERIALIZE) };
        // The probe itself works: a String is Serialize.
        const { assert!(Probe::<String>::IS_SERIALIZE) };
    }
}
