//! The feedback report for a large round: 50 raters, 40 rating items (issue 5 asks for under
//! 20 ms). Measured against a baseline in the same run: summing the same ratings without the
//! anonymity rules, the least any report must do.
//!
//! `cargo bench -p kleur-services --bench report`

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::feedback::{RaterGroup, Scale, Threshold};
use kleur_services::feedback::{QuestionItem, build_report};
use kleur_storage::feedback::Round;

fn round() -> Round {
    Round {
        organisation_id: "org".into(),
        id: "round".into(),
        subject_id: "subject".into(),
        questionnaire_id: "q".into(),
        questionnaire_version: 1,
        title: "Benchmark".into(),
        deadline: "2026-12-31".into(),
        status: "closed".into(),
        min_respondents: 3,
        created_at: String::new(),
        closed_at: None,
        shared_with_manager: 0,
        proposed_by: None,
        proposal: None,
    }
}

fn items(count: usize) -> Vec<QuestionItem> {
    (0..count)
        .map(|i| QuestionItem {
            key: format!("item{i}"),
            kind: if i % 10 == 9 {
                "open".into()
            } else {
                "rating".into()
            },
            competence: format!("c{}", i / 4),
            text_nl: format!("Vraag {i}"),
            text_en: format!("Question {i}"),
        })
        .collect()
}

fn responses(
    items: &[QuestionItem],
    raters: usize,
) -> Vec<(RaterGroup, BTreeMap<String, Option<u8>>)> {
    let groups = [
        RaterGroup::Own,
        RaterGroup::Manager,
        RaterGroup::Peer,
        RaterGroup::DirectReport,
        RaterGroup::External,
    ];
    (0..raters)
        .map(|r| {
            let group = if r == 0 {
                RaterGroup::Own
            } else {
                groups[1 + r % 4]
            };
            let answers = items
                .iter()
                .filter(|i| i.kind == "rating")
                .enumerate()
                .map(|(n, i)| {
                    (
                        i.key.clone(),
                        if (r + n) % 11 == 0 {
                            None
                        } else {
                            Some(((r * 7 + n * 3) % 5 + 1) as u8)
                        },
                    )
                })
                .collect();
            (group, answers)
        })
        .collect()
}

fn report(c: &mut Criterion) {
    let items = items(44);
    let responses = responses(&items, 50);
    let comments: Vec<(String, String)> = (0..60)
        .map(|i| {
            (
                format!("item{}", (i % 4) * 10 + 9),
                format!("Opmerking {i}"),
            )
        })
        .collect();
    let mut group = c.benchmark_group("feedback report, 50 raters x 40 rating items");
    group.bench_function("baseline: sum every rating", |b| {
        b.iter(|| {
            let mut sum = 0u64;
            for (_, answers) in &responses {
                for value in answers.values().flatten() {
                    sum += u64::from(*value);
                }
            }
            std::hint::black_box(sum)
        })
    });
    group.bench_function("build_report", |b| {
        b.iter(|| {
            std::hint::black_box(build_report(
                round(),
                &items,
                Scale::FIVE,
                Threshold::DEFAULT,
                &responses,
                &comments,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
