//! Rendering the own-portfolio page from its data to HTML (issue 11), against a baseline in the
//! same run: a trivial askama page (a title, a paragraph and a list of five links), the least
//! any page costs to render.
//!
//! `cargo bench -p kleur-web --bench portfolio`

use askama::Template;
use criterion::{Criterion, criterion_group, criterion_main};
use kleur_domain::portfolio::{Relation, Section};
use kleur_domain::{Locale, Role, Roles};
use kleur_services::Actor;
use kleur_services::portfolio::{Details, ItemView, PortfolioView, SectionView};
use kleur_storage::people::Person;
use kleur_storage::portfolio::Item;
use kleur_web::Visitor;

#[derive(Template)]
#[template(
    source = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head>\
<body><h1>{{ title }}</h1><p>{{ text }}</p><ul>{% for link in links %}<li><a href=\"/{{ link }}\">{{ link }}</a></li>{% endfor %}</ul></body></html>",
    ext = "html"
)]
struct Trivial<'a> {
    title: &'a str,
    text: &'a str,
    links: &'a [&'a str],
}

fn visitor() -> Visitor {
    Visitor {
        actor: Some(Actor {
            organisation_id: "org".into(),
            person_id: "owner".into(),
            display_name: "Daan de Vries".into(),
            roles: Roles::new(vec![Role::Employee]),
            locale: Some(Locale::Nl),
        }),
        csrf: "0123456789abcdef0123456789abcdef".into(),
        locale: Locale::Nl,
        request_id: "request".into(),
        path: "/portfolio".into(),
    }
}

/// A portfolio with `count` items spread over the eight sections, as the demo fills them:
/// talents with their details, reflections linked to a goal, results with a date.
fn view(count: usize) -> PortfolioView {
    let owner = Person {
        organisation_id: "org".into(),
        id: "owner".into(),
        employee_number: None,
        display_name: "Daan de Vries".into(),
        email: "daan.devries@elderveen.example".into(),
        function_title: "Beleidsadviseur".into(),
        unit_id: Some("unit".into()),
        manager_id: Some("manager".into()),
        locale: None,
        active: 1,
        created_at: String::new(),
        updated_at: String::new(),
    };
    let sections = Section::ALL
        .iter()
        .enumerate()
        .map(|(s, section)| SectionView {
            section: *section,
            items: (0..count)
                .filter(|n| n % Section::ALL.len() == s)
                .map(|n| item(*section, n))
                .collect(),
        })
        .collect();
    PortfolioView {
        owner,
        relation: Relation::Owner,
        sections,
    }
}

fn item(section: Section, n: usize) -> ItemView {
    let mut details = Details::default();
    let mut linked_goal = None;
    match section {
        Section::Talents => {
            details.situation = Some("Bij de herinrichting van het loket".into());
            details.result = Some("Wachttijd van drie weken naar vijf dagen".into());
            details.strength = Some(4);
            details.enjoyment = Some(5);
        }
        Section::Reflections => {
            details.date = Some("2026-10-01".into());
            linked_goal = Some((format!("goal{n}"), "Beter luisteren in overleg".into()));
        }
        Section::Results => {
            details.kind = Some("result".into());
            details.date = Some("2026-06-15".into());
        }
        _ => {}
    }
    ItemView {
        item: Item {
            organisation_id: "org".into(),
            id: format!("0190a1b2-0000-7000-8000-{n:012}"),
            owner_id: "owner".into(),
            section: section.as_str().into(),
            position: n as i64,
            title: format!("Item {n}: rust brengen als het schuurt"),
            body: "Ik merk dat ik in lastige gesprekken de ruimte neem om eerst te luisteren. \
                   Collega's zeggen dat dat helpt."
                .into(),
            visibility: "team".into(),
            catalogue_key: None,
            details: String::new(),
            version: 1,
            created_at: String::new(),
            updated_at: String::new(),
            deleted_at: None,
        },
        details,
        files: Vec::new(),
        linked_goal,
        linked_round: None,
    }
}

fn rendering(c: &mut Criterion) {
    let visitor = visitor();
    let links = ["portfolio", "doelen", "feedback", "mensen", "profiel"];
    let mut group = c.benchmark_group("page rendering");
    group.bench_function("baseline: trivial askama page", |b| {
        b.iter(|| {
            Trivial {
                title: "Kleur",
                text: "Een kleine pagina.",
                links: &links,
            }
            .render()
            .expect("render")
        })
    });
    for count in [10, 30] {
        let data = view(count);
        let sample = kleur_web::render_own_portfolio(&visitor, data.clone());
        assert!(sample.contains(&format!("Item {}", count - 1)), "{sample}");
        group.bench_function(format!("own portfolio, {count} items"), |b| {
            b.iter_batched(
                || data.clone(),
                |data| kleur_web::render_own_portfolio(&visitor, data),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, rendering);
criterion_main!(benches);
