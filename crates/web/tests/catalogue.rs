//! The talent catalogue per organisation, through real HTTP, on both databases: seeding, HR's
//! pages, the API, tenant isolation, validation, stale edits, and what retiring an entry does
//! (and does not do) to portfolios.

mod support;

use kleur_domain::catalogue::default_catalogue_ref;
use kleur_services::ServiceError;
use kleur_services::catalogue::{self, ListFilter, Status};
use kleur_storage::catalogue as store;
use kleur_test_support::{TestBackend, on_both_databases};
use support::TestApp;

async fn actor(app: &TestApp, organisation_id: &str, person_id: &str) -> kleur_services::Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_services::actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

async fn stored(app: &TestApp, organisation_id: &str, key: &str) -> Option<store::EntryRow> {
    let mut conn = app.db.acquire().await.expect("conn");
    store::get_entry(&mut conn, organisation_id, key)
        .await
        .expect("get")
}

async fn body(response: reqwest::Response) -> String {
    response.text().await.expect("body")
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, body(response).await)
}

async fn api_get(app: &TestApp, token: &str, path: &str) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("api");
    let status = response.status().as_u16();
    let json = response.json().await.unwrap_or(serde_json::Value::Null);
    (status, json)
}

fn keys(json: &serde_json::Value) -> Vec<String> {
    json["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["key"].as_str().map(str::to_owned))
        .collect()
}

/// A new talent as the HR form sends it, with the key made from the Dutch name.
const WIJKGERICHT: &[(&str, &str)] = &[
    ("kind", "talent"),
    ("category", "omgeving-en-bestuur"),
    ("name_nl", "Wijkgericht werken"),
    ("name_en", "Neighbourhood-based working"),
    (
        "description_nl",
        "Je kent de wijk en werkt samen met bewoners en partners.",
    ),
    (
        "description_en",
        "You know the neighbourhood and work with residents and partners.",
    ),
    ("synonyms_nl", "Wijkaanpak, gebiedsgericht werken"),
    ("synonyms_en", "area-based working"),
];

/// A new core quality with its quadrant.
const SPEELSHEID: &[(&str, &str)] = &[
    ("key", "speelsheid"),
    ("kind", "core_quality"),
    ("category", "vernieuwen-en-leren"),
    ("name_nl", "Speelsheid"),
    ("name_en", "Playfulness"),
    (
        "description_nl",
        "Je brengt lichtheid en plezier in het werk.",
    ),
    ("description_en", "You bring lightness and fun to work."),
    ("synonyms_nl", "speels, luchtigheid"),
    ("synonyms_en", "playful"),
    ("pitfall_nl", "Niets serieus nemen"),
    ("challenge_nl", "Ernst en focus"),
    ("allergy_nl", "Zwaarwichtigheid"),
    ("pitfall_en", "Taking nothing seriously"),
    ("challenge_en", "Gravity and focus"),
    ("allergy_en", "Pomposity"),
];

async fn create_entry(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.post_form(
        client,
        "/beheer/catalogus/nieuw",
        "/beheer/catalogus/nieuw",
        fields,
    )
    .await
}

/// The value of the hidden `version` field of a form.
fn version_in(form: &str) -> String {
    form.split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("version")
        .to_owned()
}

async fn seeding_is_idempotent_and_safe_when_racing(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let expected = default_catalogue_ref().entries.len() as u64;
    assert!(
        expected >= 82,
        "the default catalogue has {expected} entries"
    );
    // Two requests copying at the same time: together they add the catalogue once.
    let racers: Vec<_> = (0..3)
        .map(|_| {
            let db = app.db.clone();
            let organisation = app.a.id.clone();
            tokio::spawn(async move { catalogue::ensure_catalogue(&db, &organisation).await })
        })
        .collect();
    let mut added = 0;
    for racer in racers {
        added += racer.await.expect("join").expect("ensure");
    }
    assert_eq!(added, expected);
    assert_eq!(
        catalogue::ensure_catalogue(&app.db, &app.a.id)
            .await
            .expect("again"),
        0,
        "a second call adds nothing"
    );
    let mut conn = app.db.acquire().await.expect("conn");
    assert_eq!(
        store::count_entries(&mut conn, &app.a.id)
            .await
            .expect("count"),
        expected as i64
    );
    assert_eq!(
        store::categories(&mut conn, &app.a.id)
            .await
            .expect("categories")
            .len(),
        default_catalogue_ref().categories.len()
    );
    // Organisation B gets its own copy the first time anyone there uses the catalogue.
    assert_eq!(
        store::count_entries(&mut conn, &app.b.id)
            .await
            .expect("count"),
        0
    );
    drop(conn);
    let token = app.api_token(&app.b.id, &app.b.employee_id).await;
    let (status, json) = api_get(&app, &token, "/api/v1/catalogue").await;
    assert_eq!(status, 200);
    assert_eq!(json["total"], expected);
    let mut conn = app.db.acquire().await.expect("conn");
    assert_eq!(
        store::count_entries(&mut conn, &app.b.id)
            .await
            .expect("count"),
        expected as i64
    );
    drop(conn);
    // An organisation that does not exist gets nothing.
    assert!(matches!(
        catalogue::ensure_catalogue(&app.db, "no-such-organisation").await,
        Err(ServiceError::NotFound)
    ));
    // A seeded entry reads back exactly as the default catalogue has it.
    let hr = actor(&app, &app.a.id, &app.a.admin_id).await;
    for entry in &default_catalogue_ref().entries {
        let read = catalogue::get(&app.db, &hr, &entry.key).await.expect("get");
        assert_eq!(&read.entry, entry);
    }
}

async fn hr_creates_edits_retires_and_restores(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let (status, page) = get(&hr, &app, "/beheer/catalogus").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/beheer/catalogus\" aria-current=\"page\""));
    assert!(page.contains("Talentencatalogus") && page.contains("Analyseren"));
    assert!(page.contains("82 onderdelen"), "all entries, first page");
    assert!(page.contains("rel=\"next\""), "paginated");
    let (status, _) = get(&hr, &app, "/beheer/catalogus?pagina=2").await;
    assert_eq!(status, 200);
    let (status, form) = get(&hr, &app, "/beheer/catalogus/nieuw").await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"csrf\"") && form.contains("for=\"name_nl\""));

    // A talent, its key made from the Dutch name, its synonyms in lower case.
    let response = create_entry(&app, &hr, WIJKGERICHT).await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .expect("location")
            .contains("klaar=catalogue-created")
    );
    let row = stored(&app, &app.a.id, "wijkgericht-werken")
        .await
        .expect("stored");
    assert_eq!(row.kind, "talent");
    assert_eq!(row.synonyms_nl, r#"["wijkaanpak","gebiedsgericht werken"]"#);
    assert_eq!(row.pitfall_nl, None);
    assert_eq!(row.version, 1);
    // A core quality with its quadrant and a chosen key.
    let response = create_entry(&app, &hr, SPEELSHEID).await;
    assert_eq!(response.status(), 303);
    let row = stored(&app, &app.a.id, "speelsheid").await.expect("stored");
    assert_eq!(row.allergy_en.as_deref(), Some("Pomposity"));

    // Editing keeps the key and raises the version.
    let edit_path = "/beheer/catalogus/wijkgericht-werken/wijzigen";
    let (status, form) = get(&hr, &app, edit_path).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("Wijkgericht werken") && form.contains("wijkaanpak, gebiedsgericht werken")
    );
    let version = version_in(&form);
    let mut fields = WIJKGERICHT.to_vec();
    fields.retain(|(name, _)| *name != "description_nl");
    fields.push(("description_nl", "Je werkt in en met de wijk."));
    fields.push(("version", &version));
    fields.push(("key", "poging-tot-nieuwe-sleutel"));
    let response = app.post_form(&hr, edit_path, edit_path, &fields).await;
    assert_eq!(response.status(), 303);
    let row = stored(&app, &app.a.id, "wijkgericht-werken")
        .await
        .expect("the key never changes");
    assert_eq!(row.description_nl, "Je werkt in en met de wijk.");
    assert_eq!(row.version, 2);
    assert!(
        stored(&app, &app.a.id, "poging-tot-nieuwe-sleutel")
            .await
            .is_none()
    );

    // Retiring goes back to the list it came from, which then shows the status.
    let back = "/beheer/catalogus?q=wijk&klaar=catalogue-saved";
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus",
            "/beheer/catalogus/wijkgericht-werken/intrekken",
            &[("terug", back)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert_eq!(location, "/beheer/catalogus?q=wijk&klaar=catalogue-retired");
    assert!(
        stored(&app, &app.a.id, "wijkgericht-werken")
            .await
            .expect("kept")
            .retired_at
            .is_some()
    );
    let (_, list) = get(&hr, &app, &location).await;
    assert!(list.contains("Wijkgericht werken") && list.contains("Ingetrokken"));
    assert!(list.contains("/beheer/catalogus/wijkgericht-werken/terugzetten"));
    assert!(list.contains("Het onderdeel is ingetrokken"));
    let (_, active) = get(&hr, &app, "/beheer/catalogus?q=wijk&status=actief").await;
    assert!(!active.contains("Wijkgericht werken"));
    let (_, retired) = get(&hr, &app, "/beheer/catalogus?status=ingetrokken").await;
    assert!(retired.contains("Wijkgericht werken") && retired.contains("1 onderdeel"));
    // Retiring twice is harmless; an edit of a retired entry still works.
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus",
            "/beheer/catalogus/wijkgericht-werken/intrekken",
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, form) = get(&hr, &app, edit_path).await;
    assert_eq!(status, 200);
    assert!(form.contains("Ingetrokken"));

    // Restoring brings it back.
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus",
            "/beheer/catalogus/wijkgericht-werken/terugzetten",
            &[("terug", "//elders.example/")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/beheer/catalogus?klaar=catalogue-restored",
        "only back to the catalogue list"
    );
    assert!(
        stored(&app, &app.a.id, "wijkgericht-werken")
            .await
            .expect("kept")
            .retired_at
            .is_none()
    );
    // The pages work in English too.
    let csrf = app.csrf(&hr, "/beheer/catalogus").await;
    hr.post(app.url("/taal"))
        .form(&[("csrf", csrf.as_str()), ("taal", "en"), ("terug", "/")])
        .send()
        .await
        .expect("language");
    let (_, list) = get(&hr, &app, "/beheer/catalogus?q=wijk").await;
    assert!(list.contains("Talent catalogue") && list.contains("Neighbourhood-based working"));
}

async fn employees_get_403_and_read_active_entries(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    catalogue::ensure_catalogue(&app.db, &app.a.id)
        .await
        .expect("seed");
    let employee = app.sign_in(&app.a.employee_email).await;
    let (_, home) = get(&employee, &app, "/").await;
    assert!(
        !home.contains("/beheer/catalogus"),
        "no catalogue item in the navigation"
    );
    for path in [
        "/beheer/catalogus",
        "/beheer/catalogus?status=ingetrokken",
        "/beheer/catalogus/nieuw",
        "/beheer/catalogus/analyseren/wijzigen",
        "/beheer/catalogus/bestaat-niet/wijzigen",
    ] {
        let (status, _) = get(&employee, &app, path).await;
        assert_eq!(status, 403, "GET {path}");
    }
    for path in [
        "/beheer/catalogus/nieuw",
        "/beheer/catalogus/analyseren/wijzigen",
        "/beheer/catalogus/analyseren/intrekken",
        "/beheer/catalogus/analyseren/terugzetten",
        "/beheer/catalogus/bestaat-niet/intrekken",
    ] {
        let response = app.post_form(&employee, "/", path, WIJKGERICHT).await;
        assert_eq!(response.status(), 403, "POST {path}");
    }
    let row = stored(&app, &app.a.id, "analyseren").await.expect("seeded");
    assert_eq!(row.version, 1, "unchanged");
    assert!(row.retired_at.is_none());
    assert!(
        stored(&app, &app.a.id, "wijkgericht-werken")
            .await
            .is_none()
    );

    // The API lists the active entries for everyone.
    let token = app.api_token(&app.a.id, &app.a.employee_id).await;
    let (status, json) = api_get(&app, &token, "/api/v1/catalogue?per_page=200").await;
    assert_eq!(status, 200);
    assert_eq!(json["total"], 82);
    assert_eq!(keys(&json).len(), 82);
    let (status, json) = api_get(&app, &token, "/api/v1/catalogue?per_page=10&page=2").await;
    assert_eq!(status, 200);
    assert_eq!(keys(&json).len(), 10);
    assert_eq!(json["total_pages"], 9);
    let (status, entry) = api_get(&app, &token, "/api/v1/catalogue/zorgzaamheid").await;
    assert_eq!(status, 200);
    assert_eq!(entry["name_nl"], "Zorgzaamheid");
    assert_eq!(entry["kind"], "core_quality");
    assert_eq!(entry["quadrant"]["pitfall_nl"], "Betuttelen");
    assert!(entry["retired_at"].is_null());
    let (_, talent) = api_get(&app, &token, "/api/v1/catalogue/analyseren").await;
    assert!(talent["quadrant"].is_null());
    let (status, json) = api_get(
        &app,
        &token,
        "/api/v1/catalogue?kind=core_quality&per_page=200",
    )
    .await;
    assert_eq!(status, 200);
    let items = json["items"].as_array().expect("items");
    assert!(!items.is_empty() && items.iter().all(|i| i["kind"] == "core_quality"));
    let (status, json) = api_get(
        &app,
        &token,
        "/api/v1/catalogue?category=zorg-en-dienstverlening&per_page=200",
    )
    .await;
    assert_eq!(status, 200);
    let items = json["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|i| i["category"] == "zorg-en-dienstverlening")
    );
    let (status, problem) = api_get(&app, &token, "/api/v1/catalogue?kind=skill").await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "kind");
    let (status, _) = api_get(&app, &token, "/api/v1/catalogue/bestaat-niet").await;
    assert_eq!(status, 404);

    // A retired entry is gone for employees and stays readable for HR.
    let hr = actor(&app, &app.a.id, &app.a.admin_id).await;
    catalogue::retire(&app.db, &hr, "analyseren")
        .await
        .expect("retire");
    let (_, json) = api_get(&app, &token, "/api/v1/catalogue?per_page=200").await;
    assert_eq!(json["total"], 81);
    assert!(!keys(&json).contains(&"analyseren".to_owned()));
    let (status, _) = api_get(&app, &token, "/api/v1/catalogue/analyseren").await;
    assert_eq!(status, 404);
    let hr_token = app.api_token(&app.a.id, &app.a.admin_id).await;
    let (status, entry) = api_get(&app, &hr_token, "/api/v1/catalogue/analyseren").await;
    assert_eq!(status, 200);
    assert!(entry["retired_at"].is_string());

    // The service refuses the same things directly.
    let me = actor(&app, &app.a.id, &app.a.employee_id).await;
    let all = ListFilter {
        status: Status::All,
        ..Default::default()
    };
    assert!(matches!(
        catalogue::list(&app.db, &me, &all, Default::default()).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        catalogue::restore(&app.db, &me, "analyseren").await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        catalogue::create(&app.db, &me, &Default::default()).await,
        Err(ServiceError::Forbidden)
    ));
}

async fn another_organisations_entries_are_not_found(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr_a = app.sign_in(&app.a.admin_email).await;
    assert_eq!(create_entry(&app, &hr_a, WIJKGERICHT).await.status(), 303);
    let hr_b = app.sign_in(&app.b.admin_email).await;
    let edit_path = "/beheer/catalogus/wijkgericht-werken/wijzigen";
    let (status, _) = get(&hr_b, &app, edit_path).await;
    assert_eq!(status, 404);
    let mut fields = WIJKGERICHT.to_vec();
    fields.push(("version", "1"));
    let response = app.post_form(&hr_b, "/", edit_path, &fields).await;
    assert_eq!(response.status(), 404);
    for action in ["intrekken", "terugzetten"] {
        let response = app
            .post_form(
                &hr_b,
                "/",
                &format!("/beheer/catalogus/wijkgericht-werken/{action}"),
                &[],
            )
            .await;
        assert_eq!(response.status(), 404, "{action}");
    }
    let (_, list) = get(&hr_b, &app, "/beheer/catalogus?q=wijkgericht").await;
    assert!(!list.contains("Wijkgericht werken") && list.contains("0 onderdelen"));
    let token = app.api_token(&app.b.id, &app.b.admin_id).await;
    let (status, _) = api_get(&app, &token, "/api/v1/catalogue/wijkgericht-werken").await;
    assert_eq!(status, 404);
    let (_, json) = api_get(&app, &token, "/api/v1/catalogue?q=wijkgericht").await;
    assert_eq!(json["total"], 0);
    // The same key in two organisations is two entries: B retiring its own leaves A's alone.
    let response = app
        .post_form(&hr_b, "/", "/beheer/catalogus/analyseren/intrekken", &[])
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        stored(&app, &app.b.id, "analyseren")
            .await
            .expect("b")
            .retired_at
            .is_some()
    );
    assert!(
        stored(&app, &app.a.id, "analyseren")
            .await
            .expect("a")
            .retired_at
            .is_none()
    );
    // And B may use a name that A has.
    assert_eq!(create_entry(&app, &hr_b, WIJKGERICHT).await.status(), 303);
}

/// The edit form of an entry as a browser would post it, with another Dutch description.
fn edit_fields(
    entry: &catalogue::CatalogueEntry,
    description: &str,
    version: &str,
) -> Vec<(String, String)> {
    let input = catalogue::EntryInput::from_entry(entry);
    [
        ("kind", input.kind),
        ("category", input.category),
        ("name_nl", input.name_nl),
        ("name_en", input.name_en),
        ("description_nl", description.to_owned()),
        ("description_en", input.description_en),
        ("synonyms_nl", input.synonyms_nl),
        ("synonyms_en", input.synonyms_en),
        ("pitfall_nl", input.pitfall_nl),
        ("challenge_nl", input.challenge_nl),
        ("allergy_nl", input.allergy_nl),
        ("pitfall_en", input.pitfall_en),
        ("challenge_en", input.challenge_en),
        ("allergy_en", input.allergy_en),
        ("version", version.to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn post_owned(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(client, path, path, &fields).await
}

async fn a_stale_edit_is_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let hr_actor = actor(&app, &app.a.id, &app.a.admin_id).await;
    let edit_path = "/beheer/catalogus/geduld/wijzigen";
    let (status, form) = get(&hr, &app, edit_path).await;
    assert_eq!(status, 200);
    let version = version_in(&form);
    let entry = catalogue::get(&app.db, &hr_actor, "geduld")
        .await
        .expect("entry");
    let first = edit_fields(&entry, "Tekst uit het eerste tabblad.", &version);
    let response = post_owned(&app, &hr, edit_path, &first).await;
    assert_eq!(response.status(), 303);
    let second = edit_fields(&entry, "Tekst uit het tweede tabblad.", &version);
    let response = post_owned(&app, &hr, edit_path, &second).await;
    assert_eq!(response.status(), 409);
    let page = body(response).await;
    assert!(
        page.contains("Tekst uit het tweede tabblad."),
        "what was typed is kept"
    );
    assert!(page.contains("intussen door iemand anders gewijzigd"));
    assert!(page.contains("href=\"#name_nl\""));
    let row = stored(&app, &app.a.id, "geduld").await.expect("stored");
    assert_eq!(
        row.description_nl, "Tekst uit het eerste tabblad.",
        "the first save is not overwritten silently"
    );
    // The form now carries the newer version: saving again knowingly replaces it.
    let newer = version_in(&page);
    assert_eq!(newer, row.version.to_string());
    let again = edit_fields(&entry, "Tekst uit het tweede tabblad.", &newer);
    let response = post_owned(&app, &hr, edit_path, &again).await;
    assert_eq!(response.status(), 303);
    let row = stored(&app, &app.a.id, "geduld").await.expect("stored");
    assert_eq!(row.description_nl, "Tekst uit het tweede tabblad.");
    // Retiring in between also makes an open edit stale.
    let (_, form) = get(&hr, &app, edit_path).await;
    let before = version_in(&form);
    catalogue::retire(&app.db, &hr_actor, "geduld")
        .await
        .expect("retire");
    let late = edit_fields(&entry, "Te laat.", &before);
    let response = post_owned(&app, &hr, edit_path, &late).await;
    assert_eq!(response.status(), 409);
}

async fn invalid_input_is_refused_with_field_errors(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let long = "x".repeat(301);
    let response = create_entry(
        &app,
        &hr,
        &[
            ("key", "Geen Slug"),
            ("kind", "talent"),
            ("category", "onbekend"),
            ("name_nl", ""),
            ("name_en", "Something"),
            ("description_nl", "Goed."),
            ("description_en", &long),
            ("pitfall_nl", "Te veel"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = body(response).await;
    for field in ["key", "category", "name_nl", "description_en", "quadrant"] {
        assert!(page.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("id=\"name_nl-fout\""));
    assert!(
        !page.contains("catalogue-error-"),
        "every message is translated"
    );
    assert!(
        page.contains("value=\"Something\""),
        "what was typed is kept"
    );

    // A core quality needs all six quadrant fields.
    let mut fields: Vec<(&str, &str)> = SPEELSHEID
        .iter()
        .copied()
        .filter(|(name, _)| !matches!(*name, "pitfall_nl" | "allergy_en"))
        .collect();
    let response = create_entry(&app, &hr, &fields).await;
    assert_eq!(response.status(), 422);
    let page = body(response).await;
    assert!(page.contains("href=\"#pitfall_nl\"") && page.contains("href=\"#allergy_en\""));
    assert!(!page.contains("href=\"#challenge_nl\""));

    // Names are unique per language, whatever the case or accents; keys are unique too.
    fields = SPEELSHEID.to_vec();
    fields.retain(|(name, _)| !matches!(*name, "name_nl" | "name_en" | "key"));
    fields.extend([
        ("name_nl", "ANALYSEREN"),
        ("name_en", "Cáring"),
        ("key", "zorgzaamheid"),
    ]);
    let response = create_entry(&app, &hr, &fields).await;
    assert_eq!(response.status(), 422);
    let page = body(response).await;
    for field in ["name_nl", "name_en", "key"] {
        assert!(page.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    // Editing validates the same way, and a retired entry's name is still taken.
    let hr_actor = actor(&app, &app.a.id, &app.a.admin_id).await;
    catalogue::retire(&app.db, &hr_actor, "analyseren")
        .await
        .expect("retire");
    let edit_path = "/beheer/catalogus/geduld/wijzigen";
    let (_, form) = get(&hr, &app, edit_path).await;
    let version = version_in(&form);
    let response = app
        .post_form(
            &hr,
            edit_path,
            edit_path,
            &[
                ("kind", "core_quality"),
                ("category", "persoonlijk-leiderschap"),
                ("name_nl", "Analyseren"),
                ("name_en", "Patience"),
                ("description_nl", "Je wacht rustig af."),
                ("description_en", "You wait calmly."),
                ("synonyms_nl", "geduldig, geduldig"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = body(response).await;
    for field in ["name_nl", "synonyms_nl", "pitfall_nl"] {
        assert!(page.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    let row = stored(&app, &app.a.id, "geduld").await.expect("stored");
    assert_eq!(row.name_nl, "Geduld", "nothing saved");
    // Unknown kinds are refused too.
    let mut fields = WIJKGERICHT.to_vec();
    fields.retain(|(name, _)| *name != "kind");
    fields.push(("kind", "vaardigheid"));
    let response = create_entry(&app, &hr, &fields).await;
    assert_eq!(response.status(), 422);
    assert!(body(response).await.contains("href=\"#kind\""));
}

async fn retiring_keeps_portfolio_items_and_stops_suggesting(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let form_path = "/portfolio/nieuw?sectie=core_qualities";
    let suggestion = "<option value=\"Zorgzaamheid\">";
    let (_, form) = get(&employee, &app, form_path).await;
    assert!(form.contains(suggestion), "offered from the catalogue");
    // "Suggest the quadrant" fills it in from the organisation's catalogue.
    let response = app
        .post_form(
            &employee,
            form_path,
            "/portfolio/nieuw",
            &[
                ("section", "core_qualities"),
                ("title", "zorgzaam"),
                ("actie", "voorstel"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    assert!(page.contains("value=\"Betuttelen\""));
    assert!(page.contains("name=\"catalogue_key\" value=\"zorgzaamheid\""));
    let response = app
        .post_form(
            &employee,
            form_path,
            "/portfolio/nieuw",
            &[
                ("section", "core_qualities"),
                ("title", "Zorgzaamheid"),
                ("catalogue_key", "zorgzaamheid"),
                ("pitfall", "Betuttelen"),
                ("challenge", "Loslaten"),
                ("allergy", "Onverschilligheid"),
                ("visibility", "organisation"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);

    let hr = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus",
            "/beheer/catalogus/zorgzaamheid/intrekken",
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);

    // The item is still there, still linked, and can still be edited.
    let (status, own) = get(&employee, &app, "/portfolio").await;
    assert_eq!(status, 200);
    assert!(own.contains("Zorgzaamheid") && own.contains("Betuttelen"));
    let mut conn = app.db.acquire().await.expect("conn");
    let item = kleur_storage::portfolio::items_of(
        &mut conn,
        &app.a.id,
        &app.a.employee_id,
        &["organisation"],
    )
    .await
    .expect("items")
    .remove(0);
    drop(conn);
    assert_eq!(item.catalogue_key.as_deref(), Some("zorgzaamheid"));
    let edit_path = format!("/portfolio/items/{}/wijzigen", item.id);
    let (status, edit) = get(&employee, &app, &edit_path).await;
    assert_eq!(status, 200);
    assert!(
        !edit.contains(suggestion),
        "no longer suggested when editing"
    );
    let response = app
        .post_form(
            &employee,
            &edit_path,
            &edit_path,
            &[
                ("title", "Zorgzaamheid"),
                ("catalogue_key", "zorgzaamheid"),
                ("pitfall", "Betuttelen"),
                ("challenge", "Loslaten en vertrouwen"),
                ("allergy", "Onverschilligheid"),
                ("visibility", "organisation"),
                ("version", &item.version.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let token = app.api_token(&app.a.id, &app.a.employee_id).await;
    let (_, portfolio) = api_get(&app, &token, "/api/v1/portfolio").await;
    assert_eq!(portfolio["items"][0]["catalogue_key"], "zorgzaamheid");
    assert_eq!(portfolio["items"][0]["title"], "Zorgzaamheid");
    // A colleague still sees it.
    let (_, colleague) = get(
        &hr,
        &app,
        &format!("/mensen/{}/portfolio", app.a.employee_id),
    )
    .await;
    assert!(colleague.contains("Zorgzaamheid"));

    // The retired entry is no longer offered, nor used for the quadrant.
    let (_, form) = get(&employee, &app, form_path).await;
    assert!(!form.contains(suggestion));
    assert!(
        form.contains("<option value=\"Geduld\">"),
        "others still are"
    );
    let response = app
        .post_form(
            &employee,
            form_path,
            "/portfolio/nieuw",
            &[
                ("section", "core_qualities"),
                ("title", "Zorgzaamheid"),
                ("actie", "voorstel"),
            ],
        )
        .await;
    let page = body(response).await;
    assert!(page.contains("staat niet in de catalogus"));
    assert!(!page.contains("value=\"Betuttelen\""));

    // The organisation's own entries are offered, and only in that organisation.
    assert_eq!(create_entry(&app, &hr, SPEELSHEID).await.status(), 303);
    let (_, form) = get(&employee, &app, form_path).await;
    assert!(form.contains("<option value=\"Speelsheid\">"));
    let response = app
        .post_form(
            &employee,
            form_path,
            "/portfolio/nieuw",
            &[
                ("section", "core_qualities"),
                ("title", "speels"),
                ("actie", "voorstel"),
            ],
        )
        .await;
    assert!(body(response).await.contains("value=\"Zwaarwichtigheid\""));
    let other = app.sign_in(&app.b.employee_email).await;
    let (_, form) = get(&other, &app, form_path).await;
    assert!(!form.contains("Speelsheid") && form.contains(suggestion));

    // Restored, it is offered again.
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus",
            "/beheer/catalogus/zorgzaamheid/terugzetten",
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, form) = get(&employee, &app, form_path).await;
    assert!(form.contains(suggestion));
}

async fn search_finds_synonyms_and_ignores_accents(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let token = app.api_token(&app.a.id, &app.a.employee_id).await;
    let found = async |q: &str| -> Vec<String> {
        let path = format!(
            "/api/v1/catalogue?per_page=200&q={}",
            url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        );
        let (status, json) = api_get(&app, &token, &path).await;
        assert_eq!(status, 200, "{q}");
        keys(&json)
    };
    // "geëngageerd" is a Dutch synonym of Betrokkenheid.
    for q in [
        "geëngageerd",
        "geengageerd",
        "GEËNGAGEERD",
        "  geengageerd ",
    ] {
        assert_eq!(found(q).await, ["betrokkenheid"], "{q}");
    }
    // English synonym, Dutch and English names, part of a word, an accent typed where none is.
    assert!(found("root cause").await.contains(&"analyseren".to_owned()));
    assert!(found("Analysing").await.contains(&"analyseren".to_owned()));
    assert!(found("zorgza").await.contains(&"zorgzaamheid".to_owned()));
    assert!(found("zörgzaam").await.contains(&"zorgzaamheid".to_owned()));
    assert!(found("élan").await.contains(&"enthousiasme".to_owned()));
    assert_eq!(found("risico's").await, found("risicos").await);
    assert!(found("xyzzy").await.is_empty());
    assert_eq!(
        found("%").await.len(),
        82,
        "a lone wildcard is no search at all"
    );
    // Terms do not run into each other: the last Dutch synonym and the first English one.
    assert!(
        found("oorzaken zoeken")
            .await
            .contains(&"analyseren".to_owned())
    );
    assert!(found("zoeken analytical").await.is_empty());

    // An HR-created entry is found by its synonyms in both languages.
    let hr = app.sign_in(&app.a.admin_email).await;
    assert_eq!(create_entry(&app, &hr, WIJKGERICHT).await.status(), 303);
    assert_eq!(found("gebiedsgericht").await, ["wijkgericht-werken"]);
    assert_eq!(found("Area Based").await, ["wijkgericht-werken"]);

    // The HR list searches the same way and combines it with the filters.
    let (status, page) = get(&hr, &app, "/beheer/catalogus?q=ge%C3%ABngageerd").await;
    assert_eq!(status, 200);
    assert!(page.contains("Betrokkenheid") && page.contains("1 onderdeel"));
    let (_, page) = get(&hr, &app, "/beheer/catalogus?q=geengageerd&soort=talent").await;
    assert!(page.contains("0 onderdelen"));
    let category = default_catalogue_ref()
        .entry("betrokkenheid")
        .expect("present")
        .category
        .clone();
    let (_, page) = get(
        &hr,
        &app,
        &format!("/beheer/catalogus?q=geengageerd&soort=core_quality&categorie={category}"),
    )
    .await;
    assert!(page.contains("1 onderdeel"), "{category}");
    let other = default_catalogue_ref()
        .categories
        .iter()
        .find(|c| c.key != category)
        .expect("another category")
        .key
        .clone();
    let (_, page) = get(
        &hr,
        &app,
        &format!("/beheer/catalogus?q=geengageerd&categorie={other}"),
    )
    .await;
    assert!(page.contains("0 onderdelen"));
}

on_both_databases!(
    seeding_is_idempotent_and_safe_when_racing,
    hr_creates_edits_retires_and_restores,
    employees_get_403_and_read_active_entries,
    another_organisations_entries_are_not_found,
    a_stale_edit_is_refused,
    invalid_input_is_refused_with_field_errors,
    retiring_keeps_portfolio_items_and_stops_suggesting,
    search_finds_synonyms_and_ignores_accents,
);
