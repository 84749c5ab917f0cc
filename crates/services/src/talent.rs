//! The team builder and organisation insight.
//!
//! The team builder is for whoever forms project teams (managers, HR, management). It proposes
//! only people who opted in to project teams, and judges them only on the portfolio items the
//! person forming the team may see. Insight is for HR and management and counts only what people
//! shared with the whole organisation, with small groups suppressed.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use kleur_domain::catalogue::{Category, Entry};
use kleur_domain::feedback::Threshold;
use kleur_domain::insight::{self, SafeTable};
use kleur_domain::portfolio::{Relation, Visibility};
use kleur_domain::team_builder::{
    self, BuildError, Candidate, Constraints, MAX_TEAM_SIZE, Request, Requirement, UNRATED_LEVEL,
};
use kleur_storage::talent::{self as store, VisibleTo};
use kleur_storage::{Db, org, people};

use crate::{Actor, FieldError, Result, ServiceError};

/// Requirement rows on the form (a form without JavaScript cannot add rows).
pub const REQUIREMENT_ROWS: usize = 8;
/// Quarters shown in the trend.
pub const TREND_QUARTERS: usize = 6;

pub fn can_build_teams(actor: &Actor) -> bool {
    actor.roles.can_build_teams()
}

pub fn can_see_insight(actor: &Actor) -> bool {
    actor.roles.can_see_insight()
}

/// One requirement row as typed.
#[derive(Debug, Clone, Default)]
pub struct RequirementInput {
    pub talent: String,
    pub weight: String,
    pub level: String,
}

/// The team builder form as sent.
#[derive(Debug, Clone, Default)]
pub struct TeamInput {
    pub requirements: Vec<RequirementInput>,
    pub size: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub max_per_unit: String,
    pub only_available: bool,
}

/// Someone who may be proposed, as listed on the form.
#[derive(Debug, Clone)]
pub struct CandidateSummary {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
}

/// What the form offers: the catalogue and the people who opted in.
#[derive(Debug, Clone)]
pub struct TeamForm {
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    pub candidates: Vec<CandidateSummary>,
}

#[derive(Debug, Clone)]
pub struct ProposedMember {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    /// Catalogue keys only this member brings.
    pub unique: Vec<String>,
    /// Catalogue keys this member shares with someone else in the team.
    pub shared: Vec<String>,
    pub included: bool,
    /// The best replacement and how the team would score with them, as a % of this proposal.
    pub replacement: Option<(String, u32)>,
}

#[derive(Debug, Clone)]
pub struct TeamProposal {
    pub members: Vec<ProposedMember>,
    /// Per required talent (in the order asked): its key and how many members cover it.
    pub coverage: Vec<(String, usize)>,
    pub coverage_percent: u32,
    pub gaps: Vec<String>,
    pub exact: bool,
    pub candidate_count: usize,
    /// A team of other people, with its score as a % of this proposal.
    pub alternative: Option<(Vec<String>, u32)>,
}

/// Unit labels with their parent ("Sociaal Domein › Team Noord"): team names repeat.
fn unit_labels(units: &[org::Unit]) -> HashMap<String, String> {
    let names: HashMap<&str, &str> = units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    units
        .iter()
        .map(|u| {
            let label = match u.parent_id.as_deref().and_then(|p| names.get(p)) {
                Some(parent) => format!("{parent} \u{203a} {}", u.name),
                None => u.name.clone(),
            };
            (u.id.clone(), label)
        })
        .collect()
}

async fn unit_names(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
) -> Result<HashMap<String, String>> {
    Ok(unit_labels(&org::list_units(conn, organisation_id).await?))
}

fn visibilities(relation: Relation) -> Vec<&'static str> {
    relation
        .visible()
        .iter()
        .map(|v| Visibility::as_str(*v))
        .collect()
}

/// The form's choices. Reads: catalogue, categories, candidates, units — a fixed number.
pub async fn team_form(db: &Db, actor: &Actor) -> Result<TeamForm> {
    actor.require(can_build_teams(actor))?;
    let categories = crate::catalogue::categories(db, actor).await?;
    let entries = crate::catalogue::active_entries(db, actor, None).await?;
    let mut conn = db.acquire().await?;
    let viewer = people::get_person(&mut conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (manager, teammate, colleague) = (
        visibilities(Relation::Manager),
        visibilities(Relation::Teammate),
        visibilities(Relation::Colleague),
    );
    let rows = store::team_candidates(
        &mut conn,
        &actor.organisation_id,
        VisibleTo {
            viewer_id: &actor.person_id,
            viewer_unit: viewer.unit_id.as_deref(),
            as_manager: &manager,
            as_teammate: &teammate,
            as_colleague: &colleague,
        },
        &[],
    )
    .await?;
    let units = unit_names(&mut conn, &actor.organisation_id).await?;
    let mut candidates: Vec<CandidateSummary> = Vec::new();
    for row in rows {
        if candidates.last().is_some_and(|c| c.id == row.person_id) {
            continue;
        }
        candidates.push(CandidateSummary {
            unit: row.unit_id.as_ref().and_then(|u| units.get(u).cloned()),
            id: row.person_id,
            name: row.display_name,
        });
    }
    Ok(TeamForm {
        categories,
        entries,
        candidates,
    })
}

fn parse_in_range(text: &str, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    text.trim().parse::<u8>().ok().filter(|n| range.contains(n))
}

/// Checks the form; returns the request or every field error at once.
fn validate(input: &TeamInput, entries: &[Entry]) -> Result<Request> {
    let mut errors = Vec::new();
    let mut requirements: Vec<Requirement> = Vec::new();
    for (index, row) in input.requirements.iter().enumerate() {
        let talent = row.talent.trim();
        if talent.is_empty() {
            continue;
        }
        let field = ROW_FIELDS[index.min(REQUIREMENT_ROWS - 1)];
        if !entries.iter().any(|e| e.key == talent) {
            errors.push(FieldError::new(field, "team-error-talent"));
            continue;
        }
        if requirements.iter().any(|r| r.key == talent) {
            errors.push(FieldError::new(field, "team-error-duplicate"));
            continue;
        }
        let weight = parse_in_range(&row.weight, 1..=5);
        let level = parse_in_range(&row.level, 1..=5);
        match (weight, level) {
            (Some(weight), Some(min_level)) => requirements.push(Requirement {
                key: talent.to_owned(),
                weight,
                min_level,
            }),
            _ => errors.push(FieldError::new(field, "team-error-weight-level")),
        }
    }
    if requirements.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("talent-1", "team-error-no-talents"));
    }
    let size = parse_in_range(&input.size, 1..=MAX_TEAM_SIZE as u8);
    if size.is_none() {
        errors.push(FieldError::new("size", "team-error-size"));
    }
    let max_per_unit = match input.max_per_unit.trim() {
        "" => None,
        text => match parse_in_range(text, 1..=MAX_TEAM_SIZE as u8) {
            Some(n) => Some(usize::from(n)),
            None => {
                errors.push(FieldError::new("max_per_unit", "team-error-max-per-unit"));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    Ok(Request {
        requirements,
        size: usize::from(size.unwrap_or(1)),
        constraints: Constraints {
            must_include: input.include.clone(),
            exclude: input.exclude.clone(),
            max_per_unit,
        },
    })
}

/// Field names of the requirement rows, for errors.
pub const ROW_FIELDS: [&str; REQUIREMENT_ROWS] = [
    "talent-1", "talent-2", "talent-3", "talent-4", "talent-5", "talent-6", "talent-7", "talent-8",
];

fn build_error(error: BuildError) -> ServiceError {
    let (field, key) = match error {
        BuildError::NoRequirements => ("talent-1", "team-error-no-talents"),
        BuildError::TooManyRequirements
        | BuildError::InvalidRequirement
        | BuildError::DuplicateRequirement => ("talent-1", "team-error-weight-level"),
        BuildError::InvalidSize => ("size", "team-error-size"),
        BuildError::UnknownCandidate(_) => ("include", "team-error-unknown-person"),
        BuildError::IncludedAndExcluded(_) => ("exclude", "team-error-included-and-excluded"),
        BuildError::TooManyIncluded => ("include", "team-error-too-many-included"),
        BuildError::IncludedExceedUnitMaximum => ("max_per_unit", "team-error-included-unit"),
        BuildError::TooFewCandidates { .. } => ("size", "team-error-too-few"),
    };
    ServiceError::invalid(field, key)
}

/// Proposes a team. Reads: the viewer, the candidates with their visible talents, the units —
/// a fixed number, however many candidates there are.
pub async fn propose(db: &Db, actor: &Actor, input: &TeamInput) -> Result<TeamProposal> {
    actor.require(can_build_teams(actor))?;
    let entries = crate::catalogue::active_entries(db, actor, None).await?;
    let request = validate(input, &entries)?;
    let keys: Vec<String> = request.requirements.iter().map(|r| r.key.clone()).collect();
    let mut conn = db.acquire().await?;
    let viewer = people::get_person(&mut conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (manager, teammate, colleague) = (
        visibilities(Relation::Manager),
        visibilities(Relation::Teammate),
        visibilities(Relation::Colleague),
    );
    let rows = store::team_candidates(
        &mut conn,
        &actor.organisation_id,
        VisibleTo {
            viewer_id: &actor.person_id,
            viewer_unit: viewer.unit_id.as_deref(),
            as_manager: &manager,
            as_teammate: &teammate,
            as_colleague: &colleague,
        },
        &keys,
    )
    .await?;
    let units = unit_names(&mut conn, &actor.organisation_id).await?;
    drop(conn);

    let today = Utc::now().format("%Y-%m-%d").to_string();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut names: HashMap<String, (String, Option<String>)> = HashMap::new();
    for row in rows {
        let available = row
            .available_from
            .as_deref()
            .is_none_or(|from| from <= today.as_str())
            && row.hours_per_week.is_none_or(|hours| hours > 0);
        // Someone asked for by name stays in, even when not available now.
        if input.only_available
            && !available
            && !request.constraints.must_include.contains(&row.person_id)
        {
            continue;
        }
        if candidates.last().is_none_or(|c| c.id != row.person_id) {
            names.insert(
                row.person_id.clone(),
                (
                    row.display_name.clone(),
                    row.unit_id.as_ref().and_then(|u| units.get(u).cloned()),
                ),
            );
            candidates.push(Candidate {
                id: row.person_id.clone(),
                unit: row.unit_id.clone(),
                talents: Vec::new(),
            });
        }
        if let (Some(key), Some(candidate)) = (row.catalogue_key, candidates.last_mut()) {
            let level = row
                .details
                .as_deref()
                .and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok())
                .and_then(|d| d.get("strength").and_then(serde_json::Value::as_u64))
                .map_or(UNRATED_LEVEL, |s| s.clamp(1, 5) as u8);
            candidate.talents.push((key, level));
        }
    }
    let proposal = team_builder::propose(&request, &candidates).map_err(build_error)?;
    let percent_of = |score: u64| {
        (score * 100)
            .checked_div(proposal.score)
            .map_or(100, |p| p as u32)
    };
    let key = |i: &usize| request.requirements[*i].key.clone();
    let name = |id: &str| names.get(id).map(|n| n.0.clone()).unwrap_or_default();
    Ok(TeamProposal {
        members: proposal
            .members
            .iter()
            .map(|m| ProposedMember {
                id: m.id.clone(),
                name: name(&m.id),
                unit: names.get(&m.id).and_then(|n| n.1.clone()),
                unique: m.unique.iter().map(key).collect(),
                shared: m.shared.iter().map(key).collect(),
                included: m.included,
                replacement: m
                    .replacement
                    .as_ref()
                    .map(|(id, score)| (name(id), percent_of(*score))),
            })
            .collect(),
        coverage: request
            .requirements
            .iter()
            .zip(&proposal.coverage)
            .map(|(r, c)| (r.key.clone(), *c))
            .collect(),
        coverage_percent: proposal.coverage_percent(&request.requirements),
        gaps: proposal.gaps().iter().map(key).collect(),
        exact: proposal.exact,
        candidate_count: candidates.len(),
        alternative: proposal
            .alternative
            .as_ref()
            .map(|(ids, score)| (ids.iter().map(|id| name(id)).collect(), percent_of(*score))),
    })
}

/// A row of the insight heatmap.
#[derive(Debug, Clone)]
pub struct InsightRow {
    /// `None`: people without a unit.
    pub unit_id: Option<String>,
    pub name: Option<String>,
    /// The unit has sub-units: the row can be opened.
    pub has_children: bool,
    /// The row counts only the people directly in the unit being looked into.
    pub direct: bool,
}

#[derive(Debug, Clone)]
pub struct Insight {
    pub threshold: usize,
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    /// The category whose entries are the columns; `None`: the columns are the categories.
    pub category: Option<String>,
    pub rows: Vec<InsightRow>,
    /// Column keys (category or entry keys), in order.
    pub columns: Vec<String>,
    pub table: SafeTable,
    /// The unit being looked into (its id), when not the top.
    pub unit: Option<String>,
    /// Where "one level up" goes: `Some("")` for the top, `None` when at the top already.
    pub up: Option<String>,
    /// Quarters of the trend, oldest first, as (year, quarter); only on the overview.
    pub quarters: Vec<(i32, u8)>,
    /// Per category: people sharing it at the end of each quarter (`None`: too few).
    pub trend: Vec<(String, Vec<Option<u32>>)>,
}

/// Organisation insight: per unit and category (or entry of one category), how many people
/// shared such a quality with the organisation; small groups suppressed.
pub async fn insight(
    db: &Db,
    actor: &Actor,
    category: Option<&str>,
    unit: Option<&str>,
) -> Result<Insight> {
    actor.require(can_see_insight(actor))?;
    let threshold = Threshold::DEFAULT;
    let categories = crate::catalogue::categories(db, actor).await?;
    let entries = crate::catalogue::active_entries(db, actor, None).await?;
    let category = category.filter(|c| !c.is_empty());
    if let Some(key) = category
        && !categories.iter().any(|c| c.key == key)
    {
        return Err(ServiceError::NotFound);
    }
    let columns: Vec<String> = match category {
        Some(key) => entries
            .iter()
            .filter(|e| e.category == key)
            .map(|e| e.key.clone())
            .collect(),
        None => categories.iter().map(|c| c.key.clone()).collect(),
    };
    let category_columns: Vec<String> = categories.iter().map(|c| c.key.clone()).collect();
    let mut conn = db.acquire().await?;
    let units = org::list_units(&mut conn, &actor.organisation_id).await?;
    let category_counts = store::shared_per_unit(&mut conn, &actor.organisation_id, None).await?;
    let entry_counts = match category {
        Some(_) => store::shared_per_unit(&mut conn, &actor.organisation_id, category).await?,
        None => Vec::new(),
    };
    // Rows are one level of the tree: the sub-units of the unit looked into (at the top, of
    // the single root), each counting everyone below it. That keeps the table readable and
    // small, whatever the size of the organisation.
    let by_id: HashMap<&str, &org::Unit> = units.iter().map(|u| (u.id.as_str(), u)).collect();
    let unit = unit.filter(|u| !u.is_empty());
    let roots: Vec<&org::Unit> = units.iter().filter(|u| u.parent_id.is_none()).collect();
    let top: Option<&org::Unit> = match roots.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    // The units from the top down to the one looked into: each table must agree with the one
    // above it, so they are worked out in that order.
    let mut chain: Vec<Option<&org::Unit>> = Vec::new();
    if let Some(id) = unit {
        let mut current = Some(*by_id.get(id).ok_or(ServiceError::NotFound)?);
        while let Some(u) = current {
            chain.push(Some(u));
            if top.is_some_and(|t| t.id == u.id) || chain.len() > units.len() {
                break;
            }
            current = u.parent_id.as_deref().and_then(|p| by_id.get(p).copied());
        }
        if top.is_none()
            || chain.last().and_then(|u| *u).map(|u| u.id.as_str()) != top.map(|t| t.id.as_str())
        {
            chain.push(top);
        }
        chain.reverse();
    } else {
        chain.push(top);
    }
    let has_no_unit_people = category_counts.iter().any(|(u, _, _)| u.is_none());
    let level_rows = |focus: Option<&org::Unit>, at_top: bool| {
        let mut rows: Vec<InsightRow> = Vec::new();
        if let Some(focus) = focus {
            rows.push(InsightRow {
                unit_id: Some(focus.id.clone()),
                name: Some(focus.name.clone()),
                has_children: false,
                direct: true,
            });
        }
        let focus_id = focus.map(|f| f.id.as_str());
        for child in units.iter().filter(|u| u.parent_id.as_deref() == focus_id) {
            rows.push(InsightRow {
                unit_id: Some(child.id.clone()),
                name: Some(child.name.clone()),
                has_children: units
                    .iter()
                    .any(|u| u.parent_id.as_deref() == Some(&child.id)),
                direct: false,
            });
        }
        if at_top && has_no_unit_people {
            rows.push(InsightRow {
                unit_id: None,
                name: None,
                has_children: false,
                direct: false,
            });
        }
        rows
    };
    // The row a person's unit counts in: the unit looked into itself, or the sub-unit above it.
    let row_of = |rows: &[InsightRow], unit_id: &Option<String>| -> Option<usize> {
        let Some(start) = unit_id.as_deref() else {
            return rows.iter().position(|r| r.unit_id.is_none());
        };
        let mut current = Some(start);
        let mut steps = 0;
        while let Some(id) = current {
            if let Some(position) = rows.iter().position(|r| r.unit_id.as_deref() == Some(id)) {
                return Some(position);
            }
            current = by_id.get(id).and_then(|u| u.parent_id.as_deref());
            steps += 1;
            if steps > units.len() {
                return None;
            }
        }
        None
    };
    let matrix =
        |rows: &[InsightRow], counts: &[(Option<String>, String, i64)], columns: &[String]| {
            let mut matrix = vec![vec![0u32; columns.len()]; rows.len()];
            for (unit_id, key, count) in counts {
                let column = columns.iter().position(|c| c == key);
                if let (Some(r), Some(c)) = (row_of(rows, unit_id), column) {
                    matrix[r][c] =
                        matrix[r][c].saturating_add(u32::try_from(*count).unwrap_or(u32::MAX));
                }
            }
            matrix
        };
    // Each table down the chain, kept in line with the one above it.
    let tables = |counts: &[(Option<String>, String, i64)], columns: &[String]| {
        let mut parent: Option<(Vec<InsightRow>, SafeTable)> = None;
        for (depth, focus) in chain.iter().enumerate() {
            let rows = level_rows(*focus, depth == 0 && unit.is_none());
            let mut table = insight::suppress(&matrix(&rows, counts, columns), threshold);
            if let (Some((parent_rows, parent_table)), Some(focus)) = (&parent, focus) {
                let row = parent_rows
                    .iter()
                    .position(|r| !r.direct && r.unit_id.as_deref() == Some(focus.id.as_str()));
                match row {
                    Some(row) => insight::constrain_to_parent(&mut table, &parent_table.cells[row]),
                    None => insight::constrain_to_parent(&mut table, &vec![None; columns.len()]),
                }
            }
            parent = Some((rows, table));
        }
        parent.unwrap_or_else(|| (Vec::new(), insight::suppress(&[], threshold)))
    };
    let (rows, category_table) = tables(&category_counts, &category_columns);
    let table = match category {
        None => category_table.clone(),
        Some(key) => {
            let (_, mut table) = tables(&entry_counts, &columns);
            // Entries must not say more than the domain did for the same rows.
            let column = category_columns.iter().position(|c| c == key);
            let hidden: Vec<usize> = (0..rows.len())
                .filter(|&r| column.is_none_or(|c| category_table.cells[r][c].is_none()))
                .collect();
            insight::hide_rows(&mut table, &hidden);
            table
        }
    };
    let focus = chain.last().copied().flatten();
    let up = unit.map(|_| {
        focus
            .and_then(|f| f.parent_id.as_deref())
            .filter(|parent| by_id.get(parent).is_some_and(|p| p.parent_id.is_some()))
            .unwrap_or_default()
            .to_owned()
    });
    // The trend is organisation-wide: only beside the organisation-wide table, whose column
    // totals it must agree with.
    let (quarters, trend) = if category.is_none() && unit.is_none() {
        let first = store::first_shared_per_category(&mut conn, &actor.organisation_id).await?;
        let now = insight::quarter_of(&kleur_storage::now()).unwrap_or((2026, 1));
        let quarters = insight::quarters_until(now, TREND_QUARTERS);
        let mut per_category: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (key, created_at) in &first {
            let Some(quarter) = insight::quarter_of(created_at) else {
                continue;
            };
            let values = per_category
                .entry(key.as_str())
                .or_insert_with(|| vec![0; quarters.len()]);
            for (i, q) in quarters.iter().enumerate() {
                if quarter <= *q {
                    values[i] += 1;
                }
            }
        }
        let trend = columns
            .iter()
            .enumerate()
            .map(|(c, key)| {
                let values = per_category
                    .get(key.as_str())
                    .cloned()
                    .unwrap_or_else(|| vec![0; quarters.len()]);
                let mut shown = insight::suppress_small(&values, threshold);
                // The current quarter equals the heatmap's column total: hidden there, hidden here.
                if table.column_totals[c].is_none()
                    && let Some(last) = shown.last_mut()
                {
                    *last = None;
                }
                (key.clone(), shown)
            })
            .collect();
        (quarters, trend)
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Insight {
        threshold: threshold.get(),
        categories,
        entries,
        category: category.map(str::to_owned),
        rows,
        columns,
        table,
        unit: unit.map(str::to_owned),
        up,
        quarters,
        trend,
    })
}
