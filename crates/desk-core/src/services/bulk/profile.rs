//! Changes to one setting of a messaging profile (the Troubleshoot screen's fixes: turn it on, set
//! its webhook URL, allow a destination country), journalled like a move of numbers: the job is
//! written with the setting's value before and after before the `PATCH /messaging_profiles/{id}`
//! goes out, its outcome is written when Telnyx answers (and read back), a change cut short is
//! finished by [`BulkService::recover`], and [`BulkService::undo`] sets the value before again,
//! as a journalled change of its own, unless someone has changed the setting since.

use telnyx_client::{MessagingProfile, MessagingProfileId};

use super::{iso_now, outcome_unknown, BulkService};
use crate::error::explain_telnyx;
use crate::ports::journal::{ItemState, Job, JobKind, JobState, ProfileSettingChange};
use crate::rules::diagnosis::fix::ProfileFix;
use crate::rules::diagnosis::fix::{holds, profile_update, setting_in, setting_of, update_for};
use crate::Error;

/// What a profile fix came to: the journalled change (`None` when the profile already held it and
/// nothing was sent) and the profile as Telnyx now holds it.
#[derive(Debug, Clone)]
pub struct ProfileFixDone {
    pub job: Option<Job>,
    pub profile: MessagingProfile,
}

impl BulkService {
    /// Makes `fix` on its profile: reads the profile, journals the change, sends it, reads it back.
    /// A refusal is written to the journal and returned as the error; a lost answer is followed by
    /// a read, and when that fails too the change stays unfinished for [`BulkService::recover`].
    pub async fn fix_profile(&self, fix: &ProfileFix) -> Result<ProfileFixDone, Error> {
        let id = MessagingProfileId::from(fix.profile_id());
        let current = self.client.get_messaging_profile(&id).await?;
        let Some(update) = profile_update(fix, &current)? else {
            tracing::info!(profile = %id, fix = fix.kind(), "profile fix: already made, nothing sent");
            return Ok(ProfileFixDone {
                job: None,
                profile: current,
            });
        };
        let after = setting_of(&update)
            .ok_or_else(|| Error::Internal(format!("the {} fix changes no setting", fix.kind())))?;
        let change = ProfileSettingChange {
            profile_id: id.to_string(),
            profile_name: current.name.clone(),
            before: setting_in(&after, &current),
            after,
            state: ItemState::Sent,
            code: None,
            words: None,
        };
        self.run_profile_change(change, JobKind::ProfileFix, None)
            .await
    }

    /// Journals `change`, sends it and settles it.
    async fn run_profile_change(
        &self,
        change: ProfileSettingChange,
        kind: JobKind,
        undoes: Option<String>,
    ) -> Result<ProfileFixDone, Error> {
        let mut job = Job {
            id: uuid::Uuid::new_v4().to_string(),
            account: self.account.clone(),
            created_at: iso_now(),
            who: self.who.clone(),
            kind,
            state: JobState::Running,
            undoes,
            items: Vec::new(),
            profile_change: Some(change),
        };
        self.journal.create(&job)?;
        self.send_profile_change(&mut job).await
    }

    /// Sends a journalled profile change and writes its outcome.
    async fn send_profile_change(&self, job: &mut Job) -> Result<ProfileFixDone, Error> {
        let Some(change) = job.profile_change.clone() else {
            return Err(Error::Internal(format!(
                "job {} changes no profile",
                job.id
            )));
        };
        let id = MessagingProfileId::from(change.profile_id.as_str());
        match self
            .client
            .update_messaging_profile(&id, &update_for(&change.after))
            .await
        {
            Ok(profile) => {
                let outcome = if holds(&change.after, &profile) {
                    Settled::Made
                } else {
                    Settled::Failed(
                        None,
                        "Telnyx accepted the change but its profile does not show it.".into(),
                    )
                };
                self.settle(job, outcome)?;
                tracing::info!(profile = %id, job = %job.id, state = ?job.profile_change.as_ref().map(|c| c.state), "profile change made");
                Ok(ProfileFixDone {
                    job: Some(job.clone()),
                    profile,
                })
            }
            Err(e) if outcome_unknown(&e) => {
                // The answer was lost: read the profile to learn what happened.
                tracing::warn!(profile = %id, job = %job.id, error = %explain_telnyx(&e), "profile change: answer lost, reading back");
                match self.client.get_messaging_profile(&id).await {
                    Ok(profile) if holds(&change.after, &profile) => {
                        self.settle(job, Settled::Made)?;
                        Ok(ProfileFixDone {
                            job: Some(job.clone()),
                            profile,
                        })
                    }
                    Ok(_) => {
                        self.settle(
                            job,
                            Settled::Failed(e.first_code().map(str::to_owned), explain_telnyx(&e)),
                        )?;
                        Err(e.into())
                    }
                    // Unknown still: the job stays running, and Activity offers to finish it.
                    Err(_) => Err(e.into()),
                }
            }
            Err(e) => {
                self.settle(
                    job,
                    Settled::Failed(e.first_code().map(str::to_owned), explain_telnyx(&e)),
                )?;
                Err(e.into())
            }
        }
    }

    /// Writes a profile change's outcome and finishes its job.
    fn settle(&self, job: &mut Job, outcome: Settled) -> Result<(), Error> {
        let Some(change) = job.profile_change.as_mut() else {
            return Ok(());
        };
        match outcome {
            Settled::Made => {
                change.state = ItemState::Moved;
                change.code = None;
                change.words = None;
            }
            Settled::Failed(code, words) => {
                change.state = ItemState::Failed;
                change.code = code;
                change.words = Some(words);
            }
            Settled::Skipped(words) => {
                change.state = ItemState::Skipped;
                change.words = Some(words);
            }
        }
        self.journal.update_profile_change(&job.id, change)?;
        self.journal.set_state(&job.id, JobState::Finished)?;
        job.state = JobState::Finished;
        Ok(())
    }

    /// Finishes a profile change cut short: reads the profile first; sends the change only when
    /// the profile still holds the value before (so nothing is sent twice, and nobody's later
    /// change is overwritten).
    pub(super) async fn finish_profile_change(&self, mut job: Job) -> Result<Job, Error> {
        let Some(change) = job.profile_change.clone() else {
            return Ok(job);
        };
        let id = MessagingProfileId::from(change.profile_id.as_str());
        let profile = self.client.get_messaging_profile(&id).await?;
        if holds(&change.after, &profile) {
            self.settle(&mut job, Settled::Made)?;
        } else if holds(&change.before, &profile) {
            // Not made: send it now (the person asked to finish it). A refusal is in the job.
            let _ = self.send_profile_change(&mut job).await;
        } else {
            self.settle(
                &mut job,
                Settled::Skipped(
                    "The setting was changed by someone else meanwhile, so it was left as it is."
                        .into(),
                ),
            )?;
        }
        Ok(job)
    }

    /// Sets the value before `job`'s profile change again, as a new journalled change: refused
    /// (nothing sent) when the change was not made or the profile no longer holds its value.
    pub(super) async fn undo_profile_change(&self, job: &Job) -> Result<Job, Error> {
        let Some(change) = &job.profile_change else {
            return Err(Error::Internal(format!(
                "job {} changes no profile",
                job.id
            )));
        };
        if job.state == JobState::Running {
            return Err(Error::Invalid(
                "That change is not finished yet: finish it first, then undo it.".into(),
            ));
        }
        if change.state != ItemState::Moved {
            return Err(Error::Invalid(
                "That change was not made, so there is nothing to undo.".into(),
            ));
        }
        let id = MessagingProfileId::from(change.profile_id.as_str());
        let profile = self.client.get_messaging_profile(&id).await?;
        if !holds(&change.after, &profile) {
            return Err(Error::Invalid(format!(
                "“{}” has been changed since (that setting is no longer what this change made it), so undoing it would overwrite a later change. Nothing was sent.",
                profile.name
            )));
        }
        let undo = ProfileSettingChange {
            profile_id: change.profile_id.clone(),
            profile_name: profile.name.clone(),
            before: change.after.clone(),
            after: change.before.clone(),
            state: ItemState::Sent,
            code: None,
            words: None,
        };
        let done = self
            .run_profile_change(undo, JobKind::Undo, Some(job.id.clone()))
            .await?;
        done.job
            .ok_or_else(|| Error::Internal("the undo was not journalled".into()))
    }
}

/// How a profile change ended.
enum Settled {
    Made,
    Failed(Option<String>, String),
    Skipped(String),
}
