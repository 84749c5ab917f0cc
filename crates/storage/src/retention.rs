//! Retention: data that has served its purpose is deleted after the period an organisation sets.
//! Each rule names a setting column of `retention_settings`; features add their own rule (the
//! check-ins setting is stored already and gets its rule with the check-ins table).

use sqlx::Row;

use crate::{Conn, Result};

/// One kind of data with a retention period.
pub struct Rule {
    /// The column of `retention_settings` holding the period in days.
    pub setting: &'static str,
    pub table: &'static str,
    /// Rows past their period: `$1` organisation, `$2` the cut-off time.
    pub expired: &'static str,
    /// Rows of other tables that belong to an expired row: `(table, column holding its id)`,
    /// deleted first.
    pub owned: &'static [(&'static str, &'static str)],
}

pub const RULES: &[Rule] = &[Rule {
    setting: "closed_feedback_days",
    table: "feedback_rounds",
    expired: "status = 'closed' AND closed_at IS NOT NULL AND closed_at < $2",
    owned: &[
        ("feedback_invitations", "round_id"),
        ("feedback_responses", "round_id"),
        ("feedback_comments", "round_id"),
    ],
}];

/// The settings columns, in form order.
pub const SETTINGS: &[&str] = &["closed_feedback_days", "check_in_days"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Per setting column, the period in days (None: kept).
    pub days: Vec<(&'static str, Option<i64>)>,
}

impl Settings {
    pub fn get(&self, setting: &str) -> Option<i64> {
        self.days
            .iter()
            .find(|(name, _)| *name == setting)
            .and_then(|(_, days)| *days)
    }
}

pub async fn get(conn: &mut Conn, organisation_id: &str) -> Result<Settings> {
    let sql = format!(
        "SELECT {} FROM retention_settings WHERE organisation_id = $1",
        SETTINGS.join(", ")
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_optional(&mut *conn)
        .await?;
    let mut settings = Settings::default();
    for (index, name) in SETTINGS.iter().enumerate() {
        let days = match &row {
            Some(row) => row.try_get::<Option<i64>, _>(index)?,
            None => None,
        };
        settings.days.push((name, days));
    }
    Ok(settings)
}

pub async fn set(conn: &mut Conn, organisation_id: &str, settings: &Settings) -> Result<()> {
    sqlx::query("DELETE FROM retention_settings WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut *conn)
        .await?;
    let placeholders: Vec<String> = (0..SETTINGS.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "INSERT INTO retention_settings (organisation_id, updated_at, {}) VALUES ($1, $2, {})",
        SETTINGS.join(", "),
        placeholders.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id.to_owned())
        .bind(crate::now());
    for name in SETTINGS {
        query = query.bind(settings.get(name));
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Organisations with at least one period set.
pub async fn organisations_with_settings(conn: &mut Conn) -> Result<Vec<String>> {
    let rows = sqlx::query("SELECT organisation_id FROM retention_settings ORDER BY 1")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}

/// Deletes what the rule finds expired before `cut_off`; returns the number of expired rows.
pub async fn apply(
    conn: &mut Conn,
    rule: &Rule,
    organisation_id: &str,
    cut_off: &str,
) -> Result<u64> {
    for (table, column) in rule.owned {
        let sql = format!(
            "DELETE FROM {table} WHERE organisation_id = $1 AND {column} IN \
             (SELECT id FROM {} WHERE organisation_id = $1 AND {})",
            rule.table, rule.expired
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(cut_off)
            .execute(&mut *conn)
            .await?;
    }
    let sql = format!(
        "DELETE FROM {} WHERE organisation_id = $1 AND {}",
        rule.table, rule.expired
    );
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .bind(cut_off)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}
