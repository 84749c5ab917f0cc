//! Single sign-on against a real OpenID Connect provider (the `oidc-provider` npm package, run
//! by `e2e/oidc/provider.mjs` as a child process): sign-in and linking through real HTTP on both
//! databases, replayed and foreign state, a tampered nonce, people who are not there, tenant
//! isolation, "SSO only" with the administrator's break-glass password, the settings page; and
//! ID tokens issued by the provider for another client, expired, or altered, refused by the
//! validator.

mod support;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

use kleur_services::secret::hash_token;
use kleur_services::sso::{self, Expected, TokenError};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{PASSWORD, TestApp};

const CLIENT_ID: &str = "kleur";
const CLIENT_SECRET: &str = "kleur-test-secret";
const OTHER_CLIENT_ID: &str = "another-app";
const OTHER_SECRET: &str = "another-secret";

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e")
}

/// Installs the e2e npm packages (oidc-provider among them) once, if this machine lacks them.
fn ensure_npm_packages() {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _guard = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = e2e_dir();
    if dir.join("node_modules/oidc-provider/package.json").exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .status()
        .expect("npm is needed for the OpenID Connect provider of these tests");
    assert!(status.success(), "npm ci in e2e/ failed");
}

/// A running provider; stopped when dropped.
struct Provider {
    issuer: String,
    child: Child,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_provider(redirect_uri: &str) -> Provider {
    ensure_npm_packages();
    let options = serde_json::json!({
        "clients": [
            {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": [redirect_uri]},
            {"client_id": OTHER_CLIENT_ID, "client_secret": OTHER_SECRET, "redirect_uris": [redirect_uri]},
        ]
    });
    let mut child = Command::new("node")
        .arg(e2e_dir().join("oidc/provider.mjs"))
        .arg(options.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node is needed for the OpenID Connect provider of these tests");
    let stdout = child.stdout.take().expect("stdout");
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    reader.read_line(&mut line).expect("provider output");
    // Keep reading what the provider prints, so it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let ready: serde_json::Value = serde_json::from_str(&line).expect("provider ready line");
    Provider {
        issuer: ready["issuer"].as_str().expect("issuer").to_owned(),
        child,
    }
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location header")
        .to_owned()
}

fn absolute(base: &str, location: &str) -> String {
    url::Url::parse(base)
        .and_then(|b| b.join(location))
        .expect("url")
        .to_string()
}

fn form_action(html: &str) -> Option<String> {
    let start = html.find("<form")?;
    let marker = "action=\"";
    let from = html[start..].find(marker)? + start + marker.len();
    let to = html[from..].find('"')? + from;
    Some(html[from..to].replace("&#x2F;", "/").replace("&amp;", "&"))
}

/// Follows the provider's redirects from `url`, signing in as `login` on its form, until the
/// provider sends the browser to `redirect_uri`; returns that full callback URL.
async fn through_provider(
    client: &reqwest::Client,
    url: &str,
    login: &str,
    redirect_uri: &str,
) -> String {
    let mut next = url.to_owned();
    for _ in 0..12 {
        if next.starts_with(redirect_uri) {
            return next;
        }
        let response = client.get(&next).send().await.expect("provider get");
        if response.status().is_redirection() {
            next = absolute(&next, &location(&response));
            continue;
        }
        let page_url = next.clone();
        let html = response.text().await.expect("provider page");
        let action = form_action(&html).unwrap_or_else(|| panic!("no form at {page_url}: {html}"));
        let response = client
            .post(absolute(&page_url, &action))
            .form(&[("prompt", "login"), ("login", login), ("password", "any")])
            .send()
            .await
            .expect("provider login");
        assert!(
            response.status().is_redirection(),
            "provider login answered {}",
            response.status()
        );
        next = absolute(&page_url, &location(&response));
    }
    panic!("the provider never sent the browser back to {redirect_uri}");
}

fn callback_uri(app: &TestApp) -> String {
    app.url(sso::CALLBACK_PATH)
}

/// Saves organisation A's settings through the administrator's page.
async fn configure(app: &TestApp, provider: &Provider, extra: &[(&str, &str)]) {
    let admin = app.sign_in(&app.a.admin_email).await;
    let mut fields = vec![
        ("issuer", provider.issuer.as_str()),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scopes", "openid email profile"),
        ("link_by", "email"),
        ("link_claim", "email"),
        ("enabled", "ja"),
    ];
    for (name, value) in extra {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    let response = app
        .post_form(&admin, "/beheer/sso", "/beheer/sso", &fields)
        .await;
    assert_eq!(response.status(), 303, "settings saved");
}

/// Starts a sign-in for organisation A in a fresh browser; returns the browser and the URL the
/// provider sends it back to.
async fn sign_in_at_provider(app: &TestApp, login: &str) -> (reqwest::Client, String) {
    let browser = app.client();
    let response = browser
        .get(app.url("/inloggen/sso/aaa?terug=/profiel"))
        .send()
        .await
        .expect("start");
    assert_eq!(response.status(), 303, "start redirects to the provider");
    let authorize = location(&response);
    assert!(authorize.contains("code_challenge_method=S256"));
    assert!(authorize.contains("nonce="));
    let callback = through_provider(&browser, &authorize, login, &callback_uri(app)).await;
    (browser, callback)
}

async fn body(response: reqwest::Response) -> String {
    response.text().await.expect("body")
}

async fn successful_sign_in_links_the_existing_person(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let provider = start_provider(&callback_uri(&app));
    configure(&app, &provider, &[]).await;

    // The sign-in page offers the organisation.
    let login_page = body(
        app.client()
            .get(app.url("/inloggen"))
            .send()
            .await
            .expect("get"),
    )
    .await;
    assert!(login_page.contains("/inloggen/sso/aaa"), "button for A");
    assert!(!login_page.contains("/inloggen/sso/bbb"), "B has no SSO");

    let (browser, callback) = sign_in_at_provider(&app, &app.a.employee_email).await;
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/profiel");
    let profile = browser
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile");
    assert_eq!(profile.status(), 200);
    assert!(body(profile).await.contains("Medewerker aaa"));

    // The provider's subject is now linked to that person.
    let mut conn = app.db.acquire().await.expect("conn");
    let linked = kleur_storage::sso::find_identity(&mut conn, &app.a.id, &app.a.employee_email)
        .await
        .expect("identity");
    assert_eq!(linked.as_deref(), Some(app.a.employee_id.as_str()));
    drop(conn);

    // A second sign-in finds the person by subject.
    let (browser, callback) = sign_in_at_provider(&app, &app.a.employee_email).await;
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), 303);
    assert_eq!(
        browser
            .get(app.url("/profiel"))
            .send()
            .await
            .expect("profile")
            .status(),
        200
    );
}

async fn replayed_or_foreign_state_is_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let provider = start_provider(&callback_uri(&app));
    configure(&app, &provider, &[]).await;

    // Another browser cannot use a callback URL it did not start (login CSRF).
    let (browser, callback) = sign_in_at_provider(&app, &app.a.employee_email).await;
    let stranger = app.client();
    let response = stranger.get(&callback).send().await.expect("foreign");
    assert_eq!(response.status(), 400);
    assert!(body(response).await.contains(": state"));

    // The right browser can, once.
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), 303, "first use signs in");
    let replay = browser.get(&callback).send().await.expect("replay");
    assert_eq!(replay.status(), 400, "replayed state refused");
    let new_session = replay.headers().get_all("set-cookie").iter().any(|c| {
        let c = c.to_str().unwrap_or_default();
        c.starts_with("kleur_session=") && !c.starts_with("kleur_session=;")
    });
    assert!(!new_session, "no session from a replay");
    let page = body(replay).await;
    assert!(page.contains("al gebruikt"), "Dutch message: {page}");
    assert!(page.contains(": state"));

    // A state Kleur never issued.
    let response = app
        .client()
        .get(app.url("/inloggen/sso/terug?state=made-up&code=x"))
        .send()
        .await
        .expect("made up");
    assert_eq!(response.status(), 400);
}

async fn tampered_nonce_is_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let provider = start_provider(&callback_uri(&app));
    configure(&app, &provider, &[]).await;
    let (browser, callback) = sign_in_at_provider(&app, &app.a.employee_email).await;
    // The provider put the nonce of this sign-in in its token; Kleur now expects another one,
    // as when a code from one sign-in is injected into another.
    let state = url::Url::parse(&callback)
        .expect("callback url")
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .expect("state");
    let mut conn = app.db.acquire().await.expect("conn");
    let changed = sqlx::query("UPDATE sso_logins SET nonce = $1 WHERE state_hash = $2")
        .bind("another-nonce")
        .bind(hash_token(&state))
        .execute(&mut *conn)
        .await
        .expect("update")
        .rows_affected();
    assert_eq!(changed, 1);
    drop(conn);
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), 401);
    let page = body(response).await;
    assert!(page.contains("token-nonce"), "{page}");
    assert_eq!(
        browser
            .get(app.url("/profiel"))
            .send()
            .await
            .expect("profile")
            .status(),
        303,
        "not signed in"
    );
}

async fn unknown_inactive_and_other_tenant_people_are_not_signed_in(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let provider = start_provider(&callback_uri(&app));
    configure(&app, &provider, &[]).await;
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("UPDATE people SET active = 0 WHERE organisation_id = $1 AND id = $2")
        .bind(&app.a.id)
        .bind(&app.a.employee_id)
        .execute(&mut *conn)
        .await
        .expect("deactivate");
    drop(conn);
    for login in [
        "niemand@aaa.nl",
        app.a.employee_email.as_str(),
        // A person of organisation B, through A's provider: never B's account.
        app.b.employee_email.as_str(),
    ] {
        let (browser, callback) = sign_in_at_provider(&app, login).await;
        let response = browser.get(&callback).send().await.expect("callback");
        assert_eq!(response.status(), 401, "{login}");
        assert!(body(response).await.contains(": no-person"));
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let links: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sso_identities")
        .fetch_one(&mut *conn)
        .await
        .expect("count");
    assert_eq!(links, 0, "nobody was linked");
}

async fn links_by_employee_number(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("UPDATE people SET employee_number = $1 WHERE organisation_id = $2 AND id = $3")
        .bind("E-4711")
        .bind(&app.a.id)
        .bind(&app.a.employee_id)
        .execute(&mut *conn)
        .await
        .expect("number");
    drop(conn);
    let provider = start_provider(&callback_uri(&app));
    configure(
        &app,
        &provider,
        &[
            ("link_by", "employee_number"),
            ("link_claim", "employee_number"),
            ("scopes", "openid employee"),
        ],
    )
    .await;
    let (browser, callback) = sign_in_at_provider(&app, "E-4711").await;
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), 303);
    let profile = body(browser.get(app.url("/profiel")).send().await.expect("get")).await;
    assert!(profile.contains("Medewerker aaa"));
}

async fn sso_only_keeps_the_administrators_password(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let provider = start_provider(&callback_uri(&app));
    configure(&app, &provider, &[("sso_only", "ja")]).await;
    let client = app.client();
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", app.a.employee_email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403, "employee password refused");
    assert!(body(response).await.contains("eigen inlogdienst"));
    // Break-glass: the administrator still gets in with a password; organisation B is untouched.
    app.sign_in(&app.a.admin_email).await;
    app.sign_in(&app.b.employee_email).await;
}

async fn settings_page_is_for_administrators_and_validates(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = employee
        .get(app.url("/beheer/sso"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 403);
    let admin = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &admin,
            "/beheer/sso",
            "/beheer/sso",
            &[
                ("issuer", "http://idp.example.org"),
                ("client_id", ""),
                ("client_secret", "geheim-123"),
                ("scopes", "email"),
                ("link_by", "naam"),
                ("link_claim", "e mail"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = body(response).await;
    for message in [
        "Vul een https-adres in",
        "Vul de client-ID in",
        "met in elk geval openid",
        "Kies e-mailadres of personeelsnummer",
        "Vul een claimnaam in",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(!page.contains("geheim-123"), "secret never echoed");
    let response = app
        .post_form(
            &admin,
            "/beheer/sso",
            "/beheer/sso",
            &[
                ("issuer", "https://idp.example.org/realms/a/"),
                ("client_id", "kleur"),
                ("client_secret", "geheim-123"),
                ("scopes", "openid email"),
                ("link_by", "email"),
                ("link_claim", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = body(admin.get(app.url("/beheer/sso")).send().await.expect("get")).await;
    assert!(
        page.contains("https://idp.example.org/realms/a\""),
        "trailing slash trimmed"
    );
    assert!(!page.contains("geheim-123"), "secret never shown");
    // Organisation B's administrator sees B's (empty) settings, not A's.
    let b_admin = app.sign_in(&app.b.admin_email).await;
    let page = body(
        b_admin
            .get(app.url("/beheer/sso"))
            .send()
            .await
            .expect("get"),
    )
    .await;
    assert!(!page.contains("idp.example.org"));
    // Switched off: no sign-in for that organisation.
    let response = app
        .client()
        .get(app.url("/inloggen/sso/bbb"))
        .send()
        .await
        .expect("start");
    assert_eq!(response.status(), 404);
}

on_both_databases!(
    successful_sign_in_links_the_existing_person,
    replayed_or_foreign_state_is_refused,
    tampered_nonce_is_refused,
    unknown_inactive_and_other_tenant_people_are_not_signed_in,
    links_by_employee_number,
    sso_only_keeps_the_administrators_password,
    settings_page_is_for_administrators_and_validates,
);

/// A real ID token from the provider, issued to `client_id` for `nonce`, obtained by this test
/// acting as that client (authorization code flow with PKCE).
async fn token_from_provider(
    provider: &Provider,
    redirect_uri: &str,
    client_id: &str,
    secret: &str,
    nonce: &str,
) -> String {
    let discovery = sso::discover(&provider.issuer).await.expect("discovery");
    let verifier = kleur_services::secret::random_token();
    let mut authorize = url::Url::parse(&discovery.authorization_endpoint).expect("url");
    authorize
        .query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("scope", "openid email")
        .append_pair("state", "test-state")
        .append_pair("nonce", nonce)
        .append_pair("code_challenge", &sso::code_challenge(&verifier))
        .append_pair("code_challenge_method", "S256");
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let callback = through_provider(
        &browser,
        authorize.as_str(),
        "medewerker@aaa.nl",
        redirect_uri,
    )
    .await;
    let code = url::Url::parse(&callback)
        .expect("callback")
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code");
    let config = kleur_storage::sso::SsoConfig {
        organisation_id: String::new(),
        issuer: provider.issuer.clone(),
        client_id: client_id.into(),
        client_secret: secret.into(),
        scopes: "openid email".into(),
        link_by: "email".into(),
        link_claim: "email".into(),
        enabled: 1,
        sso_only: 0,
        updated_at: String::new(),
    };
    sso::exchange_code(
        &discovery.token_endpoint,
        &config,
        &code,
        &verifier,
        redirect_uri,
    )
    .await
    .expect("token exchange")
}

fn claim(token: &str, name: &str) -> i64 {
    use base64::Engine;
    let payload = token.split('.').nth(1).expect("payload");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("base64");
    let claims: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    claims[name].as_i64().expect("number claim")
}

#[tokio::test]
async fn provider_tokens_for_another_audience_expired_or_altered_are_refused() {
    let redirect_uri = "http://127.0.0.1:9/inloggen/sso/terug";
    let provider = start_provider(redirect_uri);
    let keys = sso::provider_keys(&provider.issuer).await.expect("keys");
    assert!(!keys.is_empty(), "the provider publishes its keys");
    let now = chrono::Utc::now().timestamp();
    let expect = |client_id, nonce, now| Expected {
        issuer: &provider.issuer,
        client_id,
        nonce,
        now,
    };

    // Issued to our client: valid (the control for every refusal below).
    let ours = token_from_provider(&provider, redirect_uri, CLIENT_ID, CLIENT_SECRET, "n-1").await;
    let claims =
        sso::validate_id_token(&ours, &keys, &expect(CLIENT_ID, "n-1", now)).expect("valid token");
    assert_eq!(claims.subject, "medewerker@aaa.nl");

    // Wrong audience: a genuine token of the same provider, issued to another application.
    let theirs = token_from_provider(
        &provider,
        redirect_uri,
        OTHER_CLIENT_ID,
        OTHER_SECRET,
        "n-2",
    )
    .await;
    assert!(sso::validate_id_token(&theirs, &keys, &expect(OTHER_CLIENT_ID, "n-2", now)).is_ok());
    assert_eq!(
        sso::validate_id_token(&theirs, &keys, &expect(CLIENT_ID, "n-2", now)).err(),
        Some(TokenError::WrongAudience)
    );

    // Expired: the same genuine token, checked after its expiry plus the allowed clock skew.
    let exp = claim(&ours, "exp");
    let just_inside = exp + sso::CLOCK_LEEWAY_SECONDS - 1;
    assert!(sso::validate_id_token(&ours, &keys, &expect(CLIENT_ID, "n-1", just_inside)).is_ok());
    assert_eq!(
        sso::validate_id_token(
            &ours,
            &keys,
            &expect(CLIENT_ID, "n-1", exp + sso::CLOCK_LEEWAY_SECONDS)
        )
        .err(),
        Some(TokenError::Expired)
    );

    // Issued in the future (a clock far behind).
    let iat = claim(&ours, "iat");
    assert_eq!(
        sso::validate_id_token(
            &ours,
            &keys,
            &expect(CLIENT_ID, "n-1", iat - sso::CLOCK_LEEWAY_SECONDS - 1)
        )
        .err(),
        Some(TokenError::IssuedInFuture)
    );

    // Wrong nonce.
    assert_eq!(
        sso::validate_id_token(&ours, &keys, &expect(CLIENT_ID, "n-other", now)).err(),
        Some(TokenError::WrongNonce)
    );

    // Wrong issuer.
    let other_issuer = Expected {
        issuer: "https://idp.example.org",
        client_id: CLIENT_ID,
        nonce: "n-1",
        now,
    };
    assert_eq!(
        sso::validate_id_token(&ours, &keys, &other_issuer).err(),
        Some(TokenError::WrongIssuer)
    );

    // Altered payload (audience swapped into ours) or signature: the signature no longer holds.
    let parts: Vec<&str> = theirs.split('.').collect();
    let ours_parts: Vec<&str> = ours.split('.').collect();
    let spliced = format!("{}.{}.{}", parts[0], ours_parts[1], parts[2]);
    let spliced_result = sso::validate_id_token(&spliced, &keys, &expect(CLIENT_ID, "n-1", now));
    assert_eq!(spliced_result.err(), Some(TokenError::BadSignature));
    // Change a character in the middle: the last one of a base64url signature also carries
    // padding bits, and changing those makes the encoding invalid rather than the signature.
    let mut signature = ours_parts[2].to_owned();
    let middle = signature.len() / 2;
    let replacement = if &signature[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    signature.replace_range(middle..=middle, replacement);
    let forged = format!("{}.{}.{signature}", ours_parts[0], ours_parts[1]);
    assert_eq!(
        sso::validate_id_token(&forged, &keys, &expect(CLIENT_ID, "n-1", now)).err(),
        Some(TokenError::BadSignature)
    );

    // "alg": "none" and a symmetric algorithm are refused outright.
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let unsigned = format!("{}.{}.", b64(r#"{"alg":"none"}"#), ours_parts[1]);
    assert!(sso::validate_id_token(&unsigned, &keys, &expect(CLIENT_ID, "n-1", now)).is_err());
    let hs = format!(
        "{}.{}.{}",
        b64(r#"{"alg":"HS256","typ":"JWT"}"#),
        ours_parts[1],
        b64("x")
    );
    assert_eq!(
        sso::validate_id_token(&hs, &keys, &expect(CLIENT_ID, "n-1", now)).err(),
        Some(TokenError::UnsupportedAlgorithm)
    );
    // No keys: nothing verifies.
    assert_eq!(
        sso::validate_id_token(&ours, &[], &expect(CLIENT_ID, "n-1", now)).err(),
        Some(TokenError::UnknownKey)
    );
}

#[test]
fn provider_addresses_must_be_https_or_this_machine() {
    assert!(sso::acceptable_provider_url(
        "https://login.example.nl/realms/x"
    ));
    assert!(sso::acceptable_provider_url("http://127.0.0.1:4000"));
    assert!(sso::acceptable_provider_url("http://localhost:4000"));
    assert!(!sso::acceptable_provider_url("http://login.example.nl"));
    assert!(!sso::acceptable_provider_url("http://10.0.0.1"));
    assert!(!sso::acceptable_provider_url("file:///etc/passwd"));
    assert!(!sso::acceptable_provider_url(
        "https://user@login.example.nl"
    ));
    assert!(!sso::acceptable_provider_url("not a url"));
}
