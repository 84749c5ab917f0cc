//! The SCIM 2.0 endpoint (`/scim/v2`): Users and Groups for provisioning systems, authenticated
//! with the organisation's bearer token. Answers are `application/scim+json`; errors are SCIM
//! error documents. Every lookup is within the token's organisation.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kleur_services::scim::{self, ScimError, ScimResult};
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ServiceProviderConfig", get(service_provider_config))
        .route("/ResourceTypes", get(resource_types))
        .route("/Schemas", get(schemas))
        .route("/Users", get(list_users).post(create_user))
        .route(
            "/Users/{id}",
            get(get_user)
                .put(replace_user)
                .patch(patch_user)
                .delete(delete_user),
        )
        .route("/Groups", get(list_groups).post(create_group))
        .route(
            "/Groups/{id}",
            get(get_group).put(replace_group).patch(patch_group),
        )
        .fallback(|| async {
            error(ScimError {
                status: 404,
                scim_type: None,
                detail: "no such endpoint".into(),
            })
        })
}

fn scim_json(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/scim+json"),
    );
    response
}

fn error(error: ScimError) -> Response {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = scim_json(status, &error.body());
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"kleur-scim\""),
        );
    }
    response
}

fn answer(result: ScimResult<Value>, status: StatusCode) -> Response {
    match result {
        Ok(body) => scim_json(status, &body),
        Err(e) => error(e),
    }
}

/// The organisation whose token came with the request.
pub struct Tenant(String);

impl FromRequestParts<AppState> for Tenant {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let unauthorised = || {
            error(ScimError {
                status: 401,
                scim_type: None,
                detail: "a valid bearer token is needed".into(),
            })
        };
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .ok_or_else(unauthorised)?;
        match scim::authenticate(&state.db, token).await {
            Ok(Some(organisation_id)) => Ok(Tenant(organisation_id)),
            Ok(None) => Err(unauthorised()),
            Err(e) => Err(error(e.into())),
        }
    }
}

fn parse_body(bytes: &Bytes) -> ScimResult<Value> {
    serde_json::from_slice(bytes).map_err(|_| ScimError {
        status: 400,
        scim_type: Some("invalidSyntax"),
        detail: "the body is not valid JSON".into(),
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    filter: Option<String>,
    #[serde(rename = "startIndex")]
    start_index: Option<String>,
    count: Option<String>,
}

fn number(value: Option<&str>) -> ScimResult<Option<i64>> {
    value
        .map(|v| {
            v.trim().parse::<i64>().map_err(|_| ScimError {
                status: 400,
                scim_type: Some("invalidValue"),
                detail: "startIndex and count are numbers".into(),
            })
        })
        .transpose()
}

fn base(state: &AppState) -> &str {
    &state.settings.base_url
}

async fn service_provider_config(State(state): State<AppState>, _: Tenant) -> Response {
    scim_json(StatusCode::OK, &scim::service_provider_config(base(&state)))
}

async fn resource_types(State(state): State<AppState>, _: Tenant) -> Response {
    scim_json(StatusCode::OK, &scim::resource_types(base(&state)))
}

async fn schemas(State(state): State<AppState>, _: Tenant) -> Response {
    scim_json(StatusCode::OK, &scim::schemas(base(&state)))
}

async fn list_users(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Query(query): Query<ListQuery>,
) -> Response {
    let result = async {
        let start = number(query.start_index.as_deref())?;
        let count = number(query.count.as_deref())?;
        scim::list_users(
            &state.db,
            base(&state),
            &organisation_id,
            query.filter.as_deref(),
            start,
            count,
        )
        .await
    };
    answer(result.await, StatusCode::OK)
}

async fn get_user(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
) -> Response {
    answer(
        scim::get_user(&state.db, base(&state), &organisation_id, &id).await,
        StatusCode::OK,
    )
}

async fn create_user(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::create_user(&state.db, base(&state), &organisation_id, &body).await
    };
    answer(result.await, StatusCode::CREATED)
}

async fn replace_user(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::replace_user(&state.db, base(&state), &organisation_id, &id, &body).await
    };
    answer(result.await, StatusCode::OK)
}

async fn patch_user(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::patch_user(&state.db, base(&state), &organisation_id, &id, &body).await
    };
    answer(result.await, StatusCode::OK)
}

async fn delete_user(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
) -> Response {
    match scim::delete_user(&state.db, &organisation_id, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => error(e),
    }
}

async fn list_groups(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Query(query): Query<ListQuery>,
) -> Response {
    let result = async {
        let start = number(query.start_index.as_deref())?;
        let count = number(query.count.as_deref())?;
        scim::list_groups(
            &state.db,
            base(&state),
            &organisation_id,
            query.filter.as_deref(),
            start,
            count,
        )
        .await
    };
    answer(result.await, StatusCode::OK)
}

async fn get_group(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
) -> Response {
    answer(
        scim::get_group(&state.db, base(&state), &organisation_id, &id).await,
        StatusCode::OK,
    )
}

async fn create_group(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::create_group(&state.db, base(&state), &organisation_id, &body).await
    };
    answer(result.await, StatusCode::CREATED)
}

async fn replace_group(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::replace_group(&state.db, base(&state), &organisation_id, &id, &body).await
    };
    answer(result.await, StatusCode::OK)
}

async fn patch_group(
    State(state): State<AppState>,
    Tenant(organisation_id): Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let body = parse_body(&body)?;
        scim::patch_group(&state.db, base(&state), &organisation_id, &id, &body).await
    };
    answer(result.await, StatusCode::OK)
}
