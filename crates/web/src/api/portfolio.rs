//! The portfolio over the API: read what you may see, manage your own items.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use kleur_services::portfolio::{self, ItemInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiActor, Problem};
use crate::AppState;
use crate::error::WebResult;

/// One portfolio item as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    pub id: String,
    /// values, talents, core_qualities, passions, working_style, ambitions, results or reflections.
    pub section: String,
    pub position: i64,
    pub title: String,
    pub body: String,
    /// Only for the owner: private, manager, team or organisation.
    pub visibility: Option<String>,
    pub catalogue_key: Option<String>,
    /// Section-specific fields (evidence, ratings, quadrant, date …).
    #[schema(value_type = Object)]
    pub fields: serde_json::Value,
    pub version: i64,
    pub updated_at: String,
    pub files: Vec<FileOut>,
}

#[derive(Serialize, ToSchema)]
pub struct FileOut {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

#[derive(Serialize, ToSchema)]
pub struct PortfolioOut {
    pub owner_id: String,
    pub owner_name: String,
    pub items: Vec<ItemOut>,
}

fn to_out(view: portfolio::PortfolioView) -> PortfolioOut {
    let owner = view.is_owner();
    PortfolioOut {
        owner_id: view.owner.id.clone(),
        owner_name: view.owner.display_name.clone(),
        items: view
            .sections
            .into_iter()
            .flat_map(|s| s.items)
            .map(|entry| ItemOut {
                fields: serde_json::to_value(&entry.details).unwrap_or_default(),
                id: entry.item.id,
                section: entry.item.section,
                position: entry.item.position,
                title: entry.item.title,
                body: entry.item.body,
                visibility: owner.then_some(entry.item.visibility),
                catalogue_key: entry.item.catalogue_key,
                version: entry.item.version,
                updated_at: entry.item.updated_at,
                files: entry
                    .files
                    .into_iter()
                    .map(|f| FileOut {
                        id: f.id,
                        file_name: f.file_name,
                        content_type: f.content_type,
                        size_bytes: f.size_bytes,
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/people/{id}/portfolio", tag = "portfolio", summary = "A person's portfolio: exactly the items they share with you",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PortfolioOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn person_portfolio(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<Json<PortfolioOut>> {
    Ok(Json(to_out(portfolio::view(&state.db, &actor, &id).await?)))
}

#[utoipa::path(get, path = "/portfolio", tag = "portfolio", summary = "Your own portfolio, all items",
    responses((status = 200, body = PortfolioOut), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn own_portfolio(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> WebResult<Json<PortfolioOut>> {
    Ok(Json(to_out(
        portfolio::view(&state.db, &actor, &actor.person_id).await?,
    )))
}

/// An item to add or change. Fields that do not belong to the section are ignored.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ItemIn {
    /// Required when adding; ignored when changing.
    #[serde(default)]
    pub section: String,
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// private (default), manager, team or organisation.
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub catalogue_key: String,
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub witness: String,
    /// 1–5.
    pub strength: Option<u8>,
    /// 1–5.
    pub enjoyment: Option<u8>,
    #[serde(default)]
    pub pitfall: String,
    #[serde(default)]
    pub challenge: String,
    #[serde(default)]
    pub allergy: String,
    #[serde(default)]
    pub open_to: Vec<String>,
    #[serde(default)]
    pub kind: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
    /// Reflections: a goal you may see.
    #[serde(default)]
    pub goal_id: String,
    /// Reflections: one of your own feedback rounds.
    #[serde(default)]
    pub round_id: String,
    /// When changing: the version you read. A newer version on the server gives 409.
    pub version: Option<i64>,
}

impl From<ItemIn> for ItemInput {
    fn from(input: ItemIn) -> Self {
        ItemInput {
            section: input.section,
            title: input.title,
            body: input.body,
            visibility: input.visibility,
            catalogue_key: input.catalogue_key,
            situation: input.situation,
            result: input.result,
            witness: input.witness,
            strength: input.strength.map(|v| v.to_string()).unwrap_or_default(),
            enjoyment: input.enjoyment.map(|v| v.to_string()).unwrap_or_default(),
            pitfall: input.pitfall,
            challenge: input.challenge,
            allergy: input.allergy,
            open_to: input.open_to,
            kind: input.kind,
            date: input.date,
            goal_id: input.goal_id,
            round_id: input.round_id,
            version: input.version,
        }
    }
}

#[utoipa::path(post, path = "/portfolio/items", tag = "portfolio", summary = "Add an item to your portfolio",
    request_body = ItemIn,
    responses((status = 201, body = super::people::Created), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<ItemIn>,
) -> WebResult<(StatusCode, Json<super::people::Created>)> {
    let id = portfolio::add_item(&state.db, &actor, &input.into()).await?;
    Ok((StatusCode::CREATED, Json(super::people::Created { id })))
}

#[utoipa::path(put, path = "/portfolio/items/{id}", tag = "portfolio", summary = "Change one of your items",
    params(("id" = String, Path, description = "The item's id")),
    request_body = ItemIn,
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ItemIn>,
) -> WebResult<StatusCode> {
    portfolio::update_item(&state.db, &actor, &id, &input.into()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/portfolio/items/{id}", tag = "portfolio", summary = "Remove one of your items (restorable for 30 days on the portfolio page)",
    params(("id" = String, Path, description = "The item's id")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn remove_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<StatusCode> {
    portfolio::remove_item(&state.db, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
