//! The portfolio pages: one's own (editable) and a colleague's (what they chose to share).

use askama::Template;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::PageRequest;
use kleur_domain::portfolio::{Section, Visibility};
use kleur_i18n::Tr;
use kleur_services::ServiceError;
use kleur_services::portfolio::{self, ItemInput, ItemView, PortfolioView};
use serde::Deserialize;

use super::{FormErrors, Pager, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn};
use crate::error::{WebError, WebResult};

pub fn section_key(section: Section) -> &'static str {
    match section {
        Section::Values => "portfolio-section-values",
        Section::Talents => "portfolio-section-talents",
        Section::CoreQualities => "portfolio-section-core-qualities",
        Section::Passions => "portfolio-section-passions",
        Section::WorkingStyle => "portfolio-section-working-style",
        Section::Ambitions => "portfolio-section-ambitions",
        Section::Results => "portfolio-section-results",
        Section::Reflections => "portfolio-section-reflections",
    }
}

fn section_hint_key(section: Section) -> &'static str {
    match section {
        Section::Values => "portfolio-hint-values",
        Section::Talents => "portfolio-hint-talents",
        Section::CoreQualities => "portfolio-hint-core-qualities",
        Section::Passions => "portfolio-hint-passions",
        Section::WorkingStyle => "portfolio-hint-working-style",
        Section::Ambitions => "portfolio-hint-ambitions",
        Section::Results => "portfolio-hint-results",
        Section::Reflections => "portfolio-hint-reflections",
    }
}

fn add_key(section: Section) -> &'static str {
    match section {
        Section::Values => "portfolio-add-values",
        Section::Talents => "portfolio-add-talents",
        Section::CoreQualities => "portfolio-add-core-qualities",
        Section::Passions => "portfolio-add-passions",
        Section::WorkingStyle => "portfolio-add-working-style",
        Section::Ambitions => "portfolio-add-ambitions",
        Section::Results => "portfolio-add-results",
        Section::Reflections => "portfolio-add-reflections",
    }
}

pub fn visibility_key(visibility: Visibility) -> &'static str {
    match visibility {
        Visibility::Private => "visibility-private",
        Visibility::Manager => "visibility-manager",
        Visibility::Team => "visibility-team",
        Visibility::Organisation => "visibility-organisation",
    }
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "certificate" => "portfolio-kind-certificate",
        "testimonial" => "portfolio-kind-testimonial",
        _ => "portfolio-kind-result",
    }
}

fn open_to_key(value: &str) -> &'static str {
    match value {
        "roles" => "portfolio-open-roles",
        "units" => "portfolio-open-units",
        "projects" => "portfolio-open-projects",
        _ => "portfolio-open-mentoring",
    }
}

#[derive(Template)]
#[template(path = "portfolio.html")]
struct PortfolioPage {
    page: Page,
    title: String,
    view: PortfolioView,
    undo_item: Option<String>,
}

impl PortfolioPage {
    fn section_hint_key(&self, section: &Section) -> &'static str {
        section_hint_key(*section)
    }
    fn add_key(&self, section: &Section) -> &'static str {
        add_key(*section)
    }
}

impl ItemLabels for PortfolioPage {
    fn tr(&self) -> kleur_i18n::Tr {
        self.page.t
    }
}

/// The labels an item's details need, shared by the portfolio page and its printable version.
trait ItemLabels {
    fn tr(&self) -> kleur_i18n::Tr;

    fn section_key(&self, section: &Section) -> &'static str {
        section_key(*section)
    }
    fn visibility_key(&self, visibility: Visibility) -> &'static str {
        visibility_key(visibility)
    }
    fn kind_key(&self, kind: &str) -> &'static str {
        kind_key(kind)
    }
    fn open_to_text(&self, values: &[String]) -> String {
        let t = self.tr();
        values
            .iter()
            .map(|v| t.get(open_to_key(v)))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn kilobytes(&self, bytes: &i64) -> String {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

#[derive(Deserialize, Default)]
pub struct PortfolioQuery {
    klaar: Option<String>,
    herstel: Option<String>,
}

pub async fn own(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<PortfolioQuery>,
) -> WebResult<Response> {
    let view = portfolio::view(&state.db, &actor, &actor.person_id).await?;
    let page = Page::new(&visitor, "portfolio")
        .with_notice(crate::context::notice_from_query(query.klaar.as_deref()));
    let undo_item = query
        .herstel
        .filter(|id| id.len() <= 64 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
    let title = page.t.get("portfolio-title-own");
    ok(&PortfolioPage {
        page,
        title,
        view,
        undo_item,
    })
}

pub async fn colleague(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(person_id): Path<String>,
) -> WebResult<Response> {
    if person_id == actor.person_id {
        return Ok(Redirect::to("/portfolio").into_response());
    }
    let view = portfolio::view(&state.db, &actor, &person_id).await?;
    let page = Page::new(&visitor, "portfolio");
    let title = page
        .t
        .arg("portfolio-title-of", "name", &view.owner.display_name);
    ok(&PortfolioPage {
        page,
        title,
        view,
        undo_item: None,
    })
}

pub struct FormField {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub kind: &'static str,
    pub value: String,
    pub max: usize,
    pub multiline: bool,
    pub list: Option<&'static str>,
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "portfolio_item_form.html")]
struct ItemFormPage {
    page: Page,
    title: String,
    action: String,
    section: Section,
    version: Option<i64>,
    item_id: Option<String>,
    /// Kept through edits and suggestions, so an item stays linked to its catalogue entry.
    catalogue_key: String,
    fields: Vec<FormField>,
    suggestions: Vec<String>,
    suggestion_message: Option<String>,
    open_to: Vec<Choice>,
    kinds: Vec<Choice>,
    visibilities: Vec<Choice>,
    files: Vec<kleur_storage::portfolio::FileMeta>,
    /// Reflections: goals and own feedback rounds the entry can be linked to.
    goal_options: Vec<LinkOption>,
    round_options: Vec<LinkOption>,
    errors: FormErrors,
}

pub struct LinkOption {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

impl ItemFormPage {
    fn section_hint_key(&self) -> &'static str {
        section_hint_key(self.section)
    }
}

struct FormState {
    section: Section,
    input: ItemInput,
    item: Option<ItemView>,
    errors: FormErrors,
    suggestion_message: Option<String>,
    status: StatusCode,
}

async fn render_form(
    app: &AppState,
    actor: &kleur_services::Actor,
    page: Page,
    state: FormState,
) -> WebResult<Response> {
    let t = page.t;
    let FormState {
        section,
        input,
        item,
        errors,
        suggestion_message,
        status,
    } = state;
    let field =
        |name: &'static str, label: &str, value: &str, max: usize, multiline: bool| FormField {
            name,
            label: t.get(label),
            hint: None,
            kind: "text",
            value: value.to_owned(),
            max,
            multiline,
            list: None,
        };
    let mut title_field = field("title", title_label(section), &input.title, 200, false);
    if matches!(section, Section::Talents | Section::CoreQualities) {
        title_field.list = Some("catalogus");
        title_field.hint = Some(t.get("portfolio-catalogue-hint"));
    }
    let mut fields = vec![
        title_field,
        field("body", body_label(section), &input.body, 5000, true),
    ];
    match section {
        Section::Talents => {
            fields.push(field(
                "situation",
                "portfolio-field-situation",
                &input.situation,
                1000,
                true,
            ));
            fields.push(field(
                "result",
                "portfolio-field-result",
                &input.result,
                1000,
                true,
            ));
            fields.push(field(
                "witness",
                "portfolio-field-witness",
                &input.witness,
                200,
                false,
            ));
            for (name, label) in [
                ("strength", "portfolio-field-strength"),
                ("enjoyment", "portfolio-field-enjoyment"),
            ] {
                let value = if name == "strength" {
                    &input.strength
                } else {
                    &input.enjoyment
                };
                let mut rating = field(name, label, value, 1, false);
                rating.kind = "number";
                rating.max = 0;
                rating.hint = Some(t.get("portfolio-rating-hint"));
                fields.push(rating);
            }
        }
        Section::CoreQualities => {
            fields.push(field(
                "pitfall",
                "portfolio-field-pitfall",
                &input.pitfall,
                200,
                false,
            ));
            fields.push(field(
                "challenge",
                "portfolio-field-challenge",
                &input.challenge,
                200,
                false,
            ));
            fields.push(field(
                "allergy",
                "portfolio-field-allergy",
                &input.allergy,
                200,
                false,
            ));
        }
        Section::Results | Section::Reflections => {
            let mut date = field("date", "portfolio-field-date", &input.date, 10, false);
            date.kind = "date";
            fields.push(date);
        }
        _ => {}
    }
    let locale = t.locale;
    // The organisation's own catalogue: its active entries only, so retired ones are not offered.
    let suggestions = match section {
        Section::Talents | Section::CoreQualities => {
            let kind = if section == Section::Talents {
                kleur_domain::catalogue::EntryKind::Talent
            } else {
                kleur_domain::catalogue::EntryKind::CoreQuality
            };
            let mut names: Vec<String> =
                kleur_services::catalogue::active_entries(&app.db, actor, Some(kind))
                    .await?
                    .iter()
                    .map(|e| e.name(locale).to_owned())
                    .collect();
            names.sort_by_key(|name| name.to_lowercase());
            names
        }
        _ => Vec::new(),
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
    let open_to = portfolio::OPEN_TO
        .iter()
        .map(|v| Choice {
            value: v,
            label: t.get(open_to_key(v)),
            checked: input.open_to.iter().any(|o| o == v),
        })
        .collect();
    let chosen_kind = if input.kind.is_empty() {
        "result"
    } else {
        input.kind.as_str()
    };
    let kinds = portfolio::RESULT_KINDS
        .iter()
        .map(|v| Choice {
            value: v,
            label: t.get(kind_key(v)),
            checked: *v == chosen_kind,
        })
        .collect();
    let (title, action, version, item_id, files) = match &item {
        Some(item) => (
            t.get("portfolio-edit-title"),
            format!("/portfolio/items/{}/wijzigen", item.item.id),
            Some(input.version.unwrap_or(item.item.version)),
            Some(item.item.id.clone()),
            item.files.clone(),
        ),
        None => (
            t.get(add_key(section)),
            "/portfolio/nieuw".to_owned(),
            None,
            None,
            Vec::new(),
        ),
    };
    let (goal_options, round_options) = if section == Section::Reflections {
        let goals = kleur_services::goals::list(
            &app.db,
            actor,
            None,
            Some(kleur_services::goals::current_cycle()),
            kleur_domain::PageRequest::new(Some(1), Some(200)),
        )
        .await?;
        let rounds = kleur_services::feedback::my_rounds(&app.db, actor).await?;
        (
            goals
                .items
                .into_iter()
                .map(|g| LinkOption {
                    selected: input.goal_id == g.id,
                    id: g.id,
                    label: g.title,
                })
                .collect(),
            rounds
                .into_iter()
                .map(|r| LinkOption {
                    selected: input.round_id == r.round.id,
                    id: r.round.id,
                    label: r.round.title,
                })
                .collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    render(
        &ItemFormPage {
            goal_options,
            round_options,
            page,
            title,
            action,
            section,
            version,
            item_id,
            catalogue_key: input.catalogue_key.clone(),
            fields,
            suggestions,
            suggestion_message,
            open_to,
            kinds,
            visibilities,
            files,
            errors,
        },
        status,
    )
}

fn title_label(section: Section) -> &'static str {
    match section {
        Section::Talents => "portfolio-field-talent",
        Section::CoreQualities => "portfolio-field-quality",
        Section::Reflections => "portfolio-field-reflection-title",
        _ => "portfolio-field-title",
    }
}

fn body_label(section: Section) -> &'static str {
    match section {
        Section::Reflections => "portfolio-field-reflection",
        _ => "portfolio-field-body",
    }
}

#[derive(Deserialize)]
pub struct NewQuery {
    sectie: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NewQuery>,
) -> WebResult<Response> {
    let section = query
        .sectie
        .as_deref()
        .and_then(Section::parse)
        .ok_or(WebError::NotFound)?;
    let page = Page::new(&visitor, "portfolio");
    render_form(
        &state,
        &actor,
        page,
        FormState {
            section,
            input: ItemInput::default(),
            item: None,
            errors: FormErrors::default(),
            suggestion_message: None,
            status: StatusCode::OK,
        },
    )
    .await
}

/// Parses the item form by hand: checkboxes repeat `open_to`, which a plain struct cannot take.
fn item_input(pairs: Vec<(String, String)>) -> (ItemInput, Option<String>) {
    let mut input = ItemInput::default();
    let mut action = None;
    for (key, value) in pairs {
        match key.as_str() {
            "section" => input.section = value,
            "title" => input.title = value,
            "body" => input.body = value,
            "visibility" => input.visibility = value,
            "catalogue_key" => input.catalogue_key = value,
            "situation" => input.situation = value,
            "result" => input.result = value,
            "witness" => input.witness = value,
            "strength" => input.strength = value,
            "enjoyment" => input.enjoyment = value,
            "pitfall" => input.pitfall = value,
            "challenge" => input.challenge = value,
            "allergy" => input.allergy = value,
            "open_to" => input.open_to.push(value),
            "kind" => input.kind = value,
            "date" => input.date = value,
            "goal_id" => input.goal_id = value,
            "round_id" => input.round_id = value,
            "version" => input.version = value.trim().parse().ok(),
            "actie" => action = Some(value),
            _ => {}
        }
    }
    (input, action)
}

/// Fills the quadrant from the catalogue for the quality typed, without saving ("suggest").
async fn suggest(
    app: &AppState,
    actor: &kleur_services::Actor,
    t: Tr,
    input: &mut ItemInput,
) -> WebResult<String> {
    let found = kleur_services::catalogue::suggest_quadrant(&app.db, actor, &input.title).await?;
    Ok(match found {
        Some(entry) => {
            if let Some(quadrant) = &entry.quadrant {
                let english = t.locale == kleur_domain::Locale::En;
                let pick = |nl: &str, en: &str| {
                    if english {
                        en.to_owned()
                    } else {
                        nl.to_owned()
                    }
                };
                input.pitfall = pick(&quadrant.pitfall_nl, &quadrant.pitfall_en);
                input.challenge = pick(&quadrant.challenge_nl, &quadrant.challenge_en);
                input.allergy = pick(&quadrant.allergy_nl, &quadrant.allergy_en);
            }
            input.catalogue_key = entry.key.clone();
            t.get("portfolio-suggestion-found")
        }
        None => t.get("portfolio-suggestion-none"),
    })
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (mut input, action) = item_input(pairs);
    let section = Section::parse(&input.section).ok_or(WebError::BadRequest)?;
    let page = Page::new(&visitor, "portfolio");
    if action.as_deref() == Some("voorstel") {
        let message = suggest(&state, &actor, page.t, &mut input).await?;
        let form = FormState {
            section,
            input,
            item: None,
            errors: FormErrors::default(),
            suggestion_message: Some(message),
            status: StatusCode::OK,
        };
        return render_form(&state, &actor, page, form).await;
    }
    match portfolio::add_item(&state.db, &actor, &input).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/portfolio?klaar=portfolio-saved#item-{id}")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let errors = FormErrors::new(page.t, &fields);
            let form = FormState {
                section,
                input,
                item: None,
                errors,
                suggestion_message: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            render_form(&state, &actor, page, form).await
        }
        Err(other) => Err(other.into()),
    }
}

fn input_from(item: &ItemView) -> ItemInput {
    let d = &item.details;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    ItemInput {
        section: item.item.section.clone(),
        title: item.item.title.clone(),
        body: item.item.body.clone(),
        visibility: item.item.visibility.clone(),
        catalogue_key: item.item.catalogue_key.clone().unwrap_or_default(),
        situation: text(&d.situation),
        result: text(&d.result),
        witness: text(&d.witness),
        strength: d.strength.map(|v| v.to_string()).unwrap_or_default(),
        enjoyment: d.enjoyment.map(|v| v.to_string()).unwrap_or_default(),
        pitfall: text(&d.pitfall),
        challenge: text(&d.challenge),
        allergy: text(&d.allergy),
        open_to: d.open_to.clone(),
        kind: text(&d.kind),
        date: text(&d.date),
        goal_id: text(&d.goal_id),
        round_id: text(&d.round_id),
        version: Some(item.item.version),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let item = portfolio::own_item(&state.db, &actor, &id).await?;
    if item.item.deleted_at.is_some() {
        return Err(WebError::NotFound);
    }
    let section = Section::parse(&item.item.section).ok_or(WebError::NotFound)?;
    let input = input_from(&item);
    let page = Page::new(&visitor, "portfolio");
    render_form(
        &state,
        &actor,
        page,
        FormState {
            section,
            input,
            item: Some(item),
            errors: FormErrors::default(),
            suggestion_message: None,
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (mut input, action) = item_input(pairs);
    let item = portfolio::own_item(&state.db, &actor, &id).await?;
    let section = Section::parse(&item.item.section).ok_or(WebError::NotFound)?;
    let page = Page::new(&visitor, "portfolio");
    if action.as_deref() == Some("voorstel") {
        let message = suggest(&state, &actor, page.t, &mut input).await?;
        let form = FormState {
            section,
            input,
            item: Some(item),
            errors: FormErrors::default(),
            suggestion_message: Some(message),
            status: StatusCode::OK,
        };
        return render_form(&state, &actor, page, form).await;
    }
    match portfolio::update_item(&state.db, &actor, &id, &input).await {
        Ok(()) => Ok(Redirect::to("/portfolio?klaar=portfolio-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let errors = FormErrors::new(page.t, &fields);
            let form = FormState {
                section,
                input,
                item: Some(item),
                errors,
                suggestion_message: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            render_form(&state, &actor, page, form).await
        }
        Err(ServiceError::Stale) => {
            // Keep what the person typed, show that the item changed, and let a second save
            // knowingly replace the newer version.
            let errors = FormErrors::new(
                page.t,
                &[kleur_services::FieldError::new("title", "error-stale")],
            );
            input.version = Some(item.item.version);
            let form = FormState {
                section,
                input,
                item: Some(item),
                errors,
                suggestion_message: None,
                status: StatusCode::CONFLICT,
            };
            render_form(&state, &actor, page, form).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn move_up(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    portfolio::move_item(&state.db, &actor, &id, true).await?;
    Ok(Redirect::to("/portfolio").into_response())
}

pub async fn move_down(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    portfolio::move_item(&state.db, &actor, &id, false).await?;
    Ok(Redirect::to("/portfolio").into_response())
}

#[derive(Template)]
#[template(path = "portfolio_remove.html")]
struct RemovePage {
    page: Page,
    item: ItemView,
    undo_days: i64,
}

pub async fn remove_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let item = portfolio::own_item(&state.db, &actor, &id).await?;
    if item.item.deleted_at.is_some() {
        return Err(WebError::NotFound);
    }
    ok(&RemovePage {
        page: Page::new(&visitor, "portfolio"),
        item,
        undo_days: portfolio::UNDO_DAYS,
    })
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    portfolio::remove_item(&state.db, &actor, &id).await?;
    Ok(Redirect::to(&format!("/portfolio?herstel={id}")).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    portfolio::restore_item(&state.db, &actor, &id).await?;
    Ok(Redirect::to("/portfolio?klaar=portfolio-restored").into_response())
}

pub async fn upload(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> WebResult<Response> {
    let mut upload = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest)?
    {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|_| WebError::BadRequest)?;
            upload = Some((name, bytes));
        }
    }
    let (name, bytes) = upload.unwrap_or_default();
    match portfolio::attach_file(&state.db, &actor, &id, &name, &bytes).await {
        Ok(_) => Ok(Redirect::to(&format!("/portfolio/items/{id}/wijzigen")).into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let item = portfolio::own_item(&state.db, &actor, &id).await?;
            let section = Section::parse(&item.item.section).ok_or(WebError::NotFound)?;
            let page = Page::new(&visitor, "portfolio");
            let errors = FormErrors::new(page.t, &fields);
            let input = input_from(&item);
            render_form(
                &state,
                &actor,
                page,
                FormState {
                    section,
                    input,
                    item: Some(item),
                    errors,
                    suggestion_message: None,
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                },
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn download(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let (meta, bytes) = portfolio::file(&state.db, &actor, &id).await?;
    let ascii_name: String = meta
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, meta.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii_name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

pub async fn remove_file(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let (meta, _) = portfolio::file(&state.db, &actor, &id).await?;
    portfolio::remove_file(&state.db, &actor, &id).await?;
    Ok(Redirect::to(&format!("/portfolio/items/{}/wijzigen", meta.item_id)).into_response())
}

#[derive(Template)]
#[template(path = "portfolio_views.html")]
struct ViewsPage {
    page: Page,
    views: kleur_domain::Page<kleur_storage::portfolio::View>,
    pager: Pager,
}

impl ViewsPage {
    fn when(&self, timestamp: &str) -> String {
        kleur_storage::parse_timestamp(timestamp)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    pagina: Option<String>,
}

pub async fn views(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<PageQuery>,
) -> WebResult<Response> {
    let page_number = query.pagina.as_deref().and_then(|p| p.trim().parse().ok());
    let views = portfolio::views(&state.db, &actor, PageRequest::new(page_number, None)).await?;
    let pager = Pager::new(&views, "/portfolio/bekeken", &[]);
    ok(&ViewsPage {
        page: Page::new(&visitor, "portfolio"),
        views,
        pager,
    })
}

/// The whole portfolio as JSON, to keep or to take to another organisation.
pub async fn export(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
) -> WebResult<Response> {
    let export = portfolio::export(&state.db, &actor).await?;
    let json = serde_json::to_vec_pretty(&export).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kleur-portfolio.json\"".to_owned(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        json,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "portfolio_print.html")]
struct PrintPage {
    page: Page,
    view: PortfolioView,
}

impl ItemLabels for PrintPage {
    fn tr(&self) -> kleur_i18n::Tr {
        self.page.t
    }
}

/// A clean page to print or save as PDF from the browser.
pub async fn print(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let view = portfolio::view(&state.db, &actor, &actor.person_id).await?;
    ok(&PrintPage {
        page: Page::new(&visitor, "portfolio"),
        view,
    })
}

#[derive(Template)]
#[template(path = "portfolio_import.html")]
struct ImportPage {
    page: Page,
    problems: Vec<String>,
}

pub async fn import_form(SignedIn(_, visitor): SignedIn) -> WebResult<Response> {
    ok(&ImportPage {
        page: Page::new(&visitor, "portfolio"),
        problems: Vec::new(),
    })
}

pub async fn import(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    mut multipart: Multipart,
) -> WebResult<Response> {
    let mut bytes = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest)?
    {
        if field.name() == Some("file") {
            bytes = field
                .bytes()
                .await
                .map_err(|_| WebError::BadRequest)?
                .to_vec();
        }
    }
    let page = Page::new(&visitor, "portfolio");
    let t = page.t;
    let problems = match portfolio::import(&state.db, &actor, &bytes).await {
        Ok(_) => return Ok(Redirect::to("/portfolio?klaar=portfolio-imported").into_response()),
        Err(portfolio::ImportError::NotAnExport) => vec![t.get("portfolio-import-not-export")],
        Err(portfolio::ImportError::Invalid(problems)) => problems
            .iter()
            .map(|p| {
                t.args(
                    "portfolio-import-problem",
                    &[
                        ("item", &p.item.to_string()),
                        ("problem", &t.get(p.message_key)),
                    ],
                )
            })
            .collect(),
        Err(portfolio::ImportError::Service(error)) => return Err(error.into()),
    };
    render(
        &ImportPage { page, problems },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// The own-portfolio page rendered from its data, without a request or database: for the
/// rendering benchmark of issue 11 (`cargo bench -p kleur-web --bench portfolio`).
#[doc(hidden)]
pub fn render_own(visitor: &crate::Visitor, view: PortfolioView) -> String {
    let page = Page::new(visitor, "portfolio");
    let title = page.t.get("portfolio-title-own");
    PortfolioPage {
        page,
        title,
        view,
        undo_item: None,
    }
    .render()
    .unwrap_or_default()
}
