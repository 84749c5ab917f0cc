//! People, units and sent mail, for HR advisers and administrators.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::{PageRequest, Role};
use kleur_services::people::{self, PersonDetail, PersonInput, UnitNode};
use kleur_services::{ServiceError, mail};
use kleur_storage::outbox::OutboxMessage;
use kleur_storage::people::{PeopleFilter, PersonListItem};
use serde::Deserialize;

use super::home::role_names;
use super::{FormErrors, Indent, Pager, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::{WebError, WebResult};

#[derive(Deserialize, Default)]
pub struct PeopleQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    onderdeel: String,
    pagina: Option<String>,
    klaar: Option<String>,
}

/// A page number from the query; nonsense means the first page rather than an error.
fn page_number(value: Option<&str>) -> Option<u32> {
    value.and_then(|v| v.trim().parse().ok())
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    page: Page,
    people: kleur_domain::Page<PersonListItem>,
    units: Vec<UnitNode>,
    query: String,
    unit_filter: String,
    pager: Pager,
}

pub async fn people(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<PeopleQuery>,
) -> WebResult<Response> {
    actor.require_people_admin()?;
    let filter = PeopleFilter {
        search: Some(query.q.as_str()),
        unit_id: Some(query.onderdeel.as_str()).filter(|u| !u.is_empty()),
        manager_id: None,
    };
    let request = PageRequest::new(page_number(query.pagina.as_deref()), None);
    let list = people::list(&state.db, &actor, &filter, request).await?;
    let units = people::filter_unit_choices(&state.db, &actor, &query.onderdeel).await?;
    let pager = Pager::new(
        &list,
        "/beheer/mensen",
        &[("q", &query.q), ("onderdeel", &query.onderdeel)],
    );
    ok(&PeoplePage {
        page: Page::new(&visitor, "people").with_notice(notice_from_query(query.klaar.as_deref())),
        people: list,
        units,
        query: query.q,
        unit_filter: query.onderdeel,
        pager,
    })
}

pub struct RoleRow {
    pub key: &'static str,
    pub label: String,
    pub held: bool,
    pub editable: bool,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    page: Page,
    detail: PersonDetail,
    role_names: String,
    roles: Vec<RoleRow>,
    errors: FormErrors,
}

async fn person_page(
    state: &AppState,
    actor: &kleur_services::Actor,
    page: Page,
    id: &str,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let detail = people::get(&state.db, actor, id).await?;
    let roles = Role::ALL
        .iter()
        .map(|role| RoleRow {
            key: role.as_str(),
            label: page.t.get(&format!("role-{}", role.as_str())),
            held: detail.roles.iter().any(|r| r == role.as_str()),
            editable: *role != Role::Employee,
        })
        .collect();
    let role_names = role_names(page.t, detail.roles.iter().cloned());
    render(
        &PersonPage {
            page,
            detail,
            role_names,
            roles,
            errors,
        },
        status,
    )
}

pub async fn person(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<PeopleQuery>,
) -> WebResult<Response> {
    actor.require_people_admin()?;
    let page = Page::new(&visitor, "people").with_notice(notice_from_query(query.klaar.as_deref()));
    person_page(
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
pub struct RoleForm {
    #[serde(default)]
    rol: String,
    #[serde(default)]
    actie: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> WebResult<Response> {
    let role = Role::parse(&form.rol).map_err(|_| WebError::BadRequest)?;
    let granted = match form.actie.as_str() {
        "geven" => true,
        "intrekken" => false,
        _ => return Err(WebError::BadRequest),
    };
    match people::set_role(&state.db, &actor, &id, role, granted).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/beheer/mensen/{id}?klaar=people-roles-saved")).into_response(),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "people");
            let errors = FormErrors::new(page.t, &fields);
            person_page(
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

pub struct TextField {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
}

#[derive(Template)]
#[template(path = "person_form.html")]
struct PersonFormPage {
    page: Page,
    title: String,
    action: String,
    errors: FormErrors,
    text_fields: Vec<TextField>,
    input: PersonInput,
    units: Vec<UnitNode>,
    managers: Vec<ManagerOption>,
}

pub struct ManagerOption {
    pub id: String,
    pub display_name: String,
}

/// What differs between showing the new-person and the edit form, fresh or with errors.
struct PersonFormView {
    title_key: &'static str,
    action: String,
    input: PersonInput,
    errors: FormErrors,
    status: StatusCode,
}

async fn person_form(
    state: &AppState,
    actor: &kleur_services::Actor,
    page: Page,
    view: PersonFormView,
) -> WebResult<Response> {
    let PersonFormView {
        title_key,
        action,
        input,
        errors,
        status,
    } = view;
    let t = page.t;
    let field = |name: &'static str, label: &str, kind: &'static str, value: &str| TextField {
        name,
        label: t.get(label),
        kind,
        value: value.to_owned(),
    };
    let text_fields = vec![
        field("display_name", "profile-name", "text", &input.display_name),
        field("email", "profile-email", "email", &input.email),
        field(
            "function_title",
            "profile-function",
            "text",
            &input.function_title,
        ),
        field(
            "employee_number",
            "people-employee-number",
            "text",
            &input.employee_number,
        ),
    ];
    let units = people::unit_choices(&state.db, actor).await?;
    // Offered managers: people who hold the manager role. Anyone else is reachable by e-mail.
    let managers = people::managers(&state.db, actor)
        .await?
        .into_iter()
        .map(|(id, display_name)| ManagerOption { id, display_name })
        .collect();
    render(
        &PersonFormPage {
            title: t.get(title_key),
            page,
            action,
            errors,
            text_fields,
            input,
            units,
            managers,
        },
        status,
    )
}

pub async fn new_person_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    actor.require_people_admin()?;
    let page = Page::new(&visitor, "people");
    let action = "/beheer/mensen/nieuw".to_owned();
    person_form(
        &state,
        &actor,
        page,
        PersonFormView {
            title_key: "people-new-title",
            action,
            input: PersonInput::default(),
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn create_person(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(input): Form<PersonInput>,
) -> WebResult<Response> {
    match people::create(&state.db, &actor, &input).await {
        Ok(id) => {
            Ok(Redirect::to(&format!("/beheer/mensen/{id}?klaar=people-created")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "people");
            let errors = FormErrors::new(page.t, &fields);
            let action = "/beheer/mensen/nieuw".to_owned();
            person_form(
                &state,
                &actor,
                page,
                PersonFormView {
                    title_key: "people-new-title",
                    action,
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

pub async fn edit_person_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    actor.require_people_admin()?;
    let detail = people::get(&state.db, &actor, &id).await?;
    let input = PersonInput {
        display_name: detail.person.display_name,
        email: detail.person.email,
        function_title: detail.person.function_title,
        unit_id: detail.person.unit_id.unwrap_or_default(),
        manager_id: detail.person.manager_id.unwrap_or_default(),
        employee_number: detail.person.employee_number.unwrap_or_default(),
        manager_email: String::new(),
    };
    let page = Page::new(&visitor, "people");
    let action = format!("/beheer/mensen/{id}/wijzigen");
    person_form(
        &state,
        &actor,
        page,
        PersonFormView {
            title_key: "people-edit-title",
            action,
            input,
            errors: FormErrors::default(),
            status: StatusCode::OK,
        },
    )
    .await
}

pub async fn update_person(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
    Form(input): Form<PersonInput>,
) -> WebResult<Response> {
    match people::update(&state.db, &actor, &id, &input).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/beheer/mensen/{id}?klaar=people-saved")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "people");
            let errors = FormErrors::new(page.t, &fields);
            let action = format!("/beheer/mensen/{id}/wijzigen");
            person_form(
                &state,
                &actor,
                page,
                PersonFormView {
                    title_key: "people-edit-title",
                    action,
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
#[template(path = "units.html")]
struct UnitsPage {
    page: Page,
    units: Vec<UnitNode>,
}

pub async fn units(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    actor.require_people_admin()?;
    let units = people::unit_tree(&state.db, &actor).await?;
    ok(&UnitsPage {
        page: Page::new(&visitor, "units"),
        units,
    })
}

#[derive(Template)]
#[template(path = "mail.html")]
struct MailPage {
    page: Page,
    messages: kleur_domain::Page<OutboxMessage>,
    pager: Pager,
}

impl MailPage {
    fn status(&self, message: &OutboxMessage) -> String {
        mail_status(&self.page, message)
    }
}

fn mail_status(page: &Page, message: &OutboxMessage) -> String {
    match (&message.sent_at, &message.last_error) {
        (Some(_), _) => page.t.arg(
            "mail-status-sent",
            "transport",
            message.transport.as_deref().unwrap_or("-"),
        ),
        (None, Some(error)) => page.t.args(
            "mail-status-failed",
            &[
                ("attempts", &message.attempts.to_string()),
                ("error", error),
            ],
        ),
        (None, None) => page.t.get("mail-status-pending"),
    }
}

pub async fn mail(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<PeopleQuery>,
) -> WebResult<Response> {
    let request = PageRequest::new(page_number(query.pagina.as_deref()), None);
    let messages = mail::list_messages(&state.db, &actor, request).await?;
    let pager = Pager::new(&messages, "/beheer/e-mail", &[]);
    ok(&MailPage {
        page: Page::new(&visitor, "mail"),
        messages,
        pager,
    })
}

#[derive(Template)]
#[template(path = "mail_message.html")]
struct MailMessagePage {
    page: Page,
    message: OutboxMessage,
    status: String,
}

pub async fn mail_message(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let message = mail::get_message(&state.db, &actor, &id).await?;
    let page = Page::new(&visitor, "mail");
    let status = mail_status(&page, &message);
    ok(&MailMessagePage {
        page,
        message,
        status,
    })
}
