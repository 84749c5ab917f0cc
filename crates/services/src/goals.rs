//! Goals that connect top-down and bottom-up. Management sets the organisation's goals for a
//! cycle, managers set team goals for their unit, and everyone sets personal goals that may
//! contribute to either. A personal goal is seen exactly as a portfolio item with the same
//! visibility ([`Relation`]); organisation and team goals are for the whole organisation.
//! A personal goal can be proposed to the owner's team and, once the manager accepts, become a
//! shared team goal; that history is kept.

use chrono::Datelike;
use kleur_domain::goals::{self as rules, EventKind, Level, Status};
use kleur_domain::portfolio::{Relation, Visibility};
use kleur_domain::{Page, PageRequest, Role};
use kleur_storage::goals::{
    self as store, Event, Goal, GoalChange, GoalFilter, NewGoal, Progress, Viewer,
};
use kleur_storage::people::{self, Person};
use kleur_storage::{Conn, Db, org};
use serde::{Deserialize, Serialize};

use crate::{Actor, FieldError, Result, ServiceError};

/// The cycle pages start in: the current calendar year, like the policy and budget cycle.
pub fn current_cycle() -> i64 {
    i64::from(chrono::Utc::now().year())
}

/// How many goals a page lists at most per group (contributions, the overview's groups).
const LIST_LIMIT: i64 = 500;

async fn me(conn: &mut Conn, actor: &Actor) -> Result<Person> {
    people::get_person(conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

fn viewer<'a>(actor: &Actor, me: &'a Person) -> Viewer<'a> {
    Viewer {
        person_id: &me.id,
        unit_id: me.unit_id.as_deref(),
        is_manager: actor.roles.has(Role::Manager),
    }
}

pub fn level_of(goal: &Goal) -> Level {
    Level::parse(&goal.level).unwrap_or(Level::Personal)
}

pub fn status_of(goal: &Goal) -> Status {
    Status::parse(&goal.status).unwrap_or_default()
}

pub fn visibility_of(goal: &Goal) -> Visibility {
    Visibility::parse(&goal.visibility).unwrap_or_default()
}

/// Whether the person may decide on the pending proposal of this (personal) goal.
fn decides(actor: &Actor, me: &Person, goal: &Goal) -> bool {
    goal.proposed_at.is_some()
        && level_of(goal) == Level::Personal
        && goal.owner_id.as_deref().is_some_and(|owner| {
            rules::decides_proposal(
                &me.id,
                &actor.roles,
                me.unit_id.as_deref(),
                owner,
                goal.owner_unit_id.as_deref(),
                goal.owner_manager_id.as_deref(),
            )
        })
}

/// The one rule for one goal, the same as the list query's: organisation and team goals for
/// everyone, personal goals by [`Relation`], plus the deciders of a pending proposal.
fn may_see(actor: &Actor, me: &Person, goal: &Goal) -> bool {
    if level_of(goal) != Level::Personal {
        return true;
    }
    let Some(owner) = goal.owner_id.as_deref() else {
        return false;
    };
    if owner == me.id {
        return true;
    }
    if goal.owner_active != Some(1) {
        return false;
    }
    let relation = Relation::between(
        &me.id,
        me.unit_id.as_deref(),
        owner,
        goal.owner_unit_id.as_deref(),
        goal.owner_manager_id.as_deref(),
    );
    relation.can_see(visibility_of(goal)) || decides(actor, me, goal)
}

fn may_edit(actor: &Actor, me: &Person, goal: &Goal) -> bool {
    match level_of(goal) {
        Level::Personal => goal.owner_id.as_deref() == Some(me.id.as_str()),
        Level::Team => goal
            .unit_id
            .as_deref()
            .is_some_and(|unit| rules::sets_team_goals(&actor.roles, me.unit_id.as_deref(), unit)),
        Level::Organisation => rules::sets_organisation_goals(&actor.roles),
    }
}

/// Progress on a team goal is shared work: everyone in the unit may report it.
fn may_report(actor: &Actor, me: &Person, goal: &Goal) -> bool {
    may_edit(actor, me, goal)
        || (level_of(goal) == Level::Team
            && goal.unit_id.is_some()
            && goal.unit_id.as_deref() == me.unit_id.as_deref())
}

/// A goal the actor may see, or not found (also for another organisation's goal).
async fn visible_goal(conn: &mut Conn, actor: &Actor, me: &Person, id: &str) -> Result<Goal> {
    store::get(conn, &actor.organisation_id, id)
        .await?
        .filter(|goal| may_see(actor, me, goal))
        .ok_or(ServiceError::NotFound)
}

/// The titles of those of `ids` the actor may see, by id, in one query (for pages that link to
/// many goals at once, such as reflections in a portfolio).
pub async fn visible_titles(
    db: &Db,
    actor: &Actor,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    Ok(store::get_many(&mut conn, &actor.organisation_id, ids)
        .await?
        .into_iter()
        .filter(|goal| may_see(actor, &me, goal))
        .map(|goal| (goal.id, goal.title))
        .collect())
}

/// What the actor may create: the levels, and the units for team goals.
pub fn levels_for(actor: &Actor) -> Vec<Level> {
    let mut levels = vec![Level::Personal];
    if rules::sets_organisation_goals(&actor.roles) || actor.roles.has(Role::Manager) {
        levels.push(Level::Team);
    }
    if rules::sets_organisation_goals(&actor.roles) {
        levels.push(Level::Organisation);
    }
    levels
}

// ---- reading ----

/// The goals page: the actor's own goals, their team's and the organisation's goals of a cycle,
/// what colleagues close by share, and proposals waiting for the actor's decision.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub cycle: i64,
    pub own: Vec<Goal>,
    pub unit_name: Option<String>,
    pub team: Vec<Goal>,
    pub organisation: Vec<Goal>,
    /// Personal goals of teammates and of the people the actor manages that they may see.
    pub shared: Vec<Goal>,
    pub proposals: Vec<Goal>,
    pub levels: Vec<Level>,
    /// For each organisation goal with measured team goals: the average of their progress.
    pub averages: std::collections::HashMap<String, i64>,
}

pub async fn overview(db: &Db, actor: &Actor, cycle: i64) -> Result<Overview> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let viewer = viewer(actor, &me);
    let org_id = actor.organisation_id.as_str();
    let own = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            level: Some(Level::Personal.as_str()),
            cycle: Some(cycle),
            owner_id: Some(&me.id),
            ..Default::default()
        },
        LIST_LIMIT,
    )
    .await?;
    let (team, unit_name) = match me.unit_id.as_deref() {
        Some(unit) => (
            store::all(
                &mut conn,
                org_id,
                &viewer,
                &GoalFilter {
                    level: Some(Level::Team.as_str()),
                    cycle: Some(cycle),
                    unit_id: Some(unit),
                    ..Default::default()
                },
                LIST_LIMIT,
            )
            .await?,
            org::get_unit(&mut conn, org_id, unit)
                .await?
                .map(|u| u.name),
        ),
        None => (Vec::new(), None),
    };
    let organisation = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            level: Some(Level::Organisation.as_str()),
            cycle: Some(cycle),
            ..Default::default()
        },
        LIST_LIMIT,
    )
    .await?;
    let organisation_ids: Vec<String> = organisation.iter().map(|g| g.id.clone()).collect();
    let linked_teams = if organisation_ids.is_empty() {
        Vec::new()
    } else {
        store::all(
            &mut conn,
            org_id,
            &viewer,
            &GoalFilter {
                level: Some(Level::Team.as_str()),
                parent_ids: &organisation_ids,
                ..Default::default()
            },
            LIST_LIMIT * 4,
        )
        .await?
    };
    let averages = organisation_ids
        .iter()
        .filter_map(|id| {
            let teams = linked_teams
                .iter()
                .filter(|t| t.parent_id.as_deref() == Some(id.as_str()));
            rules::aggregate_progress(teams.map(|t| (t.progress, status_of(t))))
                .map(|(average, _)| (id.clone(), average))
        })
        .collect();
    let close_by = GoalFilter {
        level: Some(Level::Personal.as_str()),
        not_owner_id: Some(&me.id),
        owner_unit_id: me.unit_id.as_deref(),
        owner_manager_id: Some(&me.id),
        ..Default::default()
    };
    let shared = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            cycle: Some(cycle),
            ..close_by.clone()
        },
        LIST_LIMIT,
    )
    .await?
    .into_iter()
    .filter(|goal| {
        // A pending proposal is shown to its deciders as a proposal, not as shared.
        let relation = Relation::between(
            &me.id,
            me.unit_id.as_deref(),
            goal.owner_id.as_deref().unwrap_or_default(),
            goal.owner_unit_id.as_deref(),
            goal.owner_manager_id.as_deref(),
        );
        relation.can_see(visibility_of(goal))
    })
    .collect();
    let proposals = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            proposed_only: true,
            ..close_by
        },
        LIST_LIMIT,
    )
    .await?
    .into_iter()
    .filter(|goal| decides(actor, &me, goal))
    .collect();
    Ok(Overview {
        cycle,
        own,
        unit_name,
        team,
        organisation,
        shared,
        proposals,
        levels: levels_for(actor),
        averages,
    })
}

/// One page of every goal the actor may see, optionally of one level and cycle.
pub async fn list(
    db: &Db,
    actor: &Actor,
    level: Option<Level>,
    cycle: Option<i64>,
    request: PageRequest,
) -> Result<Page<Goal>> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let (items, total) = store::list(
        &mut conn,
        &actor.organisation_id,
        &viewer(actor, &me),
        &GoalFilter {
            level: level.map(Level::as_str),
            cycle,
            ..Default::default()
        },
        request.limit(),
        request.offset(),
    )
    .await?;
    Ok(Page {
        items,
        page: request.page,
        per_page: request.per_page,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// A goal that contributes, with the goals that contribute to it in turn.
#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub goal: Goal,
    pub contributions: Vec<Goal>,
}

/// The progress of an organisation goal as its team goals report it.
#[derive(Debug, Clone, Serialize)]
pub struct Aggregate {
    /// The average latest percentage of the linked team goals that gave one (stopped ones left out).
    pub average: Option<i64>,
    /// How many team goals that average is over.
    pub measured: usize,
    pub team_goals: usize,
    /// Every contribution (direct or through a team goal) the viewer may see.
    pub visible_contributions: usize,
}

/// One goal as the actor may see it, with what they may do with it.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub goal: Goal,
    pub is_owner: bool,
    pub can_edit: bool,
    pub can_report: bool,
    pub can_propose: bool,
    pub can_decide: bool,
    /// The goals this one contributes to, the highest first.
    pub parents: Vec<Goal>,
    pub contributions: Vec<Contribution>,
    pub aggregate: Option<Aggregate>,
    /// Newest first.
    pub progress: Vec<Progress>,
    /// Oldest first.
    pub events: Vec<Event>,
}

impl GoalView {
    pub fn level(&self) -> Level {
        level_of(&self.goal)
    }

    pub fn status(&self) -> Status {
        status_of(&self.goal)
    }

    pub fn visibility(&self) -> Visibility {
        visibility_of(&self.goal)
    }

    pub fn is_pending(&self) -> bool {
        self.goal.proposed_at.is_some()
    }
}

pub async fn view(db: &Db, actor: &Actor, id: &str) -> Result<GoalView> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let goal = visible_goal(&mut conn, actor, &me, id).await?;
    let org_id = actor.organisation_id.as_str();
    let viewer = viewer(actor, &me);

    let mut parents = Vec::new();
    let mut next = goal.parent_id.clone();
    while let Some(parent_id) = next.take() {
        if parents.len() >= 3 || parent_id == goal.id {
            break;
        }
        match store::get(&mut conn, org_id, &parent_id).await? {
            Some(parent) if may_see(actor, &me, &parent) => {
                next = parent.parent_id.clone();
                parents.push(parent);
            }
            _ => break,
        }
    }
    parents.reverse();

    let children = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            parent_ids: std::slice::from_ref(&goal.id),
            ..Default::default()
        },
        LIST_LIMIT,
    )
    .await?;
    let child_ids: Vec<String> = children.iter().map(|c| c.id.clone()).collect();
    let grandchildren = if child_ids.is_empty() {
        Vec::new()
    } else {
        store::all(
            &mut conn,
            org_id,
            &viewer,
            &GoalFilter {
                parent_ids: &child_ids,
                ..Default::default()
            },
            LIST_LIMIT,
        )
        .await?
    };
    let visible_contributions = children.len() + grandchildren.len();
    let aggregate = (level_of(&goal) == Level::Organisation).then(|| {
        let teams: Vec<&Goal> = children
            .iter()
            .filter(|c| level_of(c) == Level::Team)
            .collect();
        let summary = rules::aggregate_progress(teams.iter().map(|t| (t.progress, status_of(t))));
        Aggregate {
            average: summary.map(|(average, _)| average),
            measured: summary.map(|(_, count)| count).unwrap_or(0),
            team_goals: teams.len(),
            visible_contributions,
        }
    });
    let mut grandchildren = grandchildren;
    let contributions = children
        .into_iter()
        .map(|child| {
            let (mine, rest): (Vec<Goal>, Vec<Goal>) = std::mem::take(&mut grandchildren)
                .into_iter()
                .partition(|g| g.parent_id.as_deref() == Some(child.id.as_str()));
            grandchildren = rest;
            Contribution {
                goal: child,
                contributions: mine,
            }
        })
        .collect();
    let progress = store::progress_of(&mut conn, org_id, &goal.id).await?;
    let events = store::events_of(&mut conn, org_id, &goal.id).await?;
    let is_owner = level_of(&goal) == Level::Personal && goal.owner_id.as_deref() == Some(&me.id);
    Ok(GoalView {
        is_owner,
        can_edit: may_edit(actor, &me, &goal),
        can_report: may_report(actor, &me, &goal),
        can_propose: is_owner && goal.proposed_at.is_none() && me.unit_id.is_some(),
        can_decide: decides(actor, &me, &goal),
        parents,
        contributions,
        aggregate,
        progress,
        events,
        goal,
    })
}

/// A goal the actor may change (for the edit form): not found when they cannot see it, not
/// allowed when they can but may not change it.
pub async fn editable(db: &Db, actor: &Actor, id: &str) -> Result<Goal> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let goal = visible_goal(&mut conn, actor, &me, id).await?;
    actor.require(may_edit(actor, &me, &goal))?;
    Ok(goal)
}

/// A goal the actor may report progress on.
pub async fn reportable(db: &Db, actor: &Actor, id: &str) -> Result<Goal> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let goal = visible_goal(&mut conn, actor, &me, id).await?;
    actor.require(may_report(actor, &me, &goal))?;
    Ok(goal)
}

/// A personal goal of the actor's that they may propose to their team.
pub async fn proposable(db: &Db, actor: &Actor, id: &str) -> Result<(Goal, Option<String>)> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let goal = visible_goal(&mut conn, actor, &me, id).await?;
    actor.require(
        level_of(&goal) == Level::Personal && goal.owner_id.as_deref() == Some(me.id.as_str()),
    )?;
    let unit_name = match me.unit_id.as_deref() {
        Some(unit) => org::get_unit(&mut conn, &actor.organisation_id, unit)
            .await?
            .map(|u| u.name),
        None => None,
    };
    Ok((goal, unit_name))
}

/// What a goal form offers: the levels the actor may create, the units for a team goal, and the
/// goals of the cycle one can link to.
#[derive(Debug, Clone, Serialize)]
pub struct FormOptions {
    pub levels: Vec<Level>,
    pub units: Vec<org::Unit>,
    pub organisation_goals: Vec<Goal>,
    pub team_goals: Vec<Goal>,
}

pub async fn form_options(
    db: &Db,
    actor: &Actor,
    cycle: i64,
    current_parent: Option<&str>,
) -> Result<FormOptions> {
    let mut conn = db.acquire().await?;
    let me = me(&mut conn, actor).await?;
    let viewer = viewer(actor, &me);
    let org_id = actor.organisation_id.as_str();
    let units = if rules::sets_organisation_goals(&actor.roles) {
        org::list_units(&mut conn, org_id).await?
    } else if actor.roles.has(Role::Manager) {
        match me.unit_id.as_deref() {
            Some(unit) => org::get_unit(&mut conn, org_id, unit)
                .await?
                .into_iter()
                .collect(),
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let organisation_goals = store::all(
        &mut conn,
        org_id,
        &viewer,
        &GoalFilter {
            level: Some(Level::Organisation.as_str()),
            cycle: Some(cycle),
            ..Default::default()
        },
        LIST_LIMIT,
    )
    .await?;
    let mut team_goals = match me.unit_id.as_deref() {
        Some(unit) => {
            store::all(
                &mut conn,
                org_id,
                &viewer,
                &GoalFilter {
                    level: Some(Level::Team.as_str()),
                    cycle: Some(cycle),
                    unit_id: Some(unit),
                    ..Default::default()
                },
                LIST_LIMIT,
            )
            .await?
        }
        None => Vec::new(),
    };
    if let Some(parent_id) = current_parent
        && !organisation_goals.iter().any(|g| g.id == parent_id)
        && !team_goals.iter().any(|g| g.id == parent_id)
        && let Some(parent) = store::get(&mut conn, org_id, parent_id).await?
        && level_of(&parent) == Level::Team
    {
        team_goals.push(parent);
    }
    Ok(FormOptions {
        levels: levels_for(actor),
        units,
        organisation_goals,
        team_goals,
    })
}

// ---- writing ----

/// What a form or API client sends for a goal. When changing a goal, its level and unit stay.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoalInput {
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub cycle: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub unit_id: String,
    #[serde(default)]
    pub parent_id: String,
    #[serde(default)]
    pub visibility: String,
    /// The version the edit started from; an edit of an older version is refused.
    #[serde(default)]
    pub version: Option<i64>,
}

struct Valid {
    cycle: i64,
    title: String,
    description: String,
    parent_id: Option<String>,
    visibility: Visibility,
}

/// Trims text and keeps line breaks; refuses control characters and text over `max`.
fn clean(input: &str, max: usize) -> std::result::Result<String, ()> {
    let value = input.trim().replace("\r\n", "\n");
    if value.chars().count() > max
        || value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(());
    }
    Ok(value)
}

/// Checks the fields that need no database. Errors for every field at once.
fn validate(input: &GoalInput, level: Level) -> Result<Valid> {
    let mut errors = Vec::new();
    let cycle = rules::parse_cycle(&input.cycle).unwrap_or_else(|_| {
        errors.push(FieldError::new("cycle", "goals-error-cycle"));
        0
    });
    let title = match clean(&input.title, rules::TITLE_MAX) {
        Ok(title) if !title.is_empty() && !title.contains('\n') => title,
        _ => {
            errors.push(FieldError::new("title", "goals-error-title"));
            String::new()
        }
    };
    let description = clean(&input.description, rules::DESCRIPTION_MAX).unwrap_or_else(|_| {
        errors.push(FieldError::new("description", "goals-error-description"));
        String::new()
    });
    let visibility = if level == Level::Personal {
        match input.visibility.trim() {
            "" => Visibility::Private,
            text => Visibility::parse(text).unwrap_or_else(|| {
                errors.push(FieldError::new("visibility", "goals-error-visibility"));
                Visibility::Private
            }),
        }
    } else {
        Visibility::Organisation
    };
    let parent_id = Some(input.parent_id.trim())
        .filter(|p| !p.is_empty())
        .map(str::to_owned);
    if parent_id
        .as_deref()
        .is_some_and(|p| p.len() > 64 || !p.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
    {
        errors.push(FieldError::new("parent_id", "goals-error-parent"));
    }
    if errors.is_empty() {
        Ok(Valid {
            cycle,
            title,
            description,
            parent_id,
            visibility,
        })
    } else {
        Err(ServiceError::Invalid(errors))
    }
}

/// The parent must exist in the organisation, be a level up, and be of the same cycle.
async fn check_parent(
    conn: &mut Conn,
    organisation_id: &str,
    level: Level,
    cycle: i64,
    parent_id: Option<&str>,
) -> Result<()> {
    let Some(parent_id) = parent_id else {
        return Ok(());
    };
    let parent = store::get(conn, organisation_id, parent_id)
        .await?
        .filter(|p| level.may_link_to().contains(&level_of(p)))
        .ok_or_else(|| ServiceError::invalid("parent_id", "goals-error-parent"))?;
    if parent.cycle != cycle {
        return Err(ServiceError::invalid(
            "parent_id",
            "goals-error-parent-cycle",
        ));
    }
    Ok(())
}

/// Adds a goal. Personal goals belong to the actor; team goals need the manager role for one's
/// own unit (or management); organisation goals need management or administrator.
pub async fn create(db: &Db, actor: &Actor, input: &GoalInput) -> Result<String> {
    let level = match input.level.trim() {
        "" => Level::Personal,
        text => {
            Level::parse(text).ok_or_else(|| ServiceError::invalid("level", "goals-error-level"))?
        }
    };
    actor.require(levels_for(actor).contains(&level))?;
    let valid = validate(input, level)?;
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    let org_id = actor.organisation_id.as_str();
    let unit_id = match level {
        Level::Team => {
            let unit = match input.unit_id.trim() {
                "" => me.unit_id.clone(),
                unit => Some(unit.to_owned()),
            }
            .ok_or_else(|| ServiceError::invalid("unit_id", "goals-error-unit"))?;
            org::get_unit(&mut tx, org_id, &unit)
                .await?
                .ok_or_else(|| ServiceError::invalid("unit_id", "goals-error-unit"))?;
            actor.require(rules::sets_team_goals(
                &actor.roles,
                me.unit_id.as_deref(),
                &unit,
            ))?;
            Some(unit)
        }
        _ => None,
    };
    check_parent(
        &mut tx,
        org_id,
        level,
        valid.cycle,
        valid.parent_id.as_deref(),
    )
    .await?;
    let now = kleur_storage::now();
    let id = store::insert(
        &mut tx,
        org_id,
        &NewGoal {
            level: level.as_str(),
            cycle: valid.cycle,
            title: &valid.title,
            description: &valid.description,
            owner_id: (level == Level::Personal).then_some(me.id.as_str()),
            unit_id: unit_id.as_deref(),
            parent_id: valid.parent_id.as_deref(),
            visibility: valid.visibility.as_str(),
        },
        &me.id,
        &now,
    )
    .await?;
    store::add_event(
        &mut tx,
        org_id,
        &id,
        EventKind::Created.as_str(),
        &me.id,
        "",
        &now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a goal's text, cycle, link and (for personal goals) visibility. Refused with
/// [`ServiceError::Stale`] when it changed since `input.version`.
pub async fn update(db: &Db, actor: &Actor, id: &str, input: &GoalInput) -> Result<()> {
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    let current = visible_goal(&mut tx, actor, &me, id).await?;
    actor.require(may_edit(actor, &me, &current))?;
    let level = level_of(&current);
    let valid = validate(input, level)?;
    let org_id = actor.organisation_id.as_str();
    check_parent(
        &mut tx,
        org_id,
        level,
        valid.cycle,
        valid.parent_id.as_deref(),
    )
    .await?;
    if valid.cycle != current.cycle && store::child_count(&mut tx, org_id, id).await? > 0 {
        return Err(ServiceError::invalid("cycle", "goals-error-cycle-children"));
    }
    let updated = store::update(
        &mut tx,
        org_id,
        id,
        input.version.unwrap_or(current.version),
        &GoalChange {
            cycle: valid.cycle,
            title: &valid.title,
            description: &valid.description,
            parent_id: valid.parent_id.as_deref(),
            visibility: valid.visibility.as_str(),
        },
    )
    .await?;
    if !updated {
        return Err(ServiceError::Stale);
    }
    tx.commit().await?;
    Ok(())
}

/// A progress update as a form or API client sends it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProgressInput {
    /// 0–100, or empty for a milestone note without a percentage.
    #[serde(default)]
    pub percent: String,
    /// Empty keeps the current status.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub note: String,
}

/// Records progress: a percentage and/or a milestone note, with a status. The goal's owner
/// reports on a personal goal; anyone in the unit (and who sets the goal) on a team goal;
/// management on an organisation goal.
pub async fn add_progress(
    db: &Db,
    actor: &Actor,
    id: &str,
    input: &ProgressInput,
) -> Result<String> {
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    let goal = visible_goal(&mut tx, actor, &me, id).await?;
    actor.require(may_report(actor, &me, &goal))?;
    let mut errors = Vec::new();
    let percent = rules::parse_percent(&input.percent).unwrap_or_else(|_| {
        errors.push(FieldError::new("percent", "goals-error-percent"));
        None
    });
    let status = match input.status.trim() {
        "" => Some(status_of(&goal)),
        text => Status::parse(text),
    };
    if status.is_none() {
        errors.push(FieldError::new("status", "goals-error-status"));
    }
    let note = clean(&input.note, rules::NOTE_MAX).unwrap_or_else(|_| {
        errors.push(FieldError::new("note", "goals-error-note"));
        String::new()
    });
    let status = status.unwrap_or_default();
    if errors.is_empty() && percent.is_none() && note.is_empty() && status == status_of(&goal) {
        errors.push(FieldError::new("percent", "goals-error-progress-empty"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let progress_id = store::add_progress(
        &mut tx,
        &actor.organisation_id,
        id,
        percent,
        status.as_str(),
        &note,
        &me.id,
        &kleur_storage::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(progress_id)
}

/// The owner proposes their personal goal to their team: explicit consent that, once the
/// manager accepts, it becomes a team goal the whole organisation sees. Until then the people
/// who decide can see it.
pub async fn propose(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    let goal = visible_goal(&mut tx, actor, &me, id).await?;
    actor.require(
        level_of(&goal) == Level::Personal && goal.owner_id.as_deref() == Some(me.id.as_str()),
    )?;
    if me.unit_id.is_none() {
        return Err(ServiceError::invalid("proposal", "goals-error-no-team"));
    }
    if goal.proposed_at.is_some() {
        return Err(ServiceError::invalid(
            "proposal",
            "goals-error-already-proposed",
        ));
    }
    let now = kleur_storage::now();
    store::set_proposed(&mut tx, &actor.organisation_id, id, Some(&now)).await?;
    store::add_event(
        &mut tx,
        &actor.organisation_id,
        id,
        EventKind::Proposed.as_str(),
        &me.id,
        "",
        &now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The goal of a pending proposal, if the actor decides on it.
async fn pending_for_decider(
    conn: &mut Conn,
    actor: &Actor,
    me: &Person,
    id: &str,
) -> Result<Goal> {
    let goal = visible_goal(conn, actor, me, id).await?;
    if level_of(&goal) != Level::Personal || goal.proposed_at.is_none() {
        // Someone else decided in the meantime, or it was never proposed.
        return Err(ServiceError::Stale);
    }
    actor.require(decides(actor, me, &goal))?;
    Ok(goal)
}

/// The manager accepts: the goal becomes a shared team goal of the owner's unit, still linked to
/// the organisation goal it served (a team goal cannot contribute to another team goal).
pub async fn accept(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    let goal = pending_for_decider(&mut tx, actor, &me, id).await?;
    let org_id = actor.organisation_id.as_str();
    let unit = goal
        .owner_unit_id
        .clone()
        .ok_or_else(|| ServiceError::invalid("proposal", "goals-error-no-team"))?;
    let parent_id = match goal.parent_id.as_deref() {
        Some(parent_id) => match store::get(&mut tx, org_id, parent_id).await? {
            Some(parent) if level_of(&parent) == Level::Organisation => Some(parent.id),
            Some(parent) => parent.parent_id,
            None => None,
        },
        None => None,
    };
    if !store::make_team_goal(&mut tx, org_id, id, &unit, parent_id.as_deref()).await? {
        return Err(ServiceError::Stale);
    }
    store::add_event(
        &mut tx,
        org_id,
        id,
        EventKind::Accepted.as_str(),
        &me.id,
        "",
        &kleur_storage::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The manager declines, with an optional word of explanation: the goal stays personal.
pub async fn decline(db: &Db, actor: &Actor, id: &str, note: &str) -> Result<()> {
    let note = clean(note, rules::NOTE_MAX)
        .map_err(|_| ServiceError::invalid("note", "goals-error-note"))?;
    let mut tx = db.begin().await?;
    let me = me(&mut tx, actor).await?;
    pending_for_decider(&mut tx, actor, &me, id).await?;
    let org_id = actor.organisation_id.as_str();
    store::set_proposed(&mut tx, org_id, id, None).await?;
    store::add_event(
        &mut tx,
        org_id,
        id,
        EventKind::Declined.as_str(),
        &me.id,
        &note,
        &kleur_storage::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---- demo content ----

fn days_ago(days: i64) -> String {
    kleur_storage::timestamp(chrono::Utc::now() - chrono::Duration::days(days))
}

/// A manager in the unit, if there is one.
async fn manager_in(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Option<String>> {
    let (candidates, _) = people::list_people(
        conn,
        organisation_id,
        &people::PeopleFilter {
            unit_id: Some(unit_id),
            ..Default::default()
        },
        50,
        0,
    )
    .await?;
    for candidate in candidates {
        let roles = people::roles_of(conn, organisation_id, &candidate.id).await?;
        if roles.iter().any(|r| r == Role::Manager.as_str()) {
            return Ok(Some(candidate.id));
        }
    }
    Ok(None)
}

struct Seeder<'a> {
    tx: &'a mut kleur_storage::Tx,
    organisation_id: &'a str,
    cycle: i64,
}

impl Seeder<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn goal(
        &mut self,
        level: Level,
        title: &str,
        description: &str,
        by: &str,
        owner: Option<&str>,
        unit: Option<&str>,
        parent: Option<&str>,
        visibility: Visibility,
        days: i64,
    ) -> Result<String> {
        let at = days_ago(days);
        let id = store::insert(
            self.tx,
            self.organisation_id,
            &NewGoal {
                level: level.as_str(),
                cycle: self.cycle,
                title,
                description,
                owner_id: owner,
                unit_id: unit,
                parent_id: parent,
                visibility: visibility.as_str(),
            },
            by,
            &at,
        )
        .await?;
        store::add_event(
            self.tx,
            self.organisation_id,
            &id,
            EventKind::Created.as_str(),
            by,
            "",
            &at,
        )
        .await?;
        Ok(id)
    }

    /// Progress updates, oldest first: `(days ago, percent, status, note)`.
    async fn progress(
        &mut self,
        goal: &str,
        by: &str,
        updates: &[(i64, Option<i64>, Status, &str)],
    ) -> Result<()> {
        for (days, percent, status, note) in updates {
            store::add_progress(
                self.tx,
                self.organisation_id,
                goal,
                *percent,
                status.as_str(),
                note,
                by,
                &days_ago(*days),
            )
            .await?;
        }
        Ok(())
    }

    async fn event(&mut self, goal: &str, kind: EventKind, by: &str, days: i64) -> Result<()> {
        store::add_event(
            self.tx,
            self.organisation_id,
            goal,
            kind.as_str(),
            by,
            "",
            &days_ago(days),
        )
        .await?;
        Ok(())
    }
}

/// Realistic goals for the demo municipality's current cycle: organisation goals set by the
/// municipal secretary, team goals of a few teams linked to them, personal goals of the demo
/// logins (and some of Sanne's team) with progress, one goal that became a team goal through a
/// proposal, and one proposal waiting for Sanne. Does nothing when the organisation has goals.
pub async fn seed_demo_goals(db: &Db, organisation_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    if store::count(&mut tx, organisation_id).await? > 0 {
        return Ok(());
    }
    let logins = crate::demo::demo_logins();
    let mut ids = Vec::new();
    for login in &logins {
        ids.push(
            people::find_person_by_email(&mut tx, organisation_id, &login.email)
                .await?
                .map(|p| (p.id, p.unit_id)),
        );
    }
    let person = |index: usize| ids.get(index).cloned().flatten();
    let (Some((willem, _)), Some((sanne, Some(noord)))) = (person(5), person(2)) else {
        // Not the demo organisation (or not as the demo made it): nothing to add.
        return Ok(());
    };
    let units = org::list_units(&mut tx, organisation_id).await?;
    let unit_ending = |suffix: &str| {
        units
            .iter()
            .find(|u| u.path_key.ends_with(suffix))
            .map(|u| u.id.clone())
    };
    let klantcontact = unit_ending("klantcontact > team noord");
    let wonen = unit_ending("wonen en duurzaamheid > team noord");
    let po = unit_ending("personeel en organisatie > team noord")
        .or_else(|| unit_ending("personeel en organisatie"));
    let mut coaches = Vec::new();
    for unit in [&klantcontact, &wonen, &po] {
        coaches.push(match unit {
            Some(unit) => manager_in(&mut tx, organisation_id, unit)
                .await?
                .unwrap_or_else(|| willem.clone()),
            None => willem.clone(),
        });
    }
    let teammates: Vec<String> = people::list_people(
        &mut tx,
        organisation_id,
        &people::PeopleFilter {
            unit_id: Some(&noord),
            ..Default::default()
        },
        20,
        0,
    )
    .await?
    .0
    .into_iter()
    .filter(|p| !ids.iter().flatten().any(|(id, _)| *id == p.id))
    .map(|p| p.id)
    .take(3)
    .collect();

    let mut s = Seeder {
        tx: &mut tx,
        organisation_id,
        cycle: current_cycle(),
    };
    use Level::{Organisation, Personal, Team};
    use Status::{Achieved, AtRisk, OnTrack, Open};
    use Visibility as V;

    // Organisation goals, set by the municipal secretary for the cycle.
    let een_overheid = s
        .goal(
            Organisation,
            "Inwoners ervaren één overheid",
            "Wie iets nodig heeft van de gemeente, hoeft niet zelf uit te zoeken bij welk loket dat is. We werken samen over afdelingen heen en geven één duidelijk antwoord.",
            &willem, None, None, None, V::Organisation, 300,
        )
        .await?;
    let lerend = s
        .goal(
            Organisation,
            "Een wendbare, lerende organisatie",
            "We leren van wat we doen, geven elkaar feedback en ontwikkelen ons vak. Collega's sturen zelf hun ontwikkeling, met steun van hun teamcoach.",
            &willem, None, None, None, V::Organisation, 300,
        )
        .await?;
    let meedoen = s
        .goal(
            Organisation,
            "Iedereen doet mee in Elderveen",
            "Meer inwoners hebben werk, volgen een opleiding of hebben een zinvolle dagbesteding. We zoeken samen met inwoners naar wat wél kan.",
            &willem, None, None, None, V::Organisation, 299,
        )
        .await?;
    let duurzaam = s
        .goal(
            Organisation,
            "Een duurzaam en leefbaar Elderveen",
            "We maken woningen en de openbare ruimte klaar voor de toekomst: minder energie, meer groen en veilige straten.",
            &willem, None, None, None, V::Organisation, 299,
        )
        .await?;
    s.progress(
        &lerend,
        &willem,
        &[(
            120,
            None,
            OnTrack,
            "Halverwege het jaar: de meeste teams werken met Kleur en houden intervisie.",
        )],
    )
    .await?;

    // Team goals of Sanne's team (Team Noord, Werk en Inkomen) and three other teams.
    let eerste_gesprek = s
        .goal(
            Team,
            "Binnen vier weken een eerste gesprek met elke nieuwe werkzoekende",
            "Hoe eerder we iemand spreken, hoe groter de kans op werk. We plannen het eerste gesprek binnen vier weken na de aanmelding.",
            &sanne, None, Some(&noord), Some(&meedoen), V::Organisation, 280,
        )
        .await?;
    s.progress(
        &eerste_gesprek,
        &sanne,
        &[
            (
                240,
                Some(20),
                OnTrack,
                "De planning is aangepast; elke dinsdag is er ruimte voor intakes.",
            ),
            (150, Some(40), OnTrack, ""),
            (
                60,
                Some(55),
                OnTrack,
                "In het derde kwartaal lukte het bij 55% binnen vier weken.",
            ),
        ],
    )
    .await?;
    let intervisie = s
        .goal(
            Team,
            "Elke maand een intervisie met het hele team",
            "We bespreken lastige casussen met elkaar en leren van elkaars aanpak.",
            &sanne,
            None,
            Some(&noord),
            Some(&lerend),
            V::Organisation,
            280,
        )
        .await?;
    s.progress(
        &intervisie,
        &sanne,
        &[
            (200, Some(40), OnTrack, "Vier intervisies gehouden."),
            (
                30,
                Some(70),
                OnTrack,
                "Collega's begeleiden de intervisie nu om de beurt zelf.",
            ),
        ],
    )
    .await?;
    if let Some(unit) = &klantcontact {
        let id = s
            .goal(
                Team,
                "Negen van de tien vragen in één keer goed beantwoord",
                "Inwoners krijgen bij hun eerste contact een antwoord, zonder doorverbinden of terugbellen.",
                &coaches[0], None, Some(unit), Some(&een_overheid), V::Organisation, 270,
            )
            .await?;
        s.progress(
            &id,
            &coaches[0],
            &[
                (180, Some(60), OnTrack, "Nieuwe kennisbank in gebruik."),
                (
                    45,
                    Some(80),
                    OnTrack,
                    "Nu 8 van de 10 vragen in één keer goed.",
                ),
            ],
        )
        .await?;
    }
    if let Some(unit) = &wonen {
        let id = s
            .goal(
                Team,
                "200 woningen verduurzaamd via het energieloket",
                "Met advies en de duurzaamheidslening helpen we eigenaren hun huis te isoleren en van het gas af te gaan.",
                &coaches[1], None, Some(unit), Some(&duurzaam), V::Organisation, 270,
            )
            .await?;
        s.progress(
            &id,
            &coaches[1],
            &[
                (
                    150,
                    Some(25),
                    AtRisk,
                    "Minder aanvragen dan verwacht door de lange levertijden.",
                ),
                (
                    40,
                    Some(45),
                    OnTrack,
                    "Na de voorlichtingsavonden in Oost loopt het weer.",
                ),
            ],
        )
        .await?;
    }
    let portfolio_goal = match &po {
        Some(unit) => {
            let id = s
                .goal(
                    Team,
                    "Iedere collega heeft een levend portfolio in Kleur",
                    "We helpen teams op weg met Kleur, samen met de ambassadeurs, zodat iedereen zijn eigen ontwikkeling zichtbaar kan maken.",
                    &coaches[2], None, Some(unit), Some(&lerend), V::Organisation, 260,
                )
                .await?;
            s.progress(
                &id,
                &coaches[2],
                &[(
                    50,
                    Some(35),
                    AtRisk,
                    "Een derde van de collega's is begonnen; de uitleg in teams moet sneller.",
                )],
            )
            .await?;
            Some(id)
        }
        None => None,
    };

    // Personal goals of the demo logins.
    if let Some((daan, _)) = person(3) {
        let id = s
            .goal(
                Personal,
                "Ik word de vraagbaak voor re-integratie van jongeren",
                "Ik verdiep me in de regels en het netwerk rond jongeren tot 27 jaar, zodat collega's bij mij terecht kunnen.",
                &daan, Some(&daan), None, Some(&eerste_gesprek), V::Team, 250,
            )
            .await?;
        s.progress(
            &id,
            &daan,
            &[
                (200, Some(20), OnTrack, "Meegelopen met het jongerenloket."),
                (
                    120,
                    Some(35),
                    OnTrack,
                    "Overzicht van regelingen gemaakt en met het team gedeeld.",
                ),
                (
                    20,
                    Some(50),
                    OnTrack,
                    "Drie collega's vroegen me al om advies.",
                ),
            ],
        )
        .await?;
        let id = s
            .goal(
                Personal,
                "Training motiverende gespreksvoering afronden",
                "Zes trainingsdagen, met oefenen in echte gesprekken.",
                &daan,
                Some(&daan),
                None,
                Some(&lerend),
                V::Manager,
                240,
            )
            .await?;
        s.progress(
            &id,
            &daan,
            &[(
                35,
                Some(60),
                OnTrack,
                "Vier van de zes dagen gedaan. Het werkt: gesprekken lopen rustiger.",
            )],
        )
        .await?;
        // A goal that Daan proposed and Sanne accepted: now a shared team goal.
        let id = s
            .goal(
                Personal,
                "Een wekelijks werkspreekuur in de bibliotheek van Noord",
                "Inwoners kunnen zonder afspraak binnenlopen met vragen over werk en inkomen, dicht bij huis.",
                &daan, Some(&daan), None, Some(&meedoen), V::Team, 210,
            )
            .await?;
        s.event(&id, EventKind::Proposed, &daan, 200).await?;
        s.event(&id, EventKind::Accepted, &sanne, 195).await?;
        store::set_proposed(s.tx, organisation_id, &id, Some(&days_ago(200))).await?;
        store::make_team_goal(s.tx, organisation_id, &id, &noord, Some(&meedoen)).await?;
        s.progress(
            &id,
            &daan,
            &[(
                90,
                Some(30),
                OnTrack,
                "Het spreekuur draait sinds september; gemiddeld zes bezoekers.",
            )],
        )
        .await?;
        // And one waiting for Sanne.
        let id = s
            .goal(
                Personal,
                "Een maatjesproject met vrijwilligers uit de wijk",
                "Vrijwilligers lopen een paar maanden mee met inwoners die weer aan het werk gaan.",
                &daan,
                Some(&daan),
                None,
                Some(&meedoen),
                V::Team,
                14,
            )
            .await?;
        s.event(&id, EventKind::Proposed, &daan, 6).await?;
        store::set_proposed(s.tx, organisation_id, &id, Some(&days_ago(6))).await?;
    }
    let id = s
        .goal(
            Personal,
            "Ik geef mijn team meer eigen regie",
            "Ik stel vaker vragen in plaats van antwoorden te geven, en laat het team zelf de planning maken.",
            &sanne, Some(&sanne), None, Some(&intervisie), V::Organisation, 250,
        )
        .await?;
    s.progress(
        &id,
        &sanne,
        &[
            (160, Some(30), OnTrack, "Het team maakt nu zelf het rooster."),
            (40, Some(50), AtRisk, "Door de drukte val ik soms terug in oude gewoontes. Besproken in mijn eigen intervisie."),
        ],
    )
    .await?;
    if let Some((noor, _)) = person(4) {
        let id = s
            .goal(
                Personal,
                "Als ambassadeur drie teamsessies over Kleur geven",
                "Ik laat collega's zien hoe ze hun portfolio vullen en wat ze ermee kunnen.",
                &noor,
                Some(&noor),
                None,
                Some(&lerend),
                V::Organisation,
                230,
            )
            .await?;
        s.progress(
            &id,
            &noor,
            &[
                (
                    150,
                    Some(33),
                    OnTrack,
                    "Eerste sessie bij Team Noord: veel vragen over wie wat ziet.",
                ),
                (60, Some(67), OnTrack, "Tweede sessie bij Klantcontact."),
            ],
        )
        .await?;
        let id = s
            .goal(
                Personal,
                "Brieven schrijven op taalniveau B1",
                "Mijn adviezen en brieven moeten voor iedereen te begrijpen zijn.",
                &noor,
                Some(&noor),
                None,
                Some(&een_overheid),
                V::Private,
                100,
            )
            .await?;
        s.progress(&id, &noor, &[(30, Some(25), Open, "Cursus gestart.")])
            .await?;
    }
    if let Some((priya, _)) = person(1) {
        s.goal(
            Personal,
            "De ontwikkelgesprekken van volgend jaar voorbereiden met de teamcoaches",
            "Een nieuwe opzet waarin de medewerker de agenda bepaalt.",
            &priya,
            Some(&priya),
            None,
            portfolio_goal.as_deref().or(Some(&lerend)),
            V::Team,
            80,
        )
        .await?;
    }
    if let Some((joost, _)) = person(0) {
        let id = s
            .goal(
                Personal,
                "Kleur koppelen aan het HR-systeem",
                "Mensen en afdelingen komen elke nacht automatisch uit het HR-systeem.",
                &joost,
                Some(&joost),
                None,
                Some(&lerend),
                V::Team,
                220,
            )
            .await?;
        s.progress(
            &id,
            &joost,
            &[
                (
                    150,
                    Some(50),
                    OnTrack,
                    "CSV-export uit het HR-systeem getest.",
                ),
                (70, Some(100), Achieved, "De import draait elke nacht."),
            ],
        )
        .await?;
    }
    let id = s
        .goal(
            Personal,
            "Elk kwartaal een dag meelopen met een team",
            "Ik wil zien wat er op de werkvloer speelt, zonder agenda.",
            &willem,
            Some(&willem),
            None,
            Some(&een_overheid),
            V::Organisation,
            290,
        )
        .await?;
    s.progress(
        &id,
        &willem,
        &[
            (200, Some(25), OnTrack, "Meegelopen met Klantcontact."),
            (
                110,
                Some(50),
                OnTrack,
                "Meegelopen met de buitendienst van Openbare Ruimte.",
            ),
            (
                15,
                Some(75),
                OnTrack,
                "Meegelopen met Team Noord van Werk en Inkomen.",
            ),
        ],
    )
    .await?;

    // A few colleagues in Sanne's team with goals that feed the team's goals.
    let examples: [(&str, &str, &String, Visibility, i64); 3] = [
        (
            "Elke intake binnen twee weken ingepland",
            "Ik plan intakes direct na de aanmelding in.",
            &eerste_gesprek,
            V::Team,
            70,
        ),
        (
            "Een casus inbrengen in de intervisie",
            "Ik durf een casus in te brengen waar ik zelf mee worstel.",
            &intervisie,
            V::Organisation,
            100,
        ),
        (
            "Mijn kennis van de Participatiewet opfrissen",
            "",
            &meedoen,
            V::Private,
            10,
        ),
    ];
    for (colleague, (title, description, parent, visibility, percent)) in
        teammates.iter().zip(examples)
    {
        let id = s
            .goal(
                Personal,
                title,
                description,
                colleague,
                Some(colleague),
                None,
                Some(parent),
                visibility,
                200,
            )
            .await?;
        let status = if percent == 100 { Achieved } else { OnTrack };
        s.progress(&id, colleague, &[(50, Some(percent), status, "")])
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
