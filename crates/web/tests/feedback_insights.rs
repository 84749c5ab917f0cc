//! The report's trend over earlier rounds and turning an insight into a talent or goal, through
//! real HTTP on both databases; both only for the employee themself.

mod support;

use kleur_domain::Role;
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

async fn colleague(app: &TestApp, name: &str) {
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
}

/// Closed demo rounds of the tenant-a employee (manager: the administrator); their ids, oldest
/// first.
async fn closed_rounds(app: &TestApp, how_many: usize) -> Vec<String> {
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
    for name in ["Anna", "Bram", "Cem"] {
        colleague(app, name).await;
    }
    for _ in 0..how_many {
        kleur_services::feedback::seed_demo(&app.db, &app.a.id, &app.a.employee_id)
            .await
            .expect("closed round");
    }
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("SELECT id FROM feedback_rounds WHERE subject_id = $1 ORDER BY closed_at, id")
        .bind(&app.a.employee_id)
        .fetch_all(&mut *conn)
        .await
        .expect("rounds")
        .into_iter()
        .map(|row| row.try_get(0).expect("id"))
        .collect()
}

async fn body(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn the_trend_shows_earlier_rounds_to_the_employee_only(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let rounds = closed_rounds(&app, 2).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let latest = format!("/feedback/rondes/{}", rounds[1]);
    let (status, page) = body(&employee, app.url(&latest)).await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"trend\""), "two closed rounds: a trend");
    assert!(page.contains("id=\"trend-luisteren\""));
    // A chart and its table: two rounds, so two rows per item.
    let table_start = page.find("id=\"trend-luisteren\"").expect("trend item");
    let section = &page[table_start..];
    let section = &section[..section.find("</section>").expect("end")];
    assert!(section.contains("<svg") && section.contains("<polyline"));
    assert_eq!(section.matches("<tr><th scope=\"row\">").count(), 2);
    // The first round alone has nothing earlier.
    let (_, first) = body(
        &employee,
        app.url(&format!("/feedback/rondes/{}", rounds[0])),
    )
    .await;
    assert!(!first.contains("id=\"trend\""));

    // Shared with the manager: the report, but neither the trend nor the insight buttons.
    let response = app
        .post_form(
            &employee,
            &latest,
            &format!("{latest}/delen"),
            &[("gedeeld", "ja")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let manager = app.sign_in(&app.a.admin_email).await;
    let (status, shared) = body(&manager, app.url(&latest)).await;
    assert_eq!(status, 200);
    assert!(
        shared.contains("Luistert echt en vraagt door."),
        "the shared report"
    );
    assert!(
        !shared.contains("id=\"trend\""),
        "no earlier rounds for the manager"
    );
    // The one-step insight buttons post to the round's own insight route (the navigation may
    // link to the organisation insight page, which is something else).
    assert!(!shared.contains(&format!("{latest}/inzicht")));
}

async fn an_insight_becomes_a_private_talent_or_goal_in_one_step(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let rounds = closed_rounds(&app, 1).await;
    let round = format!("/feedback/rondes/{}", rounds[0]);
    let insight = format!("{round}/inzicht");
    let employee = app.sign_in(&app.a.employee_email).await;

    let response = app
        .post_form(
            &employee,
            &round,
            &insight,
            &[("item", "helder"), ("naar", "talent")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let edit = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(edit.starts_with("/portfolio/items/") && edit.ends_with("/wijzigen"));
    let (status, form) = body(&employee, app.url(&edit)).await;
    assert_eq!(status, 200);
    assert!(form.contains("Legt ingewikkelde zaken helder uit."));
    assert!(form.contains("Uit feedbackronde"));

    let response = app
        .post_form(
            &employee,
            &round,
            &insight,
            &[("item", "rust"), ("naar", "doel")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let edit = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(edit.starts_with("/doelen/") && edit.ends_with("/wijzigen"));
    let (status, form) = body(&employee, app.url(&edit)).await;
    assert_eq!(status, 200);
    assert!(form.contains("Blijft rustig als het spannend wordt."));

    let mut conn = app.db.acquire().await.expect("conn");
    let visibility: String =
        sqlx::query("SELECT visibility FROM portfolio_items WHERE owner_id = $1")
            .bind(&app.a.employee_id)
            .fetch_one(&mut *conn)
            .await
            .expect("item")
            .try_get(0)
            .expect("visibility");
    assert_eq!(visibility, "private");
    drop(conn);

    // Bad input and other people: a clear refusal, nothing created.
    let response = app
        .post_form(
            &employee,
            &round,
            &insight,
            &[("item", "bestaat-niet"), ("naar", "doel")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &employee,
            &round,
            &insight,
            &[("item", "rust"), ("naar", "iets")],
        )
        .await;
    assert_eq!(response.status(), 400);
    let other = app.sign_in(&app.b.employee_email).await;
    let manager = app.sign_in(&app.a.admin_email).await;
    for client in [&other, &manager] {
        let response = app
            .post_form(
                client,
                "/feedback",
                &insight,
                &[("item", "rust"), ("naar", "talent")],
            )
            .await;
        assert_eq!(response.status(), 404);
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let items: i64 = sqlx::query("SELECT COUNT(*) FROM portfolio_items")
        .fetch_one(&mut *conn)
        .await
        .expect("count")
        .try_get(0)
        .expect("n");
    assert_eq!(items, 1);
}

on_both_databases!(
    the_trend_shows_earlier_rounds_to_the_employee_only,
    an_insight_becomes_a_private_talent_or_goal_in_one_step
);
