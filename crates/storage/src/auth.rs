//! Sessions, API tokens, failed sign-ins and password resets. Only hashes of secrets are stored.

use sqlx::Row;

use crate::{Conn, Result, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub organisation_id: String,
    pub person_id: String,
    pub csrf_token: String,
    pub expires_at: String,
}

pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    organisation_id: &str,
    person_id: &str,
    csrf_token: &str,
    expires_at: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, organisation_id, person_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(organisation_id)
    .bind(person_id)
    .bind(csrf_token)
    .bind(now())
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A live session of an active person.
pub async fn find_session(
    conn: &mut Conn,
    token_hash: &str,
    now: &str,
) -> Result<Option<SessionRow>> {
    Ok(sqlx::query_as(
        "SELECT s.organisation_id, s.person_id, s.csrf_token, s.expires_at FROM sessions s \
         JOIN people p ON p.organisation_id = s.organisation_id AND p.id = s.person_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND p.active = 1",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn extend_session(conn: &mut Conn, token_hash: &str, expires_at: &str) -> Result<()> {
    sqlx::query("UPDATE sessions SET expires_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of a person, e.g. after a password change.
pub async fn delete_sessions_of(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE organisation_id = $1 AND person_id = $2")
        .bind(organisation_id)
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes expired sessions, stale failure records and used or expired reset tokens.
pub async fn purge_expired(conn: &mut Conn, now: &str, failures_before: &str) -> Result<u64> {
    let mut removed = 0;
    removed += sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    removed += sqlx::query("DELETE FROM login_failures WHERE failed_at < $1")
        .bind(failures_before)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    removed +=
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1 OR used_at IS NOT NULL")
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(removed)
}

pub async fn record_login_failure(conn: &mut Conn, subject_hash: &str) -> Result<()> {
    sqlx::query("INSERT INTO login_failures (subject_hash, failed_at) VALUES ($1, $2)")
        .bind(subject_hash)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn count_login_failures(conn: &mut Conn, subject_hash: &str, since: &str) -> Result<i64> {
    Ok(sqlx::query(
        "SELECT COUNT(*) FROM login_failures WHERE subject_hash = $1 AND failed_at > $2",
    )
    .bind(subject_hash)
    .bind(since)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?)
}

pub async fn clear_login_failures(conn: &mut Conn, subject_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE subject_hash = $1")
        .bind(subject_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ApiToken {
    pub organisation_id: String,
    pub id: String,
    pub person_id: String,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

pub async fn insert_api_token(
    conn: &mut Conn,
    token_hash: &str,
    organisation_id: &str,
    id: &str,
    person_id: &str,
    name: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO api_tokens (token_hash, organisation_id, id, person_id, name, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(organisation_id)
    .bind(id)
    .bind(person_id)
    .bind(name)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn find_api_token(conn: &mut Conn, token_hash: &str) -> Result<Option<ApiToken>> {
    Ok(sqlx::query_as(
        "SELECT t.organisation_id, t.id, t.person_id, t.name, t.created_at, t.last_used_at, t.revoked_at FROM api_tokens t \
         JOIN people p ON p.organisation_id = t.organisation_id AND p.id = t.person_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND p.active = 1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn touch_api_token(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn list_api_tokens(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Vec<ApiToken>> {
    Ok(sqlx::query_as(
        "SELECT organisation_id, id, person_id, name, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE organisation_id = $1 AND person_id = $2 ORDER BY created_at DESC",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn revoke_api_token(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    id: &str,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $4 WHERE organisation_id = $1 AND person_id = $2 AND id = $3 AND revoked_at IS NULL",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn insert_password_reset(
    conn: &mut Conn,
    token_hash: &str,
    organisation_id: &str,
    person_id: &str,
    expires_at: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO password_resets (token_hash, organisation_id, person_id, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(organisation_id)
        .bind(person_id)
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks a reset token used and returns whose it was, if it was valid. One statement, so a token
/// can be used once even when two requests race.
pub async fn consume_password_reset(
    conn: &mut Conn,
    token_hash: &str,
    now: &str,
) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         RETURNING organisation_id, person_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn password_reset_is_valid(conn: &mut Conn, token_hash: &str, now: &str) -> Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?
        .is_some())
}
