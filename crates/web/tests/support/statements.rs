//! Counts the SQL statements the application runs, for tests of query discipline (no N+1).
//!
//! The test app's database reports every statement as a `tracing` event with the target
//! `sqlx::query` (see `Db::connect_reporting_statements`); a process-wide subscriber counts them.
//! The count is process-wide, so a test that counts must hold [`exclusive`] for its whole run and
//! live in a test binary whose other tests hold it too.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use tracing_subscriber::Layer;
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::layer::{Context, SubscriberExt};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);
static INSTALLED: OnceLock<()> = OnceLock::new();
static EXCLUSIVE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct CountStatements;

impl<S: tracing::Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, _event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        STATEMENTS.fetch_add(1, Ordering::SeqCst);
    }
}

fn install() {
    INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::registry()
            .with(CountStatements.with_filter(filter_fn(|meta| meta.target() == "sqlx::query")));
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

/// Held while a test counts, so no other test's statements mix into its figures.
pub async fn exclusive() -> tokio::sync::MutexGuard<'static, ()> {
    install();
    EXCLUSIVE.lock().await
}

/// Runs `work` and returns its result with the number of SQL statements run meanwhile.
pub async fn count<F: Future>(work: F) -> (F::Output, usize) {
    install();
    let before = STATEMENTS.load(Ordering::SeqCst);
    let output = work.await;
    (output, STATEMENTS.load(Ordering::SeqCst) - before)
}
