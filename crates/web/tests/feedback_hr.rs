//! HR's aggregates of 360° feedback through real HTTP on both databases: nothing below the
//! threshold of different people, nothing individual, nothing of another tenant, only for HR.

mod support;

use kleur_domain::Role;
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
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
    id
}

async fn page(app: &TestApp, client: &reqwest::Client) -> (u16, String) {
    let response = client
        .get(app.url("/beheer/feedback-overzicht"))
        .send()
        .await
        .expect("page");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

const ITEM: &str = "Luistert echt en vraagt door.";

async fn hr_sees_unit_averages_only_from_enough_people_and_nothing_individual(
    backend: TestBackend,
) {
    let app = TestApp::spawn(backend).await;
    let mut subjects = Vec::new();
    for name in ["Anna", "Bram", "Cem"] {
        subjects.push(colleague(&app, name).await);
    }
    let hr = app.sign_in(&app.a.admin_email).await;
    // Two people's closed rounds (each with several raters): below the threshold of three.
    for subject in &subjects[..2] {
        kleur_services::feedback::seed_demo(&app.db, &app.a.id, subject)
            .await
            .expect("closed round");
    }
    let (status, body) = page(&app, &hr).await;
    assert_eq!(status, 200);
    assert!(!body.contains(ITEM), "two people are not enough");
    assert!(body.contains("nog geen onderdeel"));

    // A third person's round: now the unit shows, as averages only.
    kleur_services::feedback::seed_demo(&app.db, &app.a.id, &subjects[2])
        .await
        .expect("closed round");
    let (status, body) = page(&app, &hr).await;
    assert_eq!(status, 200);
    assert!(body.contains(ITEM), "three people: shown");
    assert!(body.contains("Gemeente aaa"), "under the unit's name");
    for individual in ["Anna", "Bram", "Cem", "Feedbackronde 2026", "partner@"] {
        assert!(
            !body.contains(individual),
            "nothing individual: {individual}"
        );
    }

    // Another tenant's HR sees none of it; an employee may not look at all.
    let other = app.sign_in(&app.b.admin_email).await;
    let (status, body) = page(&app, &other).await;
    assert_eq!(status, 200);
    assert!(!body.contains(ITEM));
    let employee = app.sign_in(&app.a.employee_email).await;
    assert_eq!(page(&app, &employee).await.0, 403);
}

on_both_databases!(hr_sees_unit_averages_only_from_enough_people_and_nothing_individual);
