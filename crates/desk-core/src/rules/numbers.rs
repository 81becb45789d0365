//! Phone numbers as people write them, from libphonenumber's metadata (the `phonenumber` crate,
//! which ships Google's `PhoneNumberMetadata.xml`): the national format the list shows, the
//! country a number belongs to, and reading a number a person typed.
//!
//! Nothing here is hand-written numbering knowledge: grouping, trunk prefixes ("0" in the UK and
//! Germany), area codes (US, Canada and the Caribbean share +1) all come from the metadata.

use std::collections::HashMap;
use std::fmt;
use std::sync::{LazyLock, PoisonError, RwLock};

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use phonenumber::{country, Mode, ParseError, PhoneNumber};
use telnyx_client::E164;

use crate::rules::readiness::NumberKind;

/// What the list shows of a number and the country it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The number as people in its own country write it: `(212) 555-0100`, `07700 900000`,
    /// `030 23125000`; a short code as its digits (`55501`); an alphanumeric sender as it is.
    pub display: String,
    /// ISO 3166-1 alpha-2 code, upper case, when known.
    pub country: Option<String>,
}

/// Reads libphonenumber's metadata and the country names into memory (about 150 ms of one core,
/// once per run of the app): the app calls it on a thread of its own at start, so that the first
/// list does not wait for it. Later calls return at once.
pub fn load_metadata() {
    let _ = &*DATABASE;
    let _ = crate::rules::countries::country_name("US");
}

/// Drops the regular expressions libphonenumber compiled while numbers were described, and the
/// lazy-DFA caches each of them grew (31.2 MB after six refreshes of 10,000 numbers, measured with
/// heaptrack; the `phonenumber` crate keeps up to 100 compiled in one shared LRU cache for the
/// life of the app). Call it when a list has been built: a number not described before compiles
/// what it needs again (about 80 ms for a whole account of new numbers); numbers already described
/// come from [`describe`]'s memo and need none. Returns how many compiled expressions were dropped.
pub fn release_regex_caches() -> usize {
    let cache = DATABASE.cache();
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    let dropped = cache.len();
    cache.clear();
    dropped
}

/// Numbers already read through libphonenumber (their digits and the API's country → what
/// [`describe`] answered), so that a refresh, a scan or a preview of the same account reads each
/// number once per run of the app, and the regular expressions can be released between loads
/// ([`release_regex_caches`]). The answer depends on nothing else (the metadata is compiled in),
/// so the memo can never be stale; it is emptied when it reaches [`MEMO_MAX`] numbers.
static MEMO: LazyLock<RwLock<HashMap<MemoKey, Described>>> = LazyLock::new(Default::default);

/// The most numbers [`MEMO`] holds (about 230 bytes each): several accounts of 100,000.
const MEMO_MAX: usize = 400_000;

/// A number's digits (after the `+`) and the API's country for it (upper case).
type MemoKey = (Box<str>, Option<[u8; 2]>);

/// Describes a number as an endpoint gives it (`phone`: E.164, or bare digits for a short code),
/// given the country the API reports for it (`api_country`, any case) and its type.
///
/// The country is the API's when the number belongs to it by libphonenumber's metadata (a
/// toll-free `+1 800` number can be Canadian as well as American); otherwise libphonenumber's,
/// which tells US, Canadian and Caribbean numbers apart by area code; otherwise, for a number the
/// metadata cannot place (a range kept for fiction, say), the API's when its calling code matches.
pub fn describe(phone: &str, api_country: Option<&str>, kind: NumberKind) -> Described {
    describe_with(phone, api_country, kind, true)
}

/// [`describe`] without its memo: every number read through libphonenumber (for benchmarks and
/// tests of the reading itself).
pub fn describe_uncached(phone: &str, api_country: Option<&str>, kind: NumberKind) -> Described {
    describe_with(phone, api_country, kind, false)
}

fn describe_with(
    phone: &str,
    api_country: Option<&str>,
    kind: NumberKind,
    memo: bool,
) -> Described {
    let trimmed = phone.trim();
    let api = api_country
        .map(str::trim)
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    // An alphanumeric sender ID ("NWDental") is a name, not a number: shown as it is.
    if trimmed.chars().any(char::is_alphabetic) {
        return Described {
            display: trimmed.to_owned(),
            country: api,
        };
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let international = trimmed.starts_with('+');
    if kind == NumberKind::ShortCode || (!international && digits.len() <= 8) {
        return Described {
            display: digits,
            country: api,
        };
    }
    if !memo {
        return read_number(&digits, api);
    }
    let key: MemoKey = (
        digits.into_boxed_str(),
        api.as_deref()
            .and_then(|a| <[u8; 2]>::try_from(a.as_bytes()).ok()),
    );
    if let Some(known) = MEMO
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return known.clone();
    }
    let described = read_number(&key.0, api);
    let mut memo = MEMO.write().unwrap_or_else(PoisonError::into_inner);
    if memo.len() >= MEMO_MAX {
        memo.clear();
    }
    memo.insert(key, described.clone());
    described
}

/// National format and country of `+digits` by libphonenumber (see [`describe`]).
fn read_number(digits: &str, api: Option<String>) -> Described {
    match phonenumber::parse(None, format!("+{digits}")) {
        Ok(number) => Described {
            display: number.format().mode(Mode::National).to_string(),
            country: country_of(&number, api),
        },
        // No country has this calling code: the number as the API gave it.
        Err(_) => Described {
            display: format!("+{digits}"),
            country: api,
        },
    }
}

/// The regions that share the number's calling code, main region first.
fn regions_of(number: &PhoneNumber) -> Vec<&'static str> {
    DATABASE
        .region(&number.code().value())
        .unwrap_or_default()
        .into_iter()
        .filter(|r| *r != "001")
        .collect()
}

/// Whether `national` is a number of some type (fixed line, mobile, toll-free, …) in `meta`.
fn belongs_to(meta: &Metadata, national: &str) -> bool {
    type_descriptors(meta).any(|d| d.is_match(national))
}

/// The descriptors of each type of number in `meta` that it has.
fn type_descriptors(meta: &Metadata) -> impl Iterator<Item = &Descriptor> {
    let d = meta.descriptors();
    [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.personal_number(),
        d.voip(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
}

fn country_of(number: &PhoneNumber, api: Option<String>) -> Option<String> {
    let regions = regions_of(number);
    let api_shares_code = api
        .as_deref()
        .is_some_and(|a| regions.iter().any(|r| r.eq_ignore_ascii_case(a)));
    if api_shares_code && regions.len() == 1 {
        return api;
    }
    let national = number.national().to_string();
    if api_shares_code {
        let fits = api
            .as_deref()
            .and_then(|a| DATABASE.by_id(a))
            .is_some_and(|meta| belongs_to(meta, &national));
        if fits {
            return api;
        }
    }
    if let Some(id) = number.country().id() {
        return Some(id.as_ref().to_owned());
    }
    if api_shares_code {
        return api;
    }
    regions
        .first()
        .filter(|_| regions.len() == 1)
        .map(|r| (*r).to_owned())
}

/// Why a typed text is not a phone number, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedNumberProblem {
    /// Nothing but spaces.
    Empty,
    /// Letters, or no digits at all.
    NotANumber,
    /// A national number without a country to read it in.
    NeedsCountryCode,
    /// `+` and a calling code no country has.
    UnknownCountryCode,
    /// Too few digits for a number of `country` (ISO alpha-2), or for any number.
    TooShort { country: Option<String> },
    /// Too many digits for a number of `country`, or for any number.
    TooLong { country: Option<String> },
}

impl fmt::Display for TypedNumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "a +44 (United Kingdom) phone number": the name in brackets needs no article.
        let kind = |c: &Option<String>| {
            c.as_deref()
                .and_then(|code| {
                    let calling = DATABASE.by_id(code)?.country_code();
                    let name = crate::rules::countries::country_name(code).unwrap_or(code);
                    Some(format!("a +{calling} ({name}) phone number"))
                })
                .unwrap_or_else(|| "a phone number".to_owned())
        };
        match self {
            Self::Empty => f.write_str("Type a phone number."),
            Self::NotANumber => {
                f.write_str("That is not a phone number: use digits, for example +1 206 555 0107.")
            }
            Self::NeedsCountryCode => f.write_str(
                "Add the country code, starting with + (for example +44 for the United Kingdom).",
            ),
            Self::UnknownCountryCode => {
                f.write_str("No country has that country code: check the digits after the +.")
            }
            Self::TooShort { country } => {
                write!(f, "That has too few digits for {}.", kind(country))
            }
            Self::TooLong { country } => {
                write!(f, "That has too many digits for {}.", kind(country))
            }
        }
    }
}

impl std::error::Error for TypedNumberProblem {}

/// Reads a number as a person types it, in any common written form: `(206) 555-0107`,
/// `+44 7700 900000`, `0049 30 23125000`, `020 7946 0000`, fullwidth or Arabic-Indic digits.
/// `default_region` (ISO alpha-2) is the country a number without its country code is read in
/// (the account's or the computer's); without one, such a number asks for its country code.
///
/// A number is accepted when libphonenumber knows it as a number of its country or its length is
/// one that country's numbers have (ranges kept for fiction, new ranges the metadata does not list
/// yet): this reads what was typed; whether the account has the number is the caller's question.
pub fn parse_typed(text: &str, default_region: Option<&str>) -> Result<E164, TypedNumberProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TypedNumberProblem::Empty);
    }
    // Letters other than an extension marker make it a name or a word, not a number.
    if text.chars().any(char::is_alphabetic) {
        return Err(TypedNumberProblem::NotANumber);
    }
    let region: Option<country::Id> = default_region
        .map(|r| r.trim().to_ascii_uppercase())
        .and_then(|r| r.parse().ok());
    let digits = ascii_digits(text);
    if digits.is_empty() {
        return Err(TypedNumberProblem::NotANumber);
    }
    let plus = text.trim_start().starts_with(['+', '＋']);
    // "00" is how most of the world dials abroad; read it so whatever the default region's own
    // international prefix is (the US dials 011).
    let candidate = if plus {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00").filter(|r| !r.starts_with('0')) {
        format!("+{rest}")
    } else if region.is_none() {
        return Err(TypedNumberProblem::NeedsCountryCode);
    } else {
        digits.clone()
    };
    let number = phonenumber::parse(region, &candidate).map_err(|e| match e {
        ParseError::InvalidCountryCode => {
            if plus || candidate.starts_with('+') {
                TypedNumberProblem::UnknownCountryCode
            } else {
                TypedNumberProblem::NeedsCountryCode
            }
        }
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => {
            TypedNumberProblem::TooShort { country: None }
        }
        ParseError::TooLong => TypedNumberProblem::TooLong { country: None },
        _ => TypedNumberProblem::NotANumber,
    })?;
    if !phonenumber::is_valid(&number) {
        let national = number.national().to_string();
        let regions = regions_of(&number);
        let lengths: Vec<u16> = regions
            .iter()
            .filter_map(|r| DATABASE.by_id(*r))
            .flat_map(|m| type_descriptors(m).flat_map(|d| d.possible_length().to_vec()))
            .collect();
        let len = u16::try_from(national.len()).unwrap_or(u16::MAX);
        if !lengths.is_empty() && !lengths.contains(&len) {
            let country = regions.first().map(|r| (*r).to_owned());
            return Err(if lengths.iter().all(|l| *l > len) {
                TypedNumberProblem::TooShort { country }
            } else {
                TypedNumberProblem::TooLong { country }
            });
        }
    }
    // More than E.164's 15 digits: the only way the crate's E.164 form can be refused.
    E164::parse(&number.format().mode(Mode::E164).to_string())
        .map_err(|_| TypedNumberProblem::TooLong { country: None })
}

/// The digits of `text` in ASCII, whatever script they were typed in (fullwidth `２０６`,
/// Arabic-Indic `٢٠٦`, …): every Unicode decimal digit block runs zero to nine.
fn ascii_digits(text: &str) -> String {
    text.chars().filter_map(digit_value).collect()
}

/// The first code point (the zero) of every run of ten Unicode decimal digits (`Nd`) below the
/// supplementary planes, plus the mathematical digits; enough for what a keyboard types.
const DIGIT_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

fn digit_value(c: char) -> Option<char> {
    let cp = u32::from(c);
    let math = 0x1D7CE..=0x1D7FF;
    let value = if math.contains(&cp) {
        (cp - 0x1D7CE) % 10
    } else {
        let zero = DIGIT_ZEROS
            .iter()
            .copied()
            .find(|z| (*z..*z + 10).contains(&cp))?;
        cp - zero
    };
    char::from_digit(value, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number as the API gives it, its API country and type; its display and country.
    type DisplayCase<'a> = (
        &'a str,
        Option<&'a str>,
        NumberKind,
        &'a str,
        Option<&'a str>,
    );

    #[test]
    fn display_in_each_countrys_national_format() {
        use NumberKind::*;
        let cases: &[DisplayCase<'_>] = &[
            // US and Canada read as they always have, without the +1.
            (
                "+12065550107",
                Some("US"),
                LongCode,
                "(206) 555-0107",
                Some("US"),
            ),
            (
                "+14165550100",
                Some("CA"),
                LongCode,
                "(416) 555-0100",
                Some("CA"),
            ),
            (
                "+18005550100",
                Some("US"),
                TollFree,
                "(800) 555-0100",
                Some("US"),
            ),
            // GB mobile (a range kept for drama: unknown to the metadata, still grouped) and London.
            (
                "+447700900000",
                Some("GB"),
                LongCode,
                "07700 900000",
                Some("GB"),
            ),
            (
                "+442079460000",
                Some("GB"),
                LongCode,
                "020 7946 0000",
                Some("GB"),
            ),
            // DE Berlin and mobile.
            (
                "+493023125000",
                Some("DE"),
                LongCode,
                "030 23125000",
                Some("DE"),
            ),
            (
                "+4915123456789",
                Some("DE"),
                LongCode,
                "01512 3456789",
                Some("DE"),
            ),
            (
                "+33199000000",
                Some("FR"),
                LongCode,
                "01 99 00 00 00",
                Some("FR"),
            ),
            (
                "+61491570006",
                Some("AU"),
                LongCode,
                "0491 570 006",
                Some("AU"),
            ),
            ("+31205550000", None, LongCode, "020 555 0000", Some("NL")),
            // Short codes and alphanumeric senders are not numbers to regroup.
            ("55501", Some("US"), ShortCode, "55501", Some("US")),
            ("+55501", Some("us"), ShortCode, "55501", Some("US")),
            ("55501", None, Unknown, "55501", None),
            ("NWDental", None, Unknown, "NWDental", None),
            (" NWDental ", Some("US"), LongCode, "NWDental", Some("US")),
            // Garbage: no country has +999; shown as given, never regrouped.
            ("+999555000000", None, Unknown, "+999555000000", None),
            ("", None, Unknown, "", None),
        ];
        for (phone, api, kind, display, country) in cases {
            let d = describe_uncached(phone, *api, *kind);
            assert_eq!(d.display, *display, "{phone}");
            assert_eq!(d.country.as_deref(), *country, "{phone}");
            // The memo answers the same, the first time and from memory.
            assert_eq!(describe(phone, *api, *kind), d, "{phone}");
            assert_eq!(describe(phone, *api, *kind), d, "{phone}");
        }
    }

    #[test]
    fn country_of_a_number() {
        let country =
            |phone: &str, api: Option<&str>| describe(phone, api, NumberKind::LongCode).country;
        // NANP: the area code tells the US, Canada and the Caribbean apart.
        assert_eq!(country("+14165550100", None).as_deref(), Some("CA"));
        assert_eq!(country("+12125550100", None).as_deref(), Some("US"));
        assert_eq!(country("+18095550100", None).as_deref(), Some("DO"));
        assert_eq!(country("+18765550100", None).as_deref(), Some("JM"));
        // The API's country when the number belongs to it (toll-free is shared by US and CA)…
        assert_eq!(country("+18005550104", Some("CA")).as_deref(), Some("CA"));
        assert_eq!(country("+18005550104", Some("US")).as_deref(), Some("US"));
        // …otherwise the metadata's: a Toronto number is Canadian whatever the record says.
        assert_eq!(country("+14165550100", Some("US")).as_deref(), Some("CA"));
        assert_eq!(country("+4930231250000", Some("FR")).as_deref(), Some("DE"));
        // A number the metadata cannot place keeps the API's country when the code matches.
        assert_eq!(country("+447700900000", Some("GB")).as_deref(), Some("GB"));
        assert_eq!(country("+447700900000", Some("JE")).as_deref(), Some("JE"));
        assert_eq!(country("+447700900000", None), None);
        assert_eq!(country("+447400123456", None).as_deref(), Some("GB"));
        assert_eq!(country("+999555000000", Some("US")).as_deref(), Some("US"));
    }

    #[test]
    fn numbers_read_the_same_after_the_regex_caches_are_released() {
        let phones = [
            ("+12065550107", Some("US")),
            ("+18095550100", None),
            ("+447400123456", None),
            ("+4930231250000", Some("FR")),
            ("+18005550104", Some("CA")),
        ];
        let read = || -> Vec<Described> {
            phones
                .iter()
                .map(|(p, api)| describe_uncached(p, *api, NumberKind::LongCode))
                .collect()
        };
        let before = read();
        assert!(
            release_regex_caches() > 0,
            "describing numbers compiled nothing to release"
        );
        assert_eq!(read(), before);
        assert_eq!(
            parse_typed("(206) 555-0107", Some("US")).map(|e| e.to_string()),
            Ok("+12065550107".to_owned())
        );
    }

    #[test]
    fn the_memo_tells_apart_the_countries_the_api_gives() {
        // The same digits with another country from the API can be another answer.
        let country =
            |phone: &str, api: Option<&str>| describe(phone, api, NumberKind::LongCode).country;
        assert_eq!(country("+18005550104", Some("CA")).as_deref(), Some("CA"));
        assert_eq!(country("+18005550104", Some("US")).as_deref(), Some("US"));
        assert_eq!(country("+18005550104", Some("ca")).as_deref(), Some("CA"));
        assert_eq!(country("+447700900000", Some("JE")).as_deref(), Some("JE"));
        assert_eq!(country("+447700900000", None), None);
        let key: MemoKey = ("18005550104".into(), Some(*b"CA"));
        assert!(MEMO.read().unwrap().contains_key(&key));
    }

    #[test]
    fn typed_numbers_in_any_common_form() {
        let ok = |text: &str, region: Option<&str>, want: &str| {
            assert_eq!(
                parse_typed(text, region).map(|e| e.to_string()),
                Ok(want.to_owned()),
                "{text:?} in {region:?}"
            );
        };
        ok("(206) 555-0107", Some("US"), "+12065550107");
        ok("206.555.0107", Some("US"), "+12065550107");
        ok("1-206-555-0107", Some("US"), "+12065550107");
        ok("+1 206 555 0107", None, "+12065550107");
        ok("011 44 20 7946 0000", Some("US"), "+442079460000");
        ok("+44 7700 900000", None, "+447700900000");
        ok("07700 900000", Some("GB"), "+447700900000");
        ok("020 7946 0000", Some("gb"), "+442079460000");
        ok("0049 30 23125000", None, "+493023125000");
        ok("0049 30 23125000", Some("US"), "+493023125000");
        ok("030 23125000", Some("DE"), "+493023125000");
        ok("+49 (0)30 23125000", None, "+493023125000");
        ok("01 99 00 00 00", Some("FR"), "+33199000000");
        ok("0491 570 006", Some("AU"), "+61491570006");
        // Digits of other scripts.
        ok("（２０６） ５５５-０１０７", Some("US"), "+12065550107");
        ok("＋４４ ７７００ ９０００００", None, "+447700900000");
        ok("+٤٤ ٧٧٠٠ ٩٠٠٠٠٠", None, "+447700900000");

        let err = |text: &str, region: Option<&str>, want: TypedNumberProblem| {
            assert_eq!(
                parse_typed(text, region),
                Err(want),
                "{text:?} in {region:?}"
            );
        };
        use TypedNumberProblem as P;
        err("", None, P::Empty);
        err("   ", Some("US"), P::Empty);
        err("NWDental", None, P::NotANumber);
        err("call me", Some("US"), P::NotANumber);
        err("--", Some("US"), P::NotANumber);
        err("020 7946 0000", None, P::NeedsCountryCode);
        err("+999 555 0000", None, P::UnknownCountryCode);
        err(
            "+44 20 79",
            None,
            P::TooShort {
                country: Some("GB".into()),
            },
        );
        err(
            "+1 206 555 01071234",
            None,
            P::TooLong {
                country: Some("US".into()),
            },
        );
        err("+1", None, P::NotANumber);
    }

    #[test]
    fn problems_read_as_sentences() {
        assert_eq!(
            TypedNumberProblem::TooShort {
                country: Some("GB".into())
            }
            .to_string(),
            "That has too few digits for a +44 (United Kingdom) phone number."
        );
        assert_eq!(
            TypedNumberProblem::TooLong { country: None }.to_string(),
            "That has too many digits for a phone number."
        );
        for p in [
            TypedNumberProblem::Empty,
            TypedNumberProblem::NotANumber,
            TypedNumberProblem::NeedsCountryCode,
            TypedNumberProblem::UnknownCountryCode,
        ] {
            let s = p.to_string();
            assert!(
                s.ends_with('.') && s.chars().next().is_some_and(char::is_uppercase),
                "{s}"
            );
        }
    }

    #[test]
    fn digits_of_every_script() {
        assert_eq!(
            ascii_digits("+1 (２０６) ٥٥٥-۰۱۰७ 𝟗"),
            "12065550107 9".replace(' ', "")
        );
    }
}
