//! Internal mobility through real HTTP, on both databases: posting and its validation, draft
//! visibility, matching that never reads items not shared with the whole organisation (checked
//! by changing such items and comparing the ranking), interest and withdrawal with mail through
//! the outbox, the shortlist's permissions, invitations and outcomes, and tenant isolation.

mod support;

use kleur_domain::PageRequest;
use kleur_domain::Role;
use kleur_services::Actor;
use kleur_services::mobility;
use kleur_storage::portfolio::{self as items, NewItem};
use kleur_storage::{mobility as store, people};
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

struct Person {
    id: String,
    email: String,
}

struct Cast {
    poster: Person,
    other_manager: Person,
    hr: Person,
    boss: Person,
    eva: Person,
    finn: Person,
}

async fn person(
    app: &TestApp,
    tx: &mut kleur_storage::Tx,
    name: &str,
    manager: Option<&str>,
    roles: &[Role],
) -> Person {
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let email = format!("{}@aaa.nl", name.to_lowercase().replace(' ', "."));
    let id = people::insert_person(
        tx,
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
    for role in std::iter::once(&Role::Employee).chain(roles) {
        people::grant_role(tx, &app.a.id, &id, role.as_str())
            .await
            .expect("role");
    }
    Person { id, email }
}

async fn cast(app: &TestApp) -> Cast {
    let mut tx = app.db.begin().await.expect("begin");
    let poster = person(app, &mut tx, "Mira Manager", None, &[Role::Manager]).await;
    let other_manager = person(app, &mut tx, "Olaf Ander", None, &[Role::Manager]).await;
    let hr = person(app, &mut tx, "Hanna Hr", None, &[Role::HrAdviser]).await;
    let boss = person(app, &mut tx, "Bert Baas", None, &[Role::Manager]).await;
    let eva = person(app, &mut tx, "Eva Employee", Some(&boss.id), &[]).await;
    let finn = person(app, &mut tx, "Finn Fijn", Some(&boss.id), &[]).await;
    tx.commit().await.expect("commit");
    Cast {
        poster,
        other_manager,
        hr,
        boss,
        eva,
        finn,
    }
}

async fn actor(app: &TestApp, organisation_id: &str, person_id: &str) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_services::actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Posts an opportunity through the form; returns the response.
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.post_form(client, "/kansen", "/kansen/nieuw", fields)
        .await
}

fn location_id(response: &reqwest::Response) -> String {
    let location = response
        .headers()
        .get("location")
        .expect("location")
        .to_str()
        .expect("text");
    location
        .trim_start_matches("/kansen/")
        .split('?')
        .next()
        .expect("id")
        .to_owned()
}

/// A valid published opportunity of `client`'s user asking for the given talents.
async fn published(
    app: &TestApp,
    client: &reqwest::Client,
    title: &str,
    kind: &str,
    required: &[&str],
    nice: &[&str],
) -> String {
    let closing = in_days(14);
    let mut fields = vec![
        ("kind", kind),
        ("title", title),
        ("description", "Omschrijving"),
        ("hours_per_week", "16"),
        ("duration_months", "6"),
        ("closing_date", closing.as_str()),
    ];
    fields.extend(required.iter().map(|k| ("required", *k)));
    fields.extend(nice.iter().map(|k| ("nice", *k)));
    let response = post(app, client, &fields).await;
    assert_eq!(response.status(), 303, "posting {title}");
    let id = location_id(&response);
    let response = app
        .post_form(
            client,
            &format!("/kansen/{id}"),
            &format!("/kansen/{id}/publiceren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303, "publishing {title}");
    id
}

async fn add_item(
    app: &TestApp,
    owner: &str,
    section: &str,
    key: Option<&str>,
    visibility: &str,
    details: &str,
) -> String {
    let mut conn = app.db.acquire().await.expect("conn");
    items::insert_item(
        &mut conn,
        &app.a.id,
        owner,
        &NewItem {
            section,
            title: key.unwrap_or("Ambitie"),
            body: "",
            visibility,
            catalogue_key: key,
            details,
        },
    )
    .await
    .expect("item")
}

async fn opt_in(app: &TestApp, client: &reqwest::Client, hours: &str) {
    let response = app
        .post_form(
            client,
            "/portfolio/beschikbaarheid",
            "/portfolio/beschikbaarheid",
            &[
                ("open_to_opportunities", "1"),
                ("open_to_teams", "1"),
                ("hours_per_week", hours),
                ("available_from", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "opting in");
}

async fn outbox(app: &TestApp) -> Vec<(String, String)> {
    let rows = sqlx::query(
        "SELECT recipient, subject FROM outbox WHERE organisation_id = $1 ORDER BY created_at, id",
    )
    .bind(&app.a.id)
    .fetch_all(app.db.pool())
    .await
    .expect("outbox");
    rows.iter()
        .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1)))
        .collect()
}

async fn posting_and_validation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let poster = app.sign_in(&people.poster.email).await;
    let employee = app.sign_in(&people.eva.email).await;

    // Employees do not post.
    let response = employee
        .get(app.url("/kansen/nieuw"))
        .send()
        .await
        .expect("test step");
    assert_eq!(response.status(), 403);
    let response = post(
        &app,
        &employee,
        &[("kind", "project"), ("title", "x"), ("hours_per_week", "4")],
    )
    .await;
    assert_eq!(response.status(), 403);

    let closing = in_days(10);
    let past = in_days(-1);
    let early_start = in_days(5);
    let form = |hours: &'static str| {
        vec![
            ("kind", "project"),
            ("title", "Projectleider wijkaanpak"),
            ("hours_per_week", hours),
            ("closing_date", closing.as_str()),
            ("required", "analyseren"),
        ]
    };
    for (hours, message) in [
        ("169", "168"),
        ("100000000000000000000000", "168"),
        ("80", "60"),
        ("0", "minstens 1"),
        ("veel", "minstens 1"),
        ("", "Vul het aantal uren"),
    ] {
        let response = post(&app, &poster, &form(hours)).await;
        assert_eq!(response.status(), 422, "hours {hours}");
        let page = response.text().await.expect("test step");
        assert!(page.contains(message), "hours {hours}: {message}");
        assert!(page.contains("Projectleider wijkaanpak"), "input kept");
    }
    let bad = [
        (
            vec![
                ("kind", "raket"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
            ],
            "Kies een soort kans",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", " "),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
            ],
            "Vul dit in",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", past.as_str()),
            ],
            "in het verleden",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", "2026-02-30"),
            ],
            "bestaande datum",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
                ("start_date", early_start.as_str()),
            ],
            "vóór de sluitingsdatum",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
                ("required", "geen-talent"),
            ],
            "talentencatalogus",
        ),
        (
            vec![
                ("kind", "project"),
                ("title", "t"),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
                ("duration_months", "61"),
            ],
            "60 maanden",
        ),
    ];
    for (fields, message) in bad {
        let response = post(&app, &poster, &fields).await;
        assert_eq!(response.status(), 422, "{fields:?}");
        assert!(
            response.text().await.expect("test step").contains(message),
            "{message}"
        );
    }
    let mut conn = app.db.acquire().await.expect("test step");
    let count: i64 = sqlx::query("SELECT COUNT(*) FROM opportunities")
        .fetch_one(&mut *conn)
        .await
        .expect("test step")
        .get(0);
    assert_eq!(count, 0, "nothing invalid was stored");
    drop(conn);

    // A valid posting is a draft: poster and HR see it, nobody else, and it is not listed.
    let response = post(&app, &poster, &form("16")).await;
    assert_eq!(response.status(), 303);
    let id = location_id(&response);
    let path = format!("/kansen/{id}");
    let other_manager = app.sign_in(&people.other_manager.email).await;
    let hr = app.sign_in(&people.hr.email).await;
    let other_tenant = app.sign_in(&app.b.admin_email).await;
    for (client, status) in [
        (&poster, 200),
        (&hr, 200),
        (&employee, 404),
        (&other_manager, 404),
        (&other_tenant, 404),
    ] {
        let response = client.get(app.url(&path)).send().await.expect("test step");
        assert_eq!(response.status(), status);
    }
    let list = employee
        .get(app.url("/kansen"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(!list.contains("Projectleider wijkaanpak"));
    // Another manager cannot publish it.
    let response = app
        .post_form(
            &other_manager,
            "/kansen",
            &format!("{path}/publiceren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(&poster, &path, &format!("{path}/publiceren"), &[])
        .await;
    assert_eq!(response.status(), 303);
    let page = employee
        .get(app.url(&path))
        .send()
        .await
        .expect("test step");
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("test step");
    assert!(page.contains("16 uur per week") && page.contains("Analyseren"));
    assert_eq!(
        other_tenant
            .get(app.url(&path))
            .send()
            .await
            .expect("test step")
            .status(),
        404,
        "published is still only for its own organisation"
    );

    // Overview filters: kind, talent and words; the other tenant's list is empty.
    let _second = published(&app, &hr, "Mentor gezocht", "mentoring", &["coachen"], &[]).await;
    let list = |query: &'static str| {
        let employee = employee.clone();
        let url = app.url(&format!("/kansen{query}"));
        async move {
            employee
                .get(url)
                .send()
                .await
                .expect("test step")
                .text()
                .await
                .expect("test step")
        }
    };
    let all = list("").await;
    assert!(all.contains("Projectleider wijkaanpak") && all.contains("Mentor gezocht"));
    let mentoring = list("?soort=mentoring").await;
    assert!(
        !mentoring.contains("Projectleider wijkaanpak") && mentoring.contains("Mentor gezocht")
    );
    let talent = list("?talent=analyseren").await;
    assert!(talent.contains("Projectleider wijkaanpak") && !talent.contains("Mentor gezocht"));
    let words = list("?zoek=MENTOR").await;
    assert!(!words.contains("Projectleider wijkaanpak") && words.contains("Mentor gezocht"));
    let nothing = list("?zoek=%25_").await;
    assert!(nothing.contains("Geen open kansen gevonden"));
    let theirs = other_tenant
        .get(app.url("/kansen"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(!theirs.contains("Mentor gezocht") && theirs.contains("geen open kansen"));

    // Editing keeps validation; another manager may not edit; HR may.
    let response = app
        .post_form(
            &other_manager,
            "/kansen",
            &format!("{path}/wijzigen"),
            &[
                ("kind", "project"),
                ("title", "Gekaapt"),
                ("hours_per_week", "4"),
                ("closing_date", closing.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    let response = app
        .post_form(
            &hr,
            "/kansen",
            &format!("{path}/wijzigen"),
            &[
                ("kind", "project"),
                ("title", "Projectleider wijkaanpak"),
                ("hours_per_week", "170"),
                ("closing_date", closing.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
}

/// Ranking and explanations for Eva, compared as text so that any change shows.
async fn eva_view(app: &TestApp, eva: &Actor, poster: &Actor, ids: &[String]) -> String {
    let mine = mobility::matches_for_me(&app.db, eva, PageRequest::new(None, None))
        .await
        .expect("matches");
    let mut text = serde_json::to_string(
        &mine
            .matches
            .items
            .iter()
            .map(|m| (&m.opportunity.id, &m.explanation))
            .collect::<Vec<_>>(),
    )
    .expect("test step");
    for id in ids {
        let list = mobility::shortlist(&app.db, poster, id)
            .await
            .expect("shortlist");
        text.push_str(&serde_json::to_string(&list.suggested).expect("test step"));
        text.push_str(&serde_json::to_string(&list.interested).expect("test step"));
    }
    text
}

async fn matching_reads_only_organisation_visible_items(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let poster = app.sign_in(&people.poster.email).await;
    let eva_client = app.sign_in(&people.eva.email).await;

    // Before opting in, Eva sees no ranking and is never suggested.
    let page = eva_client
        .get(app.url("/kansen/voor-mij"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(page.contains("zodra je aangeeft"));

    let analysis = published(
        &app,
        &poster,
        "Data-analyse",
        "assignment",
        &["analyseren"],
        &["presenteren"],
    )
    .await;
    let coaching = published(
        &app,
        &poster,
        "Teamcoach tijdelijk",
        "temporary_role",
        &["coachen"],
        &[],
    )
    .await;
    let ids = vec![analysis.clone(), coaching.clone()];

    // Shared with everyone: analysing. Private and team-only: coaching (and more analysing).
    add_item(
        &app,
        &people.eva.id,
        "talents",
        Some("analyseren"),
        "organisation",
        "{}",
    )
    .await;
    let private = add_item(
        &app,
        &people.eva.id,
        "talents",
        Some("coachen"),
        "private",
        "{}",
    )
    .await;
    let team_only = add_item(
        &app,
        &people.eva.id,
        "core_qualities",
        Some("presenteren"),
        "team",
        "{}",
    )
    .await;
    add_item(
        &app,
        &people.eva.id,
        "ambitions",
        None,
        "manager",
        r#"{"open_to":["roles"]}"#,
    )
    .await;
    opt_in(&app, &eva_client, "20").await;

    let eva = actor(&app, &app.a.id, &people.eva.id).await;
    let poster_actor = actor(&app, &app.a.id, &people.poster.id).await;
    let mine = mobility::matches_for_me(&app.db, &eva, PageRequest::new(None, None))
        .await
        .expect("test step");
    assert!(mine.opted_in);
    let order: Vec<&str> = mine
        .matches
        .items
        .iter()
        .map(|m| m.opportunity.id.as_str())
        .collect();
    assert_eq!(order, vec![analysis.as_str(), coaching.as_str()]);
    let best = &mine.matches.items[0].explanation;
    assert_eq!(
        best.matched
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>(),
        vec!["analyseren"]
    );
    assert_eq!(
        best.develop
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>(),
        vec!["presenteren"],
        "the team-only item does not count"
    );
    let coach = &mine.matches.items[1].explanation;
    assert!(
        coach.matched.is_empty() && coach.ambitions.is_empty(),
        "private talent and manager-only ambition are ignored"
    );
    assert_eq!(
        coach
            .missing
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>(),
        vec!["coachen"]
    );
    let shortlist = mobility::shortlist(&app.db, &poster_actor, &coaching)
        .await
        .expect("test step");
    assert!(
        shortlist
            .suggested
            .iter()
            .all(|c| c.person_id != people.eva.id),
        "not suggested on private items"
    );
    let shortlist = mobility::shortlist(&app.db, &poster_actor, &analysis)
        .await
        .expect("test step");
    assert_eq!(
        shortlist
            .suggested
            .iter()
            .map(|c| c.person_id.as_str())
            .collect::<Vec<_>>(),
        vec![people.eva.id.as_str()]
    );

    // The page shows the same ranking with its reasons.
    let page = eva_client
        .get(app.url("/kansen/voor-mij"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    let first = page.find("Data-analyse").expect("analysis listed");
    let second = page.find("Teamcoach tijdelijk").expect("coaching listed");
    assert!(first < second);
    assert!(
        page.contains("Passende talenten: Analyseren") && page.contains("Ontbreekt nog: Coachen")
    );

    // Changing what is not shared with everyone moves nothing.
    let before = eva_view(&app, &eva, &poster_actor, &ids).await;
    let mut conn = app.db.acquire().await.expect("test step");
    let item = items::get_item(&mut conn, &app.a.id, &private)
        .await
        .expect("test step")
        .expect("test step");
    let changed = NewItem {
        section: "talents",
        title: "Coachen",
        body: "",
        visibility: "manager",
        catalogue_key: Some("coachen"),
        details: "{}",
    };
    assert!(
        items::update_item(
            &mut conn,
            &app.a.id,
            &people.eva.id,
            &private,
            item.version,
            &changed
        )
        .await
        .expect("test step")
    );
    let item = items::get_item(&mut conn, &app.a.id, &team_only)
        .await
        .expect("test step")
        .expect("test step");
    let changed = NewItem {
        section: "core_qualities",
        title: "Analyseren",
        body: "",
        visibility: "team",
        catalogue_key: Some("presenteren"),
        details: "{}",
    };
    assert!(
        items::update_item(
            &mut conn,
            &app.a.id,
            &people.eva.id,
            &team_only,
            item.version,
            &changed
        )
        .await
        .expect("test step")
    );
    drop(conn);
    add_item(
        &app,
        &people.eva.id,
        "talents",
        Some("coachen"),
        "team",
        "{}",
    )
    .await;
    add_item(
        &app,
        &people.eva.id,
        "talents",
        Some("presenteren"),
        "private",
        "{}",
    )
    .await;
    add_item(
        &app,
        &people.eva.id,
        "ambitions",
        None,
        "private",
        r#"{"open_to":["roles","projects"]}"#,
    )
    .await;
    add_item(
        &app,
        &people.eva.id,
        "ambitions",
        None,
        "team",
        r#"{"open_to":["roles"]}"#,
    )
    .await;
    assert_eq!(
        eva_view(&app, &eva, &poster_actor, &ids).await,
        before,
        "items not shared with everyone moved the ranking"
    );

    // Sharing one with the whole organisation does move it (so the comparison can fail).
    let mut conn = app.db.acquire().await.expect("test step");
    let item = items::get_item(&mut conn, &app.a.id, &private)
        .await
        .expect("test step")
        .expect("test step");
    let shared = NewItem {
        section: "talents",
        title: "Coachen",
        body: "",
        visibility: "organisation",
        catalogue_key: Some("coachen"),
        details: "{}",
    };
    assert!(
        items::update_item(
            &mut conn,
            &app.a.id,
            &people.eva.id,
            &private,
            item.version,
            &shared
        )
        .await
        .expect("test step")
    );
    drop(conn);
    assert_ne!(eva_view(&app, &eva, &poster_actor, &ids).await, before);
    let mine = mobility::matches_for_me(&app.db, &eva, PageRequest::new(None, None))
        .await
        .expect("test step");
    assert_eq!(
        mine.matches.items[0].opportunity.id, coaching,
        "all required talents now match"
    );
    let shortlist = mobility::shortlist(&app.db, &poster_actor, &coaching)
        .await
        .expect("test step");
    assert!(
        shortlist
            .suggested
            .iter()
            .any(|c| c.person_id == people.eva.id)
    );

    // Removing a shared item removes its influence; opting out removes Eva from suggestions.
    let mut conn = app.db.acquire().await.expect("test step");
    items::set_deleted(
        &mut conn,
        &app.a.id,
        &people.eva.id,
        &private,
        Some("2026-01-01T00:00:00Z"),
    )
    .await
    .expect("test step");
    drop(conn);
    assert_eq!(eva_view(&app, &eva, &poster_actor, &ids).await, before);
    let response = app
        .post_form(
            &eva_client,
            "/portfolio/beschikbaarheid",
            "/portfolio/beschikbaarheid",
            &[("hours_per_week", "")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let shortlist = mobility::shortlist(&app.db, &poster_actor, &analysis)
        .await
        .expect("test step");
    assert!(shortlist.suggested.is_empty(), "opted out: not suggested");
}

async fn availability_form(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let eva = app.sign_in(&people.eva.email).await;
    let page = eva
        .get(app.url("/portfolio"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(
        page.contains("/portfolio/beschikbaarheid"),
        "linked from the portfolio"
    );
    for (hours, date, message) in [
        ("200", "", "168"),
        ("61", "", "60"),
        ("-3", "", "minstens 1"),
        ("8", "2026-13-01", "bestaande datum"),
    ] {
        let response = app
            .post_form(
                &eva,
                "/portfolio/beschikbaarheid",
                "/portfolio/beschikbaarheid",
                &[
                    ("open_to_teams", "1"),
                    ("hours_per_week", hours),
                    ("available_from", date),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{hours} {date}");
        assert!(response.text().await.expect("test step").contains(message));
    }
    let response = app
        .post_form(
            &eva,
            "/portfolio/beschikbaarheid",
            "/portfolio/beschikbaarheid",
            &[
                ("open_to_teams", "1"),
                ("hours_per_week", "12"),
                ("available_from", "2027-1-4"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mut conn = app.db.acquire().await.expect("test step");
    let stored = kleur_storage::availability::get(&mut conn, &app.a.id, &people.eva.id)
        .await
        .expect("test step");
    assert!(stored.open_to_teams && !stored.open_to_opportunities);
    assert_eq!(stored.hours_per_week, Some(12));
    assert_eq!(stored.available_from.as_deref(), Some("2027-01-04"));
    let teams = kleur_storage::availability::open_to_teams(&mut conn, &app.a.id)
        .await
        .expect("test step");
    assert_eq!(teams, vec![people.eva.id.clone()]);
    let page = eva
        .get(app.url("/portfolio/beschikbaarheid"))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(page.contains("value=\"12\"") && page.contains("2027-01-04"));
}

async fn interest_and_withdrawal(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let poster = app.sign_in(&people.poster.email).await;
    let eva = app.sign_in(&people.eva.email).await;
    let finn = app.sign_in(&people.finn.email).await;
    let id = published(
        &app,
        &poster,
        "Projectteam wijk",
        "project",
        &["analyseren"],
        &[],
    )
    .await;
    let path = format!("/kansen/{id}");

    // A motivation is required; nothing is stored or sent without one.
    let response = app
        .post_form(
            &eva,
            &path,
            &format!("{path}/interesse"),
            &[("motivation", "  ")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("test step")
            .contains("korte motivatie")
    );
    assert!(outbox(&app).await.is_empty());

    let response = app
        .post_form(
            &eva,
            &path,
            &format!("{path}/interesse"),
            &[
                ("motivation", "Ik wil dit graag leren."),
                ("inform_manager", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &finn,
            &path,
            &format!("{path}/interesse"),
            &[("motivation", "Ik heb tijd over.")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mail = outbox(&app).await;
    let to = |who: &str| mail.iter().filter(|(r, _)| r == who).count();
    assert_eq!(to(&people.poster.email), 2, "the poster hears of both");
    assert_eq!(
        to(&people.boss.email),
        1,
        "only Eva asked to inform her manager"
    );
    assert!(mail.iter().any(|(_, s)| s.contains("Projectteam wijk")));

    let shortlist = poster
        .get(app.url(&format!("{path}/kandidaten")))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(shortlist.contains("Eva Employee") && shortlist.contains("Ik wil dit graag leren."));
    assert!(shortlist.contains("Finn Fijn"));

    // Withdrawal removes Eva from the shortlist at once, and she is not suggested instead.
    let response = app
        .post_form(&eva, &path, &format!("{path}/intrekken"), &[])
        .await;
    assert_eq!(response.status(), 303);
    let shortlist = poster
        .get(app.url(&format!("{path}/kandidaten")))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(!shortlist.contains("Eva Employee") && !shortlist.contains("Ik wil dit graag leren."));
    assert!(shortlist.contains("Finn Fijn"));
    let page = eva
        .get(app.url(&path))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(
        page.contains("Interesse tonen"),
        "she may express interest again"
    );
    let response = app
        .post_form(&eva, &path, &format!("{path}/intrekken"), &[])
        .await;
    assert_eq!(response.status(), 404, "nothing left to withdraw");

    // The poster cannot be interested in their own opportunity.
    let response = app
        .post_form(
            &poster,
            &path,
            &format!("{path}/interesse"),
            &[("motivation", "Ik")],
        )
        .await;
    assert_eq!(response.status(), 422);

    // Filled: the outcome is recorded, Finn hears of it, and no more interest is accepted.
    let response = app
        .post_form(
            &poster,
            &format!("{path}/kandidaten"),
            &format!("{path}/uitkomst"),
            &[
                ("outcome", "filled"),
                ("person_id", &people.eva.id),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        422,
        "Eva withdrew: she cannot be recorded as the one who got it"
    );
    let before = outbox(&app).await.len();
    let response = app
        .post_form(
            &poster,
            &format!("{path}/kandidaten"),
            &format!("{path}/uitkomst"),
            &[
                ("outcome", "filled"),
                ("person_id", &people.finn.id),
                ("note", "Start in januari"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mail = outbox(&app).await;
    assert_eq!(mail.len(), before + 1);
    assert_eq!(mail.last().expect("test step").0, people.finn.email);
    let page = eva
        .get(app.url(&path))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(
        page.contains("Ingevuld")
            && page.contains("Finn Fijn")
            && !page.contains("Interesse tonen")
    );
    let response = app
        .post_form(
            &eva,
            &path,
            &format!("{path}/interesse"),
            &[("motivation", "Toch nog?")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("test step")
            .contains("niet (meer) open")
    );

    // Closed: likewise no interest.
    let closed = published(&app, &poster, "Gesloten kans", "vacancy", &[], &[]).await;
    let response = app
        .post_form(
            &poster,
            &format!("/kansen/{closed}/kandidaten"),
            &format!("/kansen/{closed}/uitkomst"),
            &[("outcome", "closed")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &eva,
            &format!("/kansen/{closed}"),
            &format!("/kansen/{closed}/interesse"),
            &[("motivation", "Graag")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let mut conn = app.db.acquire().await.expect("test step");
    assert!(
        store::interest_of(&mut conn, &app.a.id, &closed, &people.eva.id)
            .await
            .expect("test step")
            .is_none()
    );
}

async fn shortlist_permissions(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let poster = app.sign_in(&people.poster.email).await;
    let eva = app.sign_in(&people.eva.email).await;
    let id = published(
        &app,
        &poster,
        "Kans met kandidaten",
        "project",
        &["analyseren"],
        &[],
    )
    .await;
    let path = format!("/kansen/{id}/kandidaten");
    let response = app
        .post_form(
            &eva,
            &format!("/kansen/{id}"),
            &format!("/kansen/{id}/interesse"),
            &[("motivation", "Graag mee")],
        )
        .await;
    assert_eq!(response.status(), 303);

    let other_manager = app.sign_in(&people.other_manager.email).await;
    let hr = app.sign_in(&people.hr.email).await;
    let finn = app.sign_in(&people.finn.email).await;
    let other_tenant = app.sign_in(&app.b.admin_email).await;
    for (label, client, status) in [
        ("poster", &poster, 200),
        ("hr", &hr, 200),
        ("interested employee", &eva, 403),
        ("other employee", &finn, 403),
        ("other manager", &other_manager, 403),
        ("other tenant's HR", &other_tenant, 404),
    ] {
        let response = client.get(app.url(&path)).send().await.expect("test step");
        assert_eq!(response.status(), status, "{label}");
        let text = response.text().await.expect("test step");
        assert_eq!(
            text.contains("Graag mee"),
            status == 200,
            "{label} sees motivation"
        );
    }

    // Inviting: only the poster or HR; only people who are interested or opted in.
    let invite = format!("/kansen/{id}/uitnodigen");
    let response = app
        .post_form(
            &other_manager,
            "/kansen",
            &invite,
            &[("person_id", &people.finn.id)],
        )
        .await;
    assert_eq!(response.status(), 403);
    let response = app
        .post_form(&poster, &path, &invite, &[("person_id", &people.finn.id)])
        .await;
    assert_eq!(response.status(), 404, "Finn did not opt in to be found");
    let response = app
        .post_form(
            &poster,
            &path,
            &invite,
            &[("person_id", &app.b.employee_id)],
        )
        .await;
    assert_eq!(response.status(), 404, "another tenant's person");
    opt_in(&app, &finn, "").await;
    let before = outbox(&app).await.len();
    let response = app
        .post_form(&hr, &path, &invite, &[("person_id", &people.finn.id)])
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(&poster, &path, &invite, &[("person_id", &people.finn.id)])
        .await;
    assert_eq!(response.status(), 303);
    let mail = outbox(&app).await;
    assert_eq!(mail.len(), before + 1, "one invitation mail, not two");
    assert_eq!(mail.last().expect("test step").0, people.finn.email);
    let page = poster
        .get(app.url(&path))
        .send()
        .await
        .expect("test step")
        .text()
        .await
        .expect("test step");
    assert!(page.contains("Finn Fijn") && page.contains("Uitgenodigd"));

    // The other tenant's API or pages cannot act on it either.
    let response = app
        .post_form(
            &other_tenant,
            "/kansen",
            &format!("/kansen/{id}/uitkomst"),
            &[("outcome", "closed")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &other_tenant,
            "/kansen",
            &format!("/kansen/{id}/interesse"),
            &[("motivation", "x")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .post_form(
            &eva,
            &path.replace("/kandidaten", ""),
            &format!("/kansen/{id}/uitkomst"),
            &[("outcome", "closed")],
        )
        .await;
    assert_eq!(response.status(), 403);
}

async fn api_lists_opportunities_and_takes_interest(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let people = cast(&app).await;
    let poster = app.sign_in(&people.poster.email).await;
    let id = published(
        &app,
        &poster,
        "Kans via de API",
        "project",
        &["analyseren"],
        &[],
    )
    .await;
    let draft = post(
        &app,
        &poster,
        &[
            ("kind", "vacancy"),
            ("title", "Concept via de API"),
            ("hours_per_week", "36"),
            ("closing_date", &in_days(9)),
        ],
    )
    .await;
    let draft = location_id(&draft);
    let eva = app.api_token(&app.a.id, &people.eva.id).await;
    let other = app.api_token(&app.b.id, &app.b.admin_id).await;
    let client = reqwest::Client::new();
    let get = |path: String, token: &str| client.get(app.url(&path)).bearer_auth(token).send();

    let list: serde_json::Value = get("/api/v1/opportunities?kind=project".into(), &eva)
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(list["total"], 1, "drafts are not listed: {list}");
    assert_eq!(list["items"][0]["id"], id.as_str());
    let theirs: serde_json::Value = get("/api/v1/opportunities".into(), &other)
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(theirs["total"], 0, "another tenant sees none");
    for (path, token) in [
        (format!("/api/v1/opportunities/{draft}"), &eva),
        (format!("/api/v1/opportunities/{id}"), &other),
    ] {
        let response = get(path, token).await.expect("get");
        assert_eq!(response.status(), 404);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
    }
    let detail: serde_json::Value = get(format!("/api/v1/opportunities/{id}"), &eva)
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(detail["required"][0]["key"], "analyseren");
    assert!(detail["my_fit"].is_null(), "Eva did not opt in");
    assert_eq!(detail["accepts_interest"], true);

    let interest = format!("/api/v1/opportunities/{id}/interest");
    let response = client
        .put(app.url(&interest))
        .bearer_auth(&eva)
        .json(&serde_json::json!({"motivation": ""}))
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 422);
    let problem: serde_json::Value = response.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "motivation");
    let response = client
        .put(app.url(&interest))
        .bearer_auth(&eva)
        .json(&serde_json::json!({"motivation": "Via de API", "inform_manager": true}))
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 204);
    let poster_actor = actor(&app, &app.a.id, &people.poster.id).await;
    let list = mobility::shortlist(&app.db, &poster_actor, &id)
        .await
        .expect("shortlist");
    assert_eq!(list.interested.len(), 1);
    let response = client
        .delete(app.url(&interest))
        .bearer_auth(&eva)
        .send()
        .await
        .expect("delete");
    assert_eq!(response.status(), 204);
    let list = mobility::shortlist(&app.db, &poster_actor, &id)
        .await
        .expect("shortlist");
    assert!(list.interested.is_empty());
    let response = client
        .put(app.url(&interest))
        .bearer_auth(&other)
        .json(&serde_json::json!({"motivation": "Andere organisatie"}))
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 404);
}

on_both_databases!(
    api_lists_opportunities_and_takes_interest,
    posting_and_validation,
    matching_reads_only_organisation_visible_items,
    availability_form,
    interest_and_withdrawal,
    shortlist_permissions,
);
