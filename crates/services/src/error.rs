use kleur_storage::StorageError;

/// A problem with one input field, named by a translation key so each layer can say it in the
/// user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message_key: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, message_key: &'static str) -> Self {
        Self { field, message_key }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Missing, or not visible to this person: the same answer, so existence does not leak.
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("e-mail address or password is wrong")]
    InvalidCredentials,
    #[error("too many attempts")]
    RateLimited,
    /// Someone changed the same thing in the meantime (another tab); nothing was saved.
    #[error("changed in the meantime")]
    Stale,
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for ServiceError {
    fn from(error: sqlx::Error) -> Self {
        ServiceError::Storage(error.into())
    }
}

impl ServiceError {
    pub fn invalid(field: &'static str, message_key: &'static str) -> Self {
        ServiceError::Invalid(vec![FieldError::new(field, message_key)])
    }
}
