//! Talent directory search on the 100,000-person demo organisation (issue 6 asks for p99 under
//! 10 ms), through the whole use case: catalogue expansion, the index query with the visibility
//! rule, the page of people and the matching items with highlights. Measured in the same run
//! against two baselines: a primary-key lookup of one person (the least any request costs) and
//! the LIKE scan over portfolio items that a directory without an index would need.
//!
//! The demo database is built once into `$TMPDIR/kleur-directory-bench.db` and reused.
//! `cargo bench -p kleur-services --bench directory`; with
//! `KLEUR_BENCH_DATABASE_URL=postgres://…/db` on PostgreSQL instead.
//!
//! Without `--bench` (as `cargo test --all-targets` runs it) a 300-person demo in
//! `$TMPDIR/kleur-directory-bench-small.db` keeps the test run fast.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::{Locale, PageRequest};
use kleur_services::Actor;
use kleur_services::directory::{SearchInput, search};
use kleur_storage::{Db, migrate, people};

/// The full size under `cargo bench` (criterion is passed `--bench`), a small one in test mode.
fn people_count() -> usize {
    if std::env::args().any(|arg| arg == "--bench") {
        100_000
    } else {
        300
    }
}

/// Queries people type: catalogue talents, synonyms, English names, free text, two words, and
/// filters. The last field names the section filter.
const QUERIES: &[(&str, &str, bool)] = &[
    ("analyseren", "", false),
    ("samenwerking", "", false),
    ("coaching", "", false),
    ("teamspeler", "", false),
    ("gemeente", "", false),
    ("omgevingswet", "", false),
    ("projectleider", "", false),
    ("mediation certificaat", "results", false),
    ("verbinden creativiteit", "", false),
    ("data", "passions", false),
    ("analysing", "", false),
    ("nauwkeurig", "talents", true),
    ("wijk bewoners", "", false),
    ("zzzonbekend", "", false),
];

struct Setup {
    runtime: tokio::runtime::Runtime,
    db: Db,
    actor: Actor,
}

fn setup() -> Setup {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let people_count = people_count();
    let file = if people_count == 100_000 {
        "kleur-directory-bench.db"
    } else {
        "kleur-directory-bench-small.db"
    };
    let path = std::env::temp_dir().join(file);
    // `KLEUR_BENCH_DATABASE_URL=postgres://…` measures on PostgreSQL (the demo is made there once).
    let url = std::env::var("KLEUR_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", path.display()));
    let (db, actor) = runtime.block_on(async {
        let db = Db::connect(&url, 4).await.expect("connect");
        migrate::run(&db).await.expect("migrate");
        let started = Instant::now();
        let info = kleur_services::demo::ensure_demo(&db, people_count)
            .await
            .expect("demo");
        if info.created {
            eprintln!(
                "built the {people_count}-person demo in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        let mut conn = db.acquire().await.expect("conn");
        // Daan, an employee: he sees organisation-wide items of everyone and his team's.
        let daan = people::find_person_by_email(
            &mut conn,
            &info.organisation_id,
            &kleur_services::demo::demo_logins()[3].email,
        )
        .await
        .expect("find")
        .expect("daan");
        let actor = kleur_services::actor::load(&mut conn, &info.organisation_id, &daan.id)
            .await
            .expect("actor");
        // The node's in-memory index is built once, as at server start.
        let rss_before = resident_mib();
        let started = Instant::now();
        db.search_index()
            .warm(&mut conn, &info.organisation_id)
            .await
            .expect("warm");
        eprintln!(
            "built the search index of {people_count} people in {:.2} s; resident memory {rss_before:.0} → {:.0} MiB",
            started.elapsed().as_secs_f64(),
            resident_mib()
        );
        drop(conn);
        (db, actor)
    });
    Setup { runtime, db, actor }
}

fn input(query: &str, section: &str, available: bool) -> SearchInput {
    SearchInput {
        query: query.to_owned(),
        section: section.to_owned(),
        unit_id: String::new(),
        available_only: available,
    }
}

async fn run_search(setup: &Setup, query: &str, section: &str, available: bool) -> usize {
    search(
        &setup.db,
        &setup.actor,
        &input(query, section, available),
        PageRequest::new(None, None),
        Locale::Nl,
    )
    .await
    .expect("search")
    .page
    .items
    .len()
}

async fn primary_key_lookup(setup: &Setup) {
    let mut conn = setup.db.acquire().await.expect("conn");
    people::get_person(
        &mut conn,
        &setup.actor.organisation_id,
        &setup.actor.person_id,
    )
    .await
    .expect("get")
    .expect("person");
}

/// What a directory without an index does: scan the shared items' text for the word.
async fn like_scan(setup: &Setup, word: &str) -> usize {
    let mut conn = setup.db.acquire().await.expect("conn");
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT owner_id FROM portfolio_items WHERE organisation_id = $1 AND deleted_at IS NULL \
         AND visibility = 'organisation' AND (lower(title) LIKE $2 OR lower(body) LIKE $2) LIMIT 25",
    )
    .bind(&setup.actor.organisation_id)
    .bind(format!("%{word}%"))
    .fetch_all(&mut *conn)
    .await
    .expect("like");
    rows.len()
}

/// The process's resident memory (Linux), in MiB.
fn resident_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Marks an item changed (as an edit would), so the next search catches up.
async fn touch_an_item(setup: &Setup, round: usize) {
    let mut conn = setup.db.acquire().await.expect("conn");
    sqlx::query(
        "UPDATE portfolio_items SET updated_at = $3 WHERE organisation_id = $1 AND id = \
         (SELECT id FROM portfolio_items WHERE organisation_id = $1 AND owner_id <> $2 ORDER BY id LIMIT 1)",
    )
    .bind(&setup.actor.organisation_id)
    .bind(&setup.actor.person_id)
    .bind(format!("2026-11-24T00:00:{:02}Z", round % 60))
    .execute(&mut *conn)
    .await
    .expect("touch");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// p50 and p99 over many runs of each query, printed as a table (criterion reports means).
fn percentiles(setup: &Setup) {
    const ROUNDS: usize = 100;
    let mut all = Vec::new();
    eprintln!("\nquery                           hits      p50 µs      p99 µs");
    for (query, section, available) in QUERIES {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut hits = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            hits = setup
                .runtime
                .block_on(run_search(setup, query, section, *available));
            times.push(started.elapsed());
        }
        times.sort();
        eprintln!(
            "{:<30} {:>5} {:>11.0} {:>11.0}",
            format!(
                "{query} {section}{}",
                if *available { " +available" } else { "" }
            ),
            hits,
            micros(percentile(&times, 0.5)),
            micros(percentile(&times, 0.99))
        );
        all.extend(times);
    }
    all.sort();
    let mut baseline = Vec::with_capacity(ROUNDS * 10);
    let mut scan = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS * 10 {
        let started = Instant::now();
        setup.runtime.block_on(primary_key_lookup(setup));
        baseline.push(started.elapsed());
        if round < ROUNDS {
            let started = Instant::now();
            setup.runtime.block_on(like_scan(setup, "gemeente"));
            scan.push(started.elapsed());
        }
    }
    baseline.sort();
    scan.sort();
    // Right after a change: the search first catches up (reloads the one person who changed).
    let mut after_change = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        setup.runtime.block_on(touch_an_item(setup, round));
        let started = Instant::now();
        setup
            .runtime
            .block_on(run_search(setup, "analyseren", "", false));
        after_change.push(started.elapsed());
    }
    after_change.sort();
    eprintln!(
        "search \"analyseren\" right after an item change (catching up first): p50 {:.0} µs, p99 {:.0} µs",
        micros(percentile(&after_change, 0.5)),
        micros(percentile(&after_change, 0.99))
    );
    let (p50, p99) = (percentile(&all, 0.5), percentile(&all, 0.99));
    let (b50, b99) = (percentile(&baseline, 0.5), percentile(&baseline, 0.99));
    let (s50, s99) = (percentile(&scan, 0.5), percentile(&scan, 0.99));
    eprintln!(
        "all queries: p50 {:.0} µs, p99 {:.0} µs ({} runs)",
        micros(p50),
        micros(p99),
        all.len()
    );
    eprintln!(
        "baseline primary-key lookup: p50 {:.0} µs, p99 {:.0} µs; search p99 / lookup p99 = {:.1}",
        micros(b50),
        micros(b99),
        micros(p99) / micros(b99)
    );
    eprintln!(
        "baseline LIKE scan (\"gemeente\", first 25 owners, no visibility rule beyond organisation): p50 {:.0} µs, p99 {:.0} µs; LIKE p50 / search p50 = {:.1}\n",
        micros(s50),
        micros(s99),
        micros(s50) / micros(p50)
    );
}

fn bench(c: &mut Criterion) {
    let setup = setup();
    percentiles(&setup);
    let mut group = c.benchmark_group("directory");
    group.sample_size(30);
    group.bench_function("baseline: primary-key lookup", |b| {
        b.iter(|| setup.runtime.block_on(primary_key_lookup(&setup)))
    });
    group.bench_function("baseline: LIKE scan gemeente", |b| {
        b.iter(|| setup.runtime.block_on(like_scan(&setup, "gemeente")))
    });
    for (query, section, available) in QUERIES.iter().take(6) {
        group.bench_function(format!("search {query}"), |b| {
            b.iter(|| {
                setup
                    .runtime
                    .block_on(run_search(&setup, query, section, *available))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
