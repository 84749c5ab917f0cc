//! Matching 100,000 people who opted in against one opportunity (issue 7 asks for under 50 ms).
//! Three measurements in one run:
//! - `baseline`: one pass over the same 500,000 portfolio items, counting those whose catalogue
//!   key is asked for — the least any matcher reading these items must do;
//! - `rank_profiles`: the domain's scoring and top-20 selection over ready-made profiles;
//! - `suggest`: the whole in-memory path the shortlist uses (group items per person, build
//!   profiles, score, pick the top 20, explain them).
//!
//! Loading the rows from the database is not included.
//!
//! `cargo bench -p kleur-services --bench matching`
//!
//! Without `--bench` (as `cargo test --all-targets` runs it) 300 people keep the test run fast.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::mobility::{Kind, Matcher, Profile, Wanted};
use kleur_services::mobility::suggest;
use kleur_storage::mobility::{Candidate, MatchItem, Opportunity, WantedTalent};

/// The full size under `cargo bench` (criterion is passed `--bench`), a small one in test mode.
fn people_count() -> usize {
    if std::env::args().any(|arg| arg == "--bench") {
        100_000
    } else {
        300
    }
}
const CATALOGUE: usize = 82;

/// A deterministic pseudo-random sequence (xorshift), so every run measures the same data.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn key(n: u64) -> String {
    format!("talent-{}", n as usize % CATALOGUE)
}

fn opportunity() -> (Opportunity, Vec<WantedTalent>) {
    let opportunity = Opportunity {
        organisation_id: "org".into(),
        id: "opportunity".into(),
        kind: "project".into(),
        title: "Benchmark".into(),
        description: String::new(),
        hours_per_week: 16,
        duration_months: Some(6),
        unit_id: None,
        unit_name: None,
        location: String::new(),
        start_date: Some("2026-06-01".into()),
        closing_date: "2026-05-01".into(),
        status: "published".into(),
        poster_id: "poster".into(),
        poster_name: "Poster".into(),
        outcome_person_id: None,
        outcome_person_name: None,
        outcome_note: String::new(),
        published_at: None,
        ended_at: None,
        version: 1,
        created_at: String::new(),
        updated_at: String::new(),
    };
    let talents = [
        (3, true),
        (17, true),
        (29, true),
        (41, false),
        (55, false),
        (70, false),
    ]
    .iter()
    .map(|(n, required)| WantedTalent {
        opportunity_id: "opportunity".into(),
        entry_key: key(*n),
        required: i64::from(*required),
        name_nl: key(*n),
        name_en: key(*n),
    })
    .collect();
    (opportunity, talents)
}

/// 100,000 people, each with three talents, a core quality and an ambition (as the demo has).
fn people(count: usize) -> (Vec<Candidate>, Vec<MatchItem>) {
    let mut random = Seeded(0x9e37_79b9_7f4a_7c15);
    let mut candidates = Vec::with_capacity(count);
    let mut items = Vec::with_capacity(count * 5);
    for person in 0..count {
        let id = format!("person-{person:06}");
        candidates.push(Candidate {
            person_id: id.clone(),
            display_name: format!("Persoon {person}"),
            unit_id: None,
            open_to_opportunities: 1,
            hours_per_week: [None, Some(8), Some(16), Some(24)][(random.next() % 4) as usize],
            available_from: None,
        });
        for section in ["talents", "talents", "talents", "core_qualities"] {
            let k = key(random.next());
            items.push(MatchItem {
                owner_id: id.clone(),
                section: section.into(),
                is_ambition: 0,
                title: k.clone(),
                catalogue_key: Some(k),
                details: "{}".into(),
            });
        }
        let open_to = ["roles", "units", "projects", "mentoring"][(random.next() % 4) as usize];
        items.push(MatchItem {
            owner_id: id,
            section: "ambitions".into(),
            is_ambition: 1,
            title: "Ambitie".into(),
            catalogue_key: None,
            details: format!(r#"{{"open_to":["{open_to}"]}}"#),
        });
    }
    (candidates, items)
}

fn matching(c: &mut Criterion) {
    let (opportunity, talents) = opportunity();
    let count = people_count();
    let (candidates, items) = people(count);
    let wanted_keys: HashSet<&str> = talents.iter().map(|t| t.entry_key.as_str()).collect();

    let mut random = Seeded(42);
    let profiles: Vec<Profile> = (0..count)
        .map(|_| Profile {
            talents: (0..4)
                .map(|_| (random.next() % CATALOGUE as u64) as u32)
                .collect(),
            ambitions: 1 << (random.next() % 4),
            hours: Some(16),
            available_from: None,
        })
        .collect();
    let matcher = Matcher::new(&Wanted {
        required: vec![3, 17, 29],
        nice: vec![41, 55, 70],
        kind: Some(Kind::Project),
        hours: 16,
        start_date: Some("2026-06-01".into()),
    });

    let mut group = c.benchmark_group("matching_100k");
    group.sample_size(20);
    group.bench_function("baseline_scan_items", |b| {
        b.iter(|| {
            black_box(
                items
                    .iter()
                    .filter(|i| {
                        i.catalogue_key
                            .as_deref()
                            .is_some_and(|k| wanted_keys.contains(k))
                    })
                    .count(),
            )
        })
    });
    group.bench_function("rank_profiles", |b| {
        b.iter(|| black_box(matcher.rank(black_box(&profiles), 20, true)))
    });
    group.bench_function("suggest", |b| {
        b.iter(|| {
            black_box(suggest(
                black_box(&opportunity),
                &talents,
                &candidates,
                &items,
                20,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
