//! `kleur backup` and `kleur restore` through the CLI: a backup restored into a fresh database,
//! on the same backend or the other one, backs up to the same rows.

mod common;

use common::Kleur;
use kleur_test_support::{TestBackend, TestDatabase, on_both_databases};

/// The rows of a backup file: everything after the header line (which carries the time and the
/// source backend).
fn rows(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).expect("read the backup");
    let (header, rows) = text.split_once('\n').expect("a header line");
    let header: serde_json::Value = serde_json::from_str(header).expect("the header is JSON");
    assert_eq!(header["format"], "kleur-backup", "{header}");
    rows.to_owned()
}

/// Compares two backups line by line and reports the first difference (the files are long).
fn assert_same_rows(first: &str, second: &str) {
    let (a, b): (Vec<&str>, Vec<&str>) = (first.lines().collect(), second.lines().collect());
    let differences: Vec<String> = a
        .iter()
        .zip(&b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .take(5)
        .map(|(n, (x, y))| format!("row {}:\n  before: {x}\n  after:  {y}", n + 1))
        .collect();
    assert!(
        differences.is_empty() && a.len() == b.len(),
        "the restored database backs up differently ({} rows before, {} after):\n{}",
        a.len(),
        b.len(),
        differences.join("\n")
    );
}

/// Demo data on `from`, backed up, restored on `to`, backed up again: the same rows.
async fn round_trip(from: TestBackend, to: TestBackend) {
    let source_db = TestDatabase::new(from).await;
    let target_db = TestDatabase::new(to).await;
    let source = Kleur::new(&source_db);
    let target = Kleur::new(&target_db);
    source.ok(&["demo", "--no-serve", "--people", "30"]).await;

    let first = source.dir.join("first.jsonl");
    let backup = source.ok(&["backup", first.to_str().expect("path")]).await;
    assert!(backup.stderr.contains("Backed up"), "{}", backup.stderr);
    let first_rows = rows(&first);
    assert!(
        first_rows.lines().count() > 30,
        "the backup holds the demo organisation: {first_rows}"
    );
    assert!(
        first_rows.contains("joost.bakker@elderveen.example"),
        "{first_rows}"
    );

    let restore = target.ok(&["restore", first.to_str().expect("path")]).await;
    assert!(restore.stdout.contains("Restored"), "{}", restore.stdout);

    let second = target.dir.join("second.jsonl");
    target.ok(&["backup", second.to_str().expect("path")]).await;
    let second_rows = rows(&second);
    assert_same_rows(&first_rows, &second_rows);

    let source_list = source.ok(&["organisation", "list"]).await.stdout;
    assert!(source_list.contains("30 people"), "{source_list}");
    let target_list = target.ok(&["organisation", "list"]).await.stdout;
    assert_eq!(target_list, source_list);
}

async fn backup_restores_on_the_same_backend(backend: TestBackend) {
    round_trip(backend, backend).await;
}

/// Restore refuses a database that holds data, says why, and changes nothing.
async fn restore_refuses_a_database_with_data(backend: TestBackend) {
    let database = TestDatabase::new(backend).await;
    let kleur = Kleur::new(&database);
    kleur.ok(&["demo", "--no-serve", "--people", "30"]).await;
    let file = kleur.dir.join("backup.jsonl");
    kleur.ok(&["backup", file.to_str().expect("path")]).await;
    let before = kleur.ok(&["organisation", "list"]).await.stdout;

    let restore = kleur.run(&["restore", file.to_str().expect("path")]).await;
    assert!(
        !restore.success(),
        "restore into a full database: {restore:?}"
    );
    assert!(
        restore.stderr.contains("not empty"),
        "the message says why: {}",
        restore.stderr
    );
    assert!(!restore.stdout.contains("Restored"), "{}", restore.stdout);
    assert_eq!(kleur.ok(&["organisation", "list"]).await.stdout, before);

    let again = kleur.dir.join("again.jsonl");
    kleur.ok(&["backup", again.to_str().expect("path")]).await;
    assert!(
        rows(&file) == rows(&again),
        "a refused restore changed the data"
    );
}

on_both_databases!(
    backup_restores_on_the_same_backend,
    restore_refuses_a_database_with_data
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_from_sqlite_restores_into_postgres() {
    round_trip(TestBackend::Sqlite, TestBackend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_from_postgres_restores_into_sqlite() {
    round_trip(TestBackend::Postgres, TestBackend::Sqlite).await;
}
