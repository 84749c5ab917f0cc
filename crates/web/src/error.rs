//! One error type for handlers. Its response carries only a status and field errors; the page
//! middleware turns it into a page in the visitor's language, the API middleware into RFC 9457
//! problem JSON. Internal details go to the log only.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kleur_services::{FieldError, ServiceError};

#[derive(Debug)]
pub enum WebError {
    NotFound,
    Forbidden,
    SignInRequired,
    BadRequest,
    Invalid(Vec<FieldError>),
    RateLimited,
    Conflict,
    Internal(String),
}

/// Attached to an error response for the middleware to render.
#[derive(Debug, Clone)]
pub struct ErrorDetail {
    pub fields: Vec<FieldError>,
}

/// Attached to a response that is already fully rendered, so no middleware replaces it.
#[derive(Debug, Clone, Copy)]
pub struct Rendered;

impl From<ServiceError> for WebError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => WebError::NotFound,
            ServiceError::Forbidden => WebError::Forbidden,
            ServiceError::Invalid(fields) => WebError::Invalid(fields),
            ServiceError::InvalidCredentials => {
                WebError::Invalid(vec![FieldError::new("email", "login-failed")])
            }
            ServiceError::RateLimited => WebError::RateLimited,
            ServiceError::Stale => WebError::Conflict,
            ServiceError::Storage(error) => WebError::Internal(error.to_string()),
            ServiceError::Internal(error) => WebError::Internal(error),
        }
    }
}

impl From<kleur_storage::StorageError> for WebError {
    fn from(error: kleur_storage::StorageError) -> Self {
        WebError::Internal(error.to_string())
    }
}

impl From<askama::Error> for WebError {
    fn from(error: askama::Error) -> Self {
        WebError::Internal(format!("template: {error}"))
    }
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::SignInRequired => StatusCode::UNAUTHORIZED,
            WebError::BadRequest => StatusCode::BAD_REQUEST,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            WebError::Conflict => StatusCode::CONFLICT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let status = self.status();
        let fields = match self {
            WebError::Invalid(fields) => fields,
            _ => Vec::new(),
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorDetail { fields });
        response
    }
}

pub type WebResult<T> = Result<T, WebError>;
