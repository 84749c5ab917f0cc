//! The portfolio's authorisation matrix and behaviour, through real HTTP, on both databases.
//!
//! For every visibility and every relation of a viewer to the owner, the HTML page and the API
//! show exactly what the visibility allows; editing routes answer 404 to everyone but the owner.

mod support;

use kleur_domain::Role;
use kleur_domain::portfolio::Visibility;
use kleur_services::portfolio::{self, ItemInput};
use kleur_storage::{org, people};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{PASSWORD, TestApp};

struct Cast {
    owner: String,
    viewers: Vec<(&'static str, String, String)>,
    items: Vec<(Visibility, String)>,
}

async fn person(
    app: &TestApp,
    tx: &mut kleur_storage::Tx,
    name: &str,
    unit: &str,
    manager: Option<&str>,
    roles: &[Role],
) -> (String, String) {
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let email = format!("{}@aaa.nl", name.to_lowercase().replace(' ', "."));
    let id = people::insert_person(
        tx,
        &people::NewPerson {
            organisation_id: &app.a.id,
            employee_number: None,
            display_name: name,
            email: &email,
            function_title: "",
            unit_id: Some(unit),
            manager_id: manager,
            password_hash: Some(&hash),
        },
    )
    .await
    .expect("person");
    for role in std::iter::once(&Role::Employee).chain(roles) {
        people::grant_role(tx, &app.a.id, &id, role.as_str())
            .await
            .expect("role");
    }
    (id, email)
}

/// An owner in Team Noord with a manager in another unit, and every kind of viewer.
async fn cast(app: &TestApp) -> Cast {
    let mut tx = app.db.begin().await.expect("begin");
    let noord = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Noord",
        "aaa > team noord",
    )
    .await
    .expect("unit");
    let zuid = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Zuid",
        "aaa > team zuid",
    )
    .await
    .expect("unit");
    let (manager, manager_email) = person(
        app,
        &mut tx,
        "Mila Manager",
        &zuid.id,
        None,
        &[Role::Manager],
    )
    .await;
    let (owner, _) = person(app, &mut tx, "Olga Owner", &noord.id, Some(&manager), &[]).await;
    let (_, teammate) = person(app, &mut tx, "Tom Teammate", &noord.id, Some(&manager), &[]).await;
    let (_, other_manager) = person(
        app,
        &mut tx,
        "Otto Othermanager",
        &zuid.id,
        None,
        &[Role::Manager],
    )
    .await;
    let (_, colleague) = person(app, &mut tx, "Cor Colleague", &zuid.id, None, &[]).await;
    let (_, hr) = person(app, &mut tx, "Hanna Hr", &zuid.id, None, &[Role::HrAdviser]).await;
    tx.commit().await.expect("commit");
    let owner_actor = {
        let mut conn = app.db.acquire().await.expect("conn");
        kleur_services::actor::load(&mut conn, &app.a.id, &owner)
            .await
            .expect("actor")
    };
    let mut items = Vec::new();
    for visibility in Visibility::ALL {
        let title = format!("Geheim-{}", visibility.as_str());
        let input = ItemInput {
            section: "talents".into(),
            title: title.clone(),
            visibility: visibility.as_str().into(),
            ..Default::default()
        };
        let id = portfolio::add_item(&app.db, &owner_actor, &input)
            .await
            .expect("item");
        items.push((visibility, id));
    }
    let viewers = vec![
        ("own manager", manager_email, "manager"),
        ("teammate", teammate, "teammate"),
        ("other manager", other_manager, "colleague"),
        ("other-unit colleague", colleague, "colleague"),
        ("HR adviser", hr, "colleague"),
        ("administrator", app.a.admin_email.clone(), "colleague"),
    ]
    .into_iter()
    .map(|(label, email, relation)| (label, email, relation.to_owned()))
    .collect();
    Cast {
        owner,
        viewers,
        items,
    }
}

fn allowed(relation: &str) -> &'static [Visibility] {
    match relation {
        "manager" => &[
            Visibility::Manager,
            Visibility::Team,
            Visibility::Organisation,
        ],
        "teammate" => &[Visibility::Team, Visibility::Organisation],
        _ => &[Visibility::Organisation],
    }
}

async fn visibility_matrix_holds_on_pages_and_api(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let api = reqwest::Client::new();
    for (label, email, relation) in &cast.viewers {
        let browser = app.sign_in(email).await;
        let page = browser
            .get(app.url(&format!("/mensen/{}/portfolio", cast.owner)))
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), 200, "{label}");
        let body = page.text().await.expect("body");
        let person_id = {
            let mut conn = app.db.acquire().await.expect("conn");
            people::find_person_by_email(&mut conn, &app.a.id, email)
                .await
                .expect("find")
                .expect("exists")
                .id
        };
        let token = app.api_token(&app.a.id, &person_id).await;
        let json: serde_json::Value = api
            .get(app.url(&format!("/api/v1/people/{}/portfolio", cast.owner)))
            .bearer_auth(&token)
            .send()
            .await
            .expect("api")
            .json()
            .await
            .expect("json");
        let api_titles: Vec<&str> = json["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["title"].as_str())
            .collect();
        for (visibility, item_id) in &cast.items {
            let title = format!("Geheim-{}", visibility.as_str());
            let may = allowed(relation).contains(visibility);
            assert_eq!(
                body.contains(&title),
                may,
                "{label} on the page, {visibility} item"
            );
            assert_eq!(
                api_titles.contains(&title.as_str()),
                may,
                "{label} over the API, {visibility} item"
            );
            // Nobody but the owner reaches the editing routes, whatever the visibility.
            let edit = browser
                .get(app.url(&format!("/portfolio/items/{item_id}/wijzigen")))
                .send()
                .await
                .expect("edit");
            assert_eq!(edit.status(), 404, "{label} editing a {visibility} item");
            let response = app
                .post_form(
                    &browser,
                    "/",
                    &format!("/portfolio/items/{item_id}/verwijderen"),
                    &[],
                )
                .await;
            assert_eq!(
                response.status(),
                404,
                "{label} removing a {visibility} item"
            );
            let response = api
                .put(app.url(&format!("/api/v1/portfolio/items/{item_id}")))
                .bearer_auth(&token)
                .json(&serde_json::json!({"title": "overgenomen"}))
                .send()
                .await
                .expect("put");
            assert_eq!(
                response.status(),
                404,
                "{label} changing a {visibility} item over the API"
            );
        }
        assert!(
            json["items"]
                .as_array()
                .expect("items")
                .iter()
                .all(|i| i["visibility"].is_null()),
            "visibility is the owner's business"
        );
    }
    // Another organisation does not find the person at all.
    let outsider = app.sign_in(&app.b.admin_email).await;
    let response = outsider
        .get(app.url(&format!("/mensen/{}/portfolio", cast.owner)))
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), 404);
    let token = app.api_token(&app.b.id, &app.b.admin_id).await;
    let response = api
        .get(app.url(&format!("/api/v1/people/{}/portfolio", cast.owner)))
        .bearer_auth(&token)
        .send()
        .await
        .expect("api");
    assert_eq!(response.status(), 404);
    for (_, item_id) in &cast.items {
        let response = outsider
            .get(app.url(&format!("/portfolio/items/{item_id}/wijzigen")))
            .send()
            .await
            .expect("edit");
        assert_eq!(response.status(), 404);
    }

    // The owner sees everything, and who looked: six colleagues, twice each (page and API).
    let mut conn = app.db.acquire().await.expect("conn");
    let owner_email = people::get_person(&mut conn, &app.a.id, &cast.owner)
        .await
        .expect("get")
        .expect("owner")
        .email;
    drop(conn);
    let owner = app.sign_in(&owner_email).await;
    let own = owner
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    for visibility in Visibility::ALL {
        assert!(own.contains(&format!("Geheim-{}", visibility.as_str())));
    }
    let views = owner
        .get(app.url("/portfolio/bekeken"))
        .send()
        .await
        .expect("views")
        .text()
        .await
        .expect("body");
    for name in [
        "Mila Manager",
        "Tom Teammate",
        "Otto Othermanager",
        "Cor Colleague",
        "Hanna Hr",
        "Beheerder aaa",
    ] {
        assert!(views.contains(name), "{name} is listed as a viewer");
    }
    assert!(
        !views.contains("Beheerder bbb"),
        "the outsider saw nothing, so is not listed"
    );
}

async fn owner_manages_items(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.employee_email).await;
    // Invalid input is refused with field errors; nothing is stored.
    let response = app
        .post_form(
            &client,
            "/portfolio/nieuw?sectie=talents",
            "/portfolio/nieuw",
            &[("section", "talents"), ("title", ""), ("strength", "9")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(body.contains("href=\"#title\"") && body.contains("href=\"#strength\""));

    for title in ["Verbinden", "Analyseren", "<script>alert(1)</script>"] {
        let response = app
            .post_form(
                &client,
                "/portfolio/nieuw?sectie=talents",
                "/portfolio/nieuw",
                &[
                    ("section", "talents"),
                    ("title", title),
                    ("strength", "4"),
                    ("visibility", "team"),
                    ("situation", "Wijkavond in Noord"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{title}");
    }
    let page = client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    assert!(
        !page.contains("<script>alert(1)</script>"),
        "item text is escaped"
    );
    assert!(
        page.contains("&lt;script&gt;") || page.contains("&#60;script&#62;"),
        "and still shown"
    );
    let position = |page: &str, text: &str| page.find(text).unwrap_or(usize::MAX);
    assert!(position(&page, "Verbinden") < position(&page, "Analyseren"));

    let mut conn = app.db.acquire().await.expect("conn");
    let items = kleur_storage::portfolio::items_of(
        &mut conn,
        &app.a.id,
        &app.a.employee_id,
        &["private", "manager", "team", "organisation"],
    )
    .await
    .expect("items");
    drop(conn);
    let second = items
        .iter()
        .find(|i| i.title == "Analyseren")
        .expect("second")
        .id
        .clone();
    let response = app
        .post_form(
            &client,
            "/portfolio",
            &format!("/portfolio/items/{second}/omhoog"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    assert!(
        position(&page, "Analyseren") < position(&page, "Verbinden"),
        "moved up"
    );

    // A stale edit (another tab saved first) is refused and nothing is lost.
    let edit_path = format!("/portfolio/items/{second}/wijzigen");
    let form = client
        .get(app.url(&edit_path))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    let version = form
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("version")
        .to_owned();
    let first_tab = app
        .post_form(
            &client,
            &edit_path,
            &edit_path,
            &[
                ("title", "Analyseren (tab 1)"),
                ("version", &version),
                ("visibility", "team"),
            ],
        )
        .await;
    assert_eq!(first_tab.status(), 303);
    let second_tab = app
        .post_form(
            &client,
            &edit_path,
            &edit_path,
            &[
                ("title", "Analyseren (tab 2)"),
                ("version", &version),
                ("visibility", "team"),
            ],
        )
        .await;
    assert_eq!(second_tab.status(), 409);
    let body = second_tab.text().await.expect("body");
    assert!(
        body.contains("Analyseren (tab 2)"),
        "what was typed in the second tab is kept in the form"
    );
    let mut conn = app.db.acquire().await.expect("conn");
    let stored = kleur_storage::portfolio::get_item(&mut conn, &app.a.id, &second)
        .await
        .expect("get")
        .expect("item");
    assert_eq!(
        stored.title, "Analyseren (tab 1)",
        "the first save is not overwritten silently"
    );
    drop(conn);

    // Removing asks first, and can be undone.
    let confirm = client
        .get(app.url(&format!("/portfolio/items/{second}/verwijderen")))
        .send()
        .await
        .expect("confirm");
    assert_eq!(confirm.status(), 200);
    let removed = app
        .post_form(
            &client,
            "/portfolio",
            &format!("/portfolio/items/{second}/verwijderen"),
            &[],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let page = client
        .get(app.url(removed.headers()["location"].to_str().expect("location")))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    assert!(!page.contains("Analyseren (tab 1)") && page.contains("Ongedaan maken"));
    let undone = app
        .post_form(
            &client,
            "/portfolio",
            &format!("/portfolio/items/{second}/herstellen"),
            &[],
        )
        .await;
    assert_eq!(undone.status(), 303);
    let page = client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Analyseren (tab 1)"), "restored");
}

async fn files_are_checked_and_private(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.employee_email).await;
    let response = app
        .post_form(
            &client,
            "/portfolio/nieuw?sectie=results",
            "/portfolio/nieuw",
            &[
                ("section", "results"),
                ("title", "Certificaat mediation"),
                ("kind", "certificate"),
                ("date", "2026-06-30"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mut conn = app.db.acquire().await.expect("conn");
    let item =
        kleur_storage::portfolio::items_of(&mut conn, &app.a.id, &app.a.employee_id, &["private"])
            .await
            .expect("items")
            .remove(0);
    drop(conn);
    let csrf = app
        .csrf(&client, &format!("/portfolio/items/{}/wijzigen", item.id))
        .await;
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
        client
            .post(app.url(&format!("/portfolio/items/{}/bestand?csrf={csrf}", item.id)))
            .multipart(form)
            .send()
    };
    let refused = upload(b"MZ\x90\x00 not a pdf".to_vec(), "virus.pdf")
        .await
        .expect("upload");
    assert_eq!(
        refused.status(),
        422,
        "the content decides the type, not the name"
    );
    let accepted = upload(b"%PDF-1.7\n1 0 obj\n".to_vec(), "certificaat.pdf")
        .await
        .expect("upload");
    assert_eq!(accepted.status(), 303);
    let page = client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    let file_path = page
        .split("href=\"/portfolio/bestanden/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("file link")
        .to_owned();
    let download = client
        .get(app.url(&format!("/portfolio/bestanden/{file_path}")))
        .send()
        .await
        .expect("download");
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(
        download
            .bytes()
            .await
            .expect("bytes")
            .starts_with(b"%PDF-1.7")
    );
    // The item is private: a colleague cannot fetch the file even with its id.
    let colleague = app.sign_in(&app.a.admin_email).await;
    let response = colleague
        .get(app.url(&format!("/portfolio/bestanden/{file_path}")))
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 404);
    // Without the CSRF token, no upload.
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("x.pdf"),
    );
    let response = client
        .post(app.url(&format!("/portfolio/items/{}/bestand", item.id)))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), 403);
}

async fn export_imports_into_another_organisation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let client = app.sign_in(&app.a.employee_email).await;
    let items: [&[(&str, &str)]; 4] = [
        &[
            ("section", "values"),
            ("title", "Inwoner centraal"),
            ("body", "Ik werk voor de mensen in de wijk.\nAltijd."),
            ("visibility", "organisation"),
        ],
        &[
            ("section", "talents"),
            ("title", "Verbinden"),
            ("strength", "5"),
            ("enjoyment", "4"),
            ("witness", "Sanne"),
            ("visibility", "team"),
        ],
        &[
            ("section", "core_qualities"),
            ("title", "Zorgzaamheid"),
            ("pitfall", "Betuttelen"),
            ("challenge", "Loslaten"),
            ("allergy", "Onverschilligheid"),
        ],
        &[
            ("section", "ambitions"),
            ("title", "Projectleider worden"),
            ("open_to", "projects"),
            ("open_to", "roles"),
            ("visibility", "manager"),
        ],
    ];
    for fields in items {
        let section = fields[0].1;
        let response = app
            .post_form(
                &client,
                &format!("/portfolio/nieuw?sectie={section}"),
                "/portfolio/nieuw",
                fields,
            )
            .await;
        assert_eq!(response.status(), 303, "{section}");
    }
    let export = client
        .get(app.url("/portfolio/export.json"))
        .send()
        .await
        .expect("export");
    assert_eq!(export.status(), 200);
    let bytes = export.bytes().await.expect("bytes").to_vec();
    let document: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(document["format"], "kleur-portfolio");
    assert_eq!(document["items"].as_array().expect("items").len(), 4);

    // The same person moves to organisation B and takes the portfolio along.
    let other = app.sign_in(&app.b.employee_email).await;
    let csrf = app.csrf(&other, "/portfolio/importeren").await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes.clone()).file_name("kleur-portfolio.json"),
    );
    let response = other
        .post(app.url(&format!("/portfolio/importeren?csrf={csrf}")))
        .multipart(form)
        .send()
        .await
        .expect("import");
    assert_eq!(response.status(), 303);
    let again = other
        .get(app.url("/portfolio/export.json"))
        .send()
        .await
        .expect("export")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    let strip = |doc: &serde_json::Value| -> Vec<serde_json::Value> {
        doc["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                let mut i = i.clone();
                i.as_object_mut().expect("object").remove("created_at");
                i
            })
            .collect()
    };
    assert_eq!(
        strip(&again),
        strip(&document),
        "every item, field and visibility survives the move"
    );

    // A broken file adds nothing.
    let broken = String::from_utf8(bytes)
        .expect("utf8")
        .replace("\"Verbinden\"", "\"\"");
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(broken.into_bytes()).file_name("x.json"),
    );
    let csrf = app.csrf(&other, "/portfolio/importeren").await;
    let response = other
        .post(app.url(&format!("/portfolio/importeren?csrf={csrf}")))
        .multipart(form)
        .send()
        .await
        .expect("import");
    assert_eq!(response.status(), 422);
    assert!(response.text().await.expect("body").contains("Onderdeel 2"));
    let count = other
        .get(app.url("/portfolio/export.json"))
        .send()
        .await
        .expect("export")
        .json::<serde_json::Value>()
        .await
        .expect("json")["items"]
        .as_array()
        .expect("items")
        .len();
    assert_eq!(count, 4);
}

/// A reflection can point to a goal and a feedback round; a viewer sees the goal only if the
/// goal's own visibility allows it, and the round never.
async fn reflections_link_goals_and_rounds_as_far_as_the_viewer_may_see(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let actor_of = |person: String| {
        let db = app.db.clone();
        let organisation = app.a.id.clone();
        async move {
            let mut conn = db.acquire().await.expect("conn");
            kleur_services::actor::load(&mut conn, &organisation, &person)
                .await
                .expect("actor")
        }
    };
    let owner = actor_of(app.a.employee_id.clone()).await;
    let goal = |title: &str, visibility: &str| kleur_services::goals::GoalInput {
        level: "personal".into(),
        cycle: kleur_services::goals::current_cycle().to_string(),
        title: title.into(),
        visibility: visibility.into(),
        ..Default::default()
    };
    let private_goal =
        kleur_services::goals::create(&app.db, &owner, &goal("Geheim doel", "private"))
            .await
            .expect("goal");
    let shared_goal =
        kleur_services::goals::create(&app.db, &owner, &goal("Gedeeld doel", "organisation"))
            .await
            .expect("goal");
    // Someone else's private goal cannot be linked.
    let admin = actor_of(app.a.admin_id.clone()).await;
    let foreign = kleur_services::goals::create(&app.db, &admin, &goal("Van een ander", "private"))
        .await
        .expect("goal");
    let client = app.sign_in(&app.a.employee_email).await;
    let refused = app
        .post_form(
            &client,
            "/portfolio/nieuw?sectie=reflections",
            "/portfolio/nieuw",
            &[
                ("section", "reflections"),
                ("title", "X"),
                ("goal_id", foreign.as_str()),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("href=\"#goal_id\"")
    );
    for (title, goal_id) in [
        ("Over mijn geheime doel", &private_goal),
        ("Over mijn gedeelde doel", &shared_goal),
    ] {
        let response = app
            .post_form(
                &client,
                "/portfolio/nieuw?sectie=reflections",
                "/portfolio/nieuw",
                &[
                    ("section", "reflections"),
                    ("title", title),
                    ("goal_id", goal_id.as_str()),
                    ("visibility", "organisation"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{title}");
    }
    let own = client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("own")
        .text()
        .await
        .expect("body");
    assert!(
        own.contains("Geheim doel") && own.contains("Gedeeld doel"),
        "the owner sees both links"
    );
    let colleague = app.sign_in(&app.a.admin_email).await;
    let page = colleague
        .get(app.url(&format!("/mensen/{}/portfolio", app.a.employee_id)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("Over mijn geheime doel"),
        "the reflection itself is shared"
    );
    assert!(
        !page.contains("Geheim doel"),
        "but not the title of a goal the viewer may not see"
    );
    assert!(page.contains("Gedeeld doel"), "a shared goal is linked");
}

/// Many colleagues opening a portfolio at once, more than the pool has connections: each view
/// is recorded in a transaction of its own, and no view holds one connection while it waits for
/// another (which let concurrent views take the whole pool and time out).
async fn concurrent_views_do_not_exhaust_the_pool(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db.acquire().await.expect("conn");
    let viewer = kleur_services::actor::load(&mut conn, &app.a.id, &app.a.employee_id)
        .await
        .expect("actor");
    drop(conn);
    let mut views = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (db, viewer, owner) = (app.db.clone(), viewer.clone(), app.a.admin_id.clone());
        views.spawn(async move { portfolio::view(&db, &viewer, &owner).await.is_ok() });
    }
    let mut done = 0;
    while let Some(outcome) = views.join_next().await {
        assert!(outcome.expect("task"), "a concurrent view failed");
        done += 1;
    }
    assert_eq!(done, 40);
    let mut conn = app.db.acquire().await.expect("conn");
    let (viewed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM portfolio_views WHERE organisation_id = $1 AND owner_id = $2",
    )
    .bind(&app.a.id)
    .bind(&app.a.admin_id)
    .fetch_one(&mut *conn)
    .await
    .expect("count");
    assert_eq!(viewed, 40, "every view recorded");
}

on_both_databases!(
    concurrent_views_do_not_exhaust_the_pool,
    reflections_link_goals_and_rounds_as_far_as_the_viewer_may_see,
    visibility_matrix_holds_on_pages_and_api,
    owner_manages_items,
    files_are_checked_and_private,
    export_imports_into_another_organisation,
);
