//! Request middleware: who is visiting, CSRF on every form, and error pages and problem JSON.

use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use kleur_domain::Locale;
use kleur_i18n::Tr;

use crate::context::{Page, Visitor};
use crate::error::{ErrorDetail, Rendered};
use crate::{AppState, BODY_LIMIT, cookies};

const ONE_YEAR: i64 = 365 * 24 * 3600;

fn request_id(request: &Request) -> String {
    request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// The language for a request: the person's choice, else the visitor's cookie, else the
/// browser's `Accept-Language`, else Dutch.
fn locale_for(request: &Request, chosen: Option<Locale>) -> Locale {
    chosen
        .or_else(|| {
            cookies::get(request.headers(), cookies::LANGUAGE).and_then(|v| Locale::parse(&v))
        })
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

pub async fn pages(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let session = match cookies::get(request.headers(), cookies::SESSION) {
        Some(token) => {
            kleur_services::auth::session_actor(&state.db, &state.settings, &token).await
        }
        None => Ok(None),
    };
    let session = match session {
        Ok(session) => session,
        Err(error) => {
            tracing::error!(%error, "session lookup");
            return render_error(
                &fallback_visitor(&request),
                StatusCode::INTERNAL_SERVER_ERROR,
            );
        }
    };
    let mut new_csrf_cookie = None;
    let csrf = match &session {
        Some((_, csrf)) => csrf.clone(),
        None => cookies::get(request.headers(), cookies::CSRF)
            .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
            .unwrap_or_else(|| {
                let token = kleur_services::secret::random_token();
                new_csrf_cookie = Some(token.clone());
                token
            }),
    };
    let actor = session.map(|(actor, _)| actor);
    let visitor = Visitor {
        locale: locale_for(&request, actor.as_ref().and_then(|a| a.locale)),
        actor,
        csrf,
        request_id: request_id(&request),
        path: request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into()),
    };

    if is_unsafe(request.method()) {
        match check_csrf(request, &visitor).await {
            Ok(checked) => request = checked,
            Err(status) => {
                let mut response = render_error(&visitor, status);
                if status == StatusCode::FORBIDDEN {
                    response = render_error_with_text(&visitor, status, "error-csrf");
                }
                return response;
            }
        }
    }

    request.extensions_mut().insert(visitor.clone());
    let response = next.run(request).await;
    let mut response = finish_page(&visitor, response);
    if let Some(token) = new_csrf_cookie
        && let Ok(value) = HeaderValue::from_str(&cookies::set(
            cookies::CSRF,
            &token,
            ONE_YEAR,
            state.secure_cookies,
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Refuses paths and queries with control characters (NUL above all: PostgreSQL cannot store it
/// and no id or search contains one), before any handler sees them.
pub async fn reject_control_characters(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let decoded = |text: &str| {
        percent_decode(text.as_bytes())
            .iter()
            .any(|b| *b < 0x20 || *b == 0x7f)
    };
    if decoded(uri.path()) || uri.query().is_some_and(decoded) {
        return StatusCode::BAD_REQUEST.into_response();
    }
    // Form and JSON bodies may not carry NUL either, whatever the handler does with them.
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let is_json = content_type.starts_with("application/json");
    if !(is_form || is_json) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let has_nul = bytes.contains(&0)
        || (is_form && percent_decode(&bytes).contains(&0))
        || (is_json && contains_ignore_case(&bytes, b"\\u0000"));
    if has_nul {
        return StatusCode::BAD_REQUEST.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut index = 0;
    while index < input.len() {
        let byte = input[index];
        if byte == b'%'
            && index + 2 < input.len()
            && let (Some(high), Some(low)) = (
                (input[index + 1] as char).to_digit(16),
                (input[index + 2] as char).to_digit(16),
            )
        {
            out.push((high * 16 + low) as u8);
            index += 3;
        } else {
            out.push(byte);
            index += 1;
        }
    }
    out
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Every state-changing page request must carry the visitor's CSRF token: in the form field
/// `csrf` of a url-encoded body, or as the `csrf` query parameter for other bodies.
async fn check_csrf(request: Request, visitor: &Visitor) -> Result<Request, StatusCode> {
    let (parts, body) = request.into_parts();
    // A page of another site may not post here, whatever it sends.
    if parts
        .headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        == Some("cross-site")
    {
        return Err(StatusCode::FORBIDDEN);
    }
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let (token, body) = if is_form {
        let bytes = to_bytes(body, BODY_LIMIT)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?;
        let token = url::form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned());
        (token, Body::from(bytes))
    } else {
        let token = parts.uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "csrf")
                .map(|(_, v)| v.into_owned())
        });
        (token, body)
    };
    match token {
        Some(token) if kleur_services::secret::constant_time_eq(&token, &visitor.csrf) => {
            Ok(Request::from_parts(parts, body))
        }
        _ => Err(StatusCode::FORBIDDEN),
    }
}

fn fallback_visitor(request: &Request) -> Visitor {
    Visitor {
        actor: None,
        csrf: String::new(),
        locale: locale_for(request, None),
        request_id: request_id(request),
        path: "/".into(),
    }
}

/// Replaces bare error responses (ours, axum's rejections, the fallback) with a page.
fn finish_page(visitor: &Visitor, response: Response) -> Response {
    if response.extensions().get::<Rendered>().is_some() {
        return response;
    }
    let status = response.status();
    if status == StatusCode::UNAUTHORIZED && visitor.actor.is_none() {
        let target = format!(
            "/inloggen?terug={}",
            url::form_urlencoded::byte_serialize(visitor.path.as_bytes()).collect::<String>()
        );
        return Redirect::to(&target).into_response();
    }
    if status.is_client_error() || status.is_server_error() {
        let allow = response.headers().get(header::ALLOW).cloned();
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        let mut page = render_error(visitor, status);
        if let Some(allow) = allow {
            page.headers_mut().insert(header::ALLOW, allow);
        }
        if let Some(retry_after) = retry_after {
            page.headers_mut().insert(header::RETRY_AFTER, retry_after);
        }
        return page;
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    title: String,
    text: String,
}

pub fn render_error(visitor: &Visitor, status: StatusCode) -> Response {
    let key = format!("error-{}-text", error_family(status));
    render_error_with_text(visitor, status, &key)
}

fn error_family(status: StatusCode) -> u16 {
    match status.as_u16() {
        code @ (400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429) => code,
        code if code >= 500 => 500,
        _ => 400,
    }
}

fn render_error_with_text(visitor: &Visitor, status: StatusCode, text_key: &str) -> Response {
    let t = Tr::new(visitor.locale);
    let family = error_family(status);
    let template = ErrorPage {
        page: Page::new(visitor, ""),
        title: t.get(&format!("error-{family}-title")),
        text: t.arg(text_key, "request", &visitor.request_id),
    };
    let body = template
        .render()
        .unwrap_or_else(|_| t.get(&format!("error-{family}-title")));
    let mut response = (status, Html(body)).into_response();
    response.extensions_mut().insert(Rendered);
    response
}

/// API errors as RFC 9457 problem JSON, in the client's language (`Accept-Language`).
pub async fn api_errors(request: Request, next: Next) -> Response {
    let locale = locale_for(&request, None);
    let id = request_id(&request);
    let response = next.run(request).await;
    let status = response.status();
    if response.extensions().get::<Rendered>().is_some()
        || !(status.is_client_error() || status.is_server_error())
    {
        return response;
    }
    let fields = response
        .extensions()
        .get::<ErrorDetail>()
        .map(|d| d.fields.clone())
        .unwrap_or_default();
    let allow = response.headers().get(header::ALLOW).cloned();
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let t = Tr::new(locale);
    let (kind, detail_key) = match status.as_u16() {
        400 => ("bad-request", "problem-bad-request"),
        401 => ("unauthorized", "problem-unauthorized"),
        403 => ("forbidden", "problem-forbidden"),
        404 => ("not-found", "problem-not-found"),
        405 => ("method-not-allowed", "problem-method"),
        409 => ("conflict", "problem-conflict"),
        413 => ("too-large", "problem-too-large"),
        415 => ("unsupported-media-type", "problem-unsupported-media"),
        422 => ("invalid", "problem-invalid"),
        429 => ("rate-limited", "problem-rate-limited"),
        _ => ("internal", "problem-internal"),
    };
    let family = error_family(status);
    let mut problem = serde_json::json!({
        "type": format!("urn:kleur:problem:{kind}"),
        "title": t.get(&format!("error-{family}-title")),
        "status": status.as_u16(),
        "detail": t.get(detail_key),
        "instance": format!("urn:kleur:request:{id}"),
    });
    if !fields.is_empty() {
        problem["errors"] = fields
            .iter()
            .map(|f| serde_json::json!({"field": f.field, "code": f.message_key, "detail": t.get(f.message_key)}))
            .collect();
    }
    let mut out = (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        problem.to_string(),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED {
        out.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    if let Some(allow) = allow {
        out.headers_mut().insert(header::ALLOW, allow);
    }
    if let Some(retry_after) = retry_after {
        out.headers_mut().insert(header::RETRY_AFTER, retry_after);
    }
    out.extensions_mut().insert(Rendered);
    out
}
