//! Query discipline (issue 11): each main page runs a small number of SQL statements that does
//! not grow with the number of items it shows. Every page is requested with few items and again
//! with many (3 → 30 portfolio items, 2 → 20 goals, rounds, people and extra report responses);
//! the statement count must not grow. Counted through the data layer (`support::statements`).

mod support;

use kleur_domain::Role;
use kleur_services::Actor;
use kleur_services::feedback;
use kleur_services::goals::{self, GoalInput};
use kleur_services::portfolio::{self, ItemInput};
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use support::{PASSWORD, TestApp, statements};

async fn actor(app: &TestApp, person_id: &str) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_services::actor::load(&mut conn, &app.a.id, person_id)
        .await
        .expect("actor")
}

/// Adds `count` colleagues to organisation A's unit.
async fn add_people(app: &TestApp, from: usize, count: usize) {
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("begin");
    for n in from..from + count {
        let id = people::insert_person(
            &mut tx,
            &people::NewPerson {
                organisation_id: &app.a.id,
                employee_number: None,
                display_name: &format!("Collega {n:03}"),
                email: &format!("collega{n}@aaa.nl"),
                function_title: "Adviseur",
                unit_id: Some(&app.a.unit_id),
                manager_id: Some(&app.a.admin_id),
                password_hash: Some(&hash),
            },
        )
        .await
        .expect("person");
        people::grant_role(&mut tx, &app.a.id, &id, Role::Employee.as_str())
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");
}

async fn add_goals(app: &TestApp, owner: &Actor, numbers: std::ops::Range<usize>) -> Vec<String> {
    let mut ids = Vec::new();
    for n in numbers {
        let input = GoalInput {
            level: "personal".into(),
            cycle: goals::current_cycle().to_string(),
            title: format!("Doel {n}"),
            visibility: "organisation".into(),
            ..Default::default()
        };
        ids.push(goals::create(&app.db, owner, &input).await.expect("goal"));
    }
    ids
}

/// Closed feedback rounds of the employee; returns their ids, newest first.
async fn add_rounds(app: &TestApp, count: usize) -> Vec<String> {
    for _ in 0..count {
        feedback::seed_demo(&app.db, &app.a.id, &app.a.employee_id)
            .await
            .expect("round");
    }
    let subject = actor(app, &app.a.employee_id).await;
    feedback::my_rounds(&app.db, &subject)
        .await
        .expect("rounds")
        .into_iter()
        .map(|r| r.round.id)
        .collect()
}

/// Extra anonymous peer responses and comments in a closed round, as a large round has.
async fn add_responses(app: &TestApp, round_id: &str, count: usize) {
    let ratings: std::collections::BTreeMap<String, u8> = feedback::default_items()
        .iter()
        .filter(|i| i.kind == "rating")
        .map(|i| (i.key.clone(), 3))
        .collect();
    let json = serde_json::to_string(&ratings).expect("json");
    let mut tx = app.db.begin().await.expect("begin");
    for n in 0..count {
        kleur_storage::feedback::insert_response(&mut tx, &app.a.id, round_id, "peer", &json)
            .await
            .expect("response");
        kleur_storage::feedback::insert_comment(
            &mut tx,
            &app.a.id,
            round_id,
            "sterk",
            &format!("Opmerking {n}"),
        )
        .await
        .expect("comment");
    }
    tx.commit().await.expect("commit");
}

/// Items in three sections; every third a reflection linking its own goal and round, so a
/// page resolving links one at a time shows up as a growing count.
async fn add_items(
    app: &TestApp,
    owner: &Actor,
    goals: &[String],
    rounds: &[String],
    numbers: std::ops::Range<usize>,
) {
    for n in numbers {
        let section = ["values", "passions", "reflections"][n % 3];
        let link = n / 3;
        let input = ItemInput {
            section: section.into(),
            title: format!("Item {n}"),
            body: "Tekst".into(),
            visibility: "organisation".into(),
            goal_id: goals.get(link).cloned().unwrap_or_default(),
            round_id: rounds.get(link).cloned().unwrap_or_default(),
            ..Default::default()
        };
        portfolio::add_item(&app.db, owner, &input)
            .await
            .expect("item");
    }
}

/// The statement count of one GET, after one warm-up request (so the pool's connections exist).
async fn statements_of(app: &TestApp, client: &reqwest::Client, path: &str) -> usize {
    let get = || async {
        let response = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(response.status(), 200, "{path}");
        response.text().await.expect("body")
    };
    get().await;
    let (_, count) = statements::count(get()).await;
    count
}

async fn page_statements_do_not_grow_with_items(backend: TestBackend) {
    let _exclusive = statements::exclusive().await;
    let app = TestApp::spawn(backend).await;
    let employee = actor(&app, &app.a.employee_id).await;
    let employee_client = app.sign_in(&app.a.employee_email).await;
    let admin_client = app.sign_in(&app.a.admin_email).await;

    add_people(&app, 0, 2).await;
    let goal_ids = add_goals(&app, &employee, 0..2).await;
    let round_ids = add_rounds(&app, 2).await;
    add_items(&app, &employee, &goal_ids, &round_ids, 0..3).await;
    add_responses(&app, &round_ids[0], 2).await;

    let report = format!("/feedback/rondes/{}", round_ids[0]);
    let colleague = format!("/mensen/{}/portfolio", app.a.employee_id);
    let pages: [(&str, &reqwest::Client, &str); 7] = [
        ("home", &employee_client, "/"),
        ("own portfolio", &employee_client, "/portfolio"),
        ("colleague's portfolio", &admin_client, &colleague),
        ("people list", &admin_client, "/beheer/mensen"),
        ("goals", &employee_client, "/doelen"),
        ("feedback overview", &employee_client, "/feedback"),
        ("feedback report", &employee_client, &report),
    ];
    let mut few = Vec::new();
    for (_, client, path) in &pages {
        few.push(statements_of(&app, client, path).await);
    }

    add_people(&app, 2, 18).await;
    let more_goals = add_goals(&app, &employee, 2..20).await;
    let more_rounds = add_rounds(&app, 18).await;
    let goal_ids: Vec<String> = goal_ids.into_iter().chain(more_goals).collect();
    add_items(&app, &employee, &goal_ids, &more_rounds, 3..30).await;
    add_responses(&app, &round_ids[0], 18).await;

    // The pages do show the added items (so a constant count is not a page showing nothing).
    let own = employee_client
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(own.contains("Item 29") && own.contains("Doel 9"), "{own}");
    let people_page = admin_client
        .get(app.url("/beheer/mensen"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(people_page.contains("Collega 019"));

    let mut report_lines = Vec::new();
    for ((name, client, path), few) in pages.iter().zip(few) {
        let many = statements_of(&app, client, path).await;
        report_lines.push(format!("{name}: {few} -> {many}"));
        assert!(
            many <= few,
            "{name} ({path}) ran {few} statements with few items and {many} with many"
        );
        assert!(
            few > 0,
            "{name}: no statements counted, the counter is broken"
        );
    }
    println!(
        "statements per page ({backend:?}): {}",
        report_lines.join(", ")
    );
}

on_both_databases!(page_statements_do_not_grow_with_items);
