//! Comparing the API's ISO 8601 timestamps without a clock: `2025-08-31T09:15:00.000Z`,
//! `2021-03-08T17:57:48.801186` (10DLC, no zone; UTC like the rest).

use std::cmp::Ordering;

/// A timestamp as comparable parts: (seconds part `YYYY-MM-DDTHH:MM:SS`, fraction digits).
fn parts(stamp: &str) -> Option<(&str, &str)> {
    let s = stamp.trim();
    let head = s.get(..19)?;
    let b = head.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        10 => *c == b'T' || *c == b' ',
        13 | 16 => *c == b':',
        _ => c.is_ascii_digit(),
    });
    if !shape {
        return None;
    }
    let rest = &s[19..];
    let zone_ok = |z: &str| z.is_empty() || z == "Z" || z == "+00:00" || z == "+0000";
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(f) => {
            let end = f.find(|c: char| !c.is_ascii_digit()).unwrap_or(f.len());
            (&f[..end], &f[end..])
        }
        None => ("", rest),
    };
    zone_ok(zone).then_some((head, fraction))
}

/// Orders two timestamps; `None` when either is not one this app reads (then nothing is judged by
/// time).
pub(crate) fn compare(a: &str, b: &str) -> Option<Ordering> {
    let (ah, af) = parts(a)?;
    let (bh, bf) = parts(b)?;
    let head = ah.replace(' ', "T").cmp(&bh.replace(' ', "T"));
    Some(head.then_with(|| {
        let width = af.len().max(bf.len());
        format!("{af:0<width$}").cmp(&format!("{bf:0<width$}"))
    }))
}

/// The date part of a timestamp, for sentences (`2025-08-31`).
pub(crate) fn day(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_compare_across_the_apis_forms() {
        use Ordering::*;
        let cases = [
            (
                "2025-08-31T09:15:00.000Z",
                "2025-08-31T09:15:00Z",
                Some(Equal),
            ),
            (
                "2025-08-31T09:15:00.5Z",
                "2025-08-31T09:15:00.499Z",
                Some(Greater),
            ),
            (
                "2021-03-08T17:57:48.801186",
                "2021-03-08T17:57:48.9Z",
                Some(Less),
            ),
            (
                "2025-01-01T00:00:00+00:00",
                "2024-12-31T23:59:59Z",
                Some(Greater),
            ),
            ("2025-01-01", "2024-12-31T23:59:59Z", None),
            ("2025-01-01T00:00:00+02:00", "2024-12-31T23:59:59Z", None),
            ("yesterday", "2024-12-31T23:59:59Z", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare(a, b), want, "{a} vs {b}");
        }
    }
}
