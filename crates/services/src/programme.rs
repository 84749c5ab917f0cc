//! The learning-organisation programme. HR and management run the adoption of a new way of
//! working per unit through four phases (verklaren, laden, beleven, verankeren) with activities;
//! they appoint ambassadors, who record the sessions in which they train colleagues (the
//! cascade); teams hold sessions with behavioural intentions and revisit them.
//!
//! The programme is open to everyone in the organisation: it holds no personal data beyond who is
//! an ambassador, who trained whom, and who owns a team intention.

use std::collections::HashMap;

use chrono::Utc;
use kleur_domain::portfolio::parse_date;
use kleur_domain::programme::{self as rules, CascadeNode, IntentionStatus, Phase, Training};
use kleur_domain::{Email, Role};
use kleur_storage::programme::{self as store, Activity, Ambassador, Intention, TeamSession};
use kleur_storage::{Db, org, people};
use serde::{Deserialize, Serialize};

use crate::{Actor, FieldError, Result, ServiceError};

pub const TITLE_MAX: usize = 300;

fn today() -> String {
    Utc::now().date_naive().format("%Y-%m-%d").to_string()
}

fn valid_text(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= TITLE_MAX && !text.chars().any(char::is_control)
}

/// HR and management run the programme.
pub fn runs_programme(actor: &Actor) -> bool {
    actor.roles.has(Role::HrAdviser) || actor.roles.has(Role::Management)
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitLine {
    pub unit_id: String,
    pub name: String,
    pub depth: usize,
    pub phase: Option<Phase>,
    pub reached_on: Option<String>,
    pub ambassadors: usize,
}

/// Every unit with the phase it is in.
pub async fn overview(db: &Db, actor: &Actor) -> Result<Vec<UnitLine>> {
    let units = crate::people::unit_choices(db, actor).await?;
    let mut conn = db.acquire().await?;
    let phases = store::phases(&mut conn, &actor.organisation_id).await?;
    let ambassadors = store::ambassadors(&mut conn, &actor.organisation_id).await?;
    Ok(units
        .into_iter()
        .map(|node| {
            let reached: Vec<(Phase, String)> = phases
                .iter()
                .filter(|(unit, _, _)| *unit == node.unit.id)
                .filter_map(|(_, phase, on)| Phase::parse(phase).map(|p| (p, on.clone())))
                .collect();
            let current = rules::current_phase(&reached.iter().map(|r| r.0).collect::<Vec<_>>());
            UnitLine {
                phase: current,
                reached_on: current
                    .and_then(|c| reached.iter().find(|r| r.0 == c).map(|r| r.1.clone())),
                ambassadors: ambassadors
                    .iter()
                    .filter(|a| a.unit_id == node.unit.id)
                    .count(),
                unit_id: node.unit.id,
                name: node.unit.name,
                depth: node.depth,
            }
        })
        .collect())
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitView {
    pub unit: org::Unit,
    /// The date each phase was reached, in the order of [`Phase::ALL`].
    pub reached: Vec<Option<String>>,
    pub phase: Option<Phase>,
    pub activities: Vec<Activity>,
    pub ambassadors: Vec<Ambassador>,
    pub sessions: Vec<TeamSession>,
    pub intentions: Vec<Intention>,
    /// People of the unit, for choosing an intention's owner.
    pub members: Vec<(String, String)>,
    pub runs: bool,
    pub holds_sessions: bool,
}

async fn unit_of(db: &Db, actor: &Actor, unit_id: &str) -> Result<org::Unit> {
    let mut conn = db.acquire().await?;
    org::get_unit(&mut conn, &actor.organisation_id, unit_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Who may hold team sessions and record intentions for a unit: HR and management, the unit's
/// own people, and its ambassadors.
async fn holds_sessions(db: &Db, actor: &Actor, unit_id: &str) -> Result<bool> {
    if runs_programme(actor) {
        return Ok(true);
    }
    let mut conn = db.acquire().await?;
    let me = people::get_person(&mut conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if me.unit_id.as_deref() == Some(unit_id) {
        return Ok(true);
    }
    Ok(store::ambassadors(&mut conn, &actor.organisation_id)
        .await?
        .iter()
        .any(|a| a.person_id == actor.person_id && a.unit_id == unit_id))
}

pub async fn unit(db: &Db, actor: &Actor, unit_id: &str) -> Result<UnitView> {
    let unit = unit_of(db, actor, unit_id).await?;
    let holds = holds_sessions(db, actor, unit_id).await?;
    let mut conn = db.acquire().await?;
    let phases = store::phases(&mut conn, &actor.organisation_id).await?;
    let reached: Vec<Option<String>> = Phase::ALL
        .iter()
        .map(|p| {
            phases
                .iter()
                .find(|(u, phase, _)| u == unit_id && phase == p.as_str())
                .map(|(_, _, on)| on.clone())
        })
        .collect();
    let phase = Phase::ALL
        .iter()
        .zip(&reached)
        .filter(|(_, r)| r.is_some())
        .map(|(p, _)| *p)
        .max();
    let members = people::list_people(
        &mut conn,
        &actor.organisation_id,
        &people::PeopleFilter {
            search: None,
            unit_id: Some(unit_id),
            manager_id: None,
        },
        500,
        0,
    )
    .await?
    .0
    .into_iter()
    .map(|p| (p.id, p.display_name))
    .collect();
    Ok(UnitView {
        reached,
        phase,
        activities: store::activities(&mut conn, &actor.organisation_id, unit_id).await?,
        ambassadors: store::ambassadors(&mut conn, &actor.organisation_id)
            .await?
            .into_iter()
            .filter(|a| a.unit_id == unit_id)
            .collect(),
        sessions: store::team_sessions(&mut conn, &actor.organisation_id, unit_id).await?,
        intentions: store::intentions_of_unit(&mut conn, &actor.organisation_id, unit_id).await?,
        members,
        runs: runs_programme(actor),
        holds_sessions: holds,
        unit,
    })
}

/// The phase dates as typed: one field per phase, empty when not reached.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PhasesInput {
    #[serde(default)]
    pub verklaren: String,
    #[serde(default)]
    pub laden: String,
    #[serde(default)]
    pub beleven: String,
    #[serde(default)]
    pub verankeren: String,
}

pub async fn set_phases(db: &Db, actor: &Actor, unit_id: &str, input: &PhasesInput) -> Result<()> {
    actor.require(runs_programme(actor))?;
    unit_of(db, actor, unit_id).await?;
    let typed = [
        (Phase::Verklaren, &input.verklaren),
        (Phase::Laden, &input.laden),
        (Phase::Beleven, &input.beleven),
        (Phase::Verankeren, &input.verankeren),
    ];
    let mut dates = Vec::new();
    let mut errors = Vec::new();
    for (phase, text) in typed {
        match parse_date(text) {
            Ok(date) => dates.push((phase, date)),
            Err(_) => errors.push(FieldError::new(phase.as_str(), "programme-error-date")),
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    for (phase, date) in dates {
        store::set_phase(
            &mut tx,
            &actor.organisation_id,
            unit_id,
            phase.as_str(),
            date.as_deref(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ActivityInput {
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub held_on: String,
}

pub async fn add_activity(
    db: &Db,
    actor: &Actor,
    unit_id: &str,
    input: &ActivityInput,
) -> Result<()> {
    actor.require(runs_programme(actor))?;
    unit_of(db, actor, unit_id).await?;
    let mut errors = Vec::new();
    let phase = Phase::parse(&input.phase);
    if phase.is_none() {
        errors.push(FieldError::new("phase", "programme-error-phase"));
    }
    let title = input.title.trim();
    if !valid_text(title) {
        errors.push(FieldError::new("title", "programme-error-title"));
    }
    let held_on = parse_date(&input.held_on).ok().flatten();
    if held_on.is_none() {
        errors.push(FieldError::new("held_on", "programme-error-date"));
    }
    let (Some(phase), Some(held_on)) = (phase, held_on) else {
        return Err(ServiceError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    store::add_activity(
        &mut tx,
        &actor.organisation_id,
        unit_id,
        phase.as_str(),
        title,
        &held_on,
        &actor.person_id,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SessionInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub held_on: String,
}

pub async fn add_session(
    db: &Db,
    actor: &Actor,
    unit_id: &str,
    input: &SessionInput,
) -> Result<String> {
    unit_of(db, actor, unit_id).await?;
    actor.require(holds_sessions(db, actor, unit_id).await?)?;
    let mut errors = Vec::new();
    let title = input.title.trim();
    if !valid_text(title) {
        errors.push(FieldError::new("session_title", "programme-error-title"));
    }
    let held_on = parse_date(&input.held_on).ok().flatten();
    if held_on.is_none() {
        errors.push(FieldError::new("session_held_on", "programme-error-date"));
    }
    let Some(held_on) = held_on.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Invalid(errors));
    };
    let mut tx = db.begin().await?;
    let id = store::add_team_session(
        &mut tx,
        &actor.organisation_id,
        unit_id,
        title,
        &held_on,
        &actor.person_id,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IntentionInput {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub owner_id: String,
}

/// Adds an intention to a team session; returns the unit.
pub async fn add_intention(
    db: &Db,
    actor: &Actor,
    session_id: &str,
    input: &IntentionInput,
) -> Result<String> {
    let mut conn = db.acquire().await?;
    let unit_id = store::session_unit(&mut conn, &actor.organisation_id, session_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    drop(conn);
    actor.require(holds_sessions(db, actor, &unit_id).await?)?;
    let mut errors = Vec::new();
    let text = input.text.trim();
    if !valid_text(text) {
        errors.push(FieldError::new(
            "intention_text",
            "programme-error-intention",
        ));
    }
    let mut tx = db.begin().await?;
    let owner = people::get_person(&mut tx, &actor.organisation_id, input.owner_id.trim())
        .await?
        .filter(|p| p.active == 1);
    if owner.is_none() {
        errors.push(FieldError::new("owner_id", "programme-error-owner"));
    }
    let Some(owner) = owner.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Invalid(errors));
    };
    store::add_intention(&mut tx, &actor.organisation_id, session_id, text, &owner.id).await?;
    tx.commit().await?;
    Ok(unit_id)
}

/// Records what became of an intention (kept, adjusted, dropped, or open again); returns the unit.
pub async fn revisit(db: &Db, actor: &Actor, intention_id: &str, status: &str) -> Result<String> {
    let mut conn = db.acquire().await?;
    let unit_id = store::intention_unit(&mut conn, &actor.organisation_id, intention_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    drop(conn);
    actor.require(holds_sessions(db, actor, &unit_id).await?)?;
    let Some(status) = IntentionStatus::parse(status) else {
        return Err(ServiceError::invalid("status", "programme-error-status"));
    };
    let mut tx = db.begin().await?;
    store::revisit_intention(
        &mut tx,
        &actor.organisation_id,
        intention_id,
        status.as_str(),
        &today(),
    )
    .await?;
    tx.commit().await?;
    Ok(unit_id)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AmbassadorInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub informed_on: String,
    #[serde(default)]
    pub enthused_on: String,
    #[serde(default)]
    pub trained_on: String,
}

/// Appoints a person ambassador for their own unit (or updates their milestones) and gives them
/// the ambassador role.
pub async fn appoint(db: &Db, actor: &Actor, input: &AmbassadorInput) -> Result<()> {
    actor.require(runs_programme(actor))?;
    let mut errors = Vec::new();
    let mut dates = Vec::new();
    for (field, text) in [
        ("informed_on", &input.informed_on),
        ("enthused_on", &input.enthused_on),
        ("trained_on", &input.trained_on),
    ] {
        match parse_date(text) {
            Ok(date) => dates.push(date),
            Err(_) => {
                errors.push(FieldError::new(field, "programme-error-date"));
                dates.push(None);
            }
        }
    }
    let mut tx = db.begin().await?;
    let person = match Email::parse(&input.email) {
        Ok(email) => people::find_person_by_email(&mut tx, &actor.organisation_id, email.as_str())
            .await?
            .filter(|p| p.active == 1 && p.unit_id.is_some()),
        Err(_) => None,
    };
    if person.is_none() {
        errors.push(FieldError::new("email", "programme-error-person"));
    }
    let Some(person) = person.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Invalid(errors));
    };
    let unit_id = person.unit_id.clone().unwrap_or_default();
    store::set_ambassador(
        &mut tx,
        &actor.organisation_id,
        &person.id,
        &unit_id,
        [
            dates[0].as_deref(),
            dates[1].as_deref(),
            dates[2].as_deref(),
        ],
    )
    .await?;
    people::grant_role(
        &mut tx,
        &actor.organisation_id,
        &person.id,
        Role::Ambassador.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TrainingInput {
    /// Only for HR and management: the ambassador who trained (empty: oneself).
    #[serde(default)]
    pub trainer: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub topic: String,
    /// E-mail addresses of the colleagues trained, separated by commas or new lines.
    #[serde(default)]
    pub trainees: String,
}

/// Records a training session: an ambassador records their own, HR and management any
/// ambassador's.
pub async fn add_training(db: &Db, actor: &Actor, input: &TrainingInput) -> Result<()> {
    let mut errors = Vec::new();
    let held_on = parse_date(&input.held_on).ok().flatten();
    if held_on.is_none() {
        errors.push(FieldError::new("training_held_on", "programme-error-date"));
    }
    let topic = input.topic.trim();
    if !valid_text(topic) {
        errors.push(FieldError::new("topic", "programme-error-title"));
    }
    let mut tx = db.begin().await?;
    let ambassadors = store::ambassadors(&mut tx, &actor.organisation_id).await?;
    let trainer = if input.trainer.trim().is_empty() {
        Some(actor.person_id.clone())
    } else if runs_programme(actor) {
        match Email::parse(&input.trainer) {
            Ok(email) => {
                people::find_person_by_email(&mut tx, &actor.organisation_id, email.as_str())
                    .await?
                    .map(|p| p.id)
            }
            Err(_) => None,
        }
    } else {
        None
    };
    let trainer = trainer.filter(|t| ambassadors.iter().any(|a| &a.person_id == t));
    if trainer.is_none() {
        if input.trainer.trim().is_empty() && !runs_programme(actor) {
            return Err(ServiceError::Forbidden);
        }
        errors.push(FieldError::new("trainer", "programme-error-trainer"));
    }
    let mut trainees = Vec::new();
    for text in input
        .trainees
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let found = match Email::parse(text) {
            Ok(email) => {
                people::find_person_by_email(&mut tx, &actor.organisation_id, email.as_str())
                    .await?
                    .filter(|p| p.active == 1)
            }
            Err(_) => None,
        };
        match found {
            Some(person) if Some(&person.id) != trainer.as_ref() => {
                if !trainees.contains(&person.id) {
                    trainees.push(person.id);
                }
            }
            _ => {
                errors.push(FieldError::new("trainees", "programme-error-trainees"));
                break;
            }
        }
    }
    if trainees.is_empty() && !errors.iter().any(|e| e.field == "trainees") {
        errors.push(FieldError::new("trainees", "programme-error-trainees"));
    }
    let (Some(trainer), Some(held_on)) = (trainer, held_on) else {
        return Err(ServiceError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    store::add_training(
        &mut tx,
        &actor.organisation_id,
        &trainer,
        &held_on,
        topic,
        &trainees,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The ambassadors, the cascade of who trained whom (names resolved), and whether the actor may
/// record a training (as an ambassador, or as HR/management).
#[derive(Debug, Clone, Serialize)]
pub struct Cascade {
    pub ambassadors: Vec<Ambassador>,
    pub forest: Vec<CascadeNode>,
    pub names: HashMap<String, String>,
    pub is_ambassador: bool,
    pub runs: bool,
}

pub async fn cascade(db: &Db, actor: &Actor) -> Result<Cascade> {
    let mut conn = db.acquire().await?;
    let ambassadors = store::ambassadors(&mut conn, &actor.organisation_id).await?;
    let trainings: Vec<Training> = store::trainings(&mut conn, &actor.organisation_id)
        .await?
        .into_iter()
        .map(|(trainer, trainee, held_on)| Training {
            trainer,
            trainee,
            held_on,
        })
        .collect();
    let ids: Vec<String> = ambassadors.iter().map(|a| a.person_id.clone()).collect();
    let forest = rules::cascade(&ids, &trainings);
    let mut names = HashMap::new();
    fn collect(node: &CascadeNode, out: &mut Vec<String>) {
        out.push(node.person.clone());
        for child in &node.children {
            collect(child, out);
        }
    }
    let mut everyone = Vec::new();
    for tree in &forest {
        collect(tree, &mut everyone);
    }
    for id in everyone {
        if let Some(person) = people::get_person(&mut conn, &actor.organisation_id, &id).await? {
            names.insert(id, person.display_name);
        }
    }
    Ok(Cascade {
        is_ambassador: ambassadors.iter().any(|a| a.person_id == actor.person_id),
        ambassadors,
        forest,
        names,
        runs: runs_programme(actor),
    })
}

/// Demo programme: Noor's unit is in phase laden with activities, Noor is its ambassador and
/// trained Daan and two colleagues (one of whom trained another), the team held a session with
/// intentions; the other units have just started (verklaren).
pub async fn seed_demo(
    db: &Db,
    organisation_id: &str,
    noor_id: &str,
    daan_id: &str,
    colleagues: &[String],
) -> Result<()> {
    let mut tx = db.begin().await?;
    let Some(noor) = people::get_person(&mut tx, organisation_id, noor_id).await? else {
        return Ok(());
    };
    let Some(unit_id) = noor.unit_id.clone() else {
        return Ok(());
    };
    let date = |days: i64| {
        (Utc::now().date_naive() - chrono::Duration::days(days))
            .format("%Y-%m-%d")
            .to_string()
    };
    for unit in org::list_units(&mut tx, organisation_id).await? {
        store::set_phase(
            &mut tx,
            organisation_id,
            &unit.id,
            "verklaren",
            Some(&date(60)),
        )
        .await?;
    }
    store::set_phase(
        &mut tx,
        organisation_id,
        &unit_id,
        "verklaren",
        Some(&date(150)),
    )
    .await?;
    store::set_phase(&mut tx, organisation_id, &unit_id, "laden", Some(&date(75))).await?;
    for (phase, title, days) in [
        (
            "verklaren",
            "Kick-off: waarom werken we met portfolio's en feedback?",
            150,
        ),
        ("verklaren", "Vragenuur met de gemeentesecretaris", 130),
        ("laden", "Teamdag: wat betekent eigenaarschap voor ons?", 75),
        ("laden", "Verhalen van collega's in het intranet", 40),
    ] {
        store::add_activity(
            &mut tx,
            organisation_id,
            &unit_id,
            phase,
            title,
            &date(days),
            noor_id,
        )
        .await?;
    }
    store::set_ambassador(
        &mut tx,
        organisation_id,
        noor_id,
        &unit_id,
        [Some(&date(160)), Some(&date(140)), Some(&date(120))],
    )
    .await?;
    let mut trainees = vec![daan_id.to_owned()];
    trainees.extend(colleagues.iter().take(2).cloned());
    store::add_training(
        &mut tx,
        organisation_id,
        noor_id,
        &date(90),
        "Kleur: je portfolio en feedback vragen",
        &trainees,
    )
    .await?;
    if let (Some(first), Some(next)) = (colleagues.first(), colleagues.get(2))
        && let Some(person) = people::get_person(&mut tx, organisation_id, first).await?
        && let Some(unit) = person.unit_id
    {
        store::set_ambassador(
            &mut tx,
            organisation_id,
            first,
            &unit,
            [Some(&date(100)), Some(&date(95)), Some(&date(90))],
        )
        .await?;
        people::grant_role(&mut tx, organisation_id, first, Role::Ambassador.as_str()).await?;
        store::add_training(
            &mut tx,
            organisation_id,
            first,
            &date(50),
            "Feedback geven en vragen",
            std::slice::from_ref(next),
        )
        .await?;
    }
    let session = store::add_team_session(
        &mut tx,
        organisation_id,
        &unit_id,
        "Teamsessie: feedback als gewoonte",
        &date(60),
        noor_id,
    )
    .await?;
    store::add_intention(
        &mut tx,
        organisation_id,
        &session,
        "We vragen elkaar na elk project om feedback",
        daan_id,
    )
    .await?;
    store::add_intention(
        &mut tx,
        organisation_id,
        &session,
        "We houden ons portfolio elk kwartaal bij",
        noor_id,
    )
    .await?;
    let intentions = store::intentions_of_unit(&mut tx, organisation_id, &unit_id).await?;
    if let Some(first) = intentions.first() {
        store::revisit_intention(&mut tx, organisation_id, &first.id, "kept", &date(10)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A measure of the adoption dashboard for one unit: hidden when it would describe fewer people
/// than the threshold (a unit smaller than the threshold shows nothing per person).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Measure {
    Shown { people: i64, count: i64 },
    Suppressed,
}

pub const MEASURES: [&str; 5] = [
    "portfolios",
    "feedback",
    "goals",
    "checkins",
    "conversations",
];
pub const DASHBOARD_WEEKS: [i64; 3] = [4, 13, 26];

/// The small-group rule of the dashboard: a count of people is shown only when the unit has at
/// least `threshold` people and the count is zero or at least `threshold`.
pub fn measure(unit_people: i64, people: i64, count: i64, threshold: i64) -> Measure {
    if unit_people >= threshold && (people == 0 || people >= threshold) {
        Measure::Shown { people, count }
    } else {
        Measure::Suppressed
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DashboardRow {
    pub unit_id: String,
    pub name: String,
    pub depth: usize,
    pub phase: Option<Phase>,
    pub people: i64,
    /// In the order of [`MEASURES`].
    pub measures: Vec<Measure>,
    /// Intentions kept, of all intentions of the unit's sessions in the window.
    pub intentions: (i64, i64),
}

/// The adoption dashboard over the last `weeks` weeks, for HR and management.
pub async fn dashboard(db: &Db, actor: &Actor, weeks: i64) -> Result<Vec<DashboardRow>> {
    actor.require(runs_programme(actor))?;
    let weeks = if DASHBOARD_WEEKS.contains(&weeks) {
        weeks
    } else {
        13
    };
    let since = Utc::now() - chrono::Duration::weeks(weeks);
    let units = overview(db, actor).await?;
    let mut conn = db.acquire().await?;
    let data = store::adoption(
        &mut conn,
        &actor.organisation_id,
        &kleur_storage::timestamp(since),
        &since.date_naive().format("%Y-%m-%d").to_string(),
    )
    .await?;
    let threshold = crate::checkins::threshold().get() as i64;
    let find = |name: &str, unit: &str| {
        data.iter()
            .find(|(m, u, _)| *m == name && u.as_deref() == Some(unit))
            .map(|(_, _, v)| v.clone())
            .unwrap_or_default()
    };
    Ok(units
        .into_iter()
        .map(|unit| {
            let people = find("people", &unit.unit_id).people;
            let intentions = find("intentions", &unit.unit_id);
            DashboardRow {
                measures: MEASURES
                    .iter()
                    .map(|m| {
                        let v = find(m, &unit.unit_id);
                        measure(people, v.people, v.count, threshold)
                    })
                    .collect(),
                intentions: (intentions.people, intentions.count),
                people,
                phase: unit.phase,
                unit_id: unit.unit_id,
                name: unit.name,
                depth: unit.depth,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_are_hidden_on_the_dashboard() {
        assert_eq!(measure(2, 2, 5, 3), Measure::Suppressed, "a unit of two");
        assert_eq!(measure(10, 1, 1, 3), Measure::Suppressed, "one person");
        assert_eq!(
            measure(10, 0, 0, 3),
            Measure::Shown {
                people: 0,
                count: 0
            }
        );
        assert_eq!(
            measure(10, 3, 7, 3),
            Measure::Shown {
                people: 3,
                count: 7
            }
        );
    }
}
