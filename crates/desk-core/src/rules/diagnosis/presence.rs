//! Guide case 1: is the number on this account, and in the messaging numbers list? Plus the one
//! "could not check" finding per endpoint that refused or failed.

use telnyx_client::MessagingNumber;

use super::findings::FindingCode as C;
use super::{
    evidence, finding, from_readiness, steps, CheckName, Facts, Lookup, Outcome, Report, Severity,
};

const ON_ACCOUNT: &str = "On this account";

/// Records the presence check; returns the number's messaging settings when it has them.
pub(super) fn presence<'a>(facts: &Facts<'a>, report: &mut Report) -> Option<&'a MessagingNumber> {
    could_not_check(facts, report);
    let Some(phone) = facts.phone_number else {
        report.check(
            CheckName::OnAccount,
            ON_ACCOUNT,
            Outcome::Failed,
            format!("“{}” is not a phone number.", facts.input.trim()),
        );
        report.find(finding(
            C::InvalidNumber,
            Severity::Problem,
            "What was entered is not a complete phone number.",
            "A phone number has a + and the country code, then 2 to 15 digits in all (for example +1 212 555 0100); a short code has 3 to 8 digits. Check the digits for a typo.",
            vec![evidence("entered", facts.input)],
            steps(None, &["Check the number for a typo and enter it again, with its country code."]),
        ));
        return None;
    };
    match (&facts.messaging, &facts.inventory) {
        (Lookup::Found(n), _) => {
            report.check(
                CheckName::OnAccount,
                ON_ACCOUNT,
                Outcome::Passed,
                format!("In the messaging numbers list (id {}).", n.id),
            );
            Some(*n)
        }
        (Lookup::Failed(_), _) => {
            report.check(
                CheckName::OnAccount,
                ON_ACCOUNT,
                Outcome::CouldNotCheck,
                "The messaging numbers list could not be read.",
            );
            None
        }
        (_, Lookup::Found(inv)) => {
            let provisioning = from_readiness::provisioning_only(inv.status);
            let why = match provisioning {
                Some(detail) => format!(
                    "It is not active yet, which keeps it out of the list. {detail} Messaging settings appear once it is active."
                ),
                None => "It is active, so the likely cause is that it has no SMS or MMS capability: Telnyx shows a number's capabilities only in its messaging settings, and this number has none.".to_owned(),
            };
            report.check(
                CheckName::OnAccount,
                ON_ACCOUNT,
                Outcome::Failed,
                format!(
                    "On the account (status: {}), but not in the messaging numbers list.",
                    crate::rules::readiness::number_status_words(inv.status)
                ),
            );
            report.find(finding(
                C::NotInMessagingList,
                Severity::Problem,
                "The number is on this account but has no messaging settings.",
                format!("Telnyx lists it among the account's numbers but not among the numbers with messaging settings. {why}"),
                vec![
                    evidence("GET /phone_numbers/messaging?filter[phone_number]", format!("no record for {phone}")),
                    evidence("GET /phone_numbers: id", inv.id),
                    evidence("GET /phone_numbers: status", inv.status.as_str()),
                ],
                steps(
                    Some("Numbers › My Numbers"),
                    &[
                        "Open the number in the Telnyx portal (Numbers › My Numbers) and look at its messaging settings.",
                        "If it is still being set up, wait until its status is active.",
                        "If messaging cannot be enabled on it, ask Telnyx support, or use a number that supports SMS.",
                    ],
                ),
            ));
            None
        }
        (_, inventory) => {
            let inventory_failed = matches!(inventory, Lookup::Failed(_));
            report.check(
                CheckName::OnAccount,
                ON_ACCOUNT,
                if inventory_failed { Outcome::CouldNotCheck } else { Outcome::Failed },
                if inventory_failed {
                    "Not in the messaging numbers list; the account's number inventory could not be read."
                } else {
                    "Neither the messaging numbers list nor the account's numbers have it."
                },
            );
            if inventory_failed {
                report.find(finding(
                    C::NotInMessagingList,
                    Severity::Problem,
                    "The number is not in the messaging numbers list.",
                    "Telnyx does not list it among the numbers with messaging settings. Whether it is on the account at all could not be checked (see below).",
                    vec![evidence("GET /phone_numbers/messaging?filter[phone_number]", format!("no record for {phone}"))],
                    steps(Some("Numbers › My Numbers"), &["Search for the number in the Telnyx portal (Numbers › My Numbers)."]),
                ));
            } else {
                report.find(finding(
                    C::NotOnAccount,
                    Severity::Problem,
                    "This number is not on this Telnyx account.",
                    "Telnyx has no record of it on this account, neither among its numbers nor among its messaging numbers. The API answers the same way for a number on another Telnyx account and for a mistyped one, so it cannot tell which of the two this is: check the digits first; if they are right, the number belongs to another account (or to nobody on Telnyx).",
                    vec![
                        evidence("GET /phone_numbers/messaging?filter[phone_number]", format!("no record for {phone}")),
                        evidence("GET /phone_numbers?filter[phone_number]", format!("no record for {phone}")),
                    ],
                    steps(
                        None,
                        &[
                            "Check the number for a typo.",
                            "If it is right, sign in to the Telnyx account that owns it (or open that account in Number Desk) and check it there.",
                            "To use it on this account, port it or move it here through Telnyx support.",
                        ],
                    ),
                ));
            }
            None
        }
    }
}

/// One [`Severity::CouldNotCheck`] finding per endpoint that refused or failed.
fn could_not_check(facts: &Facts<'_>, report: &mut Report) {
    let lookups: [(&str, &str, Option<&str>); 8] = [
        (
            "GET /phone_numbers/messaging",
            "its messaging settings",
            facts.messaging.failure(),
        ),
        (
            "GET /phone_numbers",
            "its record and status in the account's numbers",
            facts.inventory.failure(),
        ),
        (
            "GET /messaging_profiles/{id}",
            "its messaging profile",
            facts.profile.failure(),
        ),
        (
            "GET /10dlc/phone_number_campaigns/{phoneNumber}",
            "its 10DLC campaign assignment",
            facts.campaign.failure(),
        ),
        (
            "GET /10dlc/campaign/{campaignId}",
            "its 10DLC campaign",
            facts.campaign_detail.failure(),
        ),
        (
            "GET /messaging_tollfree/verification/requests",
            "its toll-free verification",
            facts.verification.failure(),
        ),
        (
            "GET /detail_records",
            "its recent messages",
            facts.records.failure(),
        ),
        (
            "GET /messaging_profiles/{id}",
            "the profile it was to be assigned to",
            facts.target_profile.failure(),
        ),
    ];
    for (endpoint, what, why) in lookups {
        let Some(why) = why else { continue };
        report.find(finding(
            C::CouldNotCheck,
            Severity::CouldNotCheck,
            format!("Number Desk could not check {what}."),
            format!("Telnyx did not answer {endpoint} as expected, so this part is not known (not passed, not failed). {why}"),
            vec![evidence(endpoint, why)],
            steps(None, &["Run the checks again in a moment. If it keeps failing, check in the Telnyx portal that this API key can see it."]),
        ));
    }
}
