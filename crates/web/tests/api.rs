//! The JSON API through real HTTP, on SQLite and PostgreSQL, and its OpenAPI document.

mod support;

use kleur_test_support::{TestBackend, on_both_databases};
use serde_json::{Value, json};
use support::TestApp;

async fn get(
    client: &reqwest::Client,
    app: &TestApp,
    token: &str,
    path: &str,
) -> (u16, Value, String) {
    let response = client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap_or("").to_owned())
        .unwrap_or_default();
    (
        status,
        response.json().await.unwrap_or(Value::Null),
        content_type,
    )
}

async fn tokens_authenticate_and_lists_page(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = reqwest::Client::new();
    let response = client.get(app.url("/api/v1/me")).send().await.expect("me");
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["status"], 401);
    assert_eq!(problem["type"], "urn:kleur:problem:unauthorized");
    let (status, _, _) = get(&client, &app, "kleur_nonsense", "/api/v1/me").await;
    assert_eq!(status, 401);

    let token = app.api_token(&app.a.id, &app.a.admin_id).await;
    let (status, me, _) = get(&client, &app, &token, "/api/v1/me").await;
    assert_eq!(status, 200);
    assert_eq!(me["display_name"], "Beheerder aaa");
    assert!(
        me["roles"]
            .as_array()
            .expect("roles")
            .contains(&json!("administrator"))
    );

    let (status, page, _) = get(&client, &app, &token, "/api/v1/people?per_page=1").await;
    assert_eq!(status, 200);
    assert_eq!(page["total"], 2);
    assert_eq!(page["total_pages"], 2);
    assert_eq!(page["items"].as_array().expect("items").len(), 1);
    let (_, second, _) = get(&client, &app, &token, "/api/v1/people?per_page=1&page=2").await;
    assert_ne!(page["items"][0]["id"], second["items"][0]["id"]);
    let (_, beyond, _) = get(&client, &app, &token, "/api/v1/people?page=99").await;
    assert_eq!(beyond["items"].as_array().expect("items").len(), 0);
    let (status, _, content_type) = get(&client, &app, &token, "/api/v1/people?page=-1").await;
    assert_eq!(status, 400, "a negative page is a bad request");
    assert_eq!(content_type, "application/problem+json");
}

async fn other_organisations_are_not_found(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = reqwest::Client::new();
    let token = app.api_token(&app.a.id, &app.a.admin_id).await;
    for path in [
        format!("/api/v1/people/{}", app.b.employee_id),
        format!("/api/v1/people/{}", app.b.admin_id),
        format!("/api/v1/units/{}", app.b.unit_id),
    ] {
        let (status, problem, content_type) = get(&client, &app, &token, &path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(problem["status"], 404);
    }
    let response = client
        .put(app.url(&format!("/api/v1/people/{}", app.b.employee_id)))
        .bearer_auth(&token)
        .json(&json!({"display_name": "Overgenomen", "email": "x@bbb.nl"}))
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 404);
    let (_, list, _) = get(&client, &app, &token, "/api/v1/people?per_page=200").await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|p| p["display_name"].as_str())
        .collect();
    assert!(names.iter().all(|n| n.ends_with("aaa")), "{names:?}");
    let (_, units, _) = get(&client, &app, &token, "/api/v1/units").await;
    assert_eq!(units.as_array().expect("units").len(), 1);
    let (_, filtered, _) = get(
        &client,
        &app,
        &token,
        &format!("/api/v1/people?unit_id={}", app.b.unit_id),
    )
    .await;
    assert_eq!(filtered["total"], 0);

    let mut conn = app.db.acquire().await.expect("conn");
    let person = kleur_storage::people::get_person(&mut conn, &app.b.id, &app.b.employee_id)
        .await
        .expect("get")
        .expect("exists");
    assert_eq!(
        person.display_name, "Medewerker bbb",
        "nothing changed in the other organisation"
    );
}

async fn writes_validate_and_authorise(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = reqwest::Client::new();
    let admin = app.api_token(&app.a.id, &app.a.admin_id).await;
    let employee = app.api_token(&app.a.id, &app.a.employee_id).await;
    let new_person = json!({"display_name": "Ahmed Yilmaz", "email": "ahmed@aaa.nl", "function_title": "Consulent"});

    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&employee)
        .json(&new_person)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 403);

    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .json(&new_person)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.expect("created");
    let id = created["id"].as_str().expect("id").to_owned();
    let (_, person, _) = get(&client, &app, &admin, &format!("/api/v1/people/{id}")).await;
    assert_eq!(person["email"], "ahmed@aaa.nl");

    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .json(&new_person)
        .send()
        .await
        .expect("again");
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "email");

    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .header("accept-language", "en")
        .json(&json!({"display_name": "", "email": "nope", "unit_id": "no-such-unit"}))
        .send()
        .await
        .expect("invalid");
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("problem");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["display_name", "email", "unit_id"]);
    assert_eq!(
        problem["errors"][1]["detail"],
        "Enter a valid e-mail address, such as name@organisation.nl."
    );

    let response = client
        .put(app.url(&format!("/api/v1/people/{id}")))
        .bearer_auth(&admin)
        .json(&json!({"display_name": "Ahmed Yilmaz", "email": "ahmed@aaa.nl", "manager_id": id}))
        .send()
        .await
        .expect("self manager");
    assert_eq!(response.status(), 422);

    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .expect("broken json");
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .body("display_name=x")
        .header("content-type", "text/plain")
        .send()
        .await
        .expect("wrong type");
    assert_eq!(response.status(), 415);
    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .json(&json!({"display_name": "X", "email": "x@aaa.nl", "salary": 1}))
        .send()
        .await
        .expect("unknown field");
    assert_eq!(
        response.status(),
        422,
        "unknown fields are refused, not ignored"
    );
    let response = client
        .delete(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("delete");
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let response = client
        .get(app.url("/api/v1/nothing-here"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("unknown");
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let big = json!({"display_name": "x".repeat(2 * 1024 * 1024), "email": "big@aaa.nl"});
    let response = client
        .post(app.url("/api/v1/people"))
        .bearer_auth(&admin)
        .json(&big)
        .send()
        .await
        .expect("too large");
    assert_eq!(response.status(), 413);
}

async fn revoked_tokens_stop_working(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = reqwest::Client::new();
    let token = app.api_token(&app.a.id, &app.a.employee_id).await;
    assert_eq!(get(&client, &app, &token, "/api/v1/me").await.0, 200);
    let browser = app.sign_in(&app.a.employee_email).await;
    let profile = browser
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile")
        .text()
        .await
        .expect("body");
    let marker = "/profiel/api-sleutels/";
    let start = profile.find(marker).expect("revoke form") + marker.len();
    let id: String = profile[start..].chars().take_while(|c| *c != '/').collect();
    let response = app
        .post_form(
            &browser,
            "/profiel",
            &format!("/profiel/api-sleutels/{id}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(get(&client, &app, &token, "/api/v1/me").await.0, 401);
}

on_both_databases!(
    tokens_authenticate_and_lists_page,
    other_organisations_are_not_found,
    writes_validate_and_authorise,
    revoked_tokens_stop_working,
);

/// The OpenAPI document is well formed: every operation answers, every reference resolves, and
/// operation ids are unique. Its committed copy (docs/openapi.json) must match, so the API never
/// changes by accident: run with UPDATE_OPENAPI=1 to accept a change.
#[test]
fn openapi_document_is_valid_and_unchanged() {
    let document = serde_json::to_value(kleur_web::api::openapi()).expect("serialise");
    assert!(
        document["openapi"]
            .as_str()
            .expect("version")
            .starts_with("3.")
    );
    let text = document.to_string();
    let mut references = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("\"$ref\":\"") {
        let tail = &rest[start + 8..];
        let end = tail.find('"').expect("closed");
        references.push(tail[..end].to_owned());
        rest = &tail[end..];
    }
    assert!(!references.is_empty());
    for reference in &references {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {reference}"));
        assert!(
            document["components"]["schemas"].get(name).is_some(),
            "unresolved {reference}"
        );
    }
    let mut ids = std::collections::HashSet::new();
    let paths = document["paths"].as_object().expect("paths");
    assert!(paths.len() >= 5);
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().expect("operations") {
            let responses = operation["responses"]
                .as_object()
                .unwrap_or_else(|| panic!("{method} {path} has no responses"));
            assert!(!responses.is_empty(), "{method} {path}");
            assert!(
                operation["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{method} {path} needs a summary"
            );
            let id = operation["operationId"].as_str().expect("operationId");
            assert!(ids.insert(id.to_owned()), "duplicate operationId {id}");
            for placeholder in path.split('{').skip(1) {
                let name = placeholder.split('}').next().expect("name");
                let declared = operation["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                assert!(
                    declared,
                    "{method} {path} does not declare its path parameter {name}"
                );
            }
        }
    }
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());

    let pretty = serde_json::to_string_pretty(&document).expect("pretty") + "\n";
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    if std::env::var("UPDATE_OPENAPI").is_ok() {
        std::fs::write(committed_path, &pretty).expect("write docs/openapi.json");
    }
    let committed = std::fs::read_to_string(committed_path).unwrap_or_default();
    assert!(
        committed == pretty,
        "the API changed: review it and run UPDATE_OPENAPI=1 cargo test -p kleur-web --test api"
    );
}
