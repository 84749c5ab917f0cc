//! Development conversations: the cycle, the conversations with their agenda, record, actions,
//! and each party's private notes. Every query names the tenant; who may read what is decided in
//! the services layer (only the two participants).

use sqlx::Row;

use crate::{Conn, Result, new_id, now};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cycle {
    pub per_year: i64,
    pub themes: Vec<String>,
}

pub async fn cycle(conn: &mut Conn, organisation_id: &str) -> Result<Option<Cycle>> {
    let row =
        sqlx::query("SELECT per_year, themes FROM conversation_cycles WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|row| {
        let themes: String = row.try_get(1)?;
        Ok(Cycle {
            per_year: row.try_get(0)?,
            themes: themes
                .lines()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    })
    .transpose()
}

pub async fn set_cycle(conn: &mut Conn, organisation_id: &str, cycle: &Cycle) -> Result<()> {
    sqlx::query(
        "INSERT INTO conversation_cycles (organisation_id, per_year, themes, updated_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id) DO UPDATE SET \
           per_year = excluded.per_year, themes = excluded.themes, updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(cycle.per_year)
    .bind(cycle.themes.join("\n"))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Conversation {
    pub id: String,
    pub employee_id: String,
    pub employee_name: String,
    pub manager_id: String,
    pub manager_name: String,
    pub theme: String,
    pub planned_on: String,
    pub held_on: Option<String>,
    pub agreements: String,
    pub version: i64,
    pub employee_confirmed: Option<i64>,
    pub manager_confirmed: Option<i64>,
}

const SELECT: &str = "SELECT c.id, c.employee_id, e.display_name AS employee_name, c.manager_id, \
     m.display_name AS manager_name, c.theme, c.planned_on, c.held_on, c.agreements, c.version, \
     c.employee_confirmed, c.manager_confirmed FROM conversations c \
     JOIN people e ON e.organisation_id = c.organisation_id AND e.id = c.employee_id \
     JOIN people m ON m.organisation_id = c.organisation_id AND m.id = c.manager_id";

pub struct NewConversation<'a> {
    pub organisation_id: &'a str,
    pub employee_id: &'a str,
    pub manager_id: &'a str,
    pub theme: &'a str,
    pub planned_on: &'a str,
    pub created_by: &'a str,
}

pub async fn insert(conn: &mut Conn, new: &NewConversation<'_>) -> Result<String> {
    let id = new_id();
    let now = now();
    sqlx::query(
        "INSERT INTO conversations (organisation_id, id, employee_id, manager_id, theme, planned_on, \
           created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(new.organisation_id)
    .bind(&id)
    .bind(new.employee_id)
    .bind(new.manager_id)
    .bind(new.theme)
    .bind(new.planned_on)
    .bind(new.created_by)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn get(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Conversation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.organisation_id = $1 AND c.id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The conversations a person takes part in (as employee or as manager), newest first.
pub async fn of_participant(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
    limit: i64,
) -> Result<Vec<Conversation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.organisation_id = $1 AND (c.employee_id = $2 OR c.manager_id = $2) \
         ORDER BY c.planned_on DESC, c.id DESC LIMIT $3"
    )))
    .bind(organisation_id)
    .bind(person_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// Changes the record (date held, agreements) and raises the version, which undoes both
/// confirmations. Only when the version is still `expected`.
pub async fn update_record(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    held_on: Option<&str>,
    agreements: &str,
    expected: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE conversations SET held_on = $3, agreements = $4, version = version + 1, \
           updated_at = $5 WHERE organisation_id = $1 AND id = $2 AND version = $6",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(held_on)
    .bind(agreements)
    .bind(now())
    .bind(expected)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Raises the version (an action was added): both confirm again.
pub async fn bump_version(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<()> {
    sqlx::query(
        "UPDATE conversations SET version = version + 1, updated_at = $3 \
         WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Confirms version `version` for one party (`employee_confirmed` or `manager_confirmed`).
pub async fn confirm(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    as_employee: bool,
    version: i64,
) -> Result<bool> {
    let column = if as_employee {
        "employee_confirmed"
    } else {
        "manager_confirmed"
    };
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE conversations SET {column} = $3 WHERE organisation_id = $1 AND id = $2 AND version = $3"
    )))
    .bind(organisation_id)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Item {
    pub id: String,
    pub kind: String,
    pub ref_id: Option<String>,
    pub text: String,
    pub added_by: String,
}

pub async fn add_item(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    kind: &str,
    ref_id: Option<&str>,
    text: &str,
    added_by: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO conversation_items (organisation_id, id, conversation_id, kind, ref_id, text, \
           added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(conversation_id)
    .bind(kind)
    .bind(ref_id)
    .bind(text)
    .bind(added_by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn items(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
) -> Result<Vec<Item>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, ref_id, text, added_by FROM conversation_items \
         WHERE organisation_id = $1 AND conversation_id = $2 ORDER BY created_at, id",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn remove_item(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    id: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "DELETE FROM conversation_items WHERE organisation_id = $1 AND conversation_id = $2 AND id = $3",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due_on: Option<String>,
    pub done: i64,
}

pub async fn add_action(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    text: &str,
    owner: &str,
    due_on: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO conversation_actions (organisation_id, id, conversation_id, text, owner, due_on, \
           done, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
    )
    .bind(organisation_id)
    .bind(new_id())
    .bind(conversation_id)
    .bind(text)
    .bind(owner)
    .bind(due_on)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn actions(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
) -> Result<Vec<Action>> {
    Ok(sqlx::query_as(
        "SELECT id, text, owner, due_on, done FROM conversation_actions \
         WHERE organisation_id = $1 AND conversation_id = $2 ORDER BY created_at, id",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn set_action_done(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    id: &str,
    done: bool,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE conversation_actions SET done = $4 \
         WHERE organisation_id = $1 AND conversation_id = $2 AND id = $3",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .bind(id)
    .bind(i64::from(done))
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The author's own note on a conversation.
pub async fn note(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    person_id: &str,
) -> Result<String> {
    let row = sqlx::query(
        "SELECT text FROM conversation_notes \
         WHERE organisation_id = $1 AND conversation_id = $2 AND person_id = $3",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some(row) => row.try_get(0)?,
        None => String::new(),
    })
}

pub async fn set_note(
    conn: &mut Conn,
    organisation_id: &str,
    conversation_id: &str,
    person_id: &str,
    text: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO conversation_notes (organisation_id, conversation_id, person_id, text, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, conversation_id, person_id) \
         DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(conversation_id)
    .bind(person_id)
    .bind(text)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A direct report with their last held and next planned conversation, for the manager's list.
#[derive(Debug, Clone)]
pub struct ReportStatus {
    pub person_id: String,
    pub display_name: String,
    pub last_held: Option<String>,
    pub next_planned: Option<String>,
    /// The earliest planned date that passed without the conversation being held.
    pub missed: Option<String>,
}

pub async fn report_statuses(
    conn: &mut Conn,
    organisation_id: &str,
    manager_id: &str,
    today: &str,
) -> Result<Vec<ReportStatus>> {
    let rows = sqlx::query(
        "SELECT p.id, p.display_name, \
           (SELECT MAX(c.held_on) FROM conversations c WHERE c.organisation_id = p.organisation_id \
              AND c.employee_id = p.id AND c.held_on IS NOT NULL), \
           (SELECT MIN(c.planned_on) FROM conversations c WHERE c.organisation_id = p.organisation_id \
              AND c.employee_id = p.id AND c.held_on IS NULL AND c.planned_on >= $3), \
           (SELECT MIN(c.planned_on) FROM conversations c WHERE c.organisation_id = p.organisation_id \
              AND c.employee_id = p.id AND c.held_on IS NULL AND c.planned_on < $3) \
         FROM people p WHERE p.organisation_id = $1 AND p.manager_id = $2 AND p.active = 1 \
         ORDER BY p.display_name, p.id",
    )
    .bind(organisation_id)
    .bind(manager_id)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ReportStatus {
                person_id: row.try_get(0)?,
                display_name: row.try_get(1)?,
                last_held: row.try_get(2)?,
                next_planned: row.try_get(3)?,
                missed: row.try_get(4)?,
            })
        })
        .collect()
}

/// Titles of the employee's goals and portfolio items the manager may see (not private), and
/// their closed feedback rounds shared with the manager: what can go on a shared agenda.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Shareable {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
}

pub async fn shareable(
    conn: &mut Conn,
    organisation_id: &str,
    employee_id: &str,
) -> Result<Vec<Shareable>> {
    let mut out = Vec::new();
    let queries: [(&'static str, &'static str); 3] = [
        (
            "portfolio",
            "SELECT id, title FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $2 \
             AND deleted_at IS NULL AND visibility <> 'private' ORDER BY section, position",
        ),
        (
            "goal",
            "SELECT id, title FROM goals WHERE organisation_id = $1 AND owner_id = $2 \
             AND level = 'personal' AND visibility <> 'private' ORDER BY cycle DESC, title",
        ),
        (
            "feedback",
            "SELECT id, title FROM feedback_rounds WHERE organisation_id = $1 AND subject_id = $2 \
             AND status = 'closed' AND shared_with_manager = 1 ORDER BY created_at DESC",
        ),
    ];
    for (kind, sql) in queries {
        let rows = sqlx::query(sql)
            .bind(organisation_id)
            .bind(employee_id)
            .fetch_all(&mut *conn)
            .await?;
        for row in rows {
            out.push(Shareable {
                kind,
                id: row.try_get(0)?,
                title: row.try_get(1)?,
            });
        }
    }
    Ok(out)
}

/// How many conversations were held per unit (of the employee) since `from`, for the adoption
/// dashboard: counts only.
pub async fn held_per_unit(
    conn: &mut Conn,
    organisation_id: &str,
    from: &str,
) -> Result<Vec<(Option<String>, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT p.unit_id, COUNT(*), COUNT(DISTINCT c.employee_id) FROM conversations c \
         JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.employee_id \
         WHERE c.organisation_id = $1 AND c.held_on IS NOT NULL AND c.held_on >= $2 \
         GROUP BY p.unit_id",
    )
    .bind(organisation_id)
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)))
        .collect()
}
