//! 360° feedback the employee starts: rounds, invitations by e-mail with one-time links,
//! answering, closing (with the anonymising rewrite) and the report.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Utc};
use kleur_domain::feedback::{self as rules, Agreement, Johari, RaterGroup, Scale, Threshold};
use kleur_domain::{Email, Locale};
use kleur_storage::feedback::{self as store, Invitation, Questionnaire, Round};
use kleur_storage::{Conn, Db, people, timestamp};
use serde::{Deserialize, Serialize};

use crate::secret::{hash_token, random_token};
use crate::{Actor, FieldError, Result, ServiceError, Settings};

pub const DEFAULT_QUESTIONNAIRE: &str = "kleur-basis";
pub const MAX_RATERS_PER_GROUP: usize = 20;
pub const COMMENT_MAX: usize = 2000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct QuestionItem {
    pub key: String,
    /// `rating` (on the scale, or "cannot judge") or `open`.
    pub kind: String,
    /// What the item is about, e.g. a catalogue talent key; items with the same competence are
    /// grouped in the report.
    pub competence: String,
    pub text_nl: String,
    pub text_en: String,
}

impl QuestionItem {
    pub fn text(&self, locale: &Locale) -> &str {
        match locale {
            Locale::Nl => &self.text_nl,
            Locale::En => &self.text_en,
        }
    }

    pub fn is_rating(&self) -> bool {
        self.kind == "rating"
    }
}

fn item(key: &str, kind: &str, competence: &str, nl: &str, en: &str) -> QuestionItem {
    QuestionItem {
        key: key.into(),
        kind: kind.into(),
        competence: competence.into(),
        text_nl: nl.into(),
        text_en: en.into(),
    }
}

/// The questionnaire every organisation starts with: talents that matter in public service.
pub fn default_items() -> Vec<QuestionItem> {
    vec![
        item(
            "verbinden",
            "rating",
            "verbinden",
            "Brengt mensen en partijen met elkaar in contact.",
            "Brings people and parties together.",
        ),
        item(
            "luisteren",
            "rating",
            "luisteren",
            "Luistert echt en vraagt door.",
            "Really listens and asks further.",
        ),
        item(
            "inwoner",
            "rating",
            "inwoner-centraal",
            "Denkt vanuit de inwoner of cliënt.",
            "Thinks from the resident's or client's point of view.",
        ),
        item(
            "samenwerken",
            "rating",
            "samenwerken",
            "Werkt goed samen, ook over afdelingen heen.",
            "Works well together, also across departments.",
        ),
        item(
            "initiatief",
            "rating",
            "initiatief",
            "Neemt initiatief en pakt dingen op.",
            "Takes initiative and picks things up.",
        ),
        item(
            "helder",
            "rating",
            "eenvoudig-uitleggen",
            "Legt ingewikkelde zaken helder uit.",
            "Explains complicated matters clearly.",
        ),
        item(
            "rust",
            "rating",
            "rust-bewaren-in-crisis",
            "Blijft rustig als het spannend wordt.",
            "Stays calm when things get tense.",
        ),
        item(
            "leren",
            "rating",
            "leergierigheid",
            "Leert van feedback en fouten.",
            "Learns from feedback and mistakes.",
        ),
        item(
            "sterk",
            "open",
            "algemeen",
            "Wat is volgens jou de grootste kracht van deze collega?",
            "What do you think is this colleague's greatest strength?",
        ),
        item(
            "groei",
            "open",
            "algemeen",
            "Waarin zou deze collega nog kunnen groeien?",
            "Where could this colleague still grow?",
        ),
    ]
}

/// Makes sure the organisation has the default questionnaire (version 1).
pub async fn ensure_default_questionnaire(conn: &mut Conn, organisation_id: &str) -> Result<()> {
    let items = serde_json::to_string(&default_items())
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    store::insert_questionnaire(
        conn,
        &Questionnaire {
            organisation_id: organisation_id.to_owned(),
            id: DEFAULT_QUESTIONNAIRE.to_owned(),
            version: 1,
            name_nl: "Basisvragenlijst Kleur".to_owned(),
            name_en: "Kleur basic questionnaire".to_owned(),
            scale_points: 5,
            items,
            created_at: kleur_storage::now(),
        },
    )
    .await?;
    Ok(())
}

pub fn items_of(questionnaire: &Questionnaire) -> Vec<QuestionItem> {
    serde_json::from_str(&questionnaire.items).unwrap_or_default()
}

/// What the employee fills in to start a round (or a manager, to propose one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RoundInput {
    #[serde(default)]
    pub title: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub deadline: String,
    /// `ja`/`true` to invite one's own manager.
    #[serde(default)]
    pub manager: String,
    /// E-mail addresses of colleagues, one per line or separated by commas.
    #[serde(default)]
    pub peers: String,
    #[serde(default)]
    pub direct_reports: String,
    /// E-mail addresses of clients or partners outside the organisation.
    #[serde(default)]
    pub externals: String,
    /// The questionnaire id; empty means the one assigned to the employee.
    #[serde(default)]
    pub questionnaire: String,
    /// `ja` once the employee has read the warning that a group is below the anonymity
    /// threshold and starts anyway.
    #[serde(default)]
    pub small_groups_ok: String,
    /// The id of the manager's proposal the employee accepts with this form (field `voorstel`).
    #[serde(default, rename = "voorstel")]
    pub proposal: String,
}

/// The field a below-threshold warning is reported on; the form then offers to start anyway.
pub const SMALL_GROUPS_FIELD: &str = "small_groups";

/// What happens to the answers of anonymous groups smaller than the threshold: merged into
/// "others" when the small groups together reach it, otherwise hidden. None when no group is
/// small.
pub fn small_group_warning(
    counts: &[(RaterGroup, usize)],
    threshold: usize,
) -> Option<&'static str> {
    let small: Vec<usize> = counts
        .iter()
        .filter(|(g, n)| g.is_anonymous() && *n > 0 && *n < threshold)
        .map(|(_, n)| *n)
        .collect();
    if small.is_empty() {
        None
    } else if small.iter().sum::<usize>() >= threshold {
        Some("feedback-small-group-merged")
    } else {
        Some("feedback-small-group-hidden")
    }
}

fn addresses(text: &str) -> std::result::Result<Vec<Email>, ()> {
    let mut out: Vec<Email> = Vec::new();
    for part in text
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let email = Email::parse(part).map_err(|_| ())?;
        if !out.contains(&email) {
            out.push(email);
        }
    }
    Ok(out)
}

/// Starts a round with invitations for self and every rater, and queues the e-mails, in one
/// transaction.
pub async fn start_round(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    input: &RoundInput,
) -> Result<String> {
    let mut errors = Vec::new();
    let title = kleur_domain::person::clean_text(&input.title, 200, true).unwrap_or_else(|_| {
        errors.push(FieldError::new("title", "error-title-required"));
        String::new()
    });
    let deadline = parse_deadline(&input.deadline);
    if deadline.is_none() {
        errors.push(FieldError::new("deadline", "error-feedback-deadline"));
    }
    let mut groups: Vec<(RaterGroup, Vec<Email>)> = Vec::new();
    for (field, group, text) in [
        ("peers", RaterGroup::Peer, &input.peers),
        (
            "direct_reports",
            RaterGroup::DirectReport,
            &input.direct_reports,
        ),
        ("externals", RaterGroup::External, &input.externals),
    ] {
        match addresses(text) {
            Ok(list) if list.len() > MAX_RATERS_PER_GROUP => {
                errors.push(FieldError::new(field, "error-feedback-too-many"))
            }
            Ok(list) => groups.push((group, list)),
            Err(()) => errors.push(FieldError::new(field, "error-feedback-addresses")),
        }
    }
    let mut tx = db.begin().await?;
    let subject = people::get_person(&mut tx, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    // Accepting a manager's proposal: it must be proposed to this employee and still waiting.
    let proposal = match input.proposal.trim() {
        "" => None,
        id => Some(
            store::get_round(&mut tx, &actor.organisation_id, id)
                .await?
                .filter(|r| r.subject_id == subject.id && r.status == "proposed")
                .ok_or(ServiceError::NotFound)?,
        ),
    };
    let mut invitees: Vec<(RaterGroup, Option<String>, String, Option<String>)> = Vec::new();
    invitees.push((
        RaterGroup::Own,
        Some(subject.id.clone()),
        subject.email.clone(),
        subject.locale.clone(),
    ));
    if matches!(input.manager.trim(), "ja" | "true" | "on" | "yes") {
        match &subject.manager_id {
            Some(manager_id) => {
                let manager = people::get_person(&mut tx, &actor.organisation_id, manager_id)
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                invitees.push((
                    RaterGroup::Manager,
                    Some(manager.id),
                    manager.email,
                    manager.locale,
                ));
            }
            None => errors.push(FieldError::new("manager", "error-feedback-no-manager")),
        }
    }
    let mut total = 0;
    for (group, list) in &groups {
        for email in list {
            if email.as_str() == subject.email {
                errors.push(FieldError::new(field_of(*group), "error-feedback-self"));
                continue;
            }
            let colleague =
                people::find_person_by_email(&mut tx, &actor.organisation_id, email.as_str())
                    .await?;
            match (group, colleague) {
                (RaterGroup::External, Some(_)) => errors.push(FieldError::new(
                    "externals",
                    "error-feedback-external-colleague",
                )),
                (RaterGroup::External, None) => {
                    invitees.push((*group, None, email.as_str().to_owned(), None))
                }
                (_, Some(person)) if person.active == 1 => {
                    invitees.push((*group, Some(person.id), person.email, person.locale))
                }
                (_, _) => errors.push(FieldError::new(
                    field_of(*group),
                    "error-feedback-unknown-colleague",
                )),
            }
            total += 1;
        }
    }
    if total == 0 && !matches!(input.manager.trim(), "ja" | "true" | "on" | "yes") {
        errors.push(FieldError::new("peers", "error-feedback-no-raters"));
    }
    let (available, assigned) =
        crate::questionnaires::available_for(&mut tx, &actor.organisation_id, &actor.person_id)
            .await?;
    let wanted = match input.questionnaire.trim() {
        "" => assigned.as_str(),
        chosen => chosen,
    };
    let questionnaire = available.into_iter().find(|q| q.id == wanted);
    if questionnaire.is_none() {
        errors.push(FieldError::new(
            "questionnaire",
            "error-feedback-questionnaire",
        ));
    }
    errors.dedup();
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    // Warn (once) when an anonymous group cannot reach the threshold on its own.
    let counts: Vec<(RaterGroup, usize)> = RaterGroup::ALL
        .iter()
        .map(|g| (*g, invitees.iter().filter(|i| i.0 == *g).count()))
        .collect();
    if input.small_groups_ok.trim() != "ja"
        && let Some(key) = small_group_warning(&counts, Threshold::DEFAULT.get())
    {
        return Err(ServiceError::invalid(SMALL_GROUPS_FIELD, key));
    }
    let questionnaire = questionnaire.ok_or(ServiceError::NotFound)?;
    // An accepted proposal becomes the round, under the same id, owned by the employee.
    let round_id = match &proposal {
        Some(proposed) => {
            store::delete_proposal(&mut tx, &actor.organisation_id, &proposed.id).await?;
            proposed.id.clone()
        }
        None => kleur_storage::new_id(),
    };
    let deadline = deadline.unwrap_or_default();
    store::insert_round(
        &mut tx,
        &Round {
            organisation_id: actor.organisation_id.clone(),
            id: round_id.clone(),
            subject_id: subject.id.clone(),
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version,
            title: title.clone(),
            deadline: deadline.clone(),
            status: "open".to_owned(),
            min_respondents: Threshold::DEFAULT.get() as i64,
            created_at: kleur_storage::now(),
            closed_at: None,
            shared_with_manager: 0,
            proposed_by: proposal.and_then(|p| p.proposed_by),
            proposal: None,
        },
    )
    .await?;
    let expires_at = links_expire(&deadline);
    for (group, person_id, email, locale) in invitees {
        let token = random_token();
        store::insert_invitation(
            &mut tx,
            &actor.organisation_id,
            &round_id,
            group.as_str(),
            person_id.as_deref(),
            &email,
            &hash_token(&token),
            &expires_at,
        )
        .await?;
        let locale = locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or_default();
        let link = format!("{}/feedback/antwoord/{token}", settings.base_url);
        let key = if group == RaterGroup::Own {
            "mail-feedback-self-body"
        } else {
            "mail-feedback-invite-body"
        };
        let subject_line = kleur_i18n::translate(
            locale,
            "mail-feedback-invite-subject",
            &[("name", &subject.display_name)],
        );
        let body = kleur_i18n::translate(
            locale,
            key,
            &[
                ("name", &subject.display_name),
                ("link", &link),
                ("deadline", &deadline),
                ("title", &title),
            ],
        );
        kleur_storage::outbox::enqueue(
            &mut tx,
            &actor.organisation_id,
            &email,
            &subject_line,
            &body,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(round_id)
}

fn field_of(group: RaterGroup) -> &'static str {
    match group {
        RaterGroup::DirectReport => "direct_reports",
        RaterGroup::External => "externals",
        _ => "peers",
    }
}

/// Per group: how many were invited and how many answered. Counts only, never who.
#[derive(Debug, Clone, Serialize)]
pub struct GroupProgress {
    pub group: RaterGroup,
    pub invited: usize,
    pub submitted: usize,
    /// Fewer invited than the threshold: answers will be merged into "others" or hidden.
    pub below_threshold: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundOverview {
    pub round: Round,
    pub progress: Vec<GroupProgress>,
    /// Whom the employee invited (they chose them), for withdrawing an invitation. Never whether
    /// a particular person answered; only filled for the round's own page.
    pub invitees: Vec<Invitee>,
    /// The employee already used "remind now".
    pub reminded: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Invitee {
    pub id: String,
    pub group: RaterGroup,
    pub email: String,
    pub revoked: bool,
}

fn progress(round: &Round, invitations: &[Invitation]) -> Vec<GroupProgress> {
    let threshold = round.min_respondents.max(2) as usize;
    RaterGroup::ALL
        .iter()
        .filter_map(|group| {
            let of_group: Vec<&Invitation> = invitations
                .iter()
                .filter(|i| i.rater_group == group.as_str() && i.revoked_at.is_none())
                .collect();
            (!of_group.is_empty()).then(|| GroupProgress {
                group: *group,
                invited: of_group.len(),
                submitted: of_group.iter().filter(|i| i.submitted == 1).count(),
                below_threshold: group.is_anonymous() && of_group.len() < threshold,
            })
        })
        .collect()
}

/// The actor's own rounds, newest first, with progress counts.
pub async fn my_rounds(db: &Db, actor: &Actor) -> Result<Vec<RoundOverview>> {
    let mut conn = db.acquire().await?;
    // Proposals waiting for consent, or declined, are not rounds (yet).
    let rounds: Vec<Round> = store::rounds_of(&mut conn, &actor.organisation_id, &actor.person_id)
        .await?
        .into_iter()
        .filter(|r| r.status == "open" || r.status == "closed")
        .collect();
    // One query for the invitations of all rounds, not one per round.
    let invitations =
        store::invitations_of_subject(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    Ok(rounds
        .into_iter()
        .map(|round| {
            let of_round: Vec<Invitation> = invitations
                .iter()
                .filter(|i| i.round_id == round.id)
                .cloned()
                .collect();
            RoundOverview {
                progress: progress(&round, &of_round),
                round,
                invitees: Vec::new(),
                reminded: false,
            }
        })
        .collect())
}

/// The titles of the actor's own rounds, by id, in one query (for reflections linking to them).
pub async fn my_round_titles(
    db: &Db,
    actor: &Actor,
) -> Result<std::collections::HashMap<String, String>> {
    let mut conn = db.acquire().await?;
    Ok(
        store::rounds_of(&mut conn, &actor.organisation_id, &actor.person_id)
            .await?
            .into_iter()
            .map(|round| (round.id, round.title))
            .collect(),
    )
}

/// One of the actor's own rounds. Anyone else, managers and HR included, gets "not found".
pub async fn my_round(db: &Db, actor: &Actor, round_id: &str) -> Result<RoundOverview> {
    let mut conn = db.acquire().await?;
    let round = store::get_round(&mut conn, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .filter(|r| r.status == "open" || r.status == "closed")
        .ok_or(ServiceError::NotFound)?;
    let invitations =
        store::invitations_of_round(&mut conn, &actor.organisation_id, &round.id).await?;
    let invitees = invitations
        .iter()
        .filter(|i| i.rater_group != RaterGroup::Own.as_str())
        .filter_map(|i| {
            Some(Invitee {
                id: i.id.clone(),
                group: RaterGroup::parse(&i.rater_group)?,
                email: i.email.clone(),
                revoked: i.revoked_at.is_some(),
            })
        })
        .collect();
    Ok(RoundOverview {
        progress: progress(&round, &invitations),
        reminded: reminded_by_employee(&invitations),
        round,
        invitees,
    })
}

/// Requests for feedback waiting for the actor: (invitation id, round title, subject name).
pub async fn my_requests(db: &Db, actor: &Actor) -> Result<Vec<(String, String, String)>> {
    let mut conn = db.acquire().await?;
    Ok(
        store::open_invitations_for(&mut conn, &actor.organisation_id, &actor.person_id)
            .await?
            .into_iter()
            .map(|(invitation, title, name)| (invitation.id, title, name))
            .collect(),
    )
}

/// Closes a round now (the employee, or the deadline). Rewrites its anonymous rows: shuffled,
/// with new random ids, small groups merged into "others" in the stored rows.
pub async fn close_round(db: &Db, actor: &Actor, round_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let round = store::get_round(&mut tx, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    if round.status != "open" {
        return Err(ServiceError::invalid("round", "error-feedback-closed"));
    }
    close_in(&mut tx, &round).await?;
    tx.commit().await?;
    Ok(())
}

async fn close_in(conn: &mut Conn, round: &Round) -> Result<()> {
    if !store::close_round(conn, &round.organisation_id, &round.id).await? {
        return Ok(());
    }
    let threshold = Threshold::new(round.min_respondents.clamp(2, 50) as u8).unwrap_or_default();
    let mut responses = store::responses_of_round(conn, &round.organisation_id, &round.id).await?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (group, _) in &responses {
        *counts.entry(group.clone()).or_default() += 1;
    }
    for (group, _) in responses.iter_mut() {
        if let Some(parsed) = RaterGroup::parse(group) {
            *group = rules::stored_group(
                parsed,
                counts.get(group.as_str()).copied().unwrap_or(0),
                threshold,
            )
            .as_str()
            .to_owned();
        }
    }
    let mut comments = store::comments_of_round(conn, &round.organisation_id, &round.id).await?;
    shuffle(&mut responses);
    shuffle(&mut comments);
    Ok(store::rewrite_anonymous_rows(
        conn,
        &round.organisation_id,
        &round.id,
        &responses,
        &comments,
    )
    .await?)
}

/// Fisher–Yates with the operating system's randomness.
fn shuffle<T>(items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).unwrap_or(());
        let j = (u64::from_le_bytes(bytes) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Closes every open round whose deadline has passed (run by the background worker).
pub async fn close_overdue_rounds(db: &Db) -> Result<usize> {
    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let mut conn = db.acquire().await?;
    let due = store::rounds_past_deadline(&mut conn, &today).await?;
    drop(conn);
    let mut closed = 0;
    for (organisation_id, round_id) in due {
        let mut tx = db.begin().await?;
        if let Some(round) = store::get_round(&mut tx, &organisation_id, &round_id).await? {
            close_in(&mut tx, &round).await?;
            closed += 1;
        }
        tx.commit().await?;
    }
    Ok(closed)
}

/// What a rater sees behind their link.
#[derive(Debug, Clone)]
pub struct AnswerForm {
    pub invitation: Invitation,
    pub round: Round,
    pub subject_name: String,
    pub group: RaterGroup,
    pub items: Vec<QuestionItem>,
    pub scale: u8,
    pub draft: Answers,
}

/// A rater's answers: ratings per item (`None` = cannot judge) and open answers.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Answers {
    pub ratings: BTreeMap<String, Option<u8>>,
    pub comments: BTreeMap<String, String>,
}

/// Why a link does not open a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    /// The employee withdrew the invitation.
    Revoked,
    Expired,
    Used,
    Closed,
}

/// How a rater reaches their form: the link's token, or, signed in, their own invitation.
#[derive(Debug, Clone, Copy)]
pub enum RaterKey<'a> {
    Token(&'a str),
    Invitation {
        actor: &'a Actor,
        invitation_id: &'a str,
    },
}

async fn load_link(
    conn: &mut Conn,
    key: RaterKey<'_>,
) -> Result<std::result::Result<(Invitation, Round), LinkProblem>> {
    let found = match key {
        RaterKey::Token(token) => store::invitation_by_token(conn, &hash_token(token)).await?,
        RaterKey::Invitation {
            actor,
            invitation_id,
        } => store::get_invitation(conn, &actor.organisation_id, invitation_id)
            .await?
            .filter(|i| i.person_id.as_deref() == Some(actor.person_id.as_str())),
    };
    let Some(invitation) = found else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if invitation.revoked_at.is_some() {
        return Ok(Err(LinkProblem::Revoked));
    }
    if invitation.submitted == 1 {
        return Ok(Err(LinkProblem::Used));
    }
    let Some(round) =
        store::get_round(conn, &invitation.organisation_id, &invitation.round_id).await?
    else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if round.status != "open" {
        return Ok(Err(LinkProblem::Closed));
    }
    if invitation.expires_at <= kleur_storage::now() {
        return Ok(Err(LinkProblem::Expired));
    }
    Ok(Ok((invitation, round)))
}

/// Opens the form behind a link. Reading never changes anything.
pub async fn answer_form(
    db: &Db,
    key: RaterKey<'_>,
) -> Result<std::result::Result<AnswerForm, LinkProblem>> {
    let mut conn = db.acquire().await?;
    let (invitation, round) = match load_link(&mut conn, key).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    let questionnaire = store::get_questionnaire(
        &mut conn,
        &round.organisation_id,
        &round.questionnaire_id,
        round.questionnaire_version,
    )
    .await?
    .ok_or(ServiceError::NotFound)?;
    let subject = people::get_person(&mut conn, &round.organisation_id, &round.subject_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let group = RaterGroup::parse(&invitation.rater_group).unwrap_or(RaterGroup::Peer);
    let mut items = items_of(&questionnaire);
    if group == RaterGroup::Own {
        // The employee's own view is a rating; open questions are for others.
        items.retain(QuestionItem::is_rating);
    }
    let draft = invitation
        .draft
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok())
        .unwrap_or_default();
    Ok(Ok(AnswerForm {
        subject_name: subject.display_name,
        group,
        items,
        scale: questionnaire.scale_points.clamp(2, 10) as u8,
        draft,
        invitation,
        round,
    }))
}

/// Parses form fields `rating-<key>` (1..=scale or `x` for cannot judge) and `open-<key>`.
pub fn answers_from_fields(
    form: &AnswerForm,
    fields: &[(String, String)],
) -> std::result::Result<Answers, Vec<FieldError>> {
    let mut answers = Answers::default();
    let mut errors = Vec::new();
    let scale = Scale { points: form.scale };
    for item in &form.items {
        let value = fields
            .iter()
            .find(|(k, _)| {
                *k == format!(
                    "{}-{}",
                    if item.is_rating() { "rating" } else { "open" },
                    item.key
                )
            })
            .map(|(_, v)| v.trim());
        if item.is_rating() {
            match value {
                None | Some("") => {}
                Some("x") => {
                    answers.ratings.insert(item.key.clone(), None);
                }
                Some(text) => match text.parse::<u8>() {
                    Ok(v) if scale.contains(v) => {
                        answers.ratings.insert(item.key.clone(), Some(v));
                    }
                    _ => errors.push(FieldError::new("ratings", "error-feedback-rating")),
                },
            }
        } else if let Some(text) = value.filter(|t| !t.is_empty()) {
            if text.chars().count() > COMMENT_MAX {
                errors.push(FieldError::new("comments", "error-feedback-comment-long"));
            } else {
                answers
                    .comments
                    .insert(item.key.clone(), text.replace("\r\n", "\n"));
            }
        }
    }
    errors.dedup();
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// What happened to a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    Draft,
    Final,
}

/// Saves a draft, or submits the answers once. A submission stores the answers without any link
/// to the rater and marks the invitation used, in one transaction; the last submission closes
/// the round.
pub async fn save_answers(
    db: &Db,
    key: RaterKey<'_>,
    answers: &Answers,
    submit: bool,
) -> Result<std::result::Result<Submitted, LinkProblem>> {
    let mut tx = db.begin().await?;
    let (invitation, round) = match load_link(&mut tx, key).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    if !submit {
        let draft =
            serde_json::to_string(answers).map_err(|e| ServiceError::Internal(e.to_string()))?;
        store::save_draft(&mut tx, &invitation.organisation_id, &invitation.id, &draft).await?;
        tx.commit().await?;
        return Ok(Ok(Submitted::Draft));
    }
    if answers.ratings.is_empty() && answers.comments.is_empty() {
        return Err(ServiceError::invalid("ratings", "error-feedback-empty"));
    }
    if !store::mark_submitted(&mut tx, &invitation.organisation_id, &invitation.id).await? {
        return Ok(Err(LinkProblem::Used));
    }
    let ratings = serde_json::to_string(&answers.ratings)
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    store::insert_response(
        &mut tx,
        &round.organisation_id,
        &round.id,
        &invitation.rater_group,
        &ratings,
    )
    .await?;
    for (item, body) in &answers.comments {
        store::insert_comment(&mut tx, &round.organisation_id, &round.id, item, body).await?;
    }
    let invitations =
        store::invitations_of_round(&mut tx, &round.organisation_id, &round.id).await?;
    if invitations
        .iter()
        .filter(|i| i.revoked_at.is_none())
        .all(|i| i.submitted == 1)
    {
        close_in(&mut tx, &round).await?;
    }
    tx.commit().await?;
    Ok(Ok(Submitted::Final))
}

/// One item of the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportItem {
    pub item: QuestionItem,
    pub own: Option<f64>,
    pub aggregate: rules::ItemAggregate,
    pub johari: Option<Johari>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub round: Round,
    pub scale: u8,
    pub threshold: usize,
    pub items: Vec<ReportItem>,
    pub agreement: Option<Agreement>,
    /// Open answers per question, unattributed, in random order.
    pub comments: Vec<(QuestionItem, Vec<String>)>,
    pub respondents: usize,
    /// The employee's own view and the others' over their closed rounds, oldest first, per item
    /// of this round that was asked in at least two of them. Only for the employee themself.
    pub trend: Vec<TrendItem>,
}

/// One round's figures for one item in the trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub title: String,
    /// The closing date (`YYYY-MM-DD`).
    pub date: String,
    pub own: Option<f64>,
    /// Only when the others reached the threshold in that round.
    pub others: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendItem {
    pub item: QuestionItem,
    pub points: Vec<TrendPoint>,
}

/// Rounds the trend looks back over, this one included.
pub const TREND_ROUNDS: usize = 6;

/// The report of one of the actor's own closed rounds. Before the round closes there is no
/// report, so answers cannot be watched arriving one by one.
pub async fn report(db: &Db, actor: &Actor, round_id: &str) -> Result<Report> {
    let mut conn = db.acquire().await?;
    let round = store::get_round(&mut conn, &actor.organisation_id, round_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if round.subject_id != actor.person_id && !shared_with(&mut conn, actor, &round).await? {
        return Err(ServiceError::NotFound);
    }
    if round.status != "closed" {
        return Err(ServiceError::NotFound);
    }
    let questionnaire = store::get_questionnaire(
        &mut conn,
        &round.organisation_id,
        &round.questionnaire_id,
        round.questionnaire_version,
    )
    .await?
    .ok_or(ServiceError::NotFound)?;
    let items = items_of(&questionnaire);
    let scale = Scale {
        points: questionnaire.scale_points.clamp(2, 10) as u8,
    };
    let threshold = Threshold::new(round.min_respondents.clamp(2, 50) as u8).unwrap_or_default();
    let responses: Vec<(RaterGroup, BTreeMap<String, Option<u8>>)> =
        store::responses_of_round(&mut conn, &round.organisation_id, &round.id)
            .await?
            .into_iter()
            .filter_map(|(group, ratings)| {
                Some((
                    RaterGroup::parse(&group)?,
                    serde_json::from_str(&ratings).ok()?,
                ))
            })
            .collect();
    let comments_raw =
        store::comments_of_round(&mut conn, &round.organisation_id, &round.id).await?;
    let owner = round.subject_id == actor.person_id;
    let mut report = build_report(round, &items, scale, threshold, &responses, &comments_raw);
    if owner {
        report.trend = trend(&mut conn, &report).await?;
    }
    Ok(report)
}

/// Loads and builds the report of one closed round (no trend).
async fn closed_report(conn: &mut Conn, round: Round) -> Result<Option<Report>> {
    let Some(questionnaire) = store::get_questionnaire(
        conn,
        &round.organisation_id,
        &round.questionnaire_id,
        round.questionnaire_version,
    )
    .await?
    else {
        return Ok(None);
    };
    let scale = Scale {
        points: questionnaire.scale_points.clamp(2, 10) as u8,
    };
    let threshold = Threshold::new(round.min_respondents.clamp(2, 50) as u8).unwrap_or_default();
    let responses: Vec<(RaterGroup, BTreeMap<String, Option<u8>>)> =
        store::responses_of_round(conn, &round.organisation_id, &round.id)
            .await?
            .into_iter()
            .filter_map(|(group, ratings)| {
                Some((
                    RaterGroup::parse(&group)?,
                    serde_json::from_str(&ratings).ok()?,
                ))
            })
            .collect();
    Ok(Some(build_report(
        round,
        &items_of(&questionnaire),
        scale,
        threshold,
        &responses,
        &[],
    )))
}

/// The trend of `report`'s items over the subject's closed rounds up to and including it.
/// Items are matched by key (catalogue talents keep their key across questionnaires).
async fn trend(conn: &mut Conn, report: &Report) -> Result<Vec<TrendItem>> {
    let current = &report.round;
    let mut earlier: Vec<Round> =
        store::rounds_of(conn, &current.organisation_id, &current.subject_id)
            .await?
            .into_iter()
            .filter(|r| r.status == "closed" && r.id != current.id)
            .filter(|r| r.closed_at.as_deref() <= current.closed_at.as_deref())
            .collect();
    earlier.sort_by(|a, b| a.closed_at.cmp(&b.closed_at));
    let keep = earlier.len().saturating_sub(TREND_ROUNDS - 1);
    let mut reports = Vec::new();
    for round in earlier.into_iter().skip(keep) {
        if let Some(built) = closed_report(conn, round).await? {
            reports.push(built);
        }
    }
    if reports.is_empty() {
        return Ok(Vec::new());
    }
    let point = |r: &Report, key: &str| {
        let entry = r.items.iter().find(|i| i.item.key == key)?;
        Some(TrendPoint {
            title: r.round.title.clone(),
            date: r
                .round
                .closed_at
                .as_deref()
                .unwrap_or(&r.round.deadline)
                .chars()
                .take(10)
                .collect(),
            own: entry.own,
            others: entry.aggregate.others.as_ref().map(|o| o.mean),
        })
    };
    Ok(report
        .items
        .iter()
        .filter_map(|entry| {
            let mut points: Vec<TrendPoint> = reports
                .iter()
                .filter_map(|r| point(r, &entry.item.key))
                .collect();
            if points.is_empty() {
                return None;
            }
            points.extend(point(report, &entry.item.key));
            Some(TrendItem {
                item: entry.item.clone(),
                points,
            })
        })
        .collect())
}

/// Where an insight from the report goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsightTarget {
    /// A private talent in the employee's portfolio.
    Talent,
    /// A private personal goal for this year.
    Goal,
}

/// Turns one item of the employee's own closed report into a private portfolio talent or a
/// personal goal, prefilled with the question and the figures. Returns where to edit it.
pub async fn insight_to(
    db: &Db,
    actor: &Actor,
    round_id: &str,
    item_key: &str,
    target: InsightTarget,
) -> Result<String> {
    let report = report(db, actor, round_id).await?;
    if report.round.subject_id != actor.person_id {
        // A manager reading a shared report cannot write into the employee's portfolio.
        return Err(ServiceError::NotFound);
    }
    let entry = report
        .items
        .iter()
        .find(|i| i.item.key == item_key)
        .ok_or(ServiceError::NotFound)?;
    let locale = actor.locale.unwrap_or_default();
    let figure = |value: Option<f64>| match value {
        Some(v) => format!("{v:.1}"),
        None => "–".to_owned(),
    };
    let note = kleur_i18n::translate(
        locale,
        "feedback-insight-note",
        &[
            ("title", &report.round.title),
            ("own", &figure(entry.own)),
            (
                "others",
                &figure(entry.aggregate.others.as_ref().map(|o| o.mean)),
            ),
        ],
    );
    let title: String = entry.item.text(&locale).chars().take(200).collect();
    match target {
        InsightTarget::Talent => {
            let catalogue_key = if crate::catalogue::get(db, actor, &entry.item.competence)
                .await
                .is_ok()
            {
                entry.item.competence.clone()
            } else {
                String::new()
            };
            let id = crate::portfolio::add_item(
                db,
                actor,
                &crate::portfolio::ItemInput {
                    section: "talents".to_owned(),
                    title,
                    body: note,
                    visibility: "private".to_owned(),
                    catalogue_key,
                    ..Default::default()
                },
            )
            .await?;
            Ok(format!("/portfolio/items/{id}/wijzigen"))
        }
        InsightTarget::Goal => {
            let id = crate::goals::create(
                db,
                actor,
                &crate::goals::GoalInput {
                    level: "personal".to_owned(),
                    cycle: Utc::now().format("%Y").to_string(),
                    title,
                    description: note,
                    visibility: "private".to_owned(),
                    ..Default::default()
                },
            )
            .await?;
            Ok(format!("/doelen/{id}/wijzigen"))
        }
    }
}

/// Builds the report from stored rows; pure, so it can be benchmarked and tested directly.
pub fn build_report(
    round: Round,
    items: &[QuestionItem],
    scale: Scale,
    threshold: Threshold,
    responses: &[(RaterGroup, BTreeMap<String, Option<u8>>)],
    comments: &[(String, String)],
) -> Report {
    let mut report_items = Vec::new();
    let mut pairs = Vec::new();
    for item in items.iter().filter(|i| i.is_rating()) {
        let ratings: Vec<(RaterGroup, Option<u8>)> = responses
            .iter()
            .filter_map(|(group, answers)| answers.get(&item.key).map(|r| (*group, *r)))
            .collect();
        let aggregate = rules::aggregate_item(&ratings, scale, threshold);
        let own = aggregate
            .groups
            .iter()
            .find(|g| g.group == Some(RaterGroup::Own))
            .map(|g| g.mean);
        let others = aggregate.others.as_ref().map(|o| o.mean);
        if let (Some(own), Some(others)) = (own, others) {
            pairs.push((own, others));
        }
        let johari = rules::johari(own, others, scale);
        report_items.push(ReportItem {
            item: item.clone(),
            own,
            aggregate,
            johari,
        });
    }
    let comments = items
        .iter()
        .filter(|i| !i.is_rating())
        .map(|item| {
            (
                item.clone(),
                comments
                    .iter()
                    .filter(|(key, _)| *key == item.key)
                    .map(|(_, body)| body.clone())
                    .collect(),
            )
        })
        .collect();
    Report {
        respondents: responses
            .iter()
            .filter(|(g, _)| *g != RaterGroup::Own)
            .count(),
        agreement: rules::agreement(&pairs, scale),
        round,
        scale: scale.points,
        threshold: threshold.get(),
        items: report_items,
        comments,
        trend: Vec::new(),
    }
}

/// Demo content: a closed round with a full report for `subject_id` (self, manager, colleagues
/// from their unit and one partner outside), and an open round for their manager. The answers
/// are made up but varied, and go through the same close step as real ones.
pub async fn seed_demo(db: &Db, organisation_id: &str, subject_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    ensure_default_questionnaire(&mut tx, organisation_id).await?;
    let subject = people::get_person(&mut tx, organisation_id, subject_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let filter = people::PeopleFilter {
        search: None,
        unit_id: subject.unit_id.as_deref(),
        manager_id: None,
    };
    let (team, _) = people::list_people(&mut tx, organisation_id, &filter, 12, 0).await?;
    let peers: Vec<_> = team
        .iter()
        .filter(|p| p.id != subject.id && Some(&p.id) != subject.manager_id.as_ref())
        .take(5)
        .collect();
    let items = default_items();
    let today = Utc::now().date_naive();
    let round = Round {
        organisation_id: organisation_id.to_owned(),
        id: kleur_storage::new_id(),
        subject_id: subject.id.clone(),
        questionnaire_id: DEFAULT_QUESTIONNAIRE.to_owned(),
        questionnaire_version: 1,
        title: "Feedbackronde 2026".to_owned(),
        deadline: (today - Duration::days(30)).format("%Y-%m-%d").to_string(),
        status: "open".to_owned(),
        min_respondents: Threshold::DEFAULT.get() as i64,
        created_at: kleur_storage::now(),
        closed_at: None,
        shared_with_manager: 0,
        proposed_by: None,
        proposal: None,
    };
    store::insert_round(&mut tx, &round).await?;
    // (group, person, email, base rating): the employee rates themself a little high on some items.
    let mut raters: Vec<(RaterGroup, Option<String>, String, i32)> = vec![(
        RaterGroup::Own,
        Some(subject.id.clone()),
        subject.email.clone(),
        4,
    )];
    if let Some(manager_id) = &subject.manager_id
        && let Some(manager) = people::get_person(&mut tx, organisation_id, manager_id).await?
    {
        raters.push((RaterGroup::Manager, Some(manager.id), manager.email, 4));
    }
    for peer in &peers {
        raters.push((
            RaterGroup::Peer,
            Some(peer.id.clone()),
            peer.email.clone(),
            3,
        ));
    }
    raters.push((
        RaterGroup::External,
        None,
        "partner@woonstichting.example".to_owned(),
        4,
    ));
    let comments = [
        ("sterk", "Je brengt rust in overleggen waar het schuurt."),
        ("sterk", "Inwoners voelen zich echt gehoord door jou."),
        (
            "sterk",
            "Je legt regels uit zonder dat iemand zich dom voelt.",
        ),
        (
            "groei",
            "Zeg vaker wat je zelf vindt, ook als het spannend is.",
        ),
        ("groei", "Je zou meer mogen delen wat je allemaal weet."),
    ];
    let expires = timestamp(Utc::now() - Duration::days(1));
    for (index, (group, person_id, email, base)) in raters.iter().enumerate() {
        store::insert_invitation(
            &mut tx,
            organisation_id,
            &round.id,
            group.as_str(),
            person_id.as_deref(),
            email,
            &hash_token(&random_token()),
            &expires,
        )
        .await?;
        let mut ratings: BTreeMap<String, Option<u8>> = BTreeMap::new();
        for (item_index, item) in items.iter().filter(|i| i.is_rating()).enumerate() {
            let wobble = ((index * 7 + item_index * 3) % 3) as i32 - 1;
            let value = match (group, item.key.as_str()) {
                (RaterGroup::Own, "helder") => 3,
                (RaterGroup::Own, "rust") => 5,
                (_, "helder") => 5,
                (_, "rust") => 3,
                _ => base + wobble,
            };
            ratings.insert(item.key.clone(), Some(value.clamp(1, 5) as u8));
        }
        let json =
            serde_json::to_string(&ratings).map_err(|e| ServiceError::Internal(e.to_string()))?;
        store::insert_response(&mut tx, organisation_id, &round.id, group.as_str(), &json).await?;
        if group.is_anonymous()
            && let Some((item, body)) = comments.get(index % comments.len())
        {
            store::insert_comment(&mut tx, organisation_id, &round.id, item, body).await?;
        }
    }
    sqlx::query("UPDATE feedback_invitations SET submitted = 1 WHERE organisation_id = $1 AND round_id = $2")
        .bind(organisation_id)
        .bind(&round.id)
        .execute(&mut *tx)
        .await?;
    close_in(&mut tx, &round).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves an open round's deadline (later or earlier, but after today and within a year).
pub async fn extend_deadline(db: &Db, actor: &Actor, round_id: &str, deadline: &str) -> Result<()> {
    let date = parse_deadline(deadline)
        .ok_or_else(|| ServiceError::invalid("deadline", "error-feedback-deadline"))?;
    let mut tx = db.begin().await?;
    let round = store::get_round(&mut tx, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    if round.status != "open" {
        return Err(ServiceError::invalid("deadline", "error-feedback-closed"));
    }
    store::set_deadline(&mut tx, &actor.organisation_id, round_id, &date).await?;
    let expires = links_expire(&date);
    store::set_invitation_expiry(&mut tx, &actor.organisation_id, round_id, &expires).await?;
    tx.commit().await?;
    Ok(())
}

/// Demo content: an open round of `subject_id`, with invitations (and their e-mails) to
/// colleagues of their unit, so raters find a request waiting on their feedback page.
pub async fn seed_demo_open(db: &Db, organisation_id: &str, subject_id: &str) -> Result<()> {
    let mut conn = db.acquire().await?;
    let subject = people::get_person(&mut conn, organisation_id, subject_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let filter = people::PeopleFilter {
        search: None,
        unit_id: subject.unit_id.as_deref(),
        manager_id: None,
    };
    let (team, _) = people::list_people(&mut conn, organisation_id, &filter, 12, 0).await?;
    let actor = crate::actor::load(&mut conn, organisation_id, subject_id).await?;
    drop(conn);
    let peers: Vec<String> = team
        .iter()
        .filter(|p| p.id != subject.id)
        .take(4)
        .map(|p| p.email.clone())
        .collect();
    if peers.len() < 3 {
        return Ok(());
    }
    let deadline = (Utc::now().date_naive() + Duration::days(21))
        .format("%Y-%m-%d")
        .to_string();
    let input = RoundInput {
        title: "Teamcoach in beeld".to_owned(),
        deadline,
        manager: if subject.manager_id.is_some() {
            "ja".to_owned()
        } else {
            String::new()
        },
        peers: peers.join("\n"),
        ..RoundInput::default()
    };
    start_round(db, &Settings::default(), &actor, &input).await?;
    Ok(())
}

/// True when the round's report was shared with the actor as the subject's current manager.
async fn shared_with(conn: &mut Conn, actor: &Actor, round: &Round) -> Result<bool> {
    if round.shared_with_manager != 1 || round.status != "closed" {
        return Ok(false);
    }
    let subject = people::get_person(conn, &round.organisation_id, &round.subject_id).await?;
    Ok(subject.and_then(|s| s.manager_id).as_deref() == Some(actor.person_id.as_str()))
}

/// The employee shares (or stops sharing) a closed round's report with their manager.
pub async fn share_with_manager(
    db: &Db,
    actor: &Actor,
    round_id: &str,
    shared: bool,
) -> Result<()> {
    let mut conn = db.acquire().await?;
    let round = store::get_round(&mut conn, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    if round.status != "closed" {
        return Err(ServiceError::invalid("round", "error-feedback-not-closed"));
    }
    store::set_shared_with_manager(&mut conn, &actor.organisation_id, round_id, shared).await?;
    Ok(())
}

/// Reports shared with the actor by the people they manage: (round, name of the employee).
pub async fn shared_with_me(db: &Db, actor: &Actor) -> Result<Vec<(Round, String)>> {
    let mut conn = db.acquire().await?;
    Ok(store::rounds_shared_with(&mut conn, &actor.organisation_id, &actor.person_id).await?)
}

/// A report shared with the actor, with the round (for the manager's view).
pub async fn shared_report(db: &Db, actor: &Actor, round_id: &str) -> Result<(Round, Report)> {
    let report = report(db, actor, round_id).await?;
    Ok((report.round.clone(), report))
}

/// A closing date as the forms give it: a real date after today and within a year.
fn parse_deadline(input: &str) -> Option<String> {
    let today = Utc::now().date_naive();
    let date = kleur_domain::portfolio::parse_date(input).ok().flatten()?;
    let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?;
    (day > today && day <= today + Duration::days(366)).then_some(date)
}

/// Links stay valid a week past the closing date, so a late extension still works.
fn links_expire(deadline: &str) -> String {
    timestamp(
        NaiveDate::parse_from_str(deadline, "%Y-%m-%d")
            .map(|d| d.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc() + Duration::days(7))
            .unwrap_or_else(|_| Utc::now() + Duration::days(30)),
    )
}

/// The questionnaires the actor can start a round with, and the id of the one assigned to them.
pub async fn questionnaires_for(db: &Db, actor: &Actor) -> Result<(Vec<Questionnaire>, String)> {
    let mut conn = db.acquire().await?;
    crate::questionnaires::available_for(&mut conn, &actor.organisation_id, &actor.person_id).await
}

/// Whether managers may propose rounds for people in their team (an organisation setting).
pub async fn manager_rounds_enabled(db: &Db, actor: &Actor) -> Result<bool> {
    let mut conn = db.acquire().await?;
    Ok(store::manager_rounds_enabled(&mut conn, &actor.organisation_id).await?)
}

/// HR or an administrator turns manager-proposed rounds on or off.
pub async fn set_manager_rounds(db: &Db, actor: &Actor, on: bool) -> Result<()> {
    if !crate::questionnaires::can_manage(actor) {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = db.acquire().await?;
    store::set_manager_rounds(&mut conn, &actor.organisation_id, on).await?;
    Ok(())
}

/// Queues a reminder with a fresh link for one unanswered invitation, in the caller's
/// transaction. Links are stored only as hashes, so the original link cannot be sent again: the
/// reminder carries a new one and the old one stops working. False when there was nothing to
/// remind (answered, withdrawn, or this reminder already went out).
async fn remind_in(
    conn: &mut Conn,
    settings: &Settings,
    organisation_id: &str,
    invitation_id: &str,
    bit: i64,
) -> Result<bool> {
    let Some(invitation) = store::get_invitation(conn, organisation_id, invitation_id).await?
    else {
        return Ok(false);
    };
    let Some(round) = store::get_round(conn, organisation_id, &invitation.round_id).await? else {
        return Ok(false);
    };
    if round.status != "open" || invitation.rater_group == RaterGroup::Own.as_str() {
        return Ok(false);
    }
    let token = random_token();
    if !store::renew_link(
        conn,
        organisation_id,
        invitation_id,
        &hash_token(&token),
        bit,
    )
    .await?
    {
        return Ok(false);
    }
    let subject = people::get_person(conn, organisation_id, &round.subject_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let locale = match &invitation.person_id {
        Some(person_id) => people::get_person(conn, organisation_id, person_id)
            .await?
            .and_then(|p| p.locale)
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or_default(),
        None => Locale::default(),
    };
    let link = format!("{}/feedback/antwoord/{token}", settings.base_url);
    let subject_line = kleur_i18n::translate(
        locale,
        "mail-feedback-reminder-subject",
        &[("name", &subject.display_name)],
    );
    let body = kleur_i18n::translate(
        locale,
        "mail-feedback-reminder-body",
        &[
            ("name", &subject.display_name),
            ("link", &link),
            ("deadline", &round.deadline),
            ("title", &round.title),
        ],
    );
    kleur_storage::outbox::enqueue(
        conn,
        organisation_id,
        &invitation.email,
        &subject_line,
        &body,
    )
    .await?;
    Ok(true)
}

/// Sends the automatic reminders (run by the background worker): three days and one day before
/// the deadline, once each, to invited raters who have not answered. A round started less than a
/// day ago gets none, so a short round does not remind right after inviting.
pub async fn send_due_reminders(db: &Db, settings: &Settings) -> Result<usize> {
    let today = Utc::now().date_naive();
    let day = |offset: i64| {
        (today + Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    };
    let created_before = timestamp(Utc::now() - Duration::days(1));
    let mut sent = 0;
    for (bit, from, to) in [
        (store::REMINDER_THREE_DAYS, day(2), day(3)),
        (store::REMINDER_ONE_DAY, day(0), day(1)),
    ] {
        let mut conn = db.acquire().await?;
        let due =
            store::invitations_due_reminder(&mut conn, &from, &to, &created_before, bit).await?;
        drop(conn);
        for (organisation_id, invitation_id) in due {
            let mut tx = db.begin().await?;
            if remind_in(&mut tx, settings, &organisation_id, &invitation_id, bit).await? {
                sent += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(sent)
}

/// Runs the reminders every `interval` until `shutdown` says stop; the outbox worker delivers.
pub async fn run_reminder_worker(
    db: Db,
    settings: Settings,
    interval: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if let Err(error) = send_due_reminders(&db, &settings).await {
            tracing::error!(%error, "feedback reminders");
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// The employee reminds, now, everyone invited who has not answered (once per round). The
/// employee does not learn who that is.
pub async fn remind_now(db: &Db, settings: &Settings, actor: &Actor, round_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let round = store::get_round(&mut tx, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    if round.status != "open" {
        return Err(ServiceError::invalid("remind", "error-feedback-closed"));
    }
    let invitations =
        store::invitations_of_round(&mut tx, &actor.organisation_id, &round.id).await?;
    if invitations
        .iter()
        .any(|i| i.reminders_sent & store::REMINDER_BY_EMPLOYEE != 0)
    {
        return Err(ServiceError::invalid("remind", "error-feedback-reminded"));
    }
    for invitation in &invitations {
        remind_in(
            &mut tx,
            settings,
            &actor.organisation_id,
            &invitation.id,
            store::REMINDER_BY_EMPLOYEE,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the employee already used "remind now" for a round.
pub fn reminded_by_employee(invitations: &[Invitation]) -> bool {
    invitations
        .iter()
        .any(|i| i.reminders_sent & store::REMINDER_BY_EMPLOYEE != 0)
}

/// The employee withdraws an unanswered invitation of their open round: its link stops working
/// at once. When everyone left has answered, the round closes.
pub async fn revoke_invitation(
    db: &Db,
    actor: &Actor,
    round_id: &str,
    invitation_id: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let round = store::get_round(&mut tx, &actor.organisation_id, round_id)
        .await?
        .filter(|r| r.subject_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    let invitation = store::get_invitation(&mut tx, &actor.organisation_id, invitation_id)
        .await?
        .filter(|i| i.round_id == round.id && i.rater_group != RaterGroup::Own.as_str())
        .ok_or(ServiceError::NotFound)?;
    if round.status != "open" {
        return Err(ServiceError::invalid("invitation", "error-feedback-closed"));
    }
    if !store::revoke_invitation(&mut tx, &actor.organisation_id, &round.id, &invitation.id).await?
    {
        return Err(ServiceError::invalid(
            "invitation",
            "error-feedback-cannot-revoke",
        ));
    }
    let invitations =
        store::invitations_of_round(&mut tx, &actor.organisation_id, &round.id).await?;
    let remaining: Vec<&Invitation> = invitations
        .iter()
        .filter(|i| i.revoked_at.is_none())
        .collect();
    if remaining
        .iter()
        .any(|i| i.rater_group != RaterGroup::Own.as_str())
        && remaining.iter().all(|i| i.submitted == 1)
    {
        close_in(&mut tx, &round).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The people the actor manages (active), who a manager may propose a round for.
pub async fn team_of(db: &Db, actor: &Actor) -> Result<Vec<(String, String)>> {
    let mut conn = db.acquire().await?;
    let filter = people::PeopleFilter {
        search: None,
        unit_id: None,
        manager_id: Some(&actor.person_id),
    };
    let (team, _) = people::list_people(&mut conn, &actor.organisation_id, &filter, 500, 0).await?;
    Ok(team.into_iter().map(|p| (p.id, p.display_name)).collect())
}

/// A manager proposes a round for someone in their team, if the organisation allows it. Nothing
/// goes to raters: the employee is told, and decides. Returns the proposal's id.
pub async fn propose_round(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    subject_id: &str,
    input: &RoundInput,
) -> Result<String> {
    if !manager_rounds_enabled(db, actor).await? {
        return Err(ServiceError::Forbidden);
    }
    let mut errors = Vec::new();
    let title = kleur_domain::person::clean_text(&input.title, 200, true).unwrap_or_else(|_| {
        errors.push(FieldError::new("title", "error-title-required"));
        String::new()
    });
    let deadline = parse_deadline(&input.deadline);
    if deadline.is_none() {
        errors.push(FieldError::new("deadline", "error-feedback-deadline"));
    }
    for (field, text) in [
        ("peers", &input.peers),
        ("direct_reports", &input.direct_reports),
        ("externals", &input.externals),
    ] {
        match addresses(text) {
            Ok(list) if list.len() > MAX_RATERS_PER_GROUP => {
                errors.push(FieldError::new(field, "error-feedback-too-many"))
            }
            Ok(_) => {}
            Err(()) => errors.push(FieldError::new(field, "error-feedback-addresses")),
        }
    }
    let mut tx = db.begin().await?;
    let subject = people::get_person(&mut tx, &actor.organisation_id, subject_id.trim())
        .await?
        .filter(|p| p.active == 1 && p.manager_id.as_deref() == Some(actor.person_id.as_str()));
    let Some(subject) = subject else {
        errors.push(FieldError::new("subject", "error-feedback-not-your-team"));
        return Err(ServiceError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let questionnaire_id =
        crate::questionnaires::assigned_for(&mut tx, &actor.organisation_id, &subject.id).await?;
    ensure_default_questionnaire(&mut tx, &actor.organisation_id).await?;
    let questionnaire =
        store::latest_questionnaire(&mut tx, &actor.organisation_id, &questionnaire_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
    let proposal = RoundInput {
        title: title.clone(),
        deadline: deadline.clone().unwrap_or_default(),
        manager: input.manager.clone(),
        peers: input.peers.clone(),
        direct_reports: input.direct_reports.clone(),
        externals: input.externals.clone(),
        questionnaire: questionnaire.id.clone(),
        small_groups_ok: String::new(),
        proposal: String::new(),
    };
    let id = kleur_storage::new_id();
    store::insert_round(
        &mut tx,
        &Round {
            organisation_id: actor.organisation_id.clone(),
            id: id.clone(),
            subject_id: subject.id.clone(),
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version,
            title: title.clone(),
            deadline: deadline.unwrap_or_default(),
            status: "proposed".to_owned(),
            min_respondents: Threshold::DEFAULT.get() as i64,
            created_at: kleur_storage::now(),
            closed_at: None,
            shared_with_manager: 0,
            proposed_by: Some(actor.person_id.clone()),
            proposal: Some(
                serde_json::to_string(&proposal)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?,
            ),
        },
    )
    .await?;
    let locale = subject
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_default();
    let link = format!("{}/feedback/voorstellen/{id}", settings.base_url);
    let subject_line = kleur_i18n::translate(
        locale,
        "mail-feedback-proposal-subject",
        &[("name", &actor.display_name)],
    );
    let body = kleur_i18n::translate(
        locale,
        "mail-feedback-proposal-body",
        &[
            ("name", &actor.display_name),
            ("title", &title),
            ("link", &link),
        ],
    );
    kleur_storage::outbox::enqueue(
        &mut tx,
        &actor.organisation_id,
        &subject.email,
        &subject_line,
        &body,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A proposal as the employee sees it before deciding.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub round: Round,
    pub input: RoundInput,
    pub proposed_by: String,
}

/// Proposals waiting for the actor's consent.
pub async fn proposals_for_me(db: &Db, actor: &Actor) -> Result<Vec<Proposal>> {
    let mut conn = db.acquire().await?;
    let rounds = store::proposals_for(&mut conn, &actor.organisation_id, &actor.person_id).await?;
    let mut out = Vec::new();
    for round in rounds {
        out.push(proposal_of(&mut conn, round).await?);
    }
    Ok(out)
}

async fn proposal_of(conn: &mut Conn, round: Round) -> Result<Proposal> {
    let input = round
        .proposal
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default();
    let proposed_by = match &round.proposed_by {
        Some(id) => people::get_person(conn, &round.organisation_id, id)
            .await?
            .map(|p| p.display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Proposal {
        round,
        input,
        proposed_by,
    })
}

/// One proposal waiting for the actor's consent; anyone else gets "not found".
pub async fn proposal_for_me(db: &Db, actor: &Actor, id: &str) -> Result<Proposal> {
    let mut conn = db.acquire().await?;
    let round = store::get_round(&mut conn, &actor.organisation_id, id)
        .await?
        .filter(|r| r.subject_id == actor.person_id && r.status == "proposed")
        .ok_or(ServiceError::NotFound)?;
    proposal_of(&mut conn, round).await
}

/// The employee declines a proposal; nothing was, or will be, sent to raters.
pub async fn decline_proposal(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    store::get_round(&mut tx, &actor.organisation_id, id)
        .await?
        .filter(|r| r.subject_id == actor.person_id && r.status == "proposed")
        .ok_or(ServiceError::NotFound)?;
    store::decline_proposal(&mut tx, &actor.organisation_id, id).await?;
    tx.commit().await?;
    Ok(())
}

/// What became of the actor's proposals: (id, title, status, employee's name).
pub async fn my_proposals(db: &Db, actor: &Actor) -> Result<Vec<(String, String, String, String)>> {
    let mut conn = db.acquire().await?;
    Ok(store::proposals_by(&mut conn, &actor.organisation_id, &actor.person_id).await?)
}
