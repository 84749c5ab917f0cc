//! SCIM 2.0 provisioning through real HTTP on both databases: the token page, Users (create,
//! filter, paging, PUT, PATCH, deactivate) and Groups (units and their members) with the same
//! rules as the HR pages, SCIM error documents for bad input, and tenant isolation: a token of
//! organisation A never reads or changes anything of organisation B.

mod support;

use kleur_test_support::{TestBackend, on_both_databases};
use serde_json::{Value, json};
use support::{PASSWORD, TestApp};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// Makes a token for the organisation of `admin_email` on the administrator's page.
async fn token_for(app: &TestApp, admin_email: &str) -> String {
    let admin = app.sign_in(admin_email).await;
    let response = app
        .post_form(&admin, "/beheer/scim", "/beheer/scim/sleutel", &[])
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.expect("page");
    let start = page.find("kleur_scim_").expect("token shown once");
    page[start..start + "kleur_scim_".len() + 64].to_owned()
}

struct Scim<'a> {
    app: &'a TestApp,
    token: String,
    http: reqwest::Client,
}

impl<'a> Scim<'a> {
    fn new(app: &'a TestApp, token: String) -> Self {
        Self {
            app,
            token,
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, self.app.url(&format!("/scim/v2{path}")))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/scim+json")
                .body(body.to_string());
        }
        let response = request.send().await.expect("scim request");
        let status = response.status().as_u16();
        if status != 204 {
            assert_eq!(
                response
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok()),
                Some("application/scim+json"),
                "{path}"
            );
        }
        let text = response.text().await.expect("body");
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("json")
        };
        (status, value)
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }
    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }
    async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }
    async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }
    async fn delete(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::DELETE, path, None).await
    }
}

fn patch_op(ops: Value) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": ops})
}

fn new_user(email: &str, external_id: &str, manager: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "userName": email,
        "externalId": external_id,
        "name": {"givenName": "Fatima", "familyName": "El Amrani"},
        "emails": [{"value": email, "type": "work", "primary": true}],
        "title": "Beleidsadviseur",
        "active": true,
        ENTERPRISE: {"employeeNumber": "E-100", "manager": {"value": manager}},
    })
}

async fn person_row(app: &TestApp, id: &str) -> (String, i64, Option<String>) {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query_as("SELECT display_name, active, unit_id FROM people WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .expect("person")
}

async fn users_are_created_found_changed_and_deactivated(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let scim = Scim::new(&app, token_for(&app, &app.a.admin_email).await);

    let (status, user) = scim
        .post(
            "/Users",
            new_user("Fatima@AAA.nl", "hr-100", &app.a.admin_id),
        )
        .await;
    assert_eq!(status, 201, "{user}");
    let id = user["id"].as_str().expect("id").to_owned();
    assert_eq!(user["userName"], "fatima@aaa.nl");
    assert_eq!(user["displayName"], "Fatima El Amrani");
    assert_eq!(user["externalId"], "hr-100");
    assert_eq!(user[ENTERPRISE]["employeeNumber"], "E-100");
    assert_eq!(
        user[ENTERPRISE]["manager"]["value"],
        app.a.admin_id.as_str()
    );
    assert_eq!(user["active"], true);

    // Filters that provisioning clients use to find someone.
    let (_, list) = scim
        .get("/Users?filter=userName%20eq%20%22fatima%40aaa.nl%22")
        .await;
    assert_eq!(list["totalResults"], 1);
    assert_eq!(list["Resources"][0]["id"], id.as_str());
    let (_, list) = scim
        .get("/Users?filter=externalId%20eq%20%22hr-100%22")
        .await;
    assert_eq!(list["totalResults"], 1);
    let (_, list) = scim.get("/Users?filter=externalId%20eq%20%22nope%22").await;
    assert_eq!(list["totalResults"], 0);

    // The same rules as the HR pages: a taken address, a bad address.
    let (status, error) = scim
        .post("/Users", new_user("fatima@aaa.nl", "hr-101", ""))
        .await;
    assert_eq!(status, 409);
    assert_eq!(error["scimType"], "uniqueness");
    let (status, error) = scim
        .post("/Users", new_user("geen-adres", "hr-102", ""))
        .await;
    assert_eq!(status, 400);
    assert_eq!(error["scimType"], "invalidValue");
    assert_eq!(
        error["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:Error"
    );

    // PUT replaces.
    let mut changed = new_user("fatima@aaa.nl", "hr-100", &app.a.admin_id);
    changed["displayName"] = json!("Fatima El Amrani-Bos");
    let (status, user) = scim.put(&format!("/Users/{id}"), changed).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(person_row(&app, &id).await.0, "Fatima El Amrani-Bos");

    // A manager cycle is refused, as on the HR pages: the admin cannot report to his report.
    let mut admin = scim.get(&format!("/Users/{}", app.a.admin_id)).await.1;
    admin[ENTERPRISE]["manager"] = json!({"value": id});
    let (status, _) = scim.put(&format!("/Users/{}", app.a.admin_id), admin).await;
    assert_eq!(status, 400);

    // PATCH with a path, and without one (Azure AD style, capitalised op).
    let (status, user) = scim
        .patch(
            &format!("/Users/{id}"),
            patch_op(json!([{"op": "replace", "path": "title", "value": "Teamleider"}])),
        )
        .await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["title"], "Teamleider");
    // Deactivating signs the person out everywhere.
    let (status, user) = scim
        .patch(
            &format!("/Users/{}", app.a.employee_id),
            patch_op(json!([{"op": "Replace", "value": {"active": false}}])),
        )
        .await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["active"], false);
    assert_eq!(person_row(&app, &app.a.employee_id).await.1, 0);
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
    assert_eq!(
        response.status(),
        401,
        "a deactivated person cannot sign in"
    );
    let (status, user) = scim
        .patch(
            &format!("/Users/{}", app.a.employee_id),
            patch_op(json!([{"op": "replace", "path": "active", "value": true}])),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(user["active"], true);
    app.sign_in(&app.a.employee_email).await;

    // DELETE deactivates; the person and what they own stay.
    let (status, _) = scim.delete(&format!("/Users/{id}")).await;
    assert_eq!(status, 204);
    assert_eq!(person_row(&app, &id).await.1, 0);
    let (status, user) = scim.get(&format!("/Users/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(user["active"], false);

    // Bad requests get SCIM errors, never a 500.
    let (status, error) = scim
        .send(reqwest::Method::POST, "/Users", Some(json!("{")))
        .await;
    assert_eq!(status, 400, "{error}");
    let response = reqwest::Client::new()
        .post(app.url("/scim/v2/Users"))
        .bearer_auth(&scim.token)
        .body("{not json")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 400);
    let error: Value = response.json().await.expect("json");
    assert_eq!(error["scimType"], "invalidSyntax");
    let (status, error) = scim.get("/Users?filter=userName%20co%20%22a%22").await;
    assert_eq!(status, 400);
    assert_eq!(error["scimType"], "invalidFilter");
    let (status, _) = scim.get("/Users?count=veel").await;
    assert_eq!(status, 400);
    let (status, error) = scim
        .patch(
            &format!("/Users/{id}"),
            patch_op(json!([{"op": "replace", "path": "password", "value": "x"}])),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(error["scimType"], "invalidPath");
    let (status, _) = scim.get("/Users/bestaat-niet").await;
    assert_eq!(status, 404);
}

async fn lists_are_paged(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let scim = Scim::new(&app, token_for(&app, &app.a.admin_email).await);
    for n in 0..3 {
        let mut user = new_user(&format!("p{n}@aaa.nl"), &format!("x{n}"), "");
        // Employee numbers are unique within the organisation.
        user[ENTERPRISE]["employeeNumber"] = json!(format!("P-{n}"));
        let (status, _) = scim.post("/Users", user).await;
        assert_eq!(status, 201);
    }
    let (_, all) = scim.get("/Users").await;
    assert_eq!(all["totalResults"], 5, "2 people of A plus 3 new");
    assert_eq!(
        all["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    );
    let mut seen = Vec::new();
    for start in 1..=5 {
        let (_, page) = scim
            .get(&format!("/Users?startIndex={start}&count=2"))
            .await;
        assert_eq!(page["totalResults"], 5);
        assert_eq!(page["startIndex"], start);
        let items = page["Resources"].as_array().expect("resources");
        assert!(items.len() <= 2);
        assert_eq!(page["itemsPerPage"], items.len());
        if let Some(first) = items.first() {
            seen.push(first["id"].as_str().expect("id").to_owned());
        }
    }
    seen.dedup();
    assert_eq!(
        seen.len(),
        5,
        "each start index begins at a different person"
    );
    let (_, empty) = scim.get("/Users?startIndex=50").await;
    assert_eq!(empty["Resources"].as_array().map(Vec::len), Some(0));
}

async fn groups_are_units_and_their_members(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let scim = Scim::new(&app, token_for(&app, &app.a.admin_email).await);
    let (status, group) = scim
        .post(
            "/Groups",
            json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "displayName": "Sociaal Domein > Team Noord",
                "externalId": "g-1",
                "members": [{"value": app.a.employee_id}],
            }),
        )
        .await;
    assert_eq!(status, 201, "{group}");
    let id = group["id"].as_str().expect("id").to_owned();
    assert_eq!(group["displayName"], "Team Noord");
    assert_eq!(group["members"][0]["value"], app.a.employee_id.as_str());
    assert_eq!(
        person_row(&app, &app.a.employee_id).await.2.as_deref(),
        Some(id.as_str())
    );
    // The parent unit was made, as by the HR import.
    let (_, list) = scim
        .get("/Groups?filter=displayName%20eq%20%22Sociaal%20Domein%22")
        .await;
    assert_eq!(list["totalResults"], 1);
    let (_, list) = scim.get("/Groups?filter=externalId%20eq%20%22g-1%22").await;
    assert_eq!(list["Resources"][0]["id"], id.as_str());
    let (status, _) = scim
        .post(
            "/Groups",
            json!({"displayName": "Sociaal Domein > Team Noord"}),
        )
        .await;
    assert_eq!(status, 409);

    // The user shows the group.
    let (_, user) = scim.get(&format!("/Users/{}", app.a.employee_id)).await;
    assert_eq!(user["groups"][0]["value"], id.as_str());

    // PATCH: rename, remove and add members.
    let (status, group) = scim
        .patch(
            &format!("/Groups/{id}"),
            patch_op(json!([
                {"op": "replace", "path": "displayName", "value": "Team Noordoost"},
                {"op": "remove", "path": format!("members[value eq \"{}\"]", app.a.employee_id)},
                {"op": "add", "path": "members", "value": [{"value": app.a.admin_id}]},
            ])),
        )
        .await;
    assert_eq!(status, 200, "{group}");
    assert_eq!(group["displayName"], "Team Noordoost");
    let members: Vec<&str> = group["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["value"].as_str())
        .collect();
    assert_eq!(members, vec![app.a.admin_id.as_str()]);
    assert_eq!(person_row(&app, &app.a.employee_id).await.2, None);

    // PUT replaces the member list.
    let (status, group) = scim
        .put(
            &format!("/Groups/{id}"),
            json!({"displayName": "Team Noordoost", "members": [{"value": app.a.employee_id}]}),
        )
        .await;
    assert_eq!(status, 200, "{group}");
    assert_eq!(group["members"].as_array().map(Vec::len), Some(1));
    assert_eq!(person_row(&app, &app.a.admin_id).await.2, None);

    // A unit with units below it keeps its name here.
    let parent = scim
        .get("/Groups?filter=displayName%20eq%20%22Sociaal%20Domein%22")
        .await
        .1["Resources"][0]["id"]
        .as_str()
        .expect("parent")
        .to_owned();
    let (status, error) = scim
        .patch(
            &format!("/Groups/{parent}"),
            patch_op(json!([{"op": "replace", "path": "displayName", "value": "Zorg"}])),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(error["scimType"], "mutability");
}

async fn a_token_only_reaches_its_own_organisation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let token_a = token_for(&app, &app.a.admin_email).await;
    let scim = Scim::new(&app, token_a.clone());
    let b_person = format!("/Users/{}", app.b.employee_id);
    assert_eq!(scim.get(&b_person).await.0, 404);
    assert_eq!(
        scim.put(&b_person, new_user("x@bbb.nl", "x", "")).await.0,
        404
    );
    assert_eq!(
        scim.patch(
            &b_person,
            patch_op(json!([{"op": "replace", "path": "active", "value": false}]))
        )
        .await
        .0,
        404
    );
    assert_eq!(scim.delete(&b_person).await.0, 404);
    assert_eq!(
        person_row(&app, &app.b.employee_id).await.1,
        1,
        "B untouched"
    );
    assert_eq!(scim.get(&format!("/Groups/{}", app.b.unit_id)).await.0, 404);
    let (_, list) = scim.get("/Users?count=200").await;
    let text = list.to_string();
    assert!(!text.contains("bbb.nl"), "no people of B in A's list");
    let (_, list) = scim
        .get("/Users?filter=userName%20eq%20%22medewerker%40bbb.nl%22")
        .await;
    assert_eq!(list["totalResults"], 0);
    // B's person cannot be pulled into A's unit, nor made an A person's manager.
    let (status, _) = scim
        .patch(
            &format!("/Groups/{}", app.a.unit_id),
            patch_op(
                json!([{"op": "add", "path": "members", "value": [{"value": app.b.employee_id}]}]),
            ),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = scim
        .post("/Users", new_user("y@aaa.nl", "y", &app.b.admin_id))
        .await;
    assert_eq!(status, 400);
    // B's token sees B only.
    let scim_b = Scim::new(&app, token_for(&app, &app.b.admin_email).await);
    assert_eq!(
        scim_b.get(&format!("/Users/{}", app.a.employee_id)).await.0,
        404
    );
    assert_eq!(scim_b.get(&b_person).await.0, 200);

    // No token, a made-up token, a rotated-away token, a session cookie: all 401.
    let response = reqwest::Client::new()
        .get(app.url("/scim/v2/Users"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 401);
    assert!(response.headers().contains_key("www-authenticate"));
    let forged = Scim::new(&app, format!("kleur_scim_{}", "0".repeat(64)));
    assert_eq!(forged.get("/Users").await.0, 401);
    let _new_a = token_for(&app, &app.a.admin_email).await;
    assert_eq!(scim.get("/Users").await.0, 401, "the old token stopped");
    let admin = app.sign_in(&app.a.admin_email).await;
    let response = admin
        .get(app.url("/scim/v2/Users"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        response.status(),
        401,
        "a session is not a provisioning token"
    );
}

async fn token_page_is_for_administrators_and_shows_the_secret_once(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = employee
        .get(app.url("/beheer/scim"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 403);
    let token = token_for(&app, &app.a.admin_email).await;
    let admin = app.sign_in(&app.a.admin_email).await;
    let page = admin
        .get(app.url("/beheer/scim"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("page");
    assert!(!page.contains(&token), "shown once only");
    let mut conn = app.db.acquire().await.expect("conn");
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM scim_tokens")
        .fetch_all(&mut *conn)
        .await
        .expect("tokens");
    assert!(!stored.is_empty());
    assert!(stored.iter().all(|h| h != &token), "only hashes at rest");
    drop(conn);
    let scim = Scim::new(&app, token);
    for path in ["/ServiceProviderConfig", "/ResourceTypes", "/Schemas"] {
        let (status, body) = scim.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body["schemas"].is_array(), "{path}");
    }
    let (_, config) = scim.get("/ServiceProviderConfig").await;
    assert_eq!(config["patch"]["supported"], true);
    assert_eq!(config["filter"]["supported"], true);
    // Revoking stops the token.
    let response = app
        .post_form(&admin, "/beheer/scim", "/beheer/scim/intrekken", &[])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(scim.get("/Users").await.0, 401);
}

on_both_databases!(
    users_are_created_found_changed_and_deactivated,
    lists_are_paged,
    groups_are_units_and_their_members,
    a_token_only_reaches_its_own_organisation,
    token_page_is_for_administrators_and_shows_the_secret_once,
);
