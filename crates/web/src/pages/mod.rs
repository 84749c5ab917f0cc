//! The HTML pages. Every page works without JavaScript; every form carries the CSRF token
//! (checked in the middleware) and shows errors in a summary and beside each field.

mod admin;
mod auth;
mod catalogue;
mod checkins;
mod conversations;
mod directory;
mod feedback;
pub mod goals;
mod home;
pub mod mobility;
pub mod portfolio;
mod privacy;
mod programme;
mod questionnaires;
mod sso;
mod talent;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use kleur_i18n::Tr;
use kleur_services::FieldError;
use kleur_services::people::UnitNode;

#[doc(hidden)]
pub use feedback::{message_page_html, report_page_html};

use crate::AppState;
use crate::error::{Rendered, WebResult};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/inloggen", get(auth::login_form).post(auth::login))
        .route("/uitloggen", post(auth::logout))
        .route("/inloggen/sso/terug", get(sso::callback))
        .route("/inloggen/sso/{organisation}", get(sso::start))
        .route(
            "/beheer/sso",
            get(sso::settings_form).post(sso::save_settings),
        )
        .route("/beheer/scim", get(sso::scim_settings))
        .route("/beheer/scim/sleutel", post(sso::scim_rotate))
        .route("/beheer/scim/intrekken", post(sso::scim_revoke))
        .route(
            "/wachtwoord-vergeten",
            get(auth::reset_request_form).post(auth::reset_request),
        )
        .route(
            "/wachtwoord-herstellen/{token}",
            get(auth::reset_form).post(auth::reset),
        )
        .route("/taal", post(auth::set_language))
        .route("/profiel", get(home::profile))
        .route("/profiel/api-sleutels", post(home::create_token))
        .route(
            "/profiel/api-sleutels/{id}/intrekken",
            post(home::revoke_token),
        )
        .route("/api", get(home::api_docs))
        .route("/portfolio", get(portfolio::own))
        .route(
            "/portfolio/nieuw",
            get(portfolio::new_form).post(portfolio::create),
        )
        .route(
            "/portfolio/items/{id}/wijzigen",
            get(portfolio::edit_form).post(portfolio::update),
        )
        .route("/portfolio/items/{id}/omhoog", post(portfolio::move_up))
        .route("/portfolio/items/{id}/omlaag", post(portfolio::move_down))
        .route(
            "/portfolio/items/{id}/verwijderen",
            get(portfolio::remove_form).post(portfolio::remove),
        )
        .route("/portfolio/items/{id}/herstellen", post(portfolio::restore))
        .route(
            "/portfolio/items/{id}/bestand",
            post(portfolio::upload).layer(axum::extract::DefaultBodyLimit::max(
                kleur_services::portfolio::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route("/portfolio/bestanden/{id}", get(portfolio::download))
        .route(
            "/portfolio/bestanden/{id}/verwijderen",
            post(portfolio::remove_file),
        )
        .route("/portfolio/bekeken", get(portfolio::views))
        .route("/portfolio/export.json", get(portfolio::export))
        .route("/portfolio/afdrukken", get(portfolio::print))
        .route(
            "/portfolio/importeren",
            get(portfolio::import_form)
                .post(portfolio::import)
                .layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024)),
        )
        .route("/mensen/{id}/portfolio", get(portfolio::colleague))
        .route("/talenten", get(directory::search))
        .route("/talenten/kaart", get(directory::map))
        .route("/talenten/kaart/nodig", post(directory::add_need))
        .route(
            "/talenten/kaart/nodig/verwijderen",
            post(directory::remove_need),
        )
        .route("/feedback", get(feedback::overview))
        .route(
            "/feedback/nieuw",
            get(feedback::new_form).post(feedback::create),
        )
        .route("/feedback/rondes/{id}", get(feedback::round))
        .route("/feedback/rondes/{id}/sluiten", post(feedback::close))
        .route(
            "/feedback/rondes/{id}/sluitingsdatum",
            post(feedback::extend),
        )
        .route("/feedback/rondes/{id}/delen", post(feedback::share))
        .route("/feedback/rondes/{id}/herinneren", post(feedback::remind))
        .route("/feedback/rondes/{id}/inzicht", post(feedback::insight))
        .route(
            "/feedback/voorstellen",
            get(feedback::propose_form).post(feedback::propose),
        )
        .route("/feedback/voorstellen/{id}", get(feedback::proposal))
        .route(
            "/feedback/voorstellen/{id}/accepteren",
            post(feedback::accept_proposal),
        )
        .route(
            "/feedback/voorstellen/{id}/afwijzen",
            post(feedback::decline_proposal),
        )
        .route(
            "/feedback/rondes/{id}/uitnodigingen/{invitation}/intrekken",
            post(feedback::revoke),
        )
        .route(
            "/feedback/antwoord/{token}",
            get(feedback::answer_form).post(feedback::answer),
        )
        .route("/feedback/verzoeken/{id}", get(feedback::request_form))
        .route("/doelen", get(goals::overview))
        .route("/doelen/nieuw", get(goals::new_form).post(goals::create))
        .route("/doelen/{id}", get(goals::show))
        .route(
            "/doelen/{id}/wijzigen",
            get(goals::edit_form).post(goals::update),
        )
        .route(
            "/doelen/{id}/voortgang",
            get(goals::progress_form).post(goals::add_progress),
        )
        .route(
            "/doelen/{id}/voorstellen",
            get(goals::propose_form).post(goals::propose),
        )
        .route("/doelen/{id}/voorstel/accepteren", post(goals::accept))
        .route("/doelen/{id}/voorstel/afwijzen", post(goals::decline))
        .route("/kansen", get(mobility::overview))
        .route("/kansen/voor-mij", get(mobility::for_me))
        .route(
            "/kansen/nieuw",
            get(mobility::new_form).post(mobility::create),
        )
        .route("/kansen/{id}", get(mobility::show))
        .route(
            "/kansen/{id}/wijzigen",
            get(mobility::edit_form).post(mobility::update),
        )
        .route("/kansen/{id}/publiceren", post(mobility::publish))
        .route("/kansen/{id}/interesse", post(mobility::interest))
        .route("/kansen/{id}/intrekken", post(mobility::withdraw))
        .route("/kansen/{id}/kandidaten", get(mobility::shortlist))
        .route("/kansen/{id}/uitnodigen", post(mobility::invite))
        .route("/kansen/{id}/uitkomst", post(mobility::outcome))
        .route(
            "/portfolio/beschikbaarheid",
            get(mobility::availability_form).post(mobility::save_availability),
        )
        .route("/check-in", get(checkins::overview).post(checkins::save))
        .route(
            "/check-in/instellingen",
            get(checkins::settings_form).post(checkins::save_settings),
        )
        .route("/check-in/team", get(checkins::team))
        .route("/check-in/organisatie", get(checkins::organisation))
        .route("/check-in/{id}/verwijderen", post(checkins::remove))
        .route("/gesprekken", get(conversations::overview))
        .route(
            "/gesprekken/nieuw",
            get(conversations::new_form).post(conversations::create),
        )
        .route(
            "/gesprekken/cyclus",
            get(conversations::cycle_form).post(conversations::save_cycle),
        )
        .route("/gesprekken/{id}", get(conversations::show))
        .route("/gesprekken/{id}/agenda", post(conversations::add_item))
        .route(
            "/gesprekken/{id}/agenda/{item}/verwijderen",
            post(conversations::remove_item),
        )
        .route("/gesprekken/{id}/verslag", post(conversations::save_record))
        .route("/gesprekken/{id}/acties", post(conversations::add_action))
        .route(
            "/gesprekken/{id}/acties/{action}",
            post(conversations::action_done),
        )
        .route("/gesprekken/{id}/bevestigen", post(conversations::confirm))
        .route("/gesprekken/{id}/notitie", post(conversations::save_note))
        .route("/programma", get(programme::overview))
        .route("/programma/voortgang", get(programme::dashboard))
        .route(
            "/programma/ambassadeurs",
            get(programme::ambassadors).post(programme::appoint),
        )
        .route("/programma/trainingen", post(programme::add_training))
        .route("/programma/onderdelen/{id}", get(programme::unit))
        .route(
            "/programma/onderdelen/{id}/fasen",
            post(programme::set_phases),
        )
        .route(
            "/programma/onderdelen/{id}/activiteiten",
            post(programme::add_activity),
        )
        .route(
            "/programma/onderdelen/{id}/sessies",
            post(programme::add_session),
        )
        .route(
            "/programma/sessies/{id}/voornemens",
            post(programme::add_intention),
        )
        .route("/programma/voornemens/{id}", post(programme::revisit))
        .route("/beheer/mensen", get(admin::people))
        .route(
            "/beheer/mensen/nieuw",
            get(admin::new_person_form).post(admin::create_person),
        )
        .route("/beheer/mensen/{id}", get(admin::person))
        .route(
            "/beheer/mensen/{id}/wijzigen",
            get(admin::edit_person_form).post(admin::update_person),
        )
        .route("/beheer/mensen/{id}/rollen", post(admin::set_role))
        .route("/beheer/onderdelen", get(admin::units))
        .route("/beheer/catalogus", get(catalogue::list))
        .route(
            "/beheer/catalogus/nieuw",
            get(catalogue::new_form).post(catalogue::create),
        )
        .route(
            "/beheer/catalogus/{key}/wijzigen",
            get(catalogue::edit_form).post(catalogue::update),
        )
        .route("/beheer/catalogus/{key}/intrekken", post(catalogue::retire))
        .route(
            "/beheer/catalogus/{key}/terugzetten",
            post(catalogue::restore),
        )
        .route("/teams/samenstellen", get(talent::team_builder))
        .route("/inzicht", get(talent::insight))
        .route("/beheer/vragenlijsten", get(questionnaires::list))
        .route(
            "/beheer/feedback-overzicht",
            get(questionnaires::aggregates),
        )
        .route(
            "/beheer/vragenlijsten/nieuw",
            get(questionnaires::new_form).post(questionnaires::create),
        )
        .route(
            "/beheer/vragenlijsten/instellingen",
            post(questionnaires::settings),
        )
        .route("/beheer/vragenlijsten/{id}", get(questionnaires::show))
        .route(
            "/beheer/vragenlijsten/{id}/wijzigen",
            get(questionnaires::edit_form).post(questionnaires::update),
        )
        .route(
            "/beheer/vragenlijsten/{id}/toewijzen",
            post(questionnaires::assign),
        )
        .route(
            "/beheer/vragenlijsten/{id}/toewijzing-intrekken",
            post(questionnaires::unassign),
        )
        .route("/profiel/mijn-gegevens.json", get(privacy::my_data))
        .route(
            "/beheer/mensen/{id}/wissen",
            get(privacy::erase_form).post(privacy::erase),
        )
        .route("/beheer/logboek", get(privacy::audit_log))
        .route(
            "/beheer/privacy",
            get(privacy::settings).post(privacy::save_settings),
        )
        .route("/beheer/e-mail", get(admin::mail))
        .route("/beheer/e-mail/{id}", get(admin::mail_message))
        .fallback(|| async { StatusCode::NOT_FOUND })
}

/// Renders a template as a complete page with the given status.
pub fn render(template: &impl Template, status: StatusCode) -> WebResult<Response> {
    let mut response = (status, Html(template.render()?)).into_response();
    response.extensions_mut().insert(Rendered);
    Ok(response)
}

pub fn ok(template: &impl Template) -> WebResult<Response> {
    render(template, StatusCode::OK)
}

/// Field errors translated for a form.
#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    pub items: Vec<ErrorItem>,
}

#[derive(Debug, Clone)]
pub struct ErrorItem {
    pub field: String,
    pub message: String,
}

impl FormErrors {
    pub fn new(t: Tr, errors: &[FieldError]) -> Self {
        Self {
            items: errors
                .iter()
                .map(|e| ErrorItem {
                    field: e.field.to_owned(),
                    message: t.get(e.message_key),
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// Previous/next links that keep the rest of the query.
#[derive(Debug, Clone)]
pub struct Pager {
    pub page: u32,
    pub pages: u32,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new<T>(list: &kleur_domain::Page<T>, base: &str, query: &[(&str, &str)]) -> Self {
        let link = |page: u32| {
            let mut serializer = url::form_urlencoded::Serializer::new(String::new());
            for (key, value) in query.iter().filter(|(_, v)| !v.is_empty()) {
                serializer.append_pair(key, value);
            }
            serializer.append_pair("pagina", &page.to_string());
            format!("{base}?{}", serializer.finish())
        };
        Self {
            page: list.page,
            pages: list.total_pages(),
            previous: list.has_previous().then(|| link(list.page - 1)),
            next: list.has_next().then(|| link(list.page + 1)),
        }
    }

    pub fn status(&self, t: &Tr) -> String {
        t.args(
            "pagination-status",
            &[
                ("page", &self.page.to_string()),
                ("pages", &self.pages.to_string()),
            ],
        )
    }
}

/// Indentation for a unit in a flat list, showing its place in the tree.
pub trait Indent {
    fn indent(&self) -> String;
}

impl Indent for UnitNode {
    fn indent(&self) -> String {
        "\u{2014} ".repeat(self.depth)
    }
}

/// A return path from a form: only paths on this site, never `//other.host`.
pub fn safe_return_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_stay_on_site() {
        assert_eq!(safe_return_path(Some("/profiel?x=1")), "/profiel?x=1");
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
