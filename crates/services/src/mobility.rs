//! Internal mobility. Managers and HR post opportunities; employees who opted in (availability,
//! in their portfolio's ambitions section) see them ranked by fit, with the reasons; they express
//! interest, and the poster and HR see a ranked, explained shortlist, invite people to apply and
//! record the outcome. Matching reads only what people made visible to the whole organisation
//! (see [`kleur_domain::mobility`]). Mail goes through the outbox in the same transaction.

use std::collections::HashMap;

use kleur_domain::mobility::{
    self as rules, Ambition, Fit, HoursProblem, Kind, MATCHED_VISIBILITY, Matcher, Profile, Status,
    Wanted,
};
use kleur_domain::portfolio::parse_date;
use kleur_domain::{Locale, Page, PageRequest, Role};
use kleur_storage::availability::{self, Availability};
use kleur_storage::mobility::{
    self as store, Candidate, Filter, Interest, MatchItem, NewOpportunity, Opportunity,
    WantedTalent,
};
use kleur_storage::people::{self, Person};
use kleur_storage::{Conn, Db, org, outbox};
use serde::{Deserialize, Serialize};

use crate::{Actor, FieldError, Result, ServiceError, Settings};

/// How many suggested people the shortlist shows at most.
pub const SUGGESTIONS_MAX: usize = 20;

/// Today as an ISO date, the form every date here is compared in.
pub fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// Managers and HR advisers post opportunities.
pub fn can_post(actor: &Actor) -> bool {
    actor.roles.has(Role::Manager) || actor.roles.has(Role::HrAdviser)
}

fn is_hr(actor: &Actor) -> bool {
    actor.roles.has(Role::HrAdviser)
}

pub fn status_of(opportunity: &Opportunity) -> Status {
    Status::parse(&opportunity.status).unwrap_or(Status::Draft)
}

pub fn kind_of(opportunity: &Opportunity) -> Kind {
    Kind::parse(&opportunity.kind).unwrap_or(Kind::Project)
}

/// The poster and HR manage an opportunity and see its shortlist; nobody else.
pub fn may_manage(actor: &Actor, opportunity: &Opportunity) -> bool {
    opportunity.poster_id == actor.person_id || is_hr(actor)
}

/// A draft is for those who manage it; everything else for the whole organisation.
fn may_see(actor: &Actor, opportunity: &Opportunity) -> bool {
    status_of(opportunity) != Status::Draft || may_manage(actor, opportunity)
}

async fn visible(conn: &mut Conn, actor: &Actor, id: &str) -> Result<Opportunity> {
    store::get(conn, &actor.organisation_id, id)
        .await?
        .filter(|o| may_see(actor, o))
        .ok_or(ServiceError::NotFound)
}

/// An opportunity the actor manages; not found for anyone who may not even see it.
async fn managed(conn: &mut Conn, actor: &Actor, id: &str) -> Result<Opportunity> {
    let opportunity = visible(conn, actor, id).await?;
    actor.require(may_manage(actor, &opportunity))?;
    Ok(opportunity)
}

// ---- posting ----

/// What the opportunity form or an API client sends.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OpportunityInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub hours_per_week: String,
    pub duration_months: String,
    pub unit_id: String,
    pub location: String,
    pub start_date: String,
    pub closing_date: String,
    /// Catalogue keys.
    pub required: Vec<String>,
    pub nice: Vec<String>,
    pub version: Option<i64>,
}

impl OpportunityInput {
    pub fn from_opportunity(opportunity: &Opportunity, talents: &[WantedTalent]) -> Self {
        Self {
            kind: opportunity.kind.clone(),
            title: opportunity.title.clone(),
            description: opportunity.description.clone(),
            hours_per_week: opportunity.hours_per_week.to_string(),
            duration_months: opportunity
                .duration_months
                .map(|m| m.to_string())
                .unwrap_or_default(),
            unit_id: opportunity.unit_id.clone().unwrap_or_default(),
            location: opportunity.location.clone(),
            start_date: opportunity.start_date.clone().unwrap_or_default(),
            closing_date: opportunity.closing_date.clone(),
            required: talents
                .iter()
                .filter(|t| t.required == 1)
                .map(|t| t.entry_key.clone())
                .collect(),
            nice: talents
                .iter()
                .filter(|t| t.required != 1)
                .map(|t| t.entry_key.clone())
                .collect(),
            version: Some(opportunity.version),
        }
    }
}

struct Valid {
    kind: Kind,
    title: String,
    description: String,
    hours: i64,
    duration: Option<i64>,
    unit_id: Option<String>,
    location: String,
    start_date: Option<String>,
    closing_date: String,
    talents: Vec<(String, bool)>,
}

/// Trimmed text without control characters (new lines allowed when `multiline`).
fn clean(
    value: &str,
    max: usize,
    required: bool,
    multiline: bool,
) -> std::result::Result<String, &'static str> {
    let value = value.trim().replace("\r\n", "\n");
    if value.is_empty() {
        return if required {
            Err("error-title-required")
        } else {
            Ok(String::new())
        };
    }
    if value.chars().count() > max {
        return Err("error-text-too-long");
    }
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
    {
        return Err("error-text-control");
    }
    Ok(value)
}

fn hours_error(problem: HoursProblem) -> &'static str {
    match problem {
        HoursProblem::Missing => "mobility-error-hours-missing",
        HoursProblem::NotANumber | HoursProblem::NotPositive => "mobility-error-hours-number",
        HoursProblem::MoreThanAWeek => "mobility-error-hours-week",
        HoursProblem::NotSensible => "mobility-error-hours-sensible",
    }
}

async fn validate(conn: &mut Conn, actor: &Actor, input: &OpportunityInput) -> Result<Valid> {
    let mut errors = Vec::new();
    let kind = Kind::parse(&input.kind);
    if kind.is_none() {
        errors.push(FieldError::new("kind", "mobility-error-kind"));
    }
    let mut text = |field: &'static str, value: &str, max: usize, required: bool, multi: bool| {
        clean(value, max, required, multi).unwrap_or_else(|key| {
            errors.push(FieldError::new(field, key));
            String::new()
        })
    };
    let title = text("title", &input.title, rules::TITLE_MAX, true, false);
    let description = text(
        "description",
        &input.description,
        rules::DESCRIPTION_MAX,
        false,
        true,
    );
    let location = text(
        "location",
        &input.location,
        rules::LOCATION_MAX,
        false,
        false,
    );
    let hours = match rules::parse_hours(&input.hours_per_week) {
        Ok(Some(hours)) => hours,
        Ok(None) => {
            errors.push(FieldError::new(
                "hours_per_week",
                hours_error(HoursProblem::Missing),
            ));
            0
        }
        Err(problem) => {
            errors.push(FieldError::new("hours_per_week", hours_error(problem)));
            0
        }
    };
    let duration = rules::parse_duration(&input.duration_months).unwrap_or_else(|_| {
        errors.push(FieldError::new(
            "duration_months",
            "mobility-error-duration",
        ));
        None
    });
    let unit_id = match input.unit_id.trim() {
        "" => None,
        unit => match org::get_unit(conn, &actor.organisation_id, unit).await? {
            Some(unit) => Some(unit.id),
            None => {
                errors.push(FieldError::new("unit_id", "error-unit-unknown"));
                None
            }
        },
    };
    let start_date = parse_date(&input.start_date).unwrap_or_else(|_| {
        errors.push(FieldError::new("start_date", "error-date"));
        None
    });
    let closing_date = match parse_date(&input.closing_date) {
        Ok(Some(date)) if date < today() => {
            errors.push(FieldError::new(
                "closing_date",
                "mobility-error-closing-past",
            ));
            String::new()
        }
        Ok(Some(date)) => date,
        Ok(None) => {
            errors.push(FieldError::new(
                "closing_date",
                "mobility-error-closing-missing",
            ));
            String::new()
        }
        Err(_) => {
            errors.push(FieldError::new("closing_date", "error-date"));
            String::new()
        }
    };
    if let Some(start) = &start_date
        && !closing_date.is_empty()
        && *start < closing_date
    {
        errors.push(FieldError::new(
            "start_date",
            "mobility-error-start-before-closing",
        ));
    }
    let active: Vec<String> =
        kleur_storage::catalogue::active_entries(conn, &actor.organisation_id, "")
            .await?
            .into_iter()
            .map(|e| e.entry_key)
            .collect();
    let mut talents: Vec<(String, bool)> = Vec::new();
    for (field, list, required) in [
        ("required", &input.required, true),
        ("nice", &input.nice, false),
    ] {
        let mut count = 0;
        for key in list.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
            if !active.iter().any(|a| a == key) {
                errors.push(FieldError::new(field, "mobility-error-talent"));
                break;
            }
            if talents.iter().any(|(k, _)| k == key) {
                continue;
            }
            talents.push((key.to_owned(), required));
            count += 1;
        }
        if count > rules::TALENTS_MAX {
            errors.push(FieldError::new(field, "mobility-error-talents-many"));
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    Ok(Valid {
        kind: kind.unwrap_or(Kind::Project),
        title,
        description,
        hours,
        duration,
        unit_id,
        location,
        start_date,
        closing_date,
        talents,
    })
}

impl Valid {
    fn new_opportunity(&self) -> NewOpportunity<'_> {
        NewOpportunity {
            kind: self.kind.as_str(),
            title: &self.title,
            description: &self.description,
            hours_per_week: self.hours,
            duration_months: self.duration,
            unit_id: self.unit_id.as_deref(),
            location: &self.location,
            start_date: self.start_date.as_deref(),
            closing_date: &self.closing_date,
        }
    }
}

/// Posts a new opportunity as a draft: only the poster and HR see it until it is published.
pub async fn create(db: &Db, actor: &Actor, input: &OpportunityInput) -> Result<String> {
    actor.require(can_post(actor))?;
    crate::catalogue::ensure_catalogue(db, &actor.organisation_id).await?;
    let mut tx = db.begin().await?;
    let valid = validate(&mut tx, actor, input).await?;
    let id = store::insert(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        &valid.new_opportunity(),
    )
    .await?;
    store::set_talents(&mut tx, &actor.organisation_id, &id, &valid.talents).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a draft or published opportunity; ended ones are history and stay as they were.
pub async fn update(db: &Db, actor: &Actor, id: &str, input: &OpportunityInput) -> Result<()> {
    crate::catalogue::ensure_catalogue(db, &actor.organisation_id).await?;
    let mut tx = db.begin().await?;
    let opportunity = managed(&mut tx, actor, id).await?;
    if status_of(&opportunity).is_ended() {
        return Err(ServiceError::invalid("status", "mobility-error-ended"));
    }
    let valid = validate(&mut tx, actor, input).await?;
    let version = input.version.unwrap_or(opportunity.version);
    if !store::update(
        &mut tx,
        &actor.organisation_id,
        id,
        version,
        &valid.new_opportunity(),
    )
    .await?
    {
        return Err(ServiceError::Stale);
    }
    store::set_talents(&mut tx, &actor.organisation_id, id, &valid.talents).await?;
    tx.commit().await?;
    Ok(())
}

/// The opportunity with its talents, for the edit form.
pub async fn editable(
    db: &Db,
    actor: &Actor,
    id: &str,
) -> Result<(Opportunity, Vec<WantedTalent>)> {
    let mut conn = db.acquire().await?;
    let opportunity = managed(&mut conn, actor, id).await?;
    if status_of(&opportunity).is_ended() {
        return Err(ServiceError::invalid("status", "mobility-error-ended"));
    }
    let talents = store::talents_of(&mut conn, &actor.organisation_id, &[id.to_owned()]).await?;
    Ok((opportunity, talents))
}

/// Publishes a draft: from now on everyone in the organisation sees it.
pub async fn publish(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let opportunity = managed(&mut tx, actor, id).await?;
    if opportunity.closing_date < today() {
        return Err(ServiceError::invalid(
            "closing_date",
            "mobility-error-closing-past",
        ));
    }
    if !store::set_status(
        &mut tx,
        &actor.organisation_id,
        id,
        &[Status::Draft.as_str()],
        Status::Published.as_str(),
        None,
        "",
    )
    .await?
    {
        return Err(ServiceError::invalid("status", "mobility-error-not-draft"));
    }
    tx.commit().await?;
    Ok(())
}

/// How it ended: filled (optionally by whom) or closed, with a note.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeInput {
    /// `filled` or `closed`.
    pub outcome: String,
    pub person_id: String,
    pub note: String,
}

/// Ends the opportunity and records the outcome. Everyone with live interest hears of it by mail.
pub async fn record_outcome(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: &str,
    input: &OutcomeInput,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let opportunity = managed(&mut tx, actor, id).await?;
    let mut errors = Vec::new();
    let status = match Status::parse(&input.outcome) {
        Some(status @ (Status::Filled | Status::Closed)) => status,
        _ => {
            errors.push(FieldError::new("outcome", "mobility-error-outcome"));
            Status::Closed
        }
    };
    let note = clean(&input.note, rules::NOTE_MAX, false, true).unwrap_or_else(|key| {
        errors.push(FieldError::new("note", key));
        String::new()
    });
    let interests = store::interests(&mut tx, &actor.organisation_id, id).await?;
    let invited = store::invited(&mut tx, &actor.organisation_id, id).await?;
    let person = match input.person_id.trim() {
        "" => None,
        // Only someone who was on the shortlist: interested or invited.
        person
            if status == Status::Filled
                && (interests
                    .iter()
                    .any(|i| i.person_id == person && i.status == "interested")
                    || invited.iter().any(|p| p == person)) =>
        {
            Some(person.to_owned())
        }
        _ => {
            errors.push(FieldError::new(
                "person_id",
                "mobility-error-outcome-person",
            ));
            None
        }
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    if !store::set_status(
        &mut tx,
        &actor.organisation_id,
        id,
        &[Status::Draft.as_str(), Status::Published.as_str()],
        status.as_str(),
        person.as_deref(),
        &note,
    )
    .await?
    {
        return Err(ServiceError::invalid("outcome", "mobility-error-ended"));
    }
    let link = format!("{}/kansen/{id}", settings.base_url);
    for interest in interests.iter().filter(|i| i.status == "interested") {
        let body_key = if status == Status::Filled {
            "mail-mobility-filled-body"
        } else {
            "mail-mobility-closed-body"
        };
        if let Some(recipient) =
            people::get_person(&mut tx, &actor.organisation_id, &interest.person_id).await?
        {
            mail(
                &mut tx,
                &recipient,
                "mail-mobility-outcome-subject",
                body_key,
                &[("title", &opportunity.title), ("link", &link)],
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn mail(
    conn: &mut Conn,
    recipient: &Person,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, &str)],
) -> Result<()> {
    if recipient.active != 1 {
        return Ok(());
    }
    let locale = recipient
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_default();
    let subject = kleur_i18n::translate(locale, subject_key, args);
    let body = kleur_i18n::translate(locale, body_key, args);
    outbox::enqueue(
        conn,
        &recipient.organisation_id,
        &recipient.email,
        &subject,
        &body,
    )
    .await?;
    Ok(())
}

// ---- reading ----

/// A catalogue name in both languages; the page picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalentName {
    pub key: String,
    pub nl: String,
    pub en: String,
}

impl TalentName {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }
}

/// Why someone fits (or not): the score and its reasons, from organisation-visible items only.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub score: u8,
    /// Talents asked for that the person has (required and nice to have).
    pub matched: Vec<TalentName>,
    /// Required talents the person does not (visibly) have.
    pub missing: Vec<TalentName>,
    /// Nice-to-have talents they could develop here.
    pub develop: Vec<TalentName>,
    /// Titles of their ambitions this kind of opportunity serves.
    pub ambitions: Vec<String>,
    pub hours_fit: bool,
    pub date_fit: bool,
}

/// The opportunity's wanted talents, numbered for matching.
struct Wants {
    required: Vec<TalentName>,
    nice: Vec<TalentName>,
    /// Catalogue key → talent number; at most 20 entries, so a linear scan beats hashing.
    index: Vec<(String, u32)>,
    matcher: Matcher,
    kind: Kind,
}

impl Wants {
    fn new(opportunity: &Opportunity, talents: &[&WantedTalent]) -> Wants {
        let name = |t: &&WantedTalent| TalentName {
            key: t.entry_key.clone(),
            nl: t.name_nl.clone(),
            en: t.name_en.clone(),
        };
        let required: Vec<TalentName> = talents
            .iter()
            .filter(|t| t.required == 1)
            .map(name)
            .collect();
        let nice: Vec<TalentName> = talents
            .iter()
            .filter(|t| t.required != 1)
            .map(name)
            .collect();
        let index: Vec<(String, u32)> = required
            .iter()
            .chain(&nice)
            .enumerate()
            .map(|(i, t)| (t.key.clone(), i as u32))
            .collect();
        let kind = kind_of(opportunity);
        let matcher = Matcher::new(&Wanted {
            required: (0..required.len() as u32).collect(),
            nice: (required.len() as u32..(required.len() + nice.len()) as u32).collect(),
            kind: Some(kind),
            hours: opportunity.hours_per_week,
            start_date: opportunity.start_date.clone(),
        });
        Wants {
            required,
            nice,
            index,
            matcher,
            kind,
        }
    }

    fn profile(&self, items: &[&MatchItem], candidate: Option<&Candidate>) -> Profile {
        let mut profile = Profile {
            hours: candidate.and_then(|c| c.hours_per_week),
            available_from: candidate.and_then(|c| c.available_from.clone()),
            ..Default::default()
        };
        // Only talent, core-quality and ambition items reach here (see the storage query).
        for item in items {
            if item.is_ambition == 1 {
                profile.ambitions |= ambition_bits(&item.details);
            } else if let Some(key) = item.catalogue_key.as_deref()
                && let Some((_, id)) = self.index.iter().find(|(k, _)| k == key)
            {
                profile.talents.push(*id);
            }
        }
        profile
    }

    fn explain(&self, fit: &Fit, items: &[&MatchItem]) -> Explanation {
        let required_count = self.required.len() as u32;
        let nice_count = self.nice.len() as u32;
        let mut matched = Vec::new();
        let mut missing = Vec::new();
        for (i, talent) in self.required.iter().enumerate() {
            if rules::bits(fit.required_matched, required_count).any(|b| b == i) {
                matched.push(talent.clone());
            } else {
                missing.push(talent.clone());
            }
        }
        let mut develop = Vec::new();
        for (i, talent) in self.nice.iter().enumerate() {
            if rules::bits(fit.nice_matched, nice_count).any(|b| b == i) {
                matched.push(talent.clone());
            } else {
                develop.push(talent.clone());
            }
        }
        let bit = self.kind.ambition().bit();
        let ambitions = items
            .iter()
            .filter(|i| i.is_ambition == 1 && ambition_bits(&i.details) & bit != 0)
            .map(|i| i.title.clone())
            .collect();
        Explanation {
            score: fit.score,
            matched,
            missing,
            develop,
            ambitions,
            hours_fit: fit.hours_fit,
            date_fit: fit.date_fit,
        }
    }
}

/// The ambitions in an ambition item's details (`{"open_to":["roles",…]}`), read without a full
/// JSON parse: this runs for every candidate. The values are the four fixed words the portfolio
/// validates, so no escapes or commas occur inside them.
fn ambition_bits(details: &str) -> u8 {
    let Some(start) = details.find("\"open_to\"") else {
        return 0;
    };
    let rest = &details[start + 9..];
    let Some(open) = rest.find('[') else {
        return 0;
    };
    let Some(close) = rest[open..].find(']') else {
        return 0;
    };
    rest[open + 1..open + close]
        .split(',')
        .filter_map(|value| Ambition::parse(value.trim().trim_matches('"')))
        .fold(0, |bits, a| bits | a.bit())
}

fn group(items: &[MatchItem]) -> HashMap<&str, Vec<&MatchItem>> {
    let mut by_owner: HashMap<&str, Vec<&MatchItem>> = HashMap::new();
    for item in items {
        by_owner
            .entry(item.owner_id.as_str())
            .or_default()
            .push(item);
    }
    by_owner
}

/// One opportunity as the actor sees it.
#[derive(Debug, Clone, Serialize)]
pub struct OpportunityView {
    pub opportunity: Opportunity,
    pub required: Vec<TalentName>,
    pub nice: Vec<TalentName>,
    pub can_manage: bool,
    pub accepts_interest: bool,
    /// The actor's own interest (live or withdrawn).
    pub my_interest: Option<Interest>,
    /// How the actor fits, when they opted in to opportunities.
    pub my_fit: Option<Explanation>,
    /// For those who manage it: how many people are interested now.
    pub interested_count: Option<usize>,
}

impl OpportunityView {
    pub fn status(&self) -> Status {
        status_of(&self.opportunity)
    }

    pub fn kind(&self) -> Kind {
        kind_of(&self.opportunity)
    }

    pub fn is_interested(&self) -> bool {
        self.my_interest
            .as_ref()
            .is_some_and(|i| i.status == "interested")
    }
}

fn split_talents(talents: &[&WantedTalent]) -> (Vec<TalentName>, Vec<TalentName>) {
    let name = |t: &&WantedTalent| TalentName {
        key: t.entry_key.clone(),
        nl: t.name_nl.clone(),
        en: t.name_en.clone(),
    };
    (
        talents
            .iter()
            .filter(|t| t.required == 1)
            .map(name)
            .collect(),
        talents
            .iter()
            .filter(|t| t.required != 1)
            .map(name)
            .collect(),
    )
}

pub async fn view(db: &Db, actor: &Actor, id: &str) -> Result<OpportunityView> {
    let mut conn = db.acquire().await?;
    let opportunity = visible(&mut conn, actor, id).await?;
    let talents = store::talents_of(&mut conn, &actor.organisation_id, &[id.to_owned()]).await?;
    let talent_refs: Vec<&WantedTalent> = talents.iter().collect();
    let (required, nice) = split_talents(&talent_refs);
    let my_interest =
        store::interest_of(&mut conn, &actor.organisation_id, id, &actor.person_id).await?;
    let mine = availability::get(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let my_fit = if mine.open_to_opportunities {
        let items = store::items_of_people(
            &mut conn,
            &actor.organisation_id,
            MATCHED_VISIBILITY.as_str(),
            std::slice::from_ref(&actor.person_id),
        )
        .await?;
        let refs: Vec<&MatchItem> = items.iter().collect();
        let wants = Wants::new(&opportunity, &talent_refs);
        let candidate = candidate_of(&actor.person_id, &mine);
        let fit = wants.matcher.fit(&wants.profile(&refs, Some(&candidate)));
        Some(wants.explain(&fit, &refs))
    } else {
        None
    };
    let can_manage = may_manage(actor, &opportunity);
    let interested_count = if can_manage {
        Some(
            store::interests(&mut conn, &actor.organisation_id, id)
                .await?
                .iter()
                .filter(|i| i.status == "interested")
                .count(),
        )
    } else {
        None
    };
    Ok(OpportunityView {
        accepts_interest: rules::accepts_interest(
            status_of(&opportunity),
            &opportunity.closing_date,
            &today(),
        ),
        opportunity,
        required,
        nice,
        can_manage,
        my_interest,
        my_fit,
        interested_count,
    })
}

fn candidate_of(person_id: &str, availability: &Availability) -> Candidate {
    Candidate {
        person_id: person_id.to_owned(),
        display_name: String::new(),
        unit_id: None,
        open_to_opportunities: i64::from(availability.open_to_opportunities),
        hours_per_week: availability.hours_per_week,
        available_from: availability.available_from.clone(),
    }
}

/// Filters of the overview. Empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListFilter {
    pub kind: String,
    pub unit_id: String,
    pub talent: String,
    pub search: String,
}

/// One page of open opportunities: published, closing today or later, soonest closing first.
pub async fn list(
    db: &Db,
    actor: &Actor,
    filter: &ListFilter,
    request: PageRequest,
) -> Result<Page<Opportunity>> {
    let mut conn = db.acquire().await?;
    let today = today();
    let kind = Kind::parse(&filter.kind).map(Kind::as_str);
    let statuses = [Status::Published.as_str()];
    let (items, total) = store::list(
        &mut conn,
        &actor.organisation_id,
        &Filter {
            statuses: &statuses,
            kind,
            unit_id: Some(filter.unit_id.trim()).filter(|u| !u.is_empty()),
            talent: Some(filter.talent.trim()).filter(|t| !t.is_empty()),
            search: Some(filter.search.as_str()),
            closing_from: Some(&today),
            poster_id: None,
        },
        request.limit(),
        request.offset(),
    )
    .await?;
    Ok(Page {
        items,
        page: request.page,
        per_page: request.per_page,
        total: total.max(0) as u64,
    })
}

/// What the actor manages: their own postings in any state, and for HR also everyone's drafts
/// and published ones. At most 100, soonest closing first.
pub async fn managed_list(db: &Db, actor: &Actor) -> Result<Vec<Opportunity>> {
    if !can_post(actor) {
        return Ok(Vec::new());
    }
    let mut conn = db.acquire().await?;
    let statuses = [
        Status::Draft.as_str(),
        Status::Published.as_str(),
        Status::Closed.as_str(),
        Status::Filled.as_str(),
    ];
    let hr_statuses = [Status::Draft.as_str(), Status::Published.as_str()];
    let (mut own, _) = store::list(
        &mut conn,
        &actor.organisation_id,
        &Filter {
            statuses: &statuses,
            poster_id: Some(&actor.person_id),
            ..Default::default()
        },
        100,
        0,
    )
    .await?;
    if is_hr(actor) {
        let (all, _) = store::list(
            &mut conn,
            &actor.organisation_id,
            &Filter {
                statuses: &hr_statuses,
                ..Default::default()
            },
            100,
            0,
        )
        .await?;
        for opportunity in all {
            if !own.iter().any(|o| o.id == opportunity.id) && own.len() < 100 {
                own.push(opportunity);
            }
        }
    }
    Ok(own)
}

/// An opportunity matched to the actor.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub opportunity: Opportunity,
    pub explanation: Explanation,
    pub interested: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MyMatches {
    pub opted_in: bool,
    pub matches: Page<Match>,
}

/// Open opportunities ranked by fit for the actor, each explained; empty until they opt in.
pub async fn matches_for_me(db: &Db, actor: &Actor, request: PageRequest) -> Result<MyMatches> {
    let mut conn = db.acquire().await?;
    let mine = availability::get(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let empty = Page {
        items: Vec::new(),
        page: request.page,
        per_page: request.per_page,
        total: 0,
    };
    if !mine.open_to_opportunities {
        return Ok(MyMatches {
            opted_in: false,
            matches: empty,
        });
    }
    let today = today();
    let statuses = [Status::Published.as_str()];
    let (open, _) = store::list(
        &mut conn,
        &actor.organisation_id,
        &Filter {
            statuses: &statuses,
            closing_from: Some(&today),
            ..Default::default()
        },
        1000,
        0,
    )
    .await?;
    let ids: Vec<String> = open.iter().map(|o| o.id.clone()).collect();
    let talents = store::talents_of(&mut conn, &actor.organisation_id, &ids).await?;
    let items = store::items_of_people(
        &mut conn,
        &actor.organisation_id,
        MATCHED_VISIBILITY.as_str(),
        std::slice::from_ref(&actor.person_id),
    )
    .await?;
    let refs: Vec<&MatchItem> = items.iter().collect();
    let interested =
        store::live_interest_of_person(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let candidate = candidate_of(&actor.person_id, &mine);
    let mut ranked: Vec<Match> = open
        .into_iter()
        .filter(|o| o.poster_id != actor.person_id)
        .map(|opportunity| {
            let wanted: Vec<&WantedTalent> = talents
                .iter()
                .filter(|t| t.opportunity_id == opportunity.id)
                .collect();
            let wants = Wants::new(&opportunity, &wanted);
            let fit = wants.matcher.fit(&wants.profile(&refs, Some(&candidate)));
            Match {
                interested: interested.contains(&opportunity.id),
                explanation: wants.explain(&fit, &refs),
                opportunity,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.explanation
            .score
            .cmp(&a.explanation.score)
            .then_with(|| a.opportunity.closing_date.cmp(&b.opportunity.closing_date))
            .then_with(|| a.opportunity.id.cmp(&b.opportunity.id))
    });
    let total = ranked.len() as u64;
    let items = ranked
        .into_iter()
        .skip(request.offset() as usize)
        .take(request.limit() as usize)
        .collect();
    Ok(MyMatches {
        opted_in: true,
        matches: Page {
            items,
            page: request.page,
            per_page: request.per_page,
            total,
        },
    })
}

// ---- interest ----

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InterestInput {
    pub motivation: String,
    pub inform_manager: bool,
}

/// Records the actor's interest; the poster hears of it, and the actor's manager when they chose so.
pub async fn express_interest(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: &str,
    input: &InterestInput,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let opportunity = visible(&mut tx, actor, id).await?;
    if !rules::accepts_interest(status_of(&opportunity), &opportunity.closing_date, &today()) {
        return Err(ServiceError::invalid(
            "motivation",
            "mobility-error-not-open",
        ));
    }
    if opportunity.poster_id == actor.person_id {
        return Err(ServiceError::invalid("motivation", "mobility-error-own"));
    }
    let motivation =
        clean(&input.motivation, rules::MOTIVATION_MAX, true, true).map_err(|key| {
            let key = if key == "error-title-required" {
                "mobility-error-motivation"
            } else {
                key
            };
            ServiceError::invalid("motivation", key)
        })?;
    let already = store::interest_of(&mut tx, &actor.organisation_id, id, &actor.person_id)
        .await?
        .is_some_and(|i| i.status == "interested");
    store::express_interest(
        &mut tx,
        &actor.organisation_id,
        id,
        &actor.person_id,
        &motivation,
        input.inform_manager,
    )
    .await?;
    if !already {
        let me = people::get_person(&mut tx, &actor.organisation_id, &actor.person_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let link = format!("{}/kansen/{id}/kandidaten", settings.base_url);
        let args = [
            ("name", me.display_name.as_str()),
            ("title", opportunity.title.as_str()),
            ("link", link.as_str()),
            ("motivation", motivation.as_str()),
        ];
        if let Some(poster) =
            people::get_person(&mut tx, &actor.organisation_id, &opportunity.poster_id).await?
        {
            mail(
                &mut tx,
                &poster,
                "mail-mobility-interest-subject",
                "mail-mobility-interest-body",
                &args,
            )
            .await?;
        }
        if input.inform_manager
            && let Some(manager_id) = me.manager_id.as_deref()
            && manager_id != opportunity.poster_id
            && let Some(manager) =
                people::get_person(&mut tx, &actor.organisation_id, manager_id).await?
        {
            let link = format!("{}/kansen/{id}", settings.base_url);
            mail(
                &mut tx,
                &manager,
                "mail-mobility-manager-subject",
                "mail-mobility-manager-body",
                &[
                    ("name", me.display_name.as_str()),
                    ("title", opportunity.title.as_str()),
                    ("link", link.as_str()),
                ],
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Withdraws the actor's interest: they leave the shortlist at once and are not suggested again.
pub async fn withdraw_interest(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    visible(&mut tx, actor, id).await?;
    if !store::withdraw_interest(&mut tx, &actor.organisation_id, id, &actor.person_id).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

// ---- shortlist ----

#[derive(Debug, Clone, Serialize)]
pub struct Candidacy {
    pub person_id: String,
    pub display_name: String,
    pub explanation: Explanation,
    /// For interested people: their motivation.
    pub motivation: Option<String>,
    pub invited: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Shortlist {
    pub opportunity: Opportunity,
    /// People with live interest, best fit first.
    pub interested: Vec<Candidacy>,
    /// People who opted in to be found, not interested (nor withdrawn), best fit first.
    pub suggested: Vec<Candidacy>,
    /// Invited people who did not (yet) express interest.
    pub invited_only: Vec<Candidacy>,
}

/// The ranked, explained shortlist: only for the poster and HR.
pub async fn shortlist(db: &Db, actor: &Actor, id: &str) -> Result<Shortlist> {
    let mut conn = db.acquire().await?;
    let opportunity = managed(&mut conn, actor, id).await?;
    let talents = store::talents_of(&mut conn, &actor.organisation_id, &[id.to_owned()]).await?;
    let talent_refs: Vec<&WantedTalent> = talents.iter().collect();
    let wants = Wants::new(&opportunity, &talent_refs);
    let interests = store::interests(&mut conn, &actor.organisation_id, id).await?;
    let invited = store::invited(&mut conn, &actor.organisation_id, id).await?;
    let live: Vec<&Interest> = interests
        .iter()
        .filter(|i| i.status == "interested")
        .collect();

    // Interested and invited people, opted in or not: they asked, or were asked.
    let mut named: Vec<String> = live.iter().map(|i| i.person_id.clone()).collect();
    named.extend(invited.iter().cloned());
    named.sort();
    named.dedup();
    let named_candidates = store::candidates(&mut conn, &actor.organisation_id, &named).await?;
    let named_items = store::items_of_people(
        &mut conn,
        &actor.organisation_id,
        MATCHED_VISIBILITY.as_str(),
        &named,
    )
    .await?;
    let named_by_owner = group(&named_items);
    let candidacy =
        |candidate: &Candidate, items: &[&MatchItem], motivation: Option<String>| -> Candidacy {
            let fit = wants.matcher.fit(&wants.profile(items, Some(candidate)));
            Candidacy {
                person_id: candidate.person_id.clone(),
                display_name: candidate.display_name.clone(),
                explanation: wants.explain(&fit, items),
                motivation,
                invited: invited.contains(&candidate.person_id),
            }
        };
    let empty: Vec<&MatchItem> = Vec::new();
    let mut interested: Vec<Candidacy> = Vec::new();
    let mut invited_only: Vec<Candidacy> = Vec::new();
    for candidate in &named_candidates {
        let items = named_by_owner
            .get(candidate.person_id.as_str())
            .unwrap_or(&empty);
        match live.iter().find(|i| i.person_id == candidate.person_id) {
            Some(interest) => interested.push(candidacy(
                candidate,
                items,
                Some(interest.motivation.clone()),
            )),
            None => invited_only.push(candidacy(candidate, items, None)),
        }
    }
    let by_score = |a: &Candidacy, b: &Candidacy| {
        b.explanation
            .score
            .cmp(&a.explanation.score)
            .then_with(|| a.display_name.cmp(&b.display_name))
    };
    interested.sort_by(by_score);
    invited_only.sort_by(by_score);

    // Suggestions: everyone who opted in to be found, minus the poster and anyone who already
    // responded (interested or withdrawn) or was invited.
    let opted_in = store::opted_in_candidates(&mut conn, &actor.organisation_id).await?;
    let opted_items = store::opted_in_items(
        &mut conn,
        &actor.organisation_id,
        MATCHED_VISIBILITY.as_str(),
    )
    .await?;
    let pool: Vec<Candidate> = opted_in
        .into_iter()
        .filter(|c| {
            c.person_id != opportunity.poster_id
                && !interests.iter().any(|i| i.person_id == c.person_id)
                && !invited.contains(&c.person_id)
        })
        .collect();
    let suggested = suggest(&opportunity, &talents, &pool, &opted_items, SUGGESTIONS_MAX)
        .into_iter()
        .map(|(index, explanation)| Candidacy {
            person_id: pool[index].person_id.clone(),
            display_name: pool[index].display_name.clone(),
            explanation,
            motivation: None,
            invited: false,
        })
        .collect();
    Ok(Shortlist {
        opportunity,
        interested,
        suggested,
        invited_only,
    })
}

/// The best `limit` of `pool` for the opportunity, best first, each explained: only people with
/// a matching talent or ambition. `items` are the matchable items (organisation-visible, see
/// [`kleur_domain::mobility`]) of the pool, in any order; items of others are ignored.
pub fn suggest(
    opportunity: &Opportunity,
    talents: &[WantedTalent],
    pool: &[Candidate],
    items: &[MatchItem],
    limit: usize,
) -> Vec<(usize, Explanation)> {
    let talent_refs: Vec<&WantedTalent> = talents
        .iter()
        .filter(|t| t.opportunity_id == opportunity.id)
        .collect();
    let wants = Wants::new(opportunity, &talent_refs);
    // Items by owner: the storage returns them sorted by owner already; sort only if not.
    let mut sorted: Vec<&MatchItem> = items.iter().collect();
    if !sorted.is_sorted_by(|a, b| a.owner_id <= b.owner_id) {
        sorted.sort_by(|a, b| a.owner_id.cmp(&b.owner_id));
    }
    // Each candidate's run of items: one merge walk when the pool is sorted by id too (as the
    // storage returns it), a binary search per candidate otherwise.
    let ranges: Vec<(usize, usize)> = if pool.is_sorted_by(|a, b| a.person_id <= b.person_id) {
        let mut cursor = 0;
        pool.iter()
            .map(|c| {
                while cursor < sorted.len() && sorted[cursor].owner_id < c.person_id {
                    cursor += 1;
                }
                let start = cursor;
                while cursor < sorted.len() && sorted[cursor].owner_id == c.person_id {
                    cursor += 1;
                }
                (start, cursor)
            })
            .collect()
    } else {
        pool.iter()
            .map(|c| {
                let start = sorted.partition_point(|i| i.owner_id.as_str() < c.person_id.as_str());
                let length = sorted[start..].partition_point(|i| i.owner_id == c.person_id);
                (start, start + length)
            })
            .collect()
    };
    let items_of = |index: usize| -> &[&MatchItem] {
        let (start, end) = ranges[index];
        &sorted[start..end]
    };
    let profiles: Vec<Profile> = pool
        .iter()
        .enumerate()
        .map(|(index, c)| wants.profile(items_of(index), Some(c)))
        .collect();
    wants
        .matcher
        .rank(&profiles, limit, true)
        .into_iter()
        .map(|(index, fit)| (index, wants.explain(&fit, items_of(index))))
        .collect()
}

/// Invites someone on the shortlist (interested or opted in to be found) to apply, by mail.
pub async fn invite(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: &str,
    person_id: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let opportunity = managed(&mut tx, actor, id).await?;
    if status_of(&opportunity) != Status::Published {
        return Err(ServiceError::invalid(
            "person_id",
            "mobility-error-not-open",
        ));
    }
    let person = people::get_person(&mut tx, &actor.organisation_id, person_id)
        .await?
        .filter(|p| p.active == 1 && p.id != opportunity.poster_id)
        .ok_or(ServiceError::NotFound)?;
    let interested = store::interest_of(&mut tx, &actor.organisation_id, id, person_id)
        .await?
        .map(|i| i.status);
    let findable = availability::get(&mut tx, &actor.organisation_id, person_id)
        .await?
        .open_to_opportunities;
    // Nobody is approached who did not ask to be: interested, or opted in and not withdrawn.
    let allowed = match interested.as_deref() {
        Some("interested") => true,
        Some(_) => false,
        None => findable,
    };
    if !allowed {
        return Err(ServiceError::NotFound);
    }
    if store::invite(
        &mut tx,
        &actor.organisation_id,
        id,
        person_id,
        &actor.person_id,
    )
    .await?
    {
        let link = format!("{}/kansen/{id}", settings.base_url);
        mail(
            &mut tx,
            &person,
            "mail-mobility-invite-subject",
            "mail-mobility-invite-body",
            &[
                ("name", actor.display_name.as_str()),
                ("title", opportunity.title.as_str()),
                ("link", link.as_str()),
            ],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

// ---- availability ----

pub async fn my_availability(db: &Db, actor: &Actor) -> Result<Availability> {
    let mut conn = db.acquire().await?;
    Ok(availability::get(&mut conn, &actor.organisation_id, &actor.person_id).await?)
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AvailabilityInput {
    pub open_to_opportunities: bool,
    pub open_to_teams: bool,
    pub hours_per_week: String,
    pub available_from: String,
}

/// Stores what the actor says about being found: for opportunities and/or project teams, with
/// the hours they have and from when.
pub async fn set_availability(db: &Db, actor: &Actor, input: &AvailabilityInput) -> Result<()> {
    let mut errors = Vec::new();
    let hours = rules::parse_hours(&input.hours_per_week).unwrap_or_else(|problem| {
        errors.push(FieldError::new("hours_per_week", hours_error(problem)));
        None
    });
    let from = parse_date(&input.available_from).unwrap_or_else(|_| {
        errors.push(FieldError::new("available_from", "error-date"));
        None
    });
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    availability::set(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        &Availability {
            open_to_opportunities: input.open_to_opportunities,
            open_to_teams: input.open_to_teams,
            hours_per_week: hours,
            available_from: from,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Units for the form's choice and the overview's filter.
pub async fn units(db: &Db, actor: &Actor) -> Result<Vec<org::Unit>> {
    let mut conn = db.acquire().await?;
    Ok(org::list_units(&mut conn, &actor.organisation_id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambitions_are_read_from_details_as_the_portfolio_writes_them() {
        let written = serde_json::to_string(&crate::portfolio::Details {
            open_to: vec!["roles".into(), "mentoring".into()],
            ..Default::default()
        })
        .expect("json");
        assert_eq!(
            ambition_bits(&written),
            Ambition::Roles.bit() | Ambition::Mentoring.bit()
        );
        assert_eq!(
            ambition_bits(r#"{"date":"2026-01-01", "open_to" : [ "projects" ,"units"]}"#),
            Ambition::Projects.bit() | Ambition::Units.bit()
        );
        for nothing in [
            "{}",
            "",
            r#"{"open_to":[]}"#,
            r#"{"open_to":["ruimte"]}"#,
            r#"{"open_to":"#,
        ] {
            assert_eq!(ambition_bits(nothing), 0, "{nothing}");
        }
    }
}
