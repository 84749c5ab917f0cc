//! Check-ins through real HTTP, on both databases: a check-in is private to the employee
//! (manager, HR and the other organisation never see it), sharing shows exactly what was chosen,
//! aggregates hide groups below the threshold, reminders come once per period, bad input gets
//! a message.

mod support;

use chrono::{Duration, NaiveDate, Utc};
use kleur_domain::Role;
use kleur_domain::checkin::Rhythm;
use kleur_storage::{checkins, org};
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

/// Checks in through the form; returns the status.
async fn check_in(app: &TestApp, client: &reqwest::Client, scores: [&str; 5], note: &str) -> u16 {
    let fields = [
        ("energy", scores[0]),
        ("workload", scores[1]),
        ("stress", scores[2]),
        ("autonomy", scores[3]),
        ("learning", scores[4]),
        ("note", note),
    ];
    app.post_form(client, "/check-in", "/check-in", &fields)
        .await
        .status()
        .as_u16()
}

async fn share(app: &TestApp, client: &reqwest::Client, weeks: &str, notes: bool) -> u16 {
    let mut fields = vec![
        ("rhythm", "weekly"),
        ("reminders", "on"),
        ("share_weeks", weeks),
    ];
    if notes {
        fields.push(("share_notes", "on"));
    }
    app.post_form(
        client,
        "/check-in/instellingen",
        "/check-in/instellingen",
        &fields,
    )
    .await
    .status()
    .as_u16()
}

async fn checkin_id(app: &TestApp, person_id: &str) -> String {
    let mut conn = app.db.acquire().await.expect("conn");
    checkins::of_person_since(&mut conn, &app.a.id, person_id, "2000-01-01")
        .await
        .expect("checkins")
        .pop()
        .expect("a check-in")
        .id
}

async fn checkins_are_private_to_the_employee(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = app.sign_in(&cast.olga.email).await;
    assert_eq!(
        check_in(
            &app,
            &olga,
            ["2", "5", "4", "2", "1"],
            "Geheime notitie van Olga"
        )
        .await,
        303
    );
    let (status, own) = text(&olga, &app, "/check-in").await;
    assert_eq!(status, 200);
    assert!(
        own.contains("Geheime notitie van Olga"),
        "the employee sees her note"
    );
    assert!(own.contains("<circle"), "and her trend as a chart");

    // Her manager: nothing shared, so neither her name nor her note nor her scores.
    let manager = app.sign_in(&cast.manager.email).await;
    let (status, team) = text(&manager, &app, "/check-in/team").await;
    assert_eq!(status, 200);
    assert!(!team.contains("Olga Owner") && !team.contains("Geheime notitie"));
    assert!(
        team.contains("Te weinig mensen"),
        "one person is below the threshold"
    );
    // The manager's own check-in page is his own: empty.
    let (_, managers_own) = text(&manager, &app, "/check-in").await;
    assert!(!managers_own.contains("Geheime notitie"));
    // Nobody else can delete (or learn about) her check-in.
    let id = checkin_id(&app, &cast.olga.id).await;
    let response = app
        .post_form(
            &manager,
            "/check-in",
            &format!("/check-in/{id}/verwijderen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);

    // HR (the administrator of A is also HR): a hidden cell, never the note.
    let hr = app.sign_in(&app.a.admin_email).await;
    let (status, overview) = text(&hr, &app, "/check-in/organisatie").await;
    assert_eq!(status, 200);
    assert!(!overview.contains("Geheime notitie"));
    assert!(overview.contains("verborgen"), "a unit of one is hidden");
    assert!(!overview.contains("(1 mensen)"));
    let (_, team) = text(&hr, &app, "/check-in/team").await;
    assert!(!team.contains("Olga Owner"));

    // The other organisation's HR sees nothing of A at all.
    let other = app.sign_in(&app.b.admin_email).await;
    let (status, overview) = text(&other, &app, "/check-in/organisatie").await;
    assert_eq!(status, 200);
    assert!(!overview.contains("verborgen") && !overview.contains("Team Noord"));
    let response = app
        .post_form(
            &other,
            "/check-in",
            &format!("/check-in/{id}/verwijderen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);

    // An employee or a manager without the HR or management role gets no organisation view.
    assert_eq!(text(&olga, &app, "/check-in/organisatie").await.0, 403);
    assert_eq!(text(&manager, &app, "/check-in/organisatie").await.0, 403);

    // She can delete her own.
    let response = app
        .post_form(
            &olga,
            "/check-in",
            &format!("/check-in/{id}/verwijderen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, own) = text(&olga, &app, "/check-in").await;
    assert!(!own.contains("Geheime notitie van Olga"));
}

async fn sharing_shows_exactly_what_was_chosen(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = app.sign_in(&cast.olga.email).await;
    assert_eq!(
        check_in(&app, &olga, ["2", "4", "4", "2", "1"], "Alleen voor mij").await,
        303
    );
    let manager = app.sign_in(&cast.manager.email).await;
    let other_manager = app.sign_in(&cast.other_manager.email).await;

    // Averages only.
    assert_eq!(share(&app, &olga, "4", false).await, 303);
    let (_, team) = text(&manager, &app, "/check-in/team").await;
    assert!(team.contains("Olga Owner"), "the manager sees who shares");
    assert!(team.contains("laatste 4 weken, 1 check-ins"));
    assert!(
        team.contains("<td class=\"kleur-num\">2,0</td>"),
        "her average energy"
    );
    assert!(!team.contains("Alleen voor mij"), "notes were not shared");
    let (_, elsewhere) = text(&other_manager, &app, "/check-in/team").await;
    assert!(!elsewhere.contains("Olga Owner"), "only her own manager");

    // Notes too, when she says so.
    assert_eq!(share(&app, &olga, "4", true).await, 303);
    let (_, team) = text(&manager, &app, "/check-in/team").await;
    assert!(team.contains("Alleen voor mij"));
    let hr = app.sign_in(&app.a.admin_email).await;
    let (_, overview) = text(&hr, &app, "/check-in/organisatie").await;
    assert!(
        !overview.contains("Alleen voor mij"),
        "sharing with the manager is not with HR"
    );

    // And back to nothing.
    assert_eq!(share(&app, &olga, "0", true).await, 303);
    let (_, team) = text(&manager, &app, "/check-in/team").await;
    assert!(!team.contains("Olga Owner") && !team.contains("Alleen voor mij"));
}

async fn aggregates_are_suppressed_below_the_threshold(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let manager = app.sign_in(&cast.manager.email).await;
    for (index, person) in [&cast.olga, &cast.tom].into_iter().enumerate() {
        let client = app.sign_in(&person.email).await;
        let score = if index == 0 { "1" } else { "3" };
        assert_eq!(check_in(&app, &client, [score; 5], "").await, 303);
    }
    // Two people: the unit and the team are hidden, and so is the total (it would give them away).
    let (_, overview) = text(&hr, &app, "/check-in/organisatie").await;
    assert!(overview.contains("verborgen"));
    assert!(!overview.contains("(2 mensen)"), "no cell of two people");
    let (_, team) = text(&manager, &app, "/check-in/team").await;
    assert!(team.contains("Te weinig mensen"));
    assert!(!team.contains("over 2 mensen"));

    // A third person: now the unit, the total and the team average show.
    let tess = app.sign_in(&cast.tess.email).await;
    assert_eq!(check_in(&app, &tess, ["5"; 5], "").await, 303);
    let (_, overview) = text(&hr, &app, "/check-in/organisatie").await;
    assert!(
        overview.contains("3,0 (3 mensen)"),
        "mean of 1, 3 and 5 over three people"
    );
    let (_, team) = text(&manager, &app, "/check-in/team").await;
    assert!(team.contains("over 3 mensen"));
    assert!(team.contains("<td class=\"kleur-num\">3,0</td>"));
}

async fn reminders_come_once_per_period(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = app.sign_in(&cast.olga.email).await;
    let tom = app.sign_in(&cast.tom.email).await;
    // Nobody who did not choose a rhythm gets mail.
    let today = Utc::now().date_naive();
    let next_week = today + Duration::weeks(1);
    let queued = kleur_services::checkins::queue_reminders(&app.db, &app.base, next_week)
        .await
        .expect("reminders");
    assert_eq!(queued, 0);

    assert_eq!(share(&app, &olga, "0", false).await, 303);
    // Tom chose a rhythm too, but without reminders.
    let response = app
        .post_form(
            &tom,
            "/check-in/instellingen",
            "/check-in/instellingen",
            &[("rhythm", "weekly"), ("share_weeks", "0")],
        )
        .await;
    assert_eq!(response.status(), 303);
    // Not in the period she made the choice in.
    let queued = kleur_services::checkins::queue_reminders(&app.db, &app.base, today)
        .await
        .expect("reminders");
    assert_eq!(queued, 0);
    // Next week: one reminder for Olga, and running again (another node) adds none.
    for expected in [1, 0] {
        let queued = kleur_services::checkins::queue_reminders(&app.db, &app.base, next_week)
            .await
            .expect("reminders");
        assert_eq!(queued, expected);
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let (mail, _) = kleur_storage::outbox::list_recent(&mut conn, &app.a.id, 10, 0)
        .await
        .expect("outbox");
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].recipient, cast.olga.email);
    assert!(
        mail[0]
            .body_text
            .contains(&format!("{}/check-in", app.base))
    );

    // Someone who already checked in this period is not reminded: reset the claim for this
    // week, check in, and run the worker for today.
    let mut settings = checkins::settings(&mut conn, &app.a.id, &cast.olga.id)
        .await
        .expect("settings")
        .expect("chosen");
    settings.last_reminded_period = None;
    checkins::set_settings(&mut conn, &app.a.id, &cast.olga.id, &settings)
        .await
        .expect("reset");
    drop(conn);
    assert_eq!(check_in(&app, &olga, ["3"; 5], "").await, 303);
    let queued = kleur_services::checkins::queue_reminders(&app.db, &app.base, today)
        .await
        .expect("reminders");
    assert_eq!(queued, 0);
    // A monthly rhythm counts months: the first of next month is a new period.
    assert_eq!(
        Rhythm::Monthly.period_key(NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")),
        "monthly:2026-12-01"
    );
}

async fn bad_input_gets_a_message(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let olga = app.sign_in(&app.a.employee_email).await;
    let response = app
        .post_form(
            &olga,
            "/check-in",
            "/check-in",
            &[("energy", "9"), ("workload", "3"), ("note", "Bewaard")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains("Kies een antwoord van 1 tot 5."));
    assert!(page.contains("href=\"#energy\"") && page.contains("href=\"#stress\""));
    assert!(
        !page.contains("href=\"#workload\""),
        "a valid answer is kept"
    );
    assert!(page.contains("Bewaard"), "the note typed is kept");
    let long = "x".repeat(2001);
    assert_eq!(check_in(&app, &olga, ["3"; 5], &long).await, 422);
    let response = app
        .post_form(
            &olga,
            "/check-in/instellingen",
            "/check-in/instellingen",
            &[("rhythm", "daily"), ("share_weeks", "5")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains("Kies hoe vaak") && page.contains("Kies wat je leidinggevende"));
    // Nothing was stored.
    let (_, own) = text(&olga, &app, "/check-in").await;
    assert!(own.contains("nog niet ingecheckt"));
    // A signed-out visitor is sent to sign in.
    let anonymous = app.client();
    let status = anonymous
        .get(app.url("/check-in"))
        .send()
        .await
        .expect("get")
        .status();
    assert!(status.is_redirection() || status == 401, "{status}");
}

async fn pages_speak_english(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &hr,
            "/check-in",
            "/taal",
            &[("taal", "en"), ("terug", "/check-in")],
        )
        .await;
    assert_eq!(response.status(), 303);
    for (path, expected) in [
        ("/check-in", "How much energy did you have lately?"),
        (
            "/check-in/instellingen",
            "How often do you want to check in?",
        ),
        ("/check-in/team", "Your team&#39;s check-ins"),
        ("/check-in/organisatie", "Check-ins across the organisation"),
    ] {
        let (status, page) = text(&hr, &app, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(page.contains(expected), "{path}: {expected}");
        assert!(page.contains("lang=\"en\""));
    }
}

on_both_databases!(
    checkins_are_private_to_the_employee,
    sharing_shows_exactly_what_was_chosen,
    aggregates_are_suppressed_below_the_threshold,
    reminders_come_once_per_period,
    bad_input_gets_a_message,
    pages_speak_english,
);
