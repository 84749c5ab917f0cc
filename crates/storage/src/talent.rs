//! Reads for the team builder and organisation insight. Both read portfolio items of many
//! people at once, so the visibility rule is applied in the query (never after it), and each
//! read is one statement however many people there are.

use sqlx::Row;

use crate::{Conn, Result};

/// One shared talent (or a person without any matching talent: `catalogue_key` is `None`) of a
/// person who opted in to project teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    pub person_id: String,
    pub display_name: String,
    pub unit_id: Option<String>,
    pub hours_per_week: Option<i64>,
    pub available_from: Option<String>,
    pub catalogue_key: Option<String>,
    /// The item's details JSON (holds the self-rating).
    pub details: Option<String>,
}

/// What the viewer may see, as visibility lists per relation (from
/// `kleur_domain::portfolio::Relation::visible`), so the rule has one source.
#[derive(Debug, Clone, Copy)]
pub struct VisibleTo<'a> {
    pub viewer_id: &'a str,
    pub viewer_unit: Option<&'a str>,
    pub as_manager: &'a [&'a str],
    pub as_teammate: &'a [&'a str],
    pub as_colleague: &'a [&'a str],
}

fn placeholders(first: usize, count: usize) -> String {
    if count == 0 {
        return "NULL".into();
    }
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every active person who opted in to project teams, each with the talents and core qualities
/// among `keys` that `viewer` may see (one row per item; a row without key when none).
pub async fn team_candidates(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: VisibleTo<'_>,
    keys: &[String],
) -> Result<Vec<CandidateRow>> {
    // $1 organisation, $2 viewer, $3 viewer unit, then the three visibility lists, then keys.
    let mut next = 4;
    let mut list = |count: usize| {
        let text = placeholders(next, count);
        next += count;
        text
    };
    let manager = list(viewer.as_manager.len());
    let teammate = list(viewer.as_teammate.len());
    let colleague = list(viewer.as_colleague.len());
    let key_list = list(keys.len());
    let sql = format!(
        "SELECT p.id, p.display_name, p.unit_id, a.hours_per_week, a.available_from, i.catalogue_key, i.details \
         FROM person_availability a \
         JOIN people p ON p.organisation_id = a.organisation_id AND p.id = a.person_id \
         LEFT JOIN portfolio_items i ON i.organisation_id = p.organisation_id AND i.owner_id = p.id \
           AND i.deleted_at IS NULL AND i.section IN ('talents', 'core_qualities') \
           AND i.catalogue_key IN ({key_list}) \
           AND (i.owner_id = $2 \
             OR (p.manager_id = $2 AND i.visibility IN ({manager})) \
             OR (p.unit_id = $3 AND i.visibility IN ({teammate})) \
             OR i.visibility IN ({colleague})) \
         WHERE a.organisation_id = $1 AND a.open_to_teams = 1 AND p.active = 1 \
         ORDER BY p.display_name, p.id"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .bind(viewer.viewer_id)
        .bind(viewer.viewer_unit);
    for visibility in viewer
        .as_manager
        .iter()
        .chain(viewer.as_teammate)
        .chain(viewer.as_colleague)
    {
        query = query.bind(*visibility);
    }
    for key in keys {
        query = query.bind(key);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(CandidateRow {
                person_id: row.try_get(0)?,
                display_name: row.try_get(1)?,
                unit_id: row.try_get(2)?,
                hours_per_week: row.try_get(3)?,
                available_from: row.try_get(4)?,
                catalogue_key: row.try_get(5)?,
                details: row.try_get(6)?,
            })
        })
        .collect()
}

/// Per unit (`None`: people without a unit) and group, how many different people shared a
/// talent or core quality of that group with the whole organisation. The group is the
/// catalogue category, or, with `category` given, the entry within that category.
pub async fn shared_per_unit(
    conn: &mut Conn,
    organisation_id: &str,
    category: Option<&str>,
) -> Result<Vec<(Option<String>, String, i64)>> {
    let (group, filter) = match category {
        Some(_) => ("e.entry_key", "AND e.category_key = $2"),
        None => ("e.category_key", ""),
    };
    let sql = format!(
        "SELECT p.unit_id, {group}, COUNT(DISTINCT i.owner_id) \
         FROM portfolio_items i \
         JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.owner_id \
         JOIN catalogue_entries e ON e.organisation_id = i.organisation_id AND e.entry_key = i.catalogue_key \
         WHERE i.organisation_id = $1 AND i.visibility = 'organisation' AND i.deleted_at IS NULL \
           AND i.section IN ('talents', 'core_qualities') AND p.active = 1 {filter} \
         GROUP BY p.unit_id, {group}"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    if let Some(category) = category {
        query = query.bind(category);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)))
        .collect()
}

/// Per category and person: when they first shared (and still share) a talent or core quality
/// of that category with the organisation. The history of the trend, from dated rows.
pub async fn first_shared_per_category(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT e.category_key, MIN(i.created_at) \
         FROM portfolio_items i \
         JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.owner_id \
         JOIN catalogue_entries e ON e.organisation_id = i.organisation_id AND e.entry_key = i.catalogue_key \
         WHERE i.organisation_id = $1 AND i.visibility = 'organisation' AND i.deleted_at IS NULL \
           AND i.section IN ('talents', 'core_qualities') AND p.active = 1 \
         GROUP BY e.category_key, i.owner_id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
}

/// Active people with their unit, ordered by e-mail address (for deterministic demo content).
pub async fn people_with_units(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, Option<String>)>> {
    let rows = sqlx::query(
        "SELECT id, unit_id FROM people WHERE organisation_id = $1 AND active = 1 ORDER BY email",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
}

/// Dates the talents and core qualities these owners share with the organisation back to
/// `created_at`: demo content uses it so the trend has a history.
pub async fn backdate_shared(
    conn: &mut Conn,
    organisation_id: &str,
    owner_ids: &[String],
    created_at: &str,
) -> Result<()> {
    for chunk in owner_ids.chunks(500) {
        let sql = format!(
            "UPDATE portfolio_items SET created_at = $2, updated_at = $2 \
             WHERE organisation_id = $1 AND visibility = 'organisation' \
               AND section IN ('talents', 'core_qualities') AND owner_id IN ({})",
            placeholders(3, chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(created_at);
        for owner in chunk {
            query = query.bind(owner);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Opts these people in to project teams, unless they already said something about their
/// availability (then their own choice stands). Rows: person, hours a week, available from.
pub async fn opt_in_when_unset(
    conn: &mut Conn,
    organisation_id: &str,
    rows: &[(String, i64, Option<String>)],
) -> Result<()> {
    let now = crate::now();
    for (person_id, hours, from) in rows {
        sqlx::query(
            "INSERT INTO person_availability \
               (organisation_id, person_id, open_to_opportunities, open_to_teams, hours_per_week, available_from, updated_at) \
             VALUES ($1, $2, 0, 1, $3, $4, $5) ON CONFLICT (organisation_id, person_id) DO NOTHING",
        )
        .bind(organisation_id)
        .bind(person_id)
        .bind(*hours)
        .bind(from.as_deref())
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
