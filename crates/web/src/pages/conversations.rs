//! The development conversation pages: the overview (own conversations and, for managers, who in
//! the team is due), planning one, the conversation itself (agenda, record, actions,
//! confirmation, private note), and the organisation's cycle for HR.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_i18n::Tr;
use kleur_services::conversations::{
    self, ActionInput, CycleInput, Due, ItemInput, NewInput, RecordInput, View,
};
use kleur_services::{Actor, ServiceError};
use kleur_storage::conversations::Conversation;
use serde::Deserialize;

use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

const SECTION: &str = "conversations";

fn due_key(due: Due) -> &'static str {
    match due {
        Due::Overdue => "conversation-due-overdue",
        Due::Due => "conversation-due-due",
        Due::DueSoon => "conversation-due-soon",
        Due::Planned => "conversation-due-planned",
        Due::OnTrack => "conversation-due-on-track",
    }
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "portfolio" => "conversation-kind-portfolio",
        "goal" => "conversation-kind-goal",
        "feedback" => "conversation-kind-feedback",
        _ => "conversation-kind-topic",
    }
}

fn state_text(t: Tr, c: &Conversation) -> String {
    let confirmed = |v: Option<i64>| v == Some(c.version);
    if c.held_on.is_none() {
        t.get("conversation-state-planned")
    } else if confirmed(c.employee_confirmed) && confirmed(c.manager_confirmed) {
        t.get("conversation-state-confirmed")
    } else {
        t.get("conversation-state-to-confirm")
    }
}

pub struct ConversationLine {
    pub id: String,
    pub with: String,
    pub theme: String,
    pub planned_on: String,
    pub held_on: String,
    pub state: String,
}

pub struct TeamRow {
    pub name: String,
    pub last_held: String,
    pub next_planned: String,
    pub due_on: String,
    pub state: String,
    pub attention: bool,
}

#[derive(Template)]
#[template(path = "conversations.html")]
struct OverviewPage {
    page: Page,
    conversations: Vec<ConversationLine>,
    team: Vec<TeamRow>,
    cycle_text: String,
    themes: Vec<String>,
    sets_cycle: bool,
    can_plan: bool,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, SECTION).with_notice(notice_from_query(query.klaar.as_deref()));
    let t = page.t;
    let list = conversations::list(&state.db, &actor).await?;
    let team = conversations::team(&state.db, &actor).await?;
    let cycle = conversations::cycle(&state.db, &actor).await?;
    let partners = conversations::partners(&state.db, &actor).await?;
    let dash = || "\u{2013}".to_owned();
    ok(&OverviewPage {
        conversations: list
            .iter()
            .map(|c| ConversationLine {
                id: c.id.clone(),
                with: if c.employee_id == actor.person_id {
                    c.manager_name.clone()
                } else {
                    c.employee_name.clone()
                },
                theme: c.theme.clone(),
                planned_on: c.planned_on.clone(),
                held_on: c.held_on.clone().unwrap_or_else(dash),
                state: state_text(t, c),
            })
            .collect(),
        team: team
            .iter()
            .map(|line| TeamRow {
                name: line.display_name.clone(),
                last_held: line.last_held.clone().unwrap_or_else(dash),
                next_planned: line.next_planned.clone().unwrap_or_else(dash),
                due_on: line.due_on.clone().unwrap_or_else(dash),
                state: t.get(due_key(line.state)),
                attention: matches!(line.state, Due::Overdue | Due::Due | Due::DueSoon),
            })
            .collect(),
        cycle_text: t.arg("conversation-cycle-text", "count", cycle.per_year),
        themes: cycle.themes,
        sets_cycle: conversations::sets_cycle(&actor),
        can_plan: !partners.is_empty(),
        page,
    })
}

// ---- planning ----

pub struct PartnerChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "conversation_new.html")]
struct NewPage {
    page: Page,
    partners: Vec<PartnerChoice>,
    themes: Vec<PartnerChoice>,
    free_theme: bool,
    input: NewInput,
    errors: FormErrors,
}

async fn render_new(
    state: &AppState,
    actor: &Actor,
    page: Page,
    input: NewInput,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let partners = conversations::partners(&state.db, actor).await?;
    let cycle = conversations::cycle(&state.db, actor).await?;
    render(
        &NewPage {
            partners: partners
                .iter()
                .map(|p| PartnerChoice {
                    value: p.employee_id.clone(),
                    label: if p.is_self {
                        t.arg("conversation-with-my-manager", "name", &p.label)
                    } else {
                        p.label.clone()
                    },
                    selected: p.employee_id == input.employee_id,
                })
                .collect(),
            themes: cycle
                .themes
                .iter()
                .map(|theme| PartnerChoice {
                    value: theme.clone(),
                    label: theme.clone(),
                    selected: *theme == input.theme,
                })
                .collect(),
            free_theme: cycle.themes.is_empty(),
            input,
            errors,
            page,
        },
        status,
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    render_new(
        &state,
        &actor,
        Page::new(&visitor, SECTION),
        NewInput::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<NewInput>,
) -> WebResult<Response> {
    match conversations::create(&state.db, &actor, &input).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/gesprekken/{id}?klaar=conversation-planned")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_new(
                &state,
                &actor,
                page,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

// ---- one conversation ----

pub struct AgendaLine {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub link: Option<String>,
    pub removable: bool,
}

pub struct ActionLine {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due_on: String,
    pub done: bool,
}

pub struct ShareChoice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "conversation.html")]
struct ConversationPage {
    page: Page,
    view: View,
    with: String,
    agenda: Vec<AgendaLine>,
    actions: Vec<ActionLine>,
    shareable: Vec<ShareChoice>,
    confirmation: String,
    can_confirm: bool,
    record: RecordInput,
    action: ActionInput,
    topic: String,
    note: String,
    errors: FormErrors,
}

#[derive(Default)]
struct Typed {
    record: Option<RecordInput>,
    action: ActionInput,
    topic: String,
    note: Option<String>,
}

async fn render_conversation(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: &str,
    typed: Typed,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let view = conversations::view(&state.db, actor, id).await?;
    let c = &view.conversation;
    let confirmation = match (
        c.held_on.is_some(),
        view.confirmed_by_me,
        view.confirmed_by_other,
    ) {
        (false, _, _) => t.get("conversation-confirm-not-held"),
        (true, true, true) => t.get("conversation-confirmed-both"),
        (true, true, false) => t.get("conversation-confirmed-me"),
        (true, false, true) => t.get("conversation-confirmed-other"),
        (true, false, false) => t.get("conversation-confirmed-none"),
    };
    let record = typed.record.unwrap_or_else(|| RecordInput {
        held_on: c.held_on.clone().unwrap_or_default(),
        agreements: c.agreements.clone(),
        version: c.version.to_string(),
    });
    render(
        &ConversationPage {
            with: if view.as_employee {
                c.manager_name.clone()
            } else {
                c.employee_name.clone()
            },
            agenda: view
                .agenda
                .iter()
                .map(|item| AgendaLine {
                    id: item.id.clone(),
                    kind: t.get(kind_key(&item.kind)),
                    title: item
                        .title
                        .clone()
                        .unwrap_or_else(|| t.get("conversation-item-hidden")),
                    link: item.link.clone(),
                    removable: item.mine,
                })
                .collect(),
            actions: view
                .actions
                .iter()
                .map(|a| ActionLine {
                    id: a.id.clone(),
                    text: a.text.clone(),
                    owner: if a.owner == "employee" {
                        c.employee_name.clone()
                    } else {
                        c.manager_name.clone()
                    },
                    due_on: a.due_on.clone().unwrap_or_default(),
                    done: a.done != 0,
                })
                .collect(),
            shareable: view
                .shareable
                .iter()
                .map(|s| ShareChoice {
                    value: format!("{}:{}", s.kind, s.id),
                    label: format!("{}: {}", t.get(kind_key(s.kind)), s.title),
                })
                .collect(),
            confirmation,
            can_confirm: c.held_on.is_some() && !view.confirmed_by_me,
            record,
            action: typed.action,
            topic: typed.topic,
            note: typed.note.unwrap_or_else(|| view.my_note.clone()),
            errors,
            view,
            page,
        },
        status,
    )
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, SECTION).with_notice(notice_from_query(query.klaar.as_deref()));
    render_conversation(
        &state,
        &actor,
        page,
        &id,
        Typed::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Redirects back to the conversation on success, or shows it again with the errors.
async fn after(
    state: &AppState,
    actor: &Actor,
    visitor: &crate::Visitor,
    id: &str,
    result: kleur_services::Result<()>,
    (notice, anchor): (&str, &str),
    typed: Typed,
) -> WebResult<Response> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/gesprekken/{id}?klaar={notice}#{anchor}")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render_conversation(
                state,
                actor,
                page,
                id,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_item(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<ItemInput>,
) -> WebResult<Response> {
    let result = conversations::add_item(&state.db, &actor, &id, &input).await;
    let typed = Typed {
        topic: input.text,
        ..Typed::default()
    };
    after(
        &state,
        &actor,
        &visitor,
        &id,
        result,
        ("conversation-saved", "agenda"),
        typed,
    )
    .await
}

pub async fn remove_item(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path((id, item)): Path<(String, String)>,
) -> WebResult<Response> {
    conversations::remove_item(&state.db, &actor, &id, &item).await?;
    Ok(Redirect::to(&format!("/gesprekken/{id}?klaar=conversation-saved#agenda")).into_response())
}

pub async fn save_record(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<RecordInput>,
) -> WebResult<Response> {
    let result = conversations::save_record(&state.db, &actor, &id, &input).await;
    let typed = Typed {
        record: Some(input),
        ..Typed::default()
    };
    after(
        &state,
        &actor,
        &visitor,
        &id,
        result,
        ("conversation-saved", "verslag"),
        typed,
    )
    .await
}

pub async fn add_action(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<ActionInput>,
) -> WebResult<Response> {
    let result = conversations::add_action(&state.db, &actor, &id, &input).await;
    let typed = Typed {
        action: input,
        ..Typed::default()
    };
    after(
        &state,
        &actor,
        &visitor,
        &id,
        result,
        ("conversation-saved", "acties"),
        typed,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
}

pub async fn action_done(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path((id, action)): Path<(String, String)>,
    Form(form): Form<DoneForm>,
) -> WebResult<Response> {
    conversations::set_action_done(&state.db, &actor, &id, &action, form.done == "1").await?;
    Ok(Redirect::to(&format!("/gesprekken/{id}?klaar=conversation-saved#acties")).into_response())
}

#[derive(Deserialize, Default)]
pub struct ConfirmForm {
    #[serde(default)]
    version: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ConfirmForm>,
) -> WebResult<Response> {
    let result = conversations::confirm(&state.db, &actor, &id, &form.version).await;
    after(
        &state,
        &actor,
        &visitor,
        &id,
        result,
        ("conversation-confirmed", "bevestigen"),
        Typed::default(),
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

pub async fn save_note(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> WebResult<Response> {
    let result = conversations::save_note(&state.db, &actor, &id, &form.note).await;
    let typed = Typed {
        note: Some(form.note),
        ..Typed::default()
    };
    after(
        &state,
        &actor,
        &visitor,
        &id,
        result,
        ("conversation-note-saved", "notitie"),
        typed,
    )
    .await
}

// ---- the cycle (HR) ----

#[derive(Template)]
#[template(path = "conversation_cycle.html")]
struct CyclePage {
    page: Page,
    input: CycleInput,
    errors: FormErrors,
}

pub async fn cycle_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    actor.require(conversations::sets_cycle(&actor))?;
    let cycle = conversations::cycle(&state.db, &actor).await?;
    ok(&CyclePage {
        page: Page::new(&visitor, SECTION),
        input: CycleInput {
            per_year: cycle.per_year.to_string(),
            themes: cycle.themes.join("\n"),
        },
        errors: FormErrors::default(),
    })
}

pub async fn save_cycle(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<CycleInput>,
) -> WebResult<Response> {
    match conversations::set_cycle(&state.db, &actor, &input).await {
        Ok(()) => Ok(Redirect::to("/gesprekken?klaar=conversation-cycle-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, SECTION);
            let errors = FormErrors::new(page.t, &fields);
            render(
                &CyclePage {
                    page,
                    input,
                    errors,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}
