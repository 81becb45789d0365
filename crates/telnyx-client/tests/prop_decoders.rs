//! Property tests of every response the client decodes: arbitrary bytes, arbitrary JSON values and
//! mutated valid examples never make a decoder panic; the worst they get is an `Err`.
//!
//! Two levels: each public response model and list envelope decoded with serde directly (the
//! models' own `Deserialize`, including the E.164 and open-enum ones), and the same bodies served
//! over loopback HTTP to every read endpoint of the real `Client` (its `decode`, the error
//! envelope of non-2xx answers, the lenient list meta). Valid examples are the simulator's demo
//! account as the client decoded it and every schema `example` of `spec/telnyx/`.
//!
//! Cases: `PROPTEST_CASES` when set (the reliability report runs 100,000), else 2,000; the HTTP
//! property runs a hundredth of that, at least 50 (each case is 15 requests).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use telnyx_client::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The models and envelopes the client reads, decoded directly.
fn decode_all(bytes: &[u8]) {
    fn one<T: DeserializeOwned>(bytes: &[u8]) {
        let _ = serde_json::from_slice::<T>(bytes);
    }
    fn data<T: DeserializeOwned>(bytes: &[u8]) {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Data<T> {
            data: T,
        }
        let _ = serde_json::from_slice::<Data<T>>(bytes);
    }
    one::<Page<MessagingNumber>>(bytes);
    one::<Page<MessagingProfile>>(bytes);
    one::<Page<PhoneNumber>>(bytes);
    one::<Page<PhoneNumberStatusRecord>>(bytes);
    one::<Page<MessageDetailRecord>>(bytes);
    one::<TenDlcPage<PhoneNumberCampaign>>(bytes);
    one::<TollFreePage<VerificationRequest>>(bytes);
    one::<PhoneNumberCampaign>(bytes);
    one::<Campaign>(bytes);
    one::<Vec<ApiErrorItem>>(bytes);
    data::<MessagingNumber>(bytes);
    data::<MessagingProfile>(bytes);
    data::<PhoneNumber>(bytes);
    data::<BulkUpdateOrder>(bytes);
    one::<PaginationMeta>(bytes);
}

fn spec_examples() -> Vec<Value> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../spec/telnyx/telnyx-messaging-numbers-subset.yml");
    let text = std::fs::read_to_string(&file).expect("the vendored OpenAPI subset is readable");
    let spec: Value = serde_norway::from_str(&text).expect("the OpenAPI file is valid YAML");
    let mut found = Vec::new();
    fn walk(v: &Value, found: &mut Vec<Value>) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    if (k == "example" || k == "examples")
                        && (child.is_object() || child.is_array())
                    {
                        found.push(child.clone());
                    }
                    walk(child, found);
                }
            }
            Value::Array(items) => items.iter().for_each(|c| walk(c, found)),
            _ => {}
        }
    }
    walk(&spec, &mut found);
    found
}

/// Valid bodies: the demo account as the client decoded it (each in its envelope) and the spec's
/// examples alone and wrapped in the envelopes.
fn seeds() -> &'static Vec<Value> {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let mut seeds = rt.block_on(async {
            let sim = telnyx_sim::Simulator::start(telnyx_sim::SimConfig::demo())
                .await
                .expect("simulator starts");
            let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
                .build()
                .expect("client builds");
            let numbers = client
                .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 4)
                .await
                .expect("numbers");
            let profiles = client
                .list_messaging_profiles(&ListMessagingProfiles::default(), 1, 3)
                .await
                .expect("profiles");
            let phones = client
                .list_phone_numbers(&ListPhoneNumbers::default(), 1, 3)
                .await
                .expect("phone numbers");
            let campaigns = client
                .list_phone_number_campaigns(&ListPhoneNumberCampaigns::default(), 1, 3)
                .await
                .expect("campaigns");
            let verifications = client
                .list_verification_requests(&ListVerificationRequests::default(), 1, 3)
                .await
                .expect("verifications");
            let one = numbers.data[0].clone();
            let out = vec![
                serde_json::to_value(&numbers).expect("encodes"),
                serde_json::to_value(&profiles).expect("encodes"),
                serde_json::to_value(&phones).expect("encodes"),
                serde_json::to_value(&campaigns).expect("encodes"),
                serde_json::to_value(&verifications).expect("encodes"),
                json!({"data": serde_json::to_value(&one).expect("encodes")}),
                json!({"data": serde_json::to_value(&profiles.data[0]).expect("encodes")}),
                json!({"errors": [{"code": "10007", "title": "Unexpected error", "detail": "x", "source": {"pointer": "/a"}}]}),
            ];
            sim.shutdown().await;
            out
        });
        for ex in spec_examples() {
            let meta = json!({"page_number": 1, "page_size": 1, "total_pages": 1, "total_results": 1});
            seeds.push(json!({"data": ex.clone()}));
            seeds.push(json!({"data": [ex.clone()], "meta": meta}));
            seeds.push(json!({"records": [ex.clone()], "page": 1, "totalRecords": 1, "total_records": 1}));
            seeds.push(ex);
        }
        seeds
    })
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "[+]?[0-9]{0,18}".prop_map(Value::String),
        prop_oneof![
            Just("data"),
            Just("meta"),
            Just("records"),
            Just("errors"),
            Just("active"),
            Just("longcode")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            "[a-z_]{1,12}",
            Just("data".to_owned()),
            Just("meta".to_owned()),
            Just("records".to_owned()),
            Just("id".to_owned()),
            Just("phone_number".to_owned()),
            Just("total_pages".to_owned()),
            Just("errors".to_owned()),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Replaces, removes or retypes one node of `v`, chosen by `pick`.
fn mutate(v: &mut Value, pick: usize, with: Value, how: u8) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Object(m) => m.values().map(count).sum(),
            Value::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    fn visit(v: &mut Value, n: &mut usize, with: &Value, how: u8) -> bool {
        if *n == 0 {
            match how {
                0 => *v = with.clone(),
                1 => {
                    if let Value::Object(m) = v {
                        if let Some(k) = m.keys().next().cloned() {
                            m.remove(&k);
                        }
                    } else if let Value::Array(a) = v {
                        a.pop();
                    } else {
                        *v = Value::Null;
                    }
                }
                2 => {
                    // Same value, another type: "5" for 5, 5 for "5", [x] for x.
                    *v = match v.take() {
                        Value::String(s) => s.parse::<i64>().map_or(json!([s]), |n| json!(n)),
                        Value::Number(n) => Value::String(n.to_string()),
                        Value::Bool(b) => Value::String(b.to_string()),
                        other => json!([other]),
                    }
                }
                _ => {
                    if let Value::Array(a) = v {
                        let copy = a.first().cloned().unwrap_or(Value::Null);
                        a.extend(std::iter::repeat_n(copy, 50));
                    } else {
                        *v = Value::Object(Map::new());
                    }
                }
            }
            return true;
        }
        *n -= 1;
        match v {
            Value::Object(m) => m.values_mut().any(|c| visit(c, n, with, how)),
            Value::Array(a) => a.iter_mut().any(|c| visit(c, n, with, how)),
            _ => false,
        }
    }
    let total = count(v);
    let mut n = pick % total;
    visit(v, &mut n, &with, how);
}

/// A body: arbitrary bytes, arbitrary JSON, or a valid example mutated (as JSON or as bytes).
fn body() -> impl Strategy<Value = Vec<u8>> {
    let seed = (0..seeds().len()).prop_map(|i| seeds()[i].clone());
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..512),
        2 => arb_json().prop_map(|v| serde_json::to_vec(&v).expect("encodes")),
        4 => (seed.clone(), any::<usize>(), arb_json(), 0u8..4, 1usize..4).prop_map(|(mut v, pick, with, how, times)| {
            for i in 0..times {
                mutate(&mut v, pick.wrapping_mul(i + 1), with.clone(), how);
            }
            serde_json::to_vec(&v).expect("encodes")
        }),
        2 => (seed, any::<usize>(), any::<u8>(), 0u8..3).prop_map(|(v, pos, byte, how)| {
            let mut bytes = serde_json::to_vec(&v).expect("encodes");
            let at = pos % (bytes.len() + 1);
            match how {
                0 => bytes.truncate(at),
                1 if at < bytes.len() => bytes[at] = byte,
                _ => bytes.insert(at, byte),
            }
            bytes
        }),
    ]
}

proptest! {
    #![proptest_config(config(cases()))]

    #[test]
    fn every_model_and_envelope_decodes_any_body_without_panicking(bytes in body()) {
        decode_all(&bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        decode_all(&bytes);
    }
}

/// One loopback server answering every request with the current case's status and body. Written
/// by hand (a whole answer in one write, `TCP_NODELAY`): a general mock server's answers in two
/// segments meet delayed ACKs and cost tens of milliseconds each.
struct Served {
    rt: tokio::runtime::Runtime,
    client: Client,
    answer: Arc<Mutex<(u16, Vec<u8>)>>,
}

async fn serve_one(
    mut socket: tokio::net::TcpStream,
    answer: Arc<Mutex<(u16, Vec<u8>)>>,
) -> std::io::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    socket.set_nodelay(true)?;
    let mut buf = Vec::new();
    loop {
        // Read one request: headers, then as many body bytes as Content-Length says.
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 8192];
            let n = socket.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 8192];
            let n = socket.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        buf.drain(..head_end + length);
        let (status, body) = answer.lock().expect("answer").clone();
        let mut response = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(&body);
        socket.write_all(&response).await?;
    }
}

fn served() -> &'static Served {
    static SERVED: OnceLock<Served> = OnceLock::new();
    SERVED.get_or_init(|| {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let answer = Arc::new(Mutex::new((200u16, Vec::new())));
        let addr = rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a loopback port");
            let addr = listener.local_addr().expect("address");
            let answer = answer.clone();
            tokio::spawn(async move {
                while let Ok((socket, _)) = listener.accept().await {
                    tokio::spawn(serve_one(socket, answer.clone()));
                }
            });
            addr
        });
        let client = Client::builder(
            &format!("http://{addr}/v2"),
            ApiKey::new("KEYprop0000000000"),
        )
        .max_retries(0)
        .build()
        .expect("client builds");
        Served { rt, client, answer }
    })
}

/// Every read endpoint of the client, against the current answer. Only whether it panics matters.
/// (No `list_all_*`: an answer claiming 10,000 pages would be followed, as it should, page by page.)
async fn call_every_endpoint(c: &Client) {
    let e164 = E164::parse("+12125550100").expect("valid");
    let _ = c
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 250)
        .await;
    let _ = c
        .get_messaging_number(&NumberRef::Id(PhoneNumberId::new("1")))
        .await;
    let _ = c
        .update_messaging_number(
            &NumberRef::Id(PhoneNumberId::new("1")),
            &UpdateMessagingNumber::default(),
        )
        .await;
    let _ = c
        .list_messaging_profiles(&ListMessagingProfiles::default(), 1, 250)
        .await;
    let _ = c.get_messaging_profile(&MessagingProfileId::new("p")).await;
    let _ = c
        .list_profile_numbers(&MessagingProfileId::new("p"), 1, 250)
        .await;
    let _ = c
        .list_phone_numbers(&ListPhoneNumbers::default(), 1, 250)
        .await;
    let _ = c.get_phone_number(&PhoneNumberId::new("1")).await;
    let _ = c.find_phone_number(&e164).await;
    let _ = c
        .list_phone_number_campaigns(&ListPhoneNumberCampaigns::default(), 1, 10)
        .await;
    let _ = c.get_phone_number_campaign(&e164).await;
    let _ = c.get_campaign(&CampaignId::new("c")).await;
    let _ = c
        .list_verification_requests(&ListVerificationRequests::default(), 1, 10)
        .await;
    let _ = c
        .list_message_detail_records(&ListMessageDetailRecords::default(), 1, 10)
        .await;
    let _ = c.get_bulk_update(&BulkOrderId::new("b")).await;
}

proptest! {
    // Each case is 15 requests over loopback, so this property runs a hundredth of the cases.
    #![proptest_config(config((cases() / 100).max(50)))]

    #[test]
    fn every_endpoint_of_the_client_survives_any_answer(
        bytes in body(),
        status in prop_oneof![6 => Just(200u16), 1 => Just(201u16), 1 => Just(404u16), 1 => Just(422u16), 1 => Just(403u16)],
    ) {
        let s = served();
        *s.answer.lock().expect("answer") = (status, bytes);
        s.rt.block_on(call_every_endpoint(&s.client));
    }
}
