//! Embedded migrations, the same SQL for both databases, applied in order at start-up.

use sqlx::Row;

use crate::{Backend, Db, Result, StorageError};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sql: include_str!("../migrations/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "portfolio",
        sql: include_str!("../migrations/0002_portfolio.sql"),
    },
    Migration {
        version: 3,
        name: "goals",
        sql: include_str!("../migrations/0003_goals.sql"),
    },
    Migration {
        version: 4,
        name: "catalogue",
        sql: include_str!("../migrations/0004_catalogue.sql"),
    },
    Migration {
        version: 5,
        name: "feedback",
        sql: include_str!("../migrations/0005_feedback.sql"),
    },
    Migration {
        version: 6,
        name: "people list index",
        sql: include_str!("../migrations/0006_people_list_index.sql"),
    },
    Migration {
        version: 7,
        name: "feedback sharing",
        sql: include_str!("../migrations/0007_feedback_sharing.sql"),
    },
    Migration {
        version: 8,
        name: "availability",
        sql: include_str!("../migrations/0008_availability.sql"),
    },
    Migration {
        version: 9,
        name: "feedback questionnaires",
        sql: include_str!("../migrations/0009_feedback_questionnaires.sql"),
    },
    Migration {
        version: 10,
        name: "talent search",
        sql: include_str!("../migrations/0010_talent_search.sql"),
    },
    Migration {
        version: 12,
        name: "mobility",
        sql: include_str!("../migrations/0012_mobility.sql"),
    },
    Migration {
        version: 13,
        name: "personal leadership",
        sql: include_str!("../migrations/0013_personal_leadership.sql"),
    },
    Migration {
        version: 14,
        name: "privacy",
        sql: include_str!("../migrations/0014_privacy.sql"),
    },
    Migration {
        version: 15,
        name: "sso and scim",
        sql: include_str!("../migrations/0015_sso_scim.sql"),
    },
    Migration {
        version: 16,
        name: "search changes",
        sql: include_str!("../migrations/0016_search_changes.sql"),
    },
];

/// An arbitrary, fixed key for PostgreSQL's advisory lock, so that two nodes starting at once
/// do not both migrate.
const MIGRATION_LOCK_KEY: i64 = 0x006b_6c65_7572;

/// Applies every migration not yet applied. Returns how many were applied.
pub async fn run(db: &Db) -> Result<usize> {
    let mut conn = db.acquire().await?;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(MIGRATION_LOCK_KEY)
            .execute(&mut *conn)
            .await?;
    }
    let result = apply_pending(db, &mut conn).await;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(MIGRATION_LOCK_KEY)
            .execute(&mut *conn)
            .await?;
    }
    result
}

async fn apply_pending(db: &Db, conn: &mut crate::Conn) -> Result<usize> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS kleur_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(&mut *conn)
    .await?;
    let applied = applied_versions(conn).await?;
    if let Some(unknown) = applied
        .iter()
        .find(|v| !MIGRATIONS.iter().any(|m| m.version == **v))
    {
        return Err(StorageError::SchemaTooNew(*unknown));
    }
    let mut count = 0;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let mut tx = db.begin().await?;
        // The one difference between the databases' DDL: SQLite tables that must not keep an
        // insertion order are created WITHOUT ROWID.
        // Triggers cannot share one text: `-- only:sqlite` … `-- end:sqlite` blocks (and the
        // same for postgres) run on that database only.
        let sql = match db.backend() {
            Backend::Sqlite => only_for(migration.sql, "sqlite", "postgres")
                .replace("/*WITHOUT_ROWID*/", "WITHOUT ROWID"),
            Backend::Postgres => only_for(migration.sql, "postgres", "sqlite"),
        };
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO kleur_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(migration.version)
            .bind(migration.name)
            .bind(crate::now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "applied migration"
        );
        count += 1;
    }
    Ok(count)
}

/// The migration text without the blocks meant for the other database.
fn only_for(sql: &str, _this: &str, other: &str) -> String {
    let (start, end) = (format!("-- only:{other}"), format!("-- end:{other}"));
    let mut out = String::with_capacity(sql.len());
    let mut skipping = false;
    for line in sql.lines() {
        let trimmed = line.trim();
        if trimmed == start {
            skipping = true;
        } else if trimmed == end {
            skipping = false;
        } else if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

async fn applied_versions(conn: &mut crate::Conn) -> Result<Vec<i64>> {
    let rows = sqlx::query("SELECT version FROM kleur_migrations ORDER BY version")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| row.try_get::<i64, _>(0).map_err(StorageError::from))
        .collect()
}

/// True when every migration this binary knows is applied: what `/readyz` reports.
pub async fn is_up_to_date(db: &Db) -> Result<bool> {
    let mut conn = db.acquire().await?;
    let applied = match applied_versions(&mut conn).await {
        Ok(applied) => applied,
        Err(_) => return Ok(false),
    };
    Ok(MIGRATIONS.iter().all(|m| applied.contains(&m.version)))
}
