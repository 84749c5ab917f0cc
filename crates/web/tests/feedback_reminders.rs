//! Reminders and withdrawn invitations of 360° feedback rounds, through real HTTP on both
//! databases: a reminder carries a fresh link and kills the old one, goes out once, only to
//! those who have not answered; a withdrawn link stops working with a clear page; nobody but
//! the employee can remind or withdraw.

mod support;

use kleur_domain::Role;
use kleur_services::Settings;
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn colleague(app: &TestApp, name: &str) -> String {
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
            manager_id: None,
            password_hash: Some(&hash),
        },
    )
    .await
    .expect("person");
    people::grant_role(&mut tx, &app.a.id, &id, Role::Employee.as_str())
        .await
        .expect("role");
    tx.commit().await.expect("commit");
    email
}

/// `(recipient, subject, link path)` of every feedback mail, oldest first.
async fn mails(app: &TestApp) -> Vec<(String, String, String)> {
    let mut conn = app.db.acquire().await.expect("conn");
    let rows = sqlx::query(
        "SELECT recipient, subject, body_text FROM outbox WHERE organisation_id = $1 ORDER BY created_at, id",
    )
    .bind(&app.a.id)
    .fetch_all(&mut *conn)
    .await
    .expect("outbox");
    rows.into_iter()
        .filter_map(|row| {
            let recipient: String = row.try_get(0).ok()?;
            let subject: String = row.try_get(1).ok()?;
            let body: String = row.try_get(2).ok()?;
            let start = body.find("/feedback/antwoord/")?;
            let path: String = body[start..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect();
            Some((recipient, subject, path))
        })
        .collect()
}

fn reminders(all: &[(String, String, String)]) -> Vec<(String, String)> {
    all.iter()
        .filter(|(_, subject, _)| subject.starts_with("Herinnering"))
        .map(|(to, _, path)| (to.clone(), path.clone()))
        .collect()
}

fn link_of(all: &[(String, String, String)], to: &str) -> String {
    all.iter()
        .find(|(recipient, _, _)| recipient == to)
        .map(|(_, _, path)| path.clone())
        .expect("a link for the recipient")
}

fn deadline(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Starts a round of the tenant-a employee with three colleagues; returns (round id, peers).
async fn round_with_three_peers(
    app: &TestApp,
    employee: &reqwest::Client,
) -> (String, Vec<String>) {
    let mut peers = Vec::new();
    for name in ["Anna", "Bram", "Cem"] {
        peers.push(colleague(app, name).await);
    }
    let response = app
        .post_form(
            employee,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("title", "Najaar"),
                ("deadline", &deadline(14)),
                ("peers", &peers.join("\n")),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let id = response.headers()["location"]
        .to_str()
        .expect("location")
        .trim_start_matches("/feedback/rondes/")
        .to_owned();
    (id, peers)
}

async fn invitation_of(app: &TestApp, email: &str) -> String {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("SELECT id FROM feedback_invitations WHERE email = $1")
        .bind(email)
        .fetch_one(&mut *conn)
        .await
        .expect("invitation")
        .try_get(0)
        .expect("id")
}

async fn submit(app: &TestApp, path: &str) -> reqwest::Response {
    let client = app.client();
    let page = client.get(app.url(path)).send().await.expect("form");
    let status = page.status();
    let body = page.text().await.expect("body");
    let Some(csrf) = support::hidden_csrf(&body) else {
        panic!("no form at {path}: {status}");
    };
    client
        .post(app.url(path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("actie", "versturen"),
            ("rating-verbinden", "4"),
        ])
        .send()
        .await
        .expect("submit")
}

async fn save_draft(app: &TestApp, path: &str) {
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
    let response = client
        .post(app.url(path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("actie", "concept"),
            ("rating-luisteren", "2"),
        ])
        .send()
        .await
        .expect("draft");
    assert_eq!(response.status(), 200);
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

async fn a_withdrawn_link_stops_working_and_only_the_employee_can_withdraw(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let (round, peers) = round_with_three_peers(&app, &employee).await;
    let all = mails(&app).await;
    let anna = invitation_of(&app, &peers[0]).await;
    let bram = invitation_of(&app, &peers[1]).await;
    let own = invitation_of(&app, &app.a.employee_email).await;
    let revoke_path =
        |invitation: &str| format!("/feedback/rondes/{round}/uitnodigingen/{invitation}/intrekken");
    let round_path = format!("/feedback/rondes/{round}");

    // Bram answers; the round page lists whom the employee invited, not who answered.
    assert_eq!(submit(&app, &link_of(&all, &peers[1])).await.status(), 200);
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(page.contains(&peers[0]) && page.contains(&peers[1]));
    assert!(page.contains(&revoke_path(&anna)) && page.contains(&revoke_path(&bram)));

    // Someone else: a colleague of the same tenant, and the other tenant's employee.
    let cem = app.sign_in(&peers[2]).await;
    let other = app.sign_in(&app.b.employee_email).await;
    for client in [&cem, &other] {
        let response = app
            .post_form(client, "/feedback", &revoke_path(&anna), &[])
            .await;
        assert_eq!(response.status(), 404);
    }
    // One's own self-assessment is not an invitation to withdraw.
    let response = app
        .post_form(&employee, &round_path, &revoke_path(&own), &[])
        .await;
    assert_eq!(response.status(), 404);
    // An answered invitation cannot be withdrawn.
    let response = app
        .post_form(&employee, &round_path, &revoke_path(&bram), &[])
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("al geantwoord")
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_invitations WHERE revoked_at IS NOT NULL"
        )
        .await,
        0,
        "nothing was withdrawn by the refused attempts"
    );

    // The employee withdraws Anna's invitation: her link answers 410 with a clear page,
    // posting changes nothing, and her signed-in request disappears.
    let response = app
        .post_form(&employee, &round_path, &revoke_path(&anna), &[])
        .await;
    assert_eq!(response.status(), 303);
    let anna_link = link_of(&all, &peers[0]);
    let response = app
        .client()
        .get(app.url(&anna_link))
        .send()
        .await
        .expect("link");
    assert_eq!(response.status(), 410);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Deze uitnodiging is ingetrokken")
    );
    let anna_client = app.sign_in(&peers[0]).await;
    let response = anna_client
        .post(app.url(&anna_link))
        .form(&[
            ("csrf", app.csrf(&anna_client, "/feedback").await.as_str()),
            ("actie", "versturen"),
            ("rating-verbinden", "1"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 410);
    let request = anna_client
        .get(app.url(&format!("/feedback/verzoeken/{anna}")))
        .send()
        .await
        .expect("request");
    assert_eq!(request.status(), 410);
    assert!(
        !anna_client
            .get(app.url("/feedback"))
            .send()
            .await
            .expect("overview")
            .text()
            .await
            .expect("body")
            .contains(&format!("/feedback/verzoeken/{anna}")),
        "the withdrawn request is no longer listed"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_responses").await,
        1,
        "only Bram's answer is stored"
    );
    // Withdrawing twice is refused clearly.
    let response = app
        .post_form(&employee, &round_path, &revoke_path(&anna), &[])
        .await;
    assert_eq!(response.status(), 422);
}

async fn reminders_carry_a_fresh_link_once_and_only_to_those_who_have_not_answered(
    backend: TestBackend,
) {
    let app = TestApp::spawn(backend).await;
    let settings = Settings {
        base_url: app.base.clone(),
        session_hours: 12,
    };
    let employee = app.sign_in(&app.a.employee_email).await;
    let (round, peers) = round_with_three_peers(&app, &employee).await;
    let first = mails(&app).await;
    // Anna answers, Bram saves a draft, Cem does nothing.
    assert_eq!(
        submit(&app, &link_of(&first, &peers[0])).await.status(),
        200
    );
    save_draft(&app, &link_of(&first, &peers[1])).await;

    // Nothing is due while the deadline is two weeks away.
    assert_eq!(
        kleur_services::feedback::send_due_reminders(&app.db, &settings)
            .await
            .expect("reminders"),
        0
    );
    // Three days before the deadline, for a round started days ago.
    let set = |deadline: String, created: String| {
        let db = app.db.clone();
        let round = round.clone();
        async move {
            let mut conn = db.acquire().await.expect("conn");
            sqlx::query("UPDATE feedback_rounds SET deadline = $1, created_at = $2 WHERE id = $3")
                .bind(deadline)
                .bind(created)
                .bind(round)
                .execute(&mut *conn)
                .await
                .expect("update");
        }
    };
    let days_ago = kleur_storage::timestamp(chrono::Utc::now() - chrono::Duration::days(5));
    set(deadline(3), days_ago.clone()).await;
    assert_eq!(
        kleur_services::feedback::send_due_reminders(&app.db, &settings)
            .await
            .expect("reminders"),
        2
    );
    let after = mails(&app).await;
    let sent = reminders(&after);
    let recipients: Vec<&str> = sent.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(recipients.len(), 2);
    assert!(recipients.contains(&peers[1].as_str()) && recipients.contains(&peers[2].as_str()));
    assert!(
        !recipients.contains(&app.a.employee_email.as_str()),
        "the employee's own form gets no reminder"
    );
    // Once: running again sends nothing.
    assert_eq!(
        kleur_services::feedback::send_due_reminders(&app.db, &settings)
            .await
            .expect("reminders"),
        0
    );
    // The old link stops working, the new one opens Bram's form with his draft.
    let old = link_of(&first, &peers[1]);
    let response = app.client().get(app.url(&old)).send().await.expect("old");
    assert_eq!(response.status(), 404);
    let new = sent
        .iter()
        .find(|(to, _)| *to == peers[1])
        .map(|(_, path)| path.clone())
        .expect("Bram's reminder");
    assert_ne!(new, old);
    let page = app.client().get(app.url(&new)).send().await.expect("new");
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("id=\"r-luisteren-2\" name=\"rating-luisteren\" value=\"2\" checked"),
        "the draft survives the new link"
    );

    // One day before: the second reminder, again once.
    set(deadline(1), days_ago).await;
    assert_eq!(
        kleur_services::feedback::send_due_reminders(&app.db, &settings)
            .await
            .expect("reminders"),
        2
    );
    assert_eq!(
        kleur_services::feedback::send_due_reminders(&app.db, &settings)
            .await
            .expect("reminders"),
        0
    );
    assert_eq!(reminders(&mails(&app).await).len(), 4);
}

async fn the_employee_can_remind_now_once_and_nobody_else_can(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let (round, peers) = round_with_three_peers(&app, &employee).await;
    let first = mails(&app).await;
    assert_eq!(
        submit(&app, &link_of(&first, &peers[0])).await.status(),
        200
    );
    let path = format!("/feedback/rondes/{round}/herinneren");
    let round_path = format!("/feedback/rondes/{round}");

    let other = app.sign_in(&app.b.employee_email).await;
    let colleague = app.sign_in(&peers[2]).await;
    for client in [&other, &colleague] {
        let response = app.post_form(client, "/feedback", &path, &[]).await;
        assert_eq!(response.status(), 404);
    }
    assert!(reminders(&mails(&app).await).is_empty());

    let response = app.post_form(&employee, &round_path, &path, &[]).await;
    assert_eq!(response.status(), 303);
    let sent = reminders(&mails(&app).await);
    let recipients: Vec<&str> = sent.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(recipients.len(), 2, "{recipients:?}");
    assert!(!recipients.contains(&peers[0].as_str()), "Anna answered");
    // The page no longer offers it; a second try is refused clearly and sends nothing.
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(!page.contains(&path));
    let response = app.post_form(&employee, &round_path, &path, &[]).await;
    assert_eq!(response.status(), 422);
    assert_eq!(reminders(&mails(&app).await).len(), 2);
    // A closed round is not reminded.
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("/feedback/rondes/{round}/sluiten"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app.post_form(&employee, &round_path, &path, &[]).await;
    assert_eq!(response.status(), 422);
}

on_both_databases!(
    a_withdrawn_link_stops_working_and_only_the_employee_can_withdraw,
    reminders_carry_a_fresh_link_once_and_only_to_those_who_have_not_answered,
    the_employee_can_remind_now_once_and_nobody_else_can
);
