//! Kleur's use cases. Each public function authorises, validates, and writes in one transaction;
//! mail goes to the outbox in that same transaction.

pub mod actor;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod checkins;
pub mod conversations;
pub mod demo;
pub mod demo_content;
pub mod demo_directory;
pub mod demo_mobility;
pub mod demo_talent;
pub mod directory;
pub mod error;
pub mod feedback;
pub mod feedback_hr;
pub mod goals;
pub mod import;
pub mod mail;
pub mod mobility;
pub mod people;
pub mod portfolio;
pub mod privacy;
pub mod programme;
pub mod questionnaires;
pub mod scim;
pub mod secret;
pub mod sso;
pub mod talent;

pub use actor::Actor;
pub use error::{FieldError, ServiceError};

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

/// Settings the use cases need, taken from the application's configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where people reach Kleur, for links in e-mail; no trailing slash.
    pub base_url: String,
    pub session_hours: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            base_url: "http://localhost:8080".into(),
            session_hours: 12,
        }
    }
}
