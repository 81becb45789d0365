//! Small helpers that put the API's values into sentences.

pub(super) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "the United Kingdom", "France": country names as they read inside a sentence.
pub(super) fn with_article(name: &str) -> String {
    let the = name.starts_with("United ")
        || matches!(name, "Netherlands" | "Philippines" | "Dominican Republic");
    if the {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// `1840` → `"1,840"`.
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `0.184` → `"18%"`.
pub(super) fn percent(ratio: f64) -> String {
    // Rounded to an integer first: `{:.0}` on a float takes the slow exact-formatting path, and
    // this runs for every number of the account. Callers pass ratios already checked to be 0–1.
    format!("{}%", (ratio * 100.0).round() as i64)
}

/// Ends a free-text API reason with a full stop.
pub(super) fn sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1840), "1,840");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1200), "-1,200");
        assert_eq!(percent(0.184), "18%");
        assert_eq!(with_article("United States"), "the United States");
        assert_eq!(with_article("France"), "France");
    }
}
