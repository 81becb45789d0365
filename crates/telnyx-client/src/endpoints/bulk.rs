//! Bulk profile assignment: `POST /messaging_numbers_bulk_updates` and
//! `GET /messaging_numbers_bulk_updates/{order_id}` (FACTS.md §4; the spec's path spelling).

use reqwest::Method;

use super::Data;
use crate::client::{Call, Client};
use crate::error::{Error, Result};
use crate::models::{BulkOrderId, BulkUpdateOrder, CreateBulkUpdate};
use crate::query::{segment, Query};

const CREATE: &str = "/messaging_numbers_bulk_updates";
const ONE: &str = "/messaging_numbers_bulk_updates/{order_id}";

impl Client {
    /// Creates a bulk update order. Not retried on 5xx/timeouts (a repeat would create a second
    /// order the bulk journal does not know); 429 and connection failures are retried, since
    /// nothing was applied. Poll [`Client::get_bulk_update`] until nothing is pending.
    pub async fn create_bulk_update(&self, update: &CreateBulkUpdate) -> Result<BulkUpdateOrder> {
        if update.numbers.is_empty() {
            return Err(Error::InvalidInput(
                "a bulk update needs at least one number".into(),
            ));
        }
        let call = Call::with_body(Method::POST, CREATE, CREATE.to_owned(), update, false)?;
        Ok(self.send::<Data<BulkUpdateOrder>>(&call).await?.data)
    }

    /// Reads a bulk update order by `order_id`.
    pub async fn get_bulk_update(&self, order_id: &BulkOrderId) -> Result<BulkUpdateOrder> {
        let path = format!(
            "/messaging_numbers_bulk_updates/{}",
            segment(order_id.as_str())
        );
        let call = Call::get(ONE, path, Query::new());
        Ok(self.send::<Data<BulkUpdateOrder>>(&call).await?.data)
    }
}
