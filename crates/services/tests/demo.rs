//! The demo organisation: size, management chain, logins, and reuse; on both databases.

mod common;

use std::collections::HashMap;

use common::{fresh, people_in, settings, units_in};
use kleur_domain::Role;
use kleur_services::auth;
use kleur_services::demo::{self, DEMO_PASSWORD, DEMO_SLUG};
use kleur_storage::Db;
use kleur_test_support::{TestBackend, on_both_databases};

/// Person id -> manager id for everyone in the organisation.
async fn managers(db: &Db, organisation_id: &str) -> HashMap<String, Option<String>> {
    sqlx::query_as::<_, (String, Option<String>)>(
        "SELECT id, manager_id FROM people WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(db.pool())
    .await
    .expect("people")
    .into_iter()
    .collect()
}

async fn demo_has_people_managers_and_logins(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let info = demo::ensure_demo(&db, 500).await.expect("demo");
    assert!(info.created);
    assert_eq!(info.people, 500);
    assert_eq!(people_in(&db, &info.organisation_id).await, 500);

    let managers = managers(&db, &info.organisation_id).await;
    assert_eq!(managers.len(), 500);
    let tops: Vec<&String> = managers
        .iter()
        .filter(|(_, manager)| manager.is_none())
        .map(|(id, _)| id)
        .collect();
    assert_eq!(tops.len(), 1, "everyone but the top has a manager");
    let top = tops[0].clone();
    // Every chain reaches the top without a circle, and every manager is a person here.
    for start in managers.keys() {
        let mut current = start.clone();
        let mut steps = 0;
        while let Some(Some(manager)) = managers.get(&current) {
            assert!(
                managers.contains_key(manager),
                "manager {manager} is in the organisation"
            );
            current = manager.clone();
            steps += 1;
            assert!(steps < 10, "the chain from {start} is too long or circular");
        }
        assert_eq!(current, top, "the chain from {start} ends at the top");
    }

    // Every person is in a unit of the organisation and has the employee role.
    let without_unit: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM people p WHERE p.organisation_id = $1 AND NOT EXISTS \
         (SELECT 1 FROM units u WHERE u.organisation_id = p.organisation_id AND u.id = p.unit_id)",
    )
    .bind(&info.organisation_id)
    .fetch_one(db.pool())
    .await
    .expect("count");
    assert_eq!(without_unit, 0);
    let employees: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM person_roles WHERE organisation_id = $1 AND role = 'employee'",
    )
    .bind(&info.organisation_id)
    .fetch_one(db.pool())
    .await
    .expect("count");
    assert_eq!(employees, 500);
    let units = units_in(&db, &info.organisation_id).await;
    assert!(
        units > 1 + 4 + 12,
        "root, directorates, departments and teams: {units}"
    );

    // Each demo login signs in with the demo password and has its role.
    assert_eq!(info.logins.len(), 6);
    for login in &info.logins {
        let session = auth::login(&db, &settings(), &login.email, DEMO_PASSWORD)
            .await
            .unwrap_or_else(|error| panic!("{} signs in: {error}", login.email));
        assert_eq!(session.actor.organisation_id, info.organisation_id);
        assert_eq!(session.actor.display_name, login.display_name);
        assert!(
            session.actor.roles.has(login.role),
            "{} has {:?}",
            login.email,
            login.role
        );
        assert!(
            matches!(
                auth::login(&db, &settings(), &login.email, "not-the-demo-password").await,
                Err(kleur_services::ServiceError::InvalidCredentials)
            ),
            "a wrong password is refused for {}",
            login.email
        );
    }
    let admin = info
        .logins
        .iter()
        .find(|l| l.role == Role::Administrator)
        .expect("an administrator login");
    let session = auth::login(&db, &settings(), &admin.email, DEMO_PASSWORD)
        .await
        .expect("login");
    assert!(session.actor.roles.can_manage_people());
    // The top of the organisation is the management login.
    let management = info
        .logins
        .iter()
        .find(|l| l.role == Role::Management)
        .expect("a management login");
    let session = auth::login(&db, &settings(), &management.email, DEMO_PASSWORD)
        .await
        .expect("login");
    assert_eq!(session.actor.person_id, top);
}

async fn demo_is_reused_not_duplicated(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let first = demo::ensure_demo(&db, 500).await.expect("demo");
    assert!(first.created);
    let units = units_in(&db, &first.organisation_id).await;

    // Asking again, even for another size, reuses what is there.
    for size in [500, 60] {
        let again = demo::ensure_demo(&db, size).await.expect("demo again");
        assert!(!again.created);
        assert_eq!(again.organisation_id, first.organisation_id);
        assert_eq!(again.people, 500);
    }
    assert_eq!(people_in(&db, &first.organisation_id).await, 500);
    assert_eq!(units_in(&db, &first.organisation_id).await, units);
    let organisations: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE slug = $1")
            .bind(DEMO_SLUG)
            .fetch_one(db.pool())
            .await
            .expect("count");
    assert_eq!(organisations, 1);
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE email = $1")
        .bind(&first.logins[0].email)
        .fetch_one(db.pool())
        .await
        .expect("count");
    assert_eq!(people, 1, "no login is duplicated");
}

on_both_databases!(
    demo_has_people_managers_and_logins,
    demo_is_reused_not_duplicated
);
