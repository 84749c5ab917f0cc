//! Which rows are about a person, driven by the schema: erasure on request, the download of
//! everything about oneself, and counting what is left after an erasure.
//!
//! [`PERSON_DATA`] declares, for every table of [`backup::TABLES`] that refers to a person, the
//! columns that do and what erasure does with them. A test fails when a table has a column that
//! looks like a person reference (`*_id`, `*_by`, e-mail, recipient, name) and is neither declared
//! here nor listed in [`NOT_PERSON`], so tables added later must say how they are erased.

use serde_json::{Map, Value};
use sqlx::Row;

use crate::backup::{self, Kind, TABLES};
use crate::{Conn, Result, like_pattern};

/// How a column names the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identifies {
    /// Holds the person's id.
    Id,
    /// Holds their e-mail address (compared without case).
    Email,
    /// Free text that may contain their display name or e-mail address.
    Text,
    /// Holds the hash of their sign-in subject (see `kleur_services::auth`).
    LoginSubject,
}

/// What erasure does with a row whose column names the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// The row goes.
    Delete,
    /// The column becomes NULL; the row stays (it belongs to someone else too).
    Clear,
    /// The column points at the organisation's placeholder person, for columns that must name
    /// someone (NOT NULL with a foreign key).
    Placeholder,
    /// The column gets this fixed text.
    Replace(&'static str),
    /// Rows that also match the SQL condition go; the others get the second treatment.
    DeleteWhere(&'static str, &'static Erase),
    /// A value on the person's own row, which another column deletes.
    WithRow,
}

#[derive(Debug, Clone, Copy)]
pub struct PersonColumn {
    pub column: &'static str,
    pub identifies: Identifies,
    pub erase: Erase,
}

/// Whether the rows go into the person's own data download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Rows where any `Id` column names the person.
    Rows,
    /// Rows where one of these columns names the person.
    By(&'static [&'static str]),
    /// Left out, with the reason (shown in the download so it is clear what is missing and why).
    No(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct PersonData {
    pub table: &'static str,
    pub columns: &'static [PersonColumn],
    /// Rows that belong to a parent row about the person: `(column here, parent table)`; they are
    /// deleted (and exported) with the parent. The parent's key column is `id`.
    pub owned_by: Option<(&'static str, &'static str)>,
    pub export: Export,
}

const fn col(column: &'static str, identifies: Identifies, erase: Erase) -> PersonColumn {
    PersonColumn {
        column,
        identifies,
        erase,
    }
}

use Erase::{Clear, Delete, DeleteWhere, Placeholder, Replace, WithRow};
use Identifies::{Email, Id, LoginSubject, Text};

/// The text an erased e-mail address becomes where the row must stay.
pub const ERASED_EMAIL: &str = "erased@erased.invalid";
/// The placeholder person of every organisation that has erased someone: what a NOT NULL
/// reference to an erased person points at. Inactive, without password or roles.
pub const PLACEHOLDER_ID: &str = "00000000-0000-0000-0000-000000000000";
pub const PLACEHOLDER_NAME: &str = "\u{2014}";

/// Every table that refers to a person, and how.
pub const PERSON_DATA: &[PersonData] = &[
    PersonData {
        table: "people",
        columns: &[
            col("manager_id", Id, Clear),
            col("id", Id, Delete),
            col("email", Email, WithRow),
            col("display_name", Text, WithRow),
        ],
        owned_by: None,
        export: Export::By(&["id"]),
    },
    PersonData {
        table: "person_roles",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "sessions",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::No("sign-in sessions are secrets"),
    },
    PersonData {
        table: "api_tokens",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "login_failures",
        columns: &[col("subject_hash", LoginSubject, Delete)],
        owned_by: None,
        export: Export::No("only a hash, kept for at most an hour"),
    },
    PersonData {
        table: "password_resets",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::No("reset links are secrets"),
    },
    PersonData {
        table: "portfolio_items",
        columns: &[col("owner_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "portfolio_files",
        columns: &[],
        owned_by: Some(("item_id", "portfolio_items")),
        export: Export::Rows,
    },
    PersonData {
        table: "portfolio_views",
        columns: &[col("owner_id", Id, Delete), col("viewer_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "goals",
        columns: &[
            // Personal goals go; a team goal that came from their proposal stays, without them.
            col("owner_id", Id, DeleteWhere("level = 'personal'", &Clear)),
            col("created_by", Id, Placeholder),
        ],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "goal_progress",
        columns: &[col("author_id", Id, Placeholder)],
        owned_by: Some(("goal_id", "goals")),
        export: Export::Rows,
    },
    PersonData {
        table: "goal_events",
        columns: &[col("actor_id", Id, Placeholder)],
        owned_by: Some(("goal_id", "goals")),
        export: Export::Rows,
    },
    PersonData {
        table: "feedback_rounds",
        columns: &[col("subject_id", Id, Delete), col("proposed_by", Id, Clear)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "feedback_invitations",
        columns: &[
            // As a rater: an unanswered invitation goes; an answered one stays (the round's
            // response count) without saying who. The answer itself never named them.
            col("person_id", Id, DeleteWhere("submitted = 0", &Clear)),
            col(
                "email",
                Email,
                DeleteWhere("submitted = 0", &Replace(ERASED_EMAIL)),
            ),
        ],
        owned_by: Some(("round_id", "feedback_rounds")),
        export: Export::No(
            "invitations name the raters; the reports of your closed rounds are included instead",
        ),
    },
    PersonData {
        table: "feedback_responses",
        columns: &[],
        owned_by: Some(("round_id", "feedback_rounds")),
        export: Export::No(
            "single answers are anonymous; the reports of your closed rounds are included instead",
        ),
    },
    PersonData {
        table: "feedback_comments",
        columns: &[],
        owned_by: Some(("round_id", "feedback_rounds")),
        export: Export::No(
            "single answers are anonymous; the reports of your closed rounds are included instead",
        ),
    },
    PersonData {
        table: "outbox",
        columns: &[
            col("recipient", Email, Delete),
            col("subject", Text, Delete),
            col("body_text", Text, Delete),
        ],
        owned_by: None,
        export: Export::No("messages sent to you are in your own mailbox"),
    },
    PersonData {
        table: "person_availability",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "opportunities",
        columns: &[
            // An opportunity they posted stays for the people interested in it.
            col("poster_id", Id, Placeholder),
            col("outcome_person_id", Id, Clear),
        ],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "opportunity_interest",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "opportunity_invitations",
        columns: &[
            col("person_id", Id, Delete),
            col("invited_by", Id, Placeholder),
        ],
        owned_by: None,
        export: Export::By(&["person_id"]),
    },
    PersonData {
        table: "unit_needed_talents",
        columns: &[col("set_by", Id, Placeholder)],
        owned_by: None,
        export: Export::No("what a unit needs, recorded for the team, not about you"),
    },
    PersonData {
        table: "sso_identities",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "scim_external_ids",
        // For users the resource is the person; for groups it is a unit, never a person's id.
        columns: &[col("resource_id", Id, Delete)],
        owned_by: None,
        export: Export::No("a technical link to the identity provider"),
    },
    PersonData {
        table: "audit_log",
        columns: &[col("actor_id", Id, Clear), col("subject_id", Id, Clear)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "checkins",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "checkin_settings",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "conversations",
        columns: &[
            // The conversation is about the employee: it goes with them. Erasing the manager
            // keeps the employee's record.
            col("employee_id", Id, Delete),
            col("manager_id", Id, Placeholder),
            col("created_by", Id, Placeholder),
        ],
        owned_by: None,
        export: Export::By(&["employee_id", "manager_id"]),
    },
    PersonData {
        table: "conversation_items",
        columns: &[col("added_by", Id, Placeholder)],
        owned_by: Some(("conversation_id", "conversations")),
        export: Export::Rows,
    },
    PersonData {
        table: "conversation_actions",
        columns: &[],
        owned_by: Some(("conversation_id", "conversations")),
        export: Export::Rows,
    },
    PersonData {
        table: "conversation_notes",
        // Each party's note is private: only their own goes into their download.
        columns: &[col("person_id", Id, Delete)],
        owned_by: Some(("conversation_id", "conversations")),
        export: Export::By(&["person_id"]),
    },
    PersonData {
        table: "programme_activities",
        columns: &[col("created_by", Id, Placeholder)],
        owned_by: None,
        export: Export::No("the unit's programme, not about you"),
    },
    PersonData {
        table: "ambassadors",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "training_sessions",
        // The colleagues they trained keep their place in the cascade.
        columns: &[col("trainer_id", Id, Placeholder)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "training_participants",
        columns: &[col("person_id", Id, Delete)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "team_sessions",
        columns: &[col("created_by", Id, Placeholder)],
        owned_by: None,
        export: Export::Rows,
    },
    PersonData {
        table: "intentions",
        // A team's intention stays with the team.
        columns: &[col("owner_id", Id, Placeholder)],
        owned_by: None,
        export: Export::Rows,
    },
];

/// Columns that look like a person reference but are not, with what they are.
pub const NOT_PERSON: &[(&str, &str, &str)] = &[
    ("units", "parent_id", "a unit"),
    ("people", "unit_id", "a unit"),
    ("goals", "unit_id", "a unit"),
    ("goals", "parent_id", "a goal"),
    ("feedback_rounds", "questionnaire_id", "a questionnaire"),
    (
        "feedback_questionnaire_assignments",
        "questionnaire_id",
        "a questionnaire",
    ),
    ("opportunities", "unit_id", "a unit"),
    ("opportunity_talents", "opportunity_id", "an opportunity"),
    ("opportunity_interest", "opportunity_id", "an opportunity"),
    (
        "opportunity_invitations",
        "opportunity_id",
        "an opportunity",
    ),
    ("unit_needed_talents", "unit_id", "a unit"),
    (
        "sso_configs",
        "client_id",
        "the organisation's OpenID client",
    ),
    (
        "sso_configs",
        "link_by",
        "which claim links people (e-mail or employee number)",
    ),
    (
        "scim_external_ids",
        "external_id",
        "the identity provider's id; the row goes with the person",
    ),
    ("conversation_items", "conversation_id", "a conversation"),
    (
        "conversation_items",
        "ref_id",
        "a portfolio item, goal or feedback round",
    ),
    ("conversation_actions", "conversation_id", "a conversation"),
    ("conversation_notes", "conversation_id", "a conversation"),
    ("programme_phases", "unit_id", "a unit"),
    ("programme_activities", "unit_id", "a unit"),
    ("ambassadors", "unit_id", "a unit"),
    ("training_participants", "session_id", "a training session"),
    ("team_sessions", "unit_id", "a unit"),
    ("intentions", "session_id", "a team session"),
    ("api_tokens", "name", "the key's label, chosen by its owner"),
    ("units", "name", "a unit's name"),
    ("organisations", "name", "the organisation's name"),
    (
        "portfolio_files",
        "file_name",
        "a file's name; the file goes with its item",
    ),
];

/// True for a column name that probably refers to a person.
pub fn looks_personal(column: &str) -> bool {
    (column.ends_with("_id") && column != "organisation_id")
        || column.ends_with("_by")
        || column.contains("email")
        || column.contains("recipient")
        || column == "name"
        || column.ends_with("_name")
}

/// The values that identify one person.
#[derive(Debug, Clone)]
pub struct Identity {
    pub organisation_id: String,
    pub person_id: String,
    pub email: String,
    pub display_name: String,
    pub login_subject: String,
}

fn has_tenant(table: &str) -> bool {
    TABLES
        .iter()
        .find(|t| t.name == table)
        .is_some_and(|t| t.columns.iter().any(|(c, _)| *c == "organisation_id"))
}

/// The SQL condition (with `$1` organisation, `$2` value) and the value for one column.
fn matches(table: &str, column: &str, identifies: Identifies, who: &Identity) -> (String, String) {
    let tenant = if has_tenant(table) {
        "organisation_id = $1 AND "
    } else {
        "$1 = $1 AND "
    };
    match identifies {
        Id => (format!("{tenant}{column} = $2"), who.person_id.clone()),
        Email => (
            format!("{tenant}LOWER({column}) = $2"),
            who.email.to_lowercase(),
        ),
        LoginSubject => (format!("{tenant}{column} = $2"), who.login_subject.clone()),
        Text => (
            format!("{tenant}LOWER({column}) LIKE $2 ESCAPE '\\'"),
            like_pattern(&who.display_name),
        ),
    }
}

/// The condition selecting the rows of a table that erasure deletes, for the rows owned by them.
fn deleted_rows(data: &PersonData) -> Vec<(String, Identifies)> {
    data.columns
        .iter()
        .filter_map(|c| match c.erase {
            Delete if c.identifies == Id => Some((format!("{} = $2", c.column), c.identifies)),
            DeleteWhere(condition, _) if c.identifies == Id => {
                Some((format!("{} = $2 AND ({condition})", c.column), c.identifies))
            }
            _ => None,
        })
        .collect()
}

fn parent_of(table: &str) -> Option<&'static PersonData> {
    PERSON_DATA.iter().find(|d| d.table == table)
}

/// Makes sure the organisation's placeholder person exists.
async fn ensure_placeholder(conn: &mut Conn, organisation_id: &str) -> Result<()> {
    let exists: i64 =
        sqlx::query("SELECT COUNT(*) FROM people WHERE organisation_id = $1 AND id = $2")
            .bind(organisation_id)
            .bind(PLACEHOLDER_ID)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
    if exists == 0 {
        let now = crate::now();
        sqlx::query(
            "INSERT INTO people (organisation_id, id, display_name, email, function_title, active, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, '', 0, $5, $5)",
        )
        .bind(organisation_id)
        .bind(PLACEHOLDER_ID)
        .bind(PLACEHOLDER_NAME)
        .bind(ERASED_EMAIL)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Removes or anonymises every row about the person, in the caller's transaction. Returns how
/// many rows each table lost or changed.
pub async fn erase(conn: &mut Conn, who: &Identity) -> Result<Vec<(&'static str, u64)>> {
    ensure_placeholder(conn, &who.organisation_id).await?;
    let mut changed: Vec<(&'static str, u64)> = Vec::new();
    // Children before parents: TABLES lists parents first.
    for table in TABLES.iter().rev() {
        let Some(data) = PERSON_DATA.iter().find(|d| d.table == table.name) else {
            continue;
        };
        let mut count = 0;
        if let Some((column, parent)) = data.owned_by
            && let Some(parent_data) = parent_of(parent)
        {
            for (condition, _) in deleted_rows(parent_data) {
                let sql = format!(
                    "DELETE FROM {} WHERE organisation_id = $1 AND {column} IN \
                     (SELECT id FROM {parent} WHERE organisation_id = $1 AND {condition})",
                    data.table
                );
                count += sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(&who.organisation_id)
                    .bind(&who.person_id)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
            }
        }
        for column in data.columns {
            let (condition, value) = matches(data.table, column.column, column.identifies, who);
            let mut erase = column.erase;
            if let DeleteWhere(extra, otherwise) = erase {
                let sql = format!("DELETE FROM {} WHERE {condition} AND ({extra})", data.table);
                count += run(conn, sql, who, &value, None).await?;
                erase = *otherwise;
            }
            let sql = match erase {
                Delete => format!("DELETE FROM {} WHERE {condition}", data.table),
                Clear => format!(
                    "UPDATE {} SET {} = NULL WHERE {condition}",
                    data.table, column.column
                ),
                Placeholder => format!(
                    "UPDATE {} SET {} = $3 WHERE {condition}",
                    data.table, column.column
                ),
                Replace(_) => format!(
                    "UPDATE {} SET {} = $3 WHERE {condition}",
                    data.table, column.column
                ),
                DeleteWhere(..) | WithRow => continue,
            };
            let third = match erase {
                Placeholder => Some(PLACEHOLDER_ID),
                Replace(text) => Some(text),
                _ => None,
            };
            count += run(conn, sql, who, &value, third).await?;
        }
        changed.push((data.table, count));
    }
    crate::search_index::forget_person(conn, &who.organisation_id, &who.person_id).await?;
    Ok(changed)
}

async fn run(
    conn: &mut Conn,
    sql: String,
    who: &Identity,
    value: &str,
    third: Option<&str>,
) -> Result<u64> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(who.organisation_id.clone())
        .bind(value.to_owned());
    if let Some(third) = third {
        query = query.bind(third.to_owned());
    }
    Ok(query.execute(&mut *conn).await?.rows_affected())
}

/// How often the person is still named, per table and text column, in the whole database: by id,
/// e-mail address, display name or sign-in subject. Independent of [`PERSON_DATA`]: it reads
/// every text column of every table.
pub async fn count_references(conn: &mut Conn, who: &Identity) -> Result<Vec<(String, i64)>> {
    let mut found = Vec::new();
    for table in TABLES {
        for (column, kind) in table.columns {
            if *kind != Kind::Text {
                continue;
            }
            let sql = format!(
                "SELECT COUNT(*) FROM {} WHERE {column} = $1 OR {column} = $4 \
                 OR LOWER({column}) LIKE $2 ESCAPE '\\' OR LOWER({column}) LIKE $3 ESCAPE '\\'",
                table.name
            );
            let count: i64 = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(who.person_id.clone())
                .bind(like_pattern(&who.email))
                .bind(like_pattern(&who.display_name))
                .bind(who.login_subject.clone())
                .fetch_one(&mut *conn)
                .await?
                .try_get(0)?;
            if count > 0 {
                found.push((format!("{}.{column}", table.name), count));
            }
        }
    }
    Ok(found)
}

/// Columns never put in a download: secrets and file contents (files are in the portfolio export).
pub const NOT_EXPORTED_COLUMNS: &[&str] = &[
    "password_hash",
    "token_hash",
    "csrf_token",
    "subject_hash",
    "content_base64",
    "organisation_id",
];

/// The person's rows of every exportable table, as `{table: [{column: value}]}`, and the tables
/// left out with the reason.
pub async fn export_rows(
    conn: &mut Conn,
    who: &Identity,
) -> Result<(Map<String, Value>, Map<String, Value>)> {
    let mut tables = Map::new();
    let mut left_out = Map::new();
    for data in PERSON_DATA {
        if let Export::No(reason) = data.export {
            left_out.insert(data.table.to_owned(), Value::String(reason.to_owned()));
            continue;
        }
        let Some(table) = TABLES.iter().find(|t| t.name == data.table) else {
            continue;
        };
        let mut conditions: Vec<String> = data
            .columns
            .iter()
            .filter(|c| c.identifies == Id)
            .filter(|c| match data.export {
                Export::By(columns) => columns.contains(&c.column),
                _ => true,
            })
            .map(|c| format!("{} = $2", c.column))
            .collect();
        // `By` names exactly which rows are theirs (a private note is not shared with the
        // other party of its parent row), so the parent's rows do not widen it.
        if let Some((column, parent)) = data.owned_by
            && !matches!(data.export, Export::By(_))
            && let Some(parent_data) = parent_of(parent)
        {
            let own: Vec<String> = parent_data
                .columns
                .iter()
                .filter(|c| c.identifies == Id)
                .map(|c| format!("{} = $2", c.column))
                .collect();
            if !own.is_empty() {
                conditions.push(format!(
                    "{column} IN (SELECT id FROM {parent} WHERE organisation_id = $1 AND ({}))",
                    own.join(" OR ")
                ));
            }
        }
        if conditions.is_empty() {
            continue;
        }
        let columns: Vec<(&str, Kind)> = table
            .columns
            .iter()
            .filter(|(c, _)| !NOT_EXPORTED_COLUMNS.contains(c))
            .copied()
            .collect();
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE organisation_id = $1 AND ({}) ORDER BY 1",
            names.join(", "),
            data.table,
            conditions.join(" OR ")
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(who.organisation_id.clone())
            .bind(who.person_id.clone())
            .fetch_all(&mut *conn)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut object = Map::new();
            for (index, (name, kind)) in columns.iter().enumerate() {
                let value = match kind {
                    Kind::Text => row.try_get::<Option<String>, _>(index)?.map(Value::String),
                    Kind::Int => row.try_get::<Option<i64>, _>(index)?.map(Value::from),
                };
                object.insert((*name).to_owned(), value.unwrap_or(Value::Null));
            }
            out.push(Value::Object(object));
        }
        tables.insert(data.table.to_owned(), Value::Array(out));
    }
    Ok((tables, left_out))
}

/// The declaration problems: person-like columns nobody declared, declared columns that do not
/// exist. Empty when [`PERSON_DATA`] and [`NOT_PERSON`] cover the schema.
pub fn undeclared_person_columns() -> Vec<String> {
    let mut problems = Vec::new();
    for table in backup::TABLES {
        let data = PERSON_DATA.iter().find(|d| d.table == table.name);
        for (column, _) in table.columns {
            if !looks_personal(column) {
                continue;
            }
            let declared = data.is_some_and(|d| {
                d.columns.iter().any(|c| c.column == *column)
                    || d.owned_by.is_some_and(|(c, _)| c == *column)
            });
            let excluded = NOT_PERSON
                .iter()
                .any(|(t, c, _)| *t == table.name && c == column);
            if !declared && !excluded {
                problems.push(format!("{}.{column}", table.name));
            }
        }
    }
    for data in PERSON_DATA {
        match TABLES.iter().find(|t| t.name == data.table) {
            None => problems.push(format!("{} is not in backup::TABLES", data.table)),
            Some(table) => {
                for column in data
                    .columns
                    .iter()
                    .map(|c| c.column)
                    .chain(data.owned_by.map(|(c, _)| c))
                {
                    if !table.columns.iter().any(|(c, _)| *c == column) {
                        problems.push(format!("{}.{column} does not exist", data.table));
                    }
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_person_like_column_is_declared() {
        assert_eq!(undeclared_person_columns(), Vec::<String>::new());
    }

    #[test]
    fn an_undeclared_person_column_is_noticed() {
        assert!(looks_personal("coach_id"));
        assert!(looks_personal("reviewed_by"));
        assert!(looks_personal("contact_email"));
        assert!(!looks_personal("organisation_id"));
        assert!(!looks_personal("title"));
    }
}
