//! A team proposal for 10,000 candidates and 30 required talents (issue 6 asks for under
//! 100 ms). Measured against a baseline in the same run: one pass computing every candidate's
//! own weighted coverage, the least a "sort by score" would do.
//!
//! `cargo bench -p kleur-domain --bench team_builder`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::team_builder::{
    Candidate, Constraints, Request, Requirement, heuristic, individual_scores, propose,
};

/// Deterministic pseudo-random numbers (SplitMix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

fn instance() -> (Request, Vec<Candidate>) {
    let mut rng = Rng(2026);
    // 82 catalogue entries, as in the default catalogue; each person shares about six.
    let candidates = (0..10_000)
        .map(|i| Candidate {
            id: format!("p{i}"),
            unit: Some(format!("u{}", rng.below(40))),
            talents: (0..6)
                .map(|_| (format!("t{}", rng.below(82)), 1 + rng.below(5) as u8))
                .collect(),
        })
        .collect();
    let requirements = (0..30)
        .map(|t| Requirement {
            key: format!("t{}", t * 2),
            weight: 1 + (t % 5) as u8,
            min_level: 3,
        })
        .collect();
    let request = Request {
        requirements,
        size: 8,
        constraints: Constraints {
            must_include: vec!["p17".into()],
            exclude: vec!["p3".into(), "p4".into()],
            max_per_unit: Some(2),
        },
    };
    (request, candidates)
}

fn bench(c: &mut Criterion) {
    let (request, candidates) = instance();
    let mut group = c.benchmark_group("team_proposal_10000x30");
    group.sample_size(20);
    group.bench_function("baseline_individual_scores", |b| {
        b.iter(|| individual_scores(black_box(&request), black_box(&candidates)))
    });
    group.bench_function("propose", |b| {
        b.iter(|| propose(black_box(&request), black_box(&candidates)).expect("feasible"))
    });
    group.bench_function("heuristic", |b| {
        b.iter(|| heuristic(black_box(&request), black_box(&candidates)).expect("feasible"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
