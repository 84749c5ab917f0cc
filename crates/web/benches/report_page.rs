//! Rendering the feedback report PAGE (askama HTML with the server-drawn SVG charts and tables)
//! for a round with 50 raters and 40 rating items, with a trend over six rounds. Issue 5 asks
//! for under 20 ms. Baseline in the same run: rendering a trivial page in the same layout.
//!
//! `cargo bench -p kleur-web --bench report_page`

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::Locale;
use kleur_domain::feedback::{RaterGroup, Scale, Threshold};
use kleur_services::feedback::{QuestionItem, TrendItem, TrendPoint, build_report};
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
        closed_at: Some("2026-12-31T12:00:00Z".into()),
        shared_with_manager: 0,
        proposed_by: None,
        proposal: None,
    }
}

/// 44 questions, every tenth open: 40 rating items.
fn items() -> Vec<QuestionItem> {
    (0..44)
        .map(|i| QuestionItem {
            key: format!("item{i}"),
            kind: if i % 10 == 9 { "open" } else { "rating" }.into(),
            competence: format!("c{}", i / 4),
            text_nl: format!("Vraag {i}: laat zien hoe dit talent in het werk terugkomt"),
            text_en: format!("Question {i}: shows how this talent appears at work"),
        })
        .collect()
}

fn responses(items: &[QuestionItem]) -> Vec<(RaterGroup, BTreeMap<String, Option<u8>>)> {
    let groups = [
        RaterGroup::Manager,
        RaterGroup::Peer,
        RaterGroup::DirectReport,
        RaterGroup::External,
    ];
    (0..50)
        .map(|r| {
            let group = if r == 0 {
                RaterGroup::Own
            } else {
                groups[r % 4]
            };
            let answers = items
                .iter()
                .filter(|i| i.is_rating())
                .enumerate()
                .map(|(n, i)| {
                    let value = ((r * 7 + n * 3) % 5 + 1) as u8;
                    (i.key.clone(), ((r + n) % 11 != 0).then_some(value))
                })
                .collect();
            (group, answers)
        })
        .collect()
}

fn report_page(c: &mut Criterion) {
    let items = items();
    let responses = responses(&items);
    let comments: Vec<(String, String)> = (0..60)
        .map(|i| {
            (
                format!("item{}", (i % 4) * 10 + 9),
                format!("Opmerking {i}: een open antwoord van een paar zinnen lang."),
            )
        })
        .collect();
    let build = || {
        let mut report = build_report(
            round(),
            &items,
            Scale::FIVE,
            Threshold::DEFAULT,
            &responses,
            &comments,
        );
        report.trend = report
            .items
            .iter()
            .map(|entry| TrendItem {
                item: entry.item.clone(),
                points: (0..6)
                    .map(|n| TrendPoint {
                        title: format!("Ronde {n}"),
                        date: format!("202{n}-06-30"),
                        own: Some(3.0 + f64::from(n) * 0.2),
                        others: (n != 2).then_some(3.5 + f64::from(n) * 0.1),
                    })
                    .collect(),
            })
            .collect();
        report
    };
    let report = build();
    let html = kleur_web::report_page_html(report.clone(), Locale::Nl).expect("renders");
    assert!(html.contains("<svg") && html.len() > 100_000, "a full page");

    let mut group = c.benchmark_group("feedback report page, 50 raters x 40 rating items");
    group.bench_function("baseline: trivial page", |b| {
        b.iter(|| std::hint::black_box(kleur_web::message_page_html(Locale::Nl).expect("renders")))
    });
    group.bench_function("render the report page", |b| {
        b.iter_batched(
            || report.clone(),
            |report| {
                std::hint::black_box(
                    kleur_web::report_page_html(report, Locale::Nl).expect("renders"),
                )
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("build the report and render the page", |b| {
        b.iter(|| {
            std::hint::black_box(kleur_web::report_page_html(build(), Locale::Nl).expect("renders"))
        })
    });
    group.finish();
}

criterion_group!(benches, report_page);
criterion_main!(benches);
