//! Single sign-on: starting and finishing a sign-in at the organisation's identity provider, and
//! the administrator's settings page.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kleur_services::ServiceError;
use kleur_services::sso::{self, Callback, SettingsInput, SettingsView, SsoFailure};
use serde::Deserialize;

use super::{FormErrors, ok, render, safe_return_path};
use crate::context::{Page, SignedIn, Visitor, notice_from_query};
use crate::error::WebResult;
use crate::{AppState, cookies};

/// Binds a started sign-in to the browser that started it.
const SSO_STATE: &str = "kleur_sso";

#[derive(Template)]
#[template(path = "sso_error.html")]
struct ErrorPage {
    page: Page,
    message_key: &'static str,
    code: &'static str,
}

fn failure_page(visitor: &Visitor, failure: SsoFailure, secure: bool) -> WebResult<Response> {
    let status = match failure {
        SsoFailure::NotConfigured => StatusCode::NOT_FOUND,
        SsoFailure::StateInvalid | SsoFailure::ProviderRefused => StatusCode::BAD_REQUEST,
        SsoFailure::ProviderUnavailable => StatusCode::BAD_GATEWAY,
        SsoFailure::Token(_) | SsoFailure::NoMatchingPerson => StatusCode::UNAUTHORIZED,
    };
    let mut response = render(
        &ErrorPage {
            page: Page::new(visitor, "login"),
            message_key: failure.message_key(),
            code: failure.code(),
        },
        status,
    )?;
    append_cookie(&mut response, &cookies::clear(SSO_STATE, secure));
    Ok(response)
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

#[derive(Deserialize, Default)]
pub struct StartQuery {
    terug: Option<String>,
}

/// `GET /inloggen/sso/{organisation}`: off to the identity provider.
pub async fn start(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(slug): Path<String>,
    Query(query): Query<StartQuery>,
) -> WebResult<Response> {
    let return_to = safe_return_path(query.terug.as_deref());
    match sso::start(&state.db, &state.settings, &slug, &return_to).await? {
        Ok(started) => {
            let mut response = Redirect::to(&started.redirect_url).into_response();
            let cookie = cookies::set(
                SSO_STATE,
                &started.state,
                sso::LOGIN_VALID_MINUTES * 60,
                state.secure_cookies,
            );
            append_cookie(&mut response, &cookie);
            Ok(response)
        }
        Err(failure) => failure_page(&visitor, failure, state.secure_cookies),
    }
}

/// `GET /inloggen/sso/terug`: the provider sends the browser back here with a code.
pub async fn callback(
    State(state): State<AppState>,
    visitor: Visitor,
    headers: HeaderMap,
    Query(query): Query<Callback>,
) -> WebResult<Response> {
    let browser_state = cookies::get(&headers, SSO_STATE);
    match sso::finish(&state.db, &state.settings, &query, browser_state.as_deref()).await? {
        Ok(finished) => {
            let mut response =
                Redirect::to(&safe_return_path(Some(&finished.return_to))).into_response();
            let max_age = state.settings.session_hours * 3600;
            append_cookie(
                &mut response,
                &cookies::set(
                    cookies::SESSION,
                    &finished.session.token,
                    max_age,
                    state.secure_cookies,
                ),
            );
            append_cookie(
                &mut response,
                &cookies::clear(SSO_STATE, state.secure_cookies),
            );
            Ok(response)
        }
        Err(failure) => failure_page(&visitor, failure, state.secure_cookies),
    }
}

#[derive(Template)]
#[template(path = "sso_settings.html")]
struct SettingsPage {
    page: Page,
    errors: FormErrors,
    view: SettingsView,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klaar: Option<String>,
}

pub async fn settings_form(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    let view = sso::settings(&state.db, &state.settings, &actor).await?;
    ok(&SettingsPage {
        page: Page::new(&visitor, "sso").with_notice(notice_from_query(query.klaar.as_deref())),
        errors: FormErrors::default(),
        view,
    })
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    scopes: String,
    #[serde(default)]
    link_by: String,
    #[serde(default)]
    link_claim: String,
    #[serde(default)]
    enabled: Option<String>,
    #[serde(default)]
    sso_only: Option<String>,
}

pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<SettingsForm>,
) -> WebResult<Response> {
    let input = SettingsInput {
        issuer: form.issuer,
        client_id: form.client_id,
        client_secret: form.client_secret,
        scopes: form.scopes,
        link_by: form.link_by,
        link_claim: form.link_claim,
        enabled: form.enabled.is_some(),
        sso_only: form.sso_only.is_some(),
    };
    match sso::save_settings(&state.db, &actor, &input).await {
        Ok(()) => Ok(Redirect::to("/beheer/sso?klaar=sso-saved").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let stored = sso::settings(&state.db, &state.settings, &actor).await?;
            let page = Page::new(&visitor, "sso");
            let errors = FormErrors::new(page.t, &fields);
            // Show what was typed, except the secret.
            let view = SettingsView {
                issuer: input.issuer,
                client_id: input.client_id,
                has_secret: stored.has_secret,
                scopes: input.scopes,
                link_by: input.link_by,
                link_claim: input.link_claim,
                enabled: input.enabled,
                sso_only: input.sso_only,
                callback_url: stored.callback_url,
            };
            render(
                &SettingsPage { page, errors, view },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "scim_settings.html")]
struct ScimPage {
    page: Page,
    token: Option<kleur_storage::scim::TokenInfo>,
    new_token: Option<String>,
    endpoint: String,
}

async fn scim_page(
    state: &AppState,
    actor: &kleur_services::Actor,
    visitor: &Visitor,
    new_token: Option<String>,
    notice: Option<&'static str>,
) -> WebResult<Response> {
    let token = kleur_services::scim::token_info(&state.db, actor).await?;
    ok(&ScimPage {
        page: Page::new(visitor, "sso").with_notice(notice),
        token,
        new_token,
        endpoint: format!("{}/scim/v2", state.settings.base_url),
    })
}

/// `GET /beheer/scim`: the provisioning token's state.
pub async fn scim_settings(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    scim_page(
        &state,
        &actor,
        &visitor,
        None,
        notice_from_query(query.klaar.as_deref()),
    )
    .await
}

/// `POST /beheer/scim/sleutel`: a new token, shown once; the previous one stops working.
pub async fn scim_rotate(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
) -> WebResult<Response> {
    let token = kleur_services::scim::rotate_token(&state.db, &actor).await?;
    let mut response = scim_page(
        &state,
        &actor,
        &visitor,
        Some(token),
        Some("scim-token-created"),
    )
    .await?;
    // The secret must not stay in a cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `POST /beheer/scim/intrekken`: no token works any more.
pub async fn scim_revoke(
    State(state): State<AppState>,
    SignedIn(actor, _visitor): SignedIn,
) -> WebResult<Response> {
    kleur_services::scim::revoke_token(&state.db, &actor).await?;
    Ok(Redirect::to("/beheer/scim?klaar=scim-token-revoked").into_response())
}
