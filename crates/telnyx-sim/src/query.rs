//! Query-string parsing for bracketed Telnyx parameters (`filter[phone_number][contains]`, `page[size]`)
//! and the JSON:API pagination envelope.

use percent_encoding::percent_decode_str;
use serde_json::{json, Value};

use crate::errors::ApiError;

/// Decoded query parameters, in order (keys keep their brackets).
#[derive(Debug, Default, Clone)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw query string (`application/x-www-form-urlencoded`: `+` is a space).
    pub fn parse(raw: Option<&str>) -> Self {
        let mut out = Vec::new();
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            out.push((decode(k), decode(v)));
        }
        Params(out)
    }

    /// Last value of a key (a trailing `[]` on the key is ignored).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key || k.strip_suffix("[]") == Some(key))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a key, comma lists split, empties dropped.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key || k.strip_suffix("[]") == Some(key))
            .flat_map(|(_, v)| v.split(','))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// A value that must be one of `allowed`.
    pub fn enum_value(&self, key: &str, allowed: &[&str]) -> Result<Option<&str>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) if allowed.contains(&v) => Ok(Some(v)),
            Some(v) => Err(ApiError::bad_parameter(
                key,
                format!(
                    "'{v}' is not a valid value for {key}; expected one of: {}",
                    allowed.join(", ")
                ),
            )),
        }
    }

    /// A positive integer parameter with bounds.
    pub fn int(&self, key: &str, default: u64, max: Option<u64>) -> Result<u64, ApiError> {
        let Some(raw) = self.get(key) else {
            return Ok(default);
        };
        let value: u64 = raw.trim().parse().map_err(|_| {
            ApiError::bad_parameter(
                key,
                format!("{key} must be a positive integer, got '{raw}'"),
            )
        })?;
        if value < 1 {
            return Err(ApiError::bad_parameter(
                key,
                format!("{key} must be at least 1"),
            ));
        }
        if let Some(max) = max {
            if value > max {
                return Err(ApiError::bad_parameter(
                    key,
                    format!("{key} must be at most {max}, got {value}"),
                ));
            }
        }
        Ok(value)
    }

    /// `page[number]` and `page[size]` (default 20, at most `max_size`).
    pub fn page(&self, max_size: u64) -> Result<Page, ApiError> {
        Ok(Page {
            number: self.int("page[number]", 1, None)?,
            size: self.int("page[size]", 20, Some(max_size))?,
        })
    }
}

fn decode(s: &str) -> String {
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

/// A requested page (1-based).
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub number: u64,
    pub size: u64,
}

impl Page {
    /// Items to skip.
    pub fn offset(&self) -> usize {
        usize::try_from((self.number - 1).saturating_mul(self.size)).unwrap_or(usize::MAX)
    }

    /// Page size as usize.
    pub fn size(&self) -> usize {
        usize::try_from(self.size).unwrap_or(usize::MAX)
    }

    /// The `meta` object with all four pagination fields.
    pub fn meta(&self, total: usize) -> Value {
        let total = total as u64;
        json!({
            "page_number": self.number,
            "page_size": self.size,
            "total_pages": total.div_ceil(self.size),
            "total_results": total,
        })
    }
}

/// Normalises a phone number given in a query: a `+` decoded as a space becomes `+` again.
pub fn phone_param(s: &str) -> String {
    let t = s.trim();
    if s.starts_with(' ') && t.chars().all(|c| c.is_ascii_digit()) {
        format!("+{t}")
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_plus_and_commas() {
        let p = Params::parse(Some(
            "filter%5Bphone_number%5D=%2B14155550100,+14155550101&page[size]=5",
        ));
        assert_eq!(
            p.list("filter[phone_number]"),
            vec!["+14155550100", "14155550101"]
        );
        assert_eq!(phone_param(" 14155550101"), "+14155550101");
        assert_eq!(p.page(250).unwrap().size, 5);
    }

    #[test]
    fn page_bounds() {
        assert!(Params::parse(Some("page[size]=251")).page(250).is_err());
        assert!(Params::parse(Some("page[number]=0")).page(250).is_err());
        let e = Params::parse(Some("page[size]=x")).page(250).unwrap_err();
        assert_eq!(
            e.source,
            crate::errors::Source::Parameter("page[size]".into())
        );
        let page = Page {
            number: 2,
            size: 20,
        };
        assert_eq!(page.meta(41)["total_pages"], 3);
    }
}
