//! Backup and restore of the whole database to one portable file.
//!
//! The file is JSON Lines: a header line, then one line per row (`{"t": table, "r": [values]}`).
//! The same file restores into SQLite or PostgreSQL, so a backup is also the way to move an
//! installation from the embedded database to a server. The dump is read in one transaction, so
//! it is a consistent snapshot while Kleur keeps serving.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::Row;
use std::io::{BufRead, Write};

use crate::{Backend, Db, Result, StorageError, migrate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
}

pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// A column that points into the same table: restored in a second pass, so row order does
    /// not matter for foreign keys.
    pub self_reference: Option<&'static str>,
}

use Kind::{Int, Text};

/// Every table, parents before children. A test checks this against the real schema.
pub const TABLES: &[Table] = &[
    Table {
        name: "organisations",
        columns: &[
            ("id", Text),
            ("slug", Text),
            ("name", Text),
            ("default_locale", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "units",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("parent_id", Text),
            ("name", Text),
            ("path_key", Text),
            ("created_at", Text),
        ],
        self_reference: Some("parent_id"),
    },
    Table {
        name: "people",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("employee_number", Text),
            ("display_name", Text),
            ("email", Text),
            ("function_title", Text),
            ("unit_id", Text),
            ("manager_id", Text),
            ("password_hash", Text),
            ("locale", Text),
            ("active", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: Some("manager_id"),
    },
    Table {
        name: "person_roles",
        columns: &[
            ("organisation_id", Text),
            ("person_id", Text),
            ("role", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "sessions",
        columns: &[
            ("token_hash", Text),
            ("organisation_id", Text),
            ("person_id", Text),
            ("csrf_token", Text),
            ("created_at", Text),
            ("expires_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "api_tokens",
        columns: &[
            ("token_hash", Text),
            ("organisation_id", Text),
            ("id", Text),
            ("person_id", Text),
            ("name", Text),
            ("created_at", Text),
            ("last_used_at", Text),
            ("revoked_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "login_failures",
        columns: &[("subject_hash", Text), ("failed_at", Text)],
        self_reference: None,
    },
    Table {
        name: "password_resets",
        columns: &[
            ("token_hash", Text),
            ("organisation_id", Text),
            ("person_id", Text),
            ("expires_at", Text),
            ("used_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "portfolio_items",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("owner_id", Text),
            ("section", Text),
            ("position", Int),
            ("title", Text),
            ("body", Text),
            ("visibility", Text),
            ("catalogue_key", Text),
            ("details", Text),
            ("version", Int),
            ("created_at", Text),
            ("updated_at", Text),
            ("deleted_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "portfolio_files",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("item_id", Text),
            ("file_name", Text),
            ("content_type", Text),
            ("size_bytes", Int),
            ("content_base64", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "portfolio_views",
        columns: &[
            ("organisation_id", Text),
            ("owner_id", Text),
            ("viewer_id", Text),
            ("viewed_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "catalogue_categories",
        columns: &[
            ("organisation_id", Text),
            ("category_key", Text),
            ("name_nl", Text),
            ("name_en", Text),
            ("position", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "catalogue_entries",
        columns: &[
            ("organisation_id", Text),
            ("entry_key", Text),
            ("kind", Text),
            ("category_key", Text),
            ("name_nl", Text),
            ("name_en", Text),
            ("description_nl", Text),
            ("description_en", Text),
            ("synonyms_nl", Text),
            ("synonyms_en", Text),
            ("pitfall_nl", Text),
            ("challenge_nl", Text),
            ("allergy_nl", Text),
            ("pitfall_en", Text),
            ("challenge_en", Text),
            ("allergy_en", Text),
            ("name_nl_folded", Text),
            ("name_en_folded", Text),
            ("search_text", Text),
            ("retired_at", Text),
            ("version", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "goals",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("level", Text),
            ("cycle", Int),
            ("title", Text),
            ("description", Text),
            ("owner_id", Text),
            ("unit_id", Text),
            ("parent_id", Text),
            ("visibility", Text),
            ("status", Text),
            ("progress", Int),
            ("proposed_at", Text),
            ("created_by", Text),
            ("version", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: Some("parent_id"),
    },
    Table {
        name: "goal_progress",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("goal_id", Text),
            ("percent", Int),
            ("status", Text),
            ("note", Text),
            ("author_id", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "goal_events",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("goal_id", Text),
            ("kind", Text),
            ("actor_id", Text),
            ("note", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_questionnaires",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("version", Int),
            ("name_nl", Text),
            ("name_en", Text),
            ("scale_points", Int),
            ("items", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_rounds",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("subject_id", Text),
            ("questionnaire_id", Text),
            ("questionnaire_version", Int),
            ("title", Text),
            ("deadline", Text),
            ("status", Text),
            ("min_respondents", Int),
            ("created_at", Text),
            ("closed_at", Text),
            ("shared_with_manager", Int),
            ("proposed_by", Text),
            ("proposal", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_invitations",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("round_id", Text),
            ("rater_group", Text),
            ("person_id", Text),
            ("email", Text),
            ("token_hash", Text),
            ("expires_at", Text),
            ("revoked_at", Text),
            ("submitted", Int),
            ("draft", Text),
            ("reminders_sent", Int),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_questionnaire_assignments",
        columns: &[
            ("organisation_id", Text),
            ("questionnaire_id", Text),
            ("target_kind", Text),
            ("target", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_settings",
        columns: &[
            ("organisation_id", Text),
            ("manager_rounds", Int),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_responses",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("round_id", Text),
            ("rater_group", Text),
            ("ratings", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "feedback_comments",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("round_id", Text),
            ("item_key", Text),
            ("body", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "outbox",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("recipient", Text),
            ("subject", Text),
            ("body_text", Text),
            ("created_at", Text),
            ("attempts", Int),
            ("next_attempt_at", Text),
            ("claimed_until", Text),
            ("sent_at", Text),
            ("transport", Text),
            ("last_error", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "person_availability",
        columns: &[
            ("organisation_id", Text),
            ("person_id", Text),
            ("open_to_opportunities", Int),
            ("open_to_teams", Int),
            ("hours_per_week", Int),
            ("available_from", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "opportunities",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("kind", Text),
            ("title", Text),
            ("description", Text),
            ("hours_per_week", Int),
            ("duration_months", Int),
            ("unit_id", Text),
            ("location", Text),
            ("start_date", Text),
            ("closing_date", Text),
            ("status", Text),
            ("poster_id", Text),
            ("outcome_person_id", Text),
            ("outcome_note", Text),
            ("published_at", Text),
            ("ended_at", Text),
            ("version", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "opportunity_talents",
        columns: &[
            ("organisation_id", Text),
            ("opportunity_id", Text),
            ("entry_key", Text),
            ("required", Int),
        ],
        self_reference: None,
    },
    Table {
        name: "opportunity_interest",
        columns: &[
            ("organisation_id", Text),
            ("opportunity_id", Text),
            ("person_id", Text),
            ("motivation", Text),
            ("inform_manager", Int),
            ("status", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "opportunity_invitations",
        columns: &[
            ("organisation_id", Text),
            ("opportunity_id", Text),
            ("person_id", Text),
            ("invited_by", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "unit_needed_talents",
        columns: &[
            ("organisation_id", Text),
            ("unit_id", Text),
            ("entry_key", Text),
            ("min_level", Int),
            ("set_by", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "sso_configs",
        columns: &[
            ("organisation_id", Text),
            ("issuer", Text),
            ("client_id", Text),
            ("client_secret", Text),
            ("scopes", Text),
            ("link_by", Text),
            ("link_claim", Text),
            ("enabled", Int),
            ("sso_only", Int),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "sso_logins",
        columns: &[
            ("state_hash", Text),
            ("organisation_id", Text),
            ("nonce", Text),
            ("code_verifier", Text),
            ("return_to", Text),
            ("created_at", Text),
            ("expires_at", Text),
            ("used_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "sso_identities",
        columns: &[
            ("organisation_id", Text),
            ("subject", Text),
            ("person_id", Text),
            ("created_at", Text),
            ("last_sign_in_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "scim_tokens",
        columns: &[
            ("token_hash", Text),
            ("organisation_id", Text),
            ("id", Text),
            ("created_at", Text),
            ("last_used_at", Text),
            ("revoked_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "scim_external_ids",
        columns: &[
            ("organisation_id", Text),
            ("resource_type", Text),
            ("resource_id", Text),
            ("external_id", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "audit_log",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("occurred_at", Text),
            ("event", Text),
            ("actor_id", Text),
            ("subject_id", Text),
            ("detail", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "retention_settings",
        columns: &[
            ("organisation_id", Text),
            ("closed_feedback_days", Int),
            ("check_in_days", Int),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "checkins",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("person_id", Text),
            ("checked_on", Text),
            ("energy", Int),
            ("workload", Int),
            ("stress", Int),
            ("autonomy", Int),
            ("learning", Int),
            ("note", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "checkin_settings",
        columns: &[
            ("organisation_id", Text),
            ("person_id", Text),
            ("rhythm", Text),
            ("reminders", Int),
            ("last_reminded_period", Text),
            ("share_weeks", Int),
            ("share_notes", Int),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "conversation_cycles",
        columns: &[
            ("organisation_id", Text),
            ("per_year", Int),
            ("themes", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "conversations",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("employee_id", Text),
            ("manager_id", Text),
            ("theme", Text),
            ("planned_on", Text),
            ("held_on", Text),
            ("agreements", Text),
            ("version", Int),
            ("employee_confirmed", Int),
            ("manager_confirmed", Int),
            ("created_by", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "conversation_items",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("conversation_id", Text),
            ("kind", Text),
            ("ref_id", Text),
            ("text", Text),
            ("added_by", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "conversation_actions",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("conversation_id", Text),
            ("text", Text),
            ("owner", Text),
            ("due_on", Text),
            ("done", Int),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "conversation_notes",
        columns: &[
            ("organisation_id", Text),
            ("conversation_id", Text),
            ("person_id", Text),
            ("text", Text),
            ("updated_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "programme_phases",
        columns: &[
            ("organisation_id", Text),
            ("unit_id", Text),
            ("phase", Text),
            ("reached_on", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "programme_activities",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("unit_id", Text),
            ("phase", Text),
            ("title", Text),
            ("held_on", Text),
            ("created_by", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "ambassadors",
        columns: &[
            ("organisation_id", Text),
            ("person_id", Text),
            ("unit_id", Text),
            ("informed_on", Text),
            ("enthused_on", Text),
            ("trained_on", Text),
            ("appointed_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "training_sessions",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("trainer_id", Text),
            ("held_on", Text),
            ("topic", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "training_participants",
        columns: &[
            ("organisation_id", Text),
            ("session_id", Text),
            ("person_id", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "team_sessions",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("unit_id", Text),
            ("title", Text),
            ("held_on", Text),
            ("created_by", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
    Table {
        name: "intentions",
        columns: &[
            ("organisation_id", Text),
            ("id", Text),
            ("session_id", Text),
            ("text", Text),
            ("owner_id", Text),
            ("status", Text),
            ("revisited_on", Text),
            ("created_at", Text),
        ],
        self_reference: None,
    },
];

const FORMAT: &str = "kleur-backup";

#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub schema_version: i64,
    pub created_at: String,
    pub source: String,
}

#[derive(Serialize, Deserialize)]
struct Line {
    t: String,
    r: Vec<Value>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
}

impl Summary {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

fn latest_schema_version() -> i64 {
    migrate::MIGRATIONS
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or_default()
}

/// Writes every row of every table to `out`.
pub async fn dump(db: &Db, out: &mut impl Write) -> Result<Summary> {
    let io = |e: std::io::Error| StorageError::Backup(e.to_string());
    let header = Header {
        format: FORMAT.to_owned(),
        schema_version: latest_schema_version(),
        created_at: crate::now(),
        source: db.backend().name().to_owned(),
    };
    serde_json::to_writer(&mut *out, &header).map_err(|e| StorageError::Backup(e.to_string()))?;
    out.write_all(b"\n").map_err(io)?;
    let mut tx = match db.backend() {
        Backend::Postgres => {
            db.pool()
                .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await?
        }
        Backend::Sqlite => db.pool().begin().await?,
    };
    let mut summary = Summary::default();
    for table in TABLES {
        let columns: Vec<&str> = table.columns.iter().map(|(name, _)| *name).collect();
        // Ordered by every column, so the same data always gives the same file (person_roles
        // has several rows per person).
        let order: Vec<String> = (1..=columns.len()).map(|n| n.to_string()).collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            columns.join(", "),
            table.name,
            order.join(", ")
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *tx)
            .await?;
        for row in &rows {
            let mut values = Vec::with_capacity(columns.len());
            for (index, (_, kind)) in table.columns.iter().enumerate() {
                let value = match kind {
                    Kind::Text => row.try_get::<Option<String>, _>(index)?.map(Value::String),
                    Kind::Int => row.try_get::<Option<i64>, _>(index)?.map(Value::from),
                };
                values.push(value.unwrap_or(Value::Null));
            }
            serde_json::to_writer(
                &mut *out,
                &Line {
                    t: table.name.to_owned(),
                    r: values,
                },
            )
            .map_err(|e| StorageError::Backup(e.to_string()))?;
            out.write_all(b"\n").map_err(io)?;
        }
        summary
            .tables
            .push((table.name.to_owned(), rows.len() as u64));
    }
    tx.commit().await?;
    out.flush().map_err(io)?;
    Ok(summary)
}

/// Tables older backups hold that are no longer kept: their rows are skipped on restore.
/// `portfolio_terms` was the search index before it moved into memory (migration 16); it is
/// made from the items, which are restored.
const RETIRED_TABLES: &[&str] = &["portfolio_terms"];

/// Restores a backup into an empty, migrated database, all in one transaction: a broken file
/// leaves the database as it was.
pub async fn restore(db: &Db, input: impl BufRead) -> Result<Summary> {
    let bad = |line: usize, what: String| StorageError::Backup(format!("line {line}: {what}"));
    let mut lines = input.lines();
    let header_text = lines
        .next()
        .ok_or_else(|| bad(1, "the file is empty".into()))?
        .map_err(|e| bad(1, e.to_string()))?;
    let header: Header = serde_json::from_str(&header_text)
        .map_err(|_| bad(1, "this is not a Kleur backup".into()))?;
    if header.format != FORMAT {
        return Err(bad(1, "this is not a Kleur backup".into()));
    }
    if header.schema_version > latest_schema_version() {
        return Err(bad(
            1,
            format!(
                "the backup has schema version {}, newer than this Kleur",
                header.schema_version
            ),
        ));
    }

    let mut tx = db.begin().await?;
    let existing: i64 = sqlx::query("SELECT COUNT(*) FROM organisations")
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    if existing > 0 {
        return Err(StorageError::Backup(
            "the database is not empty; restore into a new database".into(),
        ));
    }

    let mut summary = Summary::default();
    let mut deferred: Vec<(&Table, Value, Value, Value)> = Vec::new();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        let text = line.map_err(|e| bad(number, e.to_string()))?;
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(&text).map_err(|e| bad(number, e.to_string()))?;
        if RETIRED_TABLES.contains(&line.t.as_str()) {
            continue;
        }
        let table = TABLES
            .iter()
            .find(|t| t.name == line.t)
            .ok_or_else(|| bad(number, format!("unknown table '{}'", line.t)))?;
        if line.r.len() != table.columns.len() {
            return Err(bad(
                number,
                format!("expected {} values for {}", table.columns.len(), table.name),
            ));
        }
        let mut values = line.r;
        if let Some(column) = table.self_reference {
            let position = table
                .columns
                .iter()
                .position(|(name, _)| *name == column)
                .unwrap_or_default();
            let reference = std::mem::replace(&mut values[position], Value::Null);
            if !reference.is_null() {
                deferred.push((table, values[0].clone(), values[1].clone(), reference));
            }
        }
        let columns: Vec<&str> = table.columns.iter().map(|(name, _)| *name).collect();
        let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.name,
            columns.join(", "),
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for ((_, kind), value) in table.columns.iter().zip(values) {
            query = match (kind, value) {
                (_, Value::Null) if *kind == Kind::Int => query.bind(None::<i64>),
                (_, Value::Null) => query.bind(None::<String>),
                (Kind::Text, Value::String(s)) => query.bind(s),
                (Kind::Int, Value::Number(n)) => {
                    query.bind(n.as_i64().ok_or_else(|| bad(number, "bad number".into()))?)
                }
                _ => {
                    return Err(bad(
                        number,
                        format!("a value of the wrong type for {}", table.name),
                    ));
                }
            };
        }
        query.execute(&mut *tx).await?;
        match summary
            .tables
            .iter_mut()
            .find(|(name, _)| name == table.name)
        {
            Some((_, count)) => *count += 1,
            None => summary.tables.push((table.name.to_owned(), 1)),
        }
    }
    for (table, organisation_id, id, reference) in deferred {
        let column = table.self_reference.unwrap_or_default();
        let sql = format!(
            "UPDATE {} SET {column} = $3 WHERE organisation_id = $1 AND id = $2",
            table.name
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id.as_str().unwrap_or_default().to_owned())
            .bind(id.as_str().unwrap_or_default().to_owned())
            .bind(reference.as_str().unwrap_or_default().to_owned())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(summary)
}

/// The columns a table really has, for checking [`TABLES`] against the schema.
pub async fn actual_columns(db: &Db, table: &str) -> Result<Vec<String>> {
    let mut conn = db.acquire().await?;
    let sql = match db.backend() {
        Backend::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
        Backend::Postgres => {
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    let rows = sqlx::query(sql).bind(table).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .collect()
}

/// Every table in the schema except the bookkeeping: the migrations applied and the search
/// index's change signals (`search_changes`, made by triggers from the tables that are kept).
pub async fn actual_tables(db: &Db) -> Result<Vec<String>> {
    let mut conn = db.acquire().await?;
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        }
    };
    let rows = sqlx::query(sql).fetch_all(&mut *conn).await?;
    let names: Result<Vec<String>> = rows
        .iter()
        .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .collect();
    Ok(names?
        .into_iter()
        .filter(|n| n != "kleur_migrations" && n != "search_changes")
        .collect())
}
