//! A person's availability: whether they want to be matched to opportunities (mobility) and
//! proposed for project teams, and how much time they have. Nobody is findable until they say so.

use sqlx::Row;

use crate::{Conn, Result, now};

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Availability {
    pub open_to_opportunities: bool,
    pub open_to_teams: bool,
    pub hours_per_week: Option<i64>,
    /// ISO date (YYYY-MM-DD) from which the person is available; `None` means now.
    pub available_from: Option<String>,
}

/// The person's availability; the default (nothing opted in) when they never set it.
pub async fn get(conn: &mut Conn, organisation_id: &str, person_id: &str) -> Result<Availability> {
    let row = sqlx::query(
        "SELECT open_to_opportunities, open_to_teams, hours_per_week, available_from \
         FROM person_availability WHERE organisation_id = $1 AND person_id = $2",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some(row) => Availability {
            open_to_opportunities: row.try_get::<i64, _>(0)? != 0,
            open_to_teams: row.try_get::<i64, _>(1)? != 0,
            hours_per_week: row.try_get(2)?,
            available_from: row.try_get(3)?,
        },
        None => Availability::default(),
    })
}

/// Stores the person's availability (insert or replace). Validation of hours and date is the
/// caller's (services) job.
pub async fn set(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    availability: &Availability,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO person_availability \
           (organisation_id, person_id, open_to_opportunities, open_to_teams, hours_per_week, available_from, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (organisation_id, person_id) DO UPDATE SET \
           open_to_opportunities = excluded.open_to_opportunities, open_to_teams = excluded.open_to_teams, \
           hours_per_week = excluded.hours_per_week, available_from = excluded.available_from, \
           updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(i64::from(availability.open_to_opportunities))
    .bind(i64::from(availability.open_to_teams))
    .bind(availability.hours_per_week)
    .bind(availability.available_from.as_deref())
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Ids of the active people in the organisation who opted in to project teams.
pub async fn open_to_teams(conn: &mut Conn, organisation_id: &str) -> Result<Vec<String>> {
    opted_in(conn, organisation_id, "open_to_teams").await
}

/// Ids of the active people in the organisation who opted in to opportunities.
pub async fn open_to_opportunities(conn: &mut Conn, organisation_id: &str) -> Result<Vec<String>> {
    opted_in(conn, organisation_id, "open_to_opportunities").await
}

async fn opted_in(
    conn: &mut Conn,
    organisation_id: &str,
    column: &'static str,
) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT a.person_id FROM person_availability a \
         JOIN people p ON p.organisation_id = a.organisation_id AND p.id = a.person_id \
         WHERE a.organisation_id = $1 AND a.{column} = 1 AND p.active = 1 ORDER BY a.person_id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| row.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}
