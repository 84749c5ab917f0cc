//! Several `kleur serve` processes share one PostgreSQL database: a session started on one node
//! works on the other, and signing out on either ends it everywhere.

mod common;

use common::{Kleur, client, csrf_field, location, set_cookie, sign_in};
use kleur_test_support::{TestBackend, TestDatabase};
use reqwest::StatusCode;
use reqwest::header::COOKIE;

const EMAIL: &str = "joost.bakker@elderveen.example";
const PASSWORD: &str = "kleur-demo-2026";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_share_one_session_on_postgres() {
    let database = TestDatabase::new(TestBackend::Postgres).await;
    let kleur = Kleur::new(&database);
    let demo = kleur.ok(&["demo", "--no-serve", "--people", "20"]).await;
    assert!(demo.stdout.contains(EMAIL), "{}", demo.stdout);

    let node_a = kleur.serve().await;
    let node_b = kleur.serve().await;
    assert_ne!(node_a.base, node_b.base);
    let client = client();

    let token = sign_in(&client, &node_a, EMAIL, PASSWORD).await;
    let session = format!("kleur_session={token}");

    // Node B knows the session node A started.
    let profile = client
        .get(node_b.url("/profiel"))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("GET /profiel on node B");
    assert_eq!(profile.status(), StatusCode::OK, "/profiel on node B");
    let html = profile.text().await.expect("the profile page");
    assert!(html.contains("Joost Bakker"), "{html}");
    let csrf = csrf_field(&html).expect("the sign-out form carries the session's csrf token");

    // And so does node A.
    let profile = client
        .get(node_a.url("/profiel"))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("GET /profiel on node A");
    assert_eq!(profile.status(), StatusCode::OK, "/profiel on node A");

    // Signing out without the session's token is refused and ends nothing.
    let forged = client
        .post(node_b.url("/uitloggen"))
        .header(COOKIE, &session)
        .form(&[("csrf", "0".repeat(64).as_str())])
        .send()
        .await
        .expect("POST /uitloggen with a wrong token");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // Sign out on node B...
    let logout = client
        .post(node_b.url("/uitloggen"))
        .header(COOKIE, &session)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("POST /uitloggen on node B");
    assert_eq!(logout.status(), StatusCode::SEE_OTHER, "POST /uitloggen");
    assert!(location(&logout).starts_with("/inloggen"), "{logout:?}");
    assert_eq!(
        set_cookie(&logout, "kleur_session").as_deref(),
        Some(""),
        "signing out clears the cookie"
    );

    // ...and node A no longer accepts the session.
    let profile = client
        .get(node_a.url("/profiel"))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("GET /profiel on node A after signing out");
    assert_eq!(
        profile.status(),
        StatusCode::SEE_OTHER,
        "/profiel on node A"
    );
    let target = location(&profile);
    assert!(target.starts_with("/inloggen"), "redirected to {target}");
    assert!(
        target.contains("terug=%2Fprofiel"),
        "redirected to {target}"
    );
}
