//! Organisations (tenants) and their unit tree.

use serde::Serialize;

use crate::{Conn, Result, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Organisation {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub default_locale: String,
    pub created_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Unit {
    pub organisation_id: String,
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub path_key: String,
    pub created_at: String,
}

pub async fn insert_organisation(
    conn: &mut Conn,
    slug: &str,
    name: &str,
    default_locale: &str,
) -> Result<Organisation> {
    let organisation = Organisation {
        id: new_id(),
        slug: slug.to_owned(),
        name: name.to_owned(),
        default_locale: default_locale.to_owned(),
        created_at: now(),
    };
    sqlx::query("INSERT INTO organisations (id, slug, name, default_locale, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&organisation.id)
        .bind(&organisation.slug)
        .bind(&organisation.name)
        .bind(&organisation.default_locale)
        .bind(&organisation.created_at)
        .execute(&mut *conn)
        .await?;
    Ok(organisation)
}

pub async fn find_organisation_by_slug(
    conn: &mut Conn,
    slug: &str,
) -> Result<Option<Organisation>> {
    Ok(sqlx::query_as(
        "SELECT id, slug, name, default_locale, created_at FROM organisations WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn get_organisation(conn: &mut Conn, id: &str) -> Result<Option<Organisation>> {
    Ok(sqlx::query_as(
        "SELECT id, slug, name, default_locale, created_at FROM organisations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn list_organisations(conn: &mut Conn) -> Result<Vec<Organisation>> {
    Ok(sqlx::query_as(
        "SELECT id, slug, name, default_locale, created_at FROM organisations ORDER BY slug",
    )
    .fetch_all(&mut *conn)
    .await?)
}

const UNIT_COLUMNS: &str = "organisation_id, id, parent_id, name, path_key, created_at";

pub async fn list_units(conn: &mut Conn, organisation_id: &str) -> Result<Vec<Unit>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 ORDER BY path_key"
    )))
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn count_units(conn: &mut Conn, organisation_id: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM units WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// The units at most three levels from the top (a top unit, its children and grandchildren),
/// level by level through the parent index, so a large organisation's thousands of teams are not
/// read. In no particular order.
pub async fn top_units(conn: &mut Conn, organisation_id: &str) -> Result<Vec<Unit>> {
    let tops = "SELECT id FROM units WHERE organisation_id = $1 AND parent_id IS NULL";
    let children =
        format!("SELECT id FROM units WHERE organisation_id = $1 AND parent_id IN ({tops})");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 AND parent_id IS NULL \
         UNION ALL SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 AND parent_id IN ({tops}) \
         UNION ALL SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 AND parent_id IN ({children})"
    )))
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn get_unit(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Unit>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn find_unit_by_key(
    conn: &mut Conn,
    organisation_id: &str,
    path_key: &str,
) -> Result<Option<Unit>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE organisation_id = $1 AND path_key = $2"
    )))
    .bind(organisation_id)
    .bind(path_key)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn insert_unit(
    conn: &mut Conn,
    organisation_id: &str,
    parent_id: Option<&str>,
    name: &str,
    path_key: &str,
) -> Result<Unit> {
    let unit = Unit {
        organisation_id: organisation_id.to_owned(),
        id: new_id(),
        parent_id: parent_id.map(str::to_owned),
        name: name.to_owned(),
        path_key: path_key.to_owned(),
        created_at: now(),
    };
    sqlx::query("INSERT INTO units (organisation_id, id, parent_id, name, path_key, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&unit.organisation_id)
        .bind(&unit.id)
        .bind(&unit.parent_id)
        .bind(&unit.name)
        .bind(&unit.path_key)
        .bind(&unit.created_at)
        .execute(&mut *conn)
        .await?;
    Ok(unit)
}

/// People per unit (direct members only), for the organisation overview.
pub async fn people_per_unit(conn: &mut Conn, organisation_id: &str) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT unit_id, COUNT(*) FROM people WHERE organisation_id = $1 AND unit_id IS NOT NULL AND active = 1 GROUP BY unit_id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}
