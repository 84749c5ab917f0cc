//! Goals over the API: list and read what you may see, set goals, report progress.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use kleur_domain::PageRequest;
use kleur_domain::goals::Level;
use kleur_services::goals::{self, GoalInput, GoalView, ProgressInput};
use kleur_services::{Actor, ServiceError};
use kleur_storage::goals::Goal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiActor, Problem};
use crate::AppState;
use crate::error::WebResult;

/// A goal as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct GoalOut {
    pub id: String,
    /// organisation, team or personal.
    pub level: String,
    /// The policy and budget cycle (a year).
    pub cycle: i64,
    pub title: String,
    pub description: String,
    /// Personal goals: whose goal it is (for a team goal that came from a proposal: whose idea).
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    /// Team goals: the unit.
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    /// The goal this one contributes to.
    pub parent_id: Option<String>,
    /// open, on_track, at_risk, achieved or stopped: the latest progress update's.
    pub status: String,
    /// The latest percentage reported, 0–100.
    pub progress: Option<i64>,
    /// Only for the owner of a personal goal: private, manager, team or organisation.
    pub visibility: Option<String>,
    /// A personal goal proposed to the team, waiting for the manager.
    pub proposal_pending: bool,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

fn goal_out(goal: Goal, me: &str) -> GoalOut {
    let own = goal.level == Level::Personal.as_str() && goal.owner_id.as_deref() == Some(me);
    GoalOut {
        visibility: own.then(|| goal.visibility.clone()),
        proposal_pending: goal.proposed_at.is_some(),
        id: goal.id,
        level: goal.level,
        cycle: goal.cycle,
        title: goal.title,
        description: goal.description,
        owner_id: goal.owner_id,
        owner_name: goal.owner_name,
        unit_id: goal.unit_id,
        unit_name: goal.unit_name,
        parent_id: goal.parent_id,
        status: goal.status,
        progress: goal.progress,
        version: goal.version,
        created_at: goal.created_at,
        updated_at: goal.updated_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct GoalsPage {
    pub items: Vec<GoalOut>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GoalsQuery {
    /// Only goals of this level: organisation, team or personal.
    pub level: Option<String>,
    /// Only goals of this cycle (a year, such as 2026).
    pub cycle: Option<i64>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 200 (default 25).
    pub per_page: Option<u32>,
}

#[utoipa::path(get, path = "/goals", tag = "goals", summary = "The goals you may see: organisation and team goals, and personal goals shared with you",
    params(GoalsQuery),
    responses((status = 200, body = GoalsPage), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_goals(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<GoalsQuery>,
) -> WebResult<Json<GoalsPage>> {
    let level = match query.level.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            Level::parse(text)
                .ok_or_else(|| ServiceError::invalid("level", "goals-error-level"))?,
        ),
    };
    let list = goals::list(
        &state.db,
        &actor,
        level,
        query.cycle,
        PageRequest::new(query.page, query.per_page),
    )
    .await?;
    let total_pages = list.total_pages();
    let list = list.map(|g| goal_out(g, &actor.person_id));
    Ok(Json(GoalsPage {
        items: list.items,
        page: list.page,
        per_page: list.per_page,
        total: list.total,
        total_pages,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ProgressOut {
    pub id: String,
    pub percent: Option<i64>,
    pub status: String,
    pub note: String,
    pub author_id: String,
    pub author_name: String,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct EventOut {
    /// created, proposed, accepted or declined.
    pub kind: String,
    pub actor_id: String,
    pub actor_name: String,
    pub note: String,
    pub created_at: String,
}

/// For an organisation goal: how its team goals are doing.
#[derive(Serialize, ToSchema)]
pub struct AggregateOut {
    /// The average of the team goals' latest percentages (stopped goals left out).
    pub average: Option<i64>,
    /// How many team goals the average is over.
    pub measured: usize,
    pub team_goals: usize,
    /// The contributions (direct and through team goals) you may see.
    pub visible_contributions: usize,
}

#[derive(Serialize, ToSchema)]
pub struct ContributionOut {
    pub goal: GoalOut,
    /// The goals that contribute to this one, as far as you may see them.
    pub contributions: Vec<GoalOut>,
}

/// One goal with its chain upward, its contributions downward, progress and history.
#[derive(Serialize, ToSchema)]
pub struct GoalDetailOut {
    pub goal: GoalOut,
    /// The goals this one contributes to, the highest first.
    pub parents: Vec<GoalOut>,
    pub contributions: Vec<ContributionOut>,
    pub aggregate: Option<AggregateOut>,
    /// Newest first.
    pub progress: Vec<ProgressOut>,
    /// Oldest first.
    pub events: Vec<EventOut>,
}

fn detail_out(view: GoalView, actor: &Actor) -> GoalDetailOut {
    let me = actor.person_id.as_str();
    GoalDetailOut {
        goal: goal_out(view.goal, me),
        parents: view.parents.into_iter().map(|g| goal_out(g, me)).collect(),
        contributions: view
            .contributions
            .into_iter()
            .map(|c| ContributionOut {
                goal: goal_out(c.goal, me),
                contributions: c
                    .contributions
                    .into_iter()
                    .map(|g| goal_out(g, me))
                    .collect(),
            })
            .collect(),
        aggregate: view.aggregate.map(|a| AggregateOut {
            average: a.average,
            measured: a.measured,
            team_goals: a.team_goals,
            visible_contributions: a.visible_contributions,
        }),
        progress: view
            .progress
            .into_iter()
            .map(|p| ProgressOut {
                id: p.id,
                percent: p.percent,
                status: p.status,
                note: p.note,
                author_id: p.author_id,
                author_name: p.author_name,
                created_at: p.created_at,
            })
            .collect(),
        events: view
            .events
            .into_iter()
            .map(|e| EventOut {
                kind: e.kind,
                actor_id: e.actor_id,
                actor_name: e.actor_name,
                note: e.note,
                created_at: e.created_at,
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/goals/{id}", tag = "goals", summary = "One goal with its chain upward, contributions, progress and history",
    params(("id" = String, Path, description = "The goal's id")),
    responses((status = 200, body = GoalDetailOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_goal(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> WebResult<Json<GoalDetailOut>> {
    let view = goals::view(&state.db, &actor, &id).await?;
    Ok(Json(detail_out(view, &actor)))
}

/// A goal to set or change. When changing, `level` and `unit_id` are ignored.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct GoalIn {
    /// personal (default), team (managers for their own unit; management) or organisation
    /// (management and administrators).
    #[serde(default)]
    pub level: String,
    /// The cycle (a year); defaults to the current one.
    pub cycle: Option<i64>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Team goals: the unit; defaults to your own.
    #[serde(default)]
    pub unit_id: String,
    /// The goal this one contributes to: for a team goal an organisation goal, for a personal
    /// goal a team or organisation goal, of the same cycle.
    #[serde(default)]
    pub parent_id: String,
    /// Personal goals: private (default), manager, team or organisation.
    #[serde(default)]
    pub visibility: String,
    /// When changing: the version you read. A newer version on the server gives 409.
    pub version: Option<i64>,
}

impl From<GoalIn> for GoalInput {
    fn from(input: GoalIn) -> Self {
        GoalInput {
            level: input.level,
            cycle: input.cycle.unwrap_or_else(goals::current_cycle).to_string(),
            title: input.title,
            description: input.description,
            unit_id: input.unit_id,
            parent_id: input.parent_id,
            visibility: input.visibility,
            version: input.version,
        }
    }
}

#[utoipa::path(post, path = "/goals", tag = "goals", summary = "Set a goal",
    request_body = GoalIn,
    responses((status = 201, body = super::people::Created), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_goal(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<GoalIn>,
) -> WebResult<(StatusCode, Json<super::people::Created>)> {
    let id = goals::create(&state.db, &actor, &input.into()).await?;
    Ok((StatusCode::CREATED, Json(super::people::Created { id })))
}

#[utoipa::path(put, path = "/goals/{id}", tag = "goals", summary = "Change a goal you set (or, for team and organisation goals, may set)",
    params(("id" = String, Path, description = "The goal's id")),
    request_body = GoalIn,
    responses((status = 204), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update_goal(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<GoalIn>,
) -> WebResult<StatusCode> {
    goals::update(&state.db, &actor, &id, &input.into()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A progress update: a percentage and/or a milestone note, with a status.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ProgressIn {
    /// 0–100.
    pub percent: Option<i64>,
    /// open, on_track, at_risk, achieved or stopped; leave out to keep the current status.
    #[serde(default)]
    pub status: String,
    /// A milestone or remark, at most 2000 characters.
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/goals/{id}/progress", tag = "goals", summary = "Report progress on a goal",
    params(("id" = String, Path, description = "The goal's id")),
    request_body = ProgressIn,
    responses((status = 201, body = super::people::Created), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_progress(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ProgressIn>,
) -> WebResult<(StatusCode, Json<super::people::Created>)> {
    let input = ProgressInput {
        percent: input.percent.map(|p| p.to_string()).unwrap_or_default(),
        status: input.status,
        note: input.note,
    };
    let id = goals::add_progress(&state.db, &actor, &id, &input).await?;
    Ok((StatusCode::CREATED, Json(super::people::Created { id })))
}
