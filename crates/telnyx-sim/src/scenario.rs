//! Scenario files: an account described in JSON (format in `SCENARIOS.md`), strictly parsed.

use crate::account::Account;
use crate::errors::SimError;

/// Parses a scenario. Errors name the offending field and its line and column, e.g.
/// "unknown field `colour`, expected one of … at line 7 column 15".
pub fn parse(text: &str) -> Result<Account, SimError> {
    // serde_json's message ends with "at line L column C", which names where the field is.
    let account: Account =
        serde_json::from_str(text).map_err(|e| SimError::Scenario(e.to_string()))?;
    account.normalized()
}

/// Reads and parses a scenario file.
pub fn load(path: &std::path::Path) -> Result<Account, SimError> {
    let text = std::fs::read_to_string(path).map_err(|source| SimError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&text).map_err(|e| match e {
        SimError::Scenario(msg) => SimError::Scenario(format!("{}: {msg}", path.display())),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_is_named_with_its_line() {
        let text = "{\n  \"profiles\": [\n    {\"id\": \"a\", \"name\": \"x\",\n     \"colour\": \"red\"}\n  ]\n}";
        let err = parse(text).unwrap_err().to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn minimal_scenario_gets_defaults_and_ids() {
        let text = r#"{"numbers":[{"phone_number":"+14155550100","type":"long-code","country_code":"US"}]}"#;
        let account = parse(text).unwrap();
        assert_eq!(account.numbers[0].id, "1000000014155550100");
        assert_eq!(account.numbers[0].status, "active");
        assert!(account.numbers[0].features.sms.is_some());
    }

    #[test]
    fn dangling_profile_reference_is_an_error() {
        let text = r#"{"numbers":[{"phone_number":"+14155550100","type":"longcode","country_code":"US",
            "messaging_profile_id":"nope"}]}"#;
        assert!(parse(text).unwrap_err().to_string().contains("nope"));
    }

    #[test]
    fn values_outside_the_spec_enums_are_refused() {
        let text = r#"{"campaigns":[{"campaign_id":"c","tcr_campaign_id":"C1","brand_id":"b","tcr_brand_id":"B1",
            "campaign_status":"APPROVED"}]}"#;
        let err = parse(text).unwrap_err().to_string();
        assert!(err.contains("campaign_status 'APPROVED'"), "{err}");
        let text = r#"{"verifications":[{"id":"v","phone_numbers":[],"verification_status":"verified",
            "business_name":"x"}]}"#;
        assert!(parse(text)
            .unwrap_err()
            .to_string()
            .contains("verification_status"));
    }
}
