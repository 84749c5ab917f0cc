//! Internal mobility pages: the overview of open opportunities with filters, "for me" (ranked and
//! explained), one opportunity with interest, the posting form, the shortlist for the poster and
//! HR, and the availability form of the portfolio's ambitions section.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::mobility::{Kind, Status};
use kleur_domain::{Locale, PageRequest};
use kleur_i18n::Tr;
use kleur_services::mobility::{
    self, AvailabilityInput, Candidacy, Explanation, InterestInput, ListFilter, OpportunityInput,
    OpportunityView, OutcomeInput, TalentName,
};
use kleur_services::{Actor, ServiceError};
use kleur_storage::mobility::Opportunity;
use serde::Deserialize;

use super::{FormErrors, Pager, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Project => "mobility-kind-project",
        Kind::Assignment => "mobility-kind-assignment",
        Kind::TemporaryRole => "mobility-kind-temporary_role",
        Kind::Vacancy => "mobility-kind-vacancy",
        Kind::JobRotation => "mobility-kind-job_rotation",
        Kind::Mentoring => "mobility-kind-mentoring",
        Kind::Shadowing => "mobility-kind-shadowing",
    }
}

pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Draft => "mobility-status-draft",
        Status::Published => "mobility-status-published",
        Status::Closed => "mobility-status-closed",
        Status::Filled => "mobility-status-filled",
    }
}

/// An option of a select or a checkbox.
pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// An opportunity in a list, its labels in the visitor's language.
pub struct Line {
    pub id: String,
    pub title: String,
    pub meta: String,
    pub closing_date: String,
}

impl Line {
    fn new(t: Tr, o: &Opportunity, with_status: bool) -> Line {
        let mut parts = vec![t.get(kind_key(mobility::kind_of(o)))];
        if with_status {
            parts.push(t.get(status_key(mobility::status_of(o))));
        }
        parts.push(t.arg("mobility-hours", "hours", o.hours_per_week));
        if let Some(unit) = &o.unit_name {
            parts.push(unit.clone());
        }
        if !o.location.is_empty() {
            parts.push(o.location.clone());
        }
        Line {
            id: o.id.clone(),
            title: o.title.clone(),
            meta: parts.join(" · "),
            closing_date: o.closing_date.clone(),
        }
    }
}

/// An explanation as sentences in the visitor's language.
pub struct Reasons {
    pub score: u8,
    pub matched: Option<String>,
    pub missing: Option<String>,
    pub develop: Option<String>,
    pub ambitions: Option<String>,
    pub time: String,
}

fn names(list: &[TalentName], locale: Locale) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|n| n.name(locale).to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

impl Reasons {
    fn new(t: Tr, e: &Explanation) -> Reasons {
        let time = match (e.hours_fit, e.date_fit) {
            (true, true) => t.get("mobility-reason-time-fits"),
            (false, _) => t.get("mobility-reason-hours-short"),
            (true, false) => t.get("mobility-reason-date-late"),
        };
        Reasons {
            score: e.score,
            matched: names(&e.matched, t.locale),
            missing: names(&e.missing, t.locale),
            develop: names(&e.develop, t.locale),
            ambitions: (!e.ambitions.is_empty()).then(|| e.ambitions.join(", ")),
            time,
        }
    }
}

async fn talent_options(
    state: &AppState,
    actor: &Actor,
    locale: Locale,
    selected: &[String],
) -> WebResult<Vec<SelectOption>> {
    let mut entries = kleur_services::catalogue::active_entries(&state.db, actor, None).await?;
    entries.sort_by(|a, b| a.name(locale).cmp(b.name(locale)));
    Ok(entries
        .iter()
        .map(|e| SelectOption {
            value: e.key.clone(),
            label: e.name(locale).to_owned(),
            selected: selected.contains(&e.key),
        })
        .collect())
}

async fn unit_options(
    state: &AppState,
    actor: &Actor,
    selected: &str,
) -> WebResult<Vec<SelectOption>> {
    Ok(mobility::units(&state.db, actor)
        .await?
        .into_iter()
        .map(|u| SelectOption {
            selected: u.id == selected,
            value: u.id,
            label: u.name,
        })
        .collect())
}

fn kind_options(t: Tr, selected: &str) -> Vec<SelectOption> {
    Kind::ALL
        .iter()
        .map(|k| SelectOption {
            value: k.as_str().to_owned(),
            label: t.get(kind_key(*k)),
            selected: k.as_str() == selected,
        })
        .collect()
}

// ---- overview ----

#[derive(Template)]
#[template(path = "mobility_list.html")]
struct ListPage {
    page: Page,
    lines: Vec<Line>,
    total: u64,
    pager: Pager,
    managed: Vec<Line>,
    can_post: bool,
    search: String,
    kinds: Vec<SelectOption>,
    units: Vec<SelectOption>,
    talents: Vec<SelectOption>,
    filtered: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    zoek: String,
    soort: String,
    onderdeel: String,
    talent: String,
    pagina: Option<String>,
    klaar: Option<String>,
}

fn page_number(text: Option<&str>) -> Option<u32> {
    text.and_then(|p| p.trim().parse().ok())
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<ListQuery>,
) -> WebResult<Response> {
    let page =
        Page::new(&visitor, "mobility").with_notice(notice_from_query(query.klaar.as_deref()));
    let t = page.t;
    let filter = ListFilter {
        kind: query.soort.clone(),
        unit_id: query.onderdeel.clone(),
        talent: query.talent.clone(),
        search: query.zoek.chars().take(200).collect(),
    };
    let request = PageRequest::new(page_number(query.pagina.as_deref()), None);
    let list = mobility::list(&state.db, &actor, &filter, request).await?;
    let managed = mobility::managed_list(&state.db, &actor).await?;
    let pager = Pager::new(
        &list,
        "/kansen",
        &[
            ("zoek", &query.zoek),
            ("soort", &query.soort),
            ("onderdeel", &query.onderdeel),
            ("talent", &query.talent),
        ],
    );
    ok(&ListPage {
        lines: list.items.iter().map(|o| Line::new(t, o, false)).collect(),
        total: list.total,
        pager,
        managed: managed.iter().map(|o| Line::new(t, o, true)).collect(),
        can_post: mobility::can_post(&actor),
        kinds: kind_options(t, &query.soort),
        units: unit_options(&state, &actor, &query.onderdeel).await?,
        talents: talent_options(
            &state,
            &actor,
            t.locale,
            std::slice::from_ref(&query.talent),
        )
        .await?,
        filtered: !(query.zoek.trim().is_empty()
            && query.soort.is_empty()
            && query.onderdeel.is_empty()
            && query.talent.is_empty()),
        search: query.zoek,
        page,
    })
}

// ---- for me ----

pub struct MatchLine {
    pub line: Line,
    pub reasons: Reasons,
    pub interested: bool,
}

#[derive(Template)]
#[template(path = "mobility_matches.html")]
struct MatchesPage {
    page: Page,
    opted_in: bool,
    matches: Vec<MatchLine>,
    pager: Pager,
}

#[derive(Deserialize, Default)]
pub struct PagingQuery {
    pagina: Option<String>,
}

pub async fn for_me(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<PagingQuery>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, "mobility");
    let t = page.t;
    let request = PageRequest::new(page_number(query.pagina.as_deref()), Some(10));
    let mine = mobility::matches_for_me(&state.db, &actor, request).await?;
    let pager = Pager::new(&mine.matches, "/kansen/voor-mij", &[]);
    ok(&MatchesPage {
        opted_in: mine.opted_in,
        matches: mine
            .matches
            .items
            .iter()
            .map(|m| MatchLine {
                line: Line::new(t, &m.opportunity, false),
                reasons: Reasons::new(t, &m.explanation),
                interested: m.interested,
            })
            .collect(),
        pager,
        page,
    })
}

// ---- one opportunity ----

#[derive(Template)]
#[template(path = "mobility_opportunity.html")]
struct OpportunityPage {
    page: Page,
    view: OpportunityView,
    kind_label: String,
    status_label: String,
    required: Option<String>,
    nice: Option<String>,
    reasons: Option<Reasons>,
    motivation: String,
    inform_manager: bool,
    is_poster: bool,
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
    let page =
        Page::new(&visitor, "mobility").with_notice(notice_from_query(query.klaar.as_deref()));
    render_opportunity(
        &state,
        &actor,
        page,
        &id,
        InterestForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn render_opportunity(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: &str,
    form: InterestForm,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let view = mobility::view(&state.db, actor, id).await?;
    let t = page.t;
    let motivation = if form.motivation.is_empty() {
        view.my_interest
            .as_ref()
            .map(|i| i.motivation.clone())
            .unwrap_or_default()
    } else {
        form.motivation
    };
    render(
        &OpportunityPage {
            kind_label: t.get(kind_key(view.kind())),
            status_label: t.get(status_key(view.status())),
            required: names(&view.required, t.locale),
            nice: names(&view.nice, t.locale),
            reasons: view.my_fit.as_ref().map(|e| Reasons::new(t, e)),
            inform_manager: form.inform_manager.is_some(),
            is_poster: view.opportunity.poster_id == actor.person_id,
            motivation,
            view,
            errors,
            page,
        },
        status,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InterestForm {
    motivation: String,
    inform_manager: Option<String>,
}

pub async fn interest(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<InterestForm>,
) -> WebResult<Response> {
    let input = InterestInput {
        motivation: form.motivation.clone(),
        inform_manager: form.inform_manager.is_some(),
    };
    match mobility::express_interest(&state.db, &state.settings, &actor, &id, &input).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/kansen/{id}?klaar=mobility-interest-saved")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "mobility");
            let errors = FormErrors::new(page.t, &fields);
            render_opportunity(
                &state,
                &actor,
                page,
                &id,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    mobility::withdraw_interest(&state.db, &actor, &id).await?;
    Ok(Redirect::to(&format!("/kansen/{id}?klaar=mobility-withdrawn")).into_response())
}

pub async fn publish(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    match mobility::publish(&state.db, &actor, &id).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/kansen/{id}?klaar=mobility-published")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "mobility");
            let errors = FormErrors::new(page.t, &fields);
            render_opportunity(
                &state,
                &actor,
                page,
                &id,
                InterestForm::default(),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}

// ---- the posting form ----

#[derive(Template)]
#[template(path = "mobility_form.html")]
struct FormPage {
    page: Page,
    title: String,
    action: String,
    cancel: String,
    input: OpportunityInput,
    kinds: Vec<SelectOption>,
    units: Vec<SelectOption>,
    required: Vec<SelectOption>,
    nice: Vec<SelectOption>,
    errors: FormErrors,
}

async fn render_form(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: Option<&str>,
    input: OpportunityInput,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let (title, action, cancel) = match id {
        Some(id) => (
            t.get("mobility-edit-title"),
            format!("/kansen/{id}/wijzigen"),
            format!("/kansen/{id}"),
        ),
        None => (
            t.get("mobility-new-title"),
            "/kansen/nieuw".to_owned(),
            "/kansen".to_owned(),
        ),
    };
    render(
        &FormPage {
            kinds: kind_options(t, &input.kind),
            units: unit_options(state, actor, &input.unit_id).await?,
            required: talent_options(state, actor, t.locale, &input.required).await?,
            nice: talent_options(state, actor, t.locale, &input.nice).await?,
            title,
            action,
            cancel,
            input,
            errors,
            page,
        },
        status,
    )
}

/// Parses the posting form by hand: the talent lists repeat their field name.
fn opportunity_input(pairs: Vec<(String, String)>) -> OpportunityInput {
    let mut input = OpportunityInput::default();
    for (key, value) in pairs {
        match key.as_str() {
            "kind" => input.kind = value,
            "title" => input.title = value,
            "description" => input.description = value,
            "hours_per_week" => input.hours_per_week = value,
            "duration_months" => input.duration_months = value,
            "unit_id" => input.unit_id = value,
            "location" => input.location = value,
            "start_date" => input.start_date = value,
            "closing_date" => input.closing_date = value,
            "required" => input.required.push(value),
            "nice" => input.nice.push(value),
            "version" => input.version = value.trim().parse().ok(),
            _ => {}
        }
    }
    input
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    actor.require(mobility::can_post(&actor))?;
    let page = Page::new(&visitor, "mobility");
    let input = OpportunityInput {
        kind: Kind::Project.as_str().to_owned(),
        ..Default::default()
    };
    render_form(
        &state,
        &actor,
        page,
        None,
        input,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let input = opportunity_input(pairs);
    match mobility::create(&state.db, &actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/kansen/{id}?klaar=mobility-saved")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "mobility");
            let errors = FormErrors::new(page.t, &fields);
            render_form(
                &state,
                &actor,
                page,
                None,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let (opportunity, talents) = mobility::editable(&state.db, &actor, &id).await?;
    let page = Page::new(&visitor, "mobility");
    let input = OpportunityInput::from_opportunity(&opportunity, &talents);
    render_form(
        &state,
        &actor,
        page,
        Some(&id),
        input,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let input = opportunity_input(pairs);
    match mobility::update(&state.db, &actor, &id, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/kansen/{id}?klaar=mobility-saved")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "mobility");
            let errors = FormErrors::new(page.t, &fields);
            render_form(
                &state,
                &actor,
                page,
                Some(&id),
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}

// ---- shortlist ----

pub struct CandidateLine {
    pub person_id: String,
    pub name: String,
    pub reasons: Reasons,
    pub motivation: Option<String>,
    pub invited: bool,
}

impl CandidateLine {
    fn list(t: Tr, list: &[Candidacy]) -> Vec<CandidateLine> {
        list.iter()
            .map(|c| CandidateLine {
                person_id: c.person_id.clone(),
                name: c.display_name.clone(),
                reasons: Reasons::new(t, &c.explanation),
                motivation: c.motivation.clone(),
                invited: c.invited,
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "mobility_shortlist.html")]
struct ShortlistPage {
    page: Page,
    id: String,
    title: String,
    status_label: String,
    is_open: bool,
    is_published: bool,
    interested: Vec<CandidateLine>,
    suggested: Vec<CandidateLine>,
    invited_only: Vec<CandidateLine>,
    /// For the outcome form: everyone who could have got it.
    people: Vec<SelectOption>,
    outcome: String,
    note: String,
    errors: FormErrors,
}

pub async fn shortlist(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page =
        Page::new(&visitor, "mobility").with_notice(notice_from_query(query.klaar.as_deref()));
    render_shortlist(
        &state,
        &actor,
        page,
        &id,
        OutcomeInput::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn render_shortlist(
    state: &AppState,
    actor: &Actor,
    page: Page,
    id: &str,
    input: OutcomeInput,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let list = mobility::shortlist(&state.db, actor, id).await?;
    let t = page.t;
    let state_now = mobility::status_of(&list.opportunity);
    let people = list
        .interested
        .iter()
        .chain(&list.invited_only)
        .map(|c| SelectOption {
            value: c.person_id.clone(),
            label: c.display_name.clone(),
            selected: c.person_id == input.person_id,
        })
        .collect();
    render(
        &ShortlistPage {
            id: list.opportunity.id.clone(),
            title: list.opportunity.title.clone(),
            status_label: t.get(status_key(state_now)),
            is_open: !state_now.is_ended(),
            is_published: state_now == Status::Published,
            interested: CandidateLine::list(t, &list.interested),
            suggested: CandidateLine::list(t, &list.suggested),
            invited_only: CandidateLine::list(t, &list.invited_only),
            people,
            outcome: input.outcome,
            note: input.note,
            errors,
            page,
        },
        status,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    person_id: String,
}

pub async fn invite(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<InviteForm>,
) -> WebResult<Response> {
    mobility::invite(
        &state.db,
        &state.settings,
        &actor,
        &id,
        form.person_id.trim(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/kansen/{id}/kandidaten?klaar=mobility-invited-done"
    ))
    .into_response())
}

pub async fn outcome(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<OutcomeInput>,
) -> WebResult<Response> {
    match mobility::record_outcome(&state.db, &state.settings, &actor, &id, &input).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/kansen/{id}?klaar=mobility-outcome-saved")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "mobility");
            let errors = FormErrors::new(page.t, &fields);
            render_shortlist(
                &state,
                &actor,
                page,
                &id,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}

// ---- availability ----

#[derive(Template)]
#[template(path = "mobility_availability.html")]
struct AvailabilityPage {
    page: Page,
    input: AvailabilityInput,
    errors: FormErrors,
}

pub async fn availability_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page =
        Page::new(&visitor, "portfolio").with_notice(notice_from_query(query.klaar.as_deref()));
    let current = mobility::my_availability(&state.db, &actor).await?;
    ok(&AvailabilityPage {
        input: AvailabilityInput {
            open_to_opportunities: current.open_to_opportunities,
            open_to_teams: current.open_to_teams,
            hours_per_week: current
                .hours_per_week
                .map(|h| h.to_string())
                .unwrap_or_default(),
            available_from: current.available_from.unwrap_or_default(),
        },
        errors: FormErrors::default(),
        page,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AvailabilityForm {
    open_to_opportunities: Option<String>,
    open_to_teams: Option<String>,
    hours_per_week: String,
    available_from: String,
}

pub async fn save_availability(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<AvailabilityForm>,
) -> WebResult<Response> {
    let input = AvailabilityInput {
        open_to_opportunities: form.open_to_opportunities.is_some(),
        open_to_teams: form.open_to_teams.is_some(),
        hours_per_week: form.hours_per_week,
        available_from: form.available_from,
    };
    match mobility::set_availability(&state.db, &actor, &input).await {
        Ok(()) => Ok(
            Redirect::to("/portfolio/beschikbaarheid?klaar=mobility-availability-saved")
                .into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "portfolio");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &AvailabilityPage {
                    input,
                    errors,
                    page,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => Err(error.into()),
    }
}
