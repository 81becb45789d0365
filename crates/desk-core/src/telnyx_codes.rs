//! Telnyx's error codes, explained: every messaging error code of spec/telnyx/FACTS.md §8.1 (titles
//! are Telnyx's own, causes and actions follow Telnyx's messaging error-code reference), each with
//! what it means in plain words, its likely cause and what to do. The families are kept apart:
//! 10xxx are about the request (refused by the API at once), 20xxx about the account, 40xxx are
//! messaging errors (most reported when a message is sent or delivered; a few also come back when a
//! number's messaging settings change). Used by every failure message of the app
//! ([`crate::error::explain_telnyx`]), the diagnosis of recent delivery errors and the lookup box
//! ([`explain_code`]).

use serde::Serialize;

/// Which family a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CodeFamily {
    /// 10xxx: the API request itself was refused.
    Request,
    /// 20xxx: the Telnyx account.
    Account,
    /// 40xxx: messaging (sending, delivery, number and profile configuration).
    Messaging,
}

/// One Telnyx error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TelnyxCode {
    /// The code as Telnyx sends it (a string of digits).
    pub code: &'static str,
    /// Telnyx's title for it.
    pub title: &'static str,
    /// What it means, in plain words (one or two sentences).
    pub meaning: &'static str,
    /// The likely cause.
    pub cause: &'static str,
    /// What to do.
    pub action: &'static str,
}

impl TelnyxCode {
    /// The family, from the code's first digits.
    pub fn family(&self) -> CodeFamily {
        family_of(self.code).unwrap_or(CodeFamily::Messaging)
    }

    /// What it means and what to do, as the sentences that follow "Telnyx refused the request (…)."
    pub fn sentence(&self) -> String {
        format!("{} {}", self.meaning, self.action)
    }
}

const fn c(
    code: &'static str,
    title: &'static str,
    meaning: &'static str,
    cause: &'static str,
    action: &'static str,
) -> TelnyxCode {
    TelnyxCode {
        code,
        title,
        meaning,
        cause,
        action,
    }
}

/// Errors about the request itself (10xxx).
pub const REQUEST_ERRORS: &[TelnyxCode] = &[
    c("10001", "Inactive phone number",
        "The number is not active on the account, so it cannot be changed now.",
        "It may still be being set up after purchase or a port, or it has been disconnected.",
        "Check its status on the Numbers screen; wait until it is active."),
    c("10002", "Invalid phone number",
        "Telnyx did not recognise the phone number as a valid one.",
        "A typo, or digits missing from the number.",
        "Check the number and write it with its country code, such as +12125550100."),
    c("10004", "Missing required parameter",
        "Something Telnyx needs was missing from the request.",
        "The request was incomplete, usually because the list shown is out of date.",
        "Refresh the list and try again."),
    c("10005", "Resource not found",
        "Telnyx could not find this number or that profile on the account.",
        "It was removed, or it belongs to another account.",
        "It may have been removed: refresh the list."),
    c("10006", "Invalid ID",
        "Telnyx did not recognise the number's or the profile's id.",
        "The id is out of date or mistyped.",
        "Refresh the list and try again."),
    c("10007", "Unexpected error",
        "Telnyx had an unexpected problem on its side.",
        "A temporary fault at Telnyx.",
        "Try again in a few minutes."),
    c("10009", "Authentication failed",
        "Telnyx did not accept the API key.",
        "The key is mistyped, incomplete, or was revoked.",
        "Copy it again from Telnyx portal → Account → API Keys."),
    c("10010", "Authorization failed",
        "The API key is not allowed to do this.",
        "The key may have limited access, or the account may not have this feature.",
        "Ask the account owner for a key with full access."),
    c("10011", "Too many requests",
        "Telnyx is limiting how fast requests can be made.",
        "Too many requests in a short time from this account.",
        "Wait a moment and try again."),
    c("10015", "Bad Request",
        "Telnyx found the request invalid.",
        "When a number's profile is changed, this usually means the profile does not exist on this account or cannot take this number.",
        "When a number's profile is changed, this usually means the profile does not exist on this account or cannot take this number."),
    c("10016", "Phone number must be in +E.164 format",
        "Telnyx needs the phone number written in the +E.164 form.",
        "The number was written without its + and country code.",
        "Write it as + and the country code and number, such as +12125550100."),
];

/// Errors about the Telnyx account (20xxx).
pub const ACCOUNT_ERRORS: &[TelnyxCode] = &[
    c(
        "20012",
        "Account inactive",
        "The Telnyx account is not active.",
        "It has been deactivated, possibly for lack of funds.",
        "Check its status in the Telnyx portal, or contact Telnyx support.",
    ),
    c(
        "20013",
        "Account blocked",
        "The Telnyx account is blocked.",
        "Telnyx blocked it.",
        "Contact Telnyx support.",
    ),
    c(
        "20015",
        "Feature not enabled",
        "This feature is not turned on for the Telnyx account.",
        "The account has not been given access to it.",
        "Ask Telnyx support to enable it.",
    ),
    c(
        "20100",
        "Insufficient Funds",
        "The Telnyx account has run out of funds.",
        "The balance is too low for this action.",
        "Add funds in the Telnyx portal, then try again.",
    ),
];

/// Messaging errors (40xxx): carrier rejections, 10DLC and toll-free, send-time refusals, number and
/// profile configuration.
pub const MESSAGING_ERRORS: &[TelnyxCode] = &[
    // Carrier rejections.
    c("40001", "Not routable",
        "The recipient's number cannot receive texts.",
        "It is a landline or a number no carrier routes texts to.",
        "Check that the recipient can receive texts; do not retry the same number."),
    c("40002", "Blocked as spam – temporary",
        "A carrier's spam filter stopped the text for now.",
        "The content or the sending pattern looked like spam.",
        "Slow down and review the content for spam patterns before sending again."),
    c("40003", "Blocked as spam – permanent",
        "A carrier has blocked the sending number for good.",
        "Repeated spam-like traffic from this number.",
        "Use another sending number; contact Telnyx support to appeal."),
    c("40004", "Rejected by destination",
        "The recipient's carrier refused the text without saying why.",
        "A rule or fault at the recipient's carrier.",
        "Retry after a while; contact Telnyx support if it persists."),
    c("40005", "Message expired during transmission",
        "The text expired before it could be delivered.",
        "Delays on the way to the recipient's carrier.",
        "Send it again; check for carrier delays if it happens often."),
    c("40006", "Recipient server unavailable",
        "The recipient's carrier was not reachable.",
        "A temporary outage at that carrier.",
        "Retry later; it usually resolves on its own."),
    c("40008", "Undeliverable",
        "The carrier did not accept the text.",
        "The recipient's number may be invalid or temporarily unreachable.",
        "Check the recipient's number; retrying later may work."),
    c("40009", "Invalid message body",
        "The text's content was refused.",
        "Characters or an encoding the carrier does not accept.",
        "Remove unusual characters and send again."),
    c("40010", "Not 10DLC registered",
        "The sending number is a US long code that is not on a 10DLC campaign, so carriers refuse its texts.",
        "The number was never assigned to an approved 10DLC campaign, or the assignment is not complete.",
        "Register a 10DLC brand and campaign (Messaging › 10DLC in the Telnyx portal) and assign the number to it."),
    c("40011", "Too many requests",
        "The carrier refused texts sent faster than it allows.",
        "The number or campaign sent more per second than its throughput.",
        "Send more slowly."),
    c("40012", "Invalid messaging destination number",
        "The carrier rejected the recipient's number.",
        "The number is mistyped or not in +E.164 form.",
        "Check the recipient's number and its country code."),
    c("40013", "Invalid messaging source number",
        "The carrier considered the sending number invalid.",
        "The number is not active or not set up for messaging.",
        "Check that the number is active and messaging-enabled."),
    c("40014", "Message expired in queue",
        "The text waited too long in the queue and expired.",
        "More was sent than the number's throughput allows.",
        "Send more slowly or spread the traffic over more numbers."),
    c("40015", "Blocked as spam – internal",
        "Telnyx's own spam filter stopped the text.",
        "The content looked like spam.",
        "Review the content; contact Telnyx support if it was not spam."),
    c("40016", "T-Mobile 10DLC sending limit reached",
        "T-Mobile's daily limit for this 10DLC campaign was reached.",
        "The campaign's brand has a low T-Mobile allowance.",
        "Send less, or improve the brand's vetting score for a higher limit."),
    c("40017", "AT&T 10DLC spam rejected",
        "AT&T flagged the text as spam.",
        "The content looked like spam (URL shorteners are a common trigger).",
        "Review the content and avoid public URL shorteners."),
    c("40018", "AT&T 10DLC sending limit reached",
        "AT&T's limit for this 10DLC campaign was reached.",
        "More was sent than the campaign's AT&T throughput.",
        "Send more slowly, or improve the brand's vetting score."),
    c("40019", "AT&T 10DLC invalid tag data",
        "AT&T found the number's 10DLC information wrong.",
        "The number's campaign assignment is incomplete or incorrect.",
        "Check the number's 10DLC campaign assignment."),
    c("40020", "Blocked as potentially artificial traffic",
        "Two-factor texts were blocked for 24 hours as possible artificial traffic.",
        "A traffic pattern that looks like fraud (traffic pumping).",
        "Wait 24 hours and review the numbers for fraud patterns; do not retry now."),
    // Number provisioning.
    c("40100", "Number not messaging enabled",
        "The number is not set up for messaging.",
        "It lacks messaging capability, or it is not assigned to a messaging profile.",
        "Assign it to a messaging profile; if it has no SMS capability, ask Telnyx support."),
    c("40150", "Toll free number not in registry",
        "The toll-free number is missing from the toll-free registry.",
        "Its messaging enablement was not completed.",
        "Contact Telnyx support."),
    c("40151", "Message enablement pending with other provider",
        "Another provider is still enabling messaging on this number.",
        "A messaging transfer from another provider is in progress.",
        "Wait for the transfer to finish."),
    c("40155", "LOA required",
        "A letter of authorization is needed before this number can text through Telnyx.",
        "The number's messaging is hosted elsewhere.",
        "Submit a letter of authorization through Telnyx support."),
    // Send-time refusals.
    c("40300", "Blocked due to STOP message",
        "The recipient opted out by replying STOP, so texts to them are blocked.",
        "The recipient asked not to receive texts from this number.",
        "Do not retry; texts go through again only if the recipient opts back in (replies START)."),
    c("40301", "Unsupported message type for the 'to' address",
        "This kind of text cannot be sent to that recipient.",
        "The sending and receiving numbers do not support this message type between them.",
        "Check both numbers' capabilities (for example send SMS instead of MMS)."),
    c("40302", "Message too large",
        "The text is longer than allowed.",
        "Too many parts for one SMS.",
        "Shorten it, or send it as MMS."),
    c("40304", "Invalid combination of message content arguments",
        "The text mixed SMS and MMS content in a way Telnyx refuses.",
        "The sending program set both SMS and MMS fields.",
        "Send text alone for SMS, or media (with optional text) for MMS."),
    c("40305", "Invalid 'from' address",
        "The sending number is not associated with the messaging profile used to send.",
        "The number has no messaging profile, is on another profile than the one sending, or a number pool skipped it as unhealthy.",
        "Assign the number to the sending profile, or send through the profile's number pool."),
    c("40306", "Alpha sender not configured",
        "An alphanumeric sender ID was used, but the profile has none set.",
        "The profile's alpha sender field is empty.",
        "Set the alphanumeric sender on the messaging profile."),
    c("40307", "Alpha sender mismatch",
        "The alphanumeric sender ID used is not the one set on the profile.",
        "The sending program used a different sender name.",
        "Send with exactly the sender ID set on the profile."),
    c("40308", "Invalid 'from' address for MMS",
        "This number cannot send MMS.",
        "MMS needs a US long code, toll-free or short code that supports it.",
        "Send from an MMS-capable number, or send SMS."),
    c("40309", "Invalid destination region",
        "The messaging profile does not allow texts to the recipient's country.",
        "The country is not in the profile's allowed destinations (whitelisted_destinations).",
        "Add the country to the profile's allowed destinations."),
    c("40310", "Invalid 'to' address",
        "The recipient's number is not valid.",
        "A typo, or a number not in +E.164 form.",
        "Check the number: + then the country code and number."),
    c("40311", "Invalid messaging profile secret",
        "The profile secret sent with the request is wrong.",
        "The sending program uses an old or mistyped profile secret.",
        "Update the secret in the sending program."),
    c("40312", "Messaging profile is disabled",
        "The messaging profile is turned off.",
        "Someone disabled the profile.",
        "Turn it on in the Telnyx portal, or choose another profile."),
    c("40313", "Missing messaging profile secret",
        "The request lacked the profile secret it needs.",
        "The sending program did not send the X-Profile-Secret header.",
        "Add the profile secret to the sending program's requests."),
    c("40314", "Messaging disabled on account",
        "Messaging is turned off for the whole Telnyx account.",
        "Telnyx disabled messaging on the account.",
        "Contact Telnyx support."),
    c("40315", "Unhealthy 'from' address",
        "The sending number's health is too poor to send.",
        "Few of its texts are delivered or many are flagged as spam.",
        "Review what it sends and to whom; consider another number."),
    c("40316", "No content provided",
        "The text had no content.",
        "Neither text nor media was sent.",
        "Include text or media."),
    c("40317", "Invalid MMS content",
        "The MMS content was refused.",
        "Too many media files or over 1 MB in total.",
        "Send at most 10 media files and 1 MB in all."),
    c("40318", "Message queue full",
        "The sending queue is full.",
        "More was sent than can be queued (texts wait up to 4 hours).",
        "Send more slowly and retry after a while."),
    c("40319", "Incompatible message type for the 'to' address",
        "The recipient cannot receive this type of message.",
        "The sending and receiving number types are incompatible.",
        "Check the two numbers' types and capabilities."),
    c("40320", "Temporarily unusable 'from' address",
        "The sending number cannot be used yet.",
        "It is still being set up (for example its purchase is not final).",
        "Wait until the number is active, then send again."),
    c("40321", "No usable numbers on messaging profile",
        "The profile's number pool had no number it could send from.",
        "The pool is empty or all its numbers are unhealthy.",
        "Add numbers to the profile or check their health."),
    c("40322", "Blocked due to content",
        "The text contains content that is not allowed.",
        "Prohibited content (for example some links or topics).",
        "Remove the flagged content."),
    c("40323", "Messaging activation failed",
        "Telnyx could not turn messaging on for this number.",
        "The number cannot text in its country, or its setup failed.",
        "Check that the number can send texts in its country, or contact Telnyx support."),
    c("40324", "Messaging product type change failed",
        "Telnyx could not change the number's messaging product.",
        "Another product on the number conflicts with this profile.",
        "Use a product the number is eligible for, or contact Telnyx support."),
    c("40325", "Invalid alphanumeric sender ID",
        "The alphanumeric sender ID is not in a valid form.",
        "It must be 1 to 11 letters, digits or spaces.",
        "Use 1 to 11 letters or digits."),
    c("40326", "Cannot assign alphanumeric sender ID",
        "The alphanumeric sender ID could not be set.",
        "It is not allowed here, or not registered where it is required.",
        "Check the sender ID's registration for the countries you send to."),
    c("40328", "SMS exceeds recommended size",
        "The SMS is split into many parts.",
        "A long text (a warning, not a failure).",
        "Consider sending it as MMS."),
    c("40329", "Tollfree number is not verified",
        "The toll-free number is not verified, so carriers block its texts.",
        "It has no verification request, or the request is not approved yet.",
        "Complete toll-free verification (Messaging › Toll-free verification in the Telnyx portal)."),
    c("40330", "Tollfree number is not provisioned",
        "The toll-free number is not fully set up for messaging.",
        "Its messaging provisioning is not finished.",
        "Wait for provisioning; contact Telnyx support if it lasts."),
    c("40331", "Missing whitelisted destinations",
        "The messaging profile allows no destination countries.",
        "Its allowed destinations list is empty.",
        "Add the countries you text to the profile's allowed destinations."),
    c("40333", "Messaging profile spend limit reached",
        "The messaging profile reached its daily spend limit.",
        "More was sent today than the limit allows (it resets at midnight UTC).",
        "Raise the profile's daily spend limit or wait for the reset."),
];

/// The family of a code string (`None` when it is not a 5-digit code of a known family).
fn family_of(code: &str) -> Option<CodeFamily> {
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match code.as_bytes()[0] {
        b'1' => Some(CodeFamily::Request),
        b'2' => Some(CodeFamily::Account),
        b'4' => Some(CodeFamily::Messaging),
        _ => None,
    }
}

/// What Telnyx's error `code` means, when Number Desk knows it. Tolerant of surrounding spaces.
pub fn lookup(code: &str) -> Option<&'static TelnyxCode> {
    let code = code.trim();
    let table = match family_of(code)? {
        CodeFamily::Request => REQUEST_ERRORS,
        CodeFamily::Account => ACCOUNT_ERRORS,
        CodeFamily::Messaging => MESSAGING_ERRORS,
    };
    table.iter().find(|entry| entry.code == code)
}

/// A code explained, as the lookup box and the wizard show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CodeExplanation {
    /// The code as looked up (trimmed; digits found in a pasted text such as "error 40305").
    pub code: String,
    /// Whether Number Desk knows it.
    pub known: bool,
    /// The family, from the digits (none when it is not a Telnyx code).
    pub family: Option<CodeFamily>,
    pub title: String,
    pub meaning: String,
    pub cause: String,
    pub action: String,
}

/// Explains a code typed or pasted in any form (`" 40305 "`, `"error 40305"`, `"#40305"`).
pub fn explain_code(input: &str) -> CodeExplanation {
    let trimmed = input.trim();
    let digits: String = trimmed
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 5)
        .unwrap_or(trimmed)
        .to_owned();
    match lookup(&digits) {
        Some(k) => CodeExplanation {
            code: k.code.to_owned(),
            known: true,
            family: Some(k.family()),
            title: k.title.to_owned(),
            meaning: k.meaning.to_owned(),
            cause: k.cause.to_owned(),
            action: k.action.to_owned(),
        },
        None => CodeExplanation {
            family: family_of(&digits),
            known: false,
            title: String::new(),
            meaning: if family_of(&digits).is_some() {
                format!("Number Desk has no explanation for error {digits}.")
            } else {
                format!("“{trimmed}” is not a Telnyx error code (five digits, such as 40305).")
            },
            cause: String::new(),
            action:
                "Look the code up in Telnyx's error reference (developers.telnyx.com, API errors)."
                    .to_owned(),
            code: digits,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILIES: [(&[TelnyxCode], &str); 3] = [
        (REQUEST_ERRORS, "10"),
        (ACCOUNT_ERRORS, "20"),
        (MESSAGING_ERRORS, "40"),
    ];

    #[test]
    fn every_code_sits_in_its_family_and_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for (table, prefix) in FAMILIES {
            assert!(!table.is_empty());
            for entry in table {
                assert_eq!(entry.code.len(), 5, "{}", entry.code);
                assert!(
                    entry.code.bytes().all(|b| b.is_ascii_digit()),
                    "{}",
                    entry.code
                );
                assert!(
                    entry.code.starts_with(prefix),
                    "{} is not {prefix}xxx",
                    entry.code
                );
                assert!(seen.insert(entry.code), "{} is listed twice", entry.code);
            }
        }
    }

    #[test]
    fn lookup_finds_every_entry_in_its_own_table_and_nothing_else() {
        for (table, _) in FAMILIES {
            for entry in table {
                assert_eq!(lookup(entry.code), Some(entry));
                assert_eq!(lookup(&format!("  {}\n", entry.code)), Some(entry));
            }
        }
        for unknown in [
            "", "99", "10003", "40327", "50001", "1001", "100050", "abcde",
        ] {
            assert_eq!(lookup(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn request_errors_are_kept_apart_from_messaging_errors() {
        assert_eq!(
            lookup("10005").map(TelnyxCode::family),
            Some(CodeFamily::Request)
        );
        assert_eq!(
            lookup("20100").map(TelnyxCode::family),
            Some(CodeFamily::Account)
        );
        assert_eq!(
            lookup("40305").map(TelnyxCode::family),
            Some(CodeFamily::Messaging)
        );
        assert!(REQUEST_ERRORS
            .iter()
            .all(|c| c.family() == CodeFamily::Request));
        assert!(MESSAGING_ERRORS
            .iter()
            .all(|c| c.family() == CodeFamily::Messaging));
    }

    /// Every code of FACTS.md §8.1's table (read from the repository's copy) is explained.
    #[test]
    fn every_code_in_facts_md_is_explained() {
        let facts = include_str!("../../../spec/telnyx/FACTS.md");
        let start = facts.find("### 8.1").expect("FACTS.md has §8.1");
        let section = &facts[start..];
        let end = section.find("\n## ").unwrap_or(section.len());
        let mut codes = Vec::new();
        for line in section[..end].lines() {
            let Some(cell) = line.strip_prefix('|').and_then(|l| l.split('|').next()) else {
                continue;
            };
            let code = cell.trim().trim_matches('*');
            if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
                codes.push(code.to_owned());
            }
        }
        assert!(codes.len() >= 65, "parsed only {} codes", codes.len());
        let missing: Vec<&String> = codes.iter().filter(|c| lookup(c).is_none()).collect();
        assert!(missing.is_empty(), "not explained: {missing:?}");
    }

    #[test]
    fn meanings_causes_and_actions_are_plain_sentences_that_do_not_repeat_the_code() {
        for (table, _) in FAMILIES {
            for entry in table {
                for text in [entry.meaning, entry.cause, entry.action] {
                    assert!(text.starts_with(|c: char| c.is_uppercase()), "{text}");
                    assert!(text.ends_with('.') && !text.ends_with(".."), "{text}");
                    assert!(!text.contains(entry.code), "{text}");
                }
                assert!(!entry.title.is_empty());
            }
        }
    }

    #[test]
    fn the_codes_of_a_refused_profile_change_say_what_to_do() {
        assert!(lookup("10015").is_some_and(|c| c.sentence().contains("profile")));
        assert!(lookup("10005").is_some_and(|c| c.sentence().contains("refresh the list")));
        assert!(lookup("10010").is_some_and(|c| c.sentence().contains("key")));
        assert!(lookup("40323").is_some_and(|c| c.title == "Messaging activation failed"));
    }

    #[test]
    fn explain_code_reads_pasted_text_and_says_when_it_does_not_know() {
        let e = explain_code("  Error 40305: Invalid 'from' address ");
        assert!(e.known);
        assert_eq!(e.code, "40305");
        assert_eq!(e.family, Some(CodeFamily::Messaging));
        assert!(e.action.contains("profile"));
        let unknown = explain_code("40399");
        assert!(!unknown.known);
        assert_eq!(unknown.family, Some(CodeFamily::Messaging));
        assert!(unknown.meaning.contains("no explanation"));
        let junk = explain_code("hello");
        assert!(!junk.known && junk.family.is_none());
        assert!(junk.meaning.contains("not a Telnyx error code"));
    }
}
