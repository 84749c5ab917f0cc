//! Kleur's web layer: server-rendered pages (askama, no JavaScript needed), the JSON API under
//! `/api/v1` with its OpenAPI document, translations, static assets and operational endpoints.
//!
//! Handlers are thin: they parse, call one service function, and render.

pub mod api;
mod context;
mod cookies;
mod error;
mod middleware;
mod pages;
pub mod rate_limit;
mod scim;
mod static_files;

#[doc(hidden)]
pub use pages::{message_page_html, report_page_html};

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use kleur_services::Settings;
use kleur_storage::Db;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use context::Visitor;
#[doc(hidden)]
pub use pages::portfolio::render_own as render_own_portfolio;

/// The largest request body Kleur accepts (forms and JSON). Uploads get their own limit later.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Cookies get the `Secure` flag, and responses HSTS, when Kleur is reached over HTTPS.
    pub secure_cookies: bool,
    pub limits: rate_limit::Limits,
    pub rate_limiter: Arc<rate_limit::RateLimiter>,
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> Self {
        let secure_cookies = settings.base_url.starts_with("https://");
        Self {
            db,
            settings: Arc::new(settings),
            secure_cookies,
            limits: rate_limit::Limits::default(),
            rate_limiter: Arc::default(),
        }
    }

    pub fn with_limits(mut self, limits: rate_limit::Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// The whole application: pages, API, health checks, static files, and the layers around them.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let pages = pages::routes()
        .layer(axum::middleware::from_fn(
            middleware::reject_control_characters,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit::limit_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::pages,
        ))
        .with_state(state.clone());
    let api = api::routes()
        .layer(axum::middleware::from_fn(
            middleware::reject_control_characters,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit::limit_api,
        ))
        .layer(axum::middleware::from_fn(middleware::api_errors))
        .with_state(state.clone());
    // Browsers remember to use HTTPS only when Kleur is served over it (the base URL says so).
    let hsts = state.secure_cookies.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });
    Router::new()
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .nest_service("/static", static_files::service())
        .nest("/api/v1", api)
        .nest("/scim/v2", scim::routes().with_state(state.clone()))
        .merge(pages)
        .with_state(state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower::util::option_layer(hsts))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                // The matched route, not the raw path: paths can carry tokens and ids.
                let route = request
                    .extensions()
                    .get::<axum::extract::MatchedPath>()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_else(|| "unmatched".to_owned());
                let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                tracing::info_span!("request", method = %request.method(), route, request_id = %id)
            }),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

async fn health() -> &'static str {
    "ok"
}

/// Ready when the database answers and every migration of this binary is applied.
async fn ready(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let check = async {
        tokio::time::timeout(Duration::from_secs(3), state.db.ping())
            .await
            .ok()?
            .ok()?;
        kleur_storage::migrate::is_up_to_date(&state.db).await.ok()
    };
    match check.await {
        Some(true) => (
            axum::http::StatusCode::OK,
            axum::Json(serde_json::json!({"status": "ready"})),
        )
            .into_response(),
        Some(false) => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({"status": "migrations pending"})),
        )
            .into_response(),
        None => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({"status": "database unreachable"})),
        )
            .into_response(),
    }
}
