//! The talent directory (`/talenten`) and the team talent map (`/talenten/kaart`), for every
//! signed-in person, over what colleagues shared with them.

use askama::Template;
use axum::extract::{Form, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kleur_domain::PageRequest;
use kleur_domain::search::Segment;
use kleur_services::directory::{
    self, CatalogueName, Found, MapScope, SEARCH_SECTIONS, SearchInput, TalentMap,
};
use kleur_services::people::{self, UnitNode};
use kleur_services::{Actor, ServiceError};
use serde::Deserialize;

use super::{FormErrors, Indent, Pager, render};
use crate::AppState;
use crate::context::{Page, SignedIn, notice_from_query};
use crate::error::WebResult;

/// The query string as pairs; repeated keys (`persoon=…&persoon=…`) are kept.
fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn value(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The label of a portfolio section, as the portfolio page names it.
pub fn section_label(page: &Page, section: &str) -> String {
    page.t
        .get(&format!("portfolio-section-{}", section.replace('_', "-")))
}

pub struct SectionOption {
    pub value: &'static str,
    pub label: String,
}

/// A unit list for a filter: the whole tree when small, the top of it (and the unit chosen)
/// in a large organisation.
async fn unit_options(state: &AppState, actor: &Actor, chosen: &str) -> WebResult<Vec<UnitNode>> {
    Ok(people::filter_unit_choices(&state.db, actor, chosen).await?)
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    page: Page,
    query: String,
    section: String,
    unit_filter: String,
    available_only: bool,
    sections: Vec<SectionOption>,
    units: Vec<UnitNode>,
    searched: bool,
    results: Vec<Found>,
    total: u64,
    expanded_to: Vec<String>,
    errors: FormErrors,
    pager: Pager,
}

impl DirectoryPage {
    fn section_label(&self, section: &str) -> String {
        section_label(&self.page, section)
    }

    fn marked(&self, segments: &[Segment]) -> bool {
        segments.iter().any(|s| s.matched)
    }
}

pub async fn search(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    RawQuery(raw): RawQuery,
) -> WebResult<Response> {
    let pairs = pairs(raw.as_deref());
    let input = SearchInput {
        query: value(&pairs, "q"),
        section: value(&pairs, "sectie"),
        unit_id: value(&pairs, "onderdeel"),
        available_only: value(&pairs, "beschikbaar") == "ja",
    };
    let request = PageRequest::new(value(&pairs, "pagina").trim().parse().ok(), None);
    let page = Page::new(&visitor, "directory");
    let (result, errors, status) =
        match directory::search(&state.db, &actor, &input, request, visitor.locale).await {
            Ok(result) => (Some(result), FormErrors::default(), StatusCode::OK),
            Err(ServiceError::Invalid(fields)) => (
                None,
                FormErrors::new(page.t, &fields),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(other) => return Err(other.into()),
        };
    let sections = SEARCH_SECTIONS
        .iter()
        .map(|s| SectionOption {
            value: s,
            label: section_label(&page, s),
        })
        .collect();
    let units = unit_options(&state, &actor, &input.unit_id).await?;
    let available = if input.available_only { "ja" } else { "" };
    let (searched, results, total, expanded_to, pager) = match result {
        Some(result) => {
            let pager = Pager::new(
                &result.page,
                "/talenten",
                &[
                    ("q", &input.query),
                    ("sectie", &input.section),
                    ("onderdeel", &input.unit_id),
                    ("beschikbaar", available),
                ],
            );
            (
                result.searched,
                result.page.items,
                result.page.total,
                result
                    .expanded_to
                    .into_iter()
                    .map(|(_, name)| name)
                    .collect(),
                pager,
            )
        }
        None => (
            false,
            Vec::new(),
            0,
            Vec::new(),
            Pager {
                page: 1,
                pages: 1,
                previous: None,
                next: None,
            },
        ),
    };
    render(
        &DirectoryPage {
            page,
            query: input.query,
            section: input.section,
            unit_filter: input.unit_id,
            available_only: input.available_only,
            sections,
            units,
            searched,
            results,
            total,
            expanded_to,
            errors,
            pager,
        },
        status,
    )
}

#[derive(Template)]
#[template(path = "directory_map.html")]
struct MapPage {
    page: Page,
    map: TalentMap,
    units: Vec<UnitNode>,
    unit_filter: String,
    with_sub_units: bool,
    scope: &'static str,
    needable: Vec<CatalogueName>,
    svg: HeatmapSvg,
    errors: FormErrors,
}

impl MapPage {
    fn kind_label(&self, kind: &str) -> String {
        self.page.t.get(if kind == "core_quality" {
            "directory-kind-core-quality"
        } else {
            "directory-kind-talent"
        })
    }

    fn needable_name(&self, entry: &CatalogueName) -> String {
        entry.name(self.page.t.locale).to_owned()
    }

    fn average(&self, value: &Option<f64>) -> String {
        value.map(|v| format!("{v:.1}")).unwrap_or_default()
    }
}

/// The heatmap's geometry, worked out here so the template only draws.
pub struct HeatmapSvg {
    pub width: usize,
    pub height: usize,
    pub rows: Vec<SvgRow>,
    pub columns: Vec<SvgColumn>,
}

pub struct SvgRow {
    pub y: usize,
    pub text_y: usize,
    pub name: String,
    pub cells: Vec<SvgCell>,
}

pub struct SvgColumn {
    pub label_x: usize,
    pub name: String,
    pub gap: bool,
}

pub struct SvgCell {
    pub x: usize,
    pub fill: &'static str,
    pub label: String,
    pub text_x: usize,
    pub text: String,
    pub text_fill: &'static str,
}

const CELL: usize = 30;
const LABEL_WIDTH: usize = 190;
const HEADER_HEIGHT: usize = 150;

/// Darker for a higher self-rating; a light tint for "shared, no rating".
fn fill(level: Option<i64>, shared: bool) -> (&'static str, &'static str) {
    match (shared, level) {
        (false, _) => ("#ffffff", "#1a1a1a"),
        (true, None) => ("#dbe9f6", "#1a1a1a"),
        (true, Some(1)) => ("#c6dbef", "#1a1a1a"),
        (true, Some(2)) => ("#9ecae1", "#1a1a1a"),
        (true, Some(3)) => ("#4292c6", "#000000"),
        (true, Some(4)) => ("#2171b5", "#ffffff"),
        (true, Some(_)) => ("#08306b", "#ffffff"),
    }
}

fn heatmap(map: &TalentMap, page: &Page) -> HeatmapSvg {
    let columns = map
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| SvgColumn {
            label_x: LABEL_WIDTH + i * CELL + CELL / 2,
            name: if c.gap {
                format!("{} ({})", c.name, page.t.get("directory-map-gap-short"))
            } else {
                c.name.clone()
            },
            gap: c.gap,
        })
        .collect();
    let rows = map
        .members
        .iter()
        .zip(&map.cells)
        .enumerate()
        .map(|(r, (member, cells))| SvgRow {
            y: HEADER_HEIGHT + r * CELL,
            text_y: HEADER_HEIGHT + r * CELL + CELL / 2 + 5,
            name: member.display_name.clone(),
            cells: cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let (fill, text_fill) = fill(cell.level, cell.shared);
                    let text = match (cell.shared, cell.level) {
                        (true, Some(level)) => level.to_string(),
                        (true, None) => "✓".to_owned(),
                        (false, _) => String::new(),
                    };
                    SvgCell {
                        x: LABEL_WIDTH + c * CELL,
                        fill,
                        label: format!("{}: {}", member.display_name, map.columns[c].name),
                        text_x: LABEL_WIDTH + c * CELL + CELL / 2,
                        text,
                        text_fill,
                    }
                })
                .collect(),
        })
        .collect();
    HeatmapSvg {
        width: LABEL_WIDTH + map.columns.len().max(1) * CELL + 10,
        height: HEADER_HEIGHT + map.members.len().max(1) * CELL + 10,
        rows,
        columns,
    }
}

pub async fn map(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    RawQuery(raw): RawQuery,
) -> WebResult<Response> {
    let pairs = pairs(raw.as_deref());
    let chosen: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| k == "persoon" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    let unit_filter = value(&pairs, "onderdeel");
    let with_sub_units = value(&pairs, "onderliggend") == "ja";
    let (scope, scope_name) = if !chosen.is_empty() {
        (MapScope::People(chosen), "people")
    } else if value(&pairs, "bereik") == "mijn-mensen" {
        (MapScope::MyReports, "reports")
    } else if !unit_filter.trim().is_empty() {
        (
            MapScope::Unit {
                unit_id: unit_filter.clone(),
                with_sub_units,
            },
            "unit",
        )
    } else {
        (MapScope::MyUnit, "my-unit")
    };
    let map = directory::talent_map(&state.db, &actor, &scope, visitor.locale).await?;
    let klaar = value(&pairs, "klaar");
    let notice = notice_from_query(Some(klaar.as_str()));
    map_page(
        &state,
        &actor,
        Page::new(&visitor, "directory-map").with_notice(notice),
        map,
        unit_filter,
        with_sub_units,
        scope_name,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn map_page(
    state: &AppState,
    actor: &Actor,
    page: Page,
    map: TalentMap,
    unit_filter: String,
    with_sub_units: bool,
    scope: &'static str,
    errors: FormErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let units = unit_options(state, actor, &unit_filter).await?;
    let needable = if map.can_edit_needs {
        directory::needable_talents(&state.db, actor, page.t.locale).await?
    } else {
        Vec::new()
    };
    let svg = heatmap(&map, &page);
    render(
        &MapPage {
            page,
            map,
            units,
            unit_filter,
            with_sub_units,
            scope,
            needable,
            svg,
            errors,
        },
        status,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NeedForm {
    onderdeel: String,
    talent: String,
    niveau: String,
}

pub async fn add_need(
    State(state): State<AppState>,
    SignedIn(actor, visitor): SignedIn,
    Form(form): Form<NeedForm>,
) -> WebResult<Response> {
    match directory::set_needed_talent(
        &state.db,
        &actor,
        &form.onderdeel,
        &form.talent,
        &form.niveau,
    )
    .await
    {
        Ok(()) => {
            Ok(Redirect::to(&map_link(&form.onderdeel, "directory-needs-saved")).into_response())
        }
        Err(ServiceError::Invalid(fields)) => {
            let page = Page::new(&visitor, "directory-map");
            let errors = FormErrors::new(page.t, &fields);
            let map = directory::talent_map(
                &state.db,
                &actor,
                &MapScope::Unit {
                    unit_id: form.onderdeel.clone(),
                    with_sub_units: false,
                },
                visitor.locale,
            )
            .await?;
            map_page(
                &state,
                &actor,
                page,
                map,
                form.onderdeel,
                false,
                "unit",
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_need(
    State(state): State<AppState>,
    SignedIn(actor, _): SignedIn,
    Form(form): Form<NeedForm>,
) -> WebResult<Response> {
    directory::remove_needed_talent(&state.db, &actor, &form.onderdeel, &form.talent).await?;
    Ok(Redirect::to(&map_link(&form.onderdeel, "directory-needs-saved")).into_response())
}

fn map_link(unit_id: &str, notice: &str) -> String {
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    serializer.append_pair("onderdeel", unit_id);
    serializer.append_pair("klaar", notice);
    format!("/talenten/kaart?{}", serializer.finish())
}
