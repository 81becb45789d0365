//! The profile's webhook: where Telnyx sends the number's incoming texts (FACTS.md §3,
//! `webhook_url`; FACTS.md §9, troubleshooting item 3: "Inbound messages not triggering webhooks.
//! Causes: the number has no profile; the profile has no webhook URL; …").
//!
//! # What is judged, and why
//! - **No address** (`webhook_url` null, `""` — the API's default on create — or blank): incoming
//!   texts reach nobody. A problem the admin must fix.
//! - **An address Telnyx cannot use**: not an absolute `http://`/`https://` URL, or a host that
//!   only exists on the admin's own computer or network (`localhost`, loopback, private,
//!   link-local or unspecified addresses, a `.local`/`.internal`/`.localhost` name). Telnyx posts
//!   webhooks from its own servers over the internet, so such an address never reaches the admin's
//!   application: incoming texts go nowhere. A problem the admin must fix.
//! - **`http://` on a public host**: Telnyx accepts and delivers to `http://` addresses (the
//!   spec's own example of a message's `webhook_url` is `http://example.com/webhooks`), so incoming
//!   texts do arrive; but they travel unencrypted, so anyone on the way can read them. Advice, not a
//!   blocker: the number can text; the line says why `https://` matters.
//! - **`https://` on a public host**: passes. Whether the server at that address answers is not
//!   knowable from the profile (delivery failures show in message records, FACTS.md §8).
//!
//! [`judge_webhook`] is the pure judgement, public for other rules (diagnosis); [`webhook`] turns
//! it into the checklist line and the finding.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use telnyx_client::MessagingProfile;
use url::{Host, Url};

use super::wording::capitalize;
use super::{
    check, finding, Check, CheckKey, CheckState, Finding, Term, Verdict, ADVICE_NOT_ENCRYPTED,
};

/// What a profile's `webhook_url` means for the number's incoming texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookJudgement {
    /// `webhook_url` is null, empty or blank: incoming texts reach nobody.
    Missing,
    /// Not an absolute `http(s)://` URL Telnyx could post to; `address` is the value as given.
    Invalid { address: String },
    /// A host only the admin's own computer or network can reach (`localhost`, `127.0.0.1`,
    /// `10.x`, `192.168.x`, …): Telnyx's servers cannot deliver to it.
    Local { address: String, host: String },
    /// `http://` on a public host: delivered, but unencrypted.
    NotEncrypted { address: String },
    /// `https://` on a public host.
    Secure { address: String },
}

impl WebhookJudgement {
    /// True when incoming texts cannot reach the admin's application at all.
    pub fn blocks_incoming(&self) -> bool {
        matches!(
            self,
            WebhookJudgement::Missing
                | WebhookJudgement::Invalid { .. }
                | WebhookJudgement::Local { .. }
        )
    }
}

/// Judges a profile's primary webhook address (module docs). Pure; never panics.
pub fn judge_webhook(profile: &MessagingProfile) -> WebhookJudgement {
    judge_webhook_url(profile.webhook_url.as_deref())
}

/// [`judge_webhook`] on the raw `webhook_url` value.
pub fn judge_webhook_url(webhook_url: Option<&str>) -> WebhookJudgement {
    let Some(address) = webhook_url.map(str::trim).filter(|s| !s.is_empty()) else {
        return WebhookJudgement::Missing;
    };
    let address = address.to_owned();
    let Ok(url) = Url::parse(&address) else {
        return WebhookJudgement::Invalid { address };
    };
    let https = match url.scheme() {
        "https" => true,
        "http" => false,
        _ => return WebhookJudgement::Invalid { address },
    };
    let local = match url.host() {
        None => return WebhookJudgement::Invalid { address },
        Some(Host::Ipv4(ip)) => is_local_ip(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => is_local_ip(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => is_local_name(name),
    };
    if local {
        let host = url.host_str().unwrap_or_default().to_owned();
        return WebhookJudgement::Local { address, host };
    }
    if https {
        WebhookJudgement::Secure { address }
    } else {
        WebhookJudgement::NotEncrypted { address }
    }
}

fn is_local_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_local_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_local_v4(v4);
            }
            let first = v6.segments()[0];
            v6 == Ipv6Addr::LOCALHOST
                || v6.is_unspecified()
                // fc00::/7 unique local, fe80::/10 link-local
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
        }
    }
}

fn is_local_v4(v4: Ipv4Addr) -> bool {
    let [a, b, ..] = v4.octets();
    v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local()
        || v4.is_unspecified()
        // 100.64.0.0/10, carrier-grade NAT: not reachable from the internet either.
        || (a == 100 && (64..128).contains(&b))
}

fn is_local_name(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || [".localhost", ".local", ".internal", ".lan", ".home.arpa"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
        || !name.contains('.')
}

pub(super) const WEBHOOK: &str = "Webhook (incoming texts)";

/// The checklist line and finding for the webhook of `profile` (display name `name`). Without a
/// profile there is nothing to judge (the profile link already failed).
pub(super) fn webhook(
    profile: Option<&MessagingProfile>,
    name: Option<&str>,
) -> (Check, Option<Finding>) {
    let (Some(p), Some(name)) = (profile, name) else {
        return (
            check(
                CheckKey::Webhook,
                WEBHOOK,
                CheckState::NotApplicable,
                "There is no profile, so there is no webhook to check.",
            )
            .term(Term::Webhook),
            None,
        );
    };
    let line = |state, detail: String| {
        check(CheckKey::Webhook, WEBHOOK, state, detail).term(Term::Webhook)
    };
    match judge_webhook(p) {
        WebhookJudgement::Missing => (
            line(
                CheckState::Failed,
                format!("{} has no webhook address, so incoming texts go nowhere.", capitalize(name)),
            ),
            finding(
                Verdict::NoWebhook,
                format!("Incoming texts go nowhere: the profile {name} has no webhook address."),
                format!("Add a webhook address (an https:// address of your application) to the profile {name} in the Telnyx portal (Messaging › Profiles)."),
            ),
        ),
        WebhookJudgement::Invalid { address } => (
            line(
                CheckState::Failed,
                format!("{} sends incoming texts to “{address}”, which is not a web address Telnyx can deliver to.", capitalize(name)),
            ),
            finding(
                Verdict::WebhookUnreachable,
                format!("Incoming texts go nowhere: the webhook address of the profile {name}, “{address}”, is not a web address Telnyx can deliver to."),
                format!("Correct the webhook address of the profile {name} to an https:// address of your application."),
            ),
        ),
        WebhookJudgement::Local { address, host } => (
            line(
                CheckState::Failed,
                format!("{} sends incoming texts to {address}, an address only your own computer or network can reach ({host}).", capitalize(name)),
            ),
            finding(
                Verdict::WebhookUnreachable,
                format!("Incoming texts go nowhere: the profile {name} sends them to {address}, which Telnyx's servers cannot reach ({host} is on your own computer or network)."),
                format!("Give the profile {name} a public https:// webhook address (for testing, a tunnel such as ngrok gives one)."),
            ),
        ),
        WebhookJudgement::NotEncrypted { address } => (
            line(
                CheckState::Warning,
                format!("Incoming texts go to {address} without encryption (http://), so they can be read on the way."),
            ),
            finding(
                Verdict::WebhookNotEncrypted,
                format!("Incoming texts reach {address}, but over http:// without encryption, so anyone on the way can read them."),
                ADVICE_NOT_ENCRYPTED,
            ),
        ),
        WebhookJudgement::Secure { address } => (
            line(
                CheckState::Passed,
                format!("Incoming texts go to {address}."),
            ),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_addresses() {
        use WebhookJudgement as W;
        let judge = |s: Option<&str>| judge_webhook_url(s);
        assert_eq!(judge(None), W::Missing);
        assert_eq!(judge(Some("")), W::Missing);
        assert_eq!(judge(Some("   ")), W::Missing);
        type Expect = fn(&W) -> bool;
        let cases: [(&str, Expect); 17] = [
            ("https://hooks.example.com/telnyx", |w| {
                matches!(w, W::Secure { .. })
            }),
            ("HTTPS://Hooks.Example.com/x", |w| {
                matches!(w, W::Secure { .. })
            }),
            ("http://hooks.example.com/telnyx", |w| {
                matches!(w, W::NotEncrypted { .. })
            }),
            ("http://203.0.113.7:8080/in", |w| {
                matches!(w, W::NotEncrypted { .. })
            }),
            (
                "http://127.0.0.1:9/telnyx/after-hours",
                |w| matches!(w, W::Local { host, .. } if host == "127.0.0.1"),
            ),
            ("https://localhost/in", |w| matches!(w, W::Local { .. })),
            ("http://192.168.1.20/in", |w| matches!(w, W::Local { .. })),
            ("http://10.0.0.5/in", |w| matches!(w, W::Local { .. })),
            ("http://172.16.4.1/in", |w| matches!(w, W::Local { .. })),
            ("http://100.64.0.1/in", |w| matches!(w, W::Local { .. })),
            ("http://[::1]:3000/in", |w| matches!(w, W::Local { .. })),
            ("http://[fd00::1]/in", |w| matches!(w, W::Local { .. })),
            ("https://printer.local/in", |w| matches!(w, W::Local { .. })),
            ("http://intranet/in", |w| matches!(w, W::Local { .. })),
            ("hooks.example.com/telnyx", |w| {
                matches!(w, W::Invalid { .. })
            }),
            ("ftp://hooks.example.com/telnyx", |w| {
                matches!(w, W::Invalid { .. })
            }),
            ("mailto:ops@example.com", |w| matches!(w, W::Invalid { .. })),
        ];
        for (address, ok) in cases {
            let w = judge(Some(address));
            assert!(ok(&w), "{address}: {w:?}");
        }
        assert!(W::Missing.blocks_incoming());
        assert!(!judge(Some("http://hooks.example.com/x")).blocks_incoming());
        assert!(!judge(Some("https://hooks.example.com/x")).blocks_incoming());
        assert!(judge(Some("http://127.0.0.1:9/x")).blocks_incoming());
    }
}
