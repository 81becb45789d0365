//! Small helpers that put the API's values into sentences, and every Telnyx enum value a person
//! can see, said in words (the raw value stays in the number's Details JSON).

use std::borrow::Cow;

use telnyx_client::{AssignmentStatus, PhoneNumberStatus, VerificationStatus};

/// A phone number's inventory `status` (FACTS.md §5) in words, lower case, to follow "It is …"
/// or stand after a colon: `purchase-pending` → "still being set up after purchase".
pub fn number_status_words(status: &PhoneNumberStatus) -> Cow<'static, str> {
    use PhoneNumberStatus as S;
    Cow::Borrowed(match status {
        S::Active => "active",
        S::PurchasePending => "still being set up after purchase",
        S::ProvisionPending => "still being set up by Telnyx",
        S::PurchaseFailed => "not bought: the purchase failed",
        S::PortPending => "still being moved to Telnyx from another carrier",
        S::PortFailed => "not moved to Telnyx: the move from the other carrier failed",
        S::PortOutPending => "being moved away to another carrier",
        S::PortedOut => "moved away to another carrier",
        S::Deleted => "deleted from the account",
        S::EmergencyOnly => "limited to emergency calls",
        S::RequirementInfoPending => "waiting for regulatory documents from you",
        S::RequirementInfoUnderReview => "waiting for Telnyx to review its regulatory documents",
        S::RequirementInfoException => "held: its regulatory documents were refused",
        S::Other(s) => return Cow::Owned(unknown_value(s)),
    })
}

/// A 10DLC `assignmentStatus` (FACTS.md §6) in words, lower case: `PENDING_ASSIGNMENT` →
/// "being assigned".
pub fn assignment_status_words(status: &AssignmentStatus) -> Cow<'static, str> {
    use AssignmentStatus as A;
    Cow::Borrowed(match status {
        A::Assigned => "assigned",
        A::PendingAssignment => "being assigned",
        A::FailedAssignment => "assignment failed",
        A::PendingUnassignment => "being removed from the campaign",
        A::FailedUnassignment => "removal from the campaign failed",
        A::Other(s) => return Cow::Owned(unknown_value(s)),
    })
}

/// A toll-free `verificationStatus` (FACTS.md §7) in words, lower case: `Waiting For Vendor` →
/// "under review by Telnyx's verification partner".
pub fn verification_status_words(status: &VerificationStatus) -> Cow<'static, str> {
    use VerificationStatus as V;
    Cow::Borrowed(match status {
        V::Verified => "verified",
        V::Rejected => "rejected",
        V::InProgress => "under review",
        V::WaitingForTelnyx => "under review by Telnyx",
        V::WaitingForVendor => "under review by Telnyx's verification partner",
        V::WaitingForCustomer => "waiting for your answer",
        V::Other(s) => return Cow::Owned(unknown_value(s)),
    })
}

/// A value this app has no words for: said as such, with the value quoted so it can be looked up.
fn unknown_value(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "a blank status".to_owned()
    } else {
        format!("a status Number Desk does not know (“{s}”)")
    }
}

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
pub(crate) fn thousands(n: i64) -> String {
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

    /// Every enum value of the spec (FACTS.md §5–§7) has words of its own, none of which is the
    /// raw value or a code-like spelling of it.
    #[test]
    fn every_enum_value_in_words() {
        let statuses = [
            ("purchase-pending", "still being set up after purchase"),
            ("purchase-failed", "not bought: the purchase failed"),
            (
                "port-pending",
                "still being moved to Telnyx from another carrier",
            ),
            (
                "port-failed",
                "not moved to Telnyx: the move from the other carrier failed",
            ),
            ("active", "active"),
            ("deleted", "deleted from the account"),
            ("emergency-only", "limited to emergency calls"),
            ("ported-out", "moved away to another carrier"),
            ("port-out-pending", "being moved away to another carrier"),
            (
                "requirement-info-pending",
                "waiting for regulatory documents from you",
            ),
            (
                "requirement-info-under-review",
                "waiting for Telnyx to review its regulatory documents",
            ),
            (
                "requirement-info-exception",
                "held: its regulatory documents were refused",
            ),
            ("provision-pending", "still being set up by Telnyx"),
        ];
        for (raw, words) in statuses {
            assert_eq!(
                number_status_words(&PhoneNumberStatus::parse(raw)),
                words,
                "{raw}"
            );
        }
        let assignments = [
            ("ASSIGNED", "assigned"),
            ("PENDING_ASSIGNMENT", "being assigned"),
            ("FAILED_ASSIGNMENT", "assignment failed"),
            ("PENDING_UNASSIGNMENT", "being removed from the campaign"),
            ("FAILED_UNASSIGNMENT", "removal from the campaign failed"),
        ];
        for (raw, words) in assignments {
            assert_eq!(
                assignment_status_words(&AssignmentStatus::parse(raw)),
                words,
                "{raw}"
            );
        }
        let verifications = [
            ("Verified", "verified"),
            ("Rejected", "rejected"),
            ("In Progress", "under review"),
            ("Waiting For Telnyx", "under review by Telnyx"),
            (
                "Waiting For Vendor",
                "under review by Telnyx's verification partner",
            ),
            ("Waiting For Customer", "waiting for your answer"),
        ];
        for (raw, words) in verifications {
            assert_eq!(
                verification_status_words(&VerificationStatus::parse(raw)),
                words,
                "{raw}"
            );
        }
        // No code-like spelling in any of them.
        let all = statuses
            .iter()
            .chain(assignments.iter())
            .chain(verifications.iter());
        for (raw, words) in all {
            assert!(!words.contains('_'), "{raw}: {words}");
            if raw.contains(['-', '_', ' ']) {
                assert!(!words.contains(raw), "{raw}: {words}");
            }
        }
        // An unknown value is said to be unknown, with the value quoted.
        assert_eq!(
            assignment_status_words(&AssignmentStatus::parse("SUSPENDED")),
            "a status Number Desk does not know (“SUSPENDED”)"
        );
        assert_eq!(
            number_status_words(&PhoneNumberStatus::parse("")),
            "a blank status"
        );
    }

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
