//! Request rate limits per client, in memory: token links (feedback answers, password reset),
//! the sign-in and reset forms, and the API. A limit is a number of requests per minute; over it
//! the answer is 429 with `Retry-After`. Sign-in failures are limited per address as well, in
//! the database (see `kleur_services::auth`).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

const WINDOW: Duration = Duration::from_secs(60);
/// Forgotten windows are dropped when the table grows past this, so memory stays bounded.
const MAX_ENTRIES: usize = 50_000;

/// Requests per minute per client for each kind of route.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub token_links: u32,
    pub sign_in: u32,
    pub api: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            token_links: 60,
            sign_in: 30,
            api: 1200,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    TokenLink,
    SignIn,
    Api,
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<(Class, String), (Instant, u32)>>,
}

impl RateLimiter {
    /// Counts one request; `Some(seconds to wait)` when over the limit.
    fn hit(&self, class: Class, key: String, limit: u32) -> Option<u64> {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > MAX_ENTRIES {
            windows.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let entry = windows.entry((class, key)).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > limit {
            Some(
                WINDOW
                    .saturating_sub(now.duration_since(entry.0))
                    .as_secs()
                    .max(1),
            )
        } else {
            None
        }
    }
}

fn class_of(method: &Method, path: &str) -> Option<Class> {
    if path.starts_with("/api/v1/") {
        Some(Class::Api)
    } else if path.starts_with("/feedback/antwoord/") || path.starts_with("/wachtwoord-herstellen/")
    {
        Some(Class::TokenLink)
    } else if *method == Method::POST && (path == "/inloggen" || path == "/wachtwoord-vergeten") {
        Some(Class::SignIn)
    } else {
        None
    }
}

/// Who is asking: the connecting address; behind a reverse proxy on the same host or network
/// (a loopback or private peer) the first `X-Forwarded-For` address instead. API requests
/// count per key when they carry one.
fn client_key(request: &Request, class: Class) -> String {
    if class == Class::Api
        && let Some(token) = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
    {
        return format!("key:{}", kleur_services::secret::hash_token(token.trim()));
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let behind_proxy = peer.is_none_or(|ip| match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private(),
        IpAddr::V6(v6) => v6.is_loopback(),
    });
    let forwarded = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    match (behind_proxy, forwarded, peer) {
        (true, Some(ip), _) => ip.to_string(),
        (_, _, Some(ip)) => ip.to_string(),
        _ => "unknown".to_owned(),
    }
}

/// Token links and the sign-in and reset forms.
pub async fn limit_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match class_of(request.method(), request.uri().path()) {
        Some(class) => limit(&state, class, request, next).await,
        None => next.run(request).await,
    }
}

/// Every API request (the API router sees paths without its `/api/v1` prefix).
pub async fn limit_api(State(state): State<AppState>, request: Request, next: Next) -> Response {
    limit(&state, Class::Api, request, next).await
}

async fn limit(state: &AppState, class: Class, request: Request, next: Next) -> Response {
    let limit = match class {
        Class::TokenLink => state.limits.token_links,
        Class::SignIn => state.limits.sign_in,
        Class::Api => state.limits.api,
    };
    let key = client_key(&request, class);
    match state.rate_limiter.hit(class, key, limit) {
        None => next.run(request).await,
        Some(wait) => {
            let mut response = StatusCode::TOO_MANY_REQUESTS.into_response();
            if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_allows_the_limit_and_then_refuses() {
        let limiter = RateLimiter::default();
        for _ in 0..3 {
            assert_eq!(limiter.hit(Class::TokenLink, "a".into(), 3), None);
        }
        assert!(limiter.hit(Class::TokenLink, "a".into(), 3).is_some());
        // Another client and another kind of route have their own count.
        assert_eq!(limiter.hit(Class::TokenLink, "b".into(), 3), None);
        assert_eq!(limiter.hit(Class::Api, "a".into(), 3), None);
    }

    #[test]
    fn routes_are_classified() {
        assert_eq!(class_of(&Method::GET, "/api/v1/me"), Some(Class::Api));
        assert_eq!(
            class_of(&Method::GET, "/feedback/antwoord/abc"),
            Some(Class::TokenLink)
        );
        assert_eq!(class_of(&Method::POST, "/inloggen"), Some(Class::SignIn));
        assert_eq!(class_of(&Method::GET, "/inloggen"), None);
        assert_eq!(class_of(&Method::GET, "/portfolio"), None);
    }
}
