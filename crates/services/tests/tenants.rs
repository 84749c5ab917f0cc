//! Tenant isolation and authorisation at the service level, on both databases.

mod common;

use std::collections::HashSet;

use common::{actor_for, fresh, organisation, people_in, person};
use kleur_domain::{PageRequest, Role};
use kleur_services::people::{self, PersonInput};
use kleur_services::{Actor, ServiceError};
use kleur_storage::Db;
use kleur_storage::people::PeopleFilter;
use kleur_test_support::{TestBackend, on_both_databases};

struct Tenant {
    id: String,
    hr: Actor,
    admin: Actor,
    employee: Actor,
    /// Everyone in the organisation, including the three above.
    people: Vec<String>,
}

/// An organisation with an HR adviser, an administrator, an employee and a few colleagues. Both
/// organisations have a "Sanne van der Berg" with the same address, to catch mix-ups.
async fn tenant(db: &Db, slug: &str, colleague: &str) -> Tenant {
    let id = organisation(db, slug).await;
    let hr_id = person(
        db,
        &id,
        &format!("Priya Ramdin ({slug})"),
        &format!("priya@{slug}.nl"),
        &[Role::HrAdviser],
    )
    .await;
    let admin_id = person(
        db,
        &id,
        &format!("Joost Bakker ({slug})"),
        &format!("joost@{slug}.nl"),
        &[Role::Administrator],
    )
    .await;
    let employee_id = person(
        db,
        &id,
        &format!("Daan de Vries ({slug})"),
        &format!("daan@{slug}.nl"),
        &[],
    )
    .await;
    let sanne = person(
        db,
        &id,
        "Sanne van der Berg",
        "sanne@gedeeld.nl",
        &[Role::Manager],
    )
    .await;
    let only_here = person(db, &id, colleague, &format!("collega@{slug}.nl"), &[]).await;
    Tenant {
        hr: actor_for(db, &id, &hr_id).await,
        admin: actor_for(db, &id, &admin_id).await,
        employee: actor_for(db, &id, &employee_id).await,
        people: vec![hr_id, admin_id, employee_id, sanne, only_here],
        id,
    }
}

fn input(name: &str, email: &str) -> PersonInput {
    PersonInput {
        display_name: name.into(),
        email: email.into(),
        function_title: "Jurist".into(),
        ..Default::default()
    }
}

fn everyone() -> PageRequest {
    PageRequest::new(Some(1), Some(PageRequest::MAX_PER_PAGE))
}

async fn list_ids(db: &Db, actor: &Actor, search: Option<&str>) -> (HashSet<String>, u64) {
    let filter = PeopleFilter {
        search,
        ..Default::default()
    };
    let page = people::list(db, actor, &filter, everyone())
        .await
        .expect("list");
    (page.items.into_iter().map(|p| p.id).collect(), page.total)
}

async fn get_is_scoped_to_the_organisation(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let a = tenant(&db, "elderveen", "Kees Visser").await;
    let b = tenant(&db, "rivierstad", "Iris Smit").await;

    for person_id in &a.people {
        let detail = people::get(&db, &a.employee, person_id)
            .await
            .expect("a colleague is visible");
        assert_eq!(&detail.person.id, person_id);
        assert_eq!(detail.person.organisation_id, a.id);
    }
    for actor in [&a.hr, &a.admin, &a.employee] {
        for person_id in &b.people {
            let result = people::get(&db, actor, person_id).await;
            assert!(
                matches!(result, Err(ServiceError::NotFound)),
                "another organisation's person is not found: {:?}",
                result.map(|d| d.person)
            );
        }
    }
    assert!(matches!(
        people::get(&db, &b.admin, &a.people[0]).await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        people::get(&db, &a.admin, "does-not-exist").await,
        Err(ServiceError::NotFound)
    ));
}

async fn list_never_shows_another_organisation(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let a = tenant(&db, "elderveen", "Kees Visser").await;
    let b = tenant(&db, "rivierstad", "Iris Smit").await;

    let (ids, total) = list_ids(&db, &a.employee, None).await;
    assert_eq!(ids, a.people.iter().cloned().collect::<HashSet<_>>());
    assert_eq!(total, 5);
    let (ids, total) = list_ids(&db, &b.hr, None).await;
    assert_eq!(ids, b.people.iter().cloned().collect::<HashSet<_>>());
    assert_eq!(total, 5);

    // Searching for a name that only the other organisation has finds nothing.
    let (ids, total) = list_ids(&db, &a.hr, Some("Iris Smit")).await;
    assert!(ids.is_empty(), "{ids:?}");
    assert_eq!(total, 0);
    let (ids, _) = list_ids(&db, &b.hr, Some("Iris")).await;
    assert_eq!(ids.len(), 1);
    // The shared name matches once per organisation, each in its own.
    let (ids, total) = list_ids(&db, &a.hr, Some("sanne")).await;
    assert_eq!((ids.len(), total), (1, 1));
    assert!(ids.contains(&a.people[3]));
    let (ids, _) = list_ids(&db, &b.hr, Some("SANNE")).await;
    assert!(ids.contains(&b.people[3]) && ids.len() == 1);

    // Filtering by a manager of the other organisation finds nothing either.
    let filter = PeopleFilter {
        manager_id: Some(&b.people[3]),
        ..Default::default()
    };
    let page = people::list(&db, &a.hr, &filter, everyone())
        .await
        .expect("list");
    assert!(page.items.is_empty());
}

async fn updates_cannot_reach_another_organisation(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let a = tenant(&db, "elderveen", "Kees Visser").await;
    let b = tenant(&db, "rivierstad", "Iris Smit").await;
    let target = &b.people[4];

    let change = input("Gekaapt", "gekaapt@elderveen.nl");
    for actor in [&a.hr, &a.admin] {
        let result = people::update(&db, actor, target, &change).await;
        assert!(
            matches!(result, Err(ServiceError::NotFound)),
            "update across organisations: {result:?}"
        );
    }
    let unchanged = people::get(&db, &b.hr, target).await.expect("get");
    assert_eq!(unchanged.person.display_name, "Iris Smit");
    assert_eq!(unchanged.person.email, "collega@rivierstad.nl");

    // A manager from the other organisation cannot be assigned, by id, on create or update.
    let with_foreign_manager = PersonInput {
        manager_id: b.people[3].clone(),
        ..input("Tim Kok", "tim@elderveen.nl")
    };
    assert!(matches!(
        people::create(&db, &a.hr, &with_foreign_manager).await,
        Err(ServiceError::Invalid(errors)) if errors.iter().any(|e| e.field == "manager_id")
    ));
    assert!(matches!(
        people::update(&db, &a.hr, &a.people[4], &with_foreign_manager).await,
        Err(ServiceError::Invalid(errors)) if errors.iter().any(|e| e.field == "manager_id")
    ));
    // Nor can roles be given there.
    assert!(matches!(
        people::set_role(&db, &a.admin, target, Role::Administrator, true).await,
        Err(ServiceError::NotFound)
    ));
    let detail = people::get(&db, &b.hr, target).await.expect("get");
    assert_eq!(detail.roles, ["employee"]);
    assert_eq!(people_in(&db, &a.id).await, 5);
    assert_eq!(people_in(&db, &b.id).await, 5);

    // The same update within the organisation works.
    people::update(
        &db,
        &b.hr,
        target,
        &PersonInput {
            manager_id: b.people[3].clone(),
            ..input("Iris Smit-de Boer", "iris@rivierstad.nl")
        },
    )
    .await
    .expect("update within the organisation");
    let detail = people::get(&db, &b.hr, target).await.expect("get");
    assert_eq!(detail.person.display_name, "Iris Smit-de Boer");
    assert_eq!(detail.manager.map(|m| m.id).as_ref(), Some(&b.people[3]));
}

async fn only_people_admins_change_people(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let a = tenant(&db, "elderveen", "Kees Visser").await;

    let new = input("Tim Kok", "tim@elderveen.nl");
    assert!(matches!(
        people::create(&db, &a.employee, &new).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        people::update(&db, &a.employee, &a.people[4], &new).await,
        Err(ServiceError::Forbidden)
    ));
    // A manager is not a people admin either.
    let manager = actor_for(&db, &a.id, &a.people[3]).await;
    assert!(matches!(
        people::create(&db, &manager, &new).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        people::set_role(&db, &a.hr, &a.people[2], Role::Administrator, true).await,
        Err(ServiceError::Forbidden)
    ));
    assert_eq!(people_in(&db, &a.id).await, 5, "nothing was created");

    for actor in [&a.hr, &a.admin] {
        let email = format!("tim.{}@elderveen.nl", actor.person_id);
        let id = people::create(&db, actor, &input("Tim Kok", &email))
            .await
            .expect("a people admin creates");
        let detail = people::get(&db, &a.employee, &id).await.expect("get");
        assert_eq!(detail.person.organisation_id, a.id);
        assert_eq!(detail.roles, ["employee"]);
    }
    assert_eq!(people_in(&db, &a.id).await, 7);
}

on_both_databases!(
    get_is_scoped_to_the_organisation,
    list_never_shows_another_organisation,
    updates_cannot_reach_another_organisation,
    only_people_admins_change_people,
);
