//! Phone-number inventory: `GET /phone_numbers` and `GET /phone_numbers/{id}` (FACTS.md §5),
//! for `status` (provisioning), `messaging_profile_name` and the voice connection.

use super::{page_query, Data, LenientList};
use crate::client::{Call, Client};
use crate::error::Result;
use crate::models::{ListPhoneNumbers, PhoneNumber, PhoneNumberId, PhoneNumberStatusRecord, E164};
use crate::paging::{Page, Progress, MAX_PAGE_SIZE};
use crate::query::{segment, Query};

const LIST: &str = "/phone_numbers";
const ONE: &str = "/phone_numbers/{id}";

impl Client {
    /// Every phone number matching `filter`: the first page of 250, then the rest concurrently,
    /// in order, reporting progress after each page.
    pub async fn list_all_phone_numbers(
        &self,
        filter: &ListPhoneNumbers,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<PhoneNumber>> {
        self.list_all(
            LIST,
            filter,
            MAX_PAGE_SIZE,
            &on_progress,
            |client, filter, n| async move {
                client.list_phone_numbers(&filter, n, MAX_PAGE_SIZE).await
            },
        )
        .await
    }

    /// The status of every phone number matching `filter` (the part of each record a readiness
    /// check needs, read without the rest), when about `expected` are expected: see
    /// [`Client::list_all_messaging_numbers_expecting`].
    pub async fn list_all_phone_number_statuses_expecting(
        &self,
        filter: &ListPhoneNumbers,
        expected: usize,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<PhoneNumberStatusRecord>> {
        self.list_all_expecting(
            LIST,
            filter,
            expected,
            &|_| {},
            &on_progress,
            |client, filter, n| async move {
                client
                    .list_phone_numbers_as(&filter, n, MAX_PAGE_SIZE)
                    .await
            },
        )
        .await?
        .into_complete()
    }

    /// `GET /phone_numbers`: one page (`page_size` 1–250).
    pub async fn list_phone_numbers(
        &self,
        filter: &ListPhoneNumbers,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<PhoneNumber>> {
        self.list_phone_numbers_as(filter, page_number, page_size)
            .await
    }

    /// One page of `GET /phone_numbers`, each record read as `T` (the whole record, or a part).
    async fn list_phone_numbers_as<T: serde::de::DeserializeOwned>(
        &self,
        filter: &ListPhoneNumbers,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<T>> {
        let mut q = Query::new();
        page_query(&mut q, page_number, page_size, MAX_PAGE_SIZE)?;
        let countries =
            (!filter.country_iso_alpha2.is_empty()).then(|| filter.country_iso_alpha2.join(","));
        q.opt("filter[phone_number]", filter.phone_number.as_deref())
            .opt("filter[tag]", filter.tag.as_deref())
            .opt("filter[status]", filter.status.as_ref().map(|s| s.as_str()))
            .opt("filter[country_iso_alpha2]", countries)
            .opt("filter[connection_id]", filter.connection_id.as_deref())
            .opt(
                "filter[voice.connection_name][contains]",
                filter.connection_name_contains.as_deref(),
            )
            .opt("filter[number_type][eq]", filter.number_type_eq.as_deref())
            .opt("filter[source]", filter.source.as_deref())
            .opt(
                "filter[customer_reference]",
                filter.customer_reference.as_deref(),
            )
            .opt(
                "filter[billing_group_id]",
                filter.billing_group_id.as_deref(),
            )
            .opt(
                "filter[without_tags]",
                filter
                    .without_tags
                    .map(|b| if b { "true" } else { "false" }),
            )
            .opt("sort", filter.sort.as_deref())
            .opt(
                "handle_messaging_profile_error",
                filter
                    .handle_messaging_profile_error
                    .map(|b| if b { "true" } else { "false" }),
            );
        let call = Call::get(LIST, LIST.to_owned(), q);
        let list = self.send::<LenientList<T>>(&call).await?;
        Ok(list.into_page(page_number, page_size))
    }

    /// `GET /phone_numbers/{id}` (numeric id).
    pub async fn get_phone_number(&self, id: &PhoneNumberId) -> Result<PhoneNumber> {
        let path = format!("/phone_numbers/{}", segment(id.as_str()));
        let call = Call::get(ONE, path, Query::new());
        Ok(self.send::<Data<PhoneNumber>>(&call).await?.data)
    }

    /// Finds a number on the account with `filter[phone_number]`, or `None` when it is not there.
    ///
    /// The filter is sent as digits only: the spec says "Non-numerical characters will result in
    /// no values being returned" (FACTS.md §5). The match is then made exact on our side, since
    /// the filter may match more loosely.
    pub async fn find_phone_number(&self, number: &E164) -> Result<Option<PhoneNumber>> {
        let filter = ListPhoneNumbers {
            phone_number: Some(number.digits().to_owned()),
            ..Default::default()
        };
        let page = self.list_phone_numbers(&filter, 1, 20).await?;
        Ok(page.data.into_iter().find(|p| &p.phone_number == number))
    }
}
