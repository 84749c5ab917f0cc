//! 360° feedback through real HTTP on both databases: the whole round, and the anonymity rules
//! checked on the stored rows themselves.

mod support;

use kleur_domain::Role;
use kleur_storage::{backup, people};
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn colleague(app: &TestApp, name: &str, manager: Option<&str>) -> String {
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
    email
}

/// The invitation links in the outbox, by recipient.
async fn links(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.db.acquire().await.expect("conn");
    let (messages, _) = kleur_storage::outbox::list_recent(&mut conn, &app.a.id, 200, 0)
        .await
        .expect("outbox");
    messages
        .into_iter()
        .filter_map(|m| {
            let start = m.body_text.find("/feedback/antwoord/")?;
            let path: String = m.body_text[start..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect();
            Some((m.recipient, path))
        })
        .collect()
}

async fn start(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    // These tests are about other rules: confirm the small-group warning up front (the warning
    // itself is tested in feedback_questionnaires.rs).
    let mut fields = fields.to_vec();
    fields.push(("small_groups_ok", "ja"));
    app.post_form(client, "/feedback/nieuw", "/feedback/nieuw", &fields)
        .await
}

async fn answer(app: &TestApp, path: &str, rating: &str, comment: &str) -> reqwest::Response {
    let client = app.client();
    let page = client.get(app.url(path)).send().await.expect("form");
    assert_eq!(page.status(), 200, "{path}");
    let body = page.text().await.expect("body");
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
        form.push((format!("rating-{key}"), rating.to_owned()));
    }
    if !comment.is_empty() {
        form.push(("open-sterk".to_owned(), comment.to_owned()));
    }
    client
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .expect("submit")
}

fn deadline() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string()
}

async fn a_full_round_is_anonymous_by_construction(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    // The employee's manager is the administrator of tenant a.
    let mut conn = app.db.acquire().await.expect("conn");
    people::set_manager(
        &mut conn,
        &app.a.id,
        &app.a.employee_id,
        Some(&app.a.admin_id),
    )
    .await
    .expect("manager");
    drop(conn);
    let mut peers = Vec::new();
    for name in ["Anna", "Bram", "Cem", "Dirk", "Eva", "Fleur"] {
        peers.push(colleague(&app, name, None).await);
    }
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = start(
        &app,
        &employee,
        &[
            ("title", "Voorjaar 2026"),
            ("deadline", &deadline()),
            ("manager", "ja"),
            ("peers", &peers.join("\n")),
            ("externals", "klant@voorbeeld.nl"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let round_path = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let invitations = links(&app).await;
    assert_eq!(
        invitations.len(),
        9,
        "self, manager, six peers and one external are invited"
    );

    // Opening a form changes nothing; the round shows no results while it is open.
    let before = app
        .client()
        .get(app.url(&invitations[0].1))
        .send()
        .await
        .expect("open");
    assert_eq!(before.status(), 200);
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(
        !page.contains("Resultaat"),
        "no report while the round is open"
    );

    // Everyone answers; the peers each write one comment, in a known order.
    let order = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde"];
    let mut peer_index = 0;
    for (recipient, path) in &invitations {
        let (rating, comment) = if recipient == &app.a.employee_email {
            ("5", "")
        } else if recipient.ends_with("@aaa.nl") && recipient != &app.a.admin_email {
            peer_index += 1;
            ("3", order[peer_index - 1])
        } else {
            ("4", "")
        };
        let response = answer(&app, path, rating, comment).await;
        assert_eq!(response.status(), 200, "{recipient}");
        assert!(response.text().await.expect("body").contains("Dank je wel"));
    }
    // A link works once.
    let again = app
        .client()
        .get(app.url(&invitations[1].1))
        .send()
        .await
        .expect("again");
    assert_eq!(again.status(), 409);

    // The last answer closed the round; the report is there for the employee only.
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Resultaat"), "closed round shows the report");
    assert!(
        page.contains("Collega&#39;s") || page.contains("Collega's"),
        "six peers form a group"
    );
    assert!(
        page.contains("Blinde vlek"),
        "self 5 against others 3.3 is a blind spot"
    );
    for viewer in [&app.a.admin_email, &peers[0]] {
        let other = app.sign_in(viewer).await;
        let response = other.get(app.url(&round_path)).send().await.expect("round");
        assert_eq!(
            response.status(),
            404,
            "{viewer} cannot see someone else's round"
        );
    }
    // The employee shares the report with their manager (the administrator here), and only them.
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("{round_path}/delen"),
            &[("gedeeld", "ja")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let manager = app.sign_in(&app.a.admin_email).await;
    let shared = manager
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round");
    assert_eq!(shared.status(), 200, "the manager reads a shared report");
    let body = shared.text().await.expect("body");
    assert!(body.contains("deelde dit resultaat met jou") && body.contains("Resultaat"));
    assert!(
        !body.contains("Wie heeft geantwoord"),
        "but not who was invited or answered"
    );
    let overview = manager
        .get(app.url("/feedback"))
        .send()
        .await
        .expect("overview")
        .text()
        .await
        .expect("body");
    assert!(overview.contains("Met jou gedeeld"));
    let peer = app.sign_in(&peers[0]).await;
    assert_eq!(
        peer.get(app.url(&round_path))
            .send()
            .await
            .expect("round")
            .status(),
        404,
        "sharing is with the manager only"
    );
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("{round_path}/delen"),
            &[("gedeeld", "nee")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        manager
            .get(app.url(&round_path))
            .send()
            .await
            .expect("round")
            .status(),
        404,
        "and can be taken back"
    );

    // The stored rows: no column links an answer to a rater or a time.
    for table in ["feedback_responses", "feedback_comments"] {
        let columns = backup::actual_columns(&app.db, table)
            .await
            .expect("columns");
        for column in &columns {
            assert!(
                ![
                    "person_id",
                    "email",
                    "invitation_id",
                    "created_at",
                    "submitted_at",
                    "token_hash"
                ]
                .contains(&column.as_str()),
                "{table}.{column} could identify a rater"
            );
        }
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let rows =
        sqlx::query("SELECT id, rater_group FROM feedback_responses WHERE organisation_id = $1")
            .bind(&app.a.id)
            .fetch_all(&mut *conn)
            .await
            .expect("responses");
    assert_eq!(rows.len(), 9);
    let groups: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String, _>(1).expect("group"))
        .collect();
    assert!(
        !groups.contains(&"external".to_owned()),
        "the lone external rater is stored as 'others', not as 'external'"
    );
    assert_eq!(groups.iter().filter(|g| *g == "others").count(), 1);
    for row in &rows {
        let id: String = row.try_get(0).expect("id");
        assert_eq!(
            uuid::Uuid::parse_str(&id).expect("uuid").get_version_num(),
            4,
            "random ids, not time-ordered ones"
        );
    }
    let comments: Vec<String> =
        sqlx::query("SELECT body FROM feedback_comments WHERE organisation_id = $1 ORDER BY id")
            .bind(&app.a.id)
            .fetch_all(&mut *conn)
            .await
            .expect("comments")
            .iter()
            .map(|r| r.try_get::<String, _>(0).expect("body"))
            .collect();
    assert_eq!(comments.len(), 6);
    assert_ne!(
        comments, order,
        "stored comments do not keep the order of submission"
    );
    let shown: Vec<usize> = order
        .iter()
        .filter_map(|c| page.find(&format!(">{c}<")))
        .collect();
    assert_eq!(shown.len(), 6, "all comments are shown, unattributed");
    let invitation_columns = backup::actual_columns(&app.db, "feedback_invitations")
        .await
        .expect("columns");
    assert!(
        !invitation_columns
            .iter()
            .any(|c| c.contains("response") || c.contains("answer")),
        "invitations say who, never what"
    );
}

async fn a_group_of_two_never_shows(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let peers = [
        colleague(&app, "Gijs", None).await,
        colleague(&app, "Hanna", None).await,
    ];
    let employee = app.sign_in(&app.a.employee_email).await;
    let response = start(
        &app,
        &employee,
        &[
            ("title", "Klein"),
            ("deadline", &deadline()),
            ("peers", &peers.join(",")),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let round_path = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let progress = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(
        progress.contains("Minder dan 3 uitgenodigd"),
        "the employee is warned before anyone answers"
    );
    for (recipient, path) in links(&app).await {
        let rating = if recipient == app.a.employee_email {
            "4"
        } else {
            "2"
        };
        assert_eq!(answer(&app, &path, rating, "").await.status(), 200);
    }
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    let report = page
        .split_once("<h2>Resultaat</h2>")
        .map(|(_, r)| r)
        .expect("a report section");
    assert!(
        !report.contains("Collega&#39;s") && !report.contains("Collega's"),
        "two peers are not shown as a group"
    );
    assert!(
        !report.contains("Alle anderen"),
        "two others are not shown at all"
    );
    assert!(
        report.contains("te weinig antwoorden"),
        "and the report says why: {report}"
    );
    let mut conn = app.db.acquire().await.expect("conn");
    let groups: Vec<String> =
        sqlx::query("SELECT rater_group FROM feedback_responses WHERE organisation_id = $1")
            .bind(&app.a.id)
            .fetch_all(&mut *conn)
            .await
            .expect("rows")
            .iter()
            .map(|r| r.try_get::<String, _>(0).expect("group"))
            .collect();
    assert_eq!(groups.iter().filter(|g| *g == "others").count(), 2);
    assert!(!groups.contains(&"peer".to_owned()));
}

async fn bad_input_is_refused_and_changes_nothing(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let peer = colleague(&app, "Iris", None).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    for (fields, field) in [
        (
            vec![
                ("title", "X"),
                ("deadline", "2020-01-01"),
                ("peers", peer.as_str()),
            ],
            "deadline",
        ),
        (
            vec![
                ("title", "X"),
                ("deadline", deadline().leak()),
                ("peers", "geen adres"),
            ],
            "peers",
        ),
        (
            vec![
                ("title", "X"),
                ("deadline", deadline().leak()),
                ("peers", "onbekend@aaa.nl"),
            ],
            "peers",
        ),
        (
            vec![
                ("title", "X"),
                ("deadline", deadline().leak()),
                ("externals", peer.as_str()),
            ],
            "externals",
        ),
        (
            vec![
                ("title", "X"),
                ("deadline", deadline().leak()),
                ("manager", "ja"),
            ],
            "manager",
        ),
    ] {
        let response = start(&app, &employee, &fields).await;
        assert_eq!(response.status(), 422, "{fields:?}");
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains(&format!("href=\"#{field}\"")),
            "{field}"
        );
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let rounds: i64 = sqlx::query("SELECT COUNT(*) FROM feedback_rounds")
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("n");
    assert_eq!(rounds, 0, "refused rounds leave nothing behind");
    drop(conn);

    let response = start(
        &app,
        &employee,
        &[
            ("title", "Goed"),
            ("deadline", &deadline()),
            ("peers", &peer),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let round_path = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let invitations = links(&app).await;
    let (_, peer_link) = invitations
        .iter()
        .find(|(r, _)| r == &peer)
        .expect("peer link")
        .clone();
    // A rating outside the scale is refused.
    let client = app.client();
    let body = client
        .get(app.url(&peer_link))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    let csrf = support::hidden_csrf(&body).expect("csrf");
    let response = client
        .post(app.url(&peer_link))
        .form(&[
            ("csrf", csrf.as_str()),
            ("actie", "versturen"),
            ("rating-verbinden", "9"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 422);
    // A draft is kept, and is not an answer.
    let response = client
        .post(app.url(&peer_link))
        .form(&[
            ("csrf", csrf.as_str()),
            ("actie", "concept"),
            ("rating-verbinden", "4"),
        ])
        .send()
        .await
        .expect("draft");
    assert_eq!(response.status(), 200);
    let reopened = client
        .get(app.url(&peer_link))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    assert!(
        reopened.contains("value=\"4\" checked"),
        "the draft comes back"
    );
    // Unknown and made-up links.
    let response = client
        .get(app.url(&format!("/feedback/antwoord/{}", "0".repeat(64))))
        .send()
        .await
        .expect("unknown");
    assert_eq!(response.status(), 404);
    let response = client
        .get(app.url("/feedback/antwoord/kort"))
        .send()
        .await
        .expect("short");
    assert_eq!(response.status(), 404);
    // The deadline can move, within reason.
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("{round_path}/sluitingsdatum"),
            &[("deadline", "2020-01-01")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let later = (chrono::Utc::now().date_naive() + chrono::Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("{round_path}/sluitingsdatum"),
            &[("deadline", &later)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = employee
        .get(app.url(&round_path))
        .send()
        .await
        .expect("round")
        .text()
        .await
        .expect("body");
    assert!(page.contains(&later), "the new closing date is shown");
    // The employee closes the round; a late answer is refused.
    let response = app
        .post_form(
            &employee,
            &round_path,
            &format!("{round_path}/sluiten"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = client
        .get(app.url(&peer_link))
        .send()
        .await
        .expect("closed");
    assert_eq!(response.status(), 409);
    let mut conn = app.db.acquire().await.expect("conn");
    let responses: i64 = sqlx::query("SELECT COUNT(*) FROM feedback_responses")
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("n");
    assert_eq!(
        responses, 0,
        "drafts and refused answers never became responses"
    );
    let drafts: i64 =
        sqlx::query("SELECT COUNT(*) FROM feedback_invitations WHERE draft IS NOT NULL")
            .fetch_one(&mut *conn)
            .await
            .expect("count")
            .try_get(0)
            .expect("n");
    assert_eq!(drafts, 1);
}

on_both_databases!(
    a_full_round_is_anonymous_by_construction,
    a_group_of_two_never_shows,
    bad_input_is_refused_and_changes_nothing
);
