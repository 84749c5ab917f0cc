//! Opportunities, the talents they ask for, interest, invitations, and what matching reads.
//! Every query filters by organisation first; who may see what is decided in services.

use sqlx::Row;

use crate::{Conn, Result, like_pattern, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Opportunity {
    pub organisation_id: String,
    pub id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub hours_per_week: i64,
    pub duration_months: Option<i64>,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub location: String,
    pub start_date: Option<String>,
    pub closing_date: String,
    pub status: String,
    pub poster_id: String,
    pub poster_name: String,
    pub outcome_person_id: Option<String>,
    pub outcome_person_name: Option<String>,
    pub outcome_note: String,
    pub published_at: Option<String>,
    pub ended_at: Option<String>,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT o.organisation_id, o.id, o.kind, o.title, o.description, o.hours_per_week, o.duration_months, \
     o.unit_id, u.name AS unit_name, o.location, o.start_date, o.closing_date, o.status, o.poster_id, \
     p.display_name AS poster_name, o.outcome_person_id, w.display_name AS outcome_person_name, o.outcome_note, \
     o.published_at, o.ended_at, o.version, o.created_at, o.updated_at \
     FROM opportunities o \
     JOIN people p ON p.organisation_id = o.organisation_id AND p.id = o.poster_id \
     LEFT JOIN units u ON u.organisation_id = o.organisation_id AND u.id = o.unit_id \
     LEFT JOIN people w ON w.organisation_id = o.organisation_id AND w.id = o.outcome_person_id";

/// The fields a poster writes; validated by the caller.
#[derive(Debug, Clone)]
pub struct NewOpportunity<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub hours_per_week: i64,
    pub duration_months: Option<i64>,
    pub unit_id: Option<&'a str>,
    pub location: &'a str,
    pub start_date: Option<&'a str>,
    pub closing_date: &'a str,
}

pub async fn insert(
    conn: &mut Conn,
    organisation_id: &str,
    poster_id: &str,
    new: &NewOpportunity<'_>,
) -> Result<String> {
    let id = new_id();
    let now = now();
    sqlx::query(
        "INSERT INTO opportunities (organisation_id, id, kind, title, description, hours_per_week, duration_months, unit_id, \
           location, start_date, closing_date, status, poster_id, outcome_note, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, '', 1, $13, $13)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(new.kind)
    .bind(new.title)
    .bind(new.description)
    .bind(new.hours_per_week)
    .bind(new.duration_months)
    .bind(new.unit_id)
    .bind(new.location)
    .bind(new.start_date)
    .bind(new.closing_date)
    .bind(poster_id)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Changes an opportunity if it is still at `expected_version`; false when it changed meanwhile.
pub async fn update(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    expected_version: i64,
    new: &NewOpportunity<'_>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE opportunities SET kind = $4, title = $5, description = $6, hours_per_week = $7, duration_months = $8, \
           unit_id = $9, location = $10, start_date = $11, closing_date = $12, version = version + 1, updated_at = $13 \
         WHERE organisation_id = $1 AND id = $2 AND version = $3",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(expected_version)
    .bind(new.kind)
    .bind(new.title)
    .bind(new.description)
    .bind(new.hours_per_week)
    .bind(new.duration_months)
    .bind(new.unit_id)
    .bind(new.location)
    .bind(new.start_date)
    .bind(new.closing_date)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Replaces the talents an opportunity asks for: `(entry_key, required)`.
pub async fn set_talents(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    talents: &[(String, bool)],
) -> Result<()> {
    sqlx::query(
        "DELETE FROM opportunity_talents WHERE organisation_id = $1 AND opportunity_id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for (key, required) in talents {
        sqlx::query(
            "INSERT INTO opportunity_talents (organisation_id, opportunity_id, entry_key, required) VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation_id)
        .bind(id)
        .bind(key)
        .bind(i64::from(*required))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Moves an opportunity to `status` when it is in one of `from`; false otherwise (someone
/// else changed it, or it was never in such a state).
pub async fn set_status(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    from: &[&str],
    status: &str,
    outcome_person_id: Option<&str>,
    outcome_note: &str,
) -> Result<bool> {
    let now = now();
    let placeholders: Vec<String> = (0..from.len()).map(|i| format!("${}", i + 7)).collect();
    let sql = format!(
        "UPDATE opportunities SET status = $3, \
           published_at = CASE WHEN $3 = 'published' THEN $4 ELSE published_at END, \
           ended_at = CASE WHEN $3 IN ('closed', 'filled') THEN $4 ELSE ended_at END, \
           outcome_person_id = $5, outcome_note = $6, version = version + 1, updated_at = $4 \
         WHERE organisation_id = $1 AND id = $2 AND status IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .bind(id)
        .bind(status)
        .bind(&now)
        .bind(outcome_person_id)
        .bind(outcome_note);
    for state in from {
        query = query.bind(*state);
    }
    Ok(query.execute(&mut *conn).await?.rows_affected() == 1)
}

pub async fn get(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Opportunity>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE o.organisation_id = $1 AND o.id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// A talent an opportunity asks for, with its catalogue names.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct WantedTalent {
    pub opportunity_id: String,
    pub entry_key: String,
    pub required: i64,
    pub name_nl: String,
    pub name_en: String,
}

/// The talents of the given opportunities, required first, then by Dutch name.
pub async fn talents_of(
    conn: &mut Conn,
    organisation_id: &str,
    ids: &[String],
) -> Result<Vec<WantedTalent>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT t.opportunity_id, t.entry_key, t.required, e.name_nl, e.name_en FROM opportunity_talents t \
         JOIN catalogue_entries e ON e.organisation_id = t.organisation_id AND e.entry_key = t.entry_key \
         WHERE t.organisation_id = $1 AND t.opportunity_id IN ({}) \
         ORDER BY t.opportunity_id, t.required DESC, e.name_nl, t.entry_key",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// Which opportunities a list asks for. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub statuses: &'a [&'a str],
    pub kind: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub poster_id: Option<&'a str>,
    /// Asks for this catalogue entry (required or nice to have).
    pub talent: Option<&'a str>,
    /// Words in title, description or location.
    pub search: Option<&'a str>,
    /// Closing date on or after this ISO date.
    pub closing_from: Option<&'a str>,
}

fn where_clause(organisation_id: &str, filter: &Filter<'_>) -> (String, Vec<String>) {
    let mut values = vec![organisation_id.to_owned()];
    let mut conditions = vec!["o.organisation_id = $1".to_owned()];
    let push = |values: &mut Vec<String>, value: &str| {
        values.push(value.to_owned());
        format!("${}", values.len())
    };
    if !filter.statuses.is_empty() {
        let placeholders: Vec<String> = filter
            .statuses
            .iter()
            .map(|s| push(&mut values, s))
            .collect();
        conditions.push(format!("o.status IN ({})", placeholders.join(", ")));
    }
    if let Some(kind) = filter.kind {
        let p = push(&mut values, kind);
        conditions.push(format!("o.kind = {p}"));
    }
    if let Some(unit) = filter.unit_id {
        let p = push(&mut values, unit);
        conditions.push(format!("o.unit_id = {p}"));
    }
    if let Some(poster) = filter.poster_id {
        let p = push(&mut values, poster);
        conditions.push(format!("o.poster_id = {p}"));
    }
    if let Some(talent) = filter.talent {
        let p = push(&mut values, talent);
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM opportunity_talents t WHERE t.organisation_id = o.organisation_id \
             AND t.opportunity_id = o.id AND t.entry_key = {p})"
        ));
    }
    if let Some(search) = filter.search.map(str::trim).filter(|s| !s.is_empty()) {
        let p = push(&mut values, &like_pattern(search));
        conditions.push(format!(
            "(lower(o.title) LIKE {p} ESCAPE '\\' OR lower(o.description) LIKE {p} ESCAPE '\\' OR lower(o.location) LIKE {p} ESCAPE '\\')"
        ));
    }
    if let Some(from) = filter.closing_from {
        let p = push(&mut values, from);
        conditions.push(format!("o.closing_date >= {p}"));
    }
    (format!(" WHERE {}", conditions.join(" AND ")), values)
}

/// One page of opportunities (soonest closing first), with the total.
pub async fn list(
    conn: &mut Conn,
    organisation_id: &str,
    filter: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Opportunity>, i64)> {
    let (clause, values) = where_clause(organisation_id, filter);
    let mut count = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM opportunities o{clause}"
    )));
    for value in &values {
        count = count.bind(value);
    }
    let total: i64 = count.fetch_one(&mut *conn).await?.try_get(0)?;
    let n = values.len();
    let sql = format!(
        "{SELECT}{clause} ORDER BY o.closing_date, o.created_at, o.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for value in &values {
        query = query.bind(value);
    }
    let items = query.bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    Ok((items, total))
}

// ---- interest and invitations ----

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Interest {
    pub opportunity_id: String,
    pub person_id: String,
    pub person_name: String,
    pub motivation: String,
    pub inform_manager: i64,
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

const INTEREST_SELECT: &str = "SELECT i.opportunity_id, i.person_id, p.display_name AS person_name, i.motivation, \
     i.inform_manager, i.status, i.created_at, i.updated_at FROM opportunity_interest i \
     JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.person_id";

/// Records (or renews, after a withdrawal) a person's interest.
pub async fn express_interest(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
    person_id: &str,
    motivation: &str,
    inform_manager: bool,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO opportunity_interest (organisation_id, opportunity_id, person_id, motivation, inform_manager, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 'interested', $6, $6) \
         ON CONFLICT (organisation_id, opportunity_id, person_id) DO UPDATE SET \
           motivation = excluded.motivation, inform_manager = excluded.inform_manager, status = 'interested', updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(opportunity_id)
    .bind(person_id)
    .bind(motivation)
    .bind(i64::from(inform_manager))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Marks the interest withdrawn; false when there was no live interest.
pub async fn withdraw_interest(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
    person_id: &str,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE opportunity_interest SET status = 'withdrawn', updated_at = $4 \
         WHERE organisation_id = $1 AND opportunity_id = $2 AND person_id = $3 AND status = 'interested'",
    )
    .bind(organisation_id)
    .bind(opportunity_id)
    .bind(person_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn interest_of(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
    person_id: &str,
) -> Result<Option<Interest>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{INTEREST_SELECT} WHERE i.organisation_id = $1 AND i.opportunity_id = $2 AND i.person_id = $3"
    )))
    .bind(organisation_id)
    .bind(opportunity_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every interest row of an opportunity (live and withdrawn), oldest first.
pub async fn interests(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
) -> Result<Vec<Interest>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{INTEREST_SELECT} WHERE i.organisation_id = $1 AND i.opportunity_id = $2 ORDER BY i.created_at, i.person_id"
    )))
    .bind(organisation_id)
    .bind(opportunity_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The live interest of a person, by opportunity id.
pub async fn live_interest_of_person(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT opportunity_id FROM opportunity_interest WHERE organisation_id = $1 AND person_id = $2 AND status = 'interested'",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}

/// Records an invitation; false when the person was invited already.
pub async fn invite(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
    person_id: &str,
    invited_by: &str,
) -> Result<bool> {
    let result = sqlx::query(
        "INSERT INTO opportunity_invitations (organisation_id, opportunity_id, person_id, invited_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, opportunity_id, person_id) DO NOTHING",
    )
    .bind(organisation_id)
    .bind(opportunity_id)
    .bind(person_id)
    .bind(invited_by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Ids of the people invited to apply.
pub async fn invited(
    conn: &mut Conn,
    organisation_id: &str,
    opportunity_id: &str,
) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT person_id FROM opportunity_invitations WHERE organisation_id = $1 AND opportunity_id = $2 ORDER BY person_id",
    )
    .bind(organisation_id)
    .bind(opportunity_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}

// ---- what matching reads ----

/// A candidate as matching sees them: name and the availability they set.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    pub person_id: String,
    pub display_name: String,
    pub unit_id: Option<String>,
    pub open_to_opportunities: i64,
    pub hours_per_week: Option<i64>,
    pub available_from: Option<String>,
}

/// A portfolio item matching may read. Only items with `visibility` = the given one (the
/// organisation) in the talent, core-quality and ambition sections are ever returned.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MatchItem {
    pub owner_id: String,
    pub section: String,
    /// 1 for an ambition item: matching tests this integer for every item instead of the text.
    pub is_ambition: i64,
    pub title: String,
    pub catalogue_key: Option<String>,
    pub details: String,
}

const MATCH_SECTIONS: &str = "('talents', 'core_qualities', 'ambitions')";

/// Active people who opted in to opportunities, with their availability.
pub async fn opted_in_candidates(conn: &mut Conn, organisation_id: &str) -> Result<Vec<Candidate>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS person_id, p.display_name, p.unit_id, a.open_to_opportunities, a.hours_per_week, a.available_from \
         FROM person_availability a JOIN people p ON p.organisation_id = a.organisation_id AND p.id = a.person_id \
         WHERE a.organisation_id = $1 AND a.open_to_opportunities = 1 AND p.active = 1 ORDER BY p.id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The given active people (opted in or not), with their availability when they set one.
pub async fn candidates(
    conn: &mut Conn,
    organisation_id: &str,
    person_ids: &[String],
) -> Result<Vec<Candidate>> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..person_ids.len())
        .map(|i| format!("${}", i + 2))
        .collect();
    let sql = format!(
        "SELECT p.id AS person_id, p.display_name, p.unit_id, COALESCE(a.open_to_opportunities, 0) AS open_to_opportunities, \
           a.hours_per_week, a.available_from \
         FROM people p LEFT JOIN person_availability a ON a.organisation_id = p.organisation_id AND a.person_id = p.id \
         WHERE p.organisation_id = $1 AND p.active = 1 AND p.id IN ({}) ORDER BY p.id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in person_ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// The matchable items of everyone who opted in to opportunities.
pub async fn opted_in_items(
    conn: &mut Conn,
    organisation_id: &str,
    visibility: &str,
) -> Result<Vec<MatchItem>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT i.owner_id, i.section, CASE WHEN i.section = 'ambitions' THEN 1 ELSE 0 END AS is_ambition, i.title, i.catalogue_key, i.details FROM portfolio_items i \
         JOIN person_availability a ON a.organisation_id = i.organisation_id AND a.person_id = i.owner_id \
         WHERE i.organisation_id = $1 AND a.open_to_opportunities = 1 AND i.visibility = $2 \
           AND i.deleted_at IS NULL AND i.section IN {MATCH_SECTIONS} \
         ORDER BY i.owner_id, i.section, i.position, i.id"
    )))
    .bind(organisation_id)
    .bind(visibility)
    .fetch_all(&mut *conn)
    .await?)
}

/// The matchable items of the given people.
pub async fn items_of_people(
    conn: &mut Conn,
    organisation_id: &str,
    visibility: &str,
    person_ids: &[String],
) -> Result<Vec<MatchItem>> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..person_ids.len())
        .map(|i| format!("${}", i + 3))
        .collect();
    let sql = format!(
        "SELECT i.owner_id, i.section, CASE WHEN i.section = 'ambitions' THEN 1 ELSE 0 END AS is_ambition, i.title, i.catalogue_key, i.details FROM portfolio_items i \
         WHERE i.organisation_id = $1 AND i.visibility = $2 AND i.deleted_at IS NULL AND i.section IN {MATCH_SECTIONS} \
           AND i.owner_id IN ({}) ORDER BY i.owner_id, i.section, i.position, i.id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .bind(visibility);
    for id in person_ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// Seeds availability for many people at once (the demo): `(person_id, opportunities, teams,
/// hours)`, inserted in batches; rows that exist are left alone.
pub async fn insert_availability_bulk(
    conn: &mut Conn,
    organisation_id: &str,
    rows: &[(String, bool, bool, Option<i64>)],
) -> Result<()> {
    let now = now();
    for batch in rows.chunks(200) {
        let values: Vec<String> = (0..batch.len())
            .map(|i| {
                let b = 3 + i * 4;
                format!("($1, ${b}, ${}, ${}, ${}, $2)", b + 1, b + 2, b + 3)
            })
            .collect();
        let sql = format!(
            "INSERT INTO person_availability (organisation_id, person_id, open_to_opportunities, open_to_teams, hours_per_week, updated_at) \
             VALUES {} ON CONFLICT (organisation_id, person_id) DO NOTHING",
            values.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for (person, opportunities, teams, hours) in batch {
            query = query
                .bind(person)
                .bind(i64::from(*opportunities))
                .bind(i64::from(*teams))
                .bind(*hours);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
