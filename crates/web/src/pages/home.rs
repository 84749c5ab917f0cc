//! The home page, the profile with API keys, and the API overview.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_i18n::Tr;
use kleur_services::{Actor, ServiceError, auth, people};
use serde::Deserialize;

use super::auth::NoticeQuery;
use super::{FormErrors, ok, render};
use crate::AppState;
use crate::context::{Page, SignedIn, Visitor, notice_from_query};
use crate::error::WebResult;

#[derive(Template)]
#[template(path = "landing.html")]
struct LandingPage {
    page: Page,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    name: String,
    roles: String,
}

pub fn role_names(t: Tr, roles: impl Iterator<Item = String>) -> String {
    roles
        .map(|role| t.get(&format!("role-{role}")))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn home(visitor: Visitor) -> WebResult<Response> {
    match &visitor.actor {
        None => ok(&LandingPage {
            page: Page::new(&visitor, "home"),
        }),
        Some(actor) => {
            let page = Page::new(&visitor, "home");
            let roles = role_names(page.t, actor.roles.iter().map(|r| r.as_str().to_owned()));
            ok(&HomePage {
                name: actor.display_name.clone(),
                roles,
                page,
            })
        }
    }
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    page: Page,
    detail: people::PersonDetail,
    role_names: String,
    tokens: Vec<kleur_storage::auth::ApiToken>,
    new_token: Option<String>,
    errors: FormErrors,
}

async fn profile_page(
    state: &AppState,
    actor: &Actor,
    page: Page,
    new_token: Option<String>,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let detail = people::get(&state.db, actor, &actor.person_id).await?;
    let tokens = auth::list_api_tokens(&state.db, actor).await?;
    let role_names = role_names(page.t, detail.roles.iter().cloned());
    render(
        &ProfilePage {
            page,
            detail,
            role_names,
            tokens,
            new_token,
            errors,
        },
        status,
    )
}

pub async fn profile(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let page =
        Page::new(&visitor, "profile").with_notice(notice_from_query(query.klaar.as_deref()));
    profile_page(
        &state,
        &actor,
        page,
        None,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<TokenForm>,
) -> WebResult<Response> {
    let page = Page::new(&visitor, "profile");
    match auth::create_api_token(&state.db, &actor, &form.name).await {
        // Shown on this response only, never stored: no redirect.
        Ok((_, token)) => {
            profile_page(
                &state,
                &actor,
                page,
                Some(token),
                FormErrors::default(),
                StatusCode::CREATED,
            )
            .await
        }
        Err(ServiceError::Invalid(fields)) => {
            let errors = FormErrors::new(page.t, &fields);
            profile_page(
                &state,
                &actor,
                page,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult<Response> {
    auth::revoke_api_token(&state.db, &actor, &id).await?;
    Ok(Redirect::to("/profiel?klaar=tokens-revoked-done#api-sleutels").into_response())
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct ApiDocsPage {
    page: Page,
    operations: Vec<crate::api::OperationSummary>,
}

/// A readable overview of the API, generated from the same OpenAPI document clients get.
pub async fn api_docs(visitor: Visitor) -> WebResult<Response> {
    ok(&ApiDocsPage {
        page: Page::new(&visitor, "api"),
        operations: crate::api::operation_summaries(),
    })
}
