//! Helpers shared by the services' integration tests. Each test file uses a different subset.
#![allow(dead_code)]

use kleur_domain::Role;
use kleur_services::{Actor, Settings, actor};
use kleur_storage::{Db, migrate, org, people};
use kleur_test_support::{TestBackend, TestDatabase};

/// A fresh, migrated database; keep the `TestDatabase` alive for as long as the test runs.
pub async fn fresh(backend: TestBackend) -> (TestDatabase, Db) {
    let database = TestDatabase::new(backend).await;
    let db = Db::connect(&database.url, 4).await.expect("connect");
    migrate::run(&db).await.expect("migrate");
    (database, db)
}

pub fn settings() -> Settings {
    Settings {
        base_url: "https://kleur.elderveen.test".into(),
        session_hours: 12,
    }
}

pub async fn organisation(db: &Db, slug: &str) -> String {
    let mut conn = db.acquire().await.expect("conn");
    org::insert_organisation(&mut conn, slug, &format!("Gemeente {slug}"), "nl")
        .await
        .expect("organisation")
        .id
}

/// Adds a person with the given extra roles (everyone also gets `employee`).
pub async fn person(
    db: &Db,
    organisation_id: &str,
    display_name: &str,
    email: &str,
    roles: &[Role],
) -> String {
    let mut tx = db.begin().await.expect("begin");
    let id = people::insert_person(
        &mut tx,
        &people::NewPerson {
            organisation_id,
            employee_number: Some(email),
            display_name,
            email,
            function_title: "Beleidsadviseur",
            unit_id: None,
            manager_id: None,
            password_hash: None,
        },
    )
    .await
    .expect("person");
    for role in std::iter::once(Role::Employee).chain(roles.iter().copied()) {
        people::grant_role(&mut tx, organisation_id, &id, role.as_str())
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");
    id
}

pub async fn actor_for(db: &Db, organisation_id: &str, person_id: &str) -> Actor {
    let mut conn = db.acquire().await.expect("conn");
    actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

/// `SELECT COUNT(*) …` with one bound parameter.
pub async fn count(db: &Db, sql: &'static str, parameter: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .bind(parameter)
        .fetch_one(db.pool())
        .await
        .expect("count")
}

pub async fn people_in(db: &Db, organisation_id: &str) -> i64 {
    count(
        db,
        "SELECT COUNT(*) FROM people WHERE organisation_id = $1",
        organisation_id,
    )
    .await
}

pub async fn units_in(db: &Db, organisation_id: &str) -> i64 {
    count(
        db,
        "SELECT COUNT(*) FROM units WHERE organisation_id = $1",
        organisation_id,
    )
    .await
}

/// The reset token in a password-reset mail body (the link's last path segment).
pub fn reset_token(body: &str, base_url: &str) -> String {
    let prefix = format!("{base_url}/wachtwoord-herstellen/");
    let start = body
        .find(&prefix)
        .unwrap_or_else(|| panic!("no reset link with {prefix} in {body:?}"))
        + prefix.len();
    let token: String = body[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "a reset token is 64 hex characters");
    token
}
