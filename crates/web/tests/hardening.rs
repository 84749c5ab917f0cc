//! Hardening through real HTTP: security headers, cookie flags, rate limits on token links,
//! sign-in and the API, templates without inline script or style, and logs without personal data
//! or secrets.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use kleur_services::Settings;
use kleur_test_support::{TestBackend, on_both_databases};
use kleur_web::rate_limit::Limits;
use support::TestApp;

/// A second server on the same database, with another base URL and limits.
async fn serve(app: &TestApp, base_url: &str, limits: Limits) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let state = kleur_web::AppState::new(
        app.db.clone(),
        Settings {
            base_url: base_url.to_owned(),
            session_hours: 12,
        },
    )
    .with_limits(limits);
    let router = kleur_web::router(state);
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    address
}

async fn security_headers_are_set_on_pages_api_and_files(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.client();
    for path in [
        "/inloggen",
        "/api/v1/me",
        "/static/kleur.css",
        "/bestaat-niet",
    ] {
        let response = client.get(app.url(path)).send().await.expect("get");
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{path}: {csp}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert!(headers.contains_key("permissions-policy"), "{path}");
        // Over plain HTTP there is no HSTS: it would lock out a test or intranet installation.
        assert!(!headers.contains_key("strict-transport-security"), "{path}");
    }
    // Signed in over plain HTTP: HttpOnly and SameSite, not Secure.
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.admin_email.as_str()),
            ("password", support::PASSWORD),
        ])
        .send()
        .await
        .expect("sign in");
    let cookie = response.headers()["set-cookie"].to_str().expect("cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");

    // Behind TLS (an https base URL): HSTS, and Secure cookies.
    let tls = serve(&app, "https://kleur.example", Limits::default()).await;
    let plain = app.client();
    let response = plain
        .get(format!("{tls}/inloggen"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let cookie = response.headers()["set-cookie"].to_str().expect("cookie");
    assert!(cookie.contains("; Secure"), "{cookie}");
}

async fn token_links_sign_in_and_the_api_are_rate_limited(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let limited = serve(
        &app,
        &app.base,
        Limits {
            token_links: 5,
            sign_in: 3,
            api: 10,
        },
    )
    .await;
    let client = app.client();
    // Guessing answer and reset links: five tries a minute, then 429 with Retry-After.
    let mut statuses = Vec::new();
    for attempt in 0..6 {
        let path = if attempt % 2 == 0 {
            format!("/feedback/antwoord/raden-{attempt}")
        } else {
            format!("/wachtwoord-herstellen/raden-{attempt}")
        };
        let response = client
            .get(format!("{limited}{path}"))
            .send()
            .await
            .expect("get");
        statuses.push(response.status().as_u16());
        if attempt == 5 {
            assert!(response.headers().contains_key("retry-after"));
        }
    }
    assert!(statuses[..5].iter().all(|s| *s != 429), "{statuses:?}");
    assert_eq!(statuses[5], 429, "{statuses:?}");
    // Other pages are not limited.
    let response = client
        .get(format!("{limited}/inloggen"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);

    // The sign-in form: three posts a minute from one client.
    let csrf = app.csrf(&client, "/inloggen").await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = client
            .post(format!("{limited}/inloggen"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "iemand@voorbeeld.nl"),
                ("password", "geraden"),
            ])
            .send()
            .await
            .expect("post");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, vec![401, 401, 401, 429]);

    // The API: ten requests a minute per key, counted per key.
    let token = app.api_token(&app.a.id, &app.a.admin_id).await;
    let other = app.api_token(&app.b.id, &app.b.admin_id).await;
    for _ in 0..10 {
        let response = client
            .get(format!("{limited}/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("api");
        assert_eq!(response.status(), 200);
    }
    let response = client
        .get(format!("{limited}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("api");
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert!(response.headers().contains_key("retry-after"));
    let response = client
        .get(format!("{limited}/api/v1/me"))
        .bearer_auth(&other)
        .send()
        .await
        .expect("api");
    assert_eq!(response.status(), 200, "another key has its own budget");
}

#[test]
fn templates_have_no_inline_script_or_style() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in std::fs::read_dir(dir).expect("templates") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read").to_lowercase();
        assert!(!text.contains("<script"), "{} has a script", path.display());
        assert!(
            !text.contains(" style=\""),
            "{} has an inline style",
            path.display()
        );
        assert!(
            !text.contains("<style"),
            "{} has a style element",
            path.display()
        );
        for handler in [
            " onclick=",
            " onload=",
            " onerror=",
            " onsubmit=",
            " onchange=",
            "javascript:",
        ] {
            assert!(!text.contains(handler), "{} has {handler}", path.display());
        }
    }
}

/// Log lines, collected.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_hold_no_personal_data_or_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Global: the server's tasks run on other threads. The other tests of this file log here too,
    // which only adds lines to check.
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
    let app = TestApp::spawn(TestBackend::Sqlite).await;
    let client = app.sign_in(&app.a.admin_email).await;
    let token = app.api_token(&app.a.id, &app.a.admin_id).await;
    // Requests that carry an address, a password, a token and an id in the path or query.
    let secret_path = "/wachtwoord-herstellen/geheim-herstel-token-123";
    client
        .get(app.url(secret_path))
        .send()
        .await
        .expect("reset");
    client
        .get(app.url(&format!("/beheer/mensen?q={}", app.a.employee_email)))
        .send()
        .await
        .expect("search");
    client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("api");
    let other = app.client();
    let csrf = app.csrf(&other, "/inloggen").await;
    other
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.employee_email.as_str()),
            ("password", "verkeerd-wachtwoord-xyz"),
        ])
        .send()
        .await
        .expect("failed sign-in");
    let log = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(
        log.contains("route=\"/wachtwoord-herstellen/{token}\""),
        "the requests were logged with their route: {}",
        &log[log.len().saturating_sub(3000)..]
    );
    for secret in [
        app.a.admin_email.as_str(),
        app.a.employee_email.as_str(),
        "geheim-herstel-token-123",
        "verkeerd-wachtwoord-xyz",
        support::PASSWORD,
        token.as_str(),
        csrf.as_str(),
    ] {
        assert!(!log.contains(secret), "the log contains {secret}");
    }
}

on_both_databases!(
    security_headers_are_set_on_pages_api_and_files,
    token_links_sign_in_and_the_api_are_rate_limited,
);
