//! 360° feedback pages: the employee's rounds and report, and the raters' form behind a link.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::feedback::{Agreement, Johari, RaterGroup, Threshold};
use kleur_services::ServiceError;
use kleur_services::feedback::{
    self, AnswerForm, LinkProblem, RaterKey, Report, ReportItem, RoundInput, RoundOverview,
    Submitted,
};

use super::portfolio::FormField;
use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, Visitor};
use crate::error::{WebError, WebResult};

fn status_key(status: &str) -> &'static str {
    if status == "open" {
        "feedback-status-open"
    } else {
        "feedback-status-closed"
    }
}

pub fn group_key(group: RaterGroup) -> &'static str {
    match group {
        RaterGroup::Own => "feedback-group-self",
        RaterGroup::Manager => "feedback-group-manager",
        RaterGroup::Peer => "feedback-group-peer",
        RaterGroup::DirectReport => "feedback-group-direct-report",
        RaterGroup::External => "feedback-group-external",
        RaterGroup::Others => "feedback-group-others",
    }
}

#[derive(Template)]
#[template(path = "feedback.html")]
struct OverviewPage {
    page: Page,
    rounds: Vec<RoundOverview>,
    requests: Vec<(String, String)>,
    /// Reports shared with the actor as manager: (round id, label).
    shared: Vec<(String, String)>,
    /// Rounds the actor's manager proposed, waiting for consent: (id, label).
    proposals: Vec<(String, String)>,
    /// The organisation allows manager proposals and the actor manages someone.
    can_propose: bool,
    /// What became of the actor's own proposals: labels.
    proposed: Vec<String>,
}

impl OverviewPage {
    fn status_key(&self, status: &str) -> &'static str {
        status_key(status)
    }
    fn answered(&self, overview: &RoundOverview) -> String {
        let others = overview
            .progress
            .iter()
            .filter(|p| p.group != RaterGroup::Own);
        let (invited, submitted) =
            others.fold((0, 0), |(i, s), p| (i + p.invited, s + p.submitted));
        format!("{submitted} / {invited}")
    }
}

/// Confirmations the overview shows (`?klaar=…`).
fn overview_notice(value: Option<&str>) -> Option<&'static str> {
    const NOTICES: [&str; 2] = [
        "feedback-proposal-sent",
        "feedback-proposal-declined-notice",
    ];
    let value = value?;
    NOTICES.iter().find(|n| **n == value).copied()
}

pub async fn overview(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    axum::extract::Query(query): axum::extract::Query<RoundQuery>,
) -> WebResult<Response> {
    let rounds = feedback::my_rounds(&state.db, &actor).await?;
    let page = Page::new(&visitor, "feedback").with_notice(overview_notice(query.klaar.as_deref()));
    let requests = feedback::my_requests(&state.db, &actor)
        .await?
        .into_iter()
        .map(|(id, title, name)| {
            (
                id,
                page.t.args(
                    "feedback-request-line",
                    &[("name", &name), ("title", &title)],
                ),
            )
        })
        .collect();
    let shared = feedback::shared_with_me(&state.db, &actor)
        .await?
        .into_iter()
        .map(|(round, name)| {
            (
                round.id,
                page.t.args(
                    "feedback-shared-line",
                    &[("name", &name), ("title", &round.title)],
                ),
            )
        })
        .collect();
    let proposals = feedback::proposals_for_me(&state.db, &actor)
        .await?
        .into_iter()
        .map(|p| {
            (
                p.round.id.clone(),
                page.t.args(
                    "feedback-proposal-line",
                    &[("name", &p.proposed_by), ("title", &p.round.title)],
                ),
            )
        })
        .collect();
    let can_propose = feedback::manager_rounds_enabled(&state.db, &actor).await?
        && !feedback::team_of(&state.db, &actor).await?.is_empty();
    let proposed = feedback::my_proposals(&state.db, &actor)
        .await?
        .into_iter()
        .map(|(_, title, status, name)| {
            let status = page.t.get(match status.as_str() {
                "proposed" => "feedback-proposal-waiting",
                "declined" => "feedback-proposal-declined",
                _ => "feedback-proposal-accepted",
            });
            page.t.args(
                "feedback-proposed-line",
                &[("name", &name), ("title", &title), ("status", &status)],
            )
        })
        .collect();
    ok(&OverviewPage {
        page,
        rounds,
        requests,
        shared,
        proposals,
        can_propose,
        proposed,
    })
}

#[derive(Template)]
#[template(path = "feedback_new.html")]
struct NewRoundPage {
    page: Page,
    fields: Vec<FormField>,
    manager_checked: bool,
    threshold: usize,
    errors: FormErrors,
    /// (id, name, checked) of the questionnaires the employee may choose; the assigned one is
    /// preselected.
    questionnaires: Vec<(String, String, bool)>,
    /// Why a group will be merged or hidden, shown with "start anyway".
    small_groups: Option<String>,
    max_per_group: usize,
    /// The manager's proposal being accepted with this form, if any.
    proposal: String,
}

/// The round's own fields, shared by the employee's start form and the manager's proposal.
fn round_fields(t: &kleur_i18n::Tr, input: &RoundInput) -> Vec<FormField> {
    let field = |name: &'static str,
                 label: &str,
                 hint: Option<&str>,
                 kind: &'static str,
                 value: &str,
                 multiline: bool| FormField {
        name,
        label: t.get(label),
        hint: hint.map(|h| t.get(h)),
        kind,
        value: value.to_owned(),
        max: 0,
        multiline,
        list: None,
    };
    vec![
        field(
            "title",
            "feedback-field-title",
            None,
            "text",
            &input.title,
            false,
        ),
        field(
            "deadline",
            "feedback-field-deadline",
            Some("feedback-field-deadline-hint"),
            "date",
            &input.deadline,
            false,
        ),
        field(
            "peers",
            "feedback-field-peers",
            Some("feedback-field-addresses-hint"),
            "text",
            &input.peers,
            true,
        ),
        field(
            "direct_reports",
            "feedback-field-direct-reports",
            Some("feedback-field-addresses-hint"),
            "text",
            &input.direct_reports,
            true,
        ),
        field(
            "externals",
            "feedback-field-externals",
            Some("feedback-field-externals-hint"),
            "text",
            &input.externals,
            true,
        ),
    ]
}

async fn new_round_page(
    state: &AppState,
    actor: &kleur_services::Actor,
    page: Page,
    input: &RoundInput,
    mut errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let t = page.t;
    let small_groups = errors
        .for_field(feedback::SMALL_GROUPS_FIELD)
        .map(str::to_owned);
    errors
        .items
        .retain(|e| e.field != feedback::SMALL_GROUPS_FIELD);
    let (available, assigned) = feedback::questionnaires_for(&state.db, actor).await?;
    let chosen = if input.questionnaire.trim().is_empty() {
        assigned
    } else {
        input.questionnaire.trim().to_owned()
    };
    let questionnaires = available
        .into_iter()
        .map(|q| {
            let name = match t.locale {
                kleur_domain::Locale::Nl => q.name_nl,
                kleur_domain::Locale::En => q.name_en,
            };
            let checked = q.id == chosen;
            (q.id, name, checked)
        })
        .collect();
    let fields = round_fields(&t, input);
    let manager_checked = matches!(input.manager.as_str(), "ja" | "true" | "on");
    render(
        &NewRoundPage {
            page,
            fields,
            manager_checked,
            threshold: Threshold::DEFAULT.get(),
            errors,
            questionnaires,
            small_groups,
            max_per_group: feedback::MAX_RATERS_PER_GROUP,
            proposal: input.proposal.clone(),
        },
        status,
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let input = RoundInput {
        manager: "ja".into(),
        ..Default::default()
    };
    new_round_page(
        &state,
        &actor,
        Page::new(&visitor, "feedback"),
        &input,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<RoundInput>,
) -> WebResult<Response> {
    match feedback::start_round(&state.db, &state.settings, &actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/feedback/rondes/{id}")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "feedback");
            let errors = FormErrors::new(page.t, &fields);
            new_round_page(
                &state,
                &actor,
                page,
                &input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "feedback_round.html")]
struct RoundPage {
    page: Page,
    overview: RoundOverview,
    report: Option<Report>,
    errors: FormErrors,
    /// False for a manager reading a report shared with them: no progress, no forms.
    owner: bool,
    /// The employee's name, for a manager's view.
    subject_name: Option<String>,
}

impl RoundPage {
    fn status_key(&self) -> &'static str {
        status_key(&self.overview.round.status)
    }
    fn group_key(&self, group: &RaterGroup) -> &'static str {
        group_key(*group)
    }
    fn group_label(&self, group: &Option<RaterGroup>) -> String {
        match group {
            Some(group) => self.page.t.get(group_key(*group)),
            None => self.page.t.get("feedback-group-others"),
        }
    }
    fn agreement_key(&self, agreement: &Agreement) -> &'static str {
        match agreement {
            Agreement::OverEstimator => "feedback-agreement-over",
            Agreement::UnderEstimator => "feedback-agreement-under",
            Agreement::InAgreement => "feedback-agreement-in",
        }
    }
    fn johari_key(&self, johari: &Johari) -> &'static str {
        match johari {
            Johari::BlindSpot => "feedback-johari-blind-spot",
            Johari::HiddenStrength => "feedback-johari-hidden-strength",
            Johari::OpenStrength => "feedback-johari-open-strength",
            Johari::Agreement => "feedback-johari-agreement",
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
    /// A horizontal bar chart of the means, drawn on the server. Decorative for assistive
    /// technology: the table below it carries the same figures.
    fn chart(&self, entry: &ReportItem) -> String {
        let scale = f64::from(self.report.as_ref().map_or(5, |r| r.scale));
        let mut bars: Vec<(String, f64)> = entry
            .aggregate
            .groups
            .iter()
            .map(|g| (self.group_label(&g.group), g.mean))
            .collect();
        if let Some(others) = &entry.aggregate.others {
            bars.push((self.page.t.get("feedback-group-all-others"), others.mean));
        }
        let row = 26.0;
        let height = row * bars.len() as f64 + 24.0;
        let (left, width) = (170.0, 300.0);
        let mut svg = format!(
            "<svg class=\"kleur-chart\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 {} {height}\" width=\"100%\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
            left + width + 50.0
        );
        for point in 1..=(scale as u32) {
            let x = left + width * (f64::from(point) - 1.0) / (scale - 1.0).max(1.0);
            svg.push_str(&format!(
                "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#bbbbbb\" stroke-width=\"1\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">{point}</text>",
                height - 16.0,
                height - 2.0
            ));
        }
        for (index, (label, mean)) in bars.iter().enumerate() {
            let y = index as f64 * row + 4.0;
            let length = width * (mean - 1.0).max(0.0) / (scale - 1.0).max(1.0);
            let colour = if index == 0 && entry.own.is_some() {
                "#8a3c00"
            } else {
                "#154273"
            };
            svg.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text><rect x=\"{left}\" y=\"{y:.1}\" width=\"{length:.1}\" height=\"18\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
                left - 8.0,
                y + 14.0,
                escape(label),
                left + length + 6.0,
                y + 14.0,
                self.one_decimal(mean)
            ));
        }
        svg.push_str("</svg>");
        svg
    }
}

impl RoundPage {
    /// A line chart of the trend: the employee's own view (dashed) and the others' (solid) per
    /// round. Decorative for assistive technology: the table below carries the same figures.
    fn trend_chart(&self, trend: &feedback::TrendItem) -> String {
        let scale = f64::from(self.report.as_ref().map_or(5, |r| r.scale));
        let (left, top, width, height) = (40.0, 10.0, 420.0, 150.0);
        let count = trend.points.len().max(2) as f64;
        let x = |index: usize| left + width * index as f64 / (count - 1.0);
        let y = |value: f64| top + height * (scale - value) / (scale - 1.0).max(1.0);
        let mut svg = format!(
            "<svg class=\"kleur-chart\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 {} {}\" width=\"100%\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
            left + width + 20.0,
            top + height + 30.0,
            top + height + 30.0
        );
        for point in 1..=(scale as u32) {
            let py = y(f64::from(point));
            svg.push_str(&format!(
                "<line x1=\"{left}\" y1=\"{py:.1}\" x2=\"{:.1}\" y2=\"{py:.1}\" stroke=\"#bbbbbb\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#333333\">{point}</text>",
                left + width,
                left - 8.0,
                py + 4.0
            ));
        }
        for (index, point) in trend.points.iter().enumerate() {
            svg.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">{}</text>",
                x(index),
                top + height + 22.0,
                escape(&point.date)
            ));
        }
        let mut line = |values: Vec<Option<f64>>, colour: &str, dash: &str| {
            let coords: Vec<String> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
                .collect();
            if coords.len() > 1 {
                svg.push_str(&format!(
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"{dash}/>",
                    coords.join(" ")
                ));
            }
            for coord in coords {
                let (cx, cy) = coord.split_once(',').unwrap_or(("0", "0"));
                svg.push_str(&format!(
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"5\" fill=\"{colour}\"/>"
                ));
            }
        };
        line(
            trend.points.iter().map(|p| p.others).collect(),
            "#154273",
            "",
        );
        line(
            trend.points.iter().map(|p| p.own).collect(),
            "#8a3c00",
            " stroke-dasharray=\"6 4\"",
        );
        svg.push_str("</svg>");
        svg
    }
    fn maybe(&self, value: &Option<f64>) -> String {
        match value {
            Some(v) => self.one_decimal(v),
            None => self.page.t.get("feedback-trend-none"),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub async fn round(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<RoundQuery>,
) -> WebResult<Response> {
    let overview = match feedback::my_round(&state.db, &actor, &id).await {
        Ok(overview) => overview,
        // Not one's own round: perhaps a report shared with the actor as manager.
        Err(ServiceError::NotFound) => {
            let (round, report) = feedback::shared_report(&state.db, &actor, &id).await?;
            let subject_name = feedback::shared_with_me(&state.db, &actor)
                .await?
                .into_iter()
                .find(|(r, _)| r.id == round.id)
                .map(|(_, name)| name);
            return ok(&RoundPage {
                page: Page::new(&visitor, "feedback"),
                overview: RoundOverview {
                    round,
                    progress: Vec::new(),
                    invitees: Vec::new(),
                    reminded: false,
                },
                report: Some(report),
                errors: FormErrors::default(),
                owner: false,
                subject_name,
            });
        }
        Err(other) => return Err(other.into()),
    };
    let report = if overview.round.status == "closed" {
        Some(feedback::report(&state.db, &actor, &id).await?)
    } else {
        None
    };
    ok(&RoundPage {
        page: Page::new(&visitor, "feedback").with_notice(round_notice(query.klaar.as_deref())),
        overview,
        report,
        errors: FormErrors::default(),
        owner: true,
        subject_name: None,
    })
}

pub async fn close(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    match feedback::close_round(&state.db, &actor, &id).await {
        Ok(()) | Err(ServiceError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/feedback/rondes/{id}")).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "feedback_answer.html")]
struct AnswerPage {
    page: Page,
    form: AnswerForm,
    token: String,
    saved: bool,
    errors: FormErrors,
}

impl AnswerPage {
    fn points(&self) -> Vec<u8> {
        (1..=self.form.scale).collect()
    }
    fn checked(&self, key: &str, point: &u8) -> bool {
        self.form.draft.ratings.get(key).copied().flatten() == Some(*point)
    }
    fn cannot_judge(&self, key: &str) -> bool {
        matches!(self.form.draft.ratings.get(key), Some(None))
    }
    fn comment(&self, key: &str) -> String {
        self.form
            .draft
            .comments
            .get(key)
            .cloned()
            .unwrap_or_default()
    }
    fn point_label(&self, point: &u8) -> String {
        match *point {
            1 => self.page.t.get("feedback-point-1"),
            p if p == self.form.scale => self.page.t.arg("feedback-point-max", "value", p),
            p => p.to_string(),
        }
    }
    fn intro_key(&self) -> &'static str {
        match self.form.group {
            RaterGroup::Own => "feedback-answer-intro-self",
            RaterGroup::Manager => "feedback-answer-intro-manager",
            _ => "feedback-answer-intro-anonymous",
        }
    }
}

#[derive(Template)]
#[template(path = "feedback_message.html")]
struct MessagePage {
    page: Page,
    title: String,
    text: String,
}

fn link_problem(visitor: &Visitor, problem: LinkProblem) -> WebResult<Response> {
    let page = Page::new(visitor, "feedback");
    let (title, text, status) = match problem {
        LinkProblem::Unknown => (
            "feedback-link-unknown-title",
            "feedback-link-unknown",
            StatusCode::NOT_FOUND,
        ),
        LinkProblem::Revoked => (
            "feedback-link-revoked-title",
            "feedback-link-revoked",
            StatusCode::GONE,
        ),
        LinkProblem::Expired => (
            "feedback-link-expired-title",
            "feedback-link-expired",
            StatusCode::GONE,
        ),
        LinkProblem::Used => (
            "feedback-link-used-title",
            "feedback-link-used",
            StatusCode::CONFLICT,
        ),
        LinkProblem::Closed => (
            "feedback-link-closed-title",
            "feedback-link-closed",
            StatusCode::CONFLICT,
        ),
    };
    let template = MessagePage {
        title: page.t.get(title),
        text: page.t.get(text),
        page,
    };
    render(&template, status)
}

fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit())
}

async fn show_form(
    state: &AppState,
    visitor: &Visitor,
    key: RaterKey<'_>,
    target: String,
) -> WebResult<Response> {
    match feedback::answer_form(&state.db, key).await? {
        Ok(form) => ok(&AnswerPage {
            page: Page::new(visitor, "feedback"),
            form,
            token: target,
            saved: false,
            errors: FormErrors::default(),
        }),
        Err(problem) => link_problem(visitor, problem),
    }
}

pub async fn answer_form(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if !plausible_token(&token) {
        return link_problem(&visitor, LinkProblem::Unknown);
    }
    show_form(&state, &visitor, RaterKey::Token(&token), token.clone()).await
}

pub async fn request_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    show_form(
        &state,
        &visitor,
        RaterKey::Invitation {
            actor: &actor,
            invitation_id: &id,
        },
        format!("verzoek-{id}"),
    )
    .await
}

async fn submit(
    state: &AppState,
    visitor: &Visitor,
    key: RaterKey<'_>,
    target: String,
    fields: Vec<(String, String)>,
) -> WebResult<Response> {
    let form = match feedback::answer_form(&state.db, key).await? {
        Ok(form) => form,
        Err(problem) => return link_problem(visitor, problem),
    };
    let final_submit = fields.iter().any(|(k, v)| k == "actie" && v == "versturen");
    let page = Page::new(visitor, "feedback");
    let answers = match feedback::answers_from_fields(&form, &fields) {
        Ok(answers) => answers,
        Err(errors) => {
            let errors = FormErrors::new(page.t, &errors);
            return render(
                &AnswerPage {
                    page,
                    form,
                    token: target,
                    saved: false,
                    errors,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match feedback::save_answers(&state.db, key, &answers, final_submit).await {
        Ok(Ok(Submitted::Final)) => {
            let template = MessagePage {
                title: page.t.get("feedback-thanks-title"),
                text: page.t.get("feedback-thanks"),
                page,
            };
            ok(&template)
        }
        Ok(Ok(Submitted::Draft)) => {
            let mut form = form;
            form.draft = answers;
            ok(&AnswerPage {
                page,
                form,
                token: target,
                saved: true,
                errors: FormErrors::default(),
            })
        }
        Ok(Err(problem)) => link_problem(visitor, problem),
        Err(ServiceError::Invalid(fields)) => {
            let errors = FormErrors::new(page.t, &fields);
            let mut form = form;
            form.draft = answers;
            render(
                &AnswerPage {
                    page,
                    form,
                    token: target,
                    saved: false,
                    errors,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn answer(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    if let Some(id) = token.strip_prefix("verzoek-") {
        let Some(actor) = visitor.actor.clone() else {
            return Err(WebError::SignInRequired);
        };
        return submit(
            &state,
            &visitor,
            RaterKey::Invitation {
                actor: &actor,
                invitation_id: id,
            },
            token.clone(),
            fields,
        )
        .await;
    }
    if !plausible_token(&token) {
        return link_problem(&visitor, LinkProblem::Unknown);
    }
    submit(
        &state,
        &visitor,
        RaterKey::Token(&token),
        token.clone(),
        fields,
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct DeadlineForm {
    #[serde(default)]
    deadline: String,
}

pub async fn extend(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<DeadlineForm>,
) -> WebResult<Response> {
    match feedback::extend_deadline(&state.db, &actor, &id, &form.deadline).await {
        Ok(()) => Ok(Redirect::to(&format!("/feedback/rondes/{id}")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let overview = feedback::my_round(&state.db, &actor, &id).await?;
            let page = Page::new(&visitor, "feedback");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &RoundPage {
                    page,
                    overview,
                    report: None,
                    errors,
                    owner: true,
                    subject_name: None,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(serde::Deserialize)]
pub struct ShareForm {
    #[serde(default)]
    gedeeld: String,
}

pub async fn share(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ShareForm>,
) -> WebResult<Response> {
    let shared = match form.gedeeld.as_str() {
        "ja" => true,
        "nee" => false,
        _ => return Err(WebError::BadRequest),
    };
    match feedback::share_with_manager(&state.db, &actor, &id, shared).await {
        Ok(()) | Err(ServiceError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/feedback/rondes/{id}")).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// Confirmations the round page shows (`?klaar=…`).
fn round_notice(value: Option<&str>) -> Option<&'static str> {
    const NOTICES: [&str; 2] = ["feedback-reminded", "feedback-revoked"];
    let value = value?;
    NOTICES.iter().find(|n| **n == value).copied()
}

#[derive(serde::Deserialize, Default)]
pub struct RoundQuery {
    klaar: Option<String>,
}

/// Re-renders the owner's round page with an error (reminding or withdrawing refused).
async fn round_with_errors(
    state: &AppState,
    actor: &kleur_services::Actor,
    visitor: &Visitor,
    id: &str,
    fields: &[kleur_services::FieldError],
) -> WebResult<Response> {
    let overview = feedback::my_round(&state.db, actor, id).await?;
    let page = Page::new(visitor, "feedback");
    let errors = FormErrors::new(page.t, fields);
    let report = if overview.round.status == "closed" {
        Some(feedback::report(&state.db, actor, id).await?)
    } else {
        None
    };
    render(
        &RoundPage {
            page,
            overview,
            report,
            errors,
            owner: true,
            subject_name: None,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

pub async fn remind(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    match feedback::remind_now(&state.db, &state.settings, &actor, &id).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/feedback/rondes/{id}?klaar=feedback-reminded")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            round_with_errors(&state, &actor, &visitor, &id, &fields).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path((id, invitation)): Path<(String, String)>,
) -> WebResult<Response> {
    match feedback::revoke_invitation(&state.db, &actor, &id, &invitation).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/feedback/rondes/{id}?klaar=feedback-revoked")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            round_with_errors(&state, &actor, &visitor, &id, &fields).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "feedback_propose.html")]
struct ProposePage {
    page: Page,
    team: Vec<(String, String, bool)>,
    fields: Vec<FormField>,
    manager_checked: bool,
    errors: FormErrors,
}

#[derive(serde::Deserialize, Default)]
pub struct ProposeForm {
    #[serde(default)]
    subject: String,
    #[serde(flatten)]
    input: RoundInput,
}

async fn propose_page(
    state: &AppState,
    actor: &kleur_services::Actor,
    page: Page,
    form: &ProposeForm,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    if !feedback::manager_rounds_enabled(&state.db, actor).await? {
        return Err(WebError::Forbidden);
    }
    let team = feedback::team_of(&state.db, actor).await?;
    if team.is_empty() {
        return Err(WebError::Forbidden);
    }
    let t = page.t;
    let input = &form.input;
    let fields = round_fields(&t, input);
    let team = team
        .into_iter()
        .map(|(id, name)| {
            let selected = id == form.subject;
            (id, name, selected)
        })
        .collect();
    render(
        &ProposePage {
            page,
            team,
            fields,
            manager_checked: matches!(input.manager.as_str(), "ja" | "true" | "on"),
            errors,
        },
        status,
    )
}

pub async fn propose_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let form = ProposeForm {
        input: RoundInput {
            manager: "ja".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    propose_page(
        &state,
        &actor,
        Page::new(&visitor, "feedback"),
        &form,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn propose(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<ProposeForm>,
) -> WebResult<Response> {
    match feedback::propose_round(
        &state.db,
        &state.settings,
        &actor,
        &form.subject,
        &form.input,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/feedback?klaar=feedback-proposal-sent").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "feedback");
            let errors = FormErrors::new(page.t, &fields);
            propose_page(
                &state,
                &actor,
                page,
                &form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "feedback_proposal.html")]
struct ProposalPage {
    page: Page,
    proposal: feedback::Proposal,
    questionnaire: String,
}

impl ProposalPage {
    fn list(&self, text: &str) -> Vec<String> {
        text.split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
    fn manager_invited(&self) -> bool {
        matches!(self.proposal.input.manager.trim(), "ja" | "true" | "on")
    }
}

pub async fn proposal(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let proposal = feedback::proposal_for_me(&state.db, &actor, &id).await?;
    let page = Page::new(&visitor, "feedback");
    let (available, _) = feedback::questionnaires_for(&state.db, &actor).await?;
    let questionnaire = available
        .into_iter()
        .find(|q| q.id == proposal.input.questionnaire)
        .map(|q| match page.t.locale {
            kleur_domain::Locale::Nl => q.name_nl,
            kleur_domain::Locale::En => q.name_en,
        })
        .unwrap_or_default();
    ok(&ProposalPage {
        page,
        proposal,
        questionnaire,
    })
}

/// The employee consents: the proposal goes through the same start as a round of their own
/// (all checks, the small-group warning); only then are invitations sent.
pub async fn accept_proposal(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let proposal = feedback::proposal_for_me(&state.db, &actor, &id).await?;
    let mut input = proposal.input;
    input.proposal = id;
    match feedback::start_round(&state.db, &state.settings, &actor, &input).await {
        Ok(round) => Ok(Redirect::to(&format!("/feedback/rondes/{round}")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "feedback");
            let errors = FormErrors::new(page.t, &fields);
            new_round_page(
                &state,
                &actor,
                page,
                &input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn decline_proposal(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    feedback::decline_proposal(&state.db, &actor, &id).await?;
    Ok(Redirect::to("/feedback?klaar=feedback-proposal-declined-notice").into_response())
}

#[derive(serde::Deserialize)]
pub struct InsightForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    naar: String,
}

/// Turns an item of one's own report into a private talent or personal goal, then opens it for
/// editing.
pub async fn insight(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<InsightForm>,
) -> WebResult<Response> {
    let target = match form.naar.as_str() {
        "talent" => feedback::InsightTarget::Talent,
        "doel" => feedback::InsightTarget::Goal,
        _ => return Err(WebError::BadRequest),
    };
    let path = feedback::insight_to(&state.db, &actor, &id, form.item.trim(), target).await?;
    Ok(Redirect::to(&path).into_response())
}

/// A signed-in employee's page context outside a request, for benchmarks.
fn bench_page(locale: kleur_domain::Locale) -> Page {
    let visitor = Visitor {
        actor: Some(kleur_services::Actor {
            organisation_id: "org".into(),
            person_id: "subject".into(),
            display_name: "Daan de Vries".into(),
            roles: kleur_domain::Roles::new(vec![kleur_domain::Role::Employee]),
            locale: Some(locale),
        }),
        csrf: "0".repeat(64),
        locale,
        request_id: String::new(),
        path: "/feedback/rondes/round".into(),
    };
    Page::new(&visitor, "feedback")
}

/// The report page of a closed round as its owner sees it, rendered outside a request. Public
/// (hidden) for the criterion benchmark of page rendering.
#[doc(hidden)]
pub fn report_page_html(
    report: Report,
    locale: kleur_domain::Locale,
) -> Result<String, askama::Error> {
    RoundPage {
        page: bench_page(locale),
        overview: RoundOverview {
            round: report.round.clone(),
            progress: Vec::new(),
            invitees: Vec::new(),
            reminded: false,
        },
        report: Some(report),
        errors: FormErrors::default(),
        owner: true,
        subject_name: None,
    }
    .render()
}

/// A trivial page (title and one paragraph in the same layout), the benchmark's baseline.
#[doc(hidden)]
pub fn message_page_html(locale: kleur_domain::Locale) -> Result<String, askama::Error> {
    let page = bench_page(locale);
    MessagePage {
        title: page.t.get("feedback-thanks-title"),
        text: page.t.get("feedback-thanks"),
        page,
    }
    .render()
}
