//! `E164`: a phone number in +E.164 form, validated on parse.

use std::fmt;
use std::str::FromStr;

/// A phone number in +E.164 form: `+`, then 2 to 15 digits, the first not `0`.
///
/// The lower bound of 2 digits (a country code plus at least one digit) is ours; E.164 itself fixes
/// only the maximum of 15 digits. Parsing is strict (`"+15551234567"`); [`E164::parse_lenient`]
/// additionally strips the separators people type (spaces, dashes, dots, parentheses).
///
/// **Short codes.** The spec declares `phone_number` of a messaging-settings record as +E.164
/// while the same schema's `type` includes `short-code`, and a short code (`"55501"`) has no
/// E.164 form. So that one short code never fails a whole page, *decoding from JSON* also accepts
/// a bare short code of 3 to 8 digits ([`E164::parse_address`]); [`E164::is_short_code`] tells
/// them apart. [`E164::parse`] and `FromStr` stay strict.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct E164(String);

/// Why a string is not a +E.164 number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum E164Error {
    /// The string does not start with `+`.
    #[error("phone number must start with '+' (E.164), got {0:?}")]
    MissingPlus(String),
    /// A character other than a digit follows the `+`.
    #[error("phone number may only contain digits after '+', got {0:?}")]
    NonDigit(String),
    /// Fewer than 2 or more than 15 digits.
    #[error("phone number must have 2 to 15 digits after '+', got {0:?}")]
    Length(String),
    /// The country code starts with 0.
    #[error("phone number country code cannot start with 0, got {0:?}")]
    LeadingZero(String),
}

impl E164 {
    /// Maximum number of digits in an E.164 number.
    pub const MAX_DIGITS: usize = 15;

    /// Parses a strict +E.164 string.
    pub fn parse(s: &str) -> Result<Self, E164Error> {
        let digits = s
            .strip_prefix('+')
            .ok_or_else(|| E164Error::MissingPlus(s.to_owned()))?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E164Error::NonDigit(s.to_owned()));
        }
        if digits.len() < 2 || digits.len() > Self::MAX_DIGITS {
            return Err(E164Error::Length(s.to_owned()));
        }
        if digits.starts_with('0') {
            return Err(E164Error::LeadingZero(s.to_owned()));
        }
        Ok(E164(s.to_owned()))
    }

    /// Parses a +E.164 number or a bare short code of 3 to 8 digits (what the API may put in a
    /// number field). Used when decoding API responses.
    pub fn parse_address(s: &str) -> Result<Self, E164Error> {
        if !s.starts_with('+')
            && (3..=8).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
        {
            return Ok(E164(s.to_owned()));
        }
        Self::parse(s)
    }

    /// True for a bare short code accepted by [`E164::parse_address`].
    pub fn is_short_code(&self) -> bool {
        !self.0.starts_with('+')
    }

    /// Parses after removing spaces, dashes, dots and parentheses (e.g. `"+1 (555) 123-4567"`).
    pub fn parse_lenient(s: &str) -> Result<Self, E164Error> {
        let cleaned: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\t'))
            .collect();
        Self::parse(&cleaned)
    }

    /// The number with its leading `+`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits (after the `+`, or the whole short code).
    pub fn digits(&self) -> &str {
        self.0.strip_prefix('+').unwrap_or(&self.0)
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for E164 {
    type Err = E164Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for E164 {
    type Error = E164Error;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl TryFrom<&str> for E164 {
    type Error = E164Error;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl AsRef<str> for E164 {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for E164 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for E164 {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        E164::parse_address(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table() {
        let ok = [
            "+15551234567",
            "+18005550001",
            "+442071838750",
            "+12",
            "+123456789012345",
        ];
        for s in ok {
            assert_eq!(
                E164::parse(s).map(|e| e.to_string()),
                Ok(s.to_owned()),
                "{s}"
            );
        }
        let bad = [
            ("15551234567", "MissingPlus"),
            ("", "MissingPlus"),
            ("+", "Length"),
            ("+1", "Length"),
            ("+1234567890123456", "Length"),
            ("+0155512345", "LeadingZero"),
            ("+1 555 123", "NonDigit"),
            ("+1555-1234", "NonDigit"),
            ("++15551234567", "NonDigit"),
            ("+١٢٣٤", "NonDigit"),
        ];
        for (s, kind) in bad {
            let err = E164::parse(s).expect_err(s);
            assert!(format!("{err:?}").starts_with(kind), "{s}: {err:?}");
        }
    }

    #[test]
    fn short_codes_decode_but_do_not_parse() {
        let sc: E164 = serde_json::from_str("\"55501\"").expect("short code decodes");
        assert!(sc.is_short_code());
        assert_eq!(sc.digits(), "55501");
        assert!(E164::parse("55501").is_err());
        assert!(serde_json::from_str::<E164>("\"12\"").is_err());
        assert!(serde_json::from_str::<E164>("\"123456789\"").is_err());
        assert!(serde_json::from_str::<E164>("\"5550A\"").is_err());
        assert!(!E164::parse("+15551234567").expect("valid").is_short_code());
    }

    #[test]
    fn lenient_strips_separators() {
        assert_eq!(
            E164::parse_lenient(" +1 (555) 123-4567 ").map(|e| e.to_string()),
            Ok("+15551234567".to_owned())
        );
        assert!(E164::parse_lenient("555 123 4567").is_err());
    }

    #[test]
    fn serde_roundtrip_and_rejection() {
        let e: E164 = serde_json::from_str("\"+15551234567\"").expect("valid");
        assert_eq!(serde_json::to_string(&e).expect("ser"), "\"+15551234567\"");
        assert!(
            serde_json::from_str::<E164>("\"5551234567\"").is_err(),
            "10 bare digits are not a short code"
        );
        assert_eq!(e.digits(), "15551234567");
    }

    proptest! {
        #[test]
        fn valid_numbers_parse_and_roundtrip(first in 1u8..=9, rest in proptest::collection::vec(0u8..=9, 1..=14)) {
            let s = format!("+{}{}", first, rest.iter().map(|d| d.to_string()).collect::<String>());
            let e = E164::parse(&s).expect("generated numbers are valid");
            prop_assert_eq!(e.as_str(), s.as_str());
            prop_assert_eq!(e.digits().len(), rest.len() + 1);
        }

        #[test]
        fn parse_never_panics_and_accepts_only_valid(s in "\\PC{0,24}") {
            if let Ok(e) = E164::parse(&s) {
                let d = e.digits();
                prop_assert!(s.starts_with('+'));
                prop_assert!(d.len() >= 2 && d.len() <= 15);
                prop_assert!(d.bytes().all(|b| b.is_ascii_digit()));
                prop_assert!(!d.starts_with('0'));
            }
        }

        #[test]
        fn too_long_is_rejected(rest in proptest::collection::vec(0u8..=9, 15..=30)) {
            let s = format!("+1{}", rest.iter().map(|d| d.to_string()).collect::<String>());
            prop_assert!(matches!(E164::parse(&s), Err(E164Error::Length(_))));
        }

        #[test]
        fn any_non_digit_is_rejected(digits in "[1-9][0-9]{3,10}", pos in 0usize..8, c in "[^0-9]") {
            let mut s: String = digits.clone();
            let at = pos.min(s.len());
            s.insert_str(at, &c);
            let s = format!("+{s}");
            prop_assert!(E164::parse(&s).is_err());
        }

        #[test]
        fn lenient_agrees_with_strict_on_clean_input(first in 1u8..=9, rest in proptest::collection::vec(0u8..=9, 1..=14)) {
            let s = format!("+{}{}", first, rest.iter().map(|d| d.to_string()).collect::<String>());
            prop_assert_eq!(E164::parse_lenient(&s), E164::parse(&s));
        }
    }
}
