//! Signing in and out, password reset, language choice.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::Locale;
use kleur_services::{FieldError, ServiceError, auth};
use serde::Deserialize;

use super::{FormErrors, ok, render, safe_return_path};
use crate::context::{Page, Visitor, notice_from_query};
use crate::error::{WebError, WebResult};
use crate::{AppState, cookies};

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    pub klaar: Option<String>,
    pub terug: Option<String>,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    errors: FormErrors,
    email: String,
    return_to: String,
    /// Organisations signing in through their identity provider: (slug, name).
    sso_choices: Vec<(String, String)>,
}

pub async fn login_form(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<NoticeQuery>,
) -> WebResult<Response> {
    if visitor.actor.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    ok(&LoginPage {
        sso_choices: kleur_services::sso::sign_in_choices(&state.db).await?,
        page: Page::new(&visitor, "login").with_notice(notice_from_query(query.klaar.as_deref())),
        errors: FormErrors::default(),
        email: String::new(),
        return_to: safe_return_path(query.terug.as_deref()),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    terug: String,
}

pub async fn login(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<LoginForm>,
) -> WebResult<Response> {
    match auth::login(&state.db, &state.settings, &form.email, &form.password).await {
        Ok(session) => {
            let max_age = state.settings.session_hours * 3600;
            let cookie = cookies::set(
                cookies::SESSION,
                &session.token,
                max_age,
                state.secure_cookies,
            );
            let mut response = Redirect::to(&safe_return_path(Some(&form.terug))).into_response();
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(
            error @ (ServiceError::InvalidCredentials
            | ServiceError::RateLimited
            | ServiceError::Invalid(_)),
        ) => {
            let page = Page::new(&visitor, "login");
            let (status, message) = match error {
                ServiceError::Invalid(_) => (StatusCode::FORBIDDEN, page.t.get("login-sso-only")),
                ServiceError::RateLimited => (
                    StatusCode::TOO_MANY_REQUESTS,
                    page.t.arg(
                        "login-rate-limited",
                        "minutes",
                        auth::FAILURE_WINDOW_MINUTES,
                    ),
                ),
                _ => (StatusCode::UNAUTHORIZED, page.t.get("login-failed")),
            };
            let errors = FormErrors {
                items: vec![super::ErrorItem {
                    field: "email".into(),
                    message,
                }],
            };
            render(
                &LoginPage {
                    page,
                    errors,
                    email: form.email.trim().to_owned(),
                    return_to: safe_return_path(Some(&form.terug)),
                    sso_choices: kleur_services::sso::sign_in_choices(&state.db).await?,
                },
                status,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    request: axum::http::HeaderMap,
) -> WebResult<Response> {
    if let Some(token) = cookies::get(&request, cookies::SESSION) {
        auth::logout(&state.db, &token).await?;
    }
    let mut response = Redirect::to("/inloggen?klaar=logged-out").into_response();
    if let Ok(value) =
        HeaderValue::from_str(&cookies::clear(cookies::SESSION, state.secure_cookies))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "reset_request.html")]
struct ResetRequestPage {
    page: Page,
    errors: FormErrors,
    email: String,
}

pub async fn reset_request_form(visitor: Visitor) -> WebResult<Response> {
    ok(&ResetRequestPage {
        page: Page::new(&visitor, "login"),
        errors: FormErrors::default(),
        email: String::new(),
    })
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

pub async fn reset_request(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<EmailForm>,
) -> WebResult<Response> {
    match auth::request_password_reset(&state.db, &state.settings, &form.email).await {
        Ok(()) => Ok(Redirect::to("/inloggen?klaar=reset-request-sent").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "login");
            let errors = FormErrors::new(page.t, &fields);
            render(
                &ResetRequestPage {
                    page,
                    errors,
                    email: form.email,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    page: Page,
    errors: FormErrors,
    token: String,
    valid: bool,
}

fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit())
}

pub async fn reset_form(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let valid = plausible_token(&token) && auth::reset_token_is_valid(&state.db, &token).await?;
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render(
        &ResetPage {
            page: Page::new(&visitor, "login"),
            errors: FormErrors::default(),
            token,
            valid,
        },
        status,
    )
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
}

pub async fn reset(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> WebResult<Response> {
    let result = if plausible_token(&token) {
        auth::reset_password(&state.db, &token, &form.password).await
    } else {
        Err(ServiceError::invalid("token", "error-reset-token"))
    };
    match result {
        Ok(()) => Ok(Redirect::to("/inloggen?klaar=reset-done").into_response()),
        Err(ServiceError::Invalid(fields)) => {
            let valid = !fields.iter().any(|f| f.field == "token");
            let page = Page::new(&visitor, "login");
            let errors = FormErrors::new(page.t, &fields);
            let status = if valid {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::NOT_FOUND
            };
            render(
                &ResetPage {
                    page,
                    errors,
                    token,
                    valid,
                },
                status,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    taal: String,
    #[serde(default)]
    terug: String,
}

/// Remembers the language: in the profile when signed in, in a cookie for visitors.
pub async fn set_language(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<LanguageForm>,
) -> WebResult<Response> {
    let locale = Locale::parse(&form.taal)
        .ok_or_else(|| WebError::Invalid(vec![FieldError::new("taal", "error-locale")]))?;
    if let Some(actor) = &visitor.actor {
        kleur_services::people::set_locale(&state.db, actor, locale).await?;
    }
    let mut response = Redirect::to(&safe_return_path(Some(&form.terug))).into_response();
    let cookie = cookies::set(
        cookies::LANGUAGE,
        locale.as_str(),
        365 * 24 * 3600,
        state.secure_cookies,
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}
