//! The goals pages: the overview, one goal with its chain and contributions, the goal form,
//! progress updates, and proposing a personal goal to the team.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::goals::{EventKind, Level, Status};
use kleur_domain::portfolio::Visibility;
use kleur_i18n::Tr;
use kleur_services::goals::{self, GoalInput, GoalView, ProgressInput};
use kleur_services::{Actor, FieldError, ServiceError};
use kleur_storage::goals::Goal;
use serde::Deserialize;

use super::portfolio::{Choice, visibility_key};
use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::Organisation => "goals-level-organisation",
        Level::Team => "goals-level-team",
        Level::Personal => "goals-level-personal",
    }
}

pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Open => "goals-status-open",
        Status::OnTrack => "goals-status-on_track",
        Status::AtRisk => "goals-status-at_risk",
        Status::Achieved => "goals-status-achieved",
        Status::Stopped => "goals-status-stopped",
    }
}

fn event_key(kind: &str) -> &'static str {
    match EventKind::parse(kind) {
        Some(EventKind::Proposed) => "goals-event-proposed",
        Some(EventKind::Accepted) => "goals-event-accepted",
        Some(EventKind::Declined) => "goals-event-declined",
        _ => "goals-event-created",
    }
}

fn date(timestamp: &str) -> String {
    kleur_storage::parse_timestamp(timestamp)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A goal in a list, with its labels already in the visitor's language.
pub struct GoalLine {
    pub id: String,
    pub title: String,
    /// Level, whose or which team's, status and percentage, joined for one line of text.
    pub meta: String,
    /// Only for the owner of a personal goal: who may see it.
    pub visibility: Option<String>,
    pub pending: bool,
    pub children: Vec<GoalLine>,
}

impl GoalLine {
    fn new(t: Tr, goal: &Goal, me: &str) -> Self {
        Self::with_average(t, goal, me, None)
    }

    /// `average`: for an organisation goal, the average progress of its team goals.
    fn with_average(t: Tr, goal: &Goal, me: &str, average: Option<i64>) -> Self {
        let level = goals::level_of(goal);
        let status = goals::status_of(goal);
        let mut parts = vec![t.get(level_key(level))];
        match level {
            Level::Personal => parts.extend(goal.owner_name.clone()),
            Level::Team => parts.extend(goal.unit_name.clone()),
            Level::Organisation => parts.push(goal.cycle.to_string()),
        }
        // An organisation goal nobody reported on itself shows how its teams are doing.
        let reported = goal.progress.is_some() || status != Status::Open;
        if reported || level != Level::Organisation {
            parts.push(t.get(status_key(status)));
        }
        match (goal.progress, average) {
            (Some(percent), _) => parts.push(t.arg("goals-percent", "percent", percent)),
            (None, Some(average)) => parts.push(t.arg("goals-average", "percent", average)),
            (None, None) => {}
        }
        let own = level == Level::Personal && goal.owner_id.as_deref() == Some(me);
        Self {
            id: goal.id.clone(),
            title: goal.title.clone(),
            meta: parts.join(" · "),
            visibility: own.then(|| t.get(visibility_key(goals::visibility_of(goal)))),
            pending: goal.proposed_at.is_some(),
            children: Vec::new(),
        }
    }

    fn list(t: Tr, goals: &[Goal], me: &str) -> Vec<GoalLine> {
        goals.iter().map(|g| GoalLine::new(t, g, me)).collect()
    }
}

// ---- overview ----

#[derive(Template)]
#[template(path = "goals.html")]
struct GoalsPage {
    page: Page,
    cycle: i64,
    previous_cycle: i64,
    next_cycle: i64,
    own: Vec<GoalLine>,
    unit_name: Option<String>,
    team: Vec<GoalLine>,
    organisation: Vec<GoalLine>,
    shared: Vec<GoalLine>,
    proposals: Vec<GoalLine>,
    can_set_team: bool,
    can_set_organisation: bool,
}

#[derive(Deserialize, Default)]
pub struct OverviewQuery {
    cyclus: Option<String>,
    klaar: Option<String>,
}

fn cycle_from(text: Option<&str>) -> i64 {
    text.and_then(|c| kleur_domain::goals::parse_cycle(c).ok())
        .unwrap_or_else(goals::current_cycle)
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<OverviewQuery>,
) -> WebResult<Response> {
    let cycle = cycle_from(query.cyclus.as_deref());
    let overview = goals::overview(&state.db, &actor, cycle).await?;
    let page = Page::new(&visitor, "goals").with_notice(notice_from_query(query.klaar.as_deref()));
    let t = page.t;
    let me = actor.person_id.as_str();
    ok(&GoalsPage {
        cycle,
        previous_cycle: (cycle - 1).max(kleur_domain::goals::CYCLE_MIN),
        next_cycle: (cycle + 1).min(kleur_domain::goals::CYCLE_MAX),
        own: GoalLine::list(t, &overview.own, me),
        unit_name: overview.unit_name,
        team: GoalLine::list(t, &overview.team, me),
        organisation: overview
            .organisation
            .iter()
            .map(|g| GoalLine::with_average(t, g, me, overview.averages.get(&g.id).copied()))
            .collect(),
        shared: GoalLine::list(t, &overview.shared, me),
        proposals: GoalLine::list(t, &overview.proposals, me),
        can_set_team: overview.levels.contains(&Level::Team),
        can_set_organisation: overview.levels.contains(&Level::Organisation),
        page,
    })
}

// ---- one goal ----

pub struct ProgressLine {
    pub date: String,
    pub datetime: String,
    pub author: String,
    pub percent: Option<i64>,
    pub status: String,
    pub note: String,
}

pub struct EventLine {
    pub date: String,
    pub datetime: String,
    pub text: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "goal.html")]
struct GoalPage {
    page: Page,
    view: GoalView,
    level_label: String,
    /// Hidden for an organisation goal nobody reported on itself.
    status_label: Option<String>,
    /// The goal's own latest percentage, or for an organisation goal the average of its teams.
    progress_value: Option<i64>,
    progress_text: String,
    owner_or_unit: Option<String>,
    owner_name: String,
    is_team: bool,
    is_personal: bool,
    /// For an organisation goal: its aggregate progress, as sentences.
    aggregate: Vec<String>,
    visibility_label: Option<String>,
    parents: Vec<GoalLine>,
    contributions: Vec<GoalLine>,
    progress: Vec<ProgressLine>,
    events: Vec<EventLine>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, "goals").with_notice(notice_from_query(query.klaar.as_deref()));
    render_goal(
        &state,
        &actor,
        page,
        &id,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn render_goal(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: &str,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let view = goals::view(&state.db, actor, id).await?;
    let t = page.t;
    let me = actor.person_id.as_str();
    let contributions = view
        .contributions
        .iter()
        .map(|c| {
            let mut line = GoalLine::new(t, &c.goal, me);
            line.children = GoalLine::list(t, &c.contributions, me);
            line
        })
        .collect();
    let owner_or_unit = match view.level() {
        Level::Personal => view.goal.owner_name.clone(),
        Level::Team => view.goal.unit_name.clone(),
        Level::Organisation => None,
    };
    let progress = view
        .progress
        .iter()
        .map(|p| ProgressLine {
            date: date(&p.created_at),
            datetime: p.created_at.clone(),
            author: p.author_name.clone(),
            percent: p.percent,
            status: t.get(status_key(Status::parse(&p.status).unwrap_or_default())),
            note: p.note.clone(),
        })
        .collect();
    let events = view
        .events
        .iter()
        .map(|e| EventLine {
            date: date(&e.created_at),
            datetime: e.created_at.clone(),
            text: t.arg(event_key(&e.kind), "name", &e.actor_name),
            note: e.note.clone(),
        })
        .collect();
    let aggregate = match &view.aggregate {
        Some(aggregate) => vec![
            match aggregate.average {
                Some(average) => t.args(
                    "goals-aggregate",
                    &[
                        ("percent", &average.to_string()),
                        ("count", &aggregate.measured.to_string()),
                    ],
                ),
                None => t.get("goals-aggregate-none"),
            },
            t.arg(
                "goals-visible-contributions",
                "count",
                aggregate.visible_contributions,
            ),
        ],
        None => Vec::new(),
    };
    let average = view.aggregate.as_ref().and_then(|a| a.average);
    let reported = view.goal.progress.is_some() || view.status() != Status::Open;
    let (progress_value, progress_text) = match (view.goal.progress, average) {
        (Some(percent), _) => (Some(percent), t.arg("goals-percent", "percent", percent)),
        (None, Some(average)) => (Some(average), t.arg("goals-average", "percent", average)),
        (None, None) => (None, t.get("goals-no-progress")),
    };
    render(
        &GoalPage {
            status_label: (reported || view.level() != Level::Organisation)
                .then(|| t.get(status_key(view.status()))),
            progress_value,
            progress_text,
            owner_name: view.goal.owner_name.clone().unwrap_or_default(),
            is_team: view.level() == Level::Team,
            is_personal: view.level() == Level::Personal,
            aggregate,
            level_label: t.get(level_key(view.level())),
            owner_or_unit,
            visibility_label: view
                .is_owner
                .then(|| t.get(visibility_key(view.visibility()))),
            parents: GoalLine::list(t, &view.parents, me),
            contributions,
            progress,
            events,
            errors,
            view,
            page,
        },
        status,
    )
}

// ---- the goal form ----

pub struct UnitChoice {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

pub struct ParentChoice {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "goal_form.html")]
struct GoalFormPage {
    page: Page,
    title: String,
    action: String,
    cancel: String,
    /// A new goal: the level can be chosen (when the actor may set more than personal goals).
    levels: Vec<Choice>,
    fixed_level: Option<&'static str>,
    input: GoalInput,
    units: Vec<UnitChoice>,
    organisation_parents: Vec<ParentChoice>,
    team_parents: Vec<ParentChoice>,
    show_visibility: bool,
    visibilities: Vec<Choice>,
    /// Whether visibility and unit only apply to some of the levels offered.
    mixed_levels: bool,
    version: Option<i64>,
    errors: FormErrors,
}

struct FormState {
    goal: Option<Goal>,
    input: GoalInput,
    errors: FormErrors,
    status: StatusCode,
}

async fn render_form(
    state: &AppState,
    actor: &Actor,
    page: Page,
    form: FormState,
) -> WebResult<Response> {
    let t = page.t;
    let FormState {
        goal,
        mut input,
        errors,
        status,
    } = form;
    let cycle = cycle_from(Some(&input.cycle));
    if input.cycle.trim().is_empty() {
        input.cycle = cycle.to_string();
    }
    let options = goals::form_options(
        &state.db,
        actor,
        cycle,
        Some(input.parent_id.as_str()).filter(|p| !p.is_empty()),
    )
    .await?;
    let chosen_level = match &goal {
        Some(goal) => goals::level_of(goal),
        None => Level::parse(&input.level)
            .filter(|l| options.levels.contains(l))
            .unwrap_or(Level::Personal),
    };
    let (levels, fixed_level) = match &goal {
        None if options.levels.len() > 1 => (
            options
                .levels
                .iter()
                .map(|l| Choice {
                    value: l.as_str(),
                    label: t.get(level_key(*l)),
                    checked: *l == chosen_level,
                })
                .collect(),
            None,
        ),
        _ => (Vec::new(), Some(chosen_level.as_str())),
    };
    let units = if goal.is_none() && options.levels.contains(&Level::Team) {
        options
            .units
            .iter()
            .map(|u| UnitChoice {
                id: u.id.clone(),
                name: u.name.clone(),
                selected: u.id == input.unit_id,
            })
            .collect()
    } else {
        Vec::new()
    };
    let parent = |g: &Goal, label: String| ParentChoice {
        id: g.id.clone(),
        label,
        selected: g.id == input.parent_id,
    };
    let organisation_parents = options
        .organisation_goals
        .iter()
        .filter(|g| {
            chosen_level != Level::Organisation && Some(&g.id) != goal.as_ref().map(|x| &x.id)
        })
        .map(|g| parent(g, g.title.clone()))
        .collect();
    let team_parents = if chosen_level == Level::Personal {
        options
            .team_goals
            .iter()
            .map(|g| {
                let label = match &g.unit_name {
                    Some(unit) => format!("{} ({unit})", g.title),
                    None => g.title.clone(),
                };
                parent(g, label)
            })
            .collect()
    } else {
        Vec::new()
    };
    let show_visibility = match &goal {
        Some(goal) => goals::level_of(goal) == Level::Personal,
        None => true,
    };
    let chosen_visibility = Visibility::parse(&input.visibility).unwrap_or_default();
    let visibilities = Visibility::ALL
        .iter()
        .map(|v| Choice {
            value: v.as_str(),
            label: t.get(visibility_key(*v)),
            checked: *v == chosen_visibility,
        })
        .collect();
    let (title, action, cancel, version) = match &goal {
        Some(goal) => (
            t.get("goals-edit-title"),
            format!("/doelen/{}/wijzigen", goal.id),
            format!("/doelen/{}", goal.id),
            Some(input.version.unwrap_or(goal.version)),
        ),
        None => (
            t.get("goals-new-title"),
            "/doelen/nieuw".to_owned(),
            "/doelen".to_owned(),
            None,
        ),
    };
    render(
        &GoalFormPage {
            mixed_levels: goal.is_none() && options.levels.len() > 1,
            page,
            title,
            action,
            cancel,
            levels,
            fixed_level,
            input,
            units,
            organisation_parents,
            team_parents,
            show_visibility,
            visibilities,
            version,
            errors,
        },
        status,
    )
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    niveau: Option<String>,
    cyclus: Option<String>,
    bij: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NewQuery>,
) -> WebResult<Response> {
    let input = GoalInput {
        level: query.niveau.unwrap_or_default(),
        cycle: cycle_from(query.cyclus.as_deref()).to_string(),
        parent_id: query
            .bij
            .filter(|p| p.len() <= 64 && p.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
            .unwrap_or_default(),
        ..Default::default()
    };
    let page = Page::new(&visitor, "goals");
    render_form(
        &state,
        &actor,
        page,
        FormState {
            goal: None,
            input,
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GoalForm {
    level: String,
    cycle: String,
    title: String,
    description: String,
    unit_id: String,
    parent_id: String,
    visibility: String,
    version: String,
}

impl From<GoalForm> for GoalInput {
    fn from(form: GoalForm) -> Self {
        GoalInput {
            level: form.level,
            cycle: form.cycle,
            title: form.title,
            description: form.description,
            unit_id: form.unit_id,
            parent_id: form.parent_id,
            visibility: form.visibility,
            version: form.version.trim().parse().ok(),
        }
    }
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<GoalForm>,
) -> WebResult<Response> {
    let input: GoalInput = form.into();
    match goals::create(&state.db, &actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/doelen/{id}?klaar=goals-saved")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "goals");
            let errors = FormErrors::new(page.t, &fields);
            render_form(
                &state,
                &actor,
                page,
                FormState {
                    goal: None,
                    input,
                    errors,
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                },
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

fn input_from(goal: &Goal) -> GoalInput {
    GoalInput {
        level: goal.level.clone(),
        cycle: goal.cycle.to_string(),
        title: goal.title.clone(),
        description: goal.description.clone(),
        unit_id: goal.unit_id.clone().unwrap_or_default(),
        parent_id: goal.parent_id.clone().unwrap_or_default(),
        visibility: goal.visibility.clone(),
        version: Some(goal.version),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let goal = goals::editable(&state.db, &actor, &id).await?;
    let input = input_from(&goal);
    let page = Page::new(&visitor, "goals");
    render_form(
        &state,
        &actor,
        page,
        FormState {
            goal: Some(goal),
            input,
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<GoalForm>,
) -> WebResult<Response> {
    let mut input: GoalInput = form.into();
    let goal = goals::editable(&state.db, &actor, &id).await?;
    let page = Page::new(&visitor, "goals");
    let (errors, status) = match goals::update(&state.db, &actor, &id, &input).await {
        Ok(()) => {
            return Ok(Redirect::to(&format!("/doelen/{id}?klaar=goals-saved")).into_response());
        }
        Err(ServiceError::Invalid(fields)) => (
            FormErrors::new(page.t, &fields),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(ServiceError::Stale) => {
            // Keep what was typed, say the goal changed, and let a second save knowingly
            // replace the newer version.
            input.version = Some(goal.version);
            (
                FormErrors::new(page.t, &[FieldError::new("title", "goals-error-stale")]),
                StatusCode::CONFLICT,
            )
        }
        Err(other) => return Err(other.into()),
    };
    render_form(
        &state,
        &actor,
        page,
        FormState {
            goal: Some(goal),
            input,
            errors,
            status,
        },
    )
    .await
}

// ---- progress ----

#[derive(Template)]
#[template(path = "goal_progress.html")]
struct ProgressPage {
    page: Page,
    goal: Goal,
    input: ProgressInput,
    statuses: Vec<Choice>,
    errors: FormErrors,
}

fn render_progress(
    page: Page,
    goal: Goal,
    input: ProgressInput,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let chosen = Status::parse(&input.status).unwrap_or_else(|| goals::status_of(&goal));
    let statuses = Status::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str(),
            label: t.get(status_key(*s)),
            checked: *s == chosen,
        })
        .collect();
    render(
        &ProgressPage {
            page,
            goal,
            input,
            statuses,
            errors,
        },
        status,
    )
}

pub async fn progress_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let goal = goals::reportable(&state.db, &actor, &id).await?;
    let input = ProgressInput {
        percent: goal.progress.map(|p| p.to_string()).unwrap_or_default(),
        status: goal.status.clone(),
        note: String::new(),
    };
    render_progress(
        Page::new(&visitor, "goals"),
        goal,
        input,
        FormErrors::default(),
        StatusCode::OK,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProgressForm {
    percent: String,
    status: String,
    note: String,
}

pub async fn add_progress(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ProgressForm>,
) -> WebResult<Response> {
    let input = ProgressInput {
        percent: form.percent,
        status: form.status,
        note: form.note,
    };
    match goals::add_progress(&state.db, &actor, &id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/doelen/{id}?klaar=goals-progress-saved#voortgang"
        ))
        .into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let goal = goals::reportable(&state.db, &actor, &id).await?;
            let page = Page::new(&visitor, "goals");
            let errors = FormErrors::new(page.t, &fields);
            render_progress(page, goal, input, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(other) => Err(other.into()),
    }
}

// ---- proposing a personal goal to the team ----

#[derive(Template)]
#[template(path = "goal_propose.html")]
struct ProposePage {
    page: Page,
    goal: Goal,
    unit_name: Option<String>,
    errors: FormErrors,
}

pub async fn propose_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let (goal, unit_name) = goals::proposable(&state.db, &actor, &id).await?;
    ok(&ProposePage {
        page: Page::new(&visitor, "goals"),
        goal,
        unit_name,
        errors: FormErrors::default(),
    })
}

pub async fn propose(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    match goals::propose(&state.db, &actor, &id).await {
        Ok(()) => Ok(Redirect::to(&format!("/doelen/{id}?klaar=goals-proposed")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let (goal, unit_name) = goals::proposable(&state.db, &actor, &id).await?;
            let page = Page::new(&visitor, "goals");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &ProposePage {
                    page,
                    goal,
                    unit_name,
                    errors,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    goals::accept(&state.db, &actor, &id).await?;
    Ok(Redirect::to(&format!("/doelen/{id}?klaar=goals-accepted")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeclineForm {
    note: String,
}

pub async fn decline(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<DeclineForm>,
) -> WebResult<Response> {
    match goals::decline(&state.db, &actor, &id, &form.note).await {
        // The decider may no longer see the goal once it is not a proposal: back to the overview.
        Ok(()) => Ok(Redirect::to("/doelen?klaar=goals-declined").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "goals");
            let errors = FormErrors::new(page.t, &fields);
            render_goal(
                &state,
                &actor,
                page,
                &id,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
