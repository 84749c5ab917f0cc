//! Static assets, embedded in the binary so one file is the whole installation.

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const FILES: &[(&str, &str, &[u8])] = &[
    (
        "kleur.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/kleur.css"),
    ),
    (
        "vendor/utrecht-component-library-css/index.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/vendor/utrecht-component-library-css/index.css"),
    ),
    (
        "vendor/voorbeeld-design-tokens/theme.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/vendor/voorbeeld-design-tokens/theme.css"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../static/favicon.svg"),
    ),
];

pub fn service() -> Router {
    Router::new().route("/{*path}", get(serve))
}

async fn serve(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(name, _, _)| *name == path) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
