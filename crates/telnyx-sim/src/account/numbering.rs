//! Deterministic, fictitious phone numbers and the numeric ids the API gives them.

/// The numeric string id of a number (`"1293384261075731499"` style): `1` followed by its digits,
/// zero-padded to 18, so ids are unique, stable and never look like the number itself.
pub fn id_for(phone_number: &str) -> String {
    let digits: String = phone_number.chars().filter(char::is_ascii_digit).collect();
    format!("1{digits:0>18}")
}

/// A NANP number in the fictitious `555-01xx` block, e.g. `nanp(415, 0, 23)` = `+14155550123`.
/// `line` must be below 100 to stay inside the reserved block; larger values walk into `555-02xx`….
pub fn nanp_555(area_code: u16, line: u32) -> String {
    format!("+1{area_code:03}555{:04}", 100 + line)
}

/// United States area codes used by the demo account and the generator.
pub const US_AREA_CODES: [u16; 24] = [
    212, 213, 206, 303, 305, 312, 404, 415, 469, 503, 512, 602, 617, 646, 702, 713, 720, 727, 804,
    858, 917, 919, 971, 978,
];
/// Canadian area codes.
pub const CA_AREA_CODES: [u16; 4] = [416, 514, 604, 403];
/// Toll-free prefixes (US and CA share them).
pub const TOLL_FREE_CODES: [u16; 7] = [800, 833, 844, 855, 866, 877, 888];

/// A fictitious non-NANP number from a range regulators reserve for drama/fiction where one exists.
pub fn international(country: &str, i: u32) -> String {
    match country {
        // Ofcom drama range 07700 900000–900999 first, then the rest of 07700 9xxxxx.
        "GB" => format!("+447700{:06}", 900_000 + i),
        // A Berlin block used for fiction.
        "DE" => format!("+4930231{:05}", 25_000 + i),
        // ACMA fictitious mobile range 0491 570 006–159, then 02 5550 xxxx.
        "AU" => {
            if i < 150 {
                format!("+61491570{:03}", 6 + i)
            } else {
                format!("+612{:08}", 55_500_000 + i - 150)
            }
        }
        // ARCEP fiction range 01 99 xx xx xx.
        "FR" => format!("+33199{:06}", i),
        // Netherlands and others: a stable pattern that is clearly fake-looking.
        "NL" => format!("+3120{:07}", 5_550_000 + i),
        _ => format!("+999555{:06}", i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numeric_and_unique() {
        assert_eq!(id_for("+14155550123"), "1000000014155550123");
        assert_ne!(id_for("+14155550123"), id_for("+14155550124"));
        assert!(id_for("+447700900001").chars().all(|c| c.is_ascii_digit()));
    }

    #[test]
    fn nanp_numbers_use_the_fictitious_block() {
        assert_eq!(nanp_555(415, 23), "+14155550123");
        assert_eq!(international("GB", 5), "+447700900005");
        assert_eq!(international("GB", 1500), "+447700901500");
        assert_eq!(international("AU", 0), "+61491570006");
    }
}
