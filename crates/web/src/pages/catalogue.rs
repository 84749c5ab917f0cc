//! The talent catalogue, for HR advisers and administrators: list, add, change, retire and
//! restore entries. Everyone else gets 403 here; they meet the catalogue in the portfolio form.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::catalogue::{Category, EntryKind};
use kleur_domain::{Locale, PageRequest};
use kleur_services::catalogue::{self, CatalogueEntry, EntryInput, ListFilter, Status};
use kleur_services::{Actor, FieldError, ServiceError};
use serde::Deserialize;

use super::{FormErrors, Pager, ok, render, safe_return_path};
use crate::AppState;
use crate::context::{Page, SignedIn};
use crate::error::{WebError, WebResult};

const LIST_PATH: &str = "/beheer/catalogus";

fn require_manager(actor: &Actor) -> WebResult<()> {
    if catalogue::can_manage(actor) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

fn kind_key(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Talent => "catalogue-kind-talent",
        EntryKind::CoreQuality => "catalogue-kind-core-quality",
    }
}

/// Confirmations the catalogue pages redirect with (`?klaar=…`).
fn notice(value: Option<&str>) -> Option<&'static str> {
    const NOTICES: [&str; 4] = [
        "catalogue-created",
        "catalogue-saved",
        "catalogue-retired",
        "catalogue-restored",
    ];
    let value = value?;
    NOTICES.iter().find(|n| **n == value).copied()
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    soort: String,
    #[serde(default)]
    categorie: String,
    #[serde(default)]
    status: String,
    pagina: Option<String>,
    klaar: Option<String>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "catalogue.html")]
struct ListPage {
    page: Page,
    entries: kleur_domain::Page<CatalogueEntry>,
    categories: Vec<Category>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    query: String,
    category_filter: String,
    pager: Pager,
}

impl ListPage {
    fn name(&self, entry: &CatalogueEntry) -> String {
        entry.entry.name(self.page.t.locale).to_owned()
    }

    fn kind(&self, entry: &CatalogueEntry) -> String {
        self.page.t.get(kind_key(entry.entry.kind))
    }

    fn category_name(&self, key: &str) -> String {
        self.categories
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.name(self.page.t.locale).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }

    fn category_label(&self, category: &Category) -> String {
        category.name(self.page.t.locale).to_owned()
    }
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<ListQuery>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let kind = EntryKind::parse(&query.soort);
    let status = match query.status.as_str() {
        "actief" => Status::Active,
        "ingetrokken" => Status::Retired,
        _ => Status::All,
    };
    let page = Page::new(&visitor, "catalogue").with_notice(notice(query.klaar.as_deref()));
    let filter = ListFilter {
        search: query.q.clone(),
        kind,
        category: query.categorie.clone(),
        status,
        english: page.t.locale == Locale::En,
    };
    let page_number = query.pagina.as_deref().and_then(|p| p.trim().parse().ok());
    let entries = catalogue::list(
        &state.db,
        &actor,
        &filter,
        PageRequest::new(page_number, None),
    )
    .await?;
    let categories = catalogue::categories(&state.db, &actor).await?;
    let t = page.t;
    let kind_value = kind.map(EntryKind::as_str).unwrap_or_default();
    let kinds = [
        ("", "catalogue-filter-all-kinds"),
        ("talent", "catalogue-kind-talent"),
        ("core_quality", "catalogue-kind-core-quality"),
    ]
    .into_iter()
    .map(|(value, label)| Choice {
        value: value.to_owned(),
        label: t.get(label),
        selected: value == kind_value,
    })
    .collect();
    let status_value = match status {
        Status::Active => "actief",
        Status::Retired => "ingetrokken",
        Status::All => "",
    };
    let statuses = [
        ("", "catalogue-filter-all-statuses"),
        ("actief", "catalogue-status-active"),
        ("ingetrokken", "catalogue-status-retired"),
    ]
    .into_iter()
    .map(|(value, label)| Choice {
        value: value.to_owned(),
        label: t.get(label),
        selected: value == status_value,
    })
    .collect();
    let pager = Pager::new(
        &entries,
        LIST_PATH,
        &[
            ("q", &query.q),
            ("soort", kind_value),
            ("categorie", &query.categorie),
            ("status", status_value),
        ],
    );
    ok(&ListPage {
        page,
        entries,
        categories,
        kinds,
        statuses,
        query: query.q,
        category_filter: query.categorie,
        pager,
    })
}

pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub max: usize,
    pub multiline: bool,
}

#[derive(Template)]
#[template(path = "catalogue_form.html")]
struct FormPage {
    page: Page,
    title: String,
    action: String,
    /// The key of the entry being changed; a new entry has a key field instead.
    key: Option<String>,
    retired: bool,
    version: Option<i64>,
    kinds: Vec<Choice>,
    categories: Vec<Choice>,
    fields: Vec<Field>,
    quadrant_fields: Vec<Field>,
    errors: FormErrors,
}

impl FormPage {
    /// The ids of a field's hint and error, for `aria-describedby`.
    fn described_by(&self, field: &Field) -> String {
        let mut ids = Vec::new();
        if field.hint.is_some() {
            ids.push(format!("{}-hint", field.name));
        }
        if self.errors.for_field(field.name).is_some() {
            ids.push(format!("{}-fout", field.name));
        }
        ids.join(" ")
    }
}

/// What differs between showing the new-entry and the edit form, fresh or after an error.
struct FormView {
    existing: Option<CatalogueEntry>,
    input: EntryInput,
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
    let t = page.t;
    let field = |name: &'static str,
                 label: &str,
                 hint: Option<&str>,
                 value: &str,
                 max: usize,
                 multiline: bool| Field {
        name,
        label: t.get(label),
        hint: hint.map(|h| t.get(h)),
        value: value.to_owned(),
        max,
        multiline,
    };
    use kleur_domain::catalogue::{DESCRIPTION_MAX, NAME_MAX};
    let mut fields = Vec::new();
    if existing.is_none() {
        fields.push(field(
            "key",
            "catalogue-field-key",
            Some("catalogue-field-key-hint"),
            &input.key,
            NAME_MAX,
            false,
        ));
    }
    fields.extend([
        field(
            "name_nl",
            "catalogue-field-name-nl",
            None,
            &input.name_nl,
            NAME_MAX,
            false,
        ),
        field(
            "name_en",
            "catalogue-field-name-en",
            None,
            &input.name_en,
            NAME_MAX,
            false,
        ),
        field(
            "description_nl",
            "catalogue-field-description-nl",
            None,
            &input.description_nl,
            DESCRIPTION_MAX,
            true,
        ),
        field(
            "description_en",
            "catalogue-field-description-en",
            None,
            &input.description_en,
            DESCRIPTION_MAX,
            true,
        ),
        field(
            "synonyms_nl",
            "catalogue-field-synonyms-nl",
            Some("catalogue-field-synonyms-hint"),
            &input.synonyms_nl,
            2000,
            true,
        ),
        field(
            "synonyms_en",
            "catalogue-field-synonyms-en",
            Some("catalogue-field-synonyms-hint"),
            &input.synonyms_en,
            2000,
            true,
        ),
    ]);
    let quadrant_fields = vec![
        field(
            "pitfall_nl",
            "catalogue-field-pitfall-nl",
            None,
            &input.pitfall_nl,
            NAME_MAX,
            false,
        ),
        field(
            "challenge_nl",
            "catalogue-field-challenge-nl",
            None,
            &input.challenge_nl,
            NAME_MAX,
            false,
        ),
        field(
            "allergy_nl",
            "catalogue-field-allergy-nl",
            None,
            &input.allergy_nl,
            NAME_MAX,
            false,
        ),
        field(
            "pitfall_en",
            "catalogue-field-pitfall-en",
            None,
            &input.pitfall_en,
            NAME_MAX,
            false,
        ),
        field(
            "challenge_en",
            "catalogue-field-challenge-en",
            None,
            &input.challenge_en,
            NAME_MAX,
            false,
        ),
        field(
            "allergy_en",
            "catalogue-field-allergy-en",
            None,
            &input.allergy_en,
            NAME_MAX,
            false,
        ),
    ];
    let chosen_kind = EntryKind::parse(&input.kind).unwrap_or(EntryKind::Talent);
    let kinds = [EntryKind::Talent, EntryKind::CoreQuality]
        .into_iter()
        .map(|kind| Choice {
            value: kind.as_str().to_owned(),
            label: t.get(kind_key(kind)),
            selected: kind == chosen_kind,
        })
        .collect();
    let all_categories = catalogue::categories(&state.db, actor).await?;
    let category = if input.category.is_empty() {
        all_categories
            .first()
            .map(|c| c.key.clone())
            .unwrap_or_default()
    } else {
        input.category.clone()
    };
    let categories = all_categories
        .iter()
        .map(|c| Choice {
            value: c.key.clone(),
            label: c.name(t.locale).to_owned(),
            selected: c.key == category,
        })
        .collect();
    let (title, action, key, retired, version) = match &existing {
        Some(entry) => (
            t.arg("catalogue-edit-title", "name", entry.entry.name(t.locale)),
            format!("{LIST_PATH}/{}/wijzigen", entry.entry.key),
            Some(entry.entry.key.clone()),
            entry.is_retired(),
            Some(input.version.unwrap_or(entry.version)),
        ),
        None => (
            t.get("catalogue-new-title"),
            format!("{LIST_PATH}/nieuw"),
            None,
            false,
            None,
        ),
    };
    render(
        &FormPage {
            page,
            title,
            action,
            key,
            retired,
            version,
            kinds,
            categories,
            fields,
            quadrant_fields,
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
    let page = Page::new(&visitor, "catalogue");
    render_form(
        &state,
        &actor,
        page,
        FormView {
            existing: None,
            input: EntryInput::default(),
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    form: Result<Form<EntryInput>, FormRejection>,
) -> WebResult<Response> {
    // Authorised before the form is read, so anyone else gets 403 whatever they send.
    require_manager(&actor)?;
    let Form(input) = form.map_err(|_| WebError::BadRequest)?;
    match catalogue::create(&state.db, &actor, &input).await {
        Ok(key) => Ok(Redirect::to(&format!(
            "{LIST_PATH}?klaar=catalogue-created&q={}",
            url::form_urlencoded::byte_serialize(key.as_bytes()).collect::<String>()
        ))
        .into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "catalogue");
            let errors = FormErrors::new(page.t, &fields);
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
    Path(key): Path<String>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let entry = catalogue::get(&state.db, &actor, &key).await?;
    let input = EntryInput::from_entry(&entry);
    let page = Page::new(&visitor, "catalogue");
    render_form(
        &state,
        &actor,
        page,
        FormView {
            existing: Some(entry),
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
    Path(key): Path<String>,
    form: Result<Form<EntryInput>, FormRejection>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let Form(mut input) = form.map_err(|_| WebError::BadRequest)?;
    let result = catalogue::update(&state.db, &actor, &key, &input).await;
    let (fields, status) = match result {
        Ok(()) => {
            return Ok(Redirect::to(&format!("{LIST_PATH}?klaar=catalogue-saved")).into_response());
        }
        Err(ServiceError::Invalid(fields)) => (fields, StatusCode::UNPROCESSABLE_ENTITY),
        // Keep what was typed, say that someone else saved first, and let a second save
        // knowingly replace the newer version.
        Err(ServiceError::Stale) => (
            vec![FieldError::new("name_nl", "catalogue-error-stale")],
            StatusCode::CONFLICT,
        ),
        Err(other) => return Err(other.into()),
    };
    let entry = catalogue::get(&state.db, &actor, &key).await?;
    if status == StatusCode::CONFLICT {
        input.version = Some(entry.version);
    }
    let page = Page::new(&visitor, "catalogue");
    let errors = FormErrors::new(page.t, &fields);
    render_form(
        &state,
        &actor,
        page,
        FormView {
            existing: Some(entry),
            input,
            errors,
            status,
        },
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ReturnForm {
    terug: Option<String>,
}

/// Back to the list the button was on (its search, filters and page), with a confirmation.
fn back_to_list(terug: Option<&str>, notice: &str) -> Response {
    let path = safe_return_path(terug);
    let path = if path == LIST_PATH || path.starts_with(&format!("{LIST_PATH}?")) {
        path
    } else {
        LIST_PATH.to_owned()
    };
    let (base, query) = path.split_once('?').unwrap_or((path.as_str(), ""));
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if name != "klaar" {
            serializer.append_pair(&name, &value);
        }
    }
    serializer.append_pair("klaar", notice);
    Redirect::to(&format!("{base}?{}", serializer.finish())).into_response()
}

pub async fn retire(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(key): Path<String>,
    form: Result<Form<ReturnForm>, FormRejection>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let Form(form) = form.map_err(|_| WebError::BadRequest)?;
    catalogue::retire(&state.db, &actor, &key).await?;
    Ok(back_to_list(form.terug.as_deref(), "catalogue-retired"))
}

pub async fn restore(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(key): Path<String>,
    form: Result<Form<ReturnForm>, FormRejection>,
) -> WebResult<Response> {
    require_manager(&actor)?;
    let Form(form) = form.map_err(|_| WebError::BadRequest)?;
    catalogue::restore(&state.db, &actor, &key).await?;
    Ok(back_to_list(form.terug.as_deref(), "catalogue-restored"))
}
