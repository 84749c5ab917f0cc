//! SCIM provisioning: bearer tokens per organisation (hashes only) and the provisioning system's
//! own ids (externalId) for people and units.

use crate::people::Person;
use crate::{Conn, Result, now};

pub async fn insert_token(
    conn: &mut Conn,
    token_hash: &str,
    organisation_id: &str,
    id: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO scim_tokens (token_hash, organisation_id, id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(organisation_id)
    .bind(id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Revokes every live token of the organisation (before a new one is made: rotation).
pub async fn revoke_tokens(conn: &mut Conn, organisation_id: &str) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE scim_tokens SET revoked_at = $2 WHERE organisation_id = $1 AND revoked_at IS NULL",
    )
    .bind(organisation_id)
    .bind(now())
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// The organisation of a live token.
pub async fn token_organisation(conn: &mut Conn, token_hash: &str) -> Result<Option<String>> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT organisation_id FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    if found.is_some() {
        sqlx::query("UPDATE scim_tokens SET last_used_at = $2 WHERE token_hash = $1")
            .bind(token_hash)
            .bind(now())
            .execute(&mut *conn)
            .await?;
    }
    Ok(found)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

pub async fn live_token(conn: &mut Conn, organisation_id: &str) -> Result<Option<TokenInfo>> {
    Ok(sqlx::query_as(
        "SELECT id, created_at, last_used_at FROM scim_tokens WHERE organisation_id = $1 AND revoked_at IS NULL \
         ORDER BY created_at DESC",
    )
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn external_id(
    conn: &mut Conn,
    organisation_id: &str,
    resource_type: &str,
    resource_id: &str,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT external_id FROM scim_external_ids WHERE organisation_id = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(organisation_id)
    .bind(resource_type)
    .bind(resource_id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn resource_by_external_id(
    conn: &mut Conn,
    organisation_id: &str,
    resource_type: &str,
    external_id: &str,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT resource_id FROM scim_external_ids WHERE organisation_id = $1 AND resource_type = $2 AND external_id = $3",
    )
    .bind(organisation_id)
    .bind(resource_type)
    .bind(external_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Sets (or with `None` clears) the external id of a resource.
pub async fn set_external_id(
    conn: &mut Conn,
    organisation_id: &str,
    resource_type: &str,
    resource_id: &str,
    external_id: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM scim_external_ids WHERE organisation_id = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(organisation_id)
    .bind(resource_type)
    .bind(resource_id)
    .execute(&mut *conn)
    .await?;
    if let Some(external_id) = external_id {
        sqlx::query(
            "INSERT INTO scim_external_ids (organisation_id, resource_type, resource_id, external_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation_id)
        .bind(resource_type)
        .bind(resource_id)
        .bind(external_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const PERSON_COLUMNS: &str = "organisation_id, id, employee_number, display_name, email, function_title, unit_id, manager_id, locale, active, created_at, updated_at";

/// A page of the organisation's people in a stable order, optionally only the one with this
/// e-mail address or id; with the total count.
pub async fn list_people(
    conn: &mut Conn,
    organisation_id: &str,
    email: Option<&str>,
    id: Option<&str>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Person>, i64)> {
    let condition = "organisation_id = $1 AND ($2 = '' OR email = $2) AND ($3 = '' OR id = $3)";
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM people WHERE {condition}"
    )))
    .bind(organisation_id)
    .bind(email.unwrap_or(""))
    .bind(id.unwrap_or(""))
    .fetch_one(&mut *conn)
    .await?;
    let people = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE {condition} ORDER BY created_at, id LIMIT $4 OFFSET $5"
    )))
    .bind(organisation_id)
    .bind(email.unwrap_or(""))
    .bind(id.unwrap_or(""))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((people, total))
}

pub async fn set_active(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    active: bool,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE people SET active = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(i64::from(active))
    .bind(now())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

pub async fn set_unit(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    unit_id: Option<&str>,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE people SET unit_id = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(unit_id)
    .bind(now())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// The ids of the people in a unit (its members as a SCIM group).
pub async fn unit_members(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, display_name FROM people WHERE organisation_id = $1 AND unit_id = $2 ORDER BY display_name, id",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn rename_unit(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    name: &str,
    path_key: &str,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE units SET name = $3, path_key = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .bind(name)
    .bind(path_key)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}
