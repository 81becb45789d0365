//! Telnyx's error codes that a person can meet in Number Desk (loading the lists, changing a
//! number's messaging profile, connecting an account), each with what it means in plain words.
//! Titles are Telnyx's own (spec/telnyx/FACTS.md §8.1). The families are kept apart: 10xxx are about
//! the request, 20xxx about the account, 40xxx are messaging errors (most arrive when a message is
//! sent; those listed here also come back when a number's messaging settings change).

/// One Telnyx error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TelnyxCode {
    /// The code as Telnyx sends it (a string of digits).
    pub code: &'static str,
    /// Telnyx's title for it.
    pub title: &'static str,
    /// What it means and what to do, in sentences that follow "Telnyx refused the request (…)."
    pub meaning: &'static str,
}

const fn code(code: &'static str, title: &'static str, meaning: &'static str) -> TelnyxCode {
    TelnyxCode {
        code,
        title,
        meaning,
    }
}

/// Errors about the request itself (10xxx).
pub const REQUEST_ERRORS: &[TelnyxCode] = &[
    code(
        "10001",
        "Inactive phone number",
        "The number is not active on the account (it may still be being set up, or be disconnected), so it cannot be changed now.",
    ),
    code(
        "10002",
        "Invalid phone number",
        "Telnyx did not recognise the phone number as a valid one.",
    ),
    code(
        "10004",
        "Missing required parameter",
        "Something Telnyx needs was missing from the request. Refresh the list and try again.",
    ),
    code(
        "10005",
        "Resource not found",
        "Telnyx could not find this number or that profile on the account. It may have been removed: refresh the list.",
    ),
    code(
        "10006",
        "Invalid ID",
        "Telnyx did not recognise the number's or the profile's id. Refresh the list and try again.",
    ),
    code(
        "10007",
        "Unexpected error",
        "Telnyx had an unexpected problem on its side. Nothing changed; try again in a few minutes.",
    ),
    code(
        "10009",
        "Authentication failed",
        "Telnyx did not accept the API key. Check that it is a current v2 key from the Telnyx portal (Account → API Keys).",
    ),
    code(
        "10010",
        "Authorization failed",
        "The API key is not allowed to do this: the key may have limited access, or the account may not have this feature. Ask the account owner for a key with full access.",
    ),
    code(
        "10011",
        "Too many requests",
        "Telnyx is limiting how fast requests can be made. Wait a moment and try again.",
    ),
    code(
        "10015",
        "Bad Request",
        "Telnyx found the request invalid. When a number's profile is changed, this usually means the profile does not exist on this account or cannot take this number.",
    ),
    code(
        "10016",
        "Phone number must be in +E.164 format",
        "Telnyx needs the phone number written in the +E.164 form, such as +12125550100.",
    ),
];

/// Errors about the Telnyx account (20xxx).
pub const ACCOUNT_ERRORS: &[TelnyxCode] = &[
    code(
        "20012",
        "Account inactive",
        "The Telnyx account is not active. Check its status in the Telnyx portal, or contact Telnyx support.",
    ),
    code(
        "20013",
        "Account blocked",
        "The Telnyx account is blocked. Contact Telnyx support.",
    ),
    code(
        "20015",
        "Feature not enabled",
        "This feature is not turned on for the Telnyx account. Ask Telnyx support to enable it.",
    ),
    code(
        "20100",
        "Insufficient Funds",
        "The Telnyx account has run out of funds. Add funds in the Telnyx portal, then try again.",
    ),
];

/// Messaging errors (40xxx) that also come back when a number's messaging settings change.
pub const MESSAGING_ERRORS: &[TelnyxCode] = &[
    code(
        "40312",
        "Messaging profile is disabled",
        "The messaging profile is turned off. Turn it on in the Telnyx portal, or choose another profile.",
    ),
    code(
        "40314",
        "Messaging disabled on account",
        "Messaging is turned off for the whole Telnyx account. Contact Telnyx support.",
    ),
    code(
        "40323",
        "Messaging activation failed",
        "Telnyx could not turn messaging on for this number. Check that the number can send texts in its country, or contact Telnyx support.",
    ),
    code(
        "40324",
        "Messaging product type change failed",
        "Telnyx could not change the number's messaging product: another product on the number conflicts with this profile.",
    ),
];

/// What Telnyx's error `code` means, when Number Desk knows it.
pub fn lookup(code: &str) -> Option<&'static TelnyxCode> {
    let table = match code.as_bytes().first() {
        Some(b'1') => REQUEST_ERRORS,
        Some(b'2') => ACCOUNT_ERRORS,
        Some(b'4') => MESSAGING_ERRORS,
        _ => return None,
    };
    table.iter().find(|entry| entry.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILIES: [(&[TelnyxCode], &str); 3] = [
        (REQUEST_ERRORS, "10"),
        (ACCOUNT_ERRORS, "20"),
        (MESSAGING_ERRORS, "40"),
    ];

    #[test]
    fn every_code_sits_in_its_family_and_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for (table, prefix) in FAMILIES {
            assert!(!table.is_empty());
            for entry in table {
                assert_eq!(entry.code.len(), 5, "{}", entry.code);
                assert!(
                    entry.code.bytes().all(|b| b.is_ascii_digit()),
                    "{}",
                    entry.code
                );
                assert!(
                    entry.code.starts_with(prefix),
                    "{} is not {prefix}xxx",
                    entry.code
                );
                assert!(seen.insert(entry.code), "{} is listed twice", entry.code);
            }
        }
    }

    #[test]
    fn lookup_finds_every_entry_in_its_own_table_and_nothing_else() {
        for (table, _) in FAMILIES {
            for entry in table {
                assert_eq!(lookup(entry.code), Some(entry));
            }
        }
        for unknown in [
            "", "99", "10003", "40010", "50001", "1001", "100050", "abcde",
        ] {
            assert_eq!(lookup(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn meanings_are_plain_sentences_that_do_not_repeat_the_code() {
        for (table, _) in FAMILIES {
            for entry in table {
                let m = entry.meaning;
                assert!(m.starts_with(|c: char| c.is_uppercase()), "{m}");
                assert!(m.ends_with('.') && !m.ends_with(".."), "{m}");
                assert!(!m.contains(entry.code), "{m}");
                assert!(!entry.title.is_empty());
            }
        }
    }

    #[test]
    fn the_codes_of_a_refused_profile_change_say_what_to_do() {
        assert!(lookup("10015").is_some_and(|c| c.meaning.contains("profile")));
        assert!(lookup("10005").is_some_and(|c| c.meaning.contains("refresh the list")));
        assert!(lookup("10010").is_some_and(|c| c.meaning.contains("key")));
        assert!(lookup("40323").is_some_and(|c| c.title == "Messaging activation failed"));
    }
}
