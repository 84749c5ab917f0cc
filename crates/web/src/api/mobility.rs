//! Internal mobility over the API: open opportunities, one opportunity with how it fits you, and
//! expressing or withdrawing interest.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use kleur_domain::PageRequest;
use kleur_services::mobility::{self, Explanation, InterestInput, ListFilter, TalentName};
use kleur_storage::mobility::Opportunity;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiActor, Problem};
use crate::AppState;
use crate::error::WebResult;

#[derive(Serialize, ToSchema)]
pub struct OpportunityOut {
    pub id: String,
    /// project, assignment, temporary_role, vacancy, job_rotation, mentoring or shadowing.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub hours_per_week: i64,
    /// Months; absent when open-ended.
    pub duration_months: Option<i64>,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub location: String,
    /// ISO date; absent for "as soon as possible".
    pub start_date: Option<String>,
    /// ISO date, inclusive.
    pub closing_date: String,
    /// draft, published, closed or filled.
    pub status: String,
    pub poster_id: String,
    pub poster_name: String,
}

fn opportunity_out(o: Opportunity) -> OpportunityOut {
    OpportunityOut {
        id: o.id,
        kind: o.kind,
        title: o.title,
        description: o.description,
        hours_per_week: o.hours_per_week,
        duration_months: o.duration_months,
        unit_id: o.unit_id,
        unit_name: o.unit_name,
        location: o.location,
        start_date: o.start_date,
        closing_date: o.closing_date,
        status: o.status,
        poster_id: o.poster_id,
        poster_name: o.poster_name,
    }
}

#[derive(Serialize, ToSchema)]
pub struct OpportunitiesPage {
    pub items: Vec<OpportunityOut>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpportunitiesQuery {
    /// Only this kind (project, assignment, temporary_role, vacancy, job_rotation, mentoring, shadowing).
    pub kind: Option<String>,
    /// Only for this unit.
    pub unit_id: Option<String>,
    /// Only those asking for this catalogue entry.
    pub talent: Option<String>,
    /// Words in title, description or location.
    pub search: Option<String>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 200 (default 25).
    pub per_page: Option<u32>,
}

#[utoipa::path(get, path = "/opportunities", tag = "mobility", summary = "Open opportunities (published, not past their closing date), soonest closing first",
    params(OpportunitiesQuery),
    responses((status = 200, body = OpportunitiesPage), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_opportunities(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<OpportunitiesQuery>,
) -> WebResult<Json<OpportunitiesPage>> {
    let filter = ListFilter {
        kind: query.kind.unwrap_or_default(),
        unit_id: query.unit_id.unwrap_or_default(),
        talent: query.talent.unwrap_or_default(),
        search: query.search.unwrap_or_default().chars().take(200).collect(),
    };
    let list = mobility::list(
        &state.db,
        &actor,
        &filter,
        PageRequest::new(query.page, query.per_page),
    )
    .await?;
    let total_pages = list.total_pages();
    let list = list.map(opportunity_out);
    Ok(Json(OpportunitiesPage {
        items: list.items,
        page: list.page,
        per_page: list.per_page,
        total: list.total,
        total_pages,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct TalentOut {
    /// The catalogue key.
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
}

fn talents_out(list: Vec<TalentName>) -> Vec<TalentOut> {
    list.into_iter()
        .map(|t| TalentOut {
            key: t.key,
            name_nl: t.nl,
            name_en: t.en,
        })
        .collect()
}

/// Why the opportunity fits you, from what you share with the whole organisation only.
#[derive(Serialize, ToSchema)]
pub struct FitOut {
    /// 0–100.
    pub score: u8,
    pub matched: Vec<TalentOut>,
    /// Required talents you do not (visibly) have.
    pub missing: Vec<TalentOut>,
    /// Nice-to-have talents you could develop.
    pub develop: Vec<TalentOut>,
    /// Titles of your ambitions this kind of opportunity serves.
    pub ambitions: Vec<String>,
    pub hours_fit: bool,
    pub date_fit: bool,
}

fn fit_out(e: Explanation) -> FitOut {
    FitOut {
        score: e.score,
        matched: talents_out(e.matched),
        missing: talents_out(e.missing),
        develop: talents_out(e.develop),
        ambitions: e.ambitions,
        hours_fit: e.hours_fit,
        date_fit: e.date_fit,
    }
}

#[derive(Serialize, ToSchema)]
pub struct OpportunityDetailOut {
    pub opportunity: OpportunityOut,
    pub required: Vec<TalentOut>,
    pub nice_to_have: Vec<TalentOut>,
    /// Whether interest can be expressed now.
    pub accepts_interest: bool,
    /// Your interest: interested, withdrawn, or absent.
    pub my_interest: Option<String>,
    /// Present when you opted in to opportunities.
    pub my_fit: Option<FitOut>,
}

#[utoipa::path(get, path = "/opportunities/{id}", tag = "mobility", summary = "One opportunity, with how it fits you when you opted in",
    params(("id" = String, Path, description = "The opportunity's id")),
    responses((status = 200, body = OpportunityDetailOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_opportunity(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<Json<OpportunityDetailOut>> {
    let view = mobility::view(&state.db, &actor, &id).await?;
    Ok(Json(OpportunityDetailOut {
        accepts_interest: view.accepts_interest,
        my_interest: view.my_interest.map(|i| i.status),
        my_fit: view.my_fit.map(fit_out),
        required: talents_out(view.required),
        nice_to_have: talents_out(view.nice),
        opportunity: opportunity_out(view.opportunity),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct InterestIn {
    /// Why this appeals to you, at most 1000 characters.
    pub motivation: String,
    /// Whether your manager hears of it by e-mail.
    #[serde(default)]
    pub inform_manager: bool,
}

#[utoipa::path(put, path = "/opportunities/{id}/interest", tag = "mobility", summary = "Express (or renew) your interest; the poster is told by e-mail",
    params(("id" = String, Path, description = "The opportunity's id")),
    request_body = InterestIn,
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn express_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<InterestIn>,
) -> WebResult<StatusCode> {
    mobility::express_interest(
        &state.db,
        &state.settings,
        &actor,
        &id,
        &InterestInput {
            motivation: input.motivation,
            inform_manager: input.inform_manager,
        },
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/opportunities/{id}/interest", tag = "mobility", summary = "Withdraw your interest: you leave the shortlist at once",
    params(("id" = String, Path, description = "The opportunity's id")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<StatusCode> {
    mobility::withdraw_interest(&state.db, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
