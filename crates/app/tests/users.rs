//! `kleur user create` makes someone who can sign in over HTTP with the password given on
//! standard input; `kleur serve` reports itself ready.

mod common;

use common::{Kleur, client, sign_in, try_sign_in};
use kleur_test_support::{TestBackend, TestDatabase, on_both_databases};
use reqwest::StatusCode;
use reqwest::header::COOKIE;

const PASSWORD: &str = "een lang wachtwoord 42";

async fn a_created_user_signs_in(backend: TestBackend) {
    let database = TestDatabase::new(backend).await;
    let kleur = Kleur::new(&database);
    kleur
        .ok(&[
            "organisation",
            "create",
            "--slug",
            "test",
            "--name",
            "Gemeente Test",
        ])
        .await;
    let user_create = [
        "user",
        "create",
        "--organisation",
        "test",
        "--email",
        "a@b.nl",
        "--name",
        "A B",
        "--role",
        "administrator",
    ];

    // A password that is too short is refused, and nobody is created.
    let short = kleur.run_with_stdin(&user_create, "kort\n").await;
    assert!(!short.success(), "{short:?}");
    assert!(short.stderr.contains("password"), "{}", short.stderr);

    let created = kleur
        .run_with_stdin(&user_create, &format!("{PASSWORD}\n"))
        .await
        .expect_success("user create");
    assert!(created.stdout.contains("a@b.nl"), "{}", created.stdout);
    let list = kleur.ok(&["organisation", "list"]).await.stdout;
    assert!(list.contains("test\tGemeente Test\t1 people"), "{list}");

    // The same address twice is refused.
    let twice = kleur
        .run_with_stdin(&user_create, &format!("{PASSWORD}\n"))
        .await;
    assert!(!twice.success(), "{twice:?}");
    assert!(twice.stderr.contains("already exists"), "{}", twice.stderr);

    let server = kleur.serve().await;
    let client = client();

    let ready = client
        .get(server.url("/readyz"))
        .send()
        .await
        .expect("GET /readyz");
    assert_eq!(ready.status(), StatusCode::OK);
    let body: serde_json::Value = ready.json().await.expect("JSON from /readyz");
    assert_eq!(body, serde_json::json!({"status": "ready"}));

    let wrong = try_sign_in(&client, &server, "a@b.nl", "niet het wachtwoord").await;
    match wrong {
        Err((status, _)) => assert_eq!(status, StatusCode::UNAUTHORIZED),
        Ok(_) => panic!("signed in with a wrong password"),
    }

    let token = sign_in(&client, &server, "a@b.nl", PASSWORD).await;
    let profile = client
        .get(server.url("/profiel"))
        .header(COOKIE, format!("kleur_session={token}"))
        .send()
        .await
        .expect("GET /profiel");
    assert_eq!(profile.status(), StatusCode::OK);
    let html = profile.text().await.expect("the profile page");
    assert!(html.contains("A B"), "{html}");
    assert!(html.contains("a@b.nl"), "{html}");

    // The role was granted: an administrator sees the people admin pages.
    let admin = client
        .get(server.url("/beheer/mensen"))
        .header(COOKIE, format!("kleur_session={token}"))
        .send()
        .await
        .expect("GET /beheer/mensen");
    assert_eq!(admin.status(), StatusCode::OK);
}

on_both_databases!(a_created_user_signs_in);
