//! Test helpers shared by the crates' integration tests: a fresh database per test on SQLite and
//! PostgreSQL, and a small SMTP server that keeps what it receives.

mod smtp_sink;

pub use smtp_sink::{ReceivedMail, SmtpSink};

use sqlx::{Connection, PgConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

/// The server tests create their databases on. Override with `KLEUR_TEST_POSTGRES_URL`.
pub fn postgres_admin_url() -> String {
    std::env::var("KLEUR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database that exists for one test and is removed when dropped.
pub struct TestDatabase {
    pub url: String,
    pub backend: TestBackend,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(std::path::PathBuf),
    PostgresDatabase(String),
}

impl TestDatabase {
    pub async fn new(backend: TestBackend) -> TestDatabase {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            TestBackend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("kleur-test-{unique}"));
                std::fs::create_dir_all(&dir).expect("create a temporary directory");
                let url = format!("sqlite://{}", dir.join("kleur.db").display());
                TestDatabase {
                    url,
                    backend,
                    cleanup: Cleanup::Directory(dir),
                }
            }
            TestBackend::Postgres => {
                let name = format!("kleur_test_{unique}");
                let admin = postgres_admin_url();
                let mut conn = PgConnection::connect(&admin).await.unwrap_or_else(|error| {
                    panic!(
                        "PostgreSQL is needed for the tests and is not reachable at {admin}: {error}. \
                         Start it (pg_ctlcluster 15 main start) or set KLEUR_TEST_POSTGRES_URL."
                    )
                });
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create a test database");
                let _ = conn.close().await;
                let url = match admin.rsplit_once('/') {
                    Some((base, _)) => format!("{base}/{name}"),
                    None => panic!("KLEUR_TEST_POSTGRES_URL must end in /database"),
                };
                TestDatabase {
                    url,
                    backend,
                    cleanup: Cleanup::PostgresDatabase(name),
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PostgresDatabase(name) => {
                let name = name.clone();
                // Drop runs inside the test's runtime, so the async cleanup gets a thread of its own.
                let handle = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            if let Ok(mut conn) = PgConnection::connect(&postgres_admin_url()).await
                            {
                                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                                let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                                    .execute(&mut conn)
                                    .await;
                            }
                        });
                    }
                });
                let _ = handle.join();
            }
        }
    }
}

/// Runs an async test function once per database: `on_both_databases!(my_test);` expands to a
/// module `my_test` with the tests `sqlite` and `postgres`, each calling `my_test(backend)`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::TestBackend::Sqlite).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::TestBackend::Postgres).await;
                }
            }
        )+
    };
}
