//! People and units over the API.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use kleur_domain::PageRequest;
use kleur_services::people::{self as service, PersonInput};
use kleur_storage::people::PeopleFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiActor, Problem};
use crate::AppState;
use crate::error::WebResult;

/// The signed-in person.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub organisation_id: String,
    pub display_name: String,
    pub roles: Vec<String>,
    pub locale: Option<String>,
}

#[utoipa::path(get, path = "/me", tag = "people", summary = "Who am I",
    responses((status = 200, body = Me), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(ApiActor(actor): ApiActor) -> Json<Me> {
    Json(Me {
        id: actor.person_id,
        organisation_id: actor.organisation_id,
        display_name: actor.display_name,
        roles: actor.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        locale: actor.locale.map(|l| l.as_str().to_owned()),
    })
}

#[derive(Serialize, ToSchema)]
pub struct PersonSummary {
    pub id: String,
    pub display_name: String,
    pub email: String,
    pub function_title: String,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub manager_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PeoplePage {
    pub items: Vec<PersonSummary>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Matches name, e-mail address or function title.
    pub q: Option<String>,
    /// Only people in this unit.
    pub unit_id: Option<String>,
    /// Only people with this manager.
    pub manager_id: Option<String>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 200 (default 25).
    pub per_page: Option<u32>,
}

#[utoipa::path(get, path = "/people", tag = "people", summary = "List the people of your organisation",
    params(PeopleQuery),
    responses((status = 200, body = PeoplePage), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_people(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<PeopleQuery>,
) -> WebResult<Json<PeoplePage>> {
    let filter = PeopleFilter {
        search: query.q.as_deref(),
        unit_id: query.unit_id.as_deref(),
        manager_id: query.manager_id.as_deref(),
    };
    let list = service::list(
        &state.db,
        &actor,
        &filter,
        PageRequest::new(query.page, query.per_page),
    )
    .await?;
    let total_pages = list.total_pages();
    let list = list.map(|p| PersonSummary {
        id: p.id,
        display_name: p.display_name,
        email: p.email,
        function_title: p.function_title,
        unit_id: p.unit_id,
        unit_name: p.unit_name,
        manager_id: p.manager_id,
    });
    Ok(Json(PeoplePage {
        items: list.items,
        page: list.page,
        per_page: list.per_page,
        total: list.total,
        total_pages,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PersonOut {
    pub id: String,
    pub employee_number: Option<String>,
    pub display_name: String,
    pub email: String,
    pub function_title: String,
    pub unit_id: Option<String>,
    pub manager_id: Option<String>,
    pub roles: Vec<String>,
}

#[utoipa::path(get, path = "/people/{id}", tag = "people", summary = "One person of your organisation",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<Json<PersonOut>> {
    let detail = service::get(&state.db, &actor, &id).await?;
    let person = detail.person;
    Ok(Json(PersonOut {
        id: person.id,
        employee_number: person.employee_number,
        display_name: person.display_name,
        email: person.email,
        function_title: person.function_title,
        unit_id: person.unit_id,
        manager_id: person.manager_id,
        roles: detail.roles,
    }))
}

/// A person as HR records them.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonIn {
    pub display_name: String,
    pub email: String,
    #[serde(default)]
    pub function_title: String,
    pub unit_id: Option<String>,
    pub manager_id: Option<String>,
    pub employee_number: Option<String>,
}

impl From<PersonIn> for PersonInput {
    fn from(input: PersonIn) -> Self {
        PersonInput {
            display_name: input.display_name,
            email: input.email,
            function_title: input.function_title,
            unit_id: input.unit_id.unwrap_or_default(),
            manager_id: input.manager_id.unwrap_or_default(),
            employee_number: input.employee_number.unwrap_or_default(),
            manager_email: String::new(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

#[utoipa::path(post, path = "/people", tag = "people", summary = "Add a person (HR adviser or administrator)",
    request_body = PersonIn,
    responses((status = 201, body = Created), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_person(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<PersonIn>,
) -> WebResult<(StatusCode, Json<Created>)> {
    let id = service::create(&state.db, &actor, &input.into()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[utoipa::path(put, path = "/people/{id}", tag = "people", summary = "Change a person's details (HR adviser or administrator)",
    params(("id" = String, Path, description = "The person's id")),
    request_body = PersonIn,
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update_person(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<PersonIn>,
) -> WebResult<StatusCode> {
    service::update(&state.db, &actor, &id, &input.into()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct UnitOut {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub depth: usize,
    pub people: i64,
}

#[utoipa::path(get, path = "/units", tag = "units", summary = "The unit tree of your organisation, depth first",
    responses((status = 200, body = Vec<UnitOut>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_units(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> WebResult<Json<Vec<UnitOut>>> {
    let tree = service::unit_tree(&state.db, &actor).await?;
    Ok(Json(
        tree.into_iter()
            .map(|node| UnitOut {
                id: node.unit.id,
                parent_id: node.unit.parent_id,
                name: node.unit.name,
                depth: node.depth,
                people: node.people,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/units/{id}", tag = "units", summary = "One unit",
    params(("id" = String, Path, description = "The unit's id")),
    responses((status = 200, body = UnitOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_unit(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<Json<UnitOut>> {
    let unit = service::get_unit(&state.db, &actor, &id).await?;
    let depth = unit.path_key.matches(" > ").count();
    Ok(Json(UnitOut {
        id: unit.id,
        parent_id: unit.parent_id,
        name: unit.name,
        depth,
        people: 0,
    }))
}
