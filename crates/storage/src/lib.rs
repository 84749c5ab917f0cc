//! Kleur's data layer: one set of queries over SQLite (the embedded default) and PostgreSQL.
//!
//! Queries go through sqlx's `any` driver, so one SQL text runs on both databases. Where the two
//! must differ (claiming outbox rows, locking during migrations) the code asks [`Db::backend`].

pub mod audit;
pub mod auth;
pub mod availability;
pub mod backup;
pub mod catalogue;
pub mod checkins;
pub mod conversations;
pub mod feedback;
pub mod goals;
pub mod migrate;
pub mod mobility;
pub mod org;
pub mod outbox;
pub mod people;
pub mod portfolio;
pub mod privacy;
pub mod programme;
pub mod retention;
pub mod scim;
pub mod search;
pub mod search_index;
pub mod sso;
pub mod talent;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Connection};

pub use sqlx::Any;
pub type Tx = sqlx::Transaction<'static, Any>;
pub type Conn = AnyConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("unsupported database URL (use sqlite://path or postgres://…)")]
    UnsupportedUrl,
    #[error("a row with the same {0} already exists")]
    Conflict(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("the database schema is newer than this version of Kleur (migration {0} is unknown)")]
    SchemaTooNew(i64),
    #[error("backup file problem: {0}")]
    Backup(String),
    #[error("a background task failed: {0}")]
    Task(String),
}

impl From<sqlx::Error> for StorageError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db_error) = &error
            && db_error.is_unique_violation()
        {
            let constraint = db_error.constraint().map(str::to_owned).unwrap_or_else(|| {
                // SQLite names the columns in the message instead of a constraint.
                db_error
                    .message()
                    .rsplit(':')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            });
            return StorageError::Conflict(constraint);
        }
        StorageError::Database(error)
    }
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// A pool of connections to one database.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// The talent directory's in-memory index, shared by every clone of this pool.
    search: std::sync::Arc<search_index::SearchIndexes>,
}

impl Db {
    /// Connects without running migrations. For SQLite the file is created if it is missing.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db> {
        Db::connect_with(url, max_connections, false).await
    }

    /// Connects like [`Db::connect`] but reports every statement as a `tracing` event with the
    /// target `sqlx::query`, so tests can count the statements a request runs.
    pub async fn connect_reporting_statements(url: &str, max_connections: u32) -> Result<Db> {
        Db::connect_with(url, max_connections, true).await
    }

    async fn connect_with(url: &str, max_connections: u32, report_statements: bool) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or(StorageError::UnsupportedUrl)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let separator = if url.contains('?') { '&' } else { '?' };
                format!("{url}{separator}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let options = if report_statements {
            options
        } else {
            options.disable_statement_logging()
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer; the busy timeout makes a
                        // second writer wait instead of failing at once.
                        sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                             PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                        )
                        .execute(&mut *conn)
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            backend,
            search: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// This node's talent directory index.
    pub fn search_index(&self) -> &search_index::SearchIndexes {
        &self.search
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn acquire(&self) -> Result<sqlx::pool::PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front, so two
    /// writers queue on the busy timeout instead of one failing when it upgrades its lock.
    pub async fn begin(&self) -> Result<Tx> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(tx)
    }

    /// Lets one connection keep a large bulk load's pages in memory (SQLite; 256 MiB). With the
    /// default 2 MiB cache a single big transaction spills its dirty pages to the WAL over and
    /// over, which made a 100,000-person demo ten times slower. PostgreSQL needs nothing.
    /// `large` false gives the connection its default cache back (call it before the commit, on
    /// the same transaction, so the pooled connection does not keep the memory).
    pub async fn bulk_load_cache(&self, conn: &mut Conn, large: bool) -> Result<()> {
        if self.backend == Backend::Sqlite {
            let sql = if large {
                "PRAGMA cache_size = -262144"
            } else {
                "PRAGMA cache_size = -2000"
            };
            sqlx::raw_sql(sql).execute(&mut *conn).await?;
        }
        Ok(())
    }

    /// Tidies up after a bulk load: on SQLite moves the write-ahead log into the database file (so the next reader does not wade
    /// through hundreds of megabytes of log); on PostgreSQL gathers the planner statistics,
    /// without which the first queries on the new rows pick slow plans.
    pub async fn finish_bulk_load(&self, conn: &mut Conn) -> Result<()> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&mut *conn)
                    .await?;
            }
            Backend::Postgres => {
                sqlx::raw_sql("ANALYZE").execute(&mut *conn).await?;
            }
        }
        Ok(())
    }

    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        conn.ping().await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Formats a time the one way Kleur stores it: RFC 3339, UTC, microseconds, `Z`. Fixed width,
/// so comparing the text compares the times on both databases.
pub fn timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn now() -> String {
    timestamp(Utc::now())
}

pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A new time-ordered identifier for ordinary rows.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Escapes `%`, `_` and `\` so user text matches literally in a `LIKE … ESCAPE '\'` pattern.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_fixed_width() {
        let a = timestamp(DateTime::from_timestamp(0, 0).expect("valid"));
        let b = timestamp(DateTime::from_timestamp(1_900_000_000, 5_000).expect("valid"));
        assert_eq!(a.len(), b.len());
        assert!(a < b);
        assert_eq!(
            parse_timestamp(&b).map(|t| t.timestamp()),
            Some(1_900_000_000)
        );
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("50%_A"), "%50\\%\\_a%");
    }
}
