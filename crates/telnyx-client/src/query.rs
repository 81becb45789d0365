//! Query strings with literal bracketed keys (`filter[phone_number]`, `page[number]`) and
//! strictly percent-encoded values (`+` → `%2B`), and path segments encoded the same way.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is encoded.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Keys keep their brackets, as the spec writes them on the wire (FACTS.md §0).
const KEY: &AsciiSet = &STRICT.remove(b'[').remove(b']');

/// Encodes one path segment (an E.164 number becomes `%2B1555…`).
pub(crate) fn segment(s: &str) -> String {
    utf8_percent_encode(s, STRICT).to_string()
}

/// An ordered list of query parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    pub(crate) fn new() -> Self {
        Query(Vec::new())
    }

    pub(crate) fn push(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.0.push((key.to_owned(), value.into()));
        self
    }

    pub(crate) fn opt<V: AsRef<str>>(&mut self, key: &str, value: Option<V>) -> &mut Self {
        if let Some(v) = value {
            self.0.push((key.to_owned(), v.as_ref().to_owned()));
        }
        self
    }

    /// `?k=v&…`, or the empty string.
    pub(crate) fn to_query_string(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut out = String::from("?");
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(&utf8_percent_encode(k, KEY).to_string());
            out.push('=');
            out.push_str(&utf8_percent_encode(v, STRICT).to_string());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_stay_and_plus_is_encoded() {
        let mut q = Query::new();
        q.push("page[number]", "2")
            .push("filter[phone_number]", "+15551234567,+15550000000")
            .opt("filter[type]", Some("tollfree"))
            .opt::<&str>("sort[phone_number]", None);
        assert_eq!(
            q.to_query_string(),
            "?page[number]=2&filter[phone_number]=%2B15551234567%2C%2B15550000000&filter[type]=tollfree"
        );
        assert_eq!(Query::new().to_query_string(), "");
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(segment("+15551234567"), "%2B15551234567");
        assert_eq!(segment("1293384261075731499"), "1293384261075731499");
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
    }
}
