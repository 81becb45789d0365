//! Connect / open / forget against the simulator over loopback HTTP, with an in-memory keychain.

use desk_core::ports::secrets::{MemorySecretStore, SecretStore};
use desk_core::rules::settings::Settings;
use desk_core::services::accounts::{self, AccountRef, ConnectRequest};
use desk_core::Error;
use telnyx_sim::{SimConfig, Simulator};

fn request(key: &str, base_url: &str) -> ConnectRequest {
    ConnectRequest {
        name: "Main".into(),
        api_key: key.into(),
        base_url: base_url.into(),
    }
}

#[tokio::test]
async fn a_valid_key_is_verified_stored_and_reopened() {
    let sim = Simulator::start(SimConfig::demo()).await.unwrap();
    let store = MemorySecretStore::default();
    let accounts::Connected {
        settings,
        entry,
        client,
        numbers,
    } = accounts::connect(
        &store,
        &Settings::default(),
        request(&sim.api_key(), &sim.base_url()),
    )
    .await
    .unwrap();
    // The key check also counts the numbers, for the first load to expect.
    assert_eq!(numbers, sim.account().numbers.len());
    assert_eq!(settings.accounts, vec![entry.clone()]);
    assert_eq!(
        settings.last_account,
        Some(AccountRef::Saved(entry.id.clone()))
    );
    assert_eq!(
        store.get(&entry.keychain_ref).unwrap().unwrap().expose(),
        sim.api_key()
    );
    assert_eq!(accounts::verify(&client).await.unwrap(), numbers);

    let (reopened, client) = accounts::open(&store, &settings, &entry.id).unwrap();
    assert_eq!(reopened, entry);
    assert_eq!(accounts::verify(&client).await.unwrap(), numbers);

    let forgotten = accounts::forget(&store, &settings, &entry.id).unwrap();
    assert!(forgotten.accounts.is_empty());
    assert!(store.is_empty());
    accounts::forget(&store, &forgotten, &entry.id).unwrap();
    sim.shutdown().await;
}

#[tokio::test]
async fn a_refused_key_stores_nothing() {
    let sim = Simulator::start(SimConfig::demo()).await.unwrap();
    let store = MemorySecretStore::default();
    let err = accounts::connect(
        &store,
        &Settings::default(),
        request("KEYwrong000000000000000000000", &sim.base_url()),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, Error::Telnyx(e) if e.is_unauthorized()),
        "{err:?}"
    );
    assert!(store.is_empty());
    sim.shutdown().await;
}

#[tokio::test]
async fn an_unreachable_telnyx_stores_nothing() {
    let sim = Simulator::start(SimConfig::demo()).await.unwrap();
    let (base_url, key) = (sim.base_url(), sim.api_key());
    sim.shutdown().await;
    let store = MemorySecretStore::default();
    let err = accounts::connect(&store, &Settings::default(), request(&key, &base_url))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Telnyx(e) if e.is_connect()),
        "{err:?}"
    );
    assert!(store.is_empty());
}

#[tokio::test]
async fn no_keychain_means_no_account_and_a_plain_error() {
    let sim = Simulator::start(SimConfig::demo()).await.unwrap();
    let store = MemorySecretStore::unavailable();
    let err = accounts::connect(
        &store,
        &Settings::default(),
        request(&sim.api_key(), &sim.base_url()),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Keychain(_)), "{err:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn a_missing_keychain_entry_is_reported_not_papered_over() {
    let sim = Simulator::start(SimConfig::demo()).await.unwrap();
    let store = MemorySecretStore::default();
    let accounts::Connected {
        settings, entry, ..
    } = accounts::connect(
        &store,
        &Settings::default(),
        request(&sim.api_key(), &sim.base_url()),
    )
    .await
    .unwrap();
    store.delete(&entry.keychain_ref).unwrap();
    let err = accounts::open(&store, &settings, &entry.id).unwrap_err();
    assert!(matches!(err, Error::KeyMissing { .. }));
    assert!(err.explain().contains("Main"));
    sim.shutdown().await;
}

#[tokio::test]
async fn plain_http_to_a_remote_host_is_refused_before_any_request() {
    let store = MemorySecretStore::default();
    let err = accounts::connect(
        &store,
        &Settings::default(),
        request("KEY0123456789abcdefXYZ", "http://example.com/v2"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref m) if m.contains("https://")),
        "{err:?}"
    );
}
