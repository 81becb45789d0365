//! Messaging profiles: list, retrieve, create, update, and a profile's numbers (FACTS.md §3).

use reqwest::Method;

use super::{page_query, Data, List};
use crate::client::{Call, Client};
use crate::error::{Error, Result};
use crate::models::{
    CreateMessagingProfile, ListMessagingProfiles, MessagingNumber, MessagingProfile,
    MessagingProfileId, UpdateMessagingProfile,
};
use crate::paging::{Page, Progress, MAX_PAGE_SIZE};
use crate::query::{segment, Query};

const LIST: &str = "/messaging_profiles";
const ONE: &str = "/messaging_profiles/{id}";
const NUMBERS: &str = "/messaging_profiles/{id}/phone_numbers";

fn profile_path(id: &MessagingProfileId) -> String {
    format!("/messaging_profiles/{}", segment(id.as_str()))
}

impl Client {
    /// `GET /messaging_profiles`: one page (`page_size` 1–250).
    pub async fn list_messaging_profiles(
        &self,
        filter: &ListMessagingProfiles,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<MessagingProfile>> {
        let mut q = Query::new();
        page_query(&mut q, page_number, page_size, MAX_PAGE_SIZE)?;
        q.opt("filter[name]", filter.name.as_deref())
            .opt("filter[name][eq]", filter.name_eq.as_deref())
            .opt("filter[name][contains]", filter.name_contains.as_deref());
        let call = Call::get(LIST, LIST.to_owned(), q);
        Ok(self.send::<List<MessagingProfile>>(&call).await?.into())
    }

    /// Every messaging profile matching `filter` (pages of 250, concurrently).
    pub async fn list_all_messaging_profiles(
        &self,
        filter: &ListMessagingProfiles,
    ) -> Result<Vec<MessagingProfile>> {
        self.list_all(
            LIST,
            filter,
            MAX_PAGE_SIZE,
            &|_| {},
            |client, filter, n| async move {
                client
                    .list_messaging_profiles(&filter, n, MAX_PAGE_SIZE)
                    .await
            },
        )
        .await
    }

    /// `GET /messaging_profiles/{id}`.
    pub async fn get_messaging_profile(&self, id: &MessagingProfileId) -> Result<MessagingProfile> {
        let call = Call::get(ONE, profile_path(id), Query::new());
        Ok(self.send::<Data<MessagingProfile>>(&call).await?.data)
    }

    /// `POST /messaging_profiles` (200 with the new profile). `name` and
    /// `whitelisted_destinations` are required by the spec and checked here. Not retried on
    /// 5xx/timeouts: a repeat could create a second profile.
    pub async fn create_messaging_profile(
        &self,
        profile: &CreateMessagingProfile,
    ) -> Result<MessagingProfile> {
        if profile.name.trim().is_empty() {
            return Err(Error::InvalidInput(
                "a messaging profile needs a name".into(),
            ));
        }
        if profile.whitelisted_destinations.is_empty() {
            return Err(Error::InvalidInput(
                "whitelisted_destinations is required (use [\"*\"] for all destinations)".into(),
            ));
        }
        let call = Call::with_body(Method::POST, LIST, LIST.to_owned(), profile, false)?;
        Ok(self.send::<Data<MessagingProfile>>(&call).await?.data)
    }

    /// `PATCH /messaging_profiles/{id}`; absent fields are unchanged. Idempotent in effect.
    pub async fn update_messaging_profile(
        &self,
        id: &MessagingProfileId,
        update: &UpdateMessagingProfile,
    ) -> Result<MessagingProfile> {
        let call = Call::with_body(Method::PATCH, ONE, profile_path(id), update, true)?;
        Ok(self.send::<Data<MessagingProfile>>(&call).await?.data)
    }

    /// `GET /messaging_profiles/{id}/phone_numbers`: one page (only `page[...]` parameters exist).
    pub async fn list_profile_numbers(
        &self,
        id: &MessagingProfileId,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<MessagingNumber>> {
        let mut q = Query::new();
        page_query(&mut q, page_number, page_size, MAX_PAGE_SIZE)?;
        let path = format!("{}/phone_numbers", profile_path(id));
        let call = Call::get(NUMBERS, path, q);
        Ok(self.send::<List<MessagingNumber>>(&call).await?.into())
    }

    /// Every number of a profile (pages of 250, concurrently).
    pub async fn list_all_profile_numbers(
        &self,
        id: &MessagingProfileId,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<MessagingNumber>> {
        self.list_all(
            NUMBERS,
            id,
            MAX_PAGE_SIZE,
            &on_progress,
            |client, id, n| async move { client.list_profile_numbers(&id, n, MAX_PAGE_SIZE).await },
        )
        .await
    }
}
