//! Route-by-route authorisation: every page route and every API operation, for every role, from
//! the own organisation and from another one, against one table of expected outcomes.
//!
//! The table must list every route: the test reads the routes from the page sources and from the
//! OpenAPI document, and fails on any route the table does not have, so a feature that adds a
//! route must say here who may use it.
//!
//! Outcomes, one letter per role in the order visitor, employee (the owner of the resources the
//! ids point at), manager (the owner's manager), HR adviser, administrator, management:
//! `A` allowed (anything but 401/403/404, a sign-in redirect or 5xx), `D` denied (403 or 404),
//! `S` sign in first (redirect to `/inloggen?terug=…`, or 401), `P` public (not a sign-in
//! redirect, never 5xx), `G` allowed but gone (tried after the refusals like `A`, when an
//! earlier allowed role already removed what the route acts on: 403 or 404). Requests are valid enough that authorisation, not validation, decides. From another organisation, a route whose path has an id of the owner's
//! organisation is `D` for everyone signed in; routes without an id behave as at home.

mod support;

use std::collections::BTreeSet;

use kleur_domain::Role;
use kleur_services::{
    Actor, actor, checkins, conversations, feedback, goals, mobility, portfolio, programme,
    questionnaires,
};
use kleur_storage::people;
use kleur_test_support::{TestBackend, on_both_databases};
use sqlx::Row;
use support::{PASSWORD, TestApp};

struct Route {
    method: &'static str,
    path: &'static str,
    expect: &'static str,
    body: Body,
}

/// What a request carries besides the CSRF token (pages) or the API key.
#[derive(Clone, Copy)]
enum Body {
    Nothing,
    /// Form fields of a page form.
    Form(&'static [(&'static str, &'static str)]),
    /// A query string for a GET.
    Query(&'static str),
    /// An upload form with an empty file.
    Multipart,
    /// A JSON body for the API; `{}` when a POST or PUT has none.
    Json(&'static str),
}

/// A route whose request is valid enough that only authorisation decides the outcome.
const fn r(method: &'static str, path: &'static str, expect: &'static str) -> Route {
    Route {
        method,
        path,
        expect,
        body: Body::Nothing,
    }
}

const fn with(method: &'static str, path: &'static str, expect: &'static str, body: Body) -> Route {
    Route {
        method,
        path,
        expect,
        body,
    }
}

/// Every route. Routes that change or end things come last, so the others see the fixture intact.
const ROUTES: &[Route] = &[
    r("GET", "/healthz", "PPPPPP"),
    r("GET", "/readyz", "PPPPPP"),
    r("GET", "/", "PAAAAA"),
    r("GET", "/inloggen", "PPPPPP"),
    r("POST", "/inloggen", "PPPPPP"),
    r("GET", "/wachtwoord-vergeten", "PPPPPP"),
    r("POST", "/wachtwoord-vergeten", "PPPPPP"),
    r("GET", "/wachtwoord-herstellen/{token}", "PPPPPP"),
    r("POST", "/wachtwoord-herstellen/{token}", "PPPPPP"),
    r("POST", "/taal", "PPPPPP"),
    r("GET", "/api", "PPPPPP"),
    r("GET", "/profiel", "SAAAAA"),
    r("POST", "/profiel/api-sleutels", "SAAAAA"),
    r("GET", "/profiel/mijn-gegevens.json", "SAAAAA"),
    r("GET", "/portfolio", "SAAAAA"),
    with(
        "GET",
        "/portfolio/nieuw",
        "SAAAAA",
        Body::Query("sectie=talents"),
    ),
    r("POST", "/portfolio/nieuw", "SAAAAA"),
    r("GET", "/portfolio/items/{id}/wijzigen", "SADDDD"),
    r("POST", "/portfolio/items/{id}/wijzigen", "SADDDD"),
    r("POST", "/portfolio/items/{id}/omhoog", "SADDDD"),
    r("POST", "/portfolio/items/{id}/omlaag", "SADDDD"),
    with(
        "POST",
        "/portfolio/items/{id}/bestand",
        "SADDDD",
        Body::Multipart,
    ),
    r("GET", "/portfolio/bestanden/{id}", "SADDDD"),
    r("GET", "/portfolio/bekeken", "SAAAAA"),
    r("GET", "/portfolio/export.json", "SAAAAA"),
    r("GET", "/portfolio/afdrukken", "SAAAAA"),
    r("GET", "/portfolio/importeren", "SAAAAA"),
    r("POST", "/portfolio/importeren", "SAAAAA"),
    r("GET", "/mensen/{id}/portfolio", "SAAAAA"),
    r("GET", "/feedback", "SAAAAA"),
    r("GET", "/feedback/nieuw", "SAAAAA"),
    r("POST", "/feedback/nieuw", "SAAAAA"),
    r("GET", "/feedback/rondes/{id}", "SADDDD"),
    r("POST", "/feedback/rondes/{id}/sluitingsdatum", "SADDDD"),
    r("GET", "/feedback/antwoord/{token}", "PPPPPP"),
    r("POST", "/feedback/antwoord/{token}", "PPPPPP"),
    r("GET", "/feedback/verzoeken/{id}", "SADDDD"),
    r("GET", "/doelen", "SAAAAA"),
    r("GET", "/doelen/nieuw", "SAAAAA"),
    r("POST", "/doelen/nieuw", "SAAAAA"),
    r("GET", "/doelen/{id}", "SAADDD"),
    r("GET", "/doelen/{id}/wijzigen", "SADDDD"),
    r("POST", "/doelen/{id}/wijzigen", "SADDDD"),
    r("GET", "/doelen/{id}/voortgang", "SADDDD"),
    r("POST", "/doelen/{id}/voortgang", "SADDDD"),
    r("GET", "/beheer/mensen", "SDDAAD"),
    r("GET", "/beheer/mensen/nieuw", "SDDAAD"),
    r("POST", "/beheer/mensen/nieuw", "SDDAAD"),
    r("GET", "/beheer/mensen/{id}", "SDDAAD"),
    r("GET", "/beheer/mensen/{id}/wijzigen", "SDDAAD"),
    r("POST", "/beheer/mensen/{id}/wijzigen", "SDDAAD"),
    with(
        "POST",
        "/beheer/mensen/{id}/rollen",
        "SDDDAD",
        Body::Form(&[("rol", "ambassador"), ("actie", "geven")]),
    ),
    r("GET", "/beheer/mensen/{id}/wissen", "SDDDAD"),
    // Without the confirmation: refused as invalid, nothing erased.
    r("POST", "/beheer/mensen/{id}/wissen", "SDDDAD"),
    r("GET", "/beheer/onderdelen", "SDDAAD"),
    r("GET", "/beheer/catalogus", "SDDAAD"),
    r("GET", "/beheer/catalogus/nieuw", "SDDAAD"),
    r("POST", "/beheer/catalogus/nieuw", "SDDAAD"),
    r("GET", "/beheer/catalogus/{key}/wijzigen", "SDDAAD"),
    r("POST", "/beheer/catalogus/{key}/wijzigen", "SDDAAD"),
    r("POST", "/beheer/catalogus/{key}/intrekken", "SDDAAD"),
    r("POST", "/beheer/catalogus/{key}/terugzetten", "SDDAAD"),
    r("GET", "/beheer/e-mail", "SDDDAD"),
    r("GET", "/beheer/e-mail/{id}", "SDDDAD"),
    r("GET", "/beheer/logboek", "SDDDAD"),
    r("GET", "/beheer/privacy", "SDDDAD"),
    r("POST", "/beheer/privacy", "SDDDAD"),
    r("GET", "/inloggen/sso/terug", "PPPPPP"),
    // An organisation slug that has no single sign-on: refused for everyone, never a sign-in.
    r("GET", "/inloggen/sso/{organisation}", "PPPPPP"),
    r("GET", "/beheer/sso", "SDDDAD"),
    r("POST", "/beheer/sso", "SDDDAD"),
    r("GET", "/beheer/scim", "SDDDAD"),
    r("GET", "/talenten", "SAAAAA"),
    r("GET", "/talenten/kaart", "SAAAAA"),
    r("GET", "/teams/samenstellen", "SDAADA"),
    r("GET", "/inzicht", "SDDADA"),
    r("GET", "/portfolio/beschikbaarheid", "SAAAAA"),
    r("POST", "/portfolio/beschikbaarheid", "SAAAAA"),
    r("GET", "/feedback/voorstellen", "SDADDD"),
    r("POST", "/feedback/voorstellen", "SDADDD"),
    // The manager's proposal to the employee: only the employee opens it.
    r("GET", "/feedback/voorstellen/{id}", "SADDDD"),
    r("GET", "/beheer/vragenlijsten", "SDDAAD"),
    r("GET", "/beheer/feedback-overzicht", "SDDAAD"),
    r("GET", "/beheer/vragenlijsten/nieuw", "SDDAAD"),
    r("POST", "/beheer/vragenlijsten/nieuw", "SDDAAD"),
    r("GET", "/beheer/vragenlijsten/{id}", "SDDAAD"),
    r("GET", "/beheer/vragenlijsten/{id}/wijzigen", "SDDAAD"),
    r("POST", "/beheer/vragenlijsten/{id}/wijzigen", "SDDAAD"),
    // The opportunity is the manager's, published.
    r("GET", "/kansen", "SAAAAA"),
    r("GET", "/kansen/voor-mij", "SAAAAA"),
    r("GET", "/kansen/nieuw", "SDAADD"),
    r("POST", "/kansen/nieuw", "SDAADD"),
    r("GET", "/kansen/{id}", "SAAAAA"),
    r("GET", "/kansen/{id}/wijzigen", "SDAADD"),
    r("POST", "/kansen/{id}/wijzigen", "SDAADD"),
    r("GET", "/kansen/{id}/kandidaten", "SDAADD"),
    r("GET", "/check-in", "SAAAAA"),
    r("POST", "/check-in", "SAAAAA"),
    r("GET", "/check-in/instellingen", "SAAAAA"),
    r("POST", "/check-in/instellingen", "SAAAAA"),
    // Everyone may open it: it shows only the direct reports who share with the viewer, so
    // those without reports see an empty page.
    r("GET", "/check-in/team", "SAAAAA"),
    r("GET", "/check-in/organisatie", "SDDADA"),
    r("GET", "/gesprekken", "SAAAAA"),
    // An employee plans a conversation with their own manager.
    r("GET", "/gesprekken/nieuw", "SAAAAA"),
    r("POST", "/gesprekken/nieuw", "SAAAAA"),
    r("GET", "/gesprekken/cyclus", "SDDADD"),
    r("POST", "/gesprekken/cyclus", "SDDADD"),
    // The conversation of the employee with the manager: only the two of them.
    r("GET", "/gesprekken/{id}", "SAADDD"),
    r("POST", "/gesprekken/{id}/agenda", "SAADDD"),
    r("POST", "/gesprekken/{id}/verslag", "SAADDD"),
    r("POST", "/gesprekken/{id}/acties", "SAADDD"),
    r("POST", "/gesprekken/{id}/acties/{action}", "SAADDD"),
    r("POST", "/gesprekken/{id}/notitie", "SAADDD"),
    r("POST", "/gesprekken/{id}/bevestigen", "SAADDD"),
    // Everyone works in the one unit of the fixture, so everyone holds its sessions.
    r("GET", "/programma", "SAAAAA"),
    r("GET", "/programma/voortgang", "SDDADA"),
    // Who the ambassadors are is for everyone; appointing them is not.
    r("GET", "/programma/ambassadeurs", "SAAAAA"),
    r("POST", "/programma/ambassadeurs", "SDDADA"),
    r("POST", "/programma/trainingen", "SDDADA"),
    r("GET", "/programma/onderdelen/{id}", "SAAAAA"),
    r("POST", "/programma/onderdelen/{id}/fasen", "SDDADA"),
    r("POST", "/programma/onderdelen/{id}/activiteiten", "SDDADA"),
    r("POST", "/programma/onderdelen/{id}/sessies", "SAAAAA"),
    r("POST", "/programma/sessies/{id}/voornemens", "SAAAAA"),
    // Revisiting an intention is for those who hold the unit's sessions: all of its people.
    r("POST", "/programma/voornemens/{id}", "SAAAAA"),
    // The API.
    r("GET", "/api/v1/openapi.json", "PPPPPP"),
    r("GET", "/api/v1/me", "SAAAAA"),
    r("GET", "/api/v1/people", "SAAAAA"),
    with(
        "POST",
        "/api/v1/people",
        "SDDAAD",
        Body::Json(r#"{"display_name": "Nieuw", "email": "nieuw@voorbeeld.nl"}"#),
    ),
    r("GET", "/api/v1/people/{id}", "SAAAAA"),
    r("GET", "/api/v1/units", "SAAAAA"),
    r("GET", "/api/v1/units/{id}", "SAAAAA"),
    r("GET", "/api/v1/people/{id}/portfolio", "SAAAAA"),
    r("GET", "/api/v1/portfolio", "SAAAAA"),
    r("POST", "/api/v1/portfolio/items", "SAAAAA"),
    with(
        "PUT",
        "/api/v1/portfolio/items/{id}",
        "SADDDD",
        Body::Json(
            r#"{"section": "results", "title": "Certificaat plannen", "visibility": "private"}"#,
        ),
    ),
    r("GET", "/api/v1/goals", "SAAAAA"),
    r("POST", "/api/v1/goals", "SAAAAA"),
    r("GET", "/api/v1/goals/{id}", "SAADDD"),
    with(
        "PUT",
        "/api/v1/goals/{id}",
        "SADDDD",
        Body::Json(
            r#"{"level": "personal", "cycle": 2026, "title": "Leren plannen", "visibility": "manager"}"#,
        ),
    ),
    r("POST", "/api/v1/goals/{id}/progress", "SADDDD"),
    r("GET", "/api/v1/catalogue", "SAAAAA"),
    r("GET", "/api/v1/catalogue/{key}", "SAAAAA"),
    r("GET", "/api/v1/opportunities", "SAAAAA"),
    r("GET", "/api/v1/opportunities/{id}", "SAAAAA"),
    // The poster cannot be interested in their own opportunity (422), which is still allowed.
    with(
        "PUT",
        "/api/v1/opportunities/{id}/interest",
        "SAAAAA",
        Body::Json(r#"{"motivation": "Ik wil graag meedoen."}"#),
    ),
    // Withdrawing what the PUT above expressed; the poster has nothing to withdraw.
    r("DELETE", "/api/v1/opportunities/{id}/interest", "SADAAA"),
    // Changes: a proposal, its answer, closing, sharing, removing, revoking, signing out.
    r("GET", "/doelen/{id}/voorstellen", "SADDDD"),
    r("POST", "/doelen/{id}/voorstellen", "SADDDD"),
    r("POST", "/doelen/{id}/voorstel/afwijzen", "SDADDD"),
    // Proposed again, so that accepting has a proposal to accept.
    r("POST", "/doelen/{id}/voorstellen", "SADDDD"),
    r("POST", "/doelen/{id}/voorstel/accepteren", "SDADDD"),
    r("POST", "/feedback/rondes/{id}/herinneren", "SADDDD"),
    r(
        "POST",
        "/feedback/rondes/{id}/uitnodigingen/{invitation}/intrekken",
        "SADDDD",
    ),
    r("POST", "/feedback/rondes/{id}/sluiten", "SADDDD"),
    r("POST", "/feedback/voorstellen/{id}/afwijzen", "SADDDD"),
    r("POST", "/feedback/voorstellen/{id}/accepteren", "SADDDD"),
    r("POST", "/beheer/vragenlijsten/instellingen", "SDDAAD"),
    with(
        "POST",
        "/beheer/vragenlijsten/{id}/toewijzen",
        "SDDAAD",
        Body::Form(&[("soort", "team"), ("doel", "{manager}")]),
    ),
    // HR removes the assignment; the administrator, allowed too, then finds none left.
    with(
        "POST",
        "/beheer/vragenlijsten/{id}/toewijzing-intrekken",
        "SDDAGD",
        Body::Form(&[("soort", "team"), ("doel", "{manager}")]),
    ),
    // The poster (the manager) cannot be interested in their own opportunity: 422, allowed.
    with(
        "POST",
        "/kansen/{id}/interesse",
        "SAAAAA",
        Body::Form(&[("motivation", "Ik wil graag meedoen.")]),
    ),
    with(
        "POST",
        "/kansen/{id}/uitnodigen",
        "SDAADD",
        Body::Form(&[("person_id", "{employee}")]),
    ),
    // Everyone withdraws their own interest; the poster has none to withdraw (404).
    r("POST", "/kansen/{id}/intrekken", "SADAAA"),
    r("POST", "/kansen/{id}/uitkomst", "SDAADD"),
    r("POST", "/kansen/{id}/publiceren", "SDAADD"),
    // A need of the unit of organisation a, so bound to that organisation. People managers
    // (HR, administrators) and the unit's manager set needs.
    with(
        "POST",
        "/talenten/kaart/nodig",
        "SDAAAD",
        Body::Form(&[
            ("onderdeel", "{unit}"),
            ("talent", "verbinden"),
            ("niveau", "3"),
        ]),
    ),
    with(
        "POST",
        "/talenten/kaart/nodig/verwijderen",
        "SDAAAD",
        Body::Form(&[("onderdeel", "{unit}"), ("talent", "verbinden")]),
    ),
    // Only who added an agenda item removes it: the employee added this one.
    r(
        "POST",
        "/gesprekken/{id}/agenda/{item}/verwijderen",
        "SADDDD",
    ),
    r("POST", "/check-in/{id}/verwijderen", "SADDDD"),
    r("POST", "/beheer/scim/sleutel", "SDDDAD"),
    r("POST", "/beheer/scim/intrekken", "SDDDAD"),
    with(
        "POST",
        "/feedback/rondes/{id}/delen",
        "SADDDD",
        Body::Form(&[("gedeeld", "ja")]),
    ),
    // From the report of the closed round into the portfolio: only its subject.
    with(
        "POST",
        "/feedback/rondes/{id}/inzicht",
        "SADDDD",
        Body::Form(&[("naar", "talent"), ("item", "verbinden")]),
    ),
    r("POST", "/portfolio/bestanden/{id}/verwijderen", "SADDDD"),
    r("GET", "/portfolio/items/{id}/verwijderen", "SADDDD"),
    r("POST", "/portfolio/items/{id}/verwijderen", "SADDDD"),
    r("POST", "/portfolio/items/{id}/herstellen", "SADDDD"),
    r("DELETE", "/api/v1/portfolio/items/{id}", "SADDDD"),
    r("POST", "/profiel/api-sleutels/{id}/intrekken", "SADDDD"),
    // Takes the unit and manager away from the owner.
    with(
        "PUT",
        "/api/v1/people/{id}",
        "SDDAAD",
        Body::Json(
            r#"{"display_name": "Medewerker aaa", "email": "medewerker@aaa.nl", "function_title": "Adviseur"}"#,
        ),
    ),
    r("POST", "/uitloggen", "PAAAAA"),
];

const ROLES: [&str; 6] = [
    "visitor",
    "employee",
    "manager",
    "hr",
    "administrator",
    "management",
];

/// The page routes declared in the web crate's sources (`.route("…"` in `src/lib.rs` and
/// `src/pages/`), and the API routes in `src/api/`.
fn declared_routes() -> (BTreeSet<String>, BTreeSet<String>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut pages = BTreeSet::new();
    let mut api = BTreeSet::new();
    let mut files = vec![root.join("lib.rs")];
    for dir in ["pages", "api"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("read sources") {
            files.push(entry.expect("entry").path());
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        let is_api = file.parent().is_some_and(|p| p.ends_with("api"));
        for (index, _) in text.match_indices(".route(") {
            let rest = &text[index + ".route(".len()..];
            let Some(start) = rest.find('"') else {
                continue;
            };
            // The path is the first string after `.route(`, allowing for a line break.
            if rest[..start].trim() != "" {
                continue;
            }
            let path: String = rest[start + 1..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            if is_api {
                api.insert(format!("/api/v1{path}"));
            } else {
                pages.insert(path);
            }
        }
    }
    (pages, api)
}

#[test]
fn the_table_lists_every_route() {
    let listed: BTreeSet<&str> = ROUTES.iter().map(|r| r.path).collect();
    let (pages, api) = declared_routes();
    assert!(pages.len() > 40, "found too few page routes: {pages:?}");
    let missing: Vec<&String> = pages
        .iter()
        .chain(api.iter())
        .filter(|p| !listed.contains(p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without an authorisation expectation: {missing:?}"
    );
    // Every operation of the OpenAPI document, with its method.
    let document = serde_json::to_value(kleur_web::api::openapi()).expect("openapi");
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                operations.push((method.to_uppercase(), format!("/api/v1{path}")));
            }
        }
    }
    assert!(operations.len() >= 19);
    for (method, path) in operations {
        assert!(
            ROUTES.iter().any(|r| r.method == method && r.path == path),
            "{method} {path} of the OpenAPI document is not in the table"
        );
    }
    for route in ROUTES {
        assert_eq!(
            route.expect.len(),
            ROLES.len(),
            "{} {}",
            route.method,
            route.path
        );
    }
}

/// The people of one organisation in each role, signed in, with an API key each.
struct Cast {
    browsers: Vec<(reqwest::Client, String)>,
    tokens: Vec<Option<String>>,
}

async fn person(app: &TestApp, tenant: &support::Tenant, name: &str, role: Role) -> String {
    let (organisation_id, unit_id) = (tenant.id.as_str(), tenant.unit_id.as_str());
    let hash = kleur_services::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    let domain = tenant.admin_email.split('@').nth(1).expect("domain");
    let email = format!("{name}@{domain}");
    let mut tx = app.db.begin().await.expect("begin");
    let id = people::insert_person(
        &mut tx,
        &people::NewPerson {
            organisation_id,
            employee_number: None,
            display_name: name,
            email: &email,
            function_title: "",
            unit_id: Some(unit_id),
            manager_id: None,
            password_hash: Some(&hash),
        },
    )
    .await
    .expect("person");
    for role in [Role::Employee, role] {
        people::grant_role(&mut tx, organisation_id, &id, role.as_str())
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");
    email
}

async fn csrf_of(app: &TestApp, client: &reqwest::Client) -> String {
    app.csrf(client, "/wachtwoord-vergeten").await
}

async fn cast(app: &TestApp, tenant: &support::Tenant) -> Cast {
    let manager = person(app, tenant, "manager", Role::Manager).await;
    let hr = person(app, tenant, "hr", Role::HrAdviser).await;
    let admin = person(app, tenant, "admin", Role::Administrator).await;
    let management = person(app, tenant, "directie", Role::Management).await;
    let mut conn = app.db.acquire().await.expect("conn");
    let manager_id = people::find_person_by_email(&mut conn, &tenant.id, &manager)
        .await
        .expect("find")
        .expect("manager")
        .id;
    people::set_manager(
        &mut conn,
        &tenant.id,
        &tenant.employee_id,
        Some(&manager_id),
    )
    .await
    .expect("manager");
    drop(conn);
    let mut browsers = Vec::new();
    let mut tokens = vec![None];
    let visitor = app.client();
    let csrf = csrf_of(app, &visitor).await;
    browsers.push((visitor, csrf));
    for email in [&tenant.employee_email, &manager, &hr, &admin, &management] {
        let client = app.sign_in(email).await;
        let csrf = csrf_of(app, &client).await;
        browsers.push((client, csrf));
        let mut conn = app.db.acquire().await.expect("conn");
        let id = people::find_person_by_email(&mut conn, &tenant.id, email)
            .await
            .expect("find")
            .expect("person")
            .id;
        drop(conn);
        tokens.push(Some(app.api_token(&tenant.id, &id).await));
    }
    Cast { browsers, tokens }
}

/// The ids the routes point at, all of the employee of organisation a.
struct Ids {
    item: String,
    file: String,
    goal: String,
    round: String,
    invitation: String,
    api_key: String,
    mail: String,
    key: String,
    /// The employee's manager.
    manager: String,
    /// An invitation of the employee's own round.
    round_invitation: String,
    /// The manager's published opportunity.
    opportunity: String,
    /// The manager's conversation with the employee, with one agenda item and one action.
    conversation: String,
    agenda_item: String,
    action: String,
    /// The employee's check-in.
    checkin: String,
    /// A session of the employee's unit, and an intention of the employee made there.
    session: String,
    intention: String,
    /// A questionnaire of HR.
    questionnaire: String,
    /// Two feedback rounds the manager proposed to the employee: one to decline, one to accept.
    proposal: String,
    declined_proposal: String,
}

async fn load(app: &TestApp, organisation_id: &str, person_id: &str) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

async fn fixture(app: &TestApp) -> Ids {
    let owner = load(app, &app.a.id, &app.a.employee_id).await;
    let colleague = load(app, &app.a.id, &app.a.admin_id).await;
    let settings = kleur_services::Settings {
        base_url: app.base.clone(),
        session_hours: 12,
    };
    let item = portfolio::add_item(
        &app.db,
        &owner,
        &portfolio::ItemInput {
            section: "results".into(),
            title: "Certificaat plannen".into(),
            visibility: "private".into(),
            kind: "certificate".into(),
            date: "2026-06-30".into(),
            ..Default::default()
        },
    )
    .await
    .expect("item");
    let file = portfolio::attach_file(&app.db, &owner, &item, "bewijs.pdf", b"%PDF-1.4\n%%EOF\n")
        .await
        .expect("file");
    let goal = goals::create(
        &app.db,
        &owner,
        &goals::GoalInput {
            level: "personal".into(),
            cycle: "2026".into(),
            title: "Leren plannen".into(),
            visibility: "manager".into(),
            ..Default::default()
        },
    )
    .await
    .expect("goal");
    let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string();
    let round = feedback::start_round(
        &app.db,
        &settings,
        &owner,
        &feedback::RoundInput {
            title: "Ronde".into(),
            deadline: deadline.clone(),
            peers: app.a.admin_email.clone(),
            // A single peer is below the anonymity threshold: start anyway.
            small_groups_ok: "ja".into(),
            ..Default::default()
        },
    )
    .await
    .expect("round");
    feedback::start_round(
        &app.db,
        &settings,
        &colleague,
        &feedback::RoundInput {
            title: "Andere ronde".into(),
            deadline,
            peers: app.a.employee_email.clone(),
            // A single peer is below the anonymity threshold: start anyway.
            small_groups_ok: "ja".into(),
            ..Default::default()
        },
    )
    .await
    .expect("colleague's round");
    let (api_key, _) = kleur_services::auth::create_api_token(&app.db, &owner, "weg")
        .await
        .expect("key");
    let mut conn = app.db.acquire().await.expect("conn");
    let invitation: String = sqlx::query(
        "SELECT i.id FROM feedback_invitations i JOIN feedback_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id \
         WHERE i.organisation_id = $1 AND i.person_id = $2 AND r.subject_id = $3",
    )
    .bind(app.a.id.clone())
    .bind(app.a.employee_id.clone())
    .bind(app.a.admin_id.clone())
    .fetch_one(&mut *conn)
    .await
    .expect("invitation")
    .try_get(0)
    .expect("id");
    let mail: String = sqlx::query("SELECT id FROM outbox WHERE organisation_id = $1 LIMIT 1")
        .bind(app.a.id.clone())
        .fetch_one(&mut *conn)
        .await
        .expect("mail")
        .try_get(0)
        .expect("id");
    let round_invitation: String = sqlx::query(
        "SELECT id FROM feedback_invitations WHERE organisation_id = $1 AND round_id = $2 AND person_id = $3",
    )
    .bind(app.a.id.clone())
    .bind(round.clone())
    .bind(app.a.admin_id.clone())
    .fetch_one(&mut *conn)
    .await
    .expect("round invitation")
    .try_get(0)
    .expect("id");
    let domain = app
        .a
        .admin_email
        .split('@')
        .nth(1)
        .expect("domain")
        .to_owned();
    let mut id_of = async |name: &str| {
        people::find_person_by_email(&mut conn, &app.a.id, &format!("{name}@{domain}"))
            .await
            .expect("find")
            .expect("person")
            .id
    };
    let manager_id = id_of("manager").await;
    let hr_id = id_of("hr").await;
    drop(conn);
    let manager = load(app, &app.a.id, &manager_id).await;
    let hr = load(app, &app.a.id, &hr_id).await;
    let closing = (chrono::Utc::now().date_naive() + chrono::Duration::days(21))
        .format("%Y-%m-%d")
        .to_string();
    let opportunity = mobility::create(
        &app.db,
        &manager,
        &mobility::OpportunityInput {
            kind: "project".into(),
            title: "Wijkproject".into(),
            description: "Omschrijving".into(),
            hours_per_week: "16".into(),
            duration_months: "6".into(),
            closing_date: closing.clone(),
            ..Default::default()
        },
    )
    .await
    .expect("opportunity");
    mobility::publish(&app.db, &manager, &opportunity)
        .await
        .expect("publish");
    let conversation = conversations::create(
        &app.db,
        &manager,
        &conversations::NewInput {
            employee_id: app.a.employee_id.clone(),
            planned_on: closing.clone(),
            theme: String::new(),
        },
    )
    .await
    .expect("conversation");
    conversations::add_item(
        &app.db,
        &owner,
        &conversation,
        &conversations::ItemInput {
            reference: "topic".into(),
            text: "Werkdruk".into(),
        },
    )
    .await
    .expect("agenda item");
    conversations::add_action(
        &app.db,
        &manager,
        &conversation,
        &conversations::ActionInput {
            text: "Cursus zoeken".into(),
            owner: "employee".into(),
            due_on: closing.clone(),
        },
    )
    .await
    .expect("action");
    checkins::save(
        &app.db,
        &owner,
        &checkins::CheckinInput {
            energy: "3".into(),
            workload: "3".into(),
            stress: "3".into(),
            autonomy: "3".into(),
            learning: "3".into(),
            note: String::new(),
        },
    )
    .await
    .expect("check-in");
    let session = programme::add_session(
        &app.db,
        &owner,
        &app.a.unit_id,
        &programme::SessionInput {
            title: "Teamsessie".into(),
            held_on: "2026-04-01".into(),
        },
    )
    .await
    .expect("session");
    programme::add_intention(
        &app.db,
        &owner,
        &session,
        &programme::IntentionInput {
            text: "Vaker feedback vragen".into(),
            owner_id: app.a.employee_id.clone(),
        },
    )
    .await
    .expect("intention");
    let mut conn = app.db.acquire().await.expect("conn");
    let intention: String =
        sqlx::query("SELECT id FROM intentions WHERE organisation_id = $1 AND session_id = $2")
            .bind(app.a.id.clone())
            .bind(session.clone())
            .fetch_one(&mut *conn)
            .await
            .expect("intention id")
            .try_get(0)
            .expect("id");
    drop(conn);
    let questionnaire = questionnaires::create(
        &app.db,
        &hr,
        &questionnaires::QuestionnaireInput {
            name_nl: "Vragenlijst".into(),
            name_en: "Questionnaire".into(),
            scale: "5".into(),
            talents: vec!["verbinden".into()],
            ..Default::default()
        },
    )
    .await
    .expect("questionnaire");
    feedback::set_manager_rounds(&app.db, &hr, true)
        .await
        .expect("manager rounds");
    let mut proposals = Vec::new();
    for title in ["Voorstel", "Ander voorstel"] {
        let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(14))
            .format("%Y-%m-%d")
            .to_string();
        let id = feedback::propose_round(
            &app.db,
            &settings,
            &manager,
            &app.a.employee_id,
            &feedback::RoundInput {
                title: title.into(),
                deadline,
                peers: app.a.admin_email.clone(),
                small_groups_ok: "ja".into(),
                ..Default::default()
            },
        )
        .await
        .expect("proposal");
        proposals.push(id);
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let mut first_id = async |sql: &'static str, parent: &str| -> String {
        sqlx::query(sql)
            .bind(app.a.id.clone())
            .bind(parent.to_owned())
            .fetch_one(&mut *conn)
            .await
            .expect(sql)
            .try_get(0)
            .expect("id")
    };
    let agenda_item = first_id(
        "SELECT id FROM conversation_items WHERE organisation_id = $1 AND conversation_id = $2 AND kind = 'topic'",
        &conversation,
    )
    .await;
    let action = first_id(
        "SELECT id FROM conversation_actions WHERE organisation_id = $1 AND conversation_id = $2",
        &conversation,
    )
    .await;
    let checkin = first_id(
        "SELECT id FROM checkins WHERE organisation_id = $1 AND person_id = $2",
        &app.a.employee_id,
    )
    .await;
    drop(conn);
    // An entry of organisation a's own catalogue (the seeded keys exist in every organisation).
    let hr = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &hr,
            "/beheer/catalogus/nieuw",
            "/beheer/catalogus/nieuw",
            &[
                ("kind", "talent"),
                ("category", "omgeving-en-bestuur"),
                ("name_nl", "Wijkgericht werken"),
                ("name_en", "Neighbourhood-based working"),
                ("description_nl", "Je kent de wijk."),
                ("description_en", "You know the neighbourhood."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "catalogue entry");
    Ids {
        item,
        file,
        goal,
        round,
        invitation,
        api_key,
        mail,
        key: "wijkgericht-werken".into(),
        round_invitation,
        manager: manager_id,
        opportunity,
        conversation,
        agenda_item,
        action,
        checkin,
        session,
        intention,
        questionnaire,
        declined_proposal: proposals.pop().expect("proposal"),
        proposal: proposals.pop().expect("proposal"),
    }
}

/// The concrete path for a route of the table.
fn concrete(path: &str, app: &TestApp, ids: &Ids) -> String {
    let id = if path.contains("{token}") {
        "bestaat-niet-0123456789abcdef".to_owned()
    } else if path.contains("{key}") {
        ids.key.clone()
    } else if path.starts_with("/portfolio/items/") || path.starts_with("/api/v1/portfolio/items/")
    {
        ids.item.clone()
    } else if path.starts_with("/portfolio/bestanden/") {
        ids.file.clone()
    } else if path.starts_with("/doelen/") || path.starts_with("/api/v1/goals/") {
        ids.goal.clone()
    } else if path.starts_with("/feedback/rondes/") {
        ids.round.clone()
    } else if path.starts_with("/feedback/voorstellen/") && path.ends_with("/afwijzen") {
        ids.declined_proposal.clone()
    } else if path.starts_with("/feedback/voorstellen/") {
        ids.proposal.clone()
    } else if path.starts_with("/kansen/") || path.starts_with("/api/v1/opportunities/") {
        ids.opportunity.clone()
    } else if path.starts_with("/gesprekken/") {
        ids.conversation.clone()
    } else if path.starts_with("/check-in/") {
        ids.checkin.clone()
    } else if path.starts_with("/programma/onderdelen/") {
        app.a.unit_id.clone()
    } else if path.starts_with("/programma/sessies/") {
        ids.session.clone()
    } else if path.starts_with("/programma/voornemens/") {
        ids.intention.clone()
    } else if path.starts_with("/beheer/vragenlijsten/") {
        ids.questionnaire.clone()
    } else if path.starts_with("/feedback/verzoeken/") {
        ids.invitation.clone()
    } else if path.starts_with("/profiel/api-sleutels/") {
        ids.api_key.clone()
    } else if path.starts_with("/beheer/e-mail/") {
        ids.mail.clone()
    } else if path.starts_with("/api/v1/units/") {
        app.a.unit_id.clone()
    } else {
        app.a.employee_id.clone()
    };
    path.replace("{id}", &id)
        .replace("{token}", &id)
        .replace("{key}", &id)
        .replace("{invitation}", &ids.round_invitation)
        .replace("{item}", &ids.agenda_item)
        .replace("{action}", &ids.action)
        .replace("{organisation}", "geen-sso")
}

fn bound_to_organisation(route: &Route) -> bool {
    let path = route.path;
    let in_form = match route.body {
        Body::Form(fields) => fields.iter().any(|(_, value)| value.starts_with('{')),
        _ => false,
    };
    in_form || (path.contains('{') && !path.contains("{token}") && !path.contains("{organisation}"))
}

/// A form value, with `{unit}`, `{employee}` and `{manager}` standing for those of organisation a.
fn form_value<'a>(value: &'a str, app: &'a TestApp, ids: &'a Ids) -> &'a str {
    match value {
        "{unit}" => &app.a.unit_id,
        "{employee}" => &app.a.employee_id,
        "{manager}" => &ids.manager,
        other => other,
    }
}

fn outcome(status: u16, location: Option<&str>) -> char {
    match status {
        401 => 'U',
        // A demand to sign in sends the visitor back afterwards; the redirect after signing
        // out goes to the same page without that.
        303 | 302 if location.is_some_and(|l| l.starts_with("/inloggen?terug=")) => 'R',
        403 | 404 => 'D',
        500.. => 'E',
        _ => 'A',
    }
}

fn matches(expected: char, actual: char) -> bool {
    match expected {
        'S' => actual == 'R' || actual == 'U',
        'G' => actual == 'D',
        // Public: never a sign-in redirect or a server error. A 401 is the sign-in form's
        // answer to wrong credentials.
        'P' => matches!(actual, 'A' | 'D' | 'U'),
        other => other == actual,
    }
}

async fn every_route_for_every_role_and_organisation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    // The cast first: the fixture needs the employee's manager and HR.
    let home = cast(&app, &app.a).await;
    let ids = fixture(&app).await;
    let away = cast(&app, &app.b).await;
    // Manager-proposed rounds are on in organisation b too, so its manager may propose there.
    let domain = app.b.admin_email.split('@').nth(1).expect("domain");
    let mut conn = app.db.acquire().await.expect("conn");
    let hr_b = people::find_person_by_email(&mut conn, &app.b.id, &format!("hr@{domain}"))
        .await
        .expect("find")
        .expect("hr")
        .id;
    drop(conn);
    let hr_b = load(&app, &app.b.id, &hr_b).await;
    feedback::set_manager_rounds(&app.db, &hr_b, true)
        .await
        .expect("manager rounds");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for route in ROUTES {
        let path = concrete(route.path, &app, &ids);
        // Those who should be refused try first, while the state a change needs (a pending
        // proposal, an open round) is still there.
        let mut order: Vec<usize> = (0..ROLES.len()).collect();
        order.sort_by_key(|i| matches!(route.expect.as_bytes()[*i], b'A' | b'P' | b'G'));
        for (cast, at_home) in [(&away, false), (&home, true)] {
            for index in order.iter().copied() {
                let role = ROLES[index];
                let mut expected = route.expect.as_bytes()[index] as char;
                if !at_home && index > 0 && bound_to_organisation(route) {
                    expected = 'D';
                }
                let (client, csrf) = &cast.browsers[index];
                let url = app.url(&path);
                let request = if route.path.starts_with("/api/v1/") {
                    let client = app.client();
                    let json = match route.body {
                        Body::Json(text) => text,
                        _ => "{}",
                    };
                    let json: serde_json::Value = serde_json::from_str(json).expect("json");
                    let mut request = match route.method {
                        "GET" => client.get(&url),
                        "POST" => client.post(&url).json(&json),
                        "PUT" => client.put(&url).json(&json),
                        "DELETE" => client.delete(&url),
                        other => panic!("method {other}"),
                    };
                    if let Some(token) = &cast.tokens[index] {
                        request = request.bearer_auth(token);
                    }
                    request
                } else {
                    match (route.method, route.body) {
                        ("GET", Body::Query(query)) => client.get(format!("{url}?{query}")),
                        ("GET", _) => client.get(&url),
                        ("POST", Body::Multipart) => {
                            let part =
                                reqwest::multipart::Part::bytes(Vec::new()).file_name("leeg.pdf");
                            client
                                .post(format!("{url}?csrf={csrf}"))
                                .multipart(reqwest::multipart::Form::new().part("file", part))
                        }
                        ("POST", body) => {
                            let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
                            if let Body::Form(fields) = body {
                                for (name, value) in fields {
                                    form.push((name, form_value(value, &app, &ids)));
                                }
                            }
                            client.post(&url).form(&form)
                        }
                        (other, _) => panic!("method {other}"),
                    }
                };
                let response = request.send().await.expect("request");
                let status = response.status().as_u16();
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let actual = outcome(status, location.as_deref());
                checked += 1;
                if !matches(expected, actual) {
                    wrong.push(format!(
                        "{} {} as {role} of {}: expected {expected}, got {status} ({actual})",
                        route.method,
                        route.path,
                        if at_home {
                            "the same organisation"
                        } else {
                            "another organisation"
                        }
                    ));
                }
            }
        }
    }
    assert!(checked >= ROUTES.len() * 12);
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

on_both_databases!(every_route_for_every_role_and_organisation);
