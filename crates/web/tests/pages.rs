//! The HTML pages through real HTTP, on SQLite and PostgreSQL.

mod support;

use kleur_test_support::{TestBackend, on_both_databases};
use support::{PASSWORD, TestApp};

async fn sign_in_and_out(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.employee_email).await;
    let home = client.get(app.url("/")).send().await.expect("home");
    assert_eq!(home.status(), 200);
    let body = home.text().await.expect("body");
    assert!(body.contains("Welkom, Medewerker aaa"), "{body}");
    assert!(body.contains("lang=\"nl\""));

    let response = app.post_form(&client, "/", "/uitloggen", &[]).await;
    assert_eq!(response.status(), 303);
    let after = client
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile");
    assert_eq!(
        after.status(),
        303,
        "signed out: the profile redirects to sign in"
    );
    assert_eq!(after.headers()["location"], "/inloggen?terug=%2Fprofiel");
}

async fn wrong_password_is_refused_in_the_visitors_language(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .header("accept-language", "en-GB,en;q=0.9")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.employee_email.as_str()),
            ("password", "fout wachtwoord"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 401);
    assert!(
        response
            .headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap_or("").contains("kleur_session"))
    );
    let body = response.text().await.expect("body");
    assert!(
        body.contains("The e-mail address or password is wrong."),
        "{body}"
    );
    assert!(body.contains("aria-invalid=\"true\""));
}

async fn failed_sign_ins_are_rate_limited(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    for _ in 0..kleur_services::auth::MAX_FAILURES {
        let csrf = app.csrf(&client, "/inloggen").await;
        let response = client
            .post(app.url("/inloggen"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", app.a.admin_email.as_str()),
                ("password", "geraden"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), 401);
    }
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.admin_email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        429,
        "even the right password waits after five failures"
    );
}

async fn forms_without_the_csrf_token_are_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    // Without a token, with a wrong one, and from another site.
    let _ = app.csrf(&client, "/inloggen").await;
    let credentials = [
        ("email", app.a.admin_email.as_str()),
        ("password", PASSWORD),
    ];
    let response = client
        .post(app.url("/inloggen"))
        .form(&credentials)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Dit formulier is verlopen")
    );
    let mut wrong = credentials.to_vec();
    wrong.push((
        "csrf",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ));
    let response = client
        .post(app.url("/inloggen"))
        .form(&wrong)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403);
    let csrf = app.csrf(&client, "/inloggen").await;
    let mut right = credentials.to_vec();
    right.push(("csrf", csrf.as_str()));
    let response = client
        .post(app.url("/inloggen"))
        .header("sec-fetch-site", "cross-site")
        .form(&right)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403);

    // Signed in, the token is the session's: the anonymous one no longer counts.
    let signed_in = app.sign_in(&app.a.employee_email).await;
    let anonymous_token = csrf;
    let response = signed_in
        .post(app.url("/profiel/api-sleutels"))
        .form(&[("csrf", anonymous_token.as_str()), ("name", "sleutel")])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403);
    let mut conn = app.db.acquire().await.expect("conn");
    let tokens = kleur_storage::auth::list_api_tokens(&mut conn, &app.a.id, &app.a.employee_id)
        .await
        .expect("tokens");
    assert!(tokens.is_empty(), "a refused form changes nothing");
}

async fn other_organisations_are_not_found(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.admin_email).await;
    let b = &app.b;
    for path in [
        format!("/beheer/mensen/{}", b.employee_id),
        format!("/beheer/mensen/{}/wijzigen", b.employee_id),
        format!("/beheer/mensen/{}", b.admin_id),
    ] {
        let response = client.get(app.url(&path)).send().await.expect("get");
        assert_eq!(response.status(), 404, "{path}");
    }
    let response = app
        .post_form(
            &client,
            "/",
            &format!("/beheer/mensen/{}/rollen", b.employee_id),
            &[("rol", "administrator"), ("actie", "geven")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &client,
            "/",
            &format!("/beheer/mensen/{}/wijzigen", b.employee_id),
            &[("display_name", "Overgenomen"), ("email", "x@aaa.nl")],
        )
        .await;
    assert_eq!(response.status(), 404);
    // Filtering on another organisation's unit shows nobody; the list never shows them.
    let list = client
        .get(app.url(&format!("/beheer/mensen?onderdeel={}", b.unit_id)))
        .send()
        .await
        .expect("list");
    let body = list.text().await.expect("body");
    assert!(!body.contains("Medewerker bbb"));
    let body = client
        .get(app.url("/beheer/mensen?q=bbb"))
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("body");
    assert!(
        !body.contains("Medewerker bbb"),
        "search does not cross tenants"
    );
    let mut conn = app.db.acquire().await.expect("conn");
    let person = kleur_storage::people::get_person(&mut conn, &b.id, &b.employee_id)
        .await
        .expect("get")
        .expect("exists");
    assert_eq!(person.display_name, "Medewerker bbb");
    let roles = kleur_storage::people::roles_of(&mut conn, &b.id, &b.employee_id)
        .await
        .expect("roles");
    assert_eq!(roles, vec!["employee"]);
}

async fn employees_cannot_open_administration(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.employee_email).await;
    for path in [
        "/beheer/mensen",
        "/beheer/onderdelen",
        "/beheer/e-mail",
        "/beheer/mensen/nieuw",
    ] {
        let response = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(response.status(), 403, "{path}");
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains("Geen toegang")
        );
    }
}

async fn people_administration_validates_and_saves(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &client,
            "/beheer/mensen/nieuw",
            "/beheer/mensen/nieuw",
            &[("display_name", ""), ("email", "geen-adres")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(
        body.contains("Er is iets niet goed ingevuld"),
        "error summary"
    );
    assert!(
        body.contains("href=\"#email\""),
        "the summary links to the field"
    );
    assert!(body.contains("Vul een geldig e-mailadres in"));
    let response = app
        .post_form(
            &client,
            "/beheer/mensen/nieuw",
            "/beheer/mensen/nieuw",
            &[
                ("display_name", "Fatima El Amrani"),
                ("email", "Fatima@AAA.nl"),
                ("function_title", "Jurist"),
                ("unit_id", app.a.unit_id.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let page = client
        .get(app.url(&location))
        .send()
        .await
        .expect("person")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("Fatima El Amrani")
            && page.contains("fatima@aaa.nl")
            && page.contains("De persoon is toegevoegd.")
    );
    // The same address again is a field error, not a server error.
    let response = app
        .post_form(
            &client,
            "/beheer/mensen/nieuw",
            "/beheer/mensen/nieuw",
            &[("display_name", "Dubbel"), ("email", "fatima@aaa.nl")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Dit e-mailadres is al in gebruik")
    );
}

async fn password_reset_by_mail(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    let response = app
        .post_form(
            &client,
            "/wachtwoord-vergeten",
            "/wachtwoord-vergeten",
            &[("email", app.a.employee_email.as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    // Unknown addresses get the same answer, and no mail.
    let response = app
        .post_form(
            &client,
            "/wachtwoord-vergeten",
            "/wachtwoord-vergeten",
            &[("email", "niemand@aaa.nl")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mut conn = app.db.acquire().await.expect("conn");
    let (messages, total) = kleur_storage::outbox::list_recent(&mut conn, &app.a.id, 10, 0)
        .await
        .expect("outbox");
    drop(conn);
    assert_eq!(total, 1);
    let body = &messages[0].body_text;
    let start = body.find("/wachtwoord-herstellen/").expect("link");
    let link: String = body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert!(
        body.contains(&app.base),
        "the link uses the configured base URL"
    );

    let form = client.get(app.url(&link)).send().await.expect("reset form");
    assert_eq!(form.status(), 200);
    let short = app
        .post_form(&client, &link, &link, &[("password", "kort")])
        .await;
    assert_eq!(short.status(), 422);
    let done = app
        .post_form(
            &client,
            &link,
            &link,
            &[("password", "een nieuw lang wachtwoord")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(
        client
            .get(app.url(&link))
            .send()
            .await
            .expect("again")
            .status(),
        404,
        "a link works once"
    );

    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.employee_email.as_str()),
            ("password", "een nieuw lang wachtwoord"),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 303);
}

async fn language_choice_is_remembered(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let visitor = app.client();
    let response = app
        .post_form(
            &visitor,
            "/inloggen",
            "/taal",
            &[("taal", "en"), ("terug", "/inloggen")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/inloggen");
    let page = visitor
        .get(app.url("/inloggen"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("lang=\"en\"") && page.contains("Sign in to Kleur"));
    // An open redirect through the return path is refused.
    let response = app
        .post_form(
            &visitor,
            "/inloggen",
            "/taal",
            &[("taal", "nl"), ("terug", "//evil.example")],
        )
        .await;
    assert_eq!(response.headers()["location"], "/");
    let response = app
        .post_form(&visitor, "/inloggen", "/taal", &[("taal", "klingon")])
        .await;
    assert_eq!(response.status(), 422);

    // Signed in, the choice is stored with the person and follows them to a new session.
    let first = app.sign_in(&app.a.employee_email).await;
    app.post_form(&first, "/", "/taal", &[("taal", "en"), ("terug", "/")])
        .await;
    let second = app.sign_in(&app.a.employee_email).await;
    let page = second
        .get(app.url("/"))
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Welcome, Medewerker aaa"), "{page}");
}

async fn bad_requests_get_friendly_pages(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    let response = client
        .get(app.url("/bestaat-niet"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 404);
    let body = response.text().await.expect("body");
    assert!(body.contains("Pagina niet gevonden") && body.contains("lang=\"nl\""));
    let response = client
        .get(app.url("/bestaat-niet"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("get");
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Page not found")
    );

    let response = client
        .delete(app.url("/inloggen"))
        .send()
        .await
        .expect("delete");
    assert!(
        matches!(response.status().as_u16(), 403 | 405),
        "{}",
        response.status()
    );
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .put(app.url(&format!("/inloggen?csrf={csrf}")))
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 405);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Deze handeling kan hier niet")
    );

    let huge = format!("csrf={csrf}&email={}", "a".repeat(2 * 1024 * 1024));
    // Its own connection: the server answers 413 before reading the whole body and then closes
    // the connection, which must not break the requests after it.
    let response = app
        .client()
        .post(app.url("/inloggen"))
        .header("cookie", format!("kleur_csrf={csrf}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 413);

    let mut broken = format!("csrf={csrf}&email=").into_bytes();
    broken.extend_from_slice(b"\xff\xfe&password=x");
    let response = client
        .post(app.url("/inloggen"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(broken)
        .send()
        .await
        .expect("post");
    assert!(
        response.status().is_client_error(),
        "malformed UTF-8 is a client error, got {}",
        response.status()
    );

    let signed_in = app.sign_in(&app.a.admin_email).await;
    let response = signed_in
        .get(app.url("/beheer/mensen?pagina=abc&q=%25"))
        .send()
        .await
        .expect("list");
    assert_eq!(
        response.status(),
        200,
        "nonsense paging shows the first page"
    );
}

async fn health_and_readiness(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    assert_eq!(
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("health")
            .text()
            .await
            .expect("body"),
        "ok"
    );
    let ready = client.get(app.url("/readyz")).send().await.expect("ready");
    assert_eq!(ready.status(), 200);
    assert_eq!(
        ready.json::<serde_json::Value>().await.expect("json")["status"],
        "ready"
    );
    let response = client
        .get(app.url("/static/kleur.css"))
        .send()
        .await
        .expect("css");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/css")
    );
    assert!(
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("health")
            .headers()
            .contains_key("x-request-id")
    );
}

async fn every_page_renders_for_every_role(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.sign_in(&app.a.admin_email).await;
    let pages = [
        "/".to_owned(),
        "/profiel".to_owned(),
        "/api".to_owned(),
        "/beheer/mensen".to_owned(),
        "/beheer/mensen/nieuw".to_owned(),
        format!("/beheer/mensen/{}", app.a.employee_id),
        format!("/beheer/mensen/{}/wijzigen", app.a.employee_id),
        "/beheer/onderdelen".to_owned(),
        "/beheer/e-mail".to_owned(),
    ];
    for language in ["nl", "en"] {
        for page in &pages {
            let response = admin
                .get(app.url(page))
                .header("accept-language", language)
                .send()
                .await
                .expect("get");
            assert_eq!(response.status(), 200, "{page}");
            let body = response.text().await.expect("body");
            assert!(
                body.contains("<main id=\"inhoud\""),
                "{page} has the main landmark"
            );
            assert!(
                body.contains("class=\"kleur-skip\""),
                "{page} has a skip link"
            );
            // A key that was not translated would show as the key itself.
            for marker in [
                "nav-", "error-", "people-", "profile-", "tokens-", "mail-", "units-", "home-",
            ] {
                assert!(
                    !body.contains(&format!(">{marker}")),
                    "{page} shows an untranslated key starting {marker}"
                );
            }
        }
    }
}

on_both_databases!(
    sign_in_and_out,
    wrong_password_is_refused_in_the_visitors_language,
    failed_sign_ins_are_rate_limited,
    forms_without_the_csrf_token_are_refused,
    other_organisations_are_not_found,
    employees_cannot_open_administration,
    people_administration_validates_and_saves,
    password_reset_by_mail,
    language_choice_is_remembered,
    bad_requests_get_friendly_pages,
    health_and_readiness,
    every_page_renders_for_every_role,
);
