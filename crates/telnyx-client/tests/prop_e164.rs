//! Property tests of the E.164 parser (`src/models/e164.rs`): arbitrary strings, arbitrary bytes and
//! near-valid numbers never panic, and whatever is accepted is a well-formed number; valid numbers
//! round-trip through `parse`, `Display`, `FromStr`, serde and the lenient parser.
//!
//! Cases: `PROPTEST_CASES` when set (the reliability report runs 100,000: `bash .ci/dev
//! reliability`), else 2,000 per property so `cargo test` stays quick.

use std::str::FromStr;

use proptest::prelude::*;
use telnyx_client::{E164Error, E164};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// What every accepted number must look like (strict form).
fn well_formed(e: &E164) -> Result<(), TestCaseError> {
    let s = e.as_str();
    prop_assert!(s.starts_with('+'), "{s:?}");
    let d = e.digits();
    prop_assert!((2..=E164::MAX_DIGITS).contains(&d.len()), "{s:?}");
    prop_assert!(d.bytes().all(|b| b.is_ascii_digit()), "{s:?}");
    prop_assert!(!d.starts_with('0'), "{s:?}");
    prop_assert!(!e.is_short_code());
    Ok(())
}

/// A valid number: `+`, a non-zero digit, then 1 to 14 digits.
fn valid() -> impl Strategy<Value = String> {
    "[1-9][0-9]{1,14}".prop_map(|d| format!("+{d}"))
}

/// Characters that make a number nearly right: other scripts' digits, separators, signs,
/// invisible and control characters.
fn troublemaker() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('０'),
        Just('９'),
        Just('١'),
        Just('٣'),
        Just('۵'),
        Just('४'),
        Just('+'),
        Just('-'),
        Just(' '),
        Just('\u{00A0}'),
        Just('\u{200B}'),
        Just('\u{202E}'),
        Just('\u{FEFF}'),
        Just('\0'),
        Just('\n'),
        Just('('),
        Just('.'),
        Just('e'),
        Just('x'),
        any::<char>(),
    ]
}

/// A valid number with one edit: a character inserted, replaced or removed, or digits added.
fn near_valid() -> impl Strategy<Value = String> {
    (valid(), 0usize..20, troublemaker(), 0u8..4, 0usize..40).prop_map(
        |(s, pos, c, edit, extra)| {
            let mut chars: Vec<char> = s.chars().collect();
            let at = pos % (chars.len() + 1);
            match edit {
                0 => chars.insert(at, c),
                1 if at < chars.len() => chars[at] = c,
                2 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => chars.extend(std::iter::repeat_n('7', extra)),
            }
            chars.into_iter().collect()
        },
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings_never_panic_and_only_well_formed_numbers_pass(s in any::<String>()) {
        if let Ok(e) = E164::parse(&s) {
            well_formed(&e)?;
            prop_assert_eq!(e.as_str(), s.as_str());
        }
        if let Ok(e) = E164::parse_lenient(&s) {
            well_formed(&e)?;
        }
        if let Ok(e) = E164::parse_address(&s) {
            if e.is_short_code() {
                prop_assert!((3..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()));
            } else {
                well_formed(&e)?;
            }
        }
        prop_assert_eq!(E164::from_str(&s), E164::parse(&s));
    }

    #[test]
    fn arbitrary_bytes_as_json_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = serde_json::from_slice::<E164>(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let _ = E164::parse(&text);
        let _ = E164::parse_lenient(&text);
        let quoted = serde_json::to_string(&text).expect("a string encodes");
        if let Ok(e) = serde_json::from_str::<E164>(&quoted) {
            prop_assert_eq!(e, E164::parse_address(&text).expect("serde accepts what parse_address accepts"));
        }
    }

    #[test]
    fn near_valid_numbers_never_panic(s in near_valid()) {
        match E164::parse(&s) {
            Ok(e) => well_formed(&e)?,
            Err(E164Error::MissingPlus(got) | E164Error::NonDigit(got)
                | E164Error::Length(got) | E164Error::LeadingZero(got)) => prop_assert_eq!(got, s.clone()),
        }
        if let Ok(e) = E164::parse_lenient(&s) {
            well_formed(&e)?;
        }
        let quoted = serde_json::to_string(&s).expect("a string encodes");
        let _ = serde_json::from_str::<E164>(&quoted);
    }

    #[test]
    fn valid_numbers_round_trip(s in valid()) {
        let e = E164::parse(&s).expect("generated numbers are valid");
        well_formed(&e)?;
        prop_assert_eq!(e.to_string(), s.clone());
        prop_assert_eq!(E164::from_str(&format!("{e}")), Ok(e.clone()));
        prop_assert_eq!(E164::try_from(s.clone()), Ok(e.clone()));
        let json = serde_json::to_string(&e).expect("encodes");
        prop_assert_eq!(json.clone(), format!("\"{s}\""));
        prop_assert_eq!(serde_json::from_str::<E164>(&json).expect("decodes"), e.clone());
        prop_assert_eq!(format!("+{}", e.digits()), s);
    }

    #[test]
    fn typed_separators_are_removed_by_the_lenient_parser(
        s in valid(),
        cuts in proptest::collection::vec((0usize..16, prop_oneof![Just(" "), Just("-"), Just("."), Just("("), Just(")"), Just("\t")]), 0..6),
    ) {
        let mut typed = s.clone();
        for (pos, sep) in cuts {
            // Never before the `+`: "(+1 555)" is not how a number is written.
            let at = 1 + pos % typed.len();
            if typed.is_char_boundary(at) {
                typed.insert_str(at, sep);
            }
        }
        let typed = format!("  {typed} ");
        prop_assert_eq!(E164::parse_lenient(&typed), E164::parse(&s));
    }

    #[test]
    fn short_codes_decode_from_json_but_never_parse(d in "[0-9]{3,8}") {
        let e: E164 = serde_json::from_str(&format!("\"{d}\"")).expect("a short code decodes");
        prop_assert!(e.is_short_code());
        prop_assert_eq!(e.digits(), d.as_str());
        prop_assert!(E164::parse(&d).is_err());
    }
}
