//! Feedback questionnaires HR builds and assigns, and the start form's warning for groups below
//! the anonymity threshold, through real HTTP on both databases. The tests try to break the
//! rules: employees building questionnaires, another tenant's questionnaires, bad input.

mod support;

use kleur_domain::Role;
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn colleague(app: &TestApp, name: &str, function: &str, manager: Option<&str>) -> String {
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
            function_title: function,
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
    id
}

fn deadline() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned()
}

/// Creates a questionnaire as `client`; returns its id.
async fn build(app: &TestApp, client: &reqwest::Client, fields: &[(&str, &str)]) -> String {
    let response = app
        .post_form(
            client,
            "/beheer/vragenlijsten/nieuw",
            "/beheer/vragenlijsten/nieuw",
            fields,
        )
        .await;
    assert_eq!(response.status(), 303);
    let path = location(&response);
    path.trim_start_matches("/beheer/vragenlijsten/")
        .split('?')
        .next()
        .expect("id")
        .to_owned()
}

async fn start_round(
    app: &TestApp,
    employee: &reqwest::Client,
    title: &str,
    peers: &[String],
) -> String {
    let response = app
        .post_form(
            employee,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("title", title),
                ("deadline", &deadline()),
                ("peers", &peers.join("\n")),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "{title}");
    location(&response)
        .trim_start_matches("/feedback/rondes/")
        .to_owned()
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

async fn hr_builds_assigns_and_versions_and_a_round_keeps_its_version(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let mut peers = Vec::new();
    for name in ["Anna", "Bram", "Cem"] {
        colleague(&app, name, "Jurist", None).await;
        peers.push(format!("{}@aaa.nl", name.to_lowercase()));
    }
    let hr = app.sign_in(&app.a.admin_email).await;
    let list = hr
        .get(app.url("/beheer/vragenlijsten"))
        .send()
        .await
        .expect("list");
    assert_eq!(list.status(), 200);
    assert!(
        list.text()
            .await
            .expect("body")
            .contains("Basisvragenlijst Kleur"),
        "the default questionnaire is listed"
    );
    let id = build(
        &app,
        &hr,
        &[
            ("naam_nl", "Adviseurs 2026"),
            ("naam_en", "Advisers 2026"),
            ("schaal", "4"),
            ("talent", "analyseren"),
            ("talent", "onderzoeken"),
            ("open_nl_1", "Wat moet blijven?"),
            ("open_en_1", "What should stay?"),
        ],
    )
    .await;
    let page = hr
        .get(app.url(&format!("/beheer/vragenlijsten/{id}")))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Adviseurs 2026") && page.contains("Wat moet blijven?"));

    // Assigned to the function of the employee (tenant a's employee is an "Adviseur").
    let response = app
        .post_form(
            &hr,
            &format!("/beheer/vragenlijsten/{id}"),
            &format!("/beheer/vragenlijsten/{id}/toewijzen"),
            &[("soort", "function"), ("doel", "Adviseur")],
        )
        .await;
    assert_eq!(response.status(), 303);

    // The employee's start form preselects it; a round started without choosing uses it.
    let employee = app.sign_in(&app.a.employee_email).await;
    let form = employee
        .get(app.url("/feedback/nieuw"))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    assert!(
        form.contains(&format!(
            "id=\"questionnaire-{id}\" name=\"questionnaire\" value=\"{id}\" checked"
        )),
        "the assigned questionnaire is preselected"
    );
    let first = start_round(&app, &employee, "Eerste", &peers).await;

    // HR drops a talent: version 2. The running round keeps version 1.
    let response = app
        .post_form(
            &hr,
            &format!("/beheer/vragenlijsten/{id}/wijzigen"),
            &format!("/beheer/vragenlijsten/{id}/wijzigen"),
            &[
                ("naam_nl", "Adviseurs 2026"),
                ("naam_en", "Advisers 2026"),
                ("schaal", "4"),
                ("houd", "analyseren"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let second = start_round(&app, &employee, "Tweede", &peers).await;
    let mut conn = app.db.acquire().await.expect("conn");
    for (round, version) in [(&first, 1_i64), (&second, 2)] {
        let row = sqlx::query(
            "SELECT questionnaire_id, questionnaire_version FROM feedback_rounds WHERE id = $1",
        )
        .bind(round)
        .fetch_one(&mut *conn)
        .await
        .expect("round");
        let stored: String = row.try_get(0).expect("id");
        let stored_version: i64 = row.try_get(1).expect("version");
        assert_eq!((stored.as_str(), stored_version), (id.as_str(), version));
    }
    let versions: i64 = sqlx::query(
        "SELECT COUNT(*) FROM feedback_questionnaires WHERE organisation_id = $1 AND id = $2",
    )
    .bind(&app.a.id)
    .bind(&id)
    .fetch_one(&mut *conn)
    .await
    .expect("versions")
    .try_get(0)
    .expect("n");
    assert_eq!(versions, 2, "an edit adds a version and keeps the old one");
    drop(conn);

    // The first round's raters still answer version 1: on a 1–4 scale, with the dropped talent.
    let invitation: String = {
        let mut conn = app.db.acquire().await.expect("conn");
        sqlx::query(
            "SELECT id FROM feedback_invitations WHERE round_id = $1 AND rater_group = 'self'",
        )
        .bind(&first)
        .fetch_one(&mut *conn)
        .await
        .expect("invitation")
        .try_get(0)
        .expect("id")
    };
    let answer = employee
        .get(app.url(&format!("/feedback/verzoeken/{invitation}")))
        .send()
        .await
        .expect("form");
    assert_eq!(answer.status(), 200);
    let answer = answer.text().await.expect("body");
    assert!(
        answer.contains("name=\"rating-onderzoeken\""),
        "version 1 items"
    );
    assert!(answer.contains("id=\"r-analyseren-4\"") && !answer.contains("id=\"r-analyseren-5\""));
}

async fn only_hr_of_the_same_tenant_manages_questionnaires(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let id = build(
        &app,
        &hr,
        &[
            ("naam_nl", "Geheim"),
            ("naam_en", "Secret"),
            ("schaal", "5"),
            ("talent", "analyseren"),
        ],
    )
    .await;
    // An employee: 403 everywhere, nothing created.
    let employee = app.sign_in(&app.a.employee_email).await;
    for path in [
        "/beheer/vragenlijsten".to_owned(),
        "/beheer/vragenlijsten/nieuw".to_owned(),
        format!("/beheer/vragenlijsten/{id}"),
        format!("/beheer/vragenlijsten/{id}/wijzigen"),
    ] {
        let response = employee.get(app.url(&path)).send().await.expect("get");
        assert_eq!(response.status(), 403, "{path}");
    }
    let response = app
        .post_form(
            &employee,
            "/feedback",
            &format!("/beheer/vragenlijsten/{id}/toewijzen"),
            &[("soort", "function"), ("doel", "Adviseur")],
        )
        .await;
    assert_eq!(response.status(), 403);
    let response = app
        .post_form(
            &employee,
            "/feedback",
            "/beheer/vragenlijsten/instellingen",
            &[("manager_rounds", "ja")],
        )
        .await;
    assert_eq!(response.status(), 403);
    // HR of the other tenant: not found, and cannot assign it or choose it.
    let other = app.sign_in(&app.b.admin_email).await;
    let response = other
        .get(app.url(&format!("/beheer/vragenlijsten/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &other,
            "/beheer/vragenlijsten",
            &format!("/beheer/vragenlijsten/{id}/toewijzen"),
            &[("soort", "function"), ("doel", "Adviseur")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &other,
            "/beheer/vragenlijsten",
            &format!("/beheer/vragenlijsten/{id}/wijzigen"),
            &[
                ("naam_nl", "Overgenomen"),
                ("naam_en", "Taken"),
                ("schaal", "5"),
                ("talent", "analyseren"),
            ],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_questionnaire_assignments"
        )
        .await,
        0
    );
    let b_employee = app.sign_in(&app.b.employee_email).await;
    let response = app
        .post_form(
            &b_employee,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("title", "Over de grens"),
                ("deadline", &deadline()),
                ("manager", "ja"),
                ("questionnaire", &id),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("href=\"#questionnaire\"")
    );
}

async fn bad_questionnaire_input_gets_clear_errors(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    for (fields, field) in [
        (
            vec![("naam_en", "E"), ("schaal", "5"), ("talent", "analyseren")],
            "naam_nl",
        ),
        (
            vec![
                ("naam_nl", "N"),
                ("naam_en", "E"),
                ("schaal", "99"),
                ("talent", "analyseren"),
            ],
            "schaal",
        ),
        (
            vec![
                ("naam_nl", "N"),
                ("naam_en", "E"),
                ("schaal", "5"),
                ("talent", "bestaat-niet"),
            ],
            "talent",
        ),
        (
            vec![("naam_nl", "N"), ("naam_en", "E"), ("schaal", "5")],
            "talent",
        ),
        (
            vec![
                ("naam_nl", "N"),
                ("naam_en", "E"),
                ("schaal", "5"),
                ("talent", "analyseren"),
                ("open_nl_2", "Alleen Nederlands"),
            ],
            "open_nl_2",
        ),
    ] {
        let response = app
            .post_form(
                &hr,
                "/beheer/vragenlijsten/nieuw",
                "/beheer/vragenlijsten/nieuw",
                &fields,
            )
            .await;
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
    // Only the default questionnaire (created on first visit) exists.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_questionnaires WHERE id <> 'kleur-basis'"
        )
        .await,
        0
    );
    // Assigning to something that does not exist, or an unknown kind, is refused clearly.
    for (kind, target) in [
        ("function", "Astronaut"),
        ("team", "niemand"),
        ("unit", "x"),
        ("planeet", "Mars"),
    ] {
        let response = app
            .post_form(
                &hr,
                "/beheer/vragenlijsten/kleur-basis",
                "/beheer/vragenlijsten/kleur-basis/toewijzen",
                &[("soort", kind), ("doel", target)],
            )
            .await;
        assert_eq!(response.status(), 422, "{kind} {target}");
    }
    let response = app
        .post_form(
            &hr,
            "/beheer/vragenlijsten",
            "/beheer/vragenlijsten/bestaat-niet/toewijzen",
            &[("soort", "function"), ("doel", "Adviseur")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = hr
        .get(app.url("/beheer/vragenlijsten/bestaat-niet/wijzigen"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 404);
}

async fn the_most_specific_assignment_wins(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let lead = colleague(&app, "Lotte", "Teamleider", None).await;
    let member = colleague(&app, "Mees", "Jurist", Some(&lead)).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let mut ids = Vec::new();
    for name in ["Onderdeel", "Team", "Functie"] {
        ids.push(
            build(
                &app,
                &hr,
                &[
                    ("naam_nl", name),
                    ("naam_en", name),
                    ("schaal", "5"),
                    ("talent", "analyseren"),
                ],
            )
            .await,
        );
    }
    let assigned = async || {
        let mut conn = app.db.acquire().await.expect("conn");
        kleur_services::questionnaires::assigned_for(&mut conn, &app.a.id, &member)
            .await
            .expect("assigned")
    };
    assert_eq!(
        assigned().await,
        "kleur-basis",
        "nothing assigned: the default"
    );
    let unit_id = app.a.unit_id.clone();
    for (id, kind, target, expected) in [
        (&ids[0], "unit", unit_id.as_str(), &ids[0]),
        (&ids[1], "team", lead.as_str(), &ids[1]),
        (&ids[2], "function", "jurist", &ids[2]),
    ] {
        let response = app
            .post_form(
                &hr,
                &format!("/beheer/vragenlijsten/{id}"),
                &format!("/beheer/vragenlijsten/{id}/toewijzen"),
                &[("soort", kind), ("doel", target)],
            )
            .await;
        assert_eq!(response.status(), 303, "{kind}");
        assert_eq!(&assigned().await, expected, "after assigning to the {kind}");
    }
    // Withdrawing the function assignment falls back to the team.
    let response = app
        .post_form(
            &hr,
            &format!("/beheer/vragenlijsten/{}", ids[2]),
            &format!("/beheer/vragenlijsten/{}/toewijzing-intrekken", ids[2]),
            &[("soort", "function"), ("doel", "jurist")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(assigned().await, ids[1]);
    // One questionnaire per target: assigning another to the same team replaces it.
    let response = app
        .post_form(
            &hr,
            &format!("/beheer/vragenlijsten/{}", ids[0]),
            &format!("/beheer/vragenlijsten/{}/toewijzen", ids[0]),
            &[("soort", "team"), ("doel", &lead)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(assigned().await, ids[0]);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_questionnaire_assignments WHERE target_kind = 'team'"
        )
        .await,
        1
    );
}

async fn a_group_below_the_threshold_is_warned_about_before_anything_is_sent(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let mut peers = Vec::new();
    for name in ["Anna", "Bram", "Cem"] {
        colleague(&app, name, "Jurist", None).await;
        peers.push(format!("{}@aaa.nl", name.to_lowercase()));
    }
    let employee = app.sign_in(&app.a.employee_email).await;
    let peers = peers.join("\n");
    // Three colleagues and one external partner: the partner's answers will be merged into
    // "others" only if that reaches the threshold, and here it does not (1 < 3): hidden.
    let fields = [
        ("title", "Met een partner"),
        ("deadline", deadline().leak() as &str),
        ("peers", peers.as_str()),
        ("externals", "partner@voorbeeld.nl"),
    ];
    let response = app
        .post_form(&employee, "/feedback/nieuw", "/feedback/nieuw", &fields)
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(
        body.contains("id=\"small_groups_ok\""),
        "offers to start anyway"
    );
    assert!(
        body.contains("halen ze die niet"),
        "explains the answers will be hidden"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback_rounds").await, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox").await,
        0,
        "nothing sent"
    );

    // Two colleagues and two partners: together 4 ≥ 3, merged into "others".
    let response = app
        .post_form(
            &employee,
            "/feedback/nieuw",
            "/feedback/nieuw",
            &[
                ("title", "Samengevoegd"),
                ("deadline", &deadline()),
                ("peers", "anna@aaa.nl\nbram@aaa.nl"),
                ("externals", "een@voorbeeld.nl\ntwee@voorbeeld.nl"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("samengevoegd met de andere kleine groepen")
    );

    // Confirmed: the round starts and the invitations go out.
    let mut confirmed = fields.to_vec();
    confirmed.push(("small_groups_ok", "ja"));
    let response = app
        .post_form(&employee, "/feedback/nieuw", "/feedback/nieuw", &confirmed)
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback_rounds").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 5);
}

on_both_databases!(
    hr_builds_assigns_and_versions_and_a_round_keeps_its_version,
    only_hr_of_the_same_tenant_manages_questionnaires,
    bad_questionnaire_input_gets_clear_errors,
    the_most_specific_assignment_wins,
    a_group_below_the_threshold_is_warned_about_before_anything_is_sent
);
