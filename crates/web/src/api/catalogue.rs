//! The organisation's talent catalogue over the API: everyone in the organisation reads the
//! active entries. Changing the catalogue happens on the HR pages.

use axum::Json;
use axum::extract::{Path, Query, State};
use kleur_domain::catalogue::EntryKind;
use kleur_domain::{Locale, PageRequest};
use kleur_services::FieldError;
use kleur_services::catalogue::{self as service, CatalogueEntry, ListFilter, Status};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiActor, Problem};
use crate::AppState;
use crate::error::{WebError, WebResult};

/// Ofman's core quadrant of a core quality, in Dutch and English.
#[derive(Serialize, ToSchema)]
pub struct QuadrantOut {
    pub pitfall_nl: String,
    pub challenge_nl: String,
    pub allergy_nl: String,
    pub pitfall_en: String,
    pub challenge_en: String,
    pub allergy_en: String,
}

/// A talent or core quality of the organisation's catalogue.
#[derive(Serialize, ToSchema)]
pub struct CatalogueEntryOut {
    /// The stable key portfolio items refer to (`catalogue_key`).
    pub key: String,
    /// talent or core_quality.
    pub kind: String,
    /// The key of the entry's category.
    pub category: String,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    pub synonyms_nl: Vec<String>,
    pub synonyms_en: Vec<String>,
    /// Only for a core quality.
    pub quadrant: Option<QuadrantOut>,
    /// When HR retired the entry; retired entries are only shown to HR advisers and administrators.
    pub retired_at: Option<String>,
    pub version: i64,
    pub updated_at: String,
}

impl From<CatalogueEntry> for CatalogueEntryOut {
    fn from(entry: CatalogueEntry) -> Self {
        let e = entry.entry;
        CatalogueEntryOut {
            key: e.key,
            kind: e.kind.as_str().to_owned(),
            category: e.category,
            name_nl: e.nl,
            name_en: e.en,
            description_nl: e.description_nl,
            description_en: e.description_en,
            synonyms_nl: e.synonyms_nl,
            synonyms_en: e.synonyms_en,
            quadrant: e.quadrant.map(|q| QuadrantOut {
                pitfall_nl: q.pitfall_nl,
                challenge_nl: q.challenge_nl,
                allergy_nl: q.allergy_nl,
                pitfall_en: q.pitfall_en,
                challenge_en: q.challenge_en,
                allergy_en: q.allergy_en,
            }),
            retired_at: entry.retired_at,
            version: entry.version,
            updated_at: entry.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CataloguePage {
    pub items: Vec<CatalogueEntryOut>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogueQuery {
    /// Matches names and synonyms in Dutch and English, ignoring case and accents.
    pub q: Option<String>,
    /// talent or core_quality.
    pub kind: Option<String>,
    /// Only entries in this category (its key).
    pub category: Option<String>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 200 (default 25).
    pub per_page: Option<u32>,
}

#[utoipa::path(get, path = "/catalogue", tag = "catalogue", summary = "List the active entries of your organisation's talent catalogue",
    params(CatalogueQuery),
    responses((status = 200, body = CataloguePage), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_catalogue(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<CatalogueQuery>,
) -> WebResult<Json<CataloguePage>> {
    let kind = match query.kind.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(EntryKind::parse(text).ok_or_else(|| {
            WebError::Invalid(vec![FieldError::new("kind", "catalogue-error-kind")])
        })?),
    };
    let filter = ListFilter {
        search: query.q.unwrap_or_default(),
        kind,
        category: query.category.unwrap_or_default(),
        status: Status::Active,
        english: actor.locale == Some(Locale::En),
    };
    let list = service::list(
        &state.db,
        &actor,
        &filter,
        PageRequest::new(query.page, query.per_page),
    )
    .await?;
    let total_pages = list.total_pages();
    let list = list.map(CatalogueEntryOut::from);
    Ok(Json(CataloguePage {
        items: list.items,
        page: list.page,
        per_page: list.per_page,
        total: list.total,
        total_pages,
    }))
}

#[utoipa::path(get, path = "/catalogue/{key}", tag = "catalogue", summary = "One entry of your organisation's talent catalogue",
    params(("key" = String, Path, description = "The entry's key")),
    responses((status = 200, body = CatalogueEntryOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_catalogue_entry(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(key): Path<String>,
) -> WebResult<Json<CatalogueEntryOut>> {
    let entry = service::get(&state.db, &actor, &key).await?;
    Ok(Json(entry.into()))
}
