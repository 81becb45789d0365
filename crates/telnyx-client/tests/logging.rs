//! Requests are logged with a request id, endpoint, attempt and status — and never with the key.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;
use serde_json::json;
use telnyx_client::*;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn logs_carry_a_request_id_and_never_the_key() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).set_body_json(telnyx_error(
            "10007",
            "Unexpected error",
            "try again",
        )))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": number_json(1, "+18005550001")})),
        )
        .mount(&s)
        .await;
    client(&s)
        .get_messaging_number(&NumberRef::Id(PhoneNumberId::new("1")))
        .await
        .expect("ok after a retry");

    let logs = String::from_utf8(buffer.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(logs.contains("req_id=1"), "{logs}");
    assert!(logs.contains("GET /phone_numbers/{id}/messaging"), "{logs}");
    assert!(
        logs.contains("status=503") && logs.contains("status=200"),
        "{logs}"
    );
    assert!(logs.contains("retrying telnyx request"), "{logs}");
    assert!(
        !logs.contains(KEY),
        "the API key leaked into the logs:\n{logs}"
    );
    assert!(!logs.contains("Bearer"), "{logs}");
}
