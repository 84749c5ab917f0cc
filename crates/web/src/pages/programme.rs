//! The learning-organisation programme pages: units and their phases, one unit (phases,
//! activities, ambassadors, team sessions with intentions), and the ambassadors with the
//! cascade of who trained whom as nested lists.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::programme::{CascadeNode, IntentionStatus, Phase};
use kleur_i18n::Tr;
use kleur_services::programme::{
    self, ActivityInput, AmbassadorInput, IntentionInput, PhasesInput, SessionInput, TrainingInput,
};
use kleur_services::{Actor, ServiceError};
use serde::Deserialize;

use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

const SECTION: &str = "programme";

pub fn phase_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Verklaren => "programme-phase-verklaren",
        Phase::Laden => "programme-phase-laden",
        Phase::Beleven => "programme-phase-beleven",
        Phase::Verankeren => "programme-phase-verankeren",
    }
}

fn status_key(status: IntentionStatus) -> &'static str {
    match status {
        IntentionStatus::Open => "programme-intention-open",
        IntentionStatus::Kept => "programme-intention-kept",
        IntentionStatus::Adjusted => "programme-intention-adjusted",
        IntentionStatus::Dropped => "programme-intention-dropped",
    }
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub phase: String,
    pub reached_on: String,
    pub ambassadors: usize,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct OverviewPage {
    page: Page,
    units: Vec<UnitRow>,
    runs: bool,
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let page = Page::new(&visitor, SECTION);
    let t = page.t;
    let units = programme::overview(&state.db, &actor).await?;
    ok(&OverviewPage {
        units: units
            .into_iter()
            .map(|u| UnitRow {
                name: format!("{}{}", "\u{2014} ".repeat(u.depth), u.name),
                id: u.unit_id,
                phase: u
                    .phase
                    .map(|p| t.get(phase_key(p)))
                    .unwrap_or_else(|| t.get("programme-phase-none")),
                reached_on: u.reached_on.unwrap_or_default(),
                ambassadors: u.ambassadors,
            })
            .collect(),
        runs: programme::runs_programme(&actor),
        page,
    })
}

// ---- one unit ----

pub struct PhaseField {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub current: bool,
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

pub struct ActivityLine {
    pub phase: String,
    pub title: String,
    pub held_on: String,
}

pub struct AmbassadorLine {
    pub name: String,
    pub milestones: Vec<(String, String)>,
}

pub struct IntentionLine {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub status: String,
    pub revisited_on: String,
}

pub struct SessionBlock {
    pub id: String,
    pub title: String,
    pub held_on: String,
    pub intentions: Vec<IntentionLine>,
}

#[derive(Template)]
#[template(path = "programme_unit.html")]
struct UnitPage {
    page: Page,
    unit_id: String,
    name: String,
    phase: String,
    phases: Vec<PhaseField>,
    phase_choices: Vec<Choice>,
    activities: Vec<ActivityLine>,
    ambassadors: Vec<AmbassadorLine>,
    sessions: Vec<SessionBlock>,
    members: Vec<Choice>,
    statuses: Vec<Choice>,
    runs: bool,
    holds_sessions: bool,
    errors: FormErrors,
}

fn milestones(t: Tr, a: &kleur_storage::programme::Ambassador) -> Vec<(String, String)> {
    [
        ("programme-informed", &a.informed_on),
        ("programme-enthused", &a.enthused_on),
        ("programme-trained", &a.trained_on),
    ]
    .into_iter()
    .map(|(key, date)| {
        (
            t.get(key),
            date.clone()
                .unwrap_or_else(|| t.get("programme-milestone-not-yet")),
        )
    })
    .collect()
}

async fn render_unit(
    state: &AppState,
    actor: &Actor,
    page: Page,
    unit_id: &str,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let view = programme::unit(&state.db, actor, unit_id).await?;
    let sessions = view
        .sessions
        .iter()
        .map(|s| SessionBlock {
            id: s.id.clone(),
            title: s.title.clone(),
            held_on: s.held_on.clone(),
            intentions: view
                .intentions
                .iter()
                .filter(|i| i.session_id == s.id)
                .map(|i| IntentionLine {
                    id: i.id.clone(),
                    text: i.text.clone(),
                    owner: i.owner_name.clone(),
                    status: t.get(status_key(
                        IntentionStatus::parse(&i.status).unwrap_or(IntentionStatus::Open),
                    )),
                    revisited_on: i.revisited_on.clone().unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    render(
        &UnitPage {
            unit_id: view.unit.id.clone(),
            name: view.unit.name.clone(),
            phase: view
                .phase
                .map(|p| t.get(phase_key(p)))
                .unwrap_or_else(|| t.get("programme-phase-none")),
            phases: Phase::ALL
                .iter()
                .zip(&view.reached)
                .map(|(p, r)| PhaseField {
                    name: p.as_str(),
                    label: t.get(phase_key(*p)),
                    value: r.clone().unwrap_or_default(),
                    current: view.phase == Some(*p),
                })
                .collect(),
            phase_choices: Phase::ALL
                .iter()
                .map(|p| Choice {
                    value: p.as_str().to_owned(),
                    label: t.get(phase_key(*p)),
                })
                .collect(),
            activities: view
                .activities
                .iter()
                .map(|a| ActivityLine {
                    phase: Phase::parse(&a.phase)
                        .map(|p| t.get(phase_key(p)))
                        .unwrap_or_default(),
                    title: a.title.clone(),
                    held_on: a.held_on.clone(),
                })
                .collect(),
            ambassadors: view
                .ambassadors
                .iter()
                .map(|a| AmbassadorLine {
                    name: a.display_name.clone(),
                    milestones: milestones(t, a),
                })
                .collect(),
            sessions,
            members: view
                .members
                .iter()
                .map(|(id, name)| Choice {
                    value: id.clone(),
                    label: name.clone(),
                })
                .collect(),
            statuses: IntentionStatus::ALL
                .iter()
                .map(|s| Choice {
                    value: s.as_str().to_owned(),
                    label: t.get(status_key(*s)),
                })
                .collect(),
            runs: view.runs,
            holds_sessions: view.holds_sessions,
            errors,
            page,
        },
        status,
    )
}

pub async fn unit(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, SECTION).with_notice(notice_from_query(query.klaar.as_deref()));
    render_unit(
        &state,
        &actor,
        page,
        &id,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn back_to_unit(
    state: &AppState,
    actor: &Actor,
    visitor: &crate::Visitor,
    unit_id: &str,
    result: Result<(), ServiceError>,
) -> WebResult<Response> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/programma/onderdelen/{unit_id}?klaar=programme-saved"
        ))
        .into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_unit(
                state,
                actor,
                page,
                unit_id,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn set_phases(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<PhasesInput>,
) -> WebResult<Response> {
    let result = programme::set_phases(&state.db, &actor, &id, &input).await;
    back_to_unit(&state, &actor, &visitor, &id, result).await
}

pub async fn add_activity(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<ActivityInput>,
) -> WebResult<Response> {
    let result = programme::add_activity(&state.db, &actor, &id, &input).await;
    back_to_unit(&state, &actor, &visitor, &id, result).await
}

pub async fn add_session(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<SessionInput>,
) -> WebResult<Response> {
    let result = programme::add_session(&state.db, &actor, &id, &input)
        .await
        .map(|_| ());
    back_to_unit(&state, &actor, &visitor, &id, result).await
}

pub async fn add_intention(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(session): Path<String>,
    Form(input): Form<IntentionInput>,
) -> WebResult<Response> {
    match programme::add_intention(&state.db, &actor, &session, &input).await {
        Ok(unit) => back_to_unit(&state, &actor, &visitor, &unit, Ok(())).await,
        Err(ServiceError::Invalid(fields)) => {
            // The session's unit, to show its page again with the errors.
            let mut conn = state
                .db
                .acquire()
                .await
                .map_err(crate::error::WebError::from)?;
            let unit =
                kleur_storage::programme::session_unit(&mut conn, &actor.organisation_id, &session)
                    .await?
                    .unwrap_or_default();
            drop(conn);
            back_to_unit(
                &state,
                &actor,
                &visitor,
                &unit,
                Err(ServiceError::Invalid(fields)),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct RevisitForm {
    #[serde(default)]
    status: String,
}

pub async fn revisit(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RevisitForm>,
) -> WebResult<Response> {
    let unit = programme::revisit(&state.db, &actor, &id, &form.status).await?;
    Ok(Redirect::to(&format!(
        "/programma/onderdelen/{unit}?klaar=programme-saved"
    ))
    .into_response())
}

// ---- ambassadors and the cascade ----

/// One step of drawing the cascade as nested lists: open a list, an item, close them.
pub struct TreeStep {
    pub kind: &'static str,
    pub name: String,
    pub detail: String,
}

fn tree_steps(
    t: Tr,
    nodes: &[CascadeNode],
    names: &std::collections::HashMap<String, String>,
    out: &mut Vec<TreeStep>,
) {
    if nodes.is_empty() {
        return;
    }
    out.push(TreeStep {
        kind: "open",
        name: String::new(),
        detail: String::new(),
    });
    for node in nodes {
        let trained = node.size() - 1;
        let mut detail = Vec::new();
        if let Some(on) = &node.trained_on {
            detail.push(t.arg("programme-trained-on", "date", on));
        }
        if trained > 0 {
            detail.push(t.arg("programme-cascade-count", "count", trained));
        }
        out.push(TreeStep {
            kind: "item",
            name: names.get(&node.person).cloned().unwrap_or_default(),
            detail: detail.join(", "),
        });
        tree_steps(t, &node.children, names, out);
        out.push(TreeStep {
            kind: "end",
            name: String::new(),
            detail: String::new(),
        });
    }
    out.push(TreeStep {
        kind: "close",
        name: String::new(),
        detail: String::new(),
    });
}

#[derive(Template)]
#[template(path = "programme_ambassadors.html")]
struct AmbassadorsPage {
    page: Page,
    ambassadors: Vec<AmbassadorLine>,
    tree: Vec<TreeStep>,
    runs: bool,
    is_ambassador: bool,
    errors: FormErrors,
}

async fn render_ambassadors(
    state: &AppState,
    actor: &Actor,
    page: Page,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let cascade = programme::cascade(&state.db, actor).await?;
    let mut tree = Vec::new();
    tree_steps(t, &cascade.forest, &cascade.names, &mut tree);
    render(
        &AmbassadorsPage {
            ambassadors: cascade
                .ambassadors
                .iter()
                .map(|a| AmbassadorLine {
                    name: a.display_name.clone(),
                    milestones: milestones(t, a),
                })
                .collect(),
            tree,
            runs: cascade.runs,
            is_ambassador: cascade.is_ambassador,
            errors,
            page,
        },
        status,
    )
}

pub async fn ambassadors(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, SECTION).with_notice(notice_from_query(query.klaar.as_deref()));
    render_ambassadors(&state, &actor, page, FormErrors::default(), StatusCode::OK).await
}

async fn back_to_ambassadors(
    state: &AppState,
    actor: &Actor,
    visitor: &crate::Visitor,
    result: Result<(), ServiceError>,
) -> WebResult<Response> {
    match result {
        Ok(()) => Ok(Redirect::to("/programma/ambassadeurs?klaar=programme-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_ambassadors(state, actor, page, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn appoint(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<AmbassadorInput>,
) -> WebResult<Response> {
    let result = programme::appoint(&state.db, &actor, &input).await;
    back_to_ambassadors(&state, &actor, &visitor, result).await
}

pub async fn add_training(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<TrainingInput>,
) -> WebResult<Response> {
    let result = programme::add_training(&state.db, &actor, &input).await;
    back_to_ambassadors(&state, &actor, &visitor, result).await
}

// ---- the adoption dashboard ----

pub struct DashboardLine {
    pub id: String,
    pub name: String,
    pub phase: String,
    pub people: i64,
    pub cells: Vec<String>,
    pub intentions: String,
}

pub struct WeeksLink {
    pub weeks: i64,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "programme_dashboard.html")]
struct DashboardPage {
    page: Page,
    headers: Vec<String>,
    rows: Vec<DashboardLine>,
    windows: Vec<WeeksLink>,
    weeks: i64,
    explanation: String,
}

#[derive(Deserialize, Default)]
pub struct DashboardQuery {
    weken: Option<String>,
}

pub async fn dashboard(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<DashboardQuery>,
) -> WebResult<Response> {
    let weeks = query
        .weken
        .as_deref()
        .and_then(|w| w.trim().parse().ok())
        .filter(|w| programme::DASHBOARD_WEEKS.contains(w))
        .unwrap_or(13);
    let rows = programme::dashboard(&state.db, &actor, weeks).await?;
    let page = Page::new(&visitor, SECTION);
    let t = page.t;
    ok(&DashboardPage {
        headers: programme::MEASURES
            .iter()
            .map(|m| t.get(&format!("programme-measure-{m}")))
            .collect(),
        rows: rows
            .into_iter()
            .map(|r| DashboardLine {
                name: format!("{}{}", "\u{2014} ".repeat(r.depth), r.name),
                id: r.unit_id,
                phase: r
                    .phase
                    .map(|p| t.get(phase_key(p)))
                    .unwrap_or_else(|| t.get("programme-phase-none")),
                people: r.people,
                cells: r
                    .measures
                    .iter()
                    .map(|m| match m {
                        programme::Measure::Shown { people, count } => t.args(
                            "programme-measure-cell",
                            &[
                                ("people", &people.to_string()),
                                ("count", &count.to_string()),
                            ],
                        ),
                        programme::Measure::Suppressed => t.get("checkin-cell-suppressed"),
                    })
                    .collect(),
                intentions: if r.intentions.1 == 0 {
                    "\u{2013}".to_owned()
                } else {
                    t.args(
                        "programme-intentions-kept",
                        &[
                            ("kept", &r.intentions.0.to_string()),
                            ("count", &r.intentions.1.to_string()),
                        ],
                    )
                },
            })
            .collect(),
        windows: programme::DASHBOARD_WEEKS
            .iter()
            .map(|w| WeeksLink {
                weeks: *w,
                label: t.arg("checkin-window", "weeks", w),
                current: *w == weeks,
            })
            .collect(),
        explanation: t.arg(
            "programme-dashboard-intro",
            "minimum",
            kleur_services::checkins::threshold().get(),
        ),
        weeks,
        page,
    })
}
