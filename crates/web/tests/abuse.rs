//! Hostile input against every API operation of the OpenAPI document and every page form:
//! wrong types, huge strings, invalid UTF-8, bad ids, SQL and HTML injection. Kleur must answer
//! with a 4xx (or accept harmless text and show it escaped), never a 5xx.

mod support;

use std::collections::BTreeSet;

use kleur_services::{actor, feedback, goals, portfolio};
use kleur_test_support::{TestBackend, on_both_databases};
use support::TestApp;

const SCRIPT: &str = "<script>alert('kleur')</script>";

/// Ids no route should take seriously.
const BAD_IDS: &[&str] = &[
    "' OR '1'='1",
    "1; DROP TABLE people; --",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "%FF%FE",
    "<img src=x onerror=alert(1)>",
    "-1",
    "00000000-0000-0000-0000-000000000000",
];

/// Values for text fields.
fn hostile_values() -> Vec<String> {
    vec![
        SCRIPT.to_owned(),
        "' OR 1=1; --".to_owned(),
        "\u{0}\u{7}\u{1b}[31m".to_owned(),
        // Over every field's limit; all fields of a form together stay under the body limit.
        "x".repeat(40_000),
        "-99999999999999999999".to_owned(),
        "2026-02-31".to_owned(),
        "\u{202e}gnp.exe".to_owned(),
        "😀".repeat(1000),
    ]
}

/// JSON bodies of the wrong shape, and not JSON at all.
fn hostile_json() -> Vec<Vec<u8>> {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    vec![
        b"{".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        br#"{"title": 5, "level": [], "section": {}, "display_name": false, "email": 7}"#.to_vec(),
        format!(
            r#"{{"title": "{}", "display_name": "{}"}}"#,
            "x".repeat(300_000),
            SCRIPT
        )
        .into_bytes(),
        vec![b'{', b'"', 0xff, 0xfe, b'"', b':', b'1', b'}'],
        deep.into_bytes(),
        br#"{"cycle": 99999999999999999999999, "percent": -5, "progress": 1e308}"#.to_vec(),
    ]
}

/// The page routes with a POST handler, from the sources (see tests/authorisation.rs).
fn page_post_routes() -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages");
    let mut routes = BTreeSet::new();
    for entry in std::fs::read_dir(root).expect("read sources") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for (index, _) in text.match_indices(".route(") {
            let rest = &text[index + ".route(".len()..];
            let Some(start) = rest.find('"') else {
                continue;
            };
            if !rest[..start].trim().is_empty() {
                continue;
            }
            let path: String = rest[start + 1..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            // The handlers of this route: up to the next `.route(`.
            let end = rest.find(".route(").unwrap_or(rest.len());
            if rest[..end].contains("post(") {
                routes.insert(path);
            }
        }
    }
    routes
}

/// The input names of the forms on a page.
fn field_names(page: &str) -> BTreeSet<String> {
    page.split("name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| *name != "csrf")
        .map(str::to_owned)
        .collect()
}

/// A client that opens a new connection per request: the server may answer a bad request
/// before reading its body and close the connection, which a pooled client would reuse.
fn unpooled() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

async fn sign_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = unpooled();
    let csrf = app.csrf(&client, "/inloggen").await;
    let response = client
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", support::PASSWORD),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 303);
    client
}

fn assert_no_server_error(status: u16, what: &str) {
    assert!(status < 500, "{what}: {status}");
}

async fn hostile_input_never_causes_a_server_error(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db.acquire().await.expect("conn");
    let admin = actor::load(&mut conn, &app.a.id, &app.a.admin_id)
        .await
        .expect("actor");
    drop(conn);
    // Resources of the administrator, so that valid ids reach the validation.
    let item = portfolio::add_item(
        &app.db,
        &admin,
        &portfolio::ItemInput {
            section: "talents".into(),
            title: "Ordenen".into(),
            strength: "3".into(),
            ..Default::default()
        },
    )
    .await
    .expect("item");
    let goal = goals::create(
        &app.db,
        &admin,
        &goals::GoalInput {
            level: "personal".into(),
            cycle: "2026".into(),
            title: "Doel".into(),
            ..Default::default()
        },
    )
    .await
    .expect("goal");
    let round = feedback::start_round(
        &app.db,
        &kleur_services::Settings {
            base_url: app.base.clone(),
            session_hours: 12,
        },
        &admin,
        &feedback::RoundInput {
            title: "Ronde".into(),
            deadline: (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
                .format("%Y-%m-%d")
                .to_string(),
            peers: app.a.employee_email.clone(),
            // One peer is below the anonymity threshold: start anyway, as the warning allows.
            small_groups_ok: "ja".into(),
            ..Default::default()
        },
    )
    .await
    .expect("round");
    let valid_id = |path: &str| -> String {
        if path.starts_with("/portfolio/items/") || path.starts_with("/portfolio/items") {
            item.clone()
        } else if path.starts_with("/doelen/") || path.starts_with("/goals/") {
            goal.clone()
        } else if path.starts_with("/feedback/rondes/") {
            round.clone()
        } else if path.contains("catalog") {
            "verbinden".to_owned()
        } else if path.starts_with("/units/") {
            app.a.unit_id.clone()
        } else {
            app.a.employee_id.clone()
        }
    };
    let token = app.api_token(&app.a.id, &app.a.admin_id).await;
    let client = unpooled();
    let mut requests = 0;

    // The API, operation by operation.
    let document = serde_json::to_value(kleur_web::api::openapi()).expect("openapi");
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "delete"] {
            if item.get(method).is_none() {
                continue;
            }
            let mut paths = vec![
                path.replace("{id}", &valid_id(path))
                    .replace("{key}", &valid_id(path)),
            ];
            if path.contains('{') {
                for bad in BAD_IDS {
                    paths.push(path.replace("{id}", bad).replace("{key}", bad));
                }
            }
            for concrete in &paths {
                let url = app.url(&format!("/api/v1{concrete}"));
                let has_bad_id = path.contains('{') && concrete != &paths[0];
                // Queries of the wrong type.
                for query in [
                    "?page=-1&per_page=abc",
                    "?page=99999999999&per_page=0",
                    "?q=%FF%00&unit=' OR 1=1",
                ] {
                    let request = match method {
                        "get" => client.get(format!("{url}{query}")),
                        "delete" => client.delete(format!("{url}{query}")),
                        _ => continue,
                    };
                    let status = request
                        .bearer_auth(&token)
                        .send()
                        .await
                        .expect("send")
                        .status()
                        .as_u16();
                    requests += 1;
                    assert_no_server_error(status, &format!("{method} {concrete}{query}"));
                    if has_bad_id {
                        assert!(
                            (400..500).contains(&status),
                            "{method} {concrete}: {status}"
                        );
                    }
                }
                if method == "post" || method == "put" {
                    for body in hostile_json() {
                        let response = match method {
                            "post" => client.post(&url),
                            _ => client.put(&url),
                        }
                        .bearer_auth(&token)
                        .header("content-type", "application/json")
                        .body(body.clone())
                        .send()
                        .await
                        .expect("send");
                        let status = response.status().as_u16();
                        requests += 1;
                        assert!(
                            (400..500).contains(&status),
                            "{method} {concrete} with {:?}…: {status}",
                            String::from_utf8_lossy(&body[..body.len().min(60)])
                        );
                        if status != 413 {
                            assert_eq!(
                                response.headers()["content-type"],
                                "application/problem+json",
                                "{method} {concrete}"
                            );
                        }
                    }
                    // The wrong media type.
                    let status = match method {
                        "post" => client.post(&url),
                        _ => client.put(&url),
                    }
                    .bearer_auth(&token)
                    .header("content-type", "text/xml")
                    .body("<a/>")
                    .send()
                    .await
                    .expect("send")
                    .status()
                    .as_u16();
                    requests += 1;
                    assert!(
                        (400..500).contains(&status),
                        "{method} {concrete} as XML: {status}"
                    );
                }
            }
        }
    }
    // Hostile API keys.
    for bad in ["' OR 1=1 --", &"x".repeat(5000), "kleur_ä€"] {
        let status = client
            .get(app.url("/api/v1/me"))
            .header("authorization", format!("Bearer {bad}").into_bytes())
            .send()
            .await
            .expect("send")
            .status()
            .as_u16();
        requests += 1;
        assert_eq!(status, 401, "bearer {bad:.20}");
    }

    // Every page form, as the administrator (who reaches the most forms).
    let browser = sign_in(&app, &app.a.admin_email).await;
    let csrf = app.csrf(&browser, "/profiel").await;
    let routes = page_post_routes();
    assert!(routes.len() > 25, "found too few forms: {routes:?}");
    for route in &routes {
        if route == "/uitloggen" {
            continue;
        }
        let valid = route
            .replace("{id}", &valid_id(route))
            .replace("{key}", "verbinden")
            .replace("{token}", "bestaat-niet");
        // The form's own field names, from the page that shows it when there is one.
        let mut names = BTreeSet::new();
        if let Ok(page) = browser.get(app.url(&valid)).send().await
            && page.status() == 200
        {
            names = field_names(&page.text().await.unwrap_or_default());
        }
        for generic in [
            "title", "body", "name", "email", "section", "level", "cycle", "percent",
        ] {
            names.insert(generic.to_owned());
        }
        let mut targets = vec![valid.clone()];
        if route.contains("{id}") || route.contains("{key}") || route.contains("{token}") {
            for bad in BAD_IDS {
                targets.push(
                    route
                        .replace("{id}", bad)
                        .replace("{key}", bad)
                        .replace("{token}", bad),
                );
            }
        }
        for target in &targets {
            for value in hostile_values() {
                let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
                for name in &names {
                    form.push((name.as_str(), value.as_str()));
                }
                let status = browser
                    .post(app.url(target))
                    .form(&form)
                    .send()
                    .await
                    .expect("post")
                    .status()
                    .as_u16();
                requests += 1;
                assert_no_server_error(status, &format!("POST {target} with {:.30}", value));
            }
            // A body that is not UTF-8, and one over the size limit.
            let mut raw = format!("csrf={csrf}&title=").into_bytes();
            raw.extend_from_slice(&[0xff, 0xfe, 0xfd]);
            let mut bodies = vec![(raw, "invalid UTF-8")];
            if target == &valid {
                bodies.push((vec![b'a'; 2 * 1024 * 1024], "2 MB"));
            }
            for (body, what) in bodies {
                let sent = browser
                    .post(app.url(target))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await;
                let status = match sent {
                    Ok(response) => response.status().as_u16(),
                    // Refused (413) before the client finished sending: the connection closes.
                    Err(error) if what == "2 MB" && error.is_request() => 413,
                    Err(error) => panic!("POST {target} with {what}: {error}"),
                };
                requests += 1;
                // Creating a SCIM key reads no form fields, so the bytes do not matter: the
                // answer is the page that shows the new key once.
                let shows_result = route == "/beheer/scim/sleutel" && what == "invalid UTF-8";
                assert!(
                    (400..500).contains(&status)
                        || (300..400).contains(&status)
                        || (shows_result && status == 200),
                    "POST {target} with {what}: {status}"
                );
            }
        }
    }
    // Whatever was accepted is shown as text, never as markup.
    for page in [
        "/portfolio",
        "/doelen",
        "/profiel",
        "/beheer/mensen",
        "/feedback",
        "/beheer/catalogus",
    ] {
        let body = browser
            .get(app.url(page))
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("body");
        assert!(!body.contains(SCRIPT), "{page} shows the script unescaped");
    }
    // Nothing was lost to injection: both organisations' people are still there.
    let mut conn = app.db.acquire().await.expect("conn");
    for organisation in [&app.a.id, &app.b.id] {
        assert!(
            kleur_storage::people::count_people(&mut conn, organisation)
                .await
                .expect("count")
                >= 2
        );
    }
    assert!(requests > 1000, "only {requests} requests");
}

/// Portfolio import files that are broken in every way a file can be.
async fn hostile_portfolio_imports_are_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let browser = sign_in(&app, &app.a.employee_email).await;
    let csrf = app.csrf(&browser, "/portfolio/importeren").await;
    let item = |title: &str, extra: &str| {
        format!(r#"{{"section": "talents", "title": "{title}", "visibility": "private"{extra}}}"#)
    };
    let export = |items: &str| {
        format!(
            r#"{{"format": "kleur-portfolio", "version": 1, "exported_at": "2026-01-01T00:00:00Z", "owner": {{"display_name": "X", "email": "x@x.nl"}}, "items": [{items}]}}"#
        )
    };
    let many: Vec<String> = (0..5000).map(|i| item(&format!("T{i}"), "")).collect();
    let files: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"{".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x01],
        export("").replace("kleur-portfolio", "iets-anders").into_bytes(),
        export(&item(SCRIPT, r#", "section": "geheim""#)).into_bytes(),
        export(&item(&"x".repeat(200_000), "")).into_bytes(),
        export(&item("A", r#", "fields": {"strength": 99, "date": "2026-13-45"}"#)).into_bytes(),
        export(&item(
            "A",
            r#", "files": [{"file_name": "../../etc/passwd", "content_type": "text/html", "content_base64": "%%%"}]"#,
        ))
        .into_bytes(),
        export(&item("A", r#", "visibility": "iedereen""#)).into_bytes(),
        export(&item("A", r#", "unknown_field": 1"#)).into_bytes(),
        export(&many.join(",")).into_bytes(),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
    ];
    for (index, file) in files.into_iter().enumerate() {
        let part = reqwest::multipart::Part::bytes(file).file_name("portfolio.json");
        let response = browser
            .post(app.url(&format!("/portfolio/importeren?csrf={csrf}")))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("import");
        let status = response.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "import file {index}: {status}"
        );
    }
    // Nothing of it was imported.
    let page = browser
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("portfolio")
        .text()
        .await
        .expect("body");
    assert!(!page.contains(SCRIPT) && !page.contains("T4999"));
}

on_both_databases!(
    hostile_input_never_causes_a_server_error,
    hostile_portfolio_imports_are_refused
);
