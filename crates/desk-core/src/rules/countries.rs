//! Country names and calling codes for the countries Number Desk shows (ISO 3166-1 alpha-2).

/// One country: its ISO alpha-2 code, English name and international calling code (digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    pub calling_code: &'static str,
}

const fn c(code: &'static str, name: &'static str, calling_code: &'static str) -> Country {
    Country {
        code,
        name,
        calling_code,
    }
}

/// The demo account's countries (US, CA, GB, DE, AU, FR, NL) and the ones Telnyx customers most
/// often hold numbers in. Sorted by code; a code that is missing is shown as the code itself.
pub const COUNTRIES: &[Country] = &[
    c("AE", "United Arab Emirates", "971"),
    c("AR", "Argentina", "54"),
    c("AT", "Austria", "43"),
    c("AU", "Australia", "61"),
    c("BE", "Belgium", "32"),
    c("BG", "Bulgaria", "359"),
    c("BR", "Brazil", "55"),
    c("CA", "Canada", "1"),
    c("CH", "Switzerland", "41"),
    c("CL", "Chile", "56"),
    c("CN", "China", "86"),
    c("CO", "Colombia", "57"),
    c("CY", "Cyprus", "357"),
    c("CZ", "Czechia", "420"),
    c("DE", "Germany", "49"),
    c("DK", "Denmark", "45"),
    c("DO", "Dominican Republic", "1"),
    c("EE", "Estonia", "372"),
    c("EG", "Egypt", "20"),
    c("ES", "Spain", "34"),
    c("FI", "Finland", "358"),
    c("FR", "France", "33"),
    c("GB", "United Kingdom", "44"),
    c("GR", "Greece", "30"),
    c("HK", "Hong Kong", "852"),
    c("HR", "Croatia", "385"),
    c("HU", "Hungary", "36"),
    c("ID", "Indonesia", "62"),
    c("IE", "Ireland", "353"),
    c("IL", "Israel", "972"),
    c("IN", "India", "91"),
    c("IS", "Iceland", "354"),
    c("IT", "Italy", "39"),
    c("JM", "Jamaica", "1"),
    c("JP", "Japan", "81"),
    c("KR", "South Korea", "82"),
    c("LT", "Lithuania", "370"),
    c("LU", "Luxembourg", "352"),
    c("LV", "Latvia", "371"),
    c("MT", "Malta", "356"),
    c("MX", "Mexico", "52"),
    c("MY", "Malaysia", "60"),
    c("NG", "Nigeria", "234"),
    c("NL", "Netherlands", "31"),
    c("NO", "Norway", "47"),
    c("NZ", "New Zealand", "64"),
    c("PE", "Peru", "51"),
    c("PH", "Philippines", "63"),
    c("PL", "Poland", "48"),
    c("PR", "Puerto Rico", "1"),
    c("PT", "Portugal", "351"),
    c("RO", "Romania", "40"),
    c("SA", "Saudi Arabia", "966"),
    c("SE", "Sweden", "46"),
    c("SG", "Singapore", "65"),
    c("SI", "Slovenia", "386"),
    c("SK", "Slovakia", "421"),
    c("TH", "Thailand", "66"),
    c("TR", "Türkiye", "90"),
    c("TW", "Taiwan", "886"),
    c("UA", "Ukraine", "380"),
    c("US", "United States", "1"),
    c("VN", "Vietnam", "84"),
    c("ZA", "South Africa", "27"),
];

/// The country with this ISO alpha-2 code (case-insensitive).
pub fn country(code: &str) -> Option<&'static Country> {
    let upper = match code.trim().as_bytes() {
        [a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
        _ => return None,
    };
    // The table is sorted by code (a test checks it).
    COUNTRIES
        .binary_search_by(|c| c.code.as_bytes().cmp(&upper[..]))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
}

/// The English name of an ISO alpha-2 code, or `None` when the table lacks it.
pub fn country_name(code: &str) -> Option<&'static str> {
    country(code).map(|c| c.name)
}

/// The calling code at the start of `digits` (an E.164 number without `+`): the one of `country`
/// when it matches, otherwise the longest code in the table that matches.
pub fn calling_code_of(digits: &str, country_code: Option<&str>) -> Option<&'static str> {
    if let Some(cc) = country_code.and_then(country).map(|c| c.calling_code) {
        if digits.starts_with(cc) {
            return Some(cc);
        }
    }
    COUNTRIES
        .iter()
        .map(|c| c.calling_code)
        .filter(|cc| digits.starts_with(cc))
        .max_by_key(|cc| cc.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for c in COUNTRIES {
            assert_eq!(c.code.len(), 2, "{}", c.code);
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.code);
            assert!(
                c.calling_code.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.code
            );
            assert!(!c.name.is_empty());
        }
    }

    #[test]
    fn names_and_calling_codes() {
        assert_eq!(country_name("us"), Some("United States"));
        assert_eq!(country_name("GB"), Some("United Kingdom"));
        assert_eq!(country_name("XX"), None);
        assert_eq!(calling_code_of("447700900000", Some("GB")), Some("44"));
        assert_eq!(calling_code_of("447700900000", None), Some("44"));
        assert_eq!(calling_code_of("353861234567", None), Some("353"));
        assert_eq!(calling_code_of("14165550100", Some("CA")), Some("1"));
        // A country that does not match the digits falls back to the table.
        assert_eq!(calling_code_of("4930231250000", Some("FR")), Some("49"));
        assert_eq!(calling_code_of("999555000000", None), None);
    }
}
