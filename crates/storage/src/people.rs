//! People of an organisation and their roles.

use serde::Serialize;
use sqlx::Row;

use crate::{Conn, Result, like_pattern, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Person {
    pub organisation_id: String,
    pub id: String,
    pub employee_number: Option<String>,
    pub display_name: String,
    pub email: String,
    pub function_title: String,
    pub unit_id: Option<String>,
    pub manager_id: Option<String>,
    pub locale: Option<String>,
    pub active: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A row of the people list: the person with their unit's and manager's names.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct PersonListItem {
    pub id: String,
    pub display_name: String,
    pub email: String,
    pub function_title: String,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub manager_id: Option<String>,
    pub manager_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub organisation_id: &'a str,
    pub employee_number: Option<&'a str>,
    pub display_name: &'a str,
    pub email: &'a str,
    pub function_title: &'a str,
    pub unit_id: Option<&'a str>,
    pub manager_id: Option<&'a str>,
    pub password_hash: Option<&'a str>,
}

const PERSON_COLUMNS: &str = "organisation_id, id, employee_number, display_name, email, function_title, unit_id, manager_id, locale, active, created_at, updated_at";

pub async fn insert_person(conn: &mut Conn, new: &NewPerson<'_>) -> Result<String> {
    let id = new_id();
    let now = now();
    sqlx::query(
        "INSERT INTO people (organisation_id, id, employee_number, display_name, email, function_title, unit_id, manager_id, password_hash, active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10)",
    )
    .bind(new.organisation_id)
    .bind(&id)
    .bind(new.employee_number)
    .bind(new.display_name)
    .bind(new.email)
    .bind(new.function_title)
    .bind(new.unit_id)
    .bind(new.manager_id)
    .bind(new.password_hash)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Updates what an HR import or an administrator owns of a person; leaves password and language.
pub async fn update_person_record(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    new: &NewPerson<'_>,
) -> Result<()> {
    sqlx::query(
        "UPDATE people SET employee_number = $3, display_name = $4, email = $5, function_title = $6, unit_id = $7, updated_at = $8, active = 1 \
         WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(new.employee_number)
    .bind(new.display_name)
    .bind(new.email)
    .bind(new.function_title)
    .bind(new.unit_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_manager(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    manager_id: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "UPDATE people SET manager_id = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(manager_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get_person(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<Person>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn find_person_by_email(
    conn: &mut Conn,
    organisation_id: &str,
    email: &str,
) -> Result<Option<Person>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE organisation_id = $1 AND email = $2"
    )))
    .bind(organisation_id)
    .bind(email)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn find_person_by_employee_number(
    conn: &mut Conn,
    organisation_id: &str,
    number: &str,
) -> Result<Option<Person>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE organisation_id = $1 AND employee_number = $2"
    )))
    .bind(organisation_id)
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every employee number and id of an organisation, for resolving managers during an import.
pub async fn employee_numbers(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, String, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT employee_number, id, manager_id FROM people WHERE organisation_id = $1 AND employee_number IS NOT NULL",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// A person who can sign in with a password: the candidates for an e-mail address across tenants.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoginCandidate {
    pub organisation_id: String,
    pub id: String,
    pub password_hash: String,
}

pub async fn login_candidates(conn: &mut Conn, email: &str) -> Result<Vec<LoginCandidate>> {
    Ok(sqlx::query_as(
        "SELECT organisation_id, id, password_hash FROM people WHERE email = $1 AND active = 1 AND password_hash IS NOT NULL ORDER BY organisation_id LIMIT 5",
    )
    .bind(email)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn set_password_hash(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    hash: &str,
) -> Result<()> {
    sqlx::query("UPDATE people SET password_hash = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2")
        .bind(organisation_id)
        .bind(id)
        .bind(hash)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_locale(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    locale: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE people SET locale = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(locale)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct PeopleFilter<'a> {
    /// Matches name, e-mail or function title, case-insensitively.
    pub search: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub manager_id: Option<&'a str>,
}

/// The `WHERE` of the people list, with only the filters in use, so indexes stay usable.
/// Returns the clause and the values to bind after `$1` (the organisation).
fn list_filter(filter: &PeopleFilter<'_>) -> (String, Vec<String>) {
    let mut clause = String::from("p.organisation_id = $1 AND p.active = 1");
    let mut values = Vec::new();
    if let Some(search) = filter.search.map(str::trim).filter(|s| !s.is_empty()) {
        values.push(like_pattern(search));
        let n = values.len() + 1;
        clause.push_str(&format!(
            " AND (lower(p.display_name) LIKE ${n} ESCAPE '\\' OR p.email LIKE ${n} ESCAPE '\\' OR lower(p.function_title) LIKE ${n} ESCAPE '\\')"
        ));
    }
    if let Some(unit) = filter.unit_id.filter(|u| !u.is_empty()) {
        values.push(unit.to_owned());
        clause.push_str(&format!(" AND p.unit_id = ${}", values.len() + 1));
    }
    if let Some(manager) = filter.manager_id.filter(|m| !m.is_empty()) {
        values.push(manager.to_owned());
        clause.push_str(&format!(" AND p.manager_id = ${}", values.len() + 1));
    }
    (clause, values)
}

/// One page of people, ordered by name, with the total count for paging. The page is chosen
/// first and only its rows are joined with units and managers, so the cost does not grow with
/// the organisation beyond the index scan.
pub async fn list_people(
    conn: &mut Conn,
    organisation_id: &str,
    filter: &PeopleFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<PersonListItem>, i64)> {
    let (clause, values) = list_filter(filter);
    let mut count = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM people p WHERE {clause}"
    )))
    .bind(organisation_id);
    for value in &values {
        count = count.bind(value);
    }
    let total: i64 = count.fetch_one(&mut *conn).await?.try_get(0)?;
    let n = values.len() + 2;
    let sql = format!(
        "SELECT p.id, p.display_name, p.email, p.function_title, p.unit_id, u.name AS unit_name, p.manager_id, m.display_name AS manager_name \
         FROM (SELECT p.organisation_id, p.id, p.display_name, p.email, p.function_title, p.unit_id, p.manager_id FROM people p \
               WHERE {clause} ORDER BY p.display_name, p.id LIMIT ${n} OFFSET ${}) p \
         LEFT JOIN units u ON u.organisation_id = p.organisation_id AND u.id = p.unit_id \
         LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id \
         ORDER BY p.display_name, p.id",
        n + 1
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for value in &values {
        query = query.bind(value);
    }
    let items = query.bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    Ok((items, total))
}

pub async fn roles_of(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT role FROM person_roles WHERE organisation_id = $1 AND person_id = $2 ORDER BY role",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| row.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}

pub async fn grant_role(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    role: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO person_roles (organisation_id, person_id, role) VALUES ($1, $2, $3) ON CONFLICT (organisation_id, person_id, role) DO NOTHING",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(role)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn revoke_role(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    role: &str,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM person_roles WHERE organisation_id = $1 AND person_id = $2 AND role = $3",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(role)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn count_people(conn: &mut Conn, organisation_id: &str) -> Result<i64> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM people WHERE organisation_id = $1 AND active = 1")
            .bind(organisation_id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}

/// Everyone with this e-mail address who can sign in, in any organisation, with their language.
pub async fn login_candidates_any(
    conn: &mut Conn,
    email: &str,
) -> Result<Vec<(String, String, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT organisation_id, id, locale FROM people WHERE email = $1 AND active = 1 ORDER BY organisation_id LIMIT 5",
    )
    .bind(email)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn has_password(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<bool> {
    Ok(sqlx::query(
        "SELECT 1 FROM people WHERE organisation_id = $1 AND id = $2 AND password_hash IS NOT NULL",
    )
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .is_some())
}

/// A person row with its id chosen by the caller, for bulk loading.
#[derive(Debug, Clone)]
pub struct BulkPerson {
    pub id: String,
    pub employee_number: String,
    pub display_name: String,
    pub email: String,
    pub function_title: String,
    pub unit_id: Option<String>,
    pub manager_id: Option<String>,
    pub password_hash: Option<String>,
}

/// Inserts many people with few statements (for demo data and benchmarks). Managers must come
/// before the people they manage.
pub async fn insert_people_bulk(
    conn: &mut Conn,
    organisation_id: &str,
    rows: &[BulkPerson],
) -> Result<()> {
    const PER_STATEMENT: usize = 200;
    let now = now();
    for chunk in rows.chunks(PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO people (organisation_id, id, employee_number, display_name, email, function_title, unit_id, manager_id, password_hash, active, created_at, updated_at) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * 8 + 3;
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "($1, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, 1, $2, $2)",
                base,
                base + 1,
                base + 2,
                base + 3,
                base + 4,
                base + 5,
                base + 6,
                base + 7
            ));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for row in chunk {
            query = query
                .bind(&row.id)
                .bind(&row.employee_number)
                .bind(&row.display_name)
                .bind(&row.email)
                .bind(&row.function_title)
                .bind(&row.unit_id)
                .bind(&row.manager_id)
                .bind(&row.password_hash);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Grants roles in bulk: `(person_id, role)` pairs.
pub async fn grant_roles_bulk(
    conn: &mut Conn,
    organisation_id: &str,
    grants: &[(String, String)],
) -> Result<()> {
    const PER_STATEMENT: usize = 400;
    for chunk in grants.chunks(PER_STATEMENT) {
        let mut sql =
            String::from("INSERT INTO person_roles (organisation_id, person_id, role) VALUES ");
        for index in 0..chunk.len() {
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("($1, ${}, ${})", index * 2 + 2, index * 2 + 3));
        }
        sql.push_str(" ON CONFLICT (organisation_id, person_id, role) DO NOTHING");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
        for (person_id, role) in chunk {
            query = query.bind(person_id).bind(role);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// `(id, display name)` of active people with a role, by name, at most `limit`.
pub async fn people_with_role(
    conn: &mut Conn,
    organisation_id: &str,
    role: &str,
    limit: i64,
) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.display_name FROM people p JOIN person_roles r ON r.organisation_id = p.organisation_id AND r.person_id = p.id \
         WHERE p.organisation_id = $1 AND r.role = $2 AND p.active = 1 ORDER BY p.display_name, p.id LIMIT $3",
    )
    .bind(organisation_id)
    .bind(role)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}
