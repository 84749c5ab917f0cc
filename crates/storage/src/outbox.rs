//! The mail outbox: rows written with the change that causes them, sent later by a worker.

use crate::{Backend, Conn, Db, Result, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OutboxMessage {
    pub organisation_id: String,
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub created_at: String,
    pub attempts: i64,
    pub sent_at: Option<String>,
    pub transport: Option<String>,
    pub last_error: Option<String>,
}

const COLUMNS: &str = "organisation_id, id, recipient, subject, body_text, created_at, attempts, sent_at, transport, last_error";

pub async fn enqueue(
    conn: &mut Conn,
    organisation_id: &str,
    recipient: &str,
    subject: &str,
    body_text: &str,
) -> Result<String> {
    let id = new_id();
    let now = now();
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, recipient, subject, body_text, created_at, attempts, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, $6)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(recipient)
    .bind(subject)
    .bind(body_text)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Claims up to `limit` due messages until `lease_until`, in one statement. On PostgreSQL
/// `FOR UPDATE SKIP LOCKED` lets several nodes claim side by side without taking the same row;
/// SQLite has one writer at a time, so the plain form is already exclusive.
pub async fn claim_due(
    db: &Db,
    now: &str,
    lease_until: &str,
    limit: i64,
) -> Result<Vec<OutboxMessage>> {
    let lock = match db.backend() {
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET claimed_until = $2, attempts = attempts + 1 \
         WHERE (organisation_id, id) IN ( \
             SELECT organisation_id, id FROM outbox \
             WHERE sent_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1) \
             ORDER BY next_attempt_at LIMIT $3 {lock}) \
         RETURNING {COLUMNS}"
    );
    let mut tx = db.begin().await?;
    let claimed = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(lease_until)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(claimed)
}

pub async fn mark_sent(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    transport: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $3, transport = $4, claimed_until = NULL, last_error = NULL WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(now())
    .bind(transport)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn mark_failed(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    error: &str,
    next_attempt_at: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET last_error = $3, next_attempt_at = $4, claimed_until = NULL WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(error)
    .bind(next_attempt_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest messages of an organisation, for the administrator's "sent mail" page.
pub async fn list_recent(
    conn: &mut Conn,
    organisation_id: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<OutboxMessage>, i64)> {
    use sqlx::Row;
    let total: i64 = sqlx::query("SELECT COUNT(*) FROM outbox WHERE organisation_id = $1")
        .bind(organisation_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    let items = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
    )))
    .bind(organisation_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((items, total))
}

pub async fn get_message(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<OutboxMessage>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}
