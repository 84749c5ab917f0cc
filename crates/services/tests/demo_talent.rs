//! The demo makes the team builder and insight meaningful, on both databases: Sanne (manager)
//! gets a full team with reasons, Priya (HR) sees shown cells and a trend that grew over the
//! quarters, and nothing shown is a group below the threshold.

mod common;

use common::{fresh, settings};
use kleur_domain::Role;
use kleur_services::auth;
use kleur_services::demo::{self, DEMO_PASSWORD};
use kleur_services::talent::{self, RequirementInput, TeamInput};
use kleur_test_support::{TestBackend, on_both_databases};

async fn demo_content_makes_builder_and_insight_meaningful(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let info = demo::ensure_demo(&db, 300).await.expect("demo");
    let login = |role: Role| {
        info.logins
            .iter()
            .find(|l| l.role == role)
            .expect("a login")
            .email
            .clone()
    };
    let manager = auth::login(&db, &settings(), &login(Role::Manager), DEMO_PASSWORD)
        .await
        .expect("manager")
        .actor;
    let requirement = |talent: &str, weight: &str| RequirementInput {
        talent: talent.into(),
        weight: weight.into(),
        level: "3".into(),
    };
    let input = TeamInput {
        requirements: vec![
            requirement("analyseren", "5"),
            requirement("verbinden", "4"),
            requirement("organiseren", "3"),
            requirement("innoveren", "3"),
        ],
        size: "4".into(),
        only_available: true,
        ..TeamInput::default()
    };
    let proposal = talent::propose(&db, &manager, &input)
        .await
        .expect("proposal");
    assert_eq!(proposal.members.len(), 4);
    assert!(
        proposal.candidate_count >= 20,
        "{}",
        proposal.candidate_count
    );
    assert!(
        proposal.coverage_percent >= 75,
        "{}",
        proposal.coverage_percent
    );
    // Every member is explained: what they bring alone or together with someone else. (Which of
    // the two depends on how much the demo's people overlap, so the test does not fix it.)
    assert!(
        proposal
            .members
            .iter()
            .all(|m| !m.unique.is_empty() || !m.shared.is_empty()),
        "every member brings something"
    );
    assert!(proposal.alternative.is_some());

    let hr = auth::login(&db, &settings(), &login(Role::HrAdviser), DEMO_PASSWORD)
        .await
        .expect("hr")
        .actor;
    let insight = talent::insight(&db, &hr, None, None)
        .await
        .expect("insight");
    let shown: Vec<u32> = insight
        .table
        .cells
        .iter()
        .flatten()
        .flatten()
        .copied()
        .collect();
    assert!(
        shown.iter().any(|v| *v >= 3),
        "some cells are shown: {shown:?}"
    );
    assert!(shown.iter().all(|v| *v == 0 || *v >= 3), "{shown:?}");
    // The trend grew: an earlier quarter shows fewer people than a later one somewhere.
    assert!(
        insight.trend.iter().any(|(_, values)| {
            let known: Vec<u32> = values.iter().flatten().copied().collect();
            known.len() >= 2 && known.first() < known.last()
        }),
        "{:?}",
        insight.trend
    );
    // An employee may use neither.
    let employee = auth::login(&db, &settings(), &login(Role::Employee), DEMO_PASSWORD)
        .await
        .expect("employee")
        .actor;
    assert!(matches!(
        talent::insight(&db, &employee, None, None).await,
        Err(kleur_services::ServiceError::Forbidden)
    ));
    assert!(matches!(
        talent::propose(&db, &employee, &input).await,
        Err(kleur_services::ServiceError::Forbidden)
    ));
}

on_both_databases!(demo_content_makes_builder_and_insight_meaningful);
