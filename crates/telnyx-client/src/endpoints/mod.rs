//! The endpoints, one file per resource, each an `impl Client` block.

mod bulk;
mod detail_records;
pub use detail_records::MAX_DETAIL_RECORDS_PAGE_SIZE;
mod numbers;
mod phone_numbers;
mod profiles;
mod ten_dlc;
pub use ten_dlc::PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE;
mod toll_free;

use serde::Deserialize;

use crate::paging::{LenientMeta, Page, PaginationMeta};

/// `{"data": T}`.
#[derive(Deserialize)]
pub(crate) struct Data<T> {
    pub data: T,
}

/// `{"data": [T], "meta": messaging_PaginationMeta}` (all meta fields required).
#[derive(Deserialize)]
pub(crate) struct List<T> {
    pub data: Vec<T>,
    pub meta: PaginationMeta,
}

impl<T> From<List<T>> for Page<T> {
    fn from(l: List<T>) -> Self {
        Page {
            data: l.data,
            meta: l.meta,
        }
    }
}

/// `{"data": [T], "meta": PaginationMeta}` where the spec requires no meta field.
#[derive(Deserialize)]
pub(crate) struct LenientList<T> {
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    #[serde(default)]
    pub meta: LenientMeta,
}

impl<T> LenientList<T> {
    pub(crate) fn into_page(self, page_number: u32, page_size: u32) -> Page<T> {
        let meta = self.meta.resolve(page_number, page_size, self.data.len());
        Page {
            data: self.data,
            meta,
        }
    }
}

/// Adds `page[number]` and `page[size]`.
pub(crate) fn page_query(q: &mut crate::query::Query, page_number: u32, page_size: u32) {
    q.push("page[number]", page_number.to_string())
        .push("page[size]", page_size.to_string());
}
