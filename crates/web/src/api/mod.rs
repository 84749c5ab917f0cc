//! The JSON API under `/api/v1`: token authentication, RFC 9457 problems, paginated lists, and
//! an OpenAPI document generated from these handlers.

mod catalogue;
mod goals;
mod mobility;
mod people;
mod portfolio;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use kleur_services::Actor;
use utoipa::OpenApi;

use crate::AppState;
use crate::error::WebError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kleur API",
        version = "1",
        description = "Kleur's JSON API. Authenticate with `Authorization: Bearer <API key>` (create a key on your profile page). Errors are RFC 9457 problem JSON; lists are paginated with `page` and `per_page` (at most 200).",
        license(name = "EUPL-1.2")
    ),
    paths(
        people::me,
        people::list_people,
        people::create_person,
        people::get_person,
        people::update_person,
        people::list_units,
        people::get_unit,
        portfolio::person_portfolio,
        portfolio::own_portfolio,
        portfolio::add_item,
        portfolio::update_item,
        portfolio::remove_item,
        goals::list_goals,
        goals::get_goal,
        goals::create_goal,
        goals::update_goal,
        goals::add_progress,
        catalogue::list_catalogue,
        catalogue::get_catalogue_entry,
        mobility::list_opportunities,
        mobility::get_opportunity,
        mobility::express_interest,
        mobility::withdraw_interest,
    ),
    components(schemas(
        people::Me,
        people::PersonSummary,
        people::PersonOut,
        people::PeoplePage,
        people::PersonIn,
        people::Created,
        people::UnitOut,
        portfolio::ItemOut,
        portfolio::FileOut,
        portfolio::PortfolioOut,
        portfolio::ItemIn,
        goals::GoalOut,
        goals::GoalsPage,
        goals::GoalDetailOut,
        goals::ContributionOut,
        goals::AggregateOut,
        goals::ProgressOut,
        goals::EventOut,
        goals::GoalIn,
        goals::ProgressIn,
        catalogue::CatalogueEntryOut,
        catalogue::QuadrantOut,
        catalogue::CataloguePage,
        mobility::OpportunityOut,
        mobility::OpportunitiesPage,
        mobility::TalentOut,
        mobility::FitOut,
        mobility::OpportunityDetailOut,
        mobility::InterestIn,
        Problem,
        ProblemField,
    )),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// An RFC 9457 problem document.
#[derive(utoipa::ToSchema, serde::Serialize)]
pub struct Problem {
    #[schema(example = "urn:kleur:problem:invalid")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub instance: String,
    /// For invalid input: what is wrong with which field.
    pub errors: Option<Vec<ProblemField>>,
}

#[derive(utoipa::ToSchema, serde::Serialize)]
pub struct ProblemField {
    pub field: String,
    pub code: String,
    pub detail: String,
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi_json))
        .route("/me", get(people::me))
        .route(
            "/people",
            get(people::list_people).post(people::create_person),
        )
        .route(
            "/people/{id}",
            get(people::get_person).put(people::update_person),
        )
        .route("/units", get(people::list_units))
        .route("/units/{id}", get(people::get_unit))
        .route("/people/{id}/portfolio", get(portfolio::person_portfolio))
        .route("/portfolio", get(portfolio::own_portfolio))
        .route("/portfolio/items", axum::routing::post(portfolio::add_item))
        .route(
            "/portfolio/items/{id}",
            axum::routing::put(portfolio::update_item).delete(portfolio::remove_item),
        )
        .route("/goals", get(goals::list_goals).post(goals::create_goal))
        .route("/goals/{id}", get(goals::get_goal).put(goals::update_goal))
        .route(
            "/goals/{id}/progress",
            axum::routing::post(goals::add_progress),
        )
        .route("/catalogue", get(catalogue::list_catalogue))
        .route("/catalogue/{key}", get(catalogue::get_catalogue_entry))
        .route("/opportunities", get(mobility::list_opportunities))
        .route("/opportunities/{id}", get(mobility::get_opportunity))
        .route(
            "/opportunities/{id}/interest",
            axum::routing::put(mobility::express_interest).delete(mobility::withdraw_interest),
        )
        .fallback(|| async { axum::http::StatusCode::NOT_FOUND })
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// One line of the API overview page.
pub struct OperationSummary {
    pub method: String,
    pub path: String,
    pub summary: String,
}

pub fn operation_summaries() -> Vec<OperationSummary> {
    let document = serde_json::to_value(openapi()).unwrap_or_default();
    let mut summaries = Vec::new();
    if let Some(paths) = document.get("paths").and_then(|p| p.as_object()) {
        for (path, operations) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(operation) = operations.get(method) {
                    summaries.push(OperationSummary {
                        method: method.to_uppercase(),
                        path: format!("/api/v1{path}"),
                        summary: operation
                            .get("summary")
                            .and_then(|s| s.as_str())
                            .unwrap_or_default()
                            .to_owned(),
                    });
                }
            }
        }
    }
    summaries
}

/// The person behind an API key.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .ok_or(WebError::SignInRequired)?;
        kleur_services::auth::token_actor(&state.db, token)
            .await?
            .map(ApiActor)
            .ok_or(WebError::SignInRequired)
    }
}
