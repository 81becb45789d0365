//! The support report: one diagnosis as Markdown a person can attach to a support ticket — the
//! number, the symptom, every check with what it found, every finding with its evidence (recent
//! errors among them), the app's version and the time. Pure: the caller passes the time and the
//! secrets it knows of.
//!
//! **Nothing secret leaves in it.** Every string that goes into the report passes [`redact`]: the
//! secrets the caller names (the API key, the profile's webhook signing secret) and anything shaped
//! like a Telnyx API key (`KEY…`) become `[redacted]`; web addresses lose their user, password and
//! query (where webhook tokens live); evidence about a message's text or body is not copied.

use std::fmt::Write as _;

use super::{Diagnosis, Fix, FixAction, Outcome, Severity};

/// What the report says besides the diagnosis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportContext<'a> {
    /// Number Desk's version.
    pub app_version: &'a str,
    /// When the checks ran (ISO 8601 UTC).
    pub generated_at: &'a str,
    /// The account's name as the app shows it.
    pub account: &'a str,
}

/// The word that replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// The report of `diagnosis`, with every string passed through [`redact`] with `secrets`.
pub fn support_report(diagnosis: &Diagnosis, ctx: &ReportContext<'_>, secrets: &[&str]) -> String {
    let r = |s: &str| redact(s, secrets);
    let mut out = String::new();
    let number = diagnosis
        .phone_number
        .as_deref()
        .unwrap_or(&diagnosis.input);
    let _ = writeln!(out, "# Number Desk support report: {}", r(number));
    let _ = writeln!(out);
    let _ = writeln!(out, "- Number: {}", r(number));
    if diagnosis.phone_number.as_deref() != Some(diagnosis.input.as_str()) {
        let _ = writeln!(out, "- As typed: {}", r(&diagnosis.input));
    }
    let _ = writeln!(out, "- Symptom: {}", diagnosis.symptom.label());
    let _ = writeln!(out, "- Account: {}", r(ctx.account));
    let _ = writeln!(out, "- Checked at: {}", r(ctx.generated_at));
    let _ = writeln!(out, "- Number Desk version: {}", r(ctx.app_version));
    let _ = writeln!(out);
    let _ = writeln!(out, "## Diagnosis");
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", r(&diagnosis.summary));
    let _ = writeln!(out);
    let _ = writeln!(out, "## Checks");
    let _ = writeln!(out);
    let _ = writeln!(out, "| Check | Outcome | Found |");
    let _ = writeln!(out, "| --- | --- | --- |");
    for c in &diagnosis.checks {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&r(&c.label)),
            outcome_word(c.outcome),
            cell(&r(&c.detail))
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## Findings");
    let _ = writeln!(out);
    if diagnosis.findings.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for f in &diagnosis.findings {
        let _ = writeln!(
            out,
            "### {} ({}, `{}`)",
            r(&f.title),
            severity_word(f.severity),
            f.code.key()
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", r(&f.explanation));
        let _ = writeln!(out);
        if !f.evidence.is_empty() {
            let _ = writeln!(out, "Evidence:");
            let _ = writeln!(out);
            for e in &f.evidence {
                let value = if is_message_text(&e.field) {
                    REDACTED.to_owned()
                } else {
                    r(&e.value)
                };
                let _ = writeln!(out, "- `{}`: `{}`", r(&e.field), value.replace('`', "'"));
            }
            let _ = writeln!(out);
        }
        let fix = fix_words(&f.fix);
        if !fix.is_empty() {
            let _ = writeln!(out, "Fix: {}", r(&fix));
            let _ = writeln!(out);
        }
    }
    out
}

/// `text` with every secret of `secrets`, every Telnyx API key and every URL's user, password and
/// query replaced by [`REDACTED`].
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let mut s = text.to_owned();
    for secret in secrets.iter().map(|x| x.trim()).filter(|x| x.len() >= 4) {
        s = s.replace(secret, REDACTED);
    }
    let s = redact_api_keys(&s);
    redact_urls(&s)
}

/// Telnyx API v2 keys start with `KEY` followed by letters, digits and `_` (more than 16 of them).
fn redact_api_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("KEY") {
        let after = &rest[at + 3..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after.len());
        let boundary = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        if boundary && len >= 16 {
            out.push_str(&rest[..at]);
            out.push_str(REDACTED);
            rest = &after[len..];
        } else {
            out.push_str(&rest[..at + 3]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn redact_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["https://", "http://"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min();
        let Some((at, scheme_len)) = next else { break };
        out.push_str(&rest[..at + scheme_len]);
        let after = &rest[at + scheme_len..];
        let len = after
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '”' | '’' | ')' | '>' | '|')
            })
            .unwrap_or(after.len());
        let url = &after[..len];
        let (authority_end, _) = url
            .char_indices()
            .find(|(_, c)| matches!(c, '/' | '?' | '#'))
            .unwrap_or((url.len(), ' '));
        let authority = &url[..authority_end];
        let mut path = &url[authority_end..];
        match authority.rfind('@') {
            Some(i) => {
                out.push_str(REDACTED);
                out.push('@');
                out.push_str(&authority[i + 1..]);
            }
            None => out.push_str(authority),
        }
        let mut cut = false;
        if let Some(i) = path.find(['?', '#']) {
            path = &path[..i];
            cut = true;
        }
        out.push_str(path);
        if cut {
            out.push('?');
            out.push_str(REDACTED);
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Evidence about what a message said (never copied into a report).
fn is_message_text(field: &str) -> bool {
    let f = field.to_ascii_lowercase();
    f.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "body" | "text" | "content"))
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Passed => "passed",
        Outcome::Failed => "failed",
        Outcome::Waiting => "waiting",
        Outcome::Warning => "warning",
        Outcome::CouldNotCheck => "could not check",
        Outcome::Unknown => "unknown",
        Outcome::NotApplicable => "not applicable",
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "problem",
        Severity::CouldNotCheck => "could not check",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
        Severity::History => "history",
    }
}

fn fix_words(fix: &Fix) -> String {
    match fix {
        Fix::Action {
            action,
            consequence,
        } => {
            let what = match action {
                FixAction::AssignProfile { .. } => "assign the number to a messaging profile",
                FixAction::EnableProfile { .. } => "turn the messaging profile back on",
                FixAction::SetWebhookUrl { .. } => "set the profile's webhook URL",
                FixAction::AddDestinationCountry { .. } => {
                    "add the country to the profile's allowed destinations"
                }
            };
            format!("{what} (one click in Number Desk). {consequence}")
        }
        Fix::Steps { portal_page, steps } => {
            let mut s = steps.join(" ");
            if let Some(page) = portal_page {
                s = format!("{s} (Telnyx portal: {page})");
            }
            s
        }
        Fix::Wait { what } => format!("wait: {what}"),
        Fix::Nothing => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::diagnosis::{evidence, finding, CheckLine, CheckName, FindingCode, Symptom};

    const KEY: &str = "KEYdemo0000NUMBERDESK0000simulator";
    const SECRET: &str = "whsec_5f2b9c1e7a";
    const BODY: &str = "Your verification code is 804133";

    fn diagnosis() -> Diagnosis {
        Diagnosis {
            input: "212 555 0111".into(),
            phone_number: Some("+12125550111".into()),
            symptom: Symptom::InboundMissing,
            summary: format!(
                "Telnyx cannot reach https://user:{SECRET}@hooks.example.com/in?token=abc123."
            ),
            checks: vec![CheckLine {
                name: CheckName::Webhook,
                label: "Webhook".into(),
                outcome: Outcome::Failed,
                detail: format!("https://hooks.example.com/in?token=abc123 | signed with {SECRET}"),
            }],
            findings: vec![finding(
                FindingCode::WebhookDeliveryFailed,
                Severity::Problem,
                "The test delivery failed.",
                format!("The request was made with the key {KEY}; authorization Bearer {KEY}."),
                vec![
                    evidence(
                        "GET /messaging_profiles/{id}: webhook_url",
                        "https://hooks.example.com/in?token=abc123#frag",
                    ),
                    evidence("GET /detail_records: text", BODY),
                    evidence("message body", BODY),
                    evidence("GET /detail_records: errors", "40305"),
                    evidence("other key", "KEY0123456789ABCDEFGHIJ_klmnop"),
                ],
                Fix::Nothing,
            )],
        }
    }

    fn report() -> String {
        support_report(
            &diagnosis(),
            &ReportContext {
                app_version: "0.1.0",
                generated_at: "2026-12-02T05:00:00.000Z",
                account: "Demo account",
            },
            &[KEY, SECRET],
        )
    }

    #[test]
    fn the_report_holds_no_key_secret_token_or_message_text() {
        let text = report();
        for forbidden in [
            KEY,
            SECRET,
            "abc123",
            "token=",
            BODY,
            "804133",
            "KEY0123456789",
            "user:",
            "frag",
        ] {
            assert!(
                !text.contains(forbidden),
                "the report contains {forbidden:?}:\n{text}"
            );
        }
        assert!(text.contains(REDACTED));
    }

    #[test]
    fn the_report_keeps_what_support_needs() {
        let text = report();
        for wanted in [
            "+12125550111",
            "212 555 0111",
            "Incoming texts do not reach my webhook",
            "Demo account",
            "2026-12-02T05:00:00.000Z",
            "0.1.0",
            "| Webhook | failed |",
            "`webhookDeliveryFailed`",
            "`GET /detail_records: errors`: `40305`",
            "https://hooks.example.com/in?[redacted]",
            "https://[redacted]@hooks.example.com/in",
        ] {
            assert!(
                text.contains(wanted),
                "the report lacks {wanted:?}:\n{text}"
            );
        }
    }

    #[test]
    fn redaction_leaves_plain_text_alone() {
        let plain = "A KEYBOARD, the KEY word and https://example.com/path stay.";
        assert_eq!(redact(plain, &[]), plain);
        assert_eq!(
            redact("x", &["x"]),
            "x",
            "secrets shorter than 4 are not secrets"
        );
    }
}
