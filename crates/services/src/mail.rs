//! Delivering the outbox: over SMTP, or into the local "sent mail" page when no SMTP server is
//! configured (demo mode).

use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use kleur_storage::{Db, outbox, timestamp};
pub use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{Result, ServiceError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain SMTP: only for a relay on the same host or network.
    None,
    StartTls,
    Tls,
}

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

#[derive(Clone)]
pub enum Transport {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    /// Keeps mail in the outbox, marked delivered, for the administrator to read.
    Local,
}

impl Transport {
    pub fn smtp(settings: &SmtpSettings) -> Result<Transport> {
        let from: Mailbox = settings.from.parse().map_err(|_| {
            ServiceError::Internal(format!(
                "the SMTP from address '{}' is not valid",
                settings.from
            ))
        })?;
        let builder = match settings.security {
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|e| ServiceError::Internal(e.to_string()))?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(StdDuration::from_secs(20)));
        if let (Some(username), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(username.clone(), password.clone()));
        }
        Ok(Transport::Smtp {
            transport: Box::new(builder.build()),
            from,
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Transport::Smtp { .. } => "smtp",
            Transport::Local => "local",
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub failed: usize,
}

/// How long a claim lasts: a node that dies mid-send frees its messages after this.
const LEASE_MINUTES: i64 = 5;
const MAX_ATTEMPTS: i64 = 12;

/// Waits longer after each failed attempt: 30 s, 1 min, 2 min … up to 6 hours.
pub fn backoff(attempts: i64) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let seconds = 30i64.saturating_mul(2i64.saturating_pow(exponent));
    Duration::seconds(seconds.min(6 * 3600))
}

/// Sends every message that is due, once. Safe to run on several nodes at the same time.
pub async fn deliver_due(db: &Db, transport: &Transport) -> Result<DeliveryReport> {
    let mut report = DeliveryReport::default();
    // Bounded, so one call always ends even if something keeps making mail due.
    for _ in 0..50 {
        let now = Utc::now();
        let lease = timestamp(now + Duration::minutes(LEASE_MINUTES));
        let batch = outbox::claim_due(db, &timestamp(now), &lease, 20).await?;
        if batch.is_empty() {
            return Ok(report);
        }
        for message in batch {
            let outcome = send(transport, &message).await;
            let mut conn = db.acquire().await?;
            match outcome {
                Ok(()) => {
                    outbox::mark_sent(
                        &mut conn,
                        &message.organisation_id,
                        &message.id,
                        transport.name(),
                    )
                    .await?;
                    report.sent += 1;
                }
                Err(error) => {
                    let next = if message.attempts >= MAX_ATTEMPTS {
                        // Given up: kept for the administrator to see, never retried.
                        "9999-12-31T23:59:59.000000Z".to_owned()
                    } else {
                        timestamp(Utc::now() + backoff(message.attempts))
                    };
                    tracing::warn!(message_id = %message.id, attempts = message.attempts, %error, "mail delivery failed");
                    outbox::mark_failed(
                        &mut conn,
                        &message.organisation_id,
                        &message.id,
                        &error,
                        &next,
                    )
                    .await?;
                    report.failed += 1;
                }
            }
        }
    }
    Ok(report)
}

async fn send(
    transport: &Transport,
    message: &outbox::OutboxMessage,
) -> std::result::Result<(), String> {
    match transport {
        Transport::Local => Ok(()),
        Transport::Smtp { transport, from } => {
            let to: Mailbox = message
                .recipient
                .parse()
                .map_err(|_| "invalid recipient address".to_owned())?;
            let email = Message::builder()
                .from(from.clone())
                .to(to)
                .subject(&message.subject)
                .message_id(Some(format!("<{}@kleur>", message.id)))
                .body(message.body_text.clone())
                .map_err(|e| e.to_string())?;
            transport
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    }
}

/// Runs delivery every `interval` until `shutdown` says stop.
pub async fn run_worker(
    db: Db,
    transport: Transport,
    interval: StdDuration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if let Err(error) = deliver_due(&db, &transport).await {
            tracing::error!(%error, "outbox worker");
        }
        if let Err(error) = crate::auth::purge_expired(&db).await {
            tracing::error!(%error, "purging expired sessions");
        }
        if let Err(error) = crate::feedback::close_overdue_rounds(&db).await {
            tracing::error!(%error, "closing feedback rounds past their deadline");
        }
        if let Err(error) = crate::privacy::apply_retention(&db).await {
            tracing::error!(%error, "applying retention periods");
        }
        if let Err(error) = crate::directory::prune_search_changes(&db).await {
            tracing::error!(%error, "pruning the search index's change signals");
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// The organisation's mail, newest first, for administrators.
pub async fn list_messages(
    db: &Db,
    actor: &crate::Actor,
    request: kleur_domain::PageRequest,
) -> Result<kleur_domain::Page<outbox::OutboxMessage>> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    let (items, total) = outbox::list_recent(
        &mut conn,
        &actor.organisation_id,
        request.limit(),
        request.offset(),
    )
    .await?;
    Ok(kleur_domain::Page {
        items,
        page: request.page,
        per_page: request.per_page,
        total: u64::try_from(total).unwrap_or(0),
    })
}

pub async fn get_message(db: &Db, actor: &crate::Actor, id: &str) -> Result<outbox::OutboxMessage> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    outbox::get_message(&mut conn, &actor.organisation_id, id)
        .await?
        .ok_or(ServiceError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(50), Duration::hours(6));
    }
}
