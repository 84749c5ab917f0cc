//! The check-in pages: the employee's own check-in with trend and settings, the summaries shared
//! with a manager, and the aggregates for HR and management.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::Locale;
use kleur_domain::checkin::{Cell, Dimension, Rhythm, SHARE_WEEKS};
use kleur_i18n::Tr;
use kleur_services::checkins::{self, CheckinInput, SettingsInput};
use kleur_services::{Actor, ServiceError};
use serde::Deserialize;

use super::portfolio::Choice;
use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

const SECTION: &str = "checkin";

pub fn dimension_key(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Energy => "checkin-energy",
        Dimension::Workload => "checkin-workload",
        Dimension::Stress => "checkin-stress",
        Dimension::Autonomy => "checkin-autonomy",
        Dimension::Learning => "checkin-learning",
    }
}

fn rhythm_key(rhythm: Rhythm) -> &'static str {
    match rhythm {
        Rhythm::Weekly => "checkin-rhythm-weekly",
        Rhythm::Fortnightly => "checkin-rhythm-fortnightly",
        Rhythm::Monthly => "checkin-rhythm-monthly",
    }
}

/// A number with one decimal, with the decimal comma in Dutch.
pub fn decimal(t: Tr, value: f64) -> String {
    let text = format!("{value:.1}");
    if t.locale == Locale::Nl {
        text.replace('.', ",")
    } else {
        text
    }
}

/// One question of the form: its five labelled answers.
pub struct Question {
    pub name: &'static str,
    pub label: String,
    pub options: Vec<Choice>,
}

fn questions(t: Tr, input: &CheckinInput) -> Vec<Question> {
    Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let name = dimension.as_str();
            let chosen = input.value(dimension).trim();
            Question {
                name,
                label: t.get(&format!("{}-question", dimension_key(dimension))),
                options: ["1", "2", "3", "4", "5"]
                    .into_iter()
                    .map(|value| Choice {
                        value,
                        label: format!(
                            "{} – {}",
                            value,
                            t.get(&format!("{}-{value}", dimension_key(dimension)))
                        ),
                        checked: chosen == value,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A server-drawn line chart of one question over the window (decorative; the table below
/// carries the same figures).
pub struct Chart {
    pub label: String,
    /// `x,y` pairs for the polyline.
    pub line: String,
    pub dots: Vec<(String, String)>,
}

pub const CHART_WIDTH: f64 = 320.0;
pub const CHART_HEIGHT: f64 = 110.0;
const CHART_LEFT: f64 = 24.0;
const CHART_TOP: f64 = 10.0;

fn y_of(score: f64) -> f64 {
    CHART_TOP + (5.0 - score) / 4.0 * (CHART_HEIGHT - 2.0 * CHART_TOP)
}

/// Gridlines for the scores 1–5: (y, label).
pub fn gridlines() -> Vec<(String, u8)> {
    (1..=5u8)
        .map(|score| (format!("{:.1}", y_of(f64::from(score))), score))
        .collect()
}

fn charts(t: Tr, overview: &checkins::Overview) -> Vec<Chart> {
    let start = chrono::NaiveDate::parse_from_str(&overview.window_start, "%Y-%m-%d").ok();
    let end = chrono::NaiveDate::parse_from_str(&overview.today, "%Y-%m-%d").ok();
    let span = match (start, end) {
        (Some(s), Some(e)) => (e - s).num_days().max(1) as f64,
        _ => 1.0,
    };
    let x_of = |day: &str| {
        let offset = match (
            start,
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        ) {
            (Some(s), Some(d)) => (d - s).num_days() as f64,
            _ => 0.0,
        };
        CHART_LEFT + offset / span * (CHART_WIDTH - CHART_LEFT - 8.0)
    };
    Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let points: Vec<(String, String)> = overview
                .checkins
                .iter()
                .map(|c| {
                    let score = f64::from(c.scores()[dimension.index()]);
                    (
                        format!("{:.1}", x_of(&c.checked_on)),
                        format!("{:.1}", y_of(score)),
                    )
                })
                .collect();
            Chart {
                label: t.get(dimension_key(dimension)),
                line: points
                    .iter()
                    .map(|(x, y)| format!("{x},{y}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                dots: points,
            }
        })
        .collect()
}

pub struct Row {
    pub id: String,
    pub date: String,
    pub scores: [u8; 5],
    pub note: String,
}

pub struct WindowLink {
    pub weeks: i64,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "checkin.html")]
struct CheckinPage {
    page: Page,
    headers: Vec<String>,
    questions: Vec<Question>,
    note: String,
    replaces_today: bool,
    status: String,
    has_settings: bool,
    sharing: String,
    charts: Vec<Chart>,
    grid: Vec<(String, u8)>,
    rows: Vec<Row>,
    windows: Vec<WindowLink>,
    weeks: i64,
    is_manager: bool,
    sees_aggregates: bool,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct OverviewQuery {
    weken: Option<String>,
    klaar: Option<String>,
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<OverviewQuery>,
) -> WebResult<Response> {
    let weeks = query
        .weken
        .as_deref()
        .and_then(|w| w.trim().parse().ok())
        .unwrap_or(checkins::TREND_WEEKS[1]);
    let page = Page::new(&visitor, SECTION).with_notice(notice_from_query(query.klaar.as_deref()));
    render_overview(
        &state,
        &actor,
        page,
        weeks,
        None,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn render_overview(
    state: &AppState,
    actor: &Actor,
    page: Page,
    weeks: i64,
    input: Option<CheckinInput>,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let overview = checkins::overview(&state.db, actor, weeks).await?;
    let input = input.unwrap_or_else(|| {
        overview
            .today_checkin
            .as_ref()
            .map(CheckinInput::from_checkin)
            .unwrap_or_default()
    });
    let rhythm = t.get(rhythm_key(overview.rhythm));
    let status_text = if overview.due {
        t.arg("checkin-status-due", "rhythm", &rhythm)
    } else {
        t.arg("checkin-status-done", "rhythm", &rhythm)
    };
    let sharing = match &overview.settings {
        Some(s) if s.share_weeks > 0 && s.share_notes => {
            t.arg("checkin-sharing-notes", "weeks", s.share_weeks)
        }
        Some(s) if s.share_weeks > 0 => t.arg("checkin-sharing-averages", "weeks", s.share_weeks),
        _ => t.get("checkin-sharing-none"),
    };
    let rows = overview
        .checkins
        .iter()
        .rev()
        .map(|c| Row {
            id: c.id.clone(),
            date: c.checked_on.clone(),
            scores: c.scores(),
            note: c.note.clone(),
        })
        .collect();
    render(
        &CheckinPage {
            headers: Dimension::ALL
                .into_iter()
                .map(|d| t.get(dimension_key(d)))
                .collect(),
            questions: questions(t, &input),
            note: input.note.clone(),
            replaces_today: overview.today_checkin.is_some(),
            status: status_text,
            has_settings: overview.settings.is_some(),
            sharing,
            charts: charts(t, &overview),
            grid: gridlines(),
            rows,
            windows: checkins::TREND_WEEKS
                .into_iter()
                .map(|w| WindowLink {
                    weeks: w,
                    label: t.arg("checkin-window", "weeks", w),
                    current: w == overview.weeks,
                })
                .collect(),
            weeks: overview.weeks,
            is_manager: actor.roles.has(kleur_domain::Role::Manager),
            sees_aggregates: checkins::sees_aggregates(actor),
            errors,
            page,
        },
        status,
    )
}

pub async fn save(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<CheckinInput>,
) -> WebResult<Response> {
    match checkins::save(&state.db, &actor, &input).await {
        Ok(()) => Ok(Redirect::to("/check-in?klaar=checkin-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_overview(
                &state,
                &actor,
                page,
                checkins::TREND_WEEKS[1],
                Some(input),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    checkins::remove(&state.db, &actor, &id).await?;
    Ok(Redirect::to("/check-in?klaar=checkin-removed").into_response())
}

// ---- settings ----

#[derive(Template)]
#[template(path = "checkin_settings.html")]
struct SettingsPage {
    page: Page,
    rhythms: Vec<Choice>,
    reminders: bool,
    shares: Vec<Choice>,
    share_notes: bool,
    errors: FormErrors,
}

fn render_settings(
    page: Page,
    input: &SettingsInput,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let rhythms = Rhythm::ALL
        .into_iter()
        .map(|r| Choice {
            value: r.as_str(),
            label: t.get(rhythm_key(r)),
            checked: input.rhythm.trim() == r.as_str(),
        })
        .collect();
    const SHARE_VALUES: [&str; 4] = ["0", "4", "8", "12"];
    let shares = SHARE_WEEKS
        .into_iter()
        .zip(SHARE_VALUES)
        .map(|(weeks, value)| Choice {
            value,
            label: if weeks == 0 {
                t.get("checkin-share-nothing")
            } else {
                t.arg("checkin-share-weeks", "weeks", weeks)
            },
            checked: input.share_weeks.trim() == value,
        })
        .collect();
    render(
        &SettingsPage {
            rhythms,
            reminders: !input.reminders.trim().is_empty(),
            shares,
            share_notes: !input.share_notes.trim().is_empty(),
            errors,
            page,
        },
        status,
    )
}

pub async fn settings_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let overview = checkins::overview(&state.db, &actor, checkins::TREND_WEEKS[0]).await?;
    let input = SettingsInput::from_settings(overview.settings.as_ref());
    render_settings(
        Page::new(&visitor, SECTION),
        &input,
        FormErrors::default(),
        StatusCode::OK,
    )
}

pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<SettingsInput>,
) -> WebResult<Response> {
    match checkins::save_settings(&state.db, &actor, &input).await {
        Ok(()) => Ok(Redirect::to("/check-in?klaar=checkin-settings-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_settings(page, &input, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(other) => Err(other.into()),
    }
}

// ---- the manager's view ----

pub struct SharedLine {
    pub name: String,
    pub summary: String,
    pub averages: Vec<String>,
    pub notes: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "checkin_team.html")]
struct TeamPage {
    page: Page,
    headers: Vec<String>,
    shared: Vec<SharedLine>,
    aggregate: Option<Vec<String>>,
    aggregate_text: String,
}

fn cell_values(t: Tr, cell: &Cell) -> Option<Vec<String>> {
    match cell {
        Cell::Shown { means, .. } => Some(means.iter().map(|m| decimal(t, *m)).collect()),
        _ => None,
    }
}

pub async fn team(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let view = checkins::team(&state.db, &actor).await?;
    let page = Page::new(&visitor, SECTION);
    let t = page.t;
    let threshold = checkins::threshold().get();
    let aggregate_text = match &view.aggregate {
        Cell::Shown { people, .. } => t.args(
            "checkin-team-aggregate",
            &[
                ("weeks", &view.weeks.to_string()),
                ("people", &people.to_string()),
            ],
        ),
        Cell::Suppressed => t.arg("checkin-team-suppressed", "minimum", threshold),
        Cell::Empty => t.arg("checkin-team-empty", "weeks", view.weeks),
    };
    ok(&TeamPage {
        headers: Dimension::ALL
            .into_iter()
            .map(|d| t.get(dimension_key(d)))
            .collect(),
        shared: view
            .shared
            .iter()
            .map(|s| SharedLine {
                name: s.display_name.clone(),
                summary: t.args(
                    "checkin-shared-summary",
                    &[
                        ("weeks", &s.weeks.to_string()),
                        ("count", &s.checkins.to_string()),
                    ],
                ),
                averages: s
                    .averages
                    .map(|a| a.iter().map(|m| decimal(t, *m)).collect())
                    .unwrap_or_default(),
                notes: s.notes.clone(),
            })
            .collect(),
        aggregate: cell_values(t, &view.aggregate),
        aggregate_text,
        page,
    })
}

// ---- HR and management ----

pub struct UnitLine {
    pub name: String,
    pub cells: Vec<String>,
}

pub struct DimensionLink {
    pub value: &'static str,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "checkin_organisation.html")]
struct OrganisationPage {
    page: Page,
    dimension_label: String,
    dimensions: Vec<DimensionLink>,
    months: Vec<String>,
    units: Vec<UnitLine>,
    totals: Vec<String>,
    explanation: String,
}

#[derive(Deserialize, Default)]
pub struct OrganisationQuery {
    vraag: Option<String>,
}

fn cell_text(t: Tr, cell: &Cell, dimension: Dimension) -> String {
    match cell {
        Cell::Shown { people, means, .. } => t.args(
            "checkin-cell",
            &[
                ("mean", &decimal(t, means[dimension.index()])),
                ("people", &people.to_string()),
            ],
        ),
        Cell::Suppressed => t.get("checkin-cell-suppressed"),
        Cell::Empty => t.get("checkin-cell-empty"),
    }
}

pub async fn organisation(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<OrganisationQuery>,
) -> WebResult<Response> {
    let view = checkins::organisation(&state.db, &actor).await?;
    let dimension = Dimension::ALL
        .into_iter()
        .find(|d| Some(d.as_str()) == query.vraag.as_deref().map(str::trim))
        .unwrap_or(Dimension::Energy);
    let page = Page::new(&visitor, SECTION);
    let t = page.t;
    ok(&OrganisationPage {
        dimension_label: t.get(dimension_key(dimension)),
        dimensions: Dimension::ALL
            .into_iter()
            .map(|d| DimensionLink {
                value: d.as_str(),
                label: t.get(dimension_key(d)),
                current: d == dimension,
            })
            .collect(),
        months: view.months.clone(),
        units: view
            .units
            .iter()
            .map(|u| UnitLine {
                name: format!("{}{}", "\u{2014} ".repeat(u.depth), u.name),
                cells: u.cells.iter().map(|c| cell_text(t, c, dimension)).collect(),
            })
            .collect(),
        totals: view
            .totals
            .iter()
            .map(|c| cell_text(t, c, dimension))
            .collect(),
        explanation: t.arg("checkin-organisation-intro", "minimum", view.threshold),
        page,
    })
}
