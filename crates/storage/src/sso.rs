//! Single sign-on: each organisation's identity provider, sign-ins in progress and the link
//! between a provider's subject and a person. Secrets in flight (state) are stored as hashes.

use crate::{Conn, Result, now};

#[derive(Clone, sqlx::FromRow)]
pub struct SsoConfig {
    pub organisation_id: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: String,
    pub link_by: String,
    pub link_claim: String,
    pub enabled: i64,
    pub sso_only: i64,
    pub updated_at: String,
}

// The client secret must never reach a log line.
impl std::fmt::Debug for SsoConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoConfig")
            .field("organisation_id", &self.organisation_id)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("scopes", &self.scopes)
            .field("link_by", &self.link_by)
            .field("enabled", &self.enabled)
            .field("sso_only", &self.sso_only)
            .finish()
    }
}

const CONFIG_COLUMNS: &str = "organisation_id, issuer, client_id, client_secret, scopes, link_by, link_claim, enabled, sso_only, updated_at";

pub async fn get_config(conn: &mut Conn, organisation_id: &str) -> Result<Option<SsoConfig>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CONFIG_COLUMNS} FROM sso_configs WHERE organisation_id = $1"
    )))
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn save_config(conn: &mut Conn, config: &SsoConfig) -> Result<()> {
    sqlx::query("DELETE FROM sso_configs WHERE organisation_id = $1")
        .bind(&config.organisation_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO sso_configs ({CONFIG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )))
    .bind(&config.organisation_id)
    .bind(&config.issuer)
    .bind(&config.client_id)
    .bind(&config.client_secret)
    .bind(&config.scopes)
    .bind(&config.link_by)
    .bind(&config.link_claim)
    .bind(config.enabled)
    .bind(config.sso_only)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Organisations whose single sign-on is switched on: (slug, name), for the sign-in page.
pub async fn enabled_organisations(conn: &mut Conn) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT o.slug, o.name FROM sso_configs c JOIN organisations o ON o.id = c.organisation_id \
         WHERE c.enabled = 1 ORDER BY o.name",
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// Whether the organisation accepts passwords only from administrators.
pub async fn is_sso_only(conn: &mut Conn, organisation_id: &str) -> Result<bool> {
    Ok(sqlx::query(
        "SELECT 1 FROM sso_configs WHERE organisation_id = $1 AND enabled = 1 AND sso_only = 1",
    )
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?
    .is_some())
}

pub struct NewLogin<'a> {
    pub state_hash: &'a str,
    pub organisation_id: &'a str,
    pub nonce: &'a str,
    pub code_verifier: &'a str,
    pub return_to: &'a str,
    pub expires_at: &'a str,
}

pub async fn insert_login(conn: &mut Conn, login: &NewLogin<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO sso_logins (state_hash, organisation_id, nonce, code_verifier, return_to, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(login.state_hash)
    .bind(login.organisation_id)
    .bind(login.nonce)
    .bind(login.code_verifier)
    .bind(login.return_to)
    .bind(now())
    .bind(login.expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingLogin {
    pub organisation_id: String,
    pub nonce: String,
    pub code_verifier: String,
    pub return_to: String,
}

/// Marks a sign-in's state used and returns it, if it was unused and unexpired. One statement,
/// so a state works once even when two callbacks race.
pub async fn consume_login(
    conn: &mut Conn,
    state_hash: &str,
    now: &str,
) -> Result<Option<PendingLogin>> {
    Ok(sqlx::query_as(
        "UPDATE sso_logins SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         RETURNING organisation_id, nonce, code_verifier, return_to",
    )
    .bind(state_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Removes sign-ins that expired before `before` (used ones included).
pub async fn purge_logins(conn: &mut Conn, before: &str) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sso_logins WHERE expires_at <= $1")
        .bind(before)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

pub async fn find_identity(
    conn: &mut Conn,
    organisation_id: &str,
    subject: &str,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT person_id FROM sso_identities WHERE organisation_id = $1 AND subject = $2",
    )
    .bind(organisation_id)
    .bind(subject)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn link_identity(
    conn: &mut Conn,
    organisation_id: &str,
    subject: &str,
    person_id: &str,
) -> Result<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO sso_identities (organisation_id, subject, person_id, created_at, last_sign_in_at) VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(organisation_id)
    .bind(subject)
    .bind(person_id)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn touch_identity(conn: &mut Conn, organisation_id: &str, subject: &str) -> Result<()> {
    sqlx::query(
        "UPDATE sso_identities SET last_sign_in_at = $3 WHERE organisation_id = $1 AND subject = $2",
    )
    .bind(organisation_id)
    .bind(subject)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
