//! The audit log as use cases: recording events (inside the caller's transaction, so an event
//! is logged exactly when what it records happens) and reading them back.

use kleur_domain::{Page, PageRequest};
use kleur_storage::audit::{self as store, Entry, Filter};
use kleur_storage::{Conn, Db};

use crate::{Actor, Result, ServiceError};

/// The events Kleur records. The name is stored; the page translates it (`audit-event-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    SignedIn,
    SignInFailed,
    SignedOut,
    PasswordResetRequested,
    PasswordReset,
    RoleGranted,
    RoleRevoked,
    ApiKeyCreated,
    ApiKeyRevoked,
    PortfolioViewed,
    PortfolioExported,
    PersonalDataExported,
    PersonErased,
    SettingsChanged,
    /// Single sign-on; recorded by the SSO feature through [`record`].
    SignedInSso,
    /// A person or unit created or changed through SCIM provisioning.
    Provisioned,
}

impl Event {
    pub const ALL: &[Event] = &[
        Event::SignedIn,
        Event::SignInFailed,
        Event::SignedOut,
        Event::PasswordResetRequested,
        Event::PasswordReset,
        Event::RoleGranted,
        Event::RoleRevoked,
        Event::ApiKeyCreated,
        Event::ApiKeyRevoked,
        Event::PortfolioViewed,
        Event::PortfolioExported,
        Event::PersonalDataExported,
        Event::PersonErased,
        Event::SettingsChanged,
        Event::SignedInSso,
        Event::Provisioned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::SignedIn => "signed-in",
            Event::SignInFailed => "sign-in-failed",
            Event::SignedOut => "signed-out",
            Event::PasswordResetRequested => "password-reset-requested",
            Event::PasswordReset => "password-reset",
            Event::RoleGranted => "role-granted",
            Event::RoleRevoked => "role-revoked",
            Event::ApiKeyCreated => "api-key-created",
            Event::ApiKeyRevoked => "api-key-revoked",
            Event::PortfolioViewed => "portfolio-viewed",
            Event::PortfolioExported => "portfolio-exported",
            Event::PersonalDataExported => "personal-data-exported",
            Event::PersonErased => "person-erased",
            Event::SettingsChanged => "settings-changed",
            Event::SignedInSso => "signed-in-sso",
            Event::Provisioned => "provisioned",
        }
    }

    pub fn parse(text: &str) -> Option<Event> {
        Event::ALL.iter().copied().find(|e| e.as_str() == text)
    }
}

/// Appends an event in the caller's transaction or connection. `detail` must not hold personal
/// content: a role name, a setting name, a count.
pub async fn record(
    conn: &mut Conn,
    organisation_id: &str,
    event: Event,
    actor_id: Option<&str>,
    subject_id: Option<&str>,
    detail: &str,
) -> Result<()> {
    store::insert(
        conn,
        organisation_id,
        event.as_str(),
        actor_id,
        subject_id,
        detail,
    )
    .await?;
    Ok(())
}

/// The organisation's log for administrators, newest first, optionally one kind of event.
pub async fn list(
    db: &Db,
    actor: &Actor,
    event: Option<Event>,
    request: PageRequest,
) -> Result<Page<Entry>> {
    actor.require_admin()?;
    page(
        db,
        &actor.organisation_id,
        &Filter {
            event: event.map(Event::as_str),
            subject_id: None,
        },
        request,
    )
    .await
}

/// Who looked at the actor's own portfolio, from the log.
pub async fn views_of_my_portfolio(
    db: &Db,
    actor: &Actor,
    request: PageRequest,
) -> Result<Page<Entry>> {
    page(
        db,
        &actor.organisation_id,
        &Filter {
            event: Some(Event::PortfolioViewed.as_str()),
            subject_id: Some(&actor.person_id),
        },
        request,
    )
    .await
}

async fn page(
    db: &Db,
    organisation_id: &str,
    filter: &Filter<'_>,
    request: PageRequest,
) -> Result<Page<Entry>> {
    let mut conn = db.acquire().await?;
    let (items, total) = store::list(
        &mut conn,
        organisation_id,
        filter,
        request.limit(),
        request.offset(),
    )
    .await?;
    Ok(Page {
        items,
        page: request.page,
        per_page: request.per_page,
        total: u64::try_from(total).map_err(|e| ServiceError::Internal(e.to_string()))?,
    })
}
