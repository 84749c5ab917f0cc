//! Development conversations (*ontwikkelgesprek*). The organisation sets the cycle (how many a
//! year, which themes); an employee and their manager plan a conversation, build a shared agenda
//! (portfolio items, goals and feedback reports the manager may already see, and topics),
//! record agreements and follow-up actions, and both confirm the record. A change after
//! confirming asks both to confirm again. Each party's notes are theirs alone.
//!
//! Who sees a conversation: only its two participants. HR and management see no records, only
//! counts of conversations held per unit (in the adoption dashboard).

use chrono::{Months, NaiveDate, Utc};
use kleur_domain::Role;
use kleur_domain::portfolio::parse_date;
use kleur_storage::conversations::{self as store, Action, Conversation, Cycle, Shareable};
use kleur_storage::{Db, people};
use serde::{Deserialize, Serialize};

use crate::{Actor, FieldError, Result, ServiceError};

pub const DEFAULT_PER_YEAR: i64 = 2;
pub const THEME_MAX: usize = 200;
pub const TOPIC_MAX: usize = 500;
pub const AGREEMENTS_MAX: usize = 5000;
pub const NOTE_MAX: usize = 5000;
const LIST_LIMIT: i64 = 200;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn valid_text(text: &str, max: usize) -> bool {
    text.chars().count() <= max
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

pub fn sets_cycle(actor: &Actor) -> bool {
    actor.roles.has(Role::HrAdviser)
}

pub async fn cycle(db: &Db, actor: &Actor) -> Result<Cycle> {
    let mut conn = db.acquire().await?;
    Ok(store::cycle(&mut conn, &actor.organisation_id)
        .await?
        .unwrap_or(Cycle {
            per_year: DEFAULT_PER_YEAR,
            themes: Vec::new(),
        }))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CycleInput {
    #[serde(default)]
    pub per_year: String,
    #[serde(default)]
    pub themes: String,
}

pub async fn set_cycle(db: &Db, actor: &Actor, input: &CycleInput) -> Result<()> {
    actor.require(sets_cycle(actor))?;
    let mut errors = Vec::new();
    let per_year = input
        .per_year
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=12).contains(n));
    if per_year.is_none() {
        errors.push(FieldError::new("per_year", "conversation-error-per-year"));
    }
    let themes: Vec<String> = input
        .themes
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if themes.len() > 20 || themes.iter().any(|t| !valid_text(t, THEME_MAX)) {
        errors.push(FieldError::new("themes", "conversation-error-themes"));
    }
    let Some(per_year) = per_year.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Invalid(errors));
    };
    let mut tx = db.begin().await?;
    store::set_cycle(&mut tx, &actor.organisation_id, &Cycle { per_year, themes }).await?;
    tx.commit().await?;
    Ok(())
}

/// Someone the actor can plan a conversation with: themselves (with their manager) or a direct
/// report.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub employee_id: String,
    pub label: String,
    pub is_self: bool,
}

pub async fn partners(db: &Db, actor: &Actor) -> Result<Vec<Partner>> {
    let mut conn = db.acquire().await?;
    let me = people::get_person(&mut conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut partners = Vec::new();
    if let Some(manager_id) = &me.manager_id
        && let Some(manager) =
            people::get_person(&mut conn, &actor.organisation_id, manager_id).await?
    {
        partners.push(Partner {
            employee_id: me.id.clone(),
            label: manager.display_name,
            is_self: true,
        });
    }
    let today = today().format("%Y-%m-%d").to_string();
    for report in
        store::report_statuses(&mut conn, &actor.organisation_id, &actor.person_id, &today).await?
    {
        partners.push(Partner {
            employee_id: report.person_id,
            label: report.display_name,
            is_self: false,
        });
    }
    Ok(partners)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewInput {
    #[serde(default)]
    pub employee_id: String,
    #[serde(default)]
    pub planned_on: String,
    #[serde(default)]
    pub theme: String,
}

pub async fn create(db: &Db, actor: &Actor, input: &NewInput) -> Result<String> {
    let mut errors = Vec::new();
    let planned_on = parse_date(&input.planned_on).ok().flatten();
    if planned_on.is_none() {
        errors.push(FieldError::new("planned_on", "conversation-error-date"));
    }
    let theme = input.theme.trim();
    let cycle = cycle(db, actor).await?;
    let theme_ok = if cycle.themes.is_empty() {
        valid_text(theme, THEME_MAX)
    } else {
        theme.is_empty() || cycle.themes.iter().any(|t| t == theme)
    };
    if !theme_ok {
        errors.push(FieldError::new("theme", "conversation-error-theme"));
    }
    let mut tx = db.begin().await?;
    let employee = people::get_person(&mut tx, &actor.organisation_id, input.employee_id.trim())
        .await?
        .filter(|p| p.active == 1);
    // The pair: the actor with their own manager, or the actor as the employee's manager.
    let manager_id = match &employee {
        Some(e) if e.id == actor.person_id => e.manager_id.clone(),
        Some(e) if e.manager_id.as_deref() == Some(actor.person_id.as_str()) => {
            Some(actor.person_id.clone())
        }
        _ => None,
    };
    let (Some(employee), Some(manager_id)) = (employee, manager_id) else {
        errors.push(FieldError::new("employee_id", "conversation-error-partner"));
        return Err(ServiceError::Invalid(errors));
    };
    let Some(planned_on) = planned_on.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Invalid(errors));
    };
    let id = store::insert(
        &mut tx,
        &store::NewConversation {
            organisation_id: &actor.organisation_id,
            employee_id: &employee.id,
            manager_id: &manager_id,
            theme,
            planned_on: &planned_on,
            created_by: &actor.person_id,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The conversation if the actor is one of its two participants; otherwise not found (also for
/// HR, management and administrators, and for another organisation).
async fn participant(
    conn: &mut kleur_storage::Conn,
    actor: &Actor,
    id: &str,
) -> Result<Conversation> {
    store::get(conn, &actor.organisation_id, id)
        .await?
        .filter(|c| c.employee_id == actor.person_id || c.manager_id == actor.person_id)
        .ok_or(ServiceError::NotFound)
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub id: String,
    pub kind: String,
    /// The title, or `None` when the reference is no longer visible to the viewer (made private,
    /// removed, no longer shared).
    pub title: Option<String>,
    pub link: Option<String>,
    pub mine: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub conversation: Conversation,
    pub as_employee: bool,
    pub agenda: Vec<AgendaItem>,
    pub actions: Vec<Action>,
    pub my_note: String,
    /// What the employee may put on the agenda (empty for the manager).
    pub shareable: Vec<Shareable>,
    pub confirmed_by_me: bool,
    pub confirmed_by_other: bool,
}

impl View {
    pub fn fully_confirmed(&self) -> bool {
        self.confirmed_by_me && self.confirmed_by_other
    }
}

pub async fn view(db: &Db, actor: &Actor, id: &str) -> Result<View> {
    let mut conn = db.acquire().await?;
    let conversation = participant(&mut conn, actor, id).await?;
    let as_employee = conversation.employee_id == actor.person_id;
    // Resolved live, so an item made private since is hidden again from the manager.
    let visible =
        store::shareable(&mut conn, &actor.organisation_id, &conversation.employee_id).await?;
    let items = store::items(&mut conn, &actor.organisation_id, id).await?;
    let agenda = items
        .into_iter()
        .map(|item| {
            let reference = item
                .ref_id
                .as_deref()
                .and_then(|r| visible.iter().find(|s| s.kind == item.kind && s.id == r));
            let (title, link) = match item.kind.as_str() {
                "topic" => (Some(item.text.clone()), None),
                _ => match reference {
                    Some(s) => (
                        Some(s.title.clone()),
                        Some(match s.kind {
                            "goal" => format!("/doelen/{}", s.id),
                            "feedback" => format!("/feedback/rondes/{}", s.id),
                            _ if as_employee => "/portfolio".to_owned(),
                            _ => format!("/mensen/{}/portfolio", conversation.employee_id),
                        }),
                    ),
                    None => (None, None),
                },
            };
            AgendaItem {
                id: item.id,
                kind: item.kind,
                title,
                link,
                mine: item.added_by == actor.person_id,
            }
        })
        .collect();
    let actions = store::actions(&mut conn, &actor.organisation_id, id).await?;
    let my_note = store::note(&mut conn, &actor.organisation_id, id, &actor.person_id).await?;
    let version = Some(conversation.version);
    let (mine, other) = if as_employee {
        (
            conversation.employee_confirmed,
            conversation.manager_confirmed,
        )
    } else {
        (
            conversation.manager_confirmed,
            conversation.employee_confirmed,
        )
    };
    Ok(View {
        as_employee,
        agenda,
        actions,
        my_note,
        shareable: if as_employee { visible } else { Vec::new() },
        confirmed_by_me: mine == version,
        confirmed_by_other: other == version,
        conversation,
    })
}

pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<Conversation>> {
    let mut conn = db.acquire().await?;
    Ok(store::of_participant(
        &mut conn,
        &actor.organisation_id,
        &actor.person_id,
        LIST_LIMIT,
    )
    .await?)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ItemInput {
    /// `topic`, or `kind:id` of something shareable.
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub text: String,
}

pub async fn add_item(db: &Db, actor: &Actor, id: &str, input: &ItemInput) -> Result<()> {
    let mut tx = db.begin().await?;
    let conversation = participant(&mut tx, actor, id).await?;
    let reference = input.reference.trim();
    if reference.is_empty() || reference == "topic" {
        let text = input.text.trim();
        if text.is_empty() || !valid_text(text, TOPIC_MAX) {
            return Err(ServiceError::invalid("text", "conversation-error-topic"));
        }
        store::add_item(
            &mut tx,
            &actor.organisation_id,
            id,
            "topic",
            None,
            text,
            &actor.person_id,
        )
        .await?;
    } else {
        // Only the employee puts their own portfolio, goals and reports on the agenda, and only
        // what the manager may already see.
        let chosen = if conversation.employee_id == actor.person_id {
            store::shareable(&mut tx, &actor.organisation_id, &actor.person_id)
                .await?
                .into_iter()
                .find(|s| format!("{}:{}", s.kind, s.id) == reference)
        } else {
            None
        };
        let Some(chosen) = chosen else {
            return Err(ServiceError::invalid(
                "reference",
                "conversation-error-reference",
            ));
        };
        store::add_item(
            &mut tx,
            &actor.organisation_id,
            id,
            chosen.kind,
            Some(&chosen.id),
            "",
            &actor.person_id,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn remove_item(db: &Db, actor: &Actor, id: &str, item_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    participant(&mut tx, actor, id).await?;
    let mine = store::items(&mut tx, &actor.organisation_id, id)
        .await?
        .into_iter()
        .any(|i| i.id == item_id && i.added_by == actor.person_id);
    if !mine || !store::remove_item(&mut tx, &actor.organisation_id, id, item_id).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RecordInput {
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub agreements: String,
    #[serde(default)]
    pub version: String,
}

pub async fn save_record(db: &Db, actor: &Actor, id: &str, input: &RecordInput) -> Result<()> {
    let mut errors = Vec::new();
    let held_on = match parse_date(&input.held_on) {
        Ok(date) => date,
        Err(_) => {
            errors.push(FieldError::new("held_on", "conversation-error-date"));
            None
        }
    };
    if held_on
        .as_deref()
        .is_some_and(|d| d > today().format("%Y-%m-%d").to_string().as_str())
    {
        errors.push(FieldError::new("held_on", "conversation-error-held-future"));
    }
    let agreements = input.agreements.trim();
    if !valid_text(agreements, AGREEMENTS_MAX) {
        errors.push(FieldError::new(
            "agreements",
            "conversation-error-agreements",
        ));
    }
    let version = input.version.trim().parse::<i64>().ok();
    let mut tx = db.begin().await?;
    let conversation = participant(&mut tx, actor, id).await?;
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let Some(version) = version.filter(|v| *v == conversation.version) else {
        return Err(ServiceError::Stale);
    };
    if !store::update_record(
        &mut tx,
        &actor.organisation_id,
        id,
        held_on.as_deref(),
        agreements,
        version,
    )
    .await?
    {
        return Err(ServiceError::Stale);
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ActionInput {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
}

pub async fn add_action(db: &Db, actor: &Actor, id: &str, input: &ActionInput) -> Result<()> {
    let mut errors = Vec::new();
    let text = input.text.trim();
    if text.is_empty() || !valid_text(text, TOPIC_MAX) {
        errors.push(FieldError::new("action_text", "conversation-error-action"));
    }
    let owner = input.owner.trim();
    if !matches!(owner, "employee" | "manager") {
        errors.push(FieldError::new("owner", "conversation-error-owner"));
    }
    let due_on = parse_date(&input.due_on).unwrap_or_else(|_| {
        errors.push(FieldError::new("due_on", "conversation-error-date"));
        None
    });
    let mut tx = db.begin().await?;
    participant(&mut tx, actor, id).await?;
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    store::add_action(
        &mut tx,
        &actor.organisation_id,
        id,
        text,
        owner,
        due_on.as_deref(),
    )
    .await?;
    // A new action changes the record: both confirm again.
    store::bump_version(&mut tx, &actor.organisation_id, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Ticks an action off (or on again). Progress on an action is not a change of the record.
pub async fn set_action_done(
    db: &Db,
    actor: &Actor,
    id: &str,
    action_id: &str,
    done: bool,
) -> Result<()> {
    let mut tx = db.begin().await?;
    participant(&mut tx, actor, id).await?;
    if !store::set_action_done(&mut tx, &actor.organisation_id, id, action_id, done).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Confirms the record as it is at `version`. Only a held conversation has a record to confirm.
pub async fn confirm(db: &Db, actor: &Actor, id: &str, version: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let conversation = participant(&mut tx, actor, id).await?;
    if conversation.held_on.is_none() {
        return Err(ServiceError::invalid(
            "confirm",
            "conversation-error-not-held",
        ));
    }
    let Some(version) = version
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v == conversation.version)
    else {
        return Err(ServiceError::Stale);
    };
    let as_employee = conversation.employee_id == actor.person_id;
    if !store::confirm(&mut tx, &actor.organisation_id, id, as_employee, version).await? {
        return Err(ServiceError::Stale);
    }
    tx.commit().await?;
    Ok(())
}

pub async fn save_note(db: &Db, actor: &Actor, id: &str, text: &str) -> Result<()> {
    let text = text.trim();
    if !valid_text(text, NOTE_MAX) {
        return Err(ServiceError::invalid("note", "conversation-error-note"));
    }
    let mut tx = db.begin().await?;
    participant(&mut tx, actor, id).await?;
    store::set_note(&mut tx, &actor.organisation_id, id, &actor.person_id, text).await?;
    tx.commit().await?;
    Ok(())
}

/// Where a direct report stands in the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// A planned date passed without the conversation being held.
    Overdue,
    /// Never held, or the interval since the last one has passed, and nothing planned.
    Due,
    /// Due within 30 days and nothing planned.
    DueSoon,
    Planned,
    OnTrack,
}

/// The rule: one conversation every `12 / per_year` months.
pub fn due_state(
    per_year: i64,
    last_held: Option<&str>,
    next_planned: Option<&str>,
    missed: Option<&str>,
    today: NaiveDate,
) -> (Due, Option<String>) {
    let months = u32::try_from(12 / per_year.clamp(1, 12)).unwrap_or(6);
    let due_on = last_held
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .and_then(|d| d.checked_add_months(Months::new(months)));
    let due_text = due_on.map(|d| d.format("%Y-%m-%d").to_string());
    let state = if missed.is_some() {
        Due::Overdue
    } else if next_planned.is_some() {
        Due::Planned
    } else {
        match due_on {
            None => Due::Due,
            Some(d) if d < today => Due::Overdue,
            Some(d) if d <= today + chrono::Duration::days(30) => Due::DueSoon,
            Some(_) => Due::OnTrack,
        }
    };
    (state, due_text)
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamLine {
    pub person_id: String,
    pub display_name: String,
    pub last_held: Option<String>,
    pub next_planned: Option<String>,
    pub due_on: Option<String>,
    pub state: Due,
}

/// The manager's direct reports and where each stands in the cycle.
pub async fn team(db: &Db, actor: &Actor) -> Result<Vec<TeamLine>> {
    let cycle = cycle(db, actor).await?;
    let today = today();
    let mut conn = db.acquire().await?;
    let statuses = store::report_statuses(
        &mut conn,
        &actor.organisation_id,
        &actor.person_id,
        &today.format("%Y-%m-%d").to_string(),
    )
    .await?;
    Ok(statuses
        .into_iter()
        .map(|s| {
            let (state, due_on) = due_state(
                cycle.per_year,
                s.last_held.as_deref(),
                s.next_planned.as_deref(),
                s.missed.as_deref(),
                today,
            );
            TeamLine {
                person_id: s.person_id,
                display_name: s.display_name,
                last_held: s.last_held,
                next_planned: s.next_planned.or(s.missed),
                due_on,
                state,
            }
        })
        .collect())
}

/// Demo conversations: the organisation's cycle; for Daan with Sanne a held, confirmed
/// conversation with actions and a planned one with an agenda; for Noor a held one she has not
/// confirmed yet. Each with a private note of its own.
pub async fn seed_demo(
    db: &Db,
    organisation_id: &str,
    daan_id: &str,
    noor_id: &str,
    sanne_id: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    store::set_cycle(
        &mut tx,
        organisation_id,
        &Cycle {
            per_year: 2,
            themes: vec![
                "Terugblik en vooruitblik".into(),
                "Ontwikkeling en loopbaan".into(),
                "Werkplezier en balans".into(),
            ],
        },
    )
    .await?;
    let today = today();
    let date = |days: i64| {
        (today + chrono::Duration::days(days))
            .format("%Y-%m-%d")
            .to_string()
    };
    // Daan: held four months ago, confirmed by both.
    let held = store::insert(
        &mut tx,
        &store::NewConversation {
            organisation_id,
            employee_id: daan_id,
            manager_id: sanne_id,
            theme: "Ontwikkeling en loopbaan",
            planned_on: &date(-120),
            created_by: sanne_id,
        },
    )
    .await?;
    store::add_item(
        &mut tx,
        organisation_id,
        &held,
        "topic",
        None,
        "Wat wil Daan over twee jaar doen?",
        daan_id,
    )
    .await?;
    store::add_item(
        &mut tx,
        organisation_id,
        &held,
        "topic",
        None,
        "Ervaringen met het nieuwe klantcontactsysteem",
        sanne_id,
    )
    .await?;
    store::update_record(
        &mut tx,
        organisation_id,
        &held,
        Some(&date(-120)),
        "Daan onderzoekt of hij een rol als werkbegeleider wil. Sanne regelt een meeloopdag bij Team Zorg en Jeugd.",
        1,
    )
    .await?;
    store::add_action(
        &mut tx,
        organisation_id,
        &held,
        "Meeloopdag bij Zorg en Jeugd plannen",
        "manager",
        Some(&date(-90)),
    )
    .await?;
    store::add_action(
        &mut tx,
        organisation_id,
        &held,
        "Talenten en ambities in het portfolio bijwerken",
        "employee",
        Some(&date(-60)),
    )
    .await?;
    store::bump_version(&mut tx, organisation_id, &held).await?;
    store::bump_version(&mut tx, organisation_id, &held).await?;
    for as_employee in [true, false] {
        store::confirm(&mut tx, organisation_id, &held, as_employee, 4).await?;
    }
    for action in store::actions(&mut tx, organisation_id, &held)
        .await?
        .iter()
        .take(1)
    {
        store::set_action_done(&mut tx, organisation_id, &held, &action.id, true).await?;
    }
    store::set_note(
        &mut tx,
        organisation_id,
        &held,
        daan_id,
        "Voor mezelf: ik twijfel nog of ik wel wil begeleiden.",
    )
    .await?;
    // Daan: the next one, in three weeks, with an agenda in the making.
    let planned = store::insert(
        &mut tx,
        &store::NewConversation {
            organisation_id,
            employee_id: daan_id,
            manager_id: sanne_id,
            theme: "Terugblik en vooruitblik",
            planned_on: &date(21),
            created_by: daan_id,
        },
    )
    .await?;
    store::add_item(
        &mut tx,
        organisation_id,
        &planned,
        "topic",
        None,
        "Terugblik op de meeloopdag",
        daan_id,
    )
    .await?;
    if let Some(shared) = store::shareable(&mut tx, organisation_id, daan_id)
        .await?
        .first()
    {
        store::add_item(
            &mut tx,
            organisation_id,
            &planned,
            shared.kind,
            Some(&shared.id),
            "",
            daan_id,
        )
        .await?;
    }
    store::set_note(
        &mut tx,
        organisation_id,
        &planned,
        sanne_id,
        "Daan complimenteren met zijn rol in het project.",
    )
    .await?;
    // Noor: held last week, Sanne confirmed, Noor not yet.
    let noor = store::insert(
        &mut tx,
        &store::NewConversation {
            organisation_id,
            employee_id: noor_id,
            manager_id: sanne_id,
            theme: "Werkplezier en balans",
            planned_on: &date(-7),
            created_by: sanne_id,
        },
    )
    .await?;
    store::update_record(
        &mut tx,
        organisation_id,
        &noor,
        Some(&date(-7)),
        "Noor blijft ambassadeur voor Kleur en krijgt daar vier uur per week voor.",
        1,
    )
    .await?;
    store::confirm(&mut tx, organisation_id, &noor, false, 2).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn due_states_follow_the_cycle() {
        let today = day("2026-11-24");
        assert_eq!(due_state(2, None, None, None, today).0, Due::Due);
        assert_eq!(
            due_state(2, Some("2026-01-10"), None, None, today),
            (Due::Overdue, Some("2026-07-10".into()))
        );
        assert_eq!(
            due_state(2, Some("2026-06-10"), None, None, today).0,
            Due::DueSoon
        );
        assert_eq!(
            due_state(2, Some("2026-10-01"), None, None, today).0,
            Due::OnTrack
        );
        assert_eq!(
            due_state(2, Some("2026-01-10"), Some("2026-12-01"), None, today).0,
            Due::Planned
        );
        assert_eq!(
            due_state(1, Some("2026-10-01"), None, Some("2026-11-01"), today).0,
            Due::Overdue
        );
    }
}
