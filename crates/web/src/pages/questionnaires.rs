//! Feedback questionnaires for HR advisers and administrators: list, build from the catalogue,
//! change (a new version), assign to a function title, team or unit. Everyone else gets 403.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::catalogue::Entry;
use kleur_services::feedback::{QuestionItem, items_of};
use kleur_services::questionnaires::{self, Overview, QuestionnaireInput, SCALES, Targets};
use kleur_services::{Actor, ServiceError};
use kleur_storage::feedback::Assignment;
use serde::Deserialize;

use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn};
use crate::error::{WebError, WebResult};

const LIST_PATH: &str = "/beheer/vragenlijsten";

fn require_manager(actor: &Actor) -> WebResult<()> {
    if questionnaires::can_manage(actor) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

fn notice(value: Option<&str>) -> Option<&'static str> {
    const NOTICES: [&str; 5] = [
        "questionnaire-created",
        "questionnaire-saved",
        "questionnaire-assigned",
        "questionnaire-unassigned",
        "feedback-settings-saved",
    ];
    let value = value?;
    NOTICES.iter().find(|n| **n == value).copied()
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

/// How an assignment reads: "Function: Adviseur", "Team of Sanne", "Unit: Burgerzaken".
fn assignment_label(page: &Page, targets: &Targets, assignment: &Assignment) -> String {
    let (key, name) = match assignment.target_kind.as_str() {
        "function" => (
            "questionnaire-target-function",
            targets
                .functions
                .iter()
                .find(|f| f.to_lowercase() == assignment.target)
                .cloned()
                .unwrap_or_else(|| assignment.target.clone()),
        ),
        "team" => (
            "questionnaire-target-team",
            targets
                .teams
                .iter()
                .find(|(id, _)| *id == assignment.target)
                .map(|(_, name)| name.clone())
                .unwrap_or_else(|| assignment.target.clone()),
        ),
        _ => (
            "questionnaire-target-unit",
            targets
                .units
                .iter()
                .find(|(id, _)| *id == assignment.target)
                .map(|(_, name)| name.clone())
                .unwrap_or_else(|| assignment.target.clone()),
        ),
    };
    page.t.arg(key, "name", &name)
}

pub struct Row {
    pub id: String,
    pub name: String,
    pub version: i64,
    pub rating_items: usize,
    pub open_items: usize,
    pub assigned: Vec<String>,
}

#[derive(Template)]
#[template(path = "questionnaires.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    manager_rounds: bool,
}

fn name(page: &Page, overview: &Overview) -> String {
    match page.t.locale {
        kleur_domain::Locale::Nl => overview.questionnaire.name_nl.clone(),
        kleur_domain::Locale::En => overview.questionnaire.name_en.clone(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let page = Page::new(&visitor, "questionnaires").with_notice(notice(query.klaar.as_deref()));
    let overviews = questionnaires::list(&state.db, &actor).await?;
    let targets = questionnaires::targets(&state.db, &actor).await?;
    let rows = overviews
        .iter()
        .map(|o| Row {
            id: o.questionnaire.id.clone(),
            name: name(&page, o),
            version: o.questionnaire.version,
            rating_items: o.rating_items,
            open_items: o.open_items,
            assigned: o
                .assignments
                .iter()
                .map(|a| assignment_label(&page, &targets, a))
                .collect(),
        })
        .collect();
    let manager_rounds =
        kleur_services::feedback::manager_rounds_enabled(&state.db, &actor).await?;
    ok(&ListPage {
        page,
        rows,
        manager_rounds,
    })
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "questionnaire_form.html")]
struct FormPage {
    page: Page,
    title: String,
    action: String,
    input: QuestionnaireInput,
    scales: Vec<Choice>,
    /// Items of the current version (editing only), with whether they stay.
    current: Vec<(QuestionItem, bool)>,
    /// Catalogue talents not yet in the questionnaire, with whether they are ticked.
    talents: Vec<(Entry, bool)>,
    errors: FormErrors,
}

impl FormPage {
    fn item_text(&self, item: &QuestionItem) -> String {
        item.text(&self.page.t.locale).to_owned()
    }
    fn entry_name(&self, entry: &Entry) -> String {
        entry.name(self.page.t.locale).to_owned()
    }
    /// (number, Dutch, English) of each open-question slot.
    fn slots(&self) -> Vec<(usize, String, String)> {
        (0..questionnaires::OPEN_SLOTS)
            .map(|index| {
                let (nl, en) = self.input.open.get(index).cloned().unwrap_or_default();
                (index + 1, nl, en)
            })
            .collect()
    }
    fn slot_error(&self, number: &usize) -> Option<&str> {
        self.errors.for_field(&format!("open_nl_{number}"))
    }
    fn is_rating(&self, item: &QuestionItem) -> bool {
        item.is_rating()
    }
}

struct FormView {
    existing: Option<(String, Vec<QuestionItem>)>,
    input: QuestionnaireInput,
    errors: FormErrors,
    status: StatusCode,
}

async fn render_form(
    state: &AppState,
    actor: &Actor,
    page: Page,
    view: FormView,
) -> WebResult<Response> {
    let FormView {
        existing,
        input,
        errors,
        status,
    } = view;
    let catalogue = kleur_services::catalogue::active_entries(&state.db, actor, None).await?;
    let (title, action, current) = match &existing {
        Some((id, items)) => (
            page.t.get("questionnaire-edit-title"),
            format!("{LIST_PATH}/{id}/wijzigen"),
            items
                .iter()
                .map(|i| (i.clone(), input.keep.contains(&i.key)))
                .collect::<Vec<_>>(),
        ),
        None => (
            page.t.get("questionnaire-new-title"),
            format!("{LIST_PATH}/nieuw"),
            Vec::new(),
        ),
    };
    let mut talents: Vec<(Entry, bool)> = catalogue
        .into_iter()
        .filter(|e| !current.iter().any(|(i, _)| i.key == e.key))
        .map(|e| {
            let ticked = input.talents.contains(&e.key);
            (e, ticked)
        })
        .collect();
    let locale = page.t.locale;
    talents.sort_by(|a, b| a.0.name(locale).cmp(b.0.name(locale)));
    let scales = SCALES
        .iter()
        .map(|s| Choice {
            value: s.to_string(),
            label: page.t.arg("questionnaire-scale-option", "count", *s),
            selected: input.scale.trim() == s.to_string(),
        })
        .collect();
    render(
        &FormPage {
            page,
            title,
            action,
            input,
            scales,
            current,
            talents,
            errors,
        },
        status,
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let input = QuestionnaireInput {
        scale: "5".into(),
        open: vec![(String::new(), String::new()); questionnaires::OPEN_SLOTS],
        ..Default::default()
    };
    render_form(
        &state,
        &actor,
        Page::new(&visitor, "questionnaires"),
        FormView {
            existing: None,
            input,
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let input = QuestionnaireInput::from_fields(&fields);
    match questionnaires::create(&state.db, &actor, &input).await {
        Ok(id) => Ok(
            Redirect::to(&format!("{LIST_PATH}/{id}?klaar=questionnaire-created")).into_response(),
        ),
        Err(ServiceError::Invalid(errors)) => {
            let page = Page::new(&visitor, "questionnaires");
            let errors = FormErrors::new(page.t, &errors);
            render_form(
                &state,
                &actor,
                page,
                FormView {
                    existing: None,
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

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let (overview, _) = questionnaires::get(&state.db, &actor, &id).await?;
    let input = QuestionnaireInput::of(&overview.questionnaire);
    render_form(
        &state,
        &actor,
        Page::new(&visitor, "questionnaires"),
        FormView {
            existing: Some((id, items_of(&overview.questionnaire))),
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
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let input = QuestionnaireInput::from_fields(&fields);
    match questionnaires::update(&state.db, &actor, &id, &input).await {
        Ok(()) => Ok(
            Redirect::to(&format!("{LIST_PATH}/{id}?klaar=questionnaire-saved")).into_response(),
        ),
        Err(ServiceError::Invalid(errors)) => {
            let (overview, _) = questionnaires::get(&state.db, &actor, &id).await?;
            let page = Page::new(&visitor, "questionnaires");
            let errors = FormErrors::new(page.t, &errors);
            render_form(
                &state,
                &actor,
                page,
                FormView {
                    existing: Some((id, items_of(&overview.questionnaire))),
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

#[derive(Template)]
#[template(path = "questionnaire.html")]
struct ShowPage {
    page: Page,
    id: String,
    name: String,
    version: i64,
    versions: Vec<i64>,
    scale: i64,
    items: Vec<QuestionItem>,
    /// (kind, stored target, label) of each assignment.
    assignments: Vec<(String, String, String)>,
    targets: Targets,
    errors: FormErrors,
}

impl ShowPage {
    fn item_text(&self, item: &QuestionItem) -> String {
        item.text(&self.page.t.locale).to_owned()
    }
    fn kind_key(&self, item: &QuestionItem) -> &'static str {
        if item.is_rating() {
            "questionnaire-kind-rating"
        } else {
            "questionnaire-kind-open"
        }
    }
    fn earlier_versions(&self) -> String {
        self.versions
            .iter()
            .filter(|v| **v != self.version)
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn show_page(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: &str,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let (overview, versions) = questionnaires::get(&state.db, actor, id).await?;
    let targets = questionnaires::targets(&state.db, actor).await?;
    let assignments = overview
        .assignments
        .iter()
        .map(|a| {
            (
                a.target_kind.clone(),
                a.target.clone(),
                assignment_label(&page, &targets, a),
            )
        })
        .collect();
    render(
        &ShowPage {
            name: name(&page, &overview),
            id: overview.questionnaire.id.clone(),
            version: overview.questionnaire.version,
            scale: overview.questionnaire.scale_points,
            items: items_of(&overview.questionnaire),
            versions,
            assignments,
            targets,
            errors,
            page,
        },
        status,
    )
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let page = Page::new(&visitor, "questionnaires").with_notice(notice(query.klaar.as_deref()));
    show_page(
        &state,
        &actor,
        page,
        &id,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    soort: String,
    #[serde(default)]
    doel: String,
}

pub async fn assign(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<AssignForm>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    match questionnaires::assign(&state.db, &actor, &id, &form.soort, &form.doel).await {
        Ok(()) => Ok(
            Redirect::to(&format!("{LIST_PATH}/{id}?klaar=questionnaire-assigned")).into_response(),
        ),
        Err(ServiceError::Invalid(errors)) => {
            let page = Page::new(&visitor, "questionnaires");
            let errors = FormErrors::new(page.t, &errors);
            show_page(
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

pub async fn unassign(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<AssignForm>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    questionnaires::unassign(&state.db, &actor, &id, &form.soort, &form.doel).await?;
    Ok(Redirect::to(&format!("{LIST_PATH}/{id}?klaar=questionnaire-unassigned")).into_response())
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    manager_rounds: String,
}

/// HR turns manager-proposed rounds on or off for the organisation.
pub async fn settings(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Form(form): Form<SettingsForm>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let on = match form.manager_rounds.as_str() {
        "ja" => true,
        "nee" => false,
        _ => return Err(WebError::BadRequest),
    };
    kleur_services::feedback::set_manager_rounds(&state.db, &actor, on).await?;
    Ok(Redirect::to(&format!("{LIST_PATH}?klaar=feedback-settings-saved")).into_response())
}

#[derive(Template)]
#[template(path = "feedback_hr.html")]
struct AggregatesPage {
    page: Page,
    units: Vec<kleur_services::feedback_hr::UnitAggregate>,
    threshold: usize,
}

impl AggregatesPage {
    fn text(&self, item: &kleur_services::feedback_hr::ItemAggregate) -> String {
        match self.page.t.locale {
            kleur_domain::Locale::Nl => item.text_nl.clone(),
            kleur_domain::Locale::En => item.text_en.clone(),
        }
    }
    fn one_decimal(&self, value: &f64) -> String {
        let text = format!("{value:.1}");
        if self.page.t.locale == kleur_domain::Locale::Nl {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

/// HR's aggregates of closed rounds per unit, above the threshold only.
pub async fn aggregates(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let (units, threshold) =
        kleur_services::feedback_hr::unit_aggregates(&state.db, &actor).await?;
    ok(&AggregatesPage {
        page: Page::new(&visitor, "questionnaires"),
        units,
        threshold,
    })
}
