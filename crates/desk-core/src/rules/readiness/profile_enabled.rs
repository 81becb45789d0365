//! Link 4: the number's messaging profile is enabled (FACTS.md §3).

use telnyx_client::MessagingProfile;

use super::wording::capitalize;
use super::{check, finding, Check, CheckKey, CheckState, Finding, Verdict};

const PROFILE_ENABLED: &str = "Profile enabled";

/// `name` is the profile's display name (`Some` whenever `profile` is).
pub(super) fn profile_enabled(
    profile: Option<&MessagingProfile>,
    name: Option<&str>,
) -> (Check, Option<Finding>) {
    let (Some(p), Some(name)) = (profile, name) else {
        return (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::NotApplicable,
                "There is no profile to check.",
            ),
            None,
        );
    };
    match p.enabled {
        Some(true) => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Passed,
                format!("{} is enabled.", capitalize(name)),
            ),
            None,
        ),
        Some(false) => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Failed,
                format!("{} is disabled.", capitalize(name)),
            ),
            finding(
                Verdict::ProfileDisabled,
                format!(
                    "Its messaging profile {name} is disabled, so nothing can be sent through it."
                ),
                format!(
                    "Enable the profile {name} again, or move the number to an enabled profile."
                ),
            ),
        ),
        None => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Unknown,
                format!("{} does not say whether it is enabled.", capitalize(name)),
            ),
            None,
        ),
    }
}
