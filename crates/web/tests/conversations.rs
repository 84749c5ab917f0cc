//! Development conversations through real HTTP, on both databases: only the two participants
//! see a conversation (not a teammate, another manager, HR, or the other organisation), each
//! party's note is private, the record needs both confirmations and a change asks for them again,
//! the agenda only carries what the manager may see, and the manager sees who is due or overdue.

mod support;

use chrono::{Duration, Utc};
use kleur_domain::Role;
use kleur_storage::{org, portfolio};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{Person, TestApp, person, text};

/// Team Noord of organisation A: manager Mila and her reports Olga, Tom and Tess; Otto manages
/// nobody in it.
struct Cast {
    manager: Person,
    olga: Person,
    tom: Person,
    tess: Person,
    other_manager: Person,
}

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
    .expect("unit")
    .id;
    let manager = person(app, &mut tx, "Mila Manager", &noord, None, &[Role::Manager]).await;
    let olga = person(app, &mut tx, "Olga Owner", &noord, Some(&manager.id), &[]).await;
    let tom = person(app, &mut tx, "Tom Teammate", &noord, Some(&manager.id), &[]).await;
    let tess = person(app, &mut tx, "Tess Third", &noord, Some(&manager.id), &[]).await;
    let other_manager = person(
        app,
        &mut tx,
        "Otto Othermanager",
        &app.a.unit_id,
        None,
        &[Role::Manager],
    )
    .await;
    tx.commit().await.expect("commit");
    Cast {
        manager,
        olga,
        tom,
        tess,
        other_manager,
    }
}

fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// Plans a conversation through the form; returns its path.
async fn plan(app: &TestApp, client: &reqwest::Client, employee_id: &str, date: &str) -> String {
    let response = app
        .post_form(
            client,
            "/gesprekken/nieuw",
            "/gesprekken/nieuw",
            &[
                ("employee_id", employee_id),
                ("planned_on", date),
                ("theme", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "planning");
    let location = response.headers()["location"].to_str().expect("location");
    location.split('?').next().expect("path").to_owned()
}

async fn version(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let (_, page) = text(client, app, path).await;
    let marker = "name=\"version\" value=\"";
    let start = page.find(marker).expect("version field") + marker.len();
    page[start..start + page[start..].find('"').expect("end")].to_owned()
}

async fn records_are_seen_only_by_the_two_participants(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let manager = app.sign_in(&cast.manager.email).await;
    let path = plan(&app, &manager, &cast.olga.id, &day(7)).await;
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/agenda"),
            &[("reference", "topic"), ("text", "Loopbaanwensen Olga")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let olga = app.sign_in(&cast.olga.email).await;
    let (status, page) = text(&olga, &app, &path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Loopbaanwensen Olga"));
    let (_, list) = text(&olga, &app, "/gesprekken").await;
    assert!(list.contains(&path));

    let tom = app.sign_in(&cast.tom.email).await;
    let other_manager = app.sign_in(&cast.other_manager.email).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let other_tenant = app.sign_in(&app.b.admin_email).await;
    for (who, client) in [
        ("teammate", &tom),
        ("other manager", &other_manager),
        ("HR", &hr),
        ("other organisation", &other_tenant),
    ] {
        let (status, page) = text(client, &app, &path).await;
        assert_eq!(status, 404, "{who} reads the conversation");
        assert!(!page.contains("Loopbaanwensen"), "{who}");
        let (_, list) = text(client, &app, "/gesprekken").await;
        assert!(!list.contains(&path), "{who} sees it listed");
        for (action, fields) in [
            (
                "agenda",
                vec![("reference", "topic"), ("text", "Ingebroken")],
            ),
            ("notitie", vec![("note", "Ingebroken")]),
            (
                "verslag",
                vec![
                    ("held_on", ""),
                    ("agreements", "Ingebroken"),
                    ("version", "1"),
                ],
            ),
            (
                "acties",
                vec![
                    ("text", "Ingebroken"),
                    ("owner", "employee"),
                    ("due_on", ""),
                ],
            ),
            ("bevestigen", vec![("version", "1")]),
        ] {
            let response = app
                .post_form(client, "/gesprekken", &format!("{path}/{action}"), &fields)
                .await;
            assert_eq!(response.status(), 404, "{who} posts to {action}");
        }
    }
    let (_, page) = text(&olga, &app, &path).await;
    assert!(!page.contains("Ingebroken"), "nothing was written");
    // HR plans nothing for someone who is not their report.
    let response = app
        .post_form(
            &hr,
            "/gesprekken/nieuw",
            "/gesprekken/nieuw",
            &[("employee_id", &cast.olga.id), ("planned_on", &day(3))],
        )
        .await;
    assert_eq!(response.status(), 422);
}

async fn private_notes_stay_private(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = app.sign_in(&cast.olga.email).await;
    let path = plan(&app, &olga, &cast.olga.id, &day(7)).await;
    let manager = app.sign_in(&cast.manager.email).await;
    for (client, note) in [
        (&olga, "Olga denkt aan een overstap"),
        (&manager, "Mila wil Olga coachen"),
    ] {
        let response = app
            .post_form(client, &path, &format!("{path}/notitie"), &[("note", note)])
            .await;
        assert_eq!(response.status(), 303);
    }
    let (_, olgas) = text(&olga, &app, &path).await;
    let (_, milas) = text(&manager, &app, &path).await;
    assert!(
        olgas.contains("Olga denkt aan een overstap") && !olgas.contains("Mila wil Olga coachen")
    );
    assert!(
        milas.contains("Mila wil Olga coachen") && !milas.contains("Olga denkt aan een overstap")
    );
    let (_, list) = text(&manager, &app, "/gesprekken").await;
    assert!(!list.contains("Olga denkt"));
}

async fn both_confirm_and_a_change_asks_again(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let manager = app.sign_in(&cast.manager.email).await;
    let olga = app.sign_in(&cast.olga.email).await;
    let path = plan(&app, &manager, &cast.olga.id, &day(-1)).await;
    // Not held yet: nothing to confirm.
    let v = version(&app, &olga, &path).await;
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/bevestigen"),
            &[("version", &v)],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Vul eerst de datum in")
    );
    // A date in the future is refused.
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/verslag"),
            &[("held_on", &day(5)), ("agreements", "x"), ("version", &v)],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/verslag"),
            &[
                ("held_on", &day(-1)),
                ("agreements", "Olga volgt de cursus projectleiding."),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    // An edit based on the old version is refused, not lost silently.
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/verslag"),
            &[
                ("held_on", &day(-1)),
                ("agreements", "Oud"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(response.status(), 409);

    let v = version(&app, &olga, &path).await;
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/bevestigen"),
            &[("version", &v)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &path).await;
    assert!(page.contains("Jij hebt dit verslag bevestigd"));
    let (_, page) = text(&manager, &app, &path).await;
    assert!(page.contains("De ander heeft dit verslag bevestigd"));
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/bevestigen"),
            &[("version", &v)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &path).await;
    assert!(page.contains("allebei bevestigd"));
    let (_, list) = text(&olga, &app, "/gesprekken").await;
    assert!(list.contains("verslag bevestigd door beiden"));

    // A new action changes the record: both confirm again.
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/acties"),
            &[
                ("text", "Cursus aanvragen"),
                ("owner", "employee"),
                ("due_on", &day(30)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &path).await;
    assert!(page.contains("Cursus aanvragen"));
    assert!(page.contains("Nog niemand heeft deze versie"));
    // Ticking an action off is progress, not a change of the record.
    let v = version(&app, &olga, &path).await;
    for client in [&olga, &manager] {
        let response = app
            .post_form(
                client,
                &path,
                &format!("{path}/bevestigen"),
                &[("version", &v)],
            )
            .await;
        assert_eq!(response.status(), 303);
    }
    let (_, page) = text(&olga, &app, &path).await;
    let action = page
        .split("/acties/")
        .nth(1)
        .expect("action form")
        .split('"')
        .next()
        .expect("id")
        .to_owned();
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/acties/{action}"),
            &[("done", "1")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &path).await;
    assert!(page.contains("allebei bevestigd"));
    // Bad action input.
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/acties"),
            &[("text", ""), ("owner", "hr"), ("due_on", "2026-02-31")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("body");
    assert!(
        page.contains("href=\"#action_text\"")
            && page.contains("href=\"#owner\"")
            && page.contains("href=\"#due_on\"")
    );
}

async fn the_agenda_only_carries_what_the_manager_may_see(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let mut tx = app.db.begin().await.expect("begin");
    let item = |title: &'static str, visibility: &'static str| portfolio::NewItem {
        section: "talents",
        title,
        body: "",
        visibility,
        catalogue_key: None,
        details: "{}",
    };
    let private = portfolio::insert_item(
        &mut tx,
        &app.a.id,
        &cast.olga.id,
        &item("Geheim talent", "private"),
    )
    .await
    .expect("item");
    let shared = portfolio::insert_item(
        &mut tx,
        &app.a.id,
        &cast.olga.id,
        &item("Gedeeld talent", "team"),
    )
    .await
    .expect("item");
    tx.commit().await.expect("commit");
    let olga = app.sign_in(&cast.olga.email).await;
    let manager = app.sign_in(&cast.manager.email).await;
    let path = plan(&app, &olga, &cast.olga.id, &day(7)).await;
    let (_, page) = text(&olga, &app, &path).await;
    assert!(
        page.contains("Gedeeld talent") && !page.contains("Geheim talent"),
        "only shared items are offered"
    );
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/agenda"),
            &[("reference", &format!("portfolio:{private}"))],
        )
        .await;
    assert_eq!(
        response.status(),
        422,
        "a private item cannot be put on the agenda"
    );
    let response = app
        .post_form(
            &manager,
            &path,
            &format!("{path}/agenda"),
            &[("reference", &format!("portfolio:{shared}"))],
        )
        .await;
    assert_eq!(
        response.status(),
        422,
        "the manager cannot put the employee's items on it"
    );
    let response = app
        .post_form(
            &olga,
            &path,
            &format!("{path}/agenda"),
            &[("reference", &format!("portfolio:{shared}"))],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&manager, &app, &path).await;
    assert!(page.contains("Gedeeld talent"));
    // Made private later: the manager no longer sees its title.
    let mut conn = app.db.acquire().await.expect("conn");
    assert!(
        portfolio::update_item(
            &mut conn,
            &app.a.id,
            &cast.olga.id,
            &shared,
            1,
            &item("Gedeeld talent", "private")
        )
        .await
        .expect("update")
    );
    drop(conn);
    let (_, page) = text(&manager, &app, &path).await;
    assert!(!page.contains("Gedeeld talent") && page.contains("(niet meer gedeeld)"));
}

async fn the_manager_sees_who_is_due_or_overdue(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let manager = app.sign_in(&cast.manager.email).await;
    plan(&app, &manager, &cast.olga.id, &day(-3)).await;
    plan(&app, &manager, &cast.tess.id, &day(20)).await;
    let (_, page) = text(&manager, &app, "/gesprekken").await;
    let row = |name: &str| -> String {
        let start = page
            .find(&format!("<th scope=\"row\">{name}</th>"))
            .unwrap_or_else(|| panic!("row of {name}"));
        page[start..start + page[start..].find("</tr>").expect("row end")].to_owned()
    };
    assert!(
        row("Olga Owner").contains("te laat"),
        "a planned date passed"
    );
    assert!(
        row("Tom Teammate").contains("toe aan een gesprek"),
        "never held"
    );
    assert!(row("Tess Third").contains("gepland"));
    // An employee has no team list.
    let olga = app.sign_in(&cast.olga.email).await;
    let (_, page) = text(&olga, &app, "/gesprekken").await;
    assert!(!page.contains("Tom Teammate"));
}

async fn hr_sets_the_cycle(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &hr,
            "/gesprekken/cyclus",
            "/gesprekken/cyclus",
            &[("per_year", "13"), ("themes", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &hr,
            "/gesprekken/cyclus",
            "/gesprekken/cyclus",
            &[("per_year", "3"), ("themes", "Terugblik\nOntwikkeling\n")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let olga = app.sign_in(&cast.olga.email).await;
    let (_, page) = text(&olga, &app, "/gesprekken").await;
    assert!(page.contains("3 gesprekken per jaar") && page.contains("Terugblik, Ontwikkeling"));
    assert_eq!(text(&olga, &app, "/gesprekken/cyclus").await.0, 403);
    // A theme outside the cycle is refused.
    let response = app
        .post_form(
            &olga,
            "/gesprekken/nieuw",
            "/gesprekken/nieuw",
            &[
                ("employee_id", &cast.olga.id),
                ("planned_on", &day(3)),
                ("theme", "Iets anders"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    // The other organisation keeps its own default.
    let other = app.sign_in(&app.b.admin_email).await;
    let (_, page) = text(&other, &app, "/gesprekken").await;
    assert!(page.contains("2 gesprekken per jaar"));
}

on_both_databases!(
    records_are_seen_only_by_the_two_participants,
    private_notes_stay_private,
    both_confirm_and_a_change_asks_again,
    the_agenda_only_carries_what_the_manager_may_see,
    the_manager_sees_who_is_due_or_overdue,
    hr_sets_the_cycle,
);
