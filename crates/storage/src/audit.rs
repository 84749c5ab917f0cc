//! The audit log: security-relevant events, appended and never changed (the database refuses
//! updates and deletes, see migration 14).

use serde::Serialize;
use sqlx::Row;

use crate::{Conn, Result, new_id, now};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Entry {
    pub id: String,
    pub occurred_at: String,
    pub event: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub subject_id: Option<String>,
    pub subject_name: Option<String>,
    pub detail: String,
}

pub async fn insert(
    conn: &mut Conn,
    organisation_id: &str,
    event: &str,
    actor_id: Option<&str>,
    subject_id: Option<&str>,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (organisation_id, id, occurred_at, event, actor_id, subject_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(now())
    .bind(event)
    .bind(actor_id)
    .bind(subject_id)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Which entries to list.
#[derive(Debug, Default, Clone)]
pub struct Filter<'a> {
    pub event: Option<&'a str>,
    /// Only entries about this person.
    pub subject_id: Option<&'a str>,
}

/// Newest first, with the names of the people involved, and the total.
pub async fn list(
    conn: &mut Conn,
    organisation_id: &str,
    filter: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Entry>, i64)> {
    let condition =
        "a.organisation_id = $1 AND ($2 = '' OR a.event = $2) AND ($3 = '' OR a.subject_id = $3)";
    let event = filter.event.unwrap_or_default();
    let subject = filter.subject_id.unwrap_or_default();
    let total: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM audit_log a WHERE {condition}"
    )))
    .bind(organisation_id)
    .bind(event)
    .bind(subject)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    let entries = sqlx::query_as::<_, Entry>(sqlx::AssertSqlSafe(format!(
        "SELECT a.id, a.occurred_at, a.event, a.actor_id, actor.display_name AS actor_name, \
         a.subject_id, subject.display_name AS subject_name, a.detail \
         FROM audit_log a \
         LEFT JOIN people actor ON actor.organisation_id = a.organisation_id AND actor.id = a.actor_id \
         LEFT JOIN people subject ON subject.organisation_id = a.organisation_id AND subject.id = a.subject_id \
         WHERE {condition} ORDER BY a.occurred_at DESC, a.id DESC LIMIT $4 OFFSET $5"
    )))
    .bind(organisation_id)
    .bind(event)
    .bind(subject)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((entries, total))
}
