//! A running Kleur on a fresh database, with two organisations, for tests through real HTTP.

#![allow(dead_code)]

pub mod statements;

use kleur_domain::Role;
use kleur_services::Settings;
use kleur_storage::{Db, migrate, org, people};
use kleur_test_support::{TestBackend, TestDatabase};
use reqwest::redirect::Policy;

pub const PASSWORD: &str = "een lang test wachtwoord";

pub struct Tenant {
    pub id: String,
    pub unit_id: String,
    pub admin_email: String,
    pub admin_id: String,
    pub employee_email: String,
    pub employee_id: String,
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub a: Tenant,
    pub b: Tenant,
    database: TestDatabase,
}

async fn tenant(db: &Db, slug: &str, hash: &str) -> Tenant {
    let mut tx = db.begin().await.expect("begin");
    let organisation = org::insert_organisation(&mut tx, slug, &format!("Gemeente {slug}"), "nl")
        .await
        .expect("org");
    let unit = org::insert_unit(
        &mut tx,
        &organisation.id,
        None,
        &format!("Gemeente {slug}"),
        slug,
    )
    .await
    .expect("unit");
    let mut add = async |name: &str, email: &str, roles: &[Role]| {
        let id = people::insert_person(
            &mut tx,
            &people::NewPerson {
                organisation_id: &organisation.id,
                employee_number: None,
                display_name: name,
                email,
                function_title: "Adviseur",
                unit_id: Some(&unit.id),
                manager_id: None,
                password_hash: Some(hash),
            },
        )
        .await
        .expect("person");
        for role in roles {
            people::grant_role(&mut tx, &organisation.id, &id, role.as_str())
                .await
                .expect("role");
        }
        id
    };
    let admin_email = format!("beheer@{slug}.nl");
    let employee_email = format!("medewerker@{slug}.nl");
    let admin_id = add(
        &format!("Beheerder {slug}"),
        &admin_email,
        &[Role::Employee, Role::Administrator, Role::HrAdviser],
    )
    .await;
    let employee_id = add(
        &format!("Medewerker {slug}"),
        &employee_email,
        &[Role::Employee],
    )
    .await;
    tx.commit().await.expect("commit");
    Tenant {
        id: organisation.id,
        unit_id: unit.id,
        admin_email,
        admin_id,
        employee_email,
        employee_id,
    }
}

impl TestApp {
    pub async fn spawn(backend: TestBackend) -> TestApp {
        let database = TestDatabase::new(backend).await;
        // Reports its statements, so tests can count them (`support::statements`).
        let db = Db::connect_reporting_statements(&database.url, 5)
            .await
            .expect("connect");
        migrate::run(&db).await.expect("migrate");
        let hash = kleur_services::auth::hash_password(PASSWORD)
            .await
            .expect("hash");
        let a = tenant(&db, "aaa", &hash).await;
        let b = tenant(&db, "bbb", &hash).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let state = kleur_web::AppState::new(
            db.clone(),
            Settings {
                base_url: base.clone(),
                session_hours: 12,
            },
        )
        // Tests send many requests from one address; tests/hardening.rs checks the limits.
        .with_limits(kleur_web::rate_limit::Limits {
            token_links: 100_000,
            sign_in: 100_000,
            api: 100_000,
        });
        let app = kleur_web::router(state);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestApp {
            base,
            db,
            a,
            b,
            database,
        }
    }

    /// The database's URL, to connect a second node to it.
    pub fn database_url(&self) -> &str {
        &self.database.url
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (so tests see them).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("client")
    }

    /// The CSRF token in the first form of a page.
    pub async fn csrf(&self, client: &reqwest::Client, path: &str) -> String {
        let page = client
            .get(self.url(path))
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("body");
        hidden_csrf(&page).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    pub async fn sign_in(&self, email: &str) -> reqwest::Client {
        let client = self.client();
        let csrf = self.csrf(&client, "/inloggen").await;
        let response = client
            .post(self.url("/inloggen"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", PASSWORD),
                ("terug", "/"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), 303, "sign-in of {email}");
        client
    }

    /// Posts a form with the CSRF token of the page at `csrf_from`.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        csrf_from: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf(client, csrf_from).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        client
            .post(self.url(path))
            .form(&form)
            .send()
            .await
            .expect("post")
    }

    /// An API key for a person, created through the service.
    pub async fn api_token(&self, organisation_id: &str, person_id: &str) -> String {
        let mut conn = self.db.acquire().await.expect("conn");
        let actor = kleur_services::actor::load(&mut conn, organisation_id, person_id)
            .await
            .expect("actor");
        drop(conn);
        kleur_services::auth::create_api_token(&self.db, &actor, "test")
            .await
            .expect("token")
            .1
    }
}

/// Someone a test adds to organisation A.
#[derive(Clone)]
pub struct Person {
    pub id: String,
    pub email: String,
}

/// Adds a person to organisation A in `unit`, with the employee role and `roles`; their e-mail
/// address is made from the name (at aaa.nl) and they sign in with [`PASSWORD`].
pub async fn person(
    app: &TestApp,
    tx: &mut kleur_storage::Tx,
    name: &str,
    unit: &str,
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
            unit_id: Some(unit),
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

/// Gets `path` as `client`: the status and the page.
pub async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

pub fn hidden_csrf(page: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_owned())
}
