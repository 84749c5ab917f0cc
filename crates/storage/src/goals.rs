//! Goals, their progress updates and their history. Lists take the viewer and filter in the
//! query, with the same rule as portfolio items ([`Relation::visible`]), never after it.

use kleur_domain::portfolio::{Relation, Visibility};
use sqlx::Row;

use crate::{Conn, Result, new_id, now};

/// A goal with the names a page shows beside it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Goal {
    pub organisation_id: String,
    pub id: String,
    pub level: String,
    pub cycle: i64,
    pub title: String,
    pub description: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    /// The owner's unit and manager, which decide who may see a personal goal.
    pub owner_unit_id: Option<String>,
    pub owner_manager_id: Option<String>,
    pub owner_active: Option<i64>,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub parent_id: Option<String>,
    pub visibility: String,
    pub status: String,
    pub progress: Option<i64>,
    pub proposed_at: Option<String>,
    pub created_by: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT g.organisation_id, g.id, g.level, g.cycle, g.title, g.description, \
     g.owner_id, o.display_name AS owner_name, o.unit_id AS owner_unit_id, o.manager_id AS owner_manager_id, o.active AS owner_active, \
     g.unit_id, u.name AS unit_name, g.parent_id, g.visibility, g.status, g.progress, g.proposed_at, \
     g.created_by, g.version, g.created_at, g.updated_at \
     FROM goals g \
     LEFT JOIN people o ON o.organisation_id = g.organisation_id AND o.id = g.owner_id \
     LEFT JOIN units u ON u.organisation_id = g.organisation_id AND u.id = g.unit_id";

/// Who is looking, as the visibility rule needs it.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    pub person_id: &'a str,
    pub unit_id: Option<&'a str>,
    /// Holds the manager role: a manager in the owner's unit decides on proposals.
    pub is_manager: bool,
}

enum Arg {
    Text(String),
    Int(i64),
}

/// SQL text with its arguments, numbered as they are added.
#[derive(Default)]
struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    fn text(&mut self, arg: impl Into<String>) -> String {
        self.args.push(Arg::Text(arg.into()));
        format!("${}", self.args.len())
    }

    fn int(&mut self, arg: i64) -> String {
        self.args.push(Arg::Int(arg));
        format!("${}", self.args.len())
    }

    fn query_as<'q, T>(self) -> sqlx::query::QueryAs<'q, crate::Any, T, sqlx::any::AnyArguments>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Text(text) => query.bind(text),
                Arg::Int(number) => query.bind(number),
            };
        }
        query
    }

    fn query<'q>(self) -> sqlx::query::Query<'q, crate::Any, sqlx::any::AnyArguments> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Text(text) => query.bind(text),
                Arg::Int(number) => query.bind(number),
            };
        }
        query
    }
}

/// `'a', 'b'` for a list of visibilities: fixed identifiers from the enum, never user input.
fn quoted(visibilities: &[Visibility]) -> String {
    visibilities
        .iter()
        .map(|v| format!("'{}'", v.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The condition under which the viewer may see goal `g` (with its owner joined as `o`):
/// organisation and team goals are for everyone in the organisation; a personal goal follows
/// [`Relation::visible`] for the relation the viewer has to its owner. Because each relation sees
/// at least what the next one sees (manager ⊇ teammate ⊇ colleague), "any relation that applies"
/// equals the first one [`Relation::between`] picks. While a proposal to the team is pending,
/// the people who decide on it see the goal too: the owner consented to that by proposing.
fn visible_clause(sql: &mut Sql, viewer: &Viewer<'_>) -> String {
    let me = sql.text(viewer.person_id);
    let unit = sql.text(viewer.unit_id.unwrap_or_default());
    let manager = sql.int(i64::from(viewer.is_manager));
    format!(
        "(g.level <> 'personal' OR g.owner_id = {me} OR (o.active = 1 AND (\
           g.visibility IN ({colleague}) \
           OR (o.manager_id = {me} AND g.visibility IN ({as_manager})) \
           OR ({unit} <> '' AND o.unit_id = {unit} AND g.visibility IN ({teammate})) \
           OR (g.proposed_at IS NOT NULL AND (o.manager_id = {me} OR ({manager} = 1 AND {unit} <> '' AND o.unit_id = {unit})))\
         )))",
        colleague = quoted(Relation::Colleague.visible()),
        as_manager = quoted(Relation::Manager.visible()),
        teammate = quoted(Relation::Teammate.visible()),
    )
}

/// Which goals a list asks for. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct GoalFilter<'a> {
    pub level: Option<&'a str>,
    pub cycle: Option<i64>,
    pub owner_id: Option<&'a str>,
    /// Leave out this owner's goals (the viewer's own, when listing what others share).
    pub not_owner_id: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    /// Personal goals whose owner is in this unit.
    pub owner_unit_id: Option<&'a str>,
    /// Personal goals whose owner has this manager.
    pub owner_manager_id: Option<&'a str>,
    /// Goals that contribute to one of these.
    pub parent_ids: &'a [String],
    pub proposed_only: bool,
}

fn filtered(organisation_id: &str, viewer: &Viewer<'_>, filter: &GoalFilter<'_>) -> Sql {
    let mut sql = Sql::default();
    let organisation = sql.text(organisation_id);
    let visible = visible_clause(&mut sql, viewer);
    let mut conditions = vec![format!("g.organisation_id = {organisation}"), visible];
    if let Some(level) = filter.level {
        let p = sql.text(level);
        conditions.push(format!("g.level = {p}"));
    }
    if let Some(cycle) = filter.cycle {
        let p = sql.int(cycle);
        conditions.push(format!("g.cycle = {p}"));
    }
    if let Some(owner) = filter.owner_id {
        let p = sql.text(owner);
        conditions.push(format!("g.owner_id = {p}"));
    }
    if let Some(owner) = filter.not_owner_id {
        let p = sql.text(owner);
        conditions.push(format!("g.owner_id <> {p}"));
    }
    if let Some(unit) = filter.unit_id {
        let p = sql.text(unit);
        conditions.push(format!("g.unit_id = {p}"));
    }
    match (filter.owner_unit_id, filter.owner_manager_id) {
        (Some(unit), Some(manager)) => {
            let u = sql.text(unit);
            let m = sql.text(manager);
            conditions.push(format!("(o.unit_id = {u} OR o.manager_id = {m})"));
        }
        (Some(unit), None) => {
            let u = sql.text(unit);
            conditions.push(format!("o.unit_id = {u}"));
        }
        (None, Some(manager)) => {
            let m = sql.text(manager);
            conditions.push(format!("o.manager_id = {m}"));
        }
        (None, None) => {}
    }
    if !filter.parent_ids.is_empty() {
        let placeholders: Vec<String> = filter
            .parent_ids
            .iter()
            .map(|id| sql.text(id.as_str()))
            .collect();
        conditions.push(format!("g.parent_id IN ({})", placeholders.join(", ")));
    }
    if filter.proposed_only {
        conditions.push("g.proposed_at IS NOT NULL".to_owned());
    }
    sql.text = format!(" WHERE {}", conditions.join(" AND "));
    sql
}

const ORDER: &str = " ORDER BY g.cycle DESC, CASE g.level WHEN 'organisation' THEN 0 WHEN 'team' THEN 1 ELSE 2 END, g.created_at, g.id";

/// One page of the goals the viewer may see, with the total for paging.
pub async fn list(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    filter: &GoalFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Goal>, i64)> {
    let mut count = filtered(organisation_id, viewer, filter);
    count.text = format!(
        "SELECT COUNT(*) FROM goals g LEFT JOIN people o ON o.organisation_id = g.organisation_id AND o.id = g.owner_id{}",
        count.text
    );
    let total: i64 = count.query().fetch_one(&mut *conn).await?.try_get(0)?;
    let mut sql = filtered(organisation_id, viewer, filter);
    let l = sql.int(limit);
    let o = sql.int(offset);
    sql.text = format!("{SELECT}{}{ORDER} LIMIT {l} OFFSET {o}", sql.text);
    let goals = sql.query_as().fetch_all(&mut *conn).await?;
    Ok((goals, total))
}

/// Every goal the viewer may see that matches, up to `limit`, without counting.
pub async fn all(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    filter: &GoalFilter<'_>,
    limit: i64,
) -> Result<Vec<Goal>> {
    let mut sql = filtered(organisation_id, viewer, filter);
    let l = sql.int(limit);
    sql.text = format!("{SELECT}{}{ORDER} LIMIT {l}", sql.text);
    Ok(sql.query_as().fetch_all(&mut *conn).await?)
}

/// One goal of the organisation; the caller decides whether the viewer may see it.
pub async fn get(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Goal>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE g.organisation_id = $1 AND g.id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Several goals of the organisation in one query; the caller decides which the viewer may see.
pub async fn get_many(conn: &mut Conn, organisation_id: &str, ids: &[String]) -> Result<Vec<Goal>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::default();
    let organisation = sql.text(organisation_id);
    let placeholders: Vec<String> = ids.iter().map(|id| sql.text(id.as_str())).collect();
    sql.text = format!(
        "{SELECT} WHERE g.organisation_id = {organisation} AND g.id IN ({})",
        placeholders.join(", ")
    );
    Ok(sql.query_as().fetch_all(&mut *conn).await?)
}

#[derive(Debug, Clone)]
pub struct NewGoal<'a> {
    pub level: &'a str,
    pub cycle: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub owner_id: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub parent_id: Option<&'a str>,
    pub visibility: &'a str,
}

/// Adds a goal, open and without progress, created at `created_at`.
pub async fn insert(
    conn: &mut Conn,
    organisation_id: &str,
    goal: &NewGoal<'_>,
    created_by: &str,
    created_at: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO goals (organisation_id, id, level, cycle, title, description, owner_id, unit_id, parent_id, visibility, status, progress, proposed_at, created_by, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', NULL, NULL, $11, 1, $12, $12)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(goal.level)
    .bind(goal.cycle)
    .bind(goal.title)
    .bind(goal.description)
    .bind(goal.owner_id)
    .bind(goal.unit_id)
    .bind(goal.parent_id)
    .bind(goal.visibility)
    .bind(created_by)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

#[derive(Debug, Clone)]
pub struct GoalChange<'a> {
    pub cycle: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub parent_id: Option<&'a str>,
    pub visibility: &'a str,
}

/// Changes a goal if it is still at `expected_version`. False when it changed in between (another
/// tab), and then nothing changes.
pub async fn update(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    expected_version: i64,
    change: &GoalChange<'_>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE goals SET cycle = $4, title = $5, description = $6, parent_id = $7, visibility = $8, version = version + 1, updated_at = $9 \
         WHERE organisation_id = $1 AND id = $2 AND version = $3",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(expected_version)
    .bind(change.cycle)
    .bind(change.title)
    .bind(change.description)
    .bind(change.parent_id)
    .bind(change.visibility)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Goals that contribute to `id` (any level, any viewer): for unlinking and checks.
pub async fn child_count(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<i64> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM goals WHERE organisation_id = $1 AND parent_id = $2")
            .bind(organisation_id)
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}

/// Marks a proposal to the team as pending (`Some(time)`) or settled (`None`).
pub async fn set_proposed(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    proposed_at: Option<&str>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE goals SET proposed_at = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2 AND level = 'personal'",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(proposed_at)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Turns a pending personal goal into a shared team goal of `unit_id`, for the whole organisation.
pub async fn make_team_goal(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    unit_id: &str,
    parent_id: Option<&str>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE goals SET level = 'team', unit_id = $3, parent_id = $4, visibility = 'organisation', proposed_at = NULL, version = version + 1, updated_at = $5 \
         WHERE organisation_id = $1 AND id = $2 AND level = 'personal' AND proposed_at IS NOT NULL",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(unit_id)
    .bind(parent_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Progress {
    pub id: String,
    pub goal_id: String,
    pub percent: Option<i64>,
    pub status: String,
    pub note: String,
    pub author_id: String,
    pub author_name: String,
    pub created_at: String,
}

/// Records a progress update and makes its status (and percentage, when given) the goal's latest.
#[allow(clippy::too_many_arguments)]
pub async fn add_progress(
    conn: &mut Conn,
    organisation_id: &str,
    goal_id: &str,
    percent: Option<i64>,
    status: &str,
    note: &str,
    author_id: &str,
    created_at: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO goal_progress (organisation_id, id, goal_id, percent, status, note, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(goal_id)
    .bind(percent)
    .bind(status)
    .bind(note)
    .bind(author_id)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE goals SET status = $4, progress = COALESCE($3, progress), updated_at = $5 WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(goal_id)
    .bind(percent)
    .bind(status)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The progress updates of a goal, newest first.
pub async fn progress_of(
    conn: &mut Conn,
    organisation_id: &str,
    goal_id: &str,
) -> Result<Vec<Progress>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.goal_id, p.percent, p.status, p.note, p.author_id, a.display_name AS author_name, p.created_at \
         FROM goal_progress p JOIN people a ON a.organisation_id = p.organisation_id AND a.id = p.author_id \
         WHERE p.organisation_id = $1 AND p.goal_id = $2 ORDER BY p.created_at DESC, p.id DESC",
    )
    .bind(organisation_id)
    .bind(goal_id)
    .fetch_all(&mut *conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Event {
    pub id: String,
    pub goal_id: String,
    pub kind: String,
    pub actor_id: String,
    pub actor_name: String,
    pub note: String,
    pub created_at: String,
}

pub async fn add_event(
    conn: &mut Conn,
    organisation_id: &str,
    goal_id: &str,
    kind: &str,
    actor_id: &str,
    note: &str,
    created_at: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO goal_events (organisation_id, id, goal_id, kind, actor_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(goal_id)
    .bind(kind)
    .bind(actor_id)
    .bind(note)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The history of a goal, oldest first.
pub async fn events_of(
    conn: &mut Conn,
    organisation_id: &str,
    goal_id: &str,
) -> Result<Vec<Event>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.goal_id, e.kind, e.actor_id, a.display_name AS actor_name, e.note, e.created_at \
         FROM goal_events e JOIN people a ON a.organisation_id = e.organisation_id AND a.id = e.actor_id \
         WHERE e.organisation_id = $1 AND e.goal_id = $2 ORDER BY e.created_at, e.id",
    )
    .bind(organisation_id)
    .bind(goal_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// How many goals an organisation has, of any level.
pub async fn count(conn: &mut Conn, organisation_id: &str) -> Result<i64> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM goals WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list query relies on this: a relation closer to the owner sees at least what a more
    /// distant one sees, so OR-ing the relations that apply gives the one `Relation::between` picks.
    #[test]
    fn closer_relations_see_more() {
        let order = [
            Relation::Owner,
            Relation::Manager,
            Relation::Teammate,
            Relation::Colleague,
        ];
        for pair in order.windows(2) {
            for visibility in pair[1].visible() {
                assert!(
                    pair[0].can_see(*visibility),
                    "{:?} ⊇ {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn numbers_arguments_in_order() {
        let mut sql = Sql::default();
        let viewer = Viewer {
            person_id: "p",
            unit_id: None,
            is_manager: false,
        };
        let clause = visible_clause(&mut sql, &viewer);
        assert!(clause.contains("$1") && clause.contains("$2") && clause.contains("$3"));
        assert!(clause.contains("'organisation'") && !clause.contains("$4"));
        assert_eq!(sql.args.len(), 3);
    }
}
