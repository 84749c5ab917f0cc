//! Check-ins, private by default. The employee checks in at a rhythm they choose, sees their own
//! trend, and decides what their manager sees (averages over some weeks, notes only if they say
//! so). HR and management see aggregates per unit and month, and only over at least the
//! organisation's minimum group size ([`threshold`]); smaller cells are suppressed.
//!
//! Nobody but the employee ever reads an individual check-in through this module: the manager's
//! view is built from the employee's sharing choice, the organisation view from sums per person.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate, Utc};
use kleur_domain::checkin::{self as rules, Cell, PersonMeans, Rhythm};
use kleur_domain::feedback::Threshold;
use kleur_domain::{Locale, Role};
use kleur_storage::Db;
use kleur_storage::checkins::{self as store, Checkin, PersonTotals, Settings};
use serde::Serialize;

use crate::{Actor, FieldError, Result, ServiceError};

/// The minimum group size for check-in aggregates: the same rule and default as feedback's
/// anonymity threshold, so an organisation has one number to explain.
pub fn threshold() -> Threshold {
    Threshold::DEFAULT
}

/// How many weeks the own trend shows by default, and the choices offered.
pub const TREND_WEEKS: [i64; 3] = [12, 26, 52];
/// The manager's team aggregate covers this many recent weeks.
pub const TEAM_WEEKS: i64 = 4;
/// The organisation overview shows this many months, the current one included.
pub const OVERVIEW_MONTHS: usize = 6;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn rhythm_of(settings: Option<&Settings>) -> Rhythm {
    settings
        .and_then(|s| Rhythm::parse(&s.rhythm))
        .unwrap_or_default()
}

/// The employee's own check-in page.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// `None` until the employee chose a rhythm (then no reminders are sent).
    pub settings: Option<Settings>,
    pub rhythm: Rhythm,
    /// No check-in yet in the current period of the rhythm.
    pub due: bool,
    pub today: String,
    /// Today's check-in, which a new one replaces.
    pub today_checkin: Option<Checkin>,
    /// The check-ins of the chosen window, oldest first.
    pub checkins: Vec<Checkin>,
    pub weeks: i64,
    pub window_start: String,
}

pub async fn overview(db: &Db, actor: &Actor, weeks: i64) -> Result<Overview> {
    let weeks = if TREND_WEEKS.contains(&weeks) {
        weeks
    } else {
        TREND_WEEKS[1]
    };
    let today = today();
    let start = today - Duration::weeks(weeks);
    let mut conn = db.acquire().await?;
    let settings = store::settings(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let rhythm = rhythm_of(settings.as_ref());
    let checkins = store::of_person_since(
        &mut conn,
        &actor.organisation_id,
        &actor.person_id,
        &iso(start.min(rhythm.period_start(today))),
    )
    .await?;
    let period_start = iso(rhythm.period_start(today));
    let due = !checkins.iter().any(|c| c.checked_on >= period_start);
    let today_text = iso(today);
    let today_checkin = checkins
        .iter()
        .find(|c| c.checked_on == today_text)
        .cloned();
    let window_start = iso(start);
    let checkins = checkins
        .into_iter()
        .filter(|c| c.checked_on >= window_start)
        .collect();
    Ok(Overview {
        settings,
        rhythm,
        due,
        today: today_text,
        today_checkin,
        checkins,
        weeks,
        window_start,
    })
}

/// A check-in as typed in the form.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct CheckinInput {
    #[serde(default)]
    pub energy: String,
    #[serde(default)]
    pub workload: String,
    #[serde(default)]
    pub stress: String,
    #[serde(default)]
    pub autonomy: String,
    #[serde(default)]
    pub learning: String,
    #[serde(default)]
    pub note: String,
}

impl CheckinInput {
    pub fn from_checkin(checkin: &Checkin) -> Self {
        Self {
            energy: checkin.energy.to_string(),
            workload: checkin.workload.to_string(),
            stress: checkin.stress.to_string(),
            autonomy: checkin.autonomy.to_string(),
            learning: checkin.learning.to_string(),
            note: checkin.note.clone(),
        }
    }

    pub fn value(&self, dimension: rules::Dimension) -> &str {
        match dimension {
            rules::Dimension::Energy => &self.energy,
            rules::Dimension::Workload => &self.workload,
            rules::Dimension::Stress => &self.stress,
            rules::Dimension::Autonomy => &self.autonomy,
            rules::Dimension::Learning => &self.learning,
        }
    }
}

fn valid_text(text: &str, max: usize) -> bool {
    text.chars().count() <= max
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

/// Saves today's check-in of the actor (replacing an earlier one of today).
pub async fn save(db: &Db, actor: &Actor, input: &CheckinInput) -> Result<()> {
    let mut errors = Vec::new();
    let mut scores = [0u8; 5];
    for dimension in rules::Dimension::ALL {
        match rules::parse_score(input.value(dimension)) {
            Some(score) => scores[dimension.index()] = score,
            None => errors.push(FieldError::new(dimension.as_str(), "checkin-error-score")),
        }
    }
    let note = input.note.trim();
    if !valid_text(note, rules::NOTE_MAX) {
        errors.push(FieldError::new("note", "checkin-error-note"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    store::upsert(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        &iso(today()),
        scores,
        note,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes one of the actor's own check-ins; someone else's is not found.
pub async fn remove(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let removed = store::delete(&mut tx, &actor.organisation_id, &actor.person_id, id).await?;
    tx.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// The settings form as typed.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct SettingsInput {
    #[serde(default)]
    pub rhythm: String,
    #[serde(default)]
    pub reminders: String,
    #[serde(default)]
    pub share_weeks: String,
    #[serde(default)]
    pub share_notes: String,
}

impl SettingsInput {
    pub fn from_settings(settings: Option<&Settings>) -> Self {
        match settings {
            Some(s) => Self {
                rhythm: s.rhythm.clone(),
                reminders: if s.reminders {
                    "on".into()
                } else {
                    String::new()
                },
                share_weeks: s.share_weeks.to_string(),
                share_notes: if s.share_notes {
                    "on".into()
                } else {
                    String::new()
                },
            },
            None => Self {
                rhythm: Rhythm::default().as_str().into(),
                reminders: "on".into(),
                share_weeks: "0".into(),
                share_notes: String::new(),
            },
        }
    }
}

fn checked(value: &str) -> bool {
    matches!(value.trim(), "on" | "ja" | "true" | "1" | "yes")
}

pub async fn save_settings(db: &Db, actor: &Actor, input: &SettingsInput) -> Result<()> {
    let mut errors = Vec::new();
    let rhythm = Rhythm::parse(&input.rhythm);
    if rhythm.is_none() {
        errors.push(FieldError::new("rhythm", "checkin-error-rhythm"));
    }
    let share_weeks = input
        .share_weeks
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|w| rules::SHARE_WEEKS.contains(w));
    if share_weeks.is_none() {
        errors.push(FieldError::new("share_weeks", "checkin-error-share"));
    }
    let (Some(rhythm), Some(share_weeks)) = (rhythm, share_weeks) else {
        return Err(ServiceError::Invalid(errors));
    };
    let mut tx = db.begin().await?;
    let previous = store::settings(&mut tx, &actor.organisation_id, &actor.person_id).await?;
    // A new rhythm starts counting now: no reminder for the period the choice was made in.
    let last_reminded_period = match &previous {
        Some(p) if p.rhythm == rhythm.as_str() => p.last_reminded_period.clone(),
        _ => Some(rhythm.period_key(today())),
    };
    store::set_settings(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        &Settings {
            rhythm: rhythm.as_str().to_owned(),
            reminders: checked(&input.reminders),
            last_reminded_period,
            share_weeks,
            share_notes: share_weeks > 0 && checked(&input.share_notes),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn person_means(totals: &PersonTotals) -> PersonMeans {
    let count = totals.count.max(1) as f64;
    PersonMeans {
        means: totals.sums.map(|s| s as f64 / count),
        checkins: u32::try_from(totals.count).unwrap_or(0),
    }
}

/// What one direct report shares with their manager.
#[derive(Debug, Clone, Serialize)]
pub struct SharedSummary {
    pub person_id: String,
    pub display_name: String,
    pub weeks: i64,
    pub checkins: usize,
    pub averages: Option<[f64; 5]>,
    /// Date and text of the notes, only when the employee shares them.
    pub notes: Vec<(String, String)>,
}

/// The manager's view: the summaries shared with them, and the team aggregate (suppressed below
/// the threshold).
#[derive(Debug, Clone, Serialize)]
pub struct TeamView {
    pub shared: Vec<SharedSummary>,
    pub aggregate: Cell,
    pub weeks: i64,
}

pub async fn team(db: &Db, actor: &Actor) -> Result<TeamView> {
    let mut conn = db.acquire().await?;
    let reports =
        store::sharing_reports(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let mut shared = Vec::new();
    for report in reports {
        let from = iso(today() - Duration::weeks(report.share_weeks));
        let checkins =
            store::of_person_since(&mut conn, &actor.organisation_id, &report.person_id, &from)
                .await?;
        let scores: Vec<_> = checkins.iter().map(Checkin::scores).collect();
        shared.push(SharedSummary {
            person_id: report.person_id,
            display_name: report.display_name,
            weeks: report.share_weeks,
            checkins: checkins.len(),
            averages: rules::averages(&scores),
            notes: if report.share_notes {
                checkins
                    .iter()
                    .filter(|c| !c.note.is_empty())
                    .map(|c| (c.checked_on.clone(), c.note.clone()))
                    .collect()
            } else {
                Vec::new()
            },
        });
    }
    let from = iso(today() - Duration::weeks(TEAM_WEEKS));
    let totals =
        store::totals_of_reports(&mut conn, &actor.organisation_id, &actor.person_id, &from)
            .await?;
    let people: Vec<PersonMeans> = totals.iter().map(person_means).collect();
    Ok(TeamView {
        shared,
        aggregate: rules::cell(&people, threshold()),
        weeks: TEAM_WEEKS,
    })
}

/// Who may see the organisation's aggregates.
pub fn sees_aggregates(actor: &Actor) -> bool {
    actor.roles.has(Role::HrAdviser) || actor.roles.has(Role::Management)
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub unit_id: String,
    pub name: String,
    pub depth: usize,
    /// One cell per month, in the order of [`OrganisationView::months`].
    pub cells: Vec<Cell>,
}

/// Check-in aggregates per unit (the people directly in it) and month, with small-group
/// suppression, for HR and management.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub months: Vec<String>,
    pub units: Vec<UnitRow>,
    pub totals: Vec<Cell>,
    pub threshold: usize,
}

fn months_back(today: NaiveDate, count: usize) -> Vec<String> {
    let mut months = Vec::new();
    let mut day = rules::Rhythm::Monthly.period_start(today);
    for _ in 0..count {
        months.push(day.format("%Y-%m").to_string());
        day = rules::Rhythm::Monthly.period_start(day - Duration::days(1));
    }
    months.reverse();
    months
}

pub async fn organisation(db: &Db, actor: &Actor) -> Result<OrganisationView> {
    actor.require(sees_aggregates(actor))?;
    let months = months_back(today(), OVERVIEW_MONTHS);
    let from = format!("{}-01", months[0]);
    let mut conn = db.acquire().await?;
    let totals = store::totals_by_unit_and_month(&mut conn, &actor.organisation_id, &from).await?;
    drop(conn);
    let units = crate::people::unit_choices(db, actor).await?;
    // unit -> month -> people
    let mut groups: HashMap<Option<String>, BTreeMap<String, Vec<PersonMeans>>> = HashMap::new();
    for row in &totals {
        groups
            .entry(row.unit_id.clone())
            .or_default()
            .entry(row.month.clone())
            .or_default()
            .push(person_means(row));
    }
    let unit_ids: Vec<Option<String>> = units
        .iter()
        .map(|u| Some(u.unit.id.clone()))
        .chain(std::iter::once(None))
        .collect();
    let mut columns: Vec<Vec<Cell>> = Vec::new();
    let mut month_totals = Vec::new();
    for month in &months {
        let column: Vec<Vec<PersonMeans>> = unit_ids
            .iter()
            .map(|unit| {
                groups
                    .get(unit)
                    .and_then(|m| m.get(month))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        let (cells, total) = rules::suppress(&column, threshold());
        columns.push(cells);
        month_totals.push(total);
    }
    let rows = units
        .iter()
        .enumerate()
        .map(|(index, node)| UnitRow {
            unit_id: node.unit.id.clone(),
            name: node.unit.name.clone(),
            depth: node.depth,
            cells: columns.iter().map(|c| c[index].clone()).collect(),
        })
        .collect();
    Ok(OrganisationView {
        months,
        units: rows,
        totals: month_totals,
        threshold: threshold().get(),
    })
}

// ---- reminders ----

/// Queues one reminder per person and period for everyone whose check-in is due on `day`.
/// Safe on several nodes: the period is claimed before the mail is queued, in one transaction.
pub async fn queue_reminders(db: &Db, base_url: &str, day: NaiveDate) -> Result<usize> {
    let mut queued = 0;
    for rhythm in Rhythm::ALL {
        let key = rhythm.period_key(day);
        let start = iso(rhythm.period_start(day));
        // Bounded batches, so one run always ends.
        for _ in 0..100 {
            let mut conn = db.acquire().await?;
            let due = store::due_reminders(&mut conn, rhythm.as_str(), &key, &start, 200).await?;
            drop(conn);
            if due.is_empty() {
                break;
            }
            for person in due {
                let mut tx = db.begin().await?;
                if store::claim_reminder(&mut tx, &person.organisation_id, &person.person_id, &key)
                    .await?
                {
                    let locale = person
                        .locale
                        .as_deref()
                        .and_then(Locale::parse)
                        .unwrap_or_default();
                    let link = format!("{base_url}/check-in");
                    let subject = kleur_i18n::translate(locale, "mail-checkin-subject", &[]);
                    let body = kleur_i18n::translate(
                        locale,
                        "mail-checkin-body",
                        &[
                            ("link", &link),
                            ("settings", &format!("{base_url}/check-in/instellingen")),
                        ],
                    );
                    kleur_storage::outbox::enqueue(
                        &mut tx,
                        &person.organisation_id,
                        &person.email,
                        &subject,
                        &body,
                    )
                    .await?;
                    queued += 1;
                }
                tx.commit().await?;
            }
        }
    }
    Ok(queued)
}

/// Queues due reminders every `interval` until `shutdown` says stop; the outbox worker sends them.
pub async fn run_reminders(
    db: Db,
    base_url: String,
    interval: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if let Err(error) = queue_reminders(&db, &base_url, today()).await {
            tracing::error!(%error, "queueing check-in reminders");
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// At most this many demo people get check-ins, so a very large demo stays quick to create.
pub const MAX_DEMO_PEOPLE: usize = 600;

/// Demo check-ins: a few months of weekly check-ins for these people, and a sharing choice.
pub async fn seed_demo(db: &Db, organisation_id: &str, people: &[(String, bool)]) -> Result<()> {
    let mut tx = db.begin().await?;
    let today = today();
    for (index, (person_id, shares)) in people.iter().enumerate() {
        let seed = index as i64;
        for week in 0..16i64 {
            // From last week back: the current period is still open, so the demo shows a due
            // check-in.
            let day = rules::Rhythm::Weekly.period_start(today) - Duration::weeks(week + 1)
                + Duration::days(seed % 5);
            // A personal level (2-4) with a wobble per week, so trends differ between people.
            let wave = |offset: i64| -> u8 {
                let level = 2 + (seed * 7 + offset) % 3;
                let value = level + (week * (offset + 1) + seed) % 3 - 1;
                u8::try_from(value.clamp(1, 5)).unwrap_or(3)
            };
            let note = if week % 4 == 0 {
                DEMO_NOTES[(week as usize / 4 + index) % DEMO_NOTES.len()]
            } else {
                ""
            };
            store::upsert(
                &mut tx,
                organisation_id,
                person_id,
                &iso(day),
                [wave(0), wave(1), wave(2), wave(3), wave(4)],
                note,
            )
            .await?;
        }
        store::set_settings(
            &mut tx,
            organisation_id,
            person_id,
            &Settings {
                rhythm: Rhythm::Weekly.as_str().to_owned(),
                reminders: true,
                last_reminded_period: Some(Rhythm::Weekly.period_key(today)),
                share_weeks: if *shares { 8 } else { 0 },
                share_notes: false,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

const DEMO_NOTES: &[&str] = &[
    "Drukke week met de begroting, maar het overleg met de wijkteams gaf energie.",
    "Veel geleerd van de sessie over zelforganisatie. Wil dit vaker.",
    "Te veel losse verzoeken tussendoor. Ik wil dit bespreken met het team.",
    "Rustige week, tijd gehad om mijn portfolio bij te werken.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_back_are_consecutive_and_end_now() {
        let day = NaiveDate::from_ymd_opt(2026, 2, 14).expect("date");
        assert_eq!(
            months_back(day, 4),
            vec!["2025-11", "2025-12", "2026-01", "2026-02"]
        );
    }
}
