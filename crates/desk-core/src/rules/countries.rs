//! Country names for ISO 3166-1 alpha-2 codes, from the `keshvar` crate's ISO 3166 data: the
//! English name people use (CLDR's, as in "United Kingdom", "South Korea", "Türkiye"), else the
//! ISO short name. Every country ISO 3166-1 lists, none hand-written here.

use std::collections::HashMap;
use std::sync::OnceLock;

use keshvar::CountryIterator;

/// Every country's English name by its upper-case alpha-2 code, built once on first use.
fn names() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        CountryIterator::new()
            .map(|c| {
                let name = c
                    .translations()
                    .get("en")
                    .copied()
                    .unwrap_or_else(|| c.iso_short_name());
                (c.alpha2().to_string().to_ascii_uppercase(), name)
            })
            .collect()
    })
}

/// The English name of an ISO alpha-2 code (any case), or `None` when ISO 3166-1 has no such
/// country.
pub fn country_name(code: &str) -> Option<&'static str> {
    let code = code.trim();
    if code.len() != 2 {
        return None;
    }
    names().get(&code.to_ascii_uppercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_use() {
        assert_eq!(country_name("us"), Some("United States"));
        assert_eq!(country_name("GB"), Some("United Kingdom"));
        assert_eq!(country_name(" de "), Some("Germany"));
        assert_eq!(country_name("NL"), Some("Netherlands"));
        assert_eq!(country_name("KR"), Some("South Korea"));
        assert_eq!(country_name("TR"), Some("Türkiye"));
        assert_eq!(country_name("CA"), Some("Canada"));
        assert_eq!(country_name("JE"), Some("Jersey"));
        assert_eq!(country_name("XX"), None);
        assert_eq!(country_name("GBR"), None);
        assert_eq!(country_name(""), None);
    }

    #[test]
    fn every_iso_country_has_a_name() {
        assert!(names().len() >= 249, "{}", names().len());
        assert!(names().values().all(|n| !n.trim().is_empty()));
    }
}
