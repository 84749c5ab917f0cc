//! The learning-organisation programme: phases and activities per unit, ambassadors and the
//! training sessions they give, team sessions with behavioural intentions.

use sqlx::Row;

use crate::{Conn, Result, new_id, now};

/// (unit id, phase, reached on) for every unit of the organisation.
pub async fn phases(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT unit_id, phase, reached_on FROM programme_phases WHERE organisation_id = $1 \
         ORDER BY unit_id, reached_on",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .collect()
}

/// Sets (or with `None` clears) the date a unit reached a phase.
pub async fn set_phase(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    phase: &str,
    reached_on: Option<&str>,
) -> Result<()> {
    match reached_on {
        Some(date) => {
            sqlx::query(
                "INSERT INTO programme_phases (organisation_id, unit_id, phase, reached_on) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, unit_id, phase) \
                 DO UPDATE SET reached_on = excluded.reached_on",
            )
            .bind(organisation_id)
            .bind(unit_id)
            .bind(phase)
            .bind(date)
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query(
                "DELETE FROM programme_phases WHERE organisation_id = $1 AND unit_id = $2 AND phase = $3",
            )
            .bind(organisation_id)
            .bind(unit_id)
            .bind(phase)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Activity {
    pub id: String,
    pub phase: String,
    pub title: String,
    pub held_on: String,
}

pub async fn activities(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Vec<Activity>> {
    Ok(sqlx::query_as(
        "SELECT id, phase, title, held_on FROM programme_activities \
         WHERE organisation_id = $1 AND unit_id = $2 ORDER BY held_on, id",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn add_activity(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    phase: &str,
    title: &str,
    held_on: &str,
    created_by: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO programme_activities (organisation_id, id, unit_id, phase, title, held_on, \
           created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(unit_id)
    .bind(phase)
    .bind(title)
    .bind(held_on)
    .bind(created_by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Ambassador {
    pub person_id: String,
    pub display_name: String,
    pub unit_id: String,
    pub informed_on: Option<String>,
    pub enthused_on: Option<String>,
    pub trained_on: Option<String>,
}

pub async fn ambassadors(conn: &mut Conn, organisation_id: &str) -> Result<Vec<Ambassador>> {
    Ok(sqlx::query_as(
        "SELECT a.person_id, p.display_name, a.unit_id, a.informed_on, a.enthused_on, a.trained_on \
         FROM ambassadors a JOIN people p ON p.organisation_id = a.organisation_id AND p.id = a.person_id \
         WHERE a.organisation_id = $1 ORDER BY p.display_name, a.person_id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Appoints (or updates) an ambassador for a unit with their milestones.
pub async fn set_ambassador(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    unit_id: &str,
    milestones: [Option<&str>; 3],
) -> Result<()> {
    sqlx::query(
        "INSERT INTO ambassadors (organisation_id, person_id, unit_id, informed_on, enthused_on, \
           trained_on, appointed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (organisation_id, person_id) DO UPDATE SET unit_id = excluded.unit_id, \
           informed_on = excluded.informed_on, enthused_on = excluded.enthused_on, \
           trained_on = excluded.trained_on",
    )
    .bind(organisation_id)
    .bind(person_id)
    .bind(unit_id)
    .bind(milestones[0])
    .bind(milestones[1])
    .bind(milestones[2])
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A training session: the trainer, the date, and the colleagues trained.
pub async fn add_training(
    conn: &mut Conn,
    organisation_id: &str,
    trainer_id: &str,
    held_on: &str,
    topic: &str,
    trainees: &[String],
) -> Result<()> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO training_sessions (organisation_id, id, trainer_id, held_on, topic, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(trainer_id)
    .bind(held_on)
    .bind(topic)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    for trainee in trainees {
        sqlx::query(
            "INSERT INTO training_participants (organisation_id, session_id, person_id) VALUES ($1, $2, $3)",
        )
        .bind(organisation_id)
        .bind(&id)
        .bind(trainee)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Every (trainer, trainee, date) of the organisation.
pub async fn trainings(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT s.trainer_id, t.person_id, s.held_on FROM training_sessions s \
         JOIN training_participants t ON t.organisation_id = s.organisation_id AND t.session_id = s.id \
         WHERE s.organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .collect()
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TeamSession {
    pub id: String,
    pub title: String,
    pub held_on: String,
}

pub async fn team_sessions(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Vec<TeamSession>> {
    Ok(sqlx::query_as(
        "SELECT id, title, held_on FROM team_sessions WHERE organisation_id = $1 AND unit_id = $2 \
         ORDER BY held_on DESC, id",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn add_team_session(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    title: &str,
    held_on: &str,
    created_by: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO team_sessions (organisation_id, id, unit_id, title, held_on, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(unit_id)
    .bind(title)
    .bind(held_on)
    .bind(created_by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The unit of a team session of this organisation.
pub async fn session_unit(
    conn: &mut Conn,
    organisation_id: &str,
    session_id: &str,
) -> Result<Option<String>> {
    let row =
        sqlx::query("SELECT unit_id FROM team_sessions WHERE organisation_id = $1 AND id = $2")
            .bind(organisation_id)
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|r| r.try_get(0).map_err(Into::into)).transpose()
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Intention {
    pub id: String,
    pub session_id: String,
    pub text: String,
    pub owner_id: String,
    pub owner_name: String,
    pub status: String,
    pub revisited_on: Option<String>,
}

pub async fn intentions_of_unit(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Vec<Intention>> {
    Ok(sqlx::query_as(
        "SELECT i.id, i.session_id, i.text, i.owner_id, p.display_name AS owner_name, i.status, i.revisited_on \
         FROM intentions i JOIN team_sessions s ON s.organisation_id = i.organisation_id AND s.id = i.session_id \
         JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.owner_id \
         WHERE i.organisation_id = $1 AND s.unit_id = $2 ORDER BY i.created_at, i.id",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn add_intention(
    conn: &mut Conn,
    organisation_id: &str,
    session_id: &str,
    text: &str,
    owner_id: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO intentions (organisation_id, id, session_id, text, owner_id, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'open', $6)",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(session_id)
    .bind(text)
    .bind(owner_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records what became of an intention. Returns the unit of its session, or `None` when there is
/// no such intention in the organisation.
pub async fn revisit_intention(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    status: &str,
    revisited_on: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE intentions SET status = $3, revisited_on = $4 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(status)
    .bind(revisited_on)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The unit of the session an intention belongs to.
pub async fn intention_unit(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<String>> {
    let row = sqlx::query(
        "SELECT s.unit_id FROM intentions i JOIN team_sessions s \
           ON s.organisation_id = i.organisation_id AND s.id = i.session_id \
         WHERE i.organisation_id = $1 AND i.id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| r.try_get(0).map_err(Into::into)).transpose()
}

/// One adoption measure per unit (the people's current unit): how many distinct people did it
/// since the given moment, and how many times. Numbers only, for the adoption dashboard.
#[derive(Debug, Clone, Default)]
pub struct UnitMeasure {
    pub people: i64,
    pub count: i64,
}

/// `(measure, unit id) -> measure` for: people (head count), portfolios, feedback, goals,
/// checkins, conversations; and intentions (total and kept, per unit of the session).
pub async fn adoption(
    conn: &mut Conn,
    organisation_id: &str,
    since_timestamp: &str,
    since_date: &str,
) -> Result<Vec<(&'static str, Option<String>, UnitMeasure)>> {
    let queries: [(&'static str, &'static str, bool); 6] = [
        (
            "people",
            "SELECT unit_id, COUNT(*), COUNT(*) FROM people WHERE organisation_id = $1 AND active = 1 \
             GROUP BY unit_id",
            true,
        ),
        (
            "portfolios",
            "SELECT p.unit_id, COUNT(DISTINCT i.owner_id), COUNT(*) FROM portfolio_items i \
             JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.owner_id \
             WHERE i.organisation_id = $1 AND i.deleted_at IS NULL AND i.updated_at >= $2 AND p.active = 1 \
             GROUP BY p.unit_id",
            true,
        ),
        (
            "feedback",
            "SELECT p.unit_id, COUNT(DISTINCT r.subject_id), COUNT(*) FROM feedback_rounds r \
             JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.subject_id \
             WHERE r.organisation_id = $1 AND r.created_at >= $2 AND p.active = 1 GROUP BY p.unit_id",
            true,
        ),
        (
            "goals",
            "SELECT p.unit_id, COUNT(DISTINCT g.owner_id), COUNT(*) FROM goals g \
             JOIN people p ON p.organisation_id = g.organisation_id AND p.id = g.owner_id \
             WHERE g.organisation_id = $1 AND g.level = 'personal' AND g.updated_at >= $2 AND p.active = 1 \
             GROUP BY p.unit_id",
            true,
        ),
        (
            "checkins",
            "SELECT p.unit_id, COUNT(DISTINCT c.person_id), COUNT(*) FROM checkins c \
             JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id \
             WHERE c.organisation_id = $1 AND c.checked_on >= $2 AND p.active = 1 GROUP BY p.unit_id",
            false,
        ),
        (
            "conversations",
            "SELECT p.unit_id, COUNT(DISTINCT c.employee_id), COUNT(*) FROM conversations c \
             JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.employee_id \
             WHERE c.organisation_id = $1 AND c.held_on IS NOT NULL AND c.held_on >= $2 AND p.active = 1 \
             GROUP BY p.unit_id",
            false,
        ),
    ];
    let mut out = Vec::new();
    for (measure, sql, by_timestamp) in queries {
        let since = if by_timestamp {
            since_timestamp
        } else {
            since_date
        };
        let mut query = sqlx::query(sql).bind(organisation_id);
        if sql.contains("$2") {
            query = query.bind(since);
        }
        let rows = query.fetch_all(&mut *conn).await?;
        for row in rows {
            out.push((
                measure,
                row.try_get(0)?,
                UnitMeasure {
                    people: row.try_get(1)?,
                    count: row.try_get(2)?,
                },
            ));
        }
    }
    // Intentions are the team's: kept out of all, per unit of the session.
    let rows = sqlx::query(
        "SELECT s.unit_id, CAST(SUM(CASE WHEN i.status = 'kept' THEN 1 ELSE 0 END) AS BIGINT), COUNT(*) \
         FROM intentions i JOIN team_sessions s ON s.organisation_id = i.organisation_id AND s.id = i.session_id \
         WHERE i.organisation_id = $1 AND s.held_on >= $2 GROUP BY s.unit_id",
    )
    .bind(organisation_id)
    .bind(since_date)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        out.push((
            "intentions",
            row.try_get(0)?,
            UnitMeasure {
                people: row.try_get(1)?,
                count: row.try_get(2)?,
            },
        ));
    }
    Ok(out)
}
