//! Privacy rights and the audit log through real HTTP on both databases: erasure leaves no
//! reference to the person in any table, the download holds one's own data only, retention
//! cleans up, and the audit log records events and cannot be changed.

mod support;

use kleur_services::{Actor, actor, feedback, goals, portfolio};
use kleur_storage::privacy::{self, Identity};
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn load(app: &TestApp, organisation_id: &str, person_id: &str) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

fn deadline() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string()
}

/// The answer links in the outbox sent to `recipient`.
async fn links_to(app: &TestApp, recipient: &str) -> Vec<String> {
    let mut conn = app.db.acquire().await.expect("conn");
    let (messages, _) = kleur_storage::outbox::list_recent(&mut conn, &app.a.id, 500, 0)
        .await
        .expect("outbox");
    messages
        .into_iter()
        .filter(|m| m.recipient == recipient)
        .filter_map(|m| {
            let start = m.body_text.find("/feedback/antwoord/")?;
            Some(
                m.body_text[start..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect(),
            )
        })
        .collect()
}

async fn answer(app: &TestApp, path: &str) {
    let client = app.client();
    let body = client
        .get(app.url(path))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    let csrf = support::hidden_csrf(&body).expect("csrf");
    let mut form = vec![
        ("csrf".to_owned(), csrf),
        ("actie".to_owned(), "versturen".to_owned()),
    ];
    for key in [
        "verbinden",
        "luisteren",
        "inwoner",
        "samenwerken",
        "initiatief",
        "helder",
        "rust",
        "leren",
    ] {
        form.push((format!("rating-{key}"), "4".to_owned()));
    }
    let response = client
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .expect("submit");
    assert!(response.status().is_redirection() || response.status().is_success());
}

async fn count(app: &TestApp, sql: &str, bind: &str) -> i64 {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(bind.to_owned())
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("value")
}

/// Gives the employee of tenant a data in every table that can refer to a person.
async fn fill_with_data_about_the_employee(app: &TestApp) -> (Actor, Actor) {
    let admin = load(app, &app.a.id, &app.a.admin_id).await;
    let employee = load(app, &app.a.id, &app.a.employee_id).await;
    // Sixteen weeks of check-ins, shared with the manager.
    kleur_services::checkins::seed_demo(&app.db, &app.a.id, &[(app.a.employee_id.clone(), true)])
        .await
        .expect("check-ins");
    let settings = kleur_services::Settings {
        base_url: app.base.clone(),
        session_hours: 12,
    };
    // The employee manages the administrator (people.manager_id).
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_storage::people::set_manager(
        &mut conn,
        &app.a.id,
        &app.a.admin_id,
        Some(&app.a.employee_id),
    )
    .await
    .expect("manager");
    kleur_storage::availability::set(
        &mut conn,
        &app.a.id,
        &app.a.employee_id,
        &kleur_storage::availability::Availability {
            open_to_opportunities: true,
            open_to_teams: true,
            hours_per_week: Some(8),
            available_from: None,
        },
    )
    .await
    .expect("availability");
    drop(conn);
    // Portfolio, personal goal with progress, a team goal with their progress.
    portfolio::add_item(
        &app.db,
        &employee,
        &portfolio::ItemInput {
            section: "talents".into(),
            title: "Verbinden van mensen".into(),
            body: "Ik breng mensen samen.".into(),
            visibility: "organisation".into(),
            strength: "4".into(),
            ..Default::default()
        },
    )
    .await
    .expect("item");
    let admin_item = portfolio::add_item(
        &app.db,
        &admin,
        &portfolio::ItemInput {
            section: "talents".into(),
            title: "Ordenen".into(),
            visibility: "organisation".into(),
            strength: "3".into(),
            ..Default::default()
        },
    )
    .await
    .expect("admin item");
    let personal = goals::create(
        &app.db,
        &employee,
        &goals::GoalInput {
            level: "personal".into(),
            cycle: "2026".into(),
            title: "Cursus timemanagement".into(),
            visibility: "private".into(),
            ..Default::default()
        },
    )
    .await
    .expect("goal");
    goals::add_progress(
        &app.db,
        &employee,
        &personal,
        &goals::ProgressInput {
            percent: "40".into(),
            note: "Halverwege".into(),
            ..Default::default()
        },
    )
    .await
    .expect("progress");
    let team = goals::create(
        &app.db,
        &admin,
        &goals::GoalInput {
            level: "team".into(),
            cycle: "2026".into(),
            title: "Dienstverlening verbeteren".into(),
            unit_id: app.a.unit_id.clone(),
            ..Default::default()
        },
    )
    .await
    .expect("team goal");
    goals::add_progress(
        &app.db,
        &employee,
        &team,
        &goals::ProgressInput {
            percent: "10".into(),
            note: "Eerste stap gezet".into(),
            ..Default::default()
        },
    )
    .await
    .expect("team progress");
    // Portfolio views both ways (portfolio_views and the audit log).
    portfolio::view(&app.db, &admin, &app.a.employee_id)
        .await
        .expect("admin views");
    portfolio::view(&app.db, &employee, &app.a.admin_id)
        .await
        .expect("employee views");
    // Their own feedback round, inviting the administrator and someone outside.
    feedback::start_round(
        &app.db,
        &settings,
        &employee,
        &feedback::RoundInput {
            title: "Mijn ronde".into(),
            deadline: deadline(),
            peers: app.a.admin_email.clone(),
            externals: "klant@voorbeeld.nl".into(),
            // Small groups: start anyway (they are merged or hidden in the report).
            small_groups_ok: "ja".into(),
            ..Default::default()
        },
    )
    .await
    .expect("own round");
    // Two rounds of the administrator inviting them: one answered, one not.
    for title in ["Ronde een", "Ronde twee"] {
        feedback::start_round(
            &app.db,
            &settings,
            &admin,
            &feedback::RoundInput {
                title: title.into(),
                deadline: deadline(),
                peers: app.a.employee_email.clone(),
                small_groups_ok: "ja".into(),
                ..Default::default()
            },
        )
        .await
        .expect("admin round");
    }
    // Their own self-assessment link and the two invitations of the administrator.
    let links = links_to(app, &app.a.employee_email).await;
    assert_eq!(links.len(), 3, "three links to the employee");
    let mut answered = false;
    for link in &links {
        let form = app.client().get(app.url(link)).send().await.expect("form");
        if form.text().await.expect("body").contains("Beheerder aaa") {
            answer(app, link).await;
            answered = true;
            break;
        }
    }
    assert!(answered);
    // Signing in (session, audit), a failed attempt, a reset request, an API key, a role.
    let employee_browser = app.sign_in(&app.a.employee_email).await;
    fail_sign_in(app, &app.a.employee_email).await;
    kleur_services::auth::request_password_reset(&app.db, &settings, &app.a.employee_email)
        .await
        .expect("reset");
    app.api_token(&app.a.id, &app.a.employee_id).await;
    kleur_services::people::set_role(
        &app.db,
        &admin,
        &app.a.employee_id,
        kleur_domain::Role::Manager,
        true,
    )
    .await
    .expect("role");
    let response = employee_browser
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile");
    assert_eq!(response.status(), 200);
    let _ = admin_item;
    (admin, employee)
}

async fn fail_sign_in(app: &TestApp, email: &str) {
    let wrong = app.client();
    let csrf = app.csrf(&wrong, "/inloggen").await;
    let response = wrong
        .post(app.url("/inloggen"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", "fout wachtwoord"),
        ])
        .send()
        .await
        .expect("failed sign-in");
    assert_eq!(response.status(), 401);
}

fn identity(app: &TestApp) -> Identity {
    Identity {
        organisation_id: app.a.id.clone(),
        person_id: app.a.employee_id.clone(),
        email: app.a.employee_email.clone(),
        display_name: "Medewerker aaa".into(),
        login_subject: kleur_services::auth::failure_subject(&app.a.employee_email),
    }
}

async fn erasure_leaves_no_reference_in_any_table(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    fill_with_data_about_the_employee(&app).await;
    let who = identity(&app);
    let employee_browser = app.sign_in(&app.a.employee_email).await;
    fail_sign_in(&app, &app.a.employee_email).await;

    // The talent directory finds them before (this node's index is built now).
    let admin_actor = load(&app, &app.a.id, &app.a.admin_id).await;
    let found = async || {
        kleur_services::directory::search(
            &app.db,
            &admin_actor,
            &kleur_services::directory::SearchInput {
                query: "verbinden".into(),
                ..Default::default()
            },
            kleur_domain::PageRequest::new(None, None),
            kleur_domain::Locale::Nl,
        )
        .await
        .expect("search")
        .page
        .items
        .iter()
        .any(|f| f.person.id == app.a.employee_id)
    };
    assert!(found().await, "found before the erasure");

    let mut conn = app.db.acquire().await.expect("conn");
    let before = privacy::count_references(&mut conn, &who)
        .await
        .expect("count");
    drop(conn);
    // The fixture really reaches the tables the erasure must clean.
    for table in [
        "people.id",
        "people.manager_id",
        "person_roles.person_id",
        "sessions.person_id",
        "api_tokens.person_id",
        "login_failures.subject_hash",
        "password_resets.person_id",
        "portfolio_items.owner_id",
        "portfolio_views.viewer_id",
        "goals.owner_id",
        "goals.created_by",
        "goal_progress.author_id",
        "feedback_rounds.subject_id",
        "feedback_invitations.person_id",
        "feedback_invitations.email",
        "outbox.recipient",
        "outbox.body_text",
        "person_availability.person_id",
        "checkins.person_id",
        "audit_log.actor_id",
        "audit_log.subject_id",
    ] {
        assert!(
            before.iter().any(|(name, n)| name == table && *n > 0),
            "the fixture has no reference in {table}: {before:?}"
        );
    }
    let other_before = count(
        &app,
        "SELECT COUNT(*) FROM portfolio_items WHERE organisation_id = $1",
        &app.b.id,
    )
    .await;

    let admin = app.sign_in(&app.a.admin_email).await;
    let path = format!("/beheer/mensen/{}/wissen", app.a.employee_id);
    let page = admin.get(app.url(&path)).send().await.expect("form");
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .expect("body")
            .contains(&app.a.employee_email)
    );
    // The confirmation step: a wrong address erases nothing.
    let response = app
        .post_form(&admin, &path, &path, &[("bevestiging", "iemand@anders.nl")])
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM people WHERE id = $1",
            &app.a.employee_id
        )
        .await
            == 1
    );
    // An employee cannot erase anyone; another tenant's administrator cannot see them.
    let response = app
        .post_form(
            &employee_browser,
            "/profiel",
            &path,
            &[("bevestiging", &app.a.employee_email)],
        )
        .await;
    assert_eq!(response.status(), 403);
    let outsider = app.sign_in(&app.b.admin_email).await;
    let response = outsider.get(app.url(&path)).send().await.expect("outsider");
    assert_eq!(response.status(), 404);

    let response = app
        .post_form(
            &admin,
            &path,
            &path,
            &[("bevestiging", &app.a.employee_email.to_uppercase())],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/beheer/mensen?klaar=privacy-erased"
    );

    let mut conn = app.db.acquire().await.expect("conn");
    let after = privacy::count_references(&mut conn, &who)
        .await
        .expect("count");
    drop(conn);
    assert_eq!(
        after,
        Vec::<(String, i64)>::new(),
        "references left after erasure"
    );
    // Nor do the search index's change signals name them, and the node's index forgot them.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM search_changes WHERE person_id = $1",
            &app.a.employee_id
        )
        .await,
        0
    );
    assert!(!found().await, "found after the erasure");

    // Their session ended with them.
    let response = employee_browser
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile");
    assert_eq!(response.status(), 303);
    // What belongs to others stays: the administrator's items and rounds, the answer they gave
    // (anonymous, its invitation without them), the team goal and its progress (anonymised),
    // the other organisation.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM portfolio_items WHERE owner_id = $1",
            &app.a.admin_id
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_rounds WHERE subject_id = $1",
            &app.a.admin_id
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_invitations WHERE submitted = 1 AND email = $1",
            privacy::ERASED_EMAIL
        )
        .await,
        1
    );
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_responses WHERE organisation_id = $1",
            &app.a.id
        )
        .await
            >= 1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM goal_progress WHERE author_id = $1",
            privacy::PLACEHOLDER_ID
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM portfolio_items WHERE organisation_id = $1",
            &app.b.id
        )
        .await,
        other_before
    );
    // The erasure is in the log, without saying whom.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE event = $1 AND subject_id IS NULL",
            "person-erased"
        )
        .await,
        1
    );
    // The administrator is not deleted by their manager's erasure.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM people WHERE id = $1",
            &app.a.admin_id
        )
        .await,
        1
    );
}

async fn an_administrator_cannot_erase_themselves_or_the_placeholder(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.sign_in(&app.a.admin_email).await;
    let own = format!("/beheer/mensen/{}/wissen", app.a.admin_id);
    let response = app
        .post_form(&admin, &own, &own, &[("bevestiging", &app.a.admin_email)])
        .await;
    assert_eq!(response.status(), 422);
    let placeholder = format!("/beheer/mensen/{}/wissen", privacy::PLACEHOLDER_ID);
    let response = admin.get(app.url(&placeholder)).send().await.expect("get");
    assert_eq!(response.status(), 404);
    // Once someone is erased the placeholder exists; it cannot be edited back to life.
    let mut tx = app.db.begin().await.expect("begin");
    privacy::erase(
        &mut tx,
        &Identity {
            organisation_id: app.a.id.clone(),
            person_id: app.a.employee_id.clone(),
            email: app.a.employee_email.clone(),
            display_name: "Medewerker aaa".into(),
            login_subject: kleur_services::auth::failure_subject(&app.a.employee_email),
        },
    )
    .await
    .expect("erase");
    tx.commit().await.expect("commit");
    let edit = format!("/beheer/mensen/{}/wijzigen", privacy::PLACEHOLDER_ID);
    let response = app
        .post_form(
            &admin,
            "/profiel",
            &edit,
            &[("display_name", "Terug"), ("email", "terug@aaa.nl")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let people = admin
        .get(app.url("/beheer/mensen"))
        .send()
        .await
        .expect("people")
        .text()
        .await
        .expect("body");
    assert!(
        !people.contains(privacy::PLACEHOLDER_ID),
        "the placeholder is not listed"
    );
}

async fn the_download_holds_my_data_and_nothing_secret(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    fill_with_data_about_the_employee(&app).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let profile = employee
        .get(app.url("/profiel"))
        .send()
        .await
        .expect("profile")
        .text()
        .await
        .expect("body");
    assert!(profile.contains("/profiel/mijn-gegevens.json"));
    let response = employee
        .get(app.url("/profiel/mijn-gegevens.json"))
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .expect("header")
            .starts_with("attachment")
    );
    let text = response.text().await.expect("body");
    let data: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(data["format"], "kleur-personal-data");
    let tables = &data["tables"];
    assert_eq!(tables["people"].as_array().map(Vec::len), Some(1));
    assert_eq!(tables["people"][0]["email"], app.a.employee_email.as_str());
    assert!(text.contains("Verbinden van mensen"), "portfolio item");
    assert!(text.contains("Cursus timemanagement"), "personal goal");
    assert!(text.contains("Halverwege"), "goal progress");
    assert!(text.contains("Mijn ronde"), "own feedback round");
    assert!(
        tables["person_availability"]
            .as_array()
            .is_some_and(|a| a.len() == 1)
    );
    // Not the administrator's portfolio, no secrets, no raw answers.
    assert!(!text.contains("Ordenen"));
    for secret in [
        "password_hash",
        "token_hash",
        "csrf_token",
        "subject_hash",
        "$argon2",
    ] {
        assert!(!text.contains(secret), "{secret} in the download");
    }
    assert!(tables.get("feedback_responses").is_none());
    assert!(data["not_included"]["feedback_responses"].is_string());
    // The download itself is logged.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE event = $1",
            "personal-data-exported"
        )
        .await,
        1
    );
    // Visitors are sent to sign in.
    let response = app
        .client()
        .get(app.url("/profiel/mijn-gegevens.json"))
        .send()
        .await
        .expect("anonymous");
    assert_eq!(response.status(), 303);
}

async fn the_audit_log_records_events_for_administrators_only(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    fill_with_data_about_the_employee(&app).await;
    let admin = app.sign_in(&app.a.admin_email).await;
    let page = admin
        .get(app.url("/beheer/logboek"))
        .send()
        .await
        .expect("log");
    assert_eq!(page.status(), 200);
    let body = page.text().await.expect("body");
    for label in [
        "Ingelogd",
        "Inloggen mislukt",
        "Rol gegeven",
        "Portfolio bekeken",
        "API-sleutel gemaakt",
        "Wachtwoordherstel gevraagd",
    ] {
        assert!(body.contains(label), "{label} in the log");
    }
    // No personal content: the portfolio item title and the goal note are not there.
    assert!(!body.contains("Verbinden van mensen"));
    assert!(!body.contains("Halverwege"));
    // The filter.
    let filtered = admin
        .get(app.url("/beheer/logboek?gebeurtenis=role-granted"))
        .send()
        .await
        .expect("filtered")
        .text()
        .await
        .expect("body");
    assert!(filtered.contains("Rol gegeven"));
    assert!(!filtered.contains("Portfolio bekeken</th>"));
    // Nonsense filters and pages are a normal page.
    let response = admin
        .get(app.url("/beheer/logboek?gebeurtenis=%3Cscript%3E&pagina=-1"))
        .send()
        .await
        .expect("nonsense");
    assert_eq!(response.status(), 200);
    // Not for employees; another organisation sees nothing of this one.
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = employee
        .get(app.url("/beheer/logboek"))
        .send()
        .await
        .expect("employee");
    assert_eq!(response.status(), 403);
    let outsider = app.sign_in(&app.b.admin_email).await;
    let theirs = outsider
        .get(app.url("/beheer/logboek?gebeurtenis=portfolio-viewed"))
        .send()
        .await
        .expect("outsider")
        .text()
        .await
        .expect("body");
    assert!(theirs.contains(&"Er zijn geen gebeurtenissen.".to_string()));
    // The employee sees who viewed their portfolio.
    let views = employee
        .get(app.url("/portfolio/bekeken"))
        .send()
        .await
        .expect("views")
        .text()
        .await
        .expect("body");
    assert!(views.contains("Beheerder aaa"));
}

async fn the_audit_log_cannot_be_changed(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    app.sign_in(&app.a.admin_email).await;
    let mut conn = app.db.acquire().await.expect("conn");
    let changed = sqlx::query("UPDATE audit_log SET event = 'nothing'")
        .execute(&mut *conn)
        .await;
    assert!(changed.is_err(), "an update of the event was accepted");
    let moved = sqlx::query("UPDATE audit_log SET actor_id = $1")
        .bind(app.a.employee_id.clone())
        .execute(&mut *conn)
        .await;
    assert!(
        moved.is_err(),
        "pointing an entry at someone else was accepted"
    );
    let deleted = sqlx::query("DELETE FROM audit_log")
        .execute(&mut *conn)
        .await;
    assert!(deleted.is_err(), "a delete was accepted");
    // Clearing the person references is what erasure needs, and is allowed.
    sqlx::query("UPDATE audit_log SET actor_id = NULL, subject_id = NULL")
        .execute(&mut *conn)
        .await
        .expect("clearing references");
    let left: i64 = sqlx::query("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("value");
    assert_eq!(left, 1);
}

async fn retention_deletes_closed_rounds_past_their_period(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    fill_with_data_about_the_employee(&app).await;
    let admin = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &admin,
            "/beheer/privacy",
            "/beheer/privacy",
            &[("closed_feedback_days", "veel"), ("check_in_days", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("van 1 tot 3650")
    );
    let response = app
        .post_form(
            &admin,
            "/beheer/privacy",
            "/beheer/privacy",
            &[("closed_feedback_days", "30"), ("check_in_days", "")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = app
        .post_form(
            &employee,
            "/profiel",
            "/beheer/privacy",
            &[("closed_feedback_days", "1")],
        )
        .await;
    assert_eq!(response.status(), 403);

    // One round closed 40 days ago, one closed yesterday, the rest open.
    let old = kleur_storage::timestamp(chrono::Utc::now() - chrono::Duration::days(40));
    let recent = kleur_storage::timestamp(chrono::Utc::now() - chrono::Duration::days(1));
    let mut conn = app.db.acquire().await.expect("conn");
    let rounds: Vec<String> = sqlx::query(
        "SELECT id FROM feedback_rounds WHERE organisation_id = $1 AND subject_id = $2 ORDER BY title",
    )
    .bind(app.a.id.clone())
    .bind(app.a.admin_id.clone())
    .fetch_all(&mut *conn)
    .await
    .expect("rounds")
    .iter()
    .map(|r| r.try_get(0).expect("id"))
    .collect();
    for (id, closed_at) in rounds.iter().zip([&old, &recent]) {
        sqlx::query("UPDATE feedback_rounds SET status = 'closed', closed_at = $2 WHERE id = $1")
            .bind(id.clone())
            .bind(closed_at.clone())
            .execute(&mut *conn)
            .await
            .expect("close");
    }
    drop(conn);
    let deleted = kleur_services::privacy::apply_retention(&app.db)
        .await
        .expect("retention");
    assert_eq!(deleted, 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_rounds WHERE id = $1",
            &rounds[0]
        )
        .await,
        0
    );
    for table in [
        "feedback_invitations",
        "feedback_responses",
        "feedback_comments",
    ] {
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM {table} WHERE round_id = $1"),
                &rounds[0]
            )
            .await,
            0,
            "{table} of the expired round"
        );
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_rounds WHERE id = $1",
            &rounds[1]
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_rounds WHERE subject_id = $1",
            &app.a.employee_id
        )
        .await,
        1,
        "open rounds stay"
    );
    let _ = PASSWORD;
}

on_both_databases!(
    erasure_leaves_no_reference_in_any_table,
    an_administrator_cannot_erase_themselves_or_the_placeholder,
    the_download_holds_my_data_and_nothing_secret,
    the_audit_log_records_events_for_administrators_only,
    the_audit_log_cannot_be_changed,
    retention_deletes_closed_rounds_past_their_period,
);
