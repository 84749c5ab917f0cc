//! The team builder (`/teams/samenstellen`, for managers, HR and management) and organisation
//! insight (`/inzicht`, for HR and management). Both are plain GET forms: nothing is saved.

use std::fmt::Write;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use kleur_domain::catalogue::{Category, Entry};
use kleur_domain::{Locale, portfolio::parse_rating};
use kleur_services::talent::{
    self, Insight, REQUIREMENT_ROWS, RequirementInput, TeamForm, TeamInput, TeamProposal,
};
use kleur_services::{Actor, ServiceError};

use super::{FormErrors, render};
use crate::AppState;
use crate::context::{Page, SignedIn};
use crate::error::{WebError, WebResult};

/// One requirement row of the form, with what was chosen.
pub struct RowView {
    pub number: usize,
    pub talent: String,
    pub weight: String,
    pub level: String,
}

pub struct PersonChoice {
    pub id: String,
    pub label: String,
    pub included: bool,
    pub excluded: bool,
}

#[derive(Template)]
#[template(path = "team_builder.html")]
struct TeamPage {
    page: Page,
    errors: FormErrors,
    categories: Vec<Category>,
    entries: Vec<Entry>,
    rows: Vec<RowView>,
    size: String,
    max_per_unit: String,
    only_available: bool,
    people: Vec<PersonChoice>,
    proposal: Option<TeamProposal>,
}

impl TeamPage {
    fn entries_in(&self, category: &str) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.category == category)
            .collect()
    }

    fn category_name(&self, category: &Category) -> String {
        category.name(self.page.t.locale).to_owned()
    }

    fn entry_name(&self, entry: &Entry) -> String {
        entry.name(self.page.t.locale).to_owned()
    }

    fn names(&self, keys: &[String]) -> String {
        let names: Vec<String> = keys
            .iter()
            .map(|key| {
                self.entries
                    .iter()
                    .find(|e| e.key == *key)
                    .map(|e| e.name(self.page.t.locale).to_owned())
                    .unwrap_or_else(|| key.clone())
            })
            .collect();
        join_words(&names, self.page.t.locale)
    }

    fn name_of(&self, key: &str) -> String {
        self.names(&[key.to_owned()])
    }

    fn levels(&self) -> Vec<u8> {
        (1..=5).collect()
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.for_field(field).map(str::to_owned)
    }
}

/// "a, b and c" in the user's language.
fn join_words(words: &[String], locale: Locale) -> String {
    let and = match locale {
        Locale::Nl => "en",
        Locale::En => "and",
    };
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn parse_team_input(pairs: &[(String, String)]) -> (TeamInput, bool) {
    let mut input = TeamInput {
        requirements: vec![RequirementInput::default(); REQUIREMENT_ROWS],
        ..TeamInput::default()
    };
    let mut submitted = false;
    for (key, value) in pairs {
        let row = |prefix: &str| {
            key.strip_prefix(prefix)
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=REQUIREMENT_ROWS).contains(n))
                .map(|n| n - 1)
        };
        if let Some(i) = row("talent-") {
            input.requirements[i].talent = value.clone();
        } else if let Some(i) = row("gewicht-") {
            input.requirements[i].weight = value.clone();
        } else if let Some(i) = row("niveau-") {
            input.requirements[i].level = value.clone();
        } else {
            match key.as_str() {
                "omvang" => {
                    input.size = value.clone();
                    submitted = true;
                }
                "max-per-onderdeel" => input.max_per_unit = value.clone(),
                "met" if !value.is_empty() => input.include.push(value.clone()),
                "zonder" if !value.is_empty() => input.exclude.push(value.clone()),
                "beschikbaar" => input.only_available = value == "ja",
                _ => {}
            }
        }
    }
    (input, submitted)
}

fn require(allowed: bool) -> WebResult<()> {
    if allowed {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

pub async fn team_builder(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(pairs): Query<Vec<(String, String)>>,
) -> WebResult<Response> {
    require(talent::can_build_teams(&actor))?;
    let (mut input, submitted) = parse_team_input(&pairs);
    let page = Page::new(&visitor, "team-builder");
    let (proposal, errors, status) = if submitted {
        match talent::propose(&state.db, &actor, &input).await {
            Ok(proposal) => (Some(proposal), FormErrors::default(), StatusCode::OK),
            Err(ServiceError::Invalid(fields)) => (
                None,
                FormErrors::new(page.t, &fields),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(other) => return Err(other.into()),
        }
    } else {
        (None, FormErrors::default(), StatusCode::OK)
    };
    let form = talent::team_form(&state.db, &actor).await?;
    if !submitted {
        input.size = "4".into();
        input.only_available = true;
    }
    render(
        &team_page(page, &actor, form, input, proposal, errors),
        status,
    )
}

fn team_page(
    page: Page,
    _actor: &Actor,
    form: TeamForm,
    input: TeamInput,
    proposal: Option<TeamProposal>,
    errors: FormErrors,
) -> TeamPage {
    let rows = input
        .requirements
        .iter()
        .enumerate()
        .map(|(i, r)| RowView {
            number: i + 1,
            talent: r.talent.clone(),
            weight: if r.weight.is_empty() {
                "3".into()
            } else {
                r.weight.clone()
            },
            level: match parse_rating(&r.level) {
                Ok(Some(level)) => level.to_string(),
                _ => "3".into(),
            },
        })
        .collect();
    let people = form
        .candidates
        .iter()
        .map(|c| PersonChoice {
            id: c.id.clone(),
            label: match &c.unit {
                Some(unit) => format!("{} ({unit})", c.name),
                None => c.name.clone(),
            },
            included: input.include.contains(&c.id),
            excluded: input.exclude.contains(&c.id),
        })
        .collect();
    TeamPage {
        page,
        errors,
        categories: form.categories,
        entries: form.entries,
        rows,
        size: input.size,
        max_per_unit: input.max_per_unit,
        only_available: input.only_available,
        people,
        proposal,
    }
}

/// One cell of the heatmap table, ready to show.
pub struct CellView {
    pub value: Option<u32>,
    /// 0 (none) to 4 (most): the shade in the heatmap.
    pub shade: u8,
}

pub struct RowOut {
    pub name: String,
    /// Opens the unit's sub-units.
    pub link: Option<String>,
    pub cells: Vec<CellView>,
    pub total: Option<u32>,
}

pub struct TrendRow {
    pub name: String,
    pub values: Vec<Option<u32>>,
}

#[derive(Template)]
#[template(path = "insight.html")]
struct InsightPage {
    page: Page,
    categories: Vec<Category>,
    category: Option<String>,
    category_name: Option<String>,
    columns: Vec<String>,
    rows: Vec<RowOut>,
    column_totals: Vec<Option<u32>>,
    grand_total: Option<u32>,
    threshold: usize,
    svg: String,
    unit: String,
    up_link: Option<String>,
    quarters: Vec<String>,
    trend: Vec<TrendRow>,
}

impl InsightPage {
    fn category_label(&self, category: &Category) -> String {
        category.name(self.page.t.locale).to_owned()
    }

    fn selected(&self, key: &str) -> bool {
        self.category.as_deref() == Some(key)
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The heatmap as an SVG: one square per cell, darker for more people, hatched when suppressed.
/// It is an image with a title; the table next to it carries the same numbers as text.
fn heatmap_svg(title: &str, columns: &[String], rows: &[RowOut]) -> String {
    const CELL: usize = 28;
    const LEFT: usize = 320;
    const TOP: usize = 150;
    const SHADES: [&str; 5] = ["#ffffff", "#d6e6f5", "#9ecae1", "#4a90c8", "#08519c"];
    let width = LEFT + CELL * columns.len().max(1) + 10;
    let height = TOP + CELL * rows.len().max(1) + 10;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kleur-heatmap\" role=\"img\" aria-labelledby=\"heatmap-title\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\
         <title id=\"heatmap-title\">{}</title>\
         <defs><pattern id=\"hidden-cell\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#f2f2f2\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6b6b6b\" stroke-width=\"2\"/></pattern></defs>",
        escape(title)
    );
    for (c, name) in columns.iter().enumerate() {
        let x = LEFT + c * CELL + CELL / 2;
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{}\" transform=\"rotate(-60 {x} {})\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            TOP - 6,
            TOP - 6,
            escape(name)
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = TOP + r * CELL;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            LEFT - 8,
            y + CELL / 2 + 4,
            escape(&row.name)
        );
        for (c, cell) in row.cells.iter().enumerate() {
            let fill = match cell.value {
                None => "url(#hidden-cell)".to_owned(),
                Some(_) => SHADES[usize::from(cell.shade)].to_owned(),
            };
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#6b6b6b\" stroke-width=\"1\"/>",
                LEFT + c * CELL,
                CELL,
                CELL
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[derive(serde::Deserialize, Default)]
pub struct InsightQuery {
    #[serde(default)]
    categorie: String,
    #[serde(default)]
    onderdeel: String,
}

pub async fn insight(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Query(query): Query<InsightQuery>,
) -> WebResult<Response> {
    require(talent::can_see_insight(&actor))?;
    let category = query.categorie.trim();
    let unit = query.onderdeel.trim();
    let data = talent::insight(
        &state.db,
        &actor,
        (!category.is_empty()).then_some(category),
        (!unit.is_empty()).then_some(unit),
    )
    .await?;
    let page = Page::new(&visitor, "insight");
    render(&insight_page(page, data), StatusCode::OK)
}

fn insight_page(page: Page, data: Insight) -> InsightPage {
    let locale = page.t.locale;
    let column_name = |key: &String| -> String {
        match &data.category {
            Some(_) => data
                .entries
                .iter()
                .find(|e| e.key == *key)
                .map(|e| e.name(locale).to_owned()),
            None => data
                .categories
                .iter()
                .find(|c| c.key == *key)
                .map(|c| c.name(locale).to_owned()),
        }
        .unwrap_or_else(|| key.clone())
    };
    let columns: Vec<String> = data.columns.iter().map(column_name).collect();
    let max = data
        .table
        .cells
        .iter()
        .flatten()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let no_unit = page.t.get("insight-no-unit");
    let link = |unit: &str| {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        serializer.append_pair("onderdeel", unit);
        if let Some(category) = &data.category {
            serializer.append_pair("categorie", category);
        }
        format!("/inzicht?{}", serializer.finish())
    };
    let rows: Vec<RowOut> = data
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| RowOut {
            name: match (&row.name, row.direct) {
                (Some(name), true) => page.t.arg("insight-direct", "unit", name),
                (Some(name), false) => name.clone(),
                (None, _) => no_unit.clone(),
            },
            link: row
                .unit_id
                .as_deref()
                .filter(|_| row.has_children)
                .map(link),
            cells: data.table.cells[r]
                .iter()
                .map(|value| CellView {
                    value: *value,
                    shade: value.map_or(0, |v| {
                        if v == 0 {
                            0
                        } else {
                            (1 + (v * 3) / max).min(4) as u8
                        }
                    }),
                })
                .collect(),
            total: data.table.row_totals[r],
        })
        .collect();
    let category_name = data.category.as_ref().and_then(|key| {
        data.categories
            .iter()
            .find(|c| c.key == *key)
            .map(|c| c.name(locale).to_owned())
    });
    let title = match &category_name {
        Some(name) => page
            .t
            .arg("insight-heatmap-title-category", "category", name),
        None => page.t.get("insight-heatmap-title"),
    };
    let svg = heatmap_svg(&title, &columns, &rows);
    let quarters = data
        .quarters
        .iter()
        .map(|(year, quarter)| format!("{year} Q{quarter}"))
        .collect();
    let trend = data
        .trend
        .iter()
        .map(|(key, values)| TrendRow {
            name: column_name(key),
            values: values.clone(),
        })
        .collect();
    let up_link = data.up.as_deref().map(|up| {
        if up.is_empty() {
            match &data.category {
                Some(category) => format!("/inzicht?categorie={category}"),
                None => "/inzicht".to_owned(),
            }
        } else {
            link(up)
        }
    });
    InsightPage {
        page,
        categories: data.categories,
        category: data.category,
        category_name,
        columns,
        rows,
        column_totals: data.table.column_totals,
        grand_total: data.table.grand_total,
        threshold: data.threshold,
        svg,
        unit: data.unit.clone().unwrap_or_default(),
        up_link,
        quarters,
        trend,
    }
}
