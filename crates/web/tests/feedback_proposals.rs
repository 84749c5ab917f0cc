//! Manager-proposed feedback rounds, through real HTTP on both databases: only when the
//! organisation allows it, only for one's own team, nothing sent to raters before the employee
//! consents, and the round is the employee's.

mod support;

use kleur_domain::Role;
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn colleague(app: &TestApp, name: &str, manager: Option<&str>) -> (String, String) {
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let email = format!("{}@aaa.nl", name.to_lowercase());
    let mut tx = app.db.begin().await.expect("begin");
    let id = people::insert_person(
        &mut tx,
        &people::NewPerson {
            organisation_id: &app.a.id,
            employee_number: None,
            display_name: name,
            email: &email,
            function_title: "",
            unit_id: Some(&app.a.unit_id),
            manager_id: manager,
            password_hash: Some(&hash),
        },
    )
    .await
    .expect("person");
    people::grant_role(&mut tx, &app.a.id, &id, Role::Employee.as_str())
        .await
        .expect("role");
    tx.commit().await.expect("commit");
    (id, email)
}

fn deadline() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("n")
}

/// Mails that carry an answer link: invitations to raters.
async fn invitations_sent(app: &TestApp) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM outbox WHERE body_text LIKE '%/feedback/antwoord/%'",
    )
    .await
}

async fn set_manager_rounds(app: &TestApp, hr: &reqwest::Client, on: &str) {
    let response = app
        .post_form(
            hr,
            "/beheer/vragenlijsten",
            "/beheer/vragenlijsten/instellingen",
            &[("manager_rounds", on)],
        )
        .await;
    assert_eq!(response.status(), 303);
}

async fn propose(
    app: &TestApp,
    manager: &reqwest::Client,
    subject: &str,
    title: &str,
    peers: &str,
) -> reqwest::Response {
    app.post_form(
        manager,
        "/feedback",
        "/feedback/voorstellen",
        &[
            ("subject", subject),
            ("title", title),
            ("deadline", &deadline()),
            ("manager", "ja"),
            ("peers", peers),
        ],
    )
    .await
}

async fn proposal_id(app: &TestApp, title: &str) -> String {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("SELECT id FROM feedback_rounds WHERE title = $1")
        .bind(title)
        .fetch_one(&mut *conn)
        .await
        .expect("proposal")
        .try_get(0)
        .expect("id")
}

async fn a_manager_proposes_and_nothing_is_sent_before_the_employee_consents(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    // The tenant-a employee manages Daan; Eva is in nobody's team.
    let manager = app.a.employee_id.clone();
    let (daan, daan_email) = colleague(&app, "Daan", Some(&manager)).await;
    let (eva, _) = colleague(&app, "Eva", None).await;
    let mut peers = Vec::new();
    for name in ["Anna", "Bram", "Cem"] {
        peers.push(colleague(&app, name, None).await.1);
    }
    let peers = peers.join("\n");
    let boss = app.sign_in(&app.a.employee_email).await;

    // Off by default: the form and the post are refused.
    let response = boss
        .get(app.url("/feedback/voorstellen"))
        .send()
        .await
        .expect("form");
    assert_eq!(response.status(), 403);
    assert_eq!(
        propose(&app, &boss, &daan, "Te vroeg", &peers)
            .await
            .status(),
        403
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback_rounds").await, 0);

    let hr = app.sign_in(&app.a.admin_email).await;
    set_manager_rounds(&app, &hr, "ja").await;
    let overview = boss
        .get(app.url("/feedback"))
        .send()
        .await
        .expect("overview")
        .text()
        .await
        .expect("body");
    assert!(overview.contains("href=\"/feedback/voorstellen\""));

    // Not for someone outside one's team, nor another tenant's person.
    for subject in [eva.as_str(), app.b.employee_id.as_str(), "onzin"] {
        let response = propose(&app, &boss, subject, "Niet van mij", &peers).await;
        assert_eq!(response.status(), 422, "{subject}");
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains("href=\"#subject\"")
        );
    }
    // A colleague without a team has nobody to propose for.
    let anna = app.sign_in("anna@aaa.nl").await;
    assert_eq!(
        anna.get(app.url("/feedback/voorstellen"))
            .send()
            .await
            .expect("form")
            .status(),
        403
    );

    // For Daan: a proposal, an e-mail to Daan only, no invitation, no link to answer.
    assert_eq!(
        propose(&app, &boss, &daan, "Voorstel", &peers)
            .await
            .status(),
        303
    );
    let id = proposal_id(&app, "Voorstel").await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_invitations").await,
        0
    );
    assert_eq!(invitations_sent(&app).await, 0, "nothing to raters");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE recipient = 'daan@aaa.nl'"
        )
        .await,
        1,
        "Daan is told"
    );

    // The proposal is not a round: not for the manager, nor for Daan's round pages.
    for client in [&boss, &anna] {
        let response = client
            .get(app.url(&format!("/feedback/voorstellen/{id}")))
            .send()
            .await
            .expect("proposal");
        assert_eq!(response.status(), 404);
        let response = app
            .post_form(
                client,
                "/feedback",
                &format!("/feedback/voorstellen/{id}/accepteren"),
                &[],
            )
            .await;
        assert_eq!(response.status(), 404, "only the employee consents");
    }
    let other = app.sign_in(&app.b.admin_email).await;
    let response = app
        .post_form(
            &other,
            "/feedback",
            &format!("/feedback/voorstellen/{id}/afwijzen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);
    let daan_client = app.sign_in(&daan_email).await;
    let round_page = daan_client
        .get(app.url(&format!("/feedback/rondes/{id}")))
        .send()
        .await
        .expect("round");
    assert_eq!(round_page.status(), 404, "not a round before consent");

    // Daan sees it, and accepts: now the invitations go out, and the round is Daan's.
    let overview = daan_client
        .get(app.url("/feedback"))
        .send()
        .await
        .expect("overview")
        .text()
        .await
        .expect("body");
    assert!(overview.contains(&format!("/feedback/voorstellen/{id}")));
    let page = daan_client
        .get(app.url(&format!("/feedback/voorstellen/{id}")))
        .send()
        .await
        .expect("proposal");
    assert_eq!(page.status(), 200);
    assert!(page.text().await.expect("body").contains("bram@aaa.nl"));
    let response = app
        .post_form(
            &daan_client,
            &format!("/feedback/voorstellen/{id}"),
            &format!("/feedback/voorstellen/{id}/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"].to_str().expect("location"),
        format!("/feedback/rondes/{id}")
    );
    // Self, the proposing manager and three colleagues.
    assert_eq!(invitations_sent(&app).await, 5);
    let mut conn = app.db.acquire().await.expect("conn");
    let row = sqlx::query(
        "SELECT subject_id, status, proposed_by, proposal FROM feedback_rounds WHERE id = $1",
    )
    .bind(&id)
    .fetch_one(&mut *conn)
    .await
    .expect("round");
    let subject: String = row.try_get(0).expect("subject");
    let status: String = row.try_get(1).expect("status");
    let proposed_by: Option<String> = row.try_get(2).expect("by");
    let proposal: Option<String> = row.try_get(3).expect("proposal");
    assert_eq!(subject, daan);
    assert_eq!(status, "open");
    assert_eq!(proposed_by.as_deref(), Some(manager.as_str()));
    assert_eq!(proposal, None);
    drop(conn);
    // The manager cannot see or close the round: it is Daan's.
    assert_eq!(
        boss.get(app.url(&format!("/feedback/rondes/{id}")))
            .send()
            .await
            .expect("round")
            .status(),
        404
    );
    let response = app
        .post_form(
            &boss,
            "/feedback",
            &format!("/feedback/rondes/{id}/sluiten"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);
    // Accepting twice does nothing more.
    let response = app
        .post_form(
            &daan_client,
            "/feedback",
            &format!("/feedback/voorstellen/{id}/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(invitations_sent(&app).await, 5);
}

async fn a_declined_proposal_sends_nothing_and_a_flawed_one_is_fixed_by_the_employee(
    backend: TestBackend,
) {
    let app = TestApp::spawn(backend).await;
    let manager = app.a.employee_id.clone();
    let (daan, daan_email) = colleague(&app, "Daan", Some(&manager)).await;
    let (_, anna) = colleague(&app, "Anna", None).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    set_manager_rounds(&app, &hr, "ja").await;
    let boss = app.sign_in(&app.a.employee_email).await;
    let daan_client = app.sign_in(&daan_email).await;

    // Declined: nothing is sent, it cannot be accepted afterwards, the manager sees the answer.
    assert_eq!(
        propose(&app, &boss, &daan, "Liever niet", &anna)
            .await
            .status(),
        303
    );
    let declined = proposal_id(&app, "Liever niet").await;
    let response = app
        .post_form(
            &daan_client,
            "/feedback",
            &format!("/feedback/voorstellen/{declined}/afwijzen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &daan_client,
            "/feedback",
            &format!("/feedback/voorstellen/{declined}/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(invitations_sent(&app).await, 0);
    let overview = boss
        .get(app.url("/feedback"))
        .send()
        .await
        .expect("overview")
        .text()
        .await
        .expect("body");
    assert!(overview.contains("Liever niet") && overview.contains("afgewezen"));

    // A proposal with an address Kleur does not know: accepting shows the start form with the
    // error and the proposal kept; Daan fixes it and starts. Only then are invitations sent.
    assert_eq!(
        propose(&app, &boss, &daan, "Met een fout", "onbekend@aaa.nl")
            .await
            .status(),
        303
    );
    let id = proposal_id(&app, "Met een fout").await;
    let response = app
        .post_form(
            &daan_client,
            "/feedback",
            &format!("/feedback/voorstellen/{id}/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(body.contains(&format!("name=\"voorstel\" value=\"{id}\"")));
    assert!(body.contains("href=\"#peers\""));
    assert_eq!(invitations_sent(&app).await, 0);
    let response = app
        .post_form(
            &daan_client,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("voorstel", &id),
                ("title", "Met een fout"),
                ("deadline", &deadline()),
                ("manager", "ja"),
                ("peers", &anna),
                ("small_groups_ok", "ja"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"].to_str().expect("location"),
        format!("/feedback/rondes/{id}")
    );
    assert_eq!(invitations_sent(&app).await, 3, "self, manager, Anna");
    // Someone else cannot use another person's proposal id to start a round.
    let response = app
        .post_form(
            &boss,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("voorstel", &declined),
                ("title", "Gekaapt"),
                ("deadline", &deadline()),
                ("peers", &anna),
                ("small_groups_ok", "ja"),
            ],
        )
        .await;
    assert_eq!(response.status(), 404);

    // HR turns proposals off again: the manager can no longer propose.
    set_manager_rounds(&app, &hr, "nee").await;
    assert_eq!(
        propose(&app, &boss, &daan, "Weer uit", &anna)
            .await
            .status(),
        403
    );
}

on_both_databases!(
    a_manager_proposes_and_nothing_is_sent_before_the_employee_consents,
    a_declined_proposal_sends_nothing_and_a_flawed_one_is_fixed_by_the_employee
);
