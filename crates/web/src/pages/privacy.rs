//! Privacy rights and the audit log: one's own data as a download, erasure of a person by an
//! administrator (with a confirmation step), retention periods, and the log itself.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::PageRequest;
use kleur_services::audit::{self, Event};
use kleur_services::{ServiceError, privacy};
use kleur_storage::audit::Entry;
use kleur_storage::people::Person;
use serde::Deserialize;

use super::{FormErrors, Pager, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::{WebError, WebResult};

/// Everything Kleur holds about the signed-in person, as a JSON download.
pub async fn my_data(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
) -> WebResult<Response> {
    let data = privacy::export_my_data(&state.db, &actor).await?;
    let json = serde_json::to_vec_pretty(&data).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kleur-mijn-gegevens.json\"".to_owned(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        json,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "privacy_erase.html")]
struct ErasePage {
    page: Page,
    person: Person,
    errors: FormErrors,
}

pub async fn erase_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let person = privacy::erasure_candidate(&state.db, &actor, &id).await?;
    ok(&ErasePage {
        page: Page::new(&visitor, "people"),
        person,
        errors: FormErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    bevestiging: String,
}

pub async fn erase(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<EraseForm>,
) -> WebResult<Response> {
    match privacy::erase_person(&state.db, &actor, &id, &form.bevestiging).await {
        Ok(_) => Ok(Redirect::to("/beheer/mensen?klaar=privacy-erased").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let person = privacy::erasure_candidate(&state.db, &actor, &id).await?;
            let page = Page::new(&visitor, "people");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &ErasePage {
                    page,
                    person,
                    errors,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    gebeurtenis: String,
    pagina: Option<String>,
}

#[derive(Template)]
#[template(path = "privacy_audit.html")]
struct AuditPage {
    page: Page,
    entries: kleur_domain::Page<Entry>,
    events: Vec<(&'static str, String)>,
    selected: String,
    pager: Pager,
}

impl AuditPage {
    fn event_label(&self, entry: &Entry) -> String {
        self.page.t.get(&format!("audit-event-{}", entry.event))
    }

    fn who(&self, id: &Option<String>, name: &Option<String>) -> String {
        match (id, name) {
            (None, _) => self.page.t.get("audit-nobody"),
            (Some(_), Some(name)) => name.clone(),
            (Some(_), None) => self.page.t.get("audit-unknown-person"),
        }
    }
}

/// The organisation's audit log for administrators: who did what to whom and when, without
/// content; filterable by event, paginated.
pub async fn audit_log(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<AuditQuery>,
) -> WebResult<Response> {
    let event = Event::parse(query.gebeurtenis.trim());
    let page_number = query.pagina.as_deref().and_then(|p| p.trim().parse().ok());
    let entries = audit::list(
        &state.db,
        &actor,
        event,
        PageRequest::new(page_number, None),
    )
    .await?;
    let selected = event.map(Event::as_str).unwrap_or_default().to_owned();
    let pager = Pager::new(&entries, "/beheer/logboek", &[("gebeurtenis", &selected)]);
    let page = Page::new(&visitor, "privacy");
    let events = Event::ALL
        .iter()
        .map(|e| {
            (
                e.as_str(),
                page.t.get(&format!("audit-event-{}", e.as_str())),
            )
        })
        .collect();
    ok(&AuditPage {
        page,
        entries,
        events,
        selected,
        pager,
    })
}

#[derive(Template)]
#[template(path = "privacy_settings.html")]
struct SettingsPage {
    page: Page,
    fields: Vec<(&'static str, String)>,
    errors: FormErrors,
}

fn settings_page(
    visitor: &crate::Visitor,
    values: Vec<(&'static str, String)>,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> SettingsPage {
    SettingsPage {
        page: Page::new(visitor, "privacy").with_notice(notice),
        fields: values,
        errors,
    }
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

/// Retention periods of the organisation (administrators).
pub async fn settings(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let current = privacy::retention_settings(&state.db, &actor).await?;
    let values = current
        .days
        .iter()
        .map(|(name, days)| (*name, days.map(|d| d.to_string()).unwrap_or_default()))
        .collect();
    ok(&settings_page(
        &visitor,
        values,
        FormErrors::default(),
        notice_from_query(query.klaar.as_deref()),
    ))
}

pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let input: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    match privacy::set_retention(&state.db, &actor, &input).await {
        Ok(()) => Ok(Redirect::to("/beheer/privacy?klaar=privacy-settings-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let values = kleur_storage::retention::SETTINGS
                .iter()
                .map(|name| {
                    let value = input
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| (*v).to_owned())
                        .unwrap_or_default();
                    (*name, value)
                })
                .collect();
            let page = Page::new(&visitor, "privacy");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &settings_page(&visitor, values, errors, None),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}
