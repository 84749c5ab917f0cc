//! The talent directory and team talent map through real HTTP, on both databases: a private item
//! never makes anyone appear, narrowing visibility removes a match at once, the other tenant
//! never matches, Dutch stemming / synonyms / accents, filters and pagination, and a map that
//! shows only what was shared with the viewer.

mod support;

use kleur_domain::{Locale, PageRequest, Role};
use kleur_services::Actor;
use kleur_services::directory::{self, SearchInput};
use kleur_services::portfolio::{self, ItemInput};
use kleur_storage::{Db, availability, org, people};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{Person, TestApp, person, text};

/// Organisation A: Olga in Team Noord with manager Mila (Team Zuid), Tom her teammate, Cor a
/// colleague in Team Zuid, Nina a manager in Team Noord.
struct Cast {
    noord: String,
    zuid: String,
    owner: Person,
    manager: Person,
    teammate: Person,
    colleague: Person,
    noord_manager: Person,
}

async fn cast(app: &TestApp) -> Cast {
    let mut tx = app.db.begin().await.expect("begin");
    let noord = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Noord",
        "aaa > team noord",
    )
    .await
    .expect("unit")
    .id;
    let zuid = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Zuid",
        "aaa > team zuid",
    )
    .await
    .expect("unit")
    .id;
    let manager = person(app, &mut tx, "Mila Manager", &zuid, None, &[Role::Manager]).await;
    let owner = person(app, &mut tx, "Olga Owner", &noord, Some(&manager.id), &[]).await;
    let teammate = person(app, &mut tx, "Tom Teammate", &noord, Some(&manager.id), &[]).await;
    let colleague = person(app, &mut tx, "Cor Colleague", &zuid, None, &[]).await;
    let noord_manager = person(
        app,
        &mut tx,
        "Nina Noordmanager",
        &noord,
        None,
        &[Role::Manager],
    )
    .await;
    tx.commit().await.expect("commit");
    Cast {
        noord,
        zuid,
        owner,
        manager,
        teammate,
        colleague,
        noord_manager,
    }
}

async fn actor(app: &TestApp, person: &Person) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_services::actor::load(&mut conn, &app.a.id, &person.id)
        .await
        .expect("actor")
}

fn talent(title: &str, body: &str, visibility: &str, key: &str, strength: &str) -> ItemInput {
    ItemInput {
        section: "talents".into(),
        title: title.into(),
        body: body.into(),
        visibility: visibility.into(),
        catalogue_key: key.into(),
        strength: strength.into(),
        ..Default::default()
    }
}

/// Does a search for `query` by `client` list `person`?
async fn finds(client: &reqwest::Client, app: &TestApp, query: &str, person: &Person) -> bool {
    let path = format!(
        "/talenten?{}",
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("q", query)
            .finish()
    );
    let (status, page) = text(client, app, &path).await;
    assert_eq!(status, 200, "{query}");
    page.contains(&format!("/mensen/{}/portfolio", person.id))
}

async fn private_items_never_match_and_narrowing_removes_the_match_at_once(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = actor(&app, &cast.owner).await;
    let id = portfolio::add_item(
        &app.db,
        &olga,
        &talent(
            "Analyseren",
            "Cijfers van de gemeente uitpluizen",
            "private",
            "analyseren",
            "4",
        ),
    )
    .await
    .expect("add");
    let owner = app.sign_in(&cast.owner.email).await;
    let manager = app.sign_in(&cast.manager.email).await;
    let teammate = app.sign_in(&cast.teammate.email).await;
    let colleague = app.sign_in(&cast.colleague.email).await;
    let other_tenant = app.sign_in(&app.b.admin_email).await;
    let viewers = [&owner, &manager, &teammate, &colleague];

    let check = async |expected: [bool; 4], why: &str| {
        for (client, expect) in viewers.iter().zip(expected) {
            assert_eq!(
                finds(client, &app, "analyseren", &cast.owner).await,
                expect,
                "{why}"
            );
        }
        assert!(
            !finds(&other_tenant, &app, "analyseren", &cast.owner).await,
            "other tenant: {why}"
        );
    };
    check([true, false, false, false], "private: only the owner").await;

    for (version, (visibility, expected)) in (1..).zip([
        ("organisation", [true, true, true, true]),
        ("team", [true, true, true, false]),
        ("manager", [true, true, false, false]),
        ("private", [true, false, false, false]),
        ("organisation", [true, true, true, true]),
    ]) {
        portfolio::update_item(
            &app.db,
            &olga,
            &id,
            &ItemInput {
                version: Some(version),
                ..talent(
                    "Analyseren",
                    "Cijfers van de gemeente uitpluizen",
                    visibility,
                    "analyseren",
                    "4",
                )
            },
        )
        .await
        .expect("update");
        check(expected, visibility).await;
    }
    // The match shows why: the item with the word marked.
    let (_, page) = text(&colleague, &app, "/talenten?q=gemeente").await;
    assert!(page.contains("<mark>gemeente</mark>"), "{page}");

    portfolio::remove_item(&app.db, &olga, &id)
        .await
        .expect("remove");
    check([false, false, false, false], "removed").await;
    portfolio::restore_item(&app.db, &olga, &id)
        .await
        .expect("restore");
    check([true, true, true, true], "restored").await;

    // A person who leaves stops being found.
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query("UPDATE people SET active = 0 WHERE organisation_id = $1 AND id = $2")
        .bind(&app.a.id)
        .bind(&cast.owner.id)
        .execute(&mut *conn)
        .await
        .expect("deactivate");
    drop(conn);
    assert!(!finds(&colleague, &app, "analyseren", &cast.owner).await);

    // The other tenant's own search works, and a unit of organisation A is refused there.
    let (status, _) = text(
        &other_tenant,
        &app,
        &format!("/talenten?q=x&onderdeel={}", cast.noord),
    )
    .await;
    assert_eq!(status, 422);
}

async fn stemming_synonyms_and_accents(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = actor(&app, &cast.owner).await;
    portfolio::add_item(
        &app.db,
        &olga,
        &talent(
            "Coachen",
            "Ik coach nieuwe collega's bij de gemeenten Elderveen en Dalen.",
            "organisation",
            "coachen",
            "5",
        ),
    )
    .await
    .expect("coach");
    portfolio::add_item(
        &app.db,
        &olga,
        &ItemInput {
            section: "results".into(),
            title: "Samenwerking in de wijk".into(),
            body: "Een geëngageerd project met bewoners.".into(),
            visibility: "organisation".into(),
            ..Default::default()
        },
    )
    .await
    .expect("result");
    let colleague = app.sign_in(&cast.colleague.email).await;
    for query in [
        "gemeente",             // singular finds the plural (Snowball Dutch)
        "GEMEENTEN",            // case folding
        "samenwerken",          // verb finds the noun
        "Samenwérking",         // accents folded
        "geengageerd",          // and the other way round
        "coach",                // stem of coachen
        "coaching",             // not the same stem: found through the catalogue's English name
        "mentoring",            // a synonym of the catalogue entry
        "coachen samenwerking", // every word, in different items
    ] {
        assert!(finds(&colleague, &app, query, &cast.owner).await, "{query}");
    }
    for query in ["analyseren", "coachen analyseren", "de het een"] {
        assert!(
            !finds(&colleague, &app, query, &cast.owner).await,
            "{query}"
        );
    }
    // The catalogue's expansion is cached per organisation: a synonym HR adds counts from the
    // next search on.
    assert!(!finds(&colleague, &app, "sparringpartner", &cast.owner).await);
    let hr = {
        let mut conn = app.db.acquire().await.expect("conn");
        kleur_services::actor::load(&mut conn, &app.a.id, &app.a.admin_id)
            .await
            .expect("hr actor")
    };
    let coachen = kleur_services::catalogue::get(&app.db, &hr, "coachen")
        .await
        .expect("entry");
    let mut input = kleur_services::catalogue::EntryInput::from_entry(&coachen);
    input.synonyms_nl = format!("{}, sparringpartner", input.synonyms_nl);
    kleur_services::catalogue::update(&app.db, &hr, "coachen", &input)
        .await
        .expect("update");
    assert!(finds(&colleague, &app, "sparringpartner", &cast.owner).await);
    // Narrowed to a section: the result is experience, not a talent.
    let (_, page) = text(&colleague, &app, "/talenten?q=samenwerking&sectie=talents").await;
    assert!(!page.contains(&cast.owner.id));
    let (_, page) = text(&colleague, &app, "/talenten?q=samenwerking&sectie=results").await;
    assert!(page.contains(&cast.owner.id));
    let (status, _) = text(&colleague, &app, "/talenten?q=x&sectie=bogus").await;
    assert_eq!(status, 422);
    let long = "a".repeat(201);
    let (status, page) = text(&colleague, &app, &format!("/talenten?q={long}")).await;
    assert_eq!(status, 422);
    assert!(page.contains("kleur-errors"));
}

async fn filters_and_pagination(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let mut many = Vec::new();
    let mut tx = app.db.begin().await.expect("begin");
    for n in 0..30 {
        let unit = if n % 3 == 0 { &cast.zuid } else { &cast.noord };
        many.push(person(&app, &mut tx, &format!("Verbinder {n:02}"), unit, None, &[]).await);
    }
    availability::set(
        &mut tx,
        &app.a.id,
        &many[1].id,
        &availability::Availability {
            open_to_opportunities: false,
            open_to_teams: true,
            hours_per_week: Some(8),
            available_from: None,
        },
    )
    .await
    .expect("availability");
    tx.commit().await.expect("commit");
    for p in &many {
        let owner = actor(&app, p).await;
        portfolio::add_item(
            &app.db,
            &owner,
            &talent("Verbinden", "", "organisation", "verbinden", "3"),
        )
        .await
        .expect("add");
    }
    let colleague = app.sign_in(&cast.colleague.email).await;
    let count = |page: &str| {
        many.iter()
            .filter(|p| page.contains(&format!("/mensen/{}/portfolio", p.id)))
            .count()
    };
    let (_, first) = text(&colleague, &app, "/talenten?q=verbinden").await;
    assert_eq!(count(&first), 25);
    assert!(first.contains("30 collega"), "total shown");
    assert!(first.contains("pagina=2"), "a link to the next page");
    let (_, second) = text(&colleague, &app, "/talenten?q=verbinden&pagina=2").await;
    assert_eq!(count(&second), 5);
    let (_, beyond) = text(&colleague, &app, "/talenten?q=verbinden&pagina=9").await;
    assert_eq!(count(&beyond), 0);
    assert!(
        beyond.contains("30 collega"),
        "the total survives a page past the end"
    );
    // Unit filter, with sub-units: the root unit holds everyone, Team Zuid every third.
    let (_, zuid) = text(
        &colleague,
        &app,
        &format!("/talenten?q=verbinden&onderdeel={}", cast.zuid),
    )
    .await;
    assert_eq!(count(&zuid), 10);
    let (_, root) = text(
        &colleague,
        &app,
        &format!("/talenten?q=verbinden&onderdeel={}&pagina=2", app.a.unit_id),
    )
    .await;
    assert_eq!(count(&root), 5, "sub-units included");
    // Availability: only who opted in to project teams.
    let (_, available) = text(&colleague, &app, "/talenten?q=verbinden&beschikbaar=ja").await;
    assert_eq!(count(&available), 1);
    assert!(available.contains(&many[1].id));
    // Filters without words list the people, by name.
    let (_, listed) = text(
        &colleague,
        &app,
        &format!("/talenten?onderdeel={}", cast.zuid),
    )
    .await;
    assert_eq!(count(&listed), 10);
    // Nothing asked: an introduction, no results.
    let (status, intro) = text(&colleague, &app, "/talenten").await;
    assert_eq!(status, 200);
    assert_eq!(count(&intro), 0);
}

async fn the_map_shows_only_what_was_shared(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = actor(&app, &cast.owner).await;
    for (title, visibility, key, strength) in [
        ("Analyseren", "organisation", "analyseren", "4"),
        ("Creativiteit", "private", "creativiteit", "5"),
        ("Plannen", "team", "plannen-en-prioriteren", "2"),
    ] {
        portfolio::add_item(
            &app.db,
            &olga,
            &talent(title, "", visibility, key, strength),
        )
        .await
        .expect("add");
    }
    let colleague = app.sign_in(&cast.colleague.email).await;
    let teammate = app.sign_in(&cast.teammate.email).await;
    let noord_map = format!("/talenten/kaart?onderdeel={}", cast.noord);
    let (status, seen_by_colleague) = text(&colleague, &app, &noord_map).await;
    assert_eq!(status, 200);
    assert!(seen_by_colleague.contains("Olga Owner"));
    assert!(
        seen_by_colleague.contains("Analyseren"),
        "organisation-wide talent"
    );
    assert!(seen_by_colleague.contains("<svg"), "the heatmap");
    assert!(
        !seen_by_colleague.contains("Creativiteit") && !seen_by_colleague.contains("Creativiteit"),
        "private never"
    );
    assert!(
        !seen_by_colleague.contains("Plannen en prioriteren"),
        "team-only not for another team"
    );
    let (_, seen_by_teammate) = text(&teammate, &app, &noord_map).await;
    assert!(
        seen_by_teammate.contains("Plannen en prioriteren"),
        "the team sees the team's"
    );
    assert!(!seen_by_teammate.contains("Creativiteit"));

    // Needs: the unit's manager records them; the gap shows; a colleague may not.
    let nina = app.sign_in(&cast.noord_manager.email).await;
    let response = app
        .post_form(
            &nina,
            &noord_map,
            "/talenten/kaart/nodig",
            &[
                ("onderdeel", &cast.noord),
                ("talent", "verbinden"),
                ("niveau", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &nina,
            &noord_map,
            "/talenten/kaart/nodig",
            &[
                ("onderdeel", &cast.noord),
                ("talent", "analyseren"),
                ("niveau", "5"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, with_needs) = text(&colleague, &app, &noord_map).await;
    assert!(
        with_needs.contains("Verbinden (ontbreekt)"),
        "needed, nobody has it"
    );
    assert!(
        with_needs.contains("Analyseren (ontbreekt)"),
        "needed at 5, best is 4"
    );
    let response = app
        .post_form(
            &nina,
            &noord_map,
            "/talenten/kaart/nodig",
            &[
                ("onderdeel", &cast.noord),
                ("talent", "bestaat-niet"),
                ("niveau", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &nina,
            &noord_map,
            "/talenten/kaart/nodig",
            &[
                ("onderdeel", &cast.noord),
                ("talent", "verbinden"),
                ("niveau", "9"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &colleague,
            &noord_map,
            "/talenten/kaart/nodig",
            &[
                ("onderdeel", &cast.noord),
                ("talent", "plannen-en-prioriteren"),
                ("niveau", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 403, "not the team's manager");
    let response = app
        .post_form(
            &nina,
            &noord_map,
            "/talenten/kaart/nodig/verwijderen",
            &[("onderdeel", &cast.noord), ("talent", "verbinden")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, after) = text(&colleague, &app, &noord_map).await;
    assert!(!after.contains("Verbinden"));

    // A hand-picked selection, and the manager's own people.
    let (_, chosen) = text(
        &colleague,
        &app,
        &format!(
            "/talenten/kaart?persoon={}&persoon={}",
            cast.owner.id, cast.teammate.id
        ),
    )
    .await;
    assert!(chosen.contains("Olga Owner") && chosen.contains("Tom Teammate"));
    let manager = app.sign_in(&cast.manager.email).await;
    let (_, reports) = text(&manager, &app, "/talenten/kaart?bereik=mijn-mensen").await;
    assert!(
        reports.contains("Olga Owner") && reports.contains("Plannen en prioriteren"),
        "a manager sees team items of their people"
    );
    assert!(!reports.contains("Creativiteit"));

    // The other tenant sees nobody of organisation A, by unit or by id.
    let other = app.sign_in(&app.b.admin_email).await;
    let (status, _) = text(&other, &app, &noord_map).await;
    assert_eq!(status, 404);
    let (_, picked) = text(
        &other,
        &app,
        &format!("/talenten/kaart?persoon={}", cast.owner.id),
    )
    .await;
    assert!(!picked.contains("Olga Owner"));
}

async fn pages_render_in_both_languages(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let client = app.sign_in(&cast.colleague.email).await;
    for (lang, title) in [("nl", "Talenten zoeken"), ("en", "Find talents")] {
        let response = app
            .post_form(
                &client,
                "/talenten",
                "/taal",
                &[("taal", lang), ("terug", "/talenten")],
            )
            .await;
        assert_eq!(response.status(), 303);
        let (status, page) = text(&client, &app, "/talenten?q=analyseren").await;
        assert_eq!(status, 200);
        assert!(page.contains(title), "{lang}");
        let (status, _) = text(&client, &app, "/talenten/kaart").await;
        assert_eq!(status, 200);
    }
    // Signed out: to the sign-in page.
    let (status, _) = text(&app.client(), &app, "/talenten").await;
    assert_eq!(status, 303);
}

/// Does `viewer`'s search for `query` through the node `db` list `person`?
async fn node_finds(
    db: &Db,
    viewer: &Actor,
    query: &str,
    available: bool,
    person: &Person,
) -> bool {
    directory::search(
        db,
        viewer,
        &SearchInput {
            query: query.into(),
            available_only: available,
            ..Default::default()
        },
        PageRequest::new(None, None),
        Locale::Nl,
    )
    .await
    .expect("search")
    .page
    .items
    .iter()
    .any(|found| found.person.id == person.id)
}

/// Runs SQL straight on the database, as another program (or an administrator) might.
async fn execute(app: &TestApp, sql: &str, item_or_person: &str) {
    let mut conn = app.db.acquire().await.expect("conn");
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(&app.a.id)
        .bind(item_or_person)
        .execute(&mut *conn)
        .await
        .expect("sql");
}

/// Two nodes on one database, each with its own index in memory: a change made through either
/// node, or straight in the database, is found (or no longer found) by the very next search on
/// both. Both indexes are built before each change, so this is catching up, not a first load.
async fn every_node_sees_a_change_with_its_next_search(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = actor(&app, &cast.owner).await;
    let cor = actor(&app, &cast.colleague).await;
    let other_node = Db::connect(app.database_url(), 2)
        .await
        .expect("second node");
    let nodes = [&app.db, &other_node];
    let check = async |query: &str, available: bool, expected: bool, why: &str| {
        for (number, node) in nodes.iter().enumerate() {
            assert_eq!(
                node_finds(node, &cor, query, available, &cast.owner).await,
                expected,
                "node {number}: {why}"
            );
        }
    };
    check("bruggen", false, false, "nothing shared yet").await;

    let id = portfolio::add_item(
        &other_node,
        &olga,
        &talent(
            "Verbinden",
            "Bruggen slaan",
            "organisation",
            "verbinden",
            "3",
        ),
    )
    .await
    .expect("add");
    check("bruggen", false, true, "added on the second node").await;

    portfolio::update_item(
        &app.db,
        &olga,
        &id,
        &ItemInput {
            version: Some(1),
            ..talent("Verbinden", "Bruggen slaan", "private", "verbinden", "3")
        },
    )
    .await
    .expect("narrow");
    check("bruggen", false, false, "narrowed on the first node").await;

    // Straight in the database: the triggers tell every node all the same.
    execute(
        &app,
        "UPDATE portfolio_items SET visibility = 'organisation' WHERE organisation_id = $1 AND id = $2",
        &id,
    )
    .await;
    check("bruggen", false, true, "shared in SQL").await;
    execute(
        &app,
        "UPDATE portfolio_items SET body = 'Netwerken' WHERE organisation_id = $1 AND id = $2",
        &id,
    )
    .await;
    check("bruggen", false, false, "the old word is gone").await;
    check("netwerken", false, true, "the new word is found").await;

    // Availability and leaving count at once too.
    check("netwerken", true, false, "not open to teams").await;
    execute(
        &app,
        "INSERT INTO person_availability (organisation_id, person_id, open_to_opportunities, open_to_teams, updated_at) \
         VALUES ($1, $2, 0, 1, '2026-01-01T00:00:00Z')",
        &cast.owner.id,
    )
    .await;
    check("netwerken", true, true, "open to teams").await;
    execute(
        &app,
        "UPDATE people SET active = 0 WHERE organisation_id = $1 AND id = $2",
        &cast.owner.id,
    )
    .await;
    check("netwerken", false, false, "left the organisation").await;
    execute(
        &app,
        "UPDATE people SET active = 1 WHERE organisation_id = $1 AND id = $2",
        &cast.owner.id,
    )
    .await;
    check("netwerken", false, true, "back").await;
    execute(
        &app,
        "DELETE FROM portfolio_items WHERE organisation_id = $1 AND id = $2",
        &id,
    )
    .await;
    check("netwerken", false, false, "the item deleted for good").await;
}

/// A manager or teammate relation that changes is seen at once: visibility `team` follows the
/// owner's unit, `manager` the owner's manager.
async fn moving_someone_changes_what_others_find(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let olga = actor(&app, &cast.owner).await;
    let cor = actor(&app, &cast.colleague).await;
    let mila = actor(&app, &cast.manager).await;
    portfolio::add_item(
        &app.db,
        &olga,
        &talent("Verbinden", "Bruggen slaan", "team", "verbinden", "3"),
    )
    .await
    .expect("add");
    assert!(
        node_finds(&app.db, &mila, "bruggen", false, &cast.owner).await,
        "her manager"
    );
    assert!(
        !node_finds(&app.db, &cor, "bruggen", false, &cast.owner).await,
        "another team"
    );
    // Olga moves to Cor's team and gets another manager.
    execute(
        &app,
        &format!("UPDATE people SET unit_id = '{}', manager_id = NULL WHERE organisation_id = $1 AND id = $2", cast.zuid),
        &cast.owner.id,
    )
    .await;
    assert!(
        node_finds(&app.db, &cor, "bruggen", false, &cast.owner).await,
        "now a teammate"
    );
    assert!(
        node_finds(&app.db, &mila, "bruggen", false, &cast.owner).await,
        "Mila is in Team Zuid too"
    );
    execute(
        &app,
        &format!(
            "UPDATE people SET unit_id = '{}' WHERE organisation_id = $1 AND id = $2",
            cast.noord
        ),
        &cast.owner.id,
    )
    .await;
    assert!(
        !node_finds(&app.db, &cor, "bruggen", false, &cast.owner).await,
        "moved back"
    );
    assert!(
        !node_finds(&app.db, &mila, "bruggen", false, &cast.owner).await,
        "no longer her manager nor in her team"
    );
}

/// The demo organisation gives search and the map something to show.
async fn the_demo_makes_search_and_the_map_meaningful(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let info = kleur_services::demo::ensure_demo(&app.db, 120)
        .await
        .expect("demo");
    let mut conn = app.db.acquire().await.expect("conn");
    let login = |index: usize| kleur_services::demo::demo_logins()[index].email.clone();
    let load = async |conn: &mut kleur_storage::Conn, email: String| {
        let person = people::find_person_by_email(conn, &info.organisation_id, &email)
            .await
            .expect("find")
            .expect("person");
        kleur_services::actor::load(conn, &info.organisation_id, &person.id)
            .await
            .expect("actor")
    };
    let daan = load(&mut conn, login(3)).await;
    let sanne = load(&mut conn, login(2)).await;
    drop(conn);
    use kleur_services::directory::{MapScope, SearchInput, search, talent_map};
    for query in ["analyseren", "samenwerken", "gemeente"] {
        let result = search(
            &app.db,
            &daan,
            &SearchInput {
                query: query.into(),
                ..Default::default()
            },
            kleur_domain::PageRequest::new(None, None),
            kleur_domain::Locale::Nl,
        )
        .await
        .expect("search");
        assert!(result.page.total >= 2, "{query}: {}", result.page.total);
        assert!(
            result.page.items.iter().all(|f| !f.reasons.is_empty()),
            "every hit says why"
        );
    }
    let available = search(
        &app.db,
        &daan,
        &SearchInput {
            available_only: true,
            ..Default::default()
        },
        kleur_domain::PageRequest::new(None, None),
        kleur_domain::Locale::Nl,
    )
    .await
    .expect("available");
    assert!(available.page.total >= 5, "people open to teams");
    let map = talent_map(&app.db, &sanne, &MapScope::MyUnit, kleur_domain::Locale::Nl)
        .await
        .expect("map");
    assert!(map.members.len() >= 5);
    assert!(map.columns.len() >= 5);
    assert!(map.columns.iter().any(|c| c.needed.is_some()));
    assert!(map.can_edit_needs, "Sanne manages the first team");
}

/// A large organisation's unit filter offers the top three levels and the unit chosen, in tree
/// order, without the thousands of teams below; a small one offers every unit.
async fn the_unit_filter_of_a_large_organisation_offers_the_top_of_the_tree(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let cor = actor(&app, &cast.colleague).await;
    let names = |nodes: &[kleur_services::people::UnitNode]| -> Vec<(String, usize)> {
        nodes
            .iter()
            .map(|n| (n.unit.name.clone(), n.depth))
            .collect()
    };
    let small = kleur_services::people::filter_unit_choices(&app.db, &cor, "")
        .await
        .expect("units");
    assert_eq!(
        names(&small),
        [("Gemeente aaa", 0), ("Team Noord", 1), ("Team Zuid", 1)].map(|(n, d)| (n.to_owned(), d))
    );
    // Team Zuid gets a department with a team below it, and the organisation 300 more units.
    let mut tx = app.db.begin().await.expect("begin");
    let department = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&cast.zuid),
        "Afdeling",
        "aaa > team zuid > afdeling",
    )
    .await
    .expect("unit");
    let team = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&department.id),
        "Klein team",
        "aaa > team zuid > afdeling > klein team",
    )
    .await
    .expect("unit");
    for number in 0..300 {
        org::insert_unit(
            &mut tx,
            &app.a.id,
            Some(&department.id),
            &format!("Team {number:03}"),
            &format!("aaa > team zuid > afdeling > team {number:03}"),
        )
        .await
        .expect("unit");
    }
    tx.commit().await.expect("commit");
    let top = kleur_services::people::filter_unit_choices(&app.db, &cor, "")
        .await
        .expect("units");
    let expected: Vec<(String, usize)> = [
        ("Gemeente aaa", 0),
        ("Team Noord", 1),
        ("Team Zuid", 1),
        ("Afdeling", 2),
    ]
    .map(|(n, d)| (n.to_owned(), d))
    .into();
    assert_eq!(names(&top), expected);
    let chosen = kleur_services::people::filter_unit_choices(&app.db, &cor, &team.id)
        .await
        .expect("units");
    let mut with_chosen = expected.clone();
    with_chosen.push(("Klein team".to_owned(), 3));
    assert_eq!(names(&chosen), with_chosen, "the chosen team in its place");
    // The page offers the same.
    let client = app.sign_in(&cast.colleague.email).await;
    let (status, page) = text(&client, &app, "/talenten").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Afdeling") && !page.contains("Team 000"),
        "{page}"
    );
}

on_both_databases!(
    private_items_never_match_and_narrowing_removes_the_match_at_once,
    stemming_synonyms_and_accents,
    filters_and_pagination,
    the_map_shows_only_what_was_shared,
    pages_render_in_both_languages,
    every_node_sees_a_change_with_its_next_search,
    moving_someone_changes_what_others_find,
    the_unit_filter_of_a_large_organisation_offers_the_top_of_the_tree,
    the_demo_makes_search_and_the_map_meaningful,
);
