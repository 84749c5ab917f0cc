//! Team builder and organisation insight through real HTTP, on both databases: who may use
//! them, that the builder proposes only people who opted in and judges them only on what the
//! person forming the team may see, that insight never shows a small group, and that the other
//! organisation never shows up.

mod support;

use kleur_domain::Role;
use kleur_storage::availability::{self, Availability};
use kleur_storage::portfolio::{self as items, NewItem};
use kleur_storage::{org, people};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{PASSWORD, TestApp};

struct Person {
    id: String,
    email: String,
}

async fn person(
    app: &TestApp,
    organisation_id: &str,
    name: &str,
    unit: &str,
    manager: Option<&str>,
    roles: &[Role],
) -> Person {
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let email = format!(
        "{}@{}.nl",
        name.to_lowercase().replace(' ', "."),
        &organisation_id[..6]
    );
    let mut tx = app.db.begin().await.expect("begin");
    let id = people::insert_person(
        &mut tx,
        &people::NewPerson {
            organisation_id,
            employee_number: None,
            display_name: name,
            email: &email,
            function_title: "",
            unit_id: Some(unit),
            manager_id: manager,
            password_hash: Some(&hash),
        },
    )
    .await
    .expect("person");
    for role in std::iter::once(&Role::Employee).chain(roles) {
        people::grant_role(&mut tx, organisation_id, &id, role.as_str())
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");
    Person { id, email }
}

async fn unit(app: &TestApp, organisation_id: &str, parent: &str, name: &str) -> String {
    let mut tx = app.db.begin().await.expect("begin");
    let id = org::insert_unit(
        &mut tx,
        organisation_id,
        Some(parent),
        name,
        &format!("x > {}", name.to_lowercase()),
    )
    .await
    .expect("unit")
    .id;
    tx.commit().await.expect("commit");
    id
}

async fn share(
    app: &TestApp,
    organisation_id: &str,
    owner: &Person,
    key: &str,
    strength: u8,
    visibility: &str,
) -> String {
    let mut conn = app.db.acquire().await.expect("conn");
    let details = format!("{{\"strength\":{strength}}}");
    items::insert_item(
        &mut conn,
        organisation_id,
        &owner.id,
        &NewItem {
            section: "talents",
            title: key,
            body: "",
            visibility,
            catalogue_key: Some(key),
            details: &details,
        },
    )
    .await
    .expect("item")
}

async fn open_to_teams(app: &TestApp, organisation_id: &str, person: &Person) {
    let mut conn = app.db.acquire().await.expect("conn");
    availability::set(
        &mut conn,
        organisation_id,
        &person.id,
        &Availability {
            open_to_teams: true,
            hours_per_week: Some(8),
            ..Availability::default()
        },
    )
    .await
    .expect("availability");
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The proposed members (without the coverage table and alternatives).
fn members(page: &str) -> &str {
    let start = page.find("id=\"teamleden\"").expect("proposal");
    let end = start + page[start..].find("</ol>").expect("end of list");
    &page[start..end]
}

const BUILD: &str = "/teams/samenstellen?talent-1=analyseren&gewicht-1=5&niveau-1=3&talent-2=onderzoeken&gewicht-2=3&niveau-2=3&omvang=1";

async fn builder_uses_only_opted_in_people_and_visible_talents(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let a = app.a.id.clone();
    let noord = unit(&app, &a, &app.a.unit_id, "Noord").await;
    let zuid = unit(&app, &a, &app.a.unit_id, "Zuid").await;
    let manager = person(&app, &a, "Mila Manager", &zuid, None, &[Role::Manager]).await;
    // Ann opted in and shares analyseren with everyone.
    let ann = person(&app, &a, "Ann Analist", &noord, None, &[]).await;
    share(&app, &a, &ann, "analyseren", 4, "organisation").await;
    open_to_teams(&app, &a, &ann).await;
    // Bob is stronger, but did not opt in: never proposed.
    let bob = person(&app, &a, "Bob Bijzonder", &noord, None, &[]).await;
    share(&app, &a, &bob, "analyseren", 5, "organisation").await;
    share(&app, &a, &bob, "onderzoeken", 5, "organisation").await;
    // Cas opted in, but keeps onderzoeken private (weight 3 < 5, so Ann wins while it is).
    let cas = person(&app, &a, "Cas Onderzoeker", &noord, None, &[]).await;
    let item = share(&app, &a, &cas, "onderzoeken", 5, "private").await;
    share(&app, &a, &cas, "analyseren", 5, "private").await;
    open_to_teams(&app, &a, &cas).await;
    // Someone of the other organisation, opted in with everything shared.
    let other_unit = app.b.unit_id.clone();
    let stranger = person(
        &app,
        &app.b.id.clone(),
        "Sven Vreemd",
        &other_unit,
        None,
        &[],
    )
    .await;
    share(&app, &app.b.id, &stranger, "analyseren", 5, "organisation").await;
    open_to_teams(&app, &app.b.id, &stranger).await;

    let client = app.sign_in(&manager.email).await;
    let (status, page) = get(&client, &app, BUILD).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Ann Analist"), "{page}");
    assert!(
        !page.contains("Bob Bijzonder"),
        "not opted in: never listed or proposed"
    );
    assert!(!page.contains("Sven Vreemd"), "other organisation");
    let proposal = members(&page);
    assert!(proposal.contains("Ann Analist"));
    assert!(
        !proposal.contains("Cas Onderzoeker"),
        "private talents never count"
    );
    assert!(proposal.contains("Brengt Analyseren mee"), "{proposal}");

    // Size 2: Cas fills the team, but onderzoeken stays a gap while it is private.
    let (_, page) = get(&client, &app, &BUILD.replace("omvang=1", "omvang=2")).await;
    let proposal = members(&page);
    assert!(proposal.contains("Cas Onderzoeker"));
    assert!(proposal.contains("Dekt geen van de gevraagde talenten"));
    assert!(page.contains("Niet gedekt"));

    // Cas shares onderzoeken with the organisation: now it counts, at once.
    {
        let mut conn = app.db.acquire().await.expect("conn");
        let current = items::get_item(&mut conn, &a, &item)
            .await
            .expect("get")
            .expect("item");
        let details = "{\"strength\":5}";
        assert!(
            items::update_item(
                &mut conn,
                &a,
                &cas.id,
                &item,
                current.version,
                &NewItem {
                    section: "talents",
                    title: "onderzoeken",
                    body: "",
                    visibility: "organisation",
                    catalogue_key: Some("onderzoeken"),
                    details,
                },
            )
            .await
            .expect("update")
        );
    }
    let (_, page) = get(&client, &app, &BUILD.replace("omvang=1", "omvang=2")).await;
    let proposal = members(&page);
    assert!(proposal.contains("Brengt Onderzoeken mee"), "{proposal}");
    assert!(!page.contains("Niet gedekt"));

    // Bob opts in: with size 1 he now wins (analyseren 5 and onderzoeken 5).
    open_to_teams(&app, &a, &bob).await;
    let (_, page) = get(&client, &app, BUILD).await;
    let proposal = members(&page);
    assert!(proposal.contains("Bob Bijzonder"), "{proposal}");

    // Constraints: exclude Bob, must include Cas, at most one per unit.
    let path = format!("{}&zonder={}&met={}", BUILD, bob.id, cas.id);
    let (status, page) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    let proposal = members(&page);
    assert!(proposal.contains("Cas Onderzoeker") && !proposal.contains("Bob Bijzonder"));
    let path = format!(
        "{}&max-per-onderdeel=1",
        BUILD.replace("omvang=1", "omvang=2")
    );
    let (status, page) = get(&client, &app, &path).await;
    assert_eq!(status, 422, "all three are in Noord");
    assert!(page.contains("te weinig beschikbare mensen"), "{page}");
}

/// The relation decides which items count: the owner's manager sees manager-level items, a
/// teammate team-level ones, anyone else only what is shared with the organisation.
async fn builder_applies_the_visibility_rule_per_relation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let a = app.a.id.clone();
    let noord = unit(&app, &a, &app.a.unit_id, "Noord").await;
    let zuid = unit(&app, &a, &app.a.unit_id, "Zuid").await;
    let mila = person(&app, &a, "Mila Manager", &zuid, None, &[Role::Manager]).await;
    let nina = person(&app, &a, "Nina Noord", &noord, None, &[Role::Manager]).await;
    let otto = person(&app, &a, "Otto Ander", &zuid, None, &[Role::Manager]).await;
    let olga = person(&app, &a, "Olga Owner", &noord, Some(&mila.id), &[]).await;
    share(&app, &a, &olga, "analyseren", 4, "team").await;
    share(&app, &a, &olga, "verbinden", 4, "manager").await;
    open_to_teams(&app, &a, &olga).await;
    let path = "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&talent-2=verbinden&gewicht-2=3&niveau-2=3&omvang=1";

    let (status, page) = get(&app.sign_in(&mila.email).await, &app, path).await;
    assert_eq!(status, 200);
    assert!(
        members(&page).contains("Brengt Analyseren en Verbinden mee"),
        "manager: {page}"
    );

    let (_, page) = get(&app.sign_in(&nina.email).await, &app, path).await;
    assert!(
        members(&page).contains("Brengt Analyseren mee"),
        "teammate: {page}"
    );
    assert!(
        page.contains("Niet gedekt"),
        "verbinden is for her manager only"
    );

    let (_, page) = get(&app.sign_in(&otto.email).await, &app, path).await;
    assert!(
        members(&page).contains("Dekt geen van de gevraagde talenten"),
        "colleague"
    );
}

async fn builder_refuses_bad_input_and_other_roles(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let a = app.a.id.clone();
    let hr = person(
        &app,
        &a,
        "Hanna Hr",
        &app.a.unit_id.clone(),
        None,
        &[Role::HrAdviser],
    )
    .await;
    let director = person(
        &app,
        &a,
        "Dirk Directeur",
        &app.a.unit_id.clone(),
        None,
        &[Role::Management],
    )
    .await;
    let ann = person(&app, &a, "Ann Analist", &app.a.unit_id.clone(), None, &[]).await;
    open_to_teams(&app, &a, &ann).await;

    let employee = app.sign_in(&app.a.employee_email).await;
    assert_eq!(get(&employee, &app, "/teams/samenstellen").await.0, 403);
    assert_eq!(get(&employee, &app, BUILD).await.0, 403);
    let (_, home) = get(&employee, &app, "/").await;
    assert!(!home.contains("/teams/samenstellen"));

    let director = app.sign_in(&director.email).await;
    assert_eq!(get(&director, &app, "/teams/samenstellen").await.0, 200);
    let client = app.sign_in(&hr.email).await;
    let (status, form) = get(&client, &app, "/teams/samenstellen").await;
    assert_eq!(status, 200);
    assert!(
        form.contains("Ann Analist"),
        "opted-in people are listed for must include"
    );

    for (path, message) in [
        ("/teams/samenstellen?omvang=2", "Kies minstens één talent"),
        (
            "/teams/samenstellen?talent-1=bestaat-niet&omvang=2",
            "Kies een talent uit de catalogus",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=9&niveau-1=3&omvang=2",
            "gewicht en niveau",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&omvang=0",
            "teamgrootte",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&omvang=abc",
            "teamgrootte",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&talent-2=analyseren&gewicht-2=3&niveau-2=3&omvang=1",
            "maar één keer",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&omvang=1&met=onbekend",
            "niet (meer) open",
        ),
        (
            "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&omvang=5",
            "te weinig",
        ),
    ] {
        let (status, page) = get(&client, &app, path).await;
        assert_eq!(status, 422, "{path}");
        assert!(page.contains(message), "{path}: {page}");
    }
    // Someone from the other organisation cannot be forced in.
    let path = format!(
        "/teams/samenstellen?talent-1=analyseren&gewicht-1=3&niveau-1=3&omvang=1&met={}",
        app.b.employee_id
    );
    assert_eq!(get(&client, &app, &path).await.0, 422);
    // English.
    app.post_form(&client, "/", "/taal", &[("taal", "en"), ("terug", "/")])
        .await;
    let (status, page) = get(&client, &app, "/teams/samenstellen?omvang=2").await;
    assert_eq!(status, 422);
    assert!(page.contains("Build a team") && page.contains("Choose at least one talent"));
}

/// Values of the cells and totals in the insight table, as shown.
fn shown_numbers(page: &str) -> Vec<u32> {
    let start = page.find("id=\"inzicht-tabel\"").expect("table");
    let end = start + page[start..].find("</table>").expect("end");
    page[start..end]
        .split("<td>")
        .skip(1)
        .filter_map(|cell| cell.split("</td>").next())
        .filter_map(|cell| cell.parse().ok())
        .collect()
}

async fn insight_never_shows_a_small_group(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let a = app.a.id.clone();
    let noord = unit(&app, &a, &app.a.unit_id, "Noord").await;
    let zuid = unit(&app, &a, &app.a.unit_id, "Zuid").await;
    let hr = person(&app, &a, "Hanna Hr", &zuid, None, &[Role::HrAdviser]).await;
    let director = person(&app, &a, "Dirk Directeur", &zuid, None, &[Role::Management]).await;
    let manager = person(&app, &a, "Mila Manager", &zuid, None, &[Role::Manager]).await;
    // Noord: four people analyse (denken-en-analyseren), one of them also organises.
    for i in 0..4 {
        let p = person(&app, &a, &format!("Noord {i}"), &noord, None, &[]).await;
        share(&app, &a, &p, "analyseren", 4, "organisation").await;
        if i == 0 {
            share(&app, &a, &p, "organiseren", 4, "organisation").await;
        }
        // Shared with the team only: never counted.
        share(&app, &a, &p, "verbinden", 4, "team").await;
    }
    // Zuid: three analyse.
    for i in 0..3 {
        let p = person(&app, &a, &format!("Zuid {i}"), &zuid, None, &[]).await;
        share(&app, &a, &p, "analyseren", 4, "organisation").await;
    }
    // The other organisation has a unit of its own with plenty of sharing.
    let other = unit(
        &app,
        &app.b.id.clone(),
        &app.b.unit_id.clone(),
        "Geheimafdeling",
    )
    .await;
    for i in 0..4 {
        let p = person(
            &app,
            &app.b.id.clone(),
            &format!("Ander {i}"),
            &other,
            None,
            &[],
        )
        .await;
        share(&app, &app.b.id, &p, "organiseren", 4, "organisation").await;
    }

    let employee = app.sign_in(&app.a.employee_email).await;
    assert_eq!(get(&employee, &app, "/inzicht").await.0, 403);
    let manager = app.sign_in(&manager.email).await;
    assert_eq!(
        get(&manager, &app, "/inzicht").await.0,
        403,
        "managers see their team, not the organisation"
    );

    let client = app.sign_in(&hr.email).await;
    let (status, page) = get(&client, &app, "/inzicht").await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg"), "heatmap");
    assert!(!page.contains("Geheimafdeling"), "other organisation");
    let numbers = shown_numbers(&page);
    assert!(numbers.contains(&3), "Zuid's three analysts: {numbers:?}");
    for n in &numbers {
        assert!(
            *n == 0 || *n >= 3,
            "a shown number below the threshold: {numbers:?}"
        );
    }
    // The lone organiser in Noord is hidden, and so is what would give it away.
    assert!(page.contains("Verborgen: minder dan 3"));
    assert!(!numbers.contains(&1), "{numbers:?}");

    // Per talent within a domain: the team-only verbinden never counts.
    let (status, page) = get(
        &client,
        &app,
        "/inzicht?categorie=samenwerken-en-communiceren",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        shown_numbers(&page).iter().all(|n| *n == 0),
        "team-only items are not counted"
    );
    let (status, page) = get(&client, &app, "/inzicht?categorie=denken-en-analyseren").await;
    assert_eq!(status, 200);
    // Zuid's three analysts show; Noord's row stays hidden, as its domain cell was hidden.
    let numbers = shown_numbers(&page);
    assert!(numbers.contains(&3) && !numbers.contains(&4), "{numbers:?}");
    assert_eq!(
        get(&client, &app, "/inzicht?categorie=bestaat-niet")
            .await
            .0,
        404
    );
    // Looking into one unit: its own row only (Noord has no sub-units), still suppressed.
    let (status, page) = get(&client, &app, &format!("/inzicht?onderdeel={noord}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Noord (zelf)") && page.contains("Een niveau hoger"));
    // Noord's analysts were hidden one level up (to protect the lone organiser): looking into
    // Noord must not give them back, or the organiser follows from Noord's total there.
    let numbers = shown_numbers(&page);
    assert!(numbers.iter().all(|n| *n == 0), "{numbers:?}");
    assert_eq!(
        get(&client, &app, "/inzicht?onderdeel=bestaat-niet")
            .await
            .0,
        404
    );
    assert_eq!(
        get(&client, &app, &format!("/inzicht?onderdeel={other}"))
            .await
            .0,
        404,
        "a unit of the other organisation"
    );

    let director = app.sign_in(&director.email).await;
    app.post_form(&director, "/", "/taal", &[("taal", "en"), ("terug", "/")])
        .await;
    let (status, page) = get(&director, &app, "/inzicht").await;
    assert_eq!(status, 200);
    assert!(page.contains("Talent insight"));
    assert!(page.contains("id=\"inzicht-trend\""), "trend table");
}

on_both_databases!(
    builder_uses_only_opted_in_people_and_visible_talents,
    builder_applies_the_visibility_rule_per_relation,
    builder_refuses_bad_input_and_other_roles,
    insight_never_shows_a_small_group,
);
