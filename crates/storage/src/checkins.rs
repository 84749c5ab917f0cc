//! Check-ins and each person's check-in settings. Every query names the tenant; reading someone's
//! check-ins is the services layer's decision, never a query's default.

use sqlx::Row;

use crate::{Conn, Result, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Checkin {
    pub id: String,
    pub person_id: String,
    pub checked_on: String,
    pub energy: i64,
    pub workload: i64,
    pub stress: i64,
    pub autonomy: i64,
    pub learning: i64,
    pub note: String,
}

impl Checkin {
    pub fn scores(&self) -> [u8; 5] {
        [
            self.energy,
            self.workload,
            self.stress,
            self.autonomy,
            self.learning,
        ]
        .map(|s| u8::try_from(s.clamp(1, 5)).unwrap_or(3))
    }
}

const COLUMNS: &str =
    "id, person_id, checked_on, energy, workload, stress, autonomy, learning, note";

/// Saves the person's check-in of that day; a second one the same day replaces the first.
pub async fn upsert(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    checked_on: &str,
    scores: [u8; 5],
    note: &str,
) -> Result<()> {
    let now = now();
    sqlx::query(
        "INSERT INTO checkins (organisation_id, id, person_id, checked_on, energy, workload, stress, \
           autonomy, learning, note, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
         ON CONFLICT (organisation_id, person_id, checked_on) DO UPDATE SET \
           energy = excluded.energy, workload = excluded.workload, stress = excluded.stress, \
           autonomy = excluded.autonomy, learning = excluded.learning, note = excluded.note, \
           updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(person_id)
    .bind(checked_on)
    .bind(i64::from(scores[0]))
    .bind(i64::from(scores[1]))
    .bind(i64::from(scores[2]))
    .bind(i64::from(scores[3]))
    .bind(i64::from(scores[4]))
    .bind(note)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One person's check-ins on or after `from` (an ISO date), oldest first.
pub async fn of_person_since(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    from: &str,
) -> Result<Vec<Checkin>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM checkins \
         WHERE organisation_id = $1 AND person_id = $2 AND checked_on >= $3 \
         ORDER BY checked_on"
    )))
    .bind(organisation_id)
    .bind(person_id)
    .bind(from)
    .fetch_all(&mut *conn)
    .await?)
}

/// Removes one of the person's own check-ins. True when there was one.
pub async fn delete(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    id: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "DELETE FROM checkins WHERE organisation_id = $1 AND person_id = $2 AND id = $3",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Settings {
    pub rhythm: String,
    pub reminders: bool,
    pub last_reminded_period: Option<String>,
    pub share_weeks: i64,
    pub share_notes: bool,
}

/// The person's settings; `None` when they never chose a rhythm.
pub async fn settings(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Option<Settings>> {
    let row = sqlx::query(
        "SELECT rhythm, reminders, last_reminded_period, share_weeks, share_notes \
         FROM checkin_settings WHERE organisation_id = $1 AND person_id = $2",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(Settings {
            rhythm: row.try_get(0)?,
            reminders: row.try_get::<i64, _>(1)? != 0,
            last_reminded_period: row.try_get(2)?,
            share_weeks: row.try_get(3)?,
            share_notes: row.try_get::<i64, _>(4)? != 0,
        })
    })
    .transpose()
}

pub async fn set_settings(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    settings: &Settings,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO checkin_settings (organisation_id, person_id, rhythm, reminders, \
           last_reminded_period, share_weeks, share_notes, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (organisation_id, person_id) DO UPDATE SET \
           rhythm = excluded.rhythm, reminders = excluded.reminders, \
           last_reminded_period = excluded.last_reminded_period, share_weeks = excluded.share_weeks, \
           share_notes = excluded.share_notes, updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(&settings.rhythm)
    .bind(i64::from(settings.reminders))
    .bind(settings.last_reminded_period.as_deref())
    .bind(settings.share_weeks)
    .bind(i64::from(settings.share_notes))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Someone whose check-in reminder is due.
#[derive(Debug, Clone)]
pub struct DueReminder {
    pub organisation_id: String,
    pub person_id: String,
    pub email: String,
    pub locale: Option<String>,
}

/// Active people with this rhythm and reminders on who were not reminded for `period_key` and
/// have not checked in since `period_start`: over all organisations, for the worker.
pub async fn due_reminders(
    conn: &mut Conn,
    rhythm: &str,
    period_key: &str,
    period_start: &str,
    limit: i64,
) -> Result<Vec<DueReminder>> {
    let rows = sqlx::query(
        "SELECT s.organisation_id, s.person_id, p.email, p.locale FROM checkin_settings s \
         JOIN people p ON p.organisation_id = s.organisation_id AND p.id = s.person_id \
         WHERE s.rhythm = $1 AND s.reminders = 1 AND p.active = 1 \
           AND (s.last_reminded_period IS NULL OR s.last_reminded_period <> $2) \
           AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.organisation_id = s.organisation_id \
             AND c.person_id = s.person_id AND c.checked_on >= $3) \
         ORDER BY s.organisation_id, s.person_id LIMIT $4",
    )
    .bind(rhythm)
    .bind(period_key)
    .bind(period_start)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(DueReminder {
                organisation_id: row.try_get(0)?,
                person_id: row.try_get(1)?,
                email: row.try_get(2)?,
                locale: row.try_get(3)?,
            })
        })
        .collect()
}

/// Marks the period as reminded. False when another node already did (then it sends nothing).
pub async fn claim_reminder(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    period_key: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE checkin_settings SET last_reminded_period = $3 \
         WHERE organisation_id = $1 AND person_id = $2 \
           AND (last_reminded_period IS NULL OR last_reminded_period <> $3)",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(period_key)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A manager's direct report with what they share (only those who share something).
#[derive(Debug, Clone)]
pub struct SharingReport {
    pub person_id: String,
    pub display_name: String,
    pub share_weeks: i64,
    pub share_notes: bool,
}

pub async fn sharing_reports(
    conn: &mut Conn,
    organisation_id: &str,
    manager_id: &str,
) -> Result<Vec<SharingReport>> {
    let rows = sqlx::query(
        "SELECT p.id, p.display_name, s.share_weeks, s.share_notes FROM people p \
         JOIN checkin_settings s ON s.organisation_id = p.organisation_id AND s.person_id = p.id \
         WHERE p.organisation_id = $1 AND p.manager_id = $2 AND p.active = 1 AND s.share_weeks > 0 \
         ORDER BY p.display_name, p.id",
    )
    .bind(organisation_id)
    .bind(manager_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SharingReport {
                person_id: row.try_get(0)?,
                display_name: row.try_get(1)?,
                share_weeks: row.try_get(2)?,
                share_notes: row.try_get::<i64, _>(3)? != 0,
            })
        })
        .collect()
}

/// Per person and group: how many check-ins and the sum of each score, for aggregates. The
/// group is the person's current unit and the month (`YYYY-MM`) of the check-in. Only numbers
/// leave this query: never notes, and the services layer suppresses small groups.
#[derive(Debug, Clone)]
pub struct PersonTotals {
    pub unit_id: Option<String>,
    pub month: String,
    pub person_id: String,
    pub count: i64,
    pub sums: [i64; 5],
}

pub async fn totals_by_unit_and_month(
    conn: &mut Conn,
    organisation_id: &str,
    from: &str,
) -> Result<Vec<PersonTotals>> {
    totals(
        conn,
        "SELECT p.unit_id, SUBSTR(c.checked_on, 1, 7) AS month, c.person_id, COUNT(*), \
           CAST(SUM(c.energy) AS BIGINT), CAST(SUM(c.workload) AS BIGINT), \
           CAST(SUM(c.stress) AS BIGINT), CAST(SUM(c.autonomy) AS BIGINT), \
           CAST(SUM(c.learning) AS BIGINT) \
         FROM checkins c JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id \
         WHERE c.organisation_id = $1 AND c.checked_on >= $2 AND p.active = 1 \
         GROUP BY p.unit_id, SUBSTR(c.checked_on, 1, 7), c.person_id",
        organisation_id,
        from,
        None,
    )
    .await
}

/// The same totals over the manager's direct reports since `from`, as one group (month empty).
pub async fn totals_of_reports(
    conn: &mut Conn,
    organisation_id: &str,
    manager_id: &str,
    from: &str,
) -> Result<Vec<PersonTotals>> {
    totals(
        conn,
        "SELECT p.unit_id, '' AS month, c.person_id, COUNT(*), \
           CAST(SUM(c.energy) AS BIGINT), CAST(SUM(c.workload) AS BIGINT), \
           CAST(SUM(c.stress) AS BIGINT), CAST(SUM(c.autonomy) AS BIGINT), \
           CAST(SUM(c.learning) AS BIGINT) \
         FROM checkins c JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id \
         WHERE c.organisation_id = $1 AND c.checked_on >= $2 AND p.active = 1 AND p.manager_id = $3 \
         GROUP BY p.unit_id, c.person_id",
        organisation_id,
        from,
        Some(manager_id),
    )
    .await
}

async fn totals(
    conn: &mut Conn,
    sql: &'static str,
    organisation_id: &str,
    from: &str,
    manager_id: Option<&str>,
) -> Result<Vec<PersonTotals>> {
    let mut query = sqlx::query(sql).bind(organisation_id).bind(from);
    if let Some(manager_id) = manager_id {
        query = query.bind(manager_id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(PersonTotals {
                unit_id: row.try_get(0)?,
                month: row.try_get(1)?,
                person_id: row.try_get(2)?,
                count: row.try_get(3)?,
                sums: [
                    row.try_get(4)?,
                    row.try_get(5)?,
                    row.try_get(6)?,
                    row.try_get(7)?,
                    row.try_get(8)?,
                ],
            })
        })
        .collect()
}
