//! The employee's portfolio: the owner writes it, and everyone else sees exactly what the owner
//! chose to share with them. Visibility is decided here, per request, by [`Relation`].

use kleur_domain::person::clean_text;
use kleur_domain::portfolio::{self as rules, Relation, Section, Visibility};
use kleur_domain::{Page, PageRequest};
use kleur_storage::people::{self, Person};
use kleur_storage::portfolio::{self as store, FileMeta, Item, NewItem};
use kleur_storage::{Conn, Db};
use serde::{Deserialize, Serialize};

use crate::{Actor, FieldError, Result, ServiceError};

/// Section-specific fields of an item, stored as JSON beside the common ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    /// Talents: the situation in which the talent showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub situation: Option<String>,
    /// Talents: what came of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Talents: who saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witness: Option<String>,
    /// Talents: how strongly I use it, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    /// Talents: how gladly I use it, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enjoyment: Option<u8>,
    /// Core qualities: Ofman's quadrant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pitfall: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergy: Option<String>,
    /// Ambitions: what I am open to (`roles`, `units`, `projects`, `mentoring`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_to: Vec<String>,
    /// Results: `result`, `certificate` or `testimonial`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Reflections and results: the date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Reflections: the goal this entry is about (one the owner may see).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    /// Reflections: the owner's own feedback round this entry is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_id: Option<String>,
}

pub const OPEN_TO: [&str; 4] = ["roles", "units", "projects", "mentoring"];
pub const RESULT_KINDS: [&str; 3] = ["result", "certificate", "testimonial"];

/// What a form or API client sends for an item. Unused fields of other sections are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ItemInput {
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub catalogue_key: String,
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub witness: String,
    #[serde(default)]
    pub strength: String,
    #[serde(default)]
    pub enjoyment: String,
    #[serde(default)]
    pub pitfall: String,
    #[serde(default)]
    pub challenge: String,
    #[serde(default)]
    pub allergy: String,
    #[serde(default)]
    pub open_to: Vec<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub goal_id: String,
    #[serde(default)]
    pub round_id: String,
    /// The version the edit started from; an edit of an older version is refused.
    #[serde(default)]
    pub version: Option<i64>,
}

struct ValidItem {
    section: Section,
    title: String,
    body: String,
    visibility: Visibility,
    catalogue_key: Option<String>,
    details: Details,
}

fn validate(input: &ItemInput, section_fixed: Option<Section>) -> Result<ValidItem> {
    let mut errors = Vec::new();
    let section = section_fixed.or_else(|| Section::parse(&input.section));
    if section.is_none() {
        errors.push(FieldError::new("section", "error-section"));
    }
    let mut text =
        |field: &'static str, value: &str, max: usize, required: bool| match clean_text_multiline(
            value, max, required,
        ) {
            Ok(value) => (!value.is_empty()).then_some(value),
            Err(key) => {
                errors.push(FieldError::new(field, key));
                None
            }
        };
    let title = text("title", &input.title, rules::TITLE_MAX, true).unwrap_or_default();
    let body = text("body", &input.body, rules::BODY_MAX, false).unwrap_or_default();
    let mut details = Details::default();
    match section {
        Some(Section::Talents) => {
            details.situation = text("situation", &input.situation, rules::DETAIL_MAX, false);
            details.result = text("result", &input.result, rules::DETAIL_MAX, false);
            details.witness = text("witness", &input.witness, 200, false);
            details.strength = rules::parse_rating(&input.strength).unwrap_or_else(|_| {
                errors.push(FieldError::new("strength", "error-rating"));
                None
            });
            details.enjoyment = rules::parse_rating(&input.enjoyment).unwrap_or_else(|_| {
                errors.push(FieldError::new("enjoyment", "error-rating"));
                None
            });
        }
        Some(Section::CoreQualities) => {
            let mut text = |field: &'static str, value: &str| match clean_text(value, 200, false) {
                Ok(value) => (!value.is_empty()).then_some(value),
                Err(_) => {
                    errors.push(FieldError::new(field, "error-text-too-long"));
                    None
                }
            };
            details.pitfall = text("pitfall", &input.pitfall);
            details.challenge = text("challenge", &input.challenge);
            details.allergy = text("allergy", &input.allergy);
        }
        Some(Section::Ambitions) => {
            let mut open_to: Vec<String> = Vec::new();
            for value in &input.open_to {
                match OPEN_TO.iter().find(|o| **o == value.trim()) {
                    Some(known) if !open_to.iter().any(|o| o == known) => {
                        open_to.push((*known).to_owned())
                    }
                    Some(_) => {}
                    None => errors.push(FieldError::new("open_to", "error-open-to")),
                }
            }
            details.open_to = open_to;
        }
        Some(Section::Results) => {
            details.kind = match input.kind.trim() {
                "" => Some("result".to_owned()),
                kind if RESULT_KINDS.contains(&kind) => Some(kind.to_owned()),
                _ => {
                    errors.push(FieldError::new("kind", "error-result-kind"));
                    None
                }
            };
        }
        _ => {}
    }
    if section == Some(Section::Reflections) {
        let id = |value: &str| {
            let value = value.trim();
            (!value.is_empty()
                && value.len() <= 64
                && value.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
            .then(|| value.to_owned())
        };
        details.goal_id = id(&input.goal_id);
        details.round_id = id(&input.round_id);
    }
    if matches!(section, Some(Section::Results | Section::Reflections)) {
        details.date = rules::parse_date(&input.date).unwrap_or_else(|_| {
            errors.push(FieldError::new("date", "error-date"));
            None
        });
    }
    let visibility = match input.visibility.trim() {
        "" => Some(Visibility::Private),
        text => Visibility::parse(text),
    };
    if visibility.is_none() {
        errors.push(FieldError::new("visibility", "error-visibility"));
    }
    let catalogue_key = match input.catalogue_key.trim() {
        "" => None,
        key if key.len() <= 80
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Some(key.to_owned())
        }
        _ => {
            errors.push(FieldError::new("catalogue_key", "error-catalogue-key"));
            None
        }
    };
    match (section, visibility) {
        (Some(section), Some(visibility)) if errors.is_empty() => Ok(ValidItem {
            section,
            title,
            body,
            visibility,
            catalogue_key,
            details,
        }),
        _ => Err(ServiceError::Invalid(errors)),
    }
}

/// Like [`clean_text`] but keeps line breaks, which journal entries and stories need.
fn clean_text_multiline(
    input: &str,
    max: usize,
    required: bool,
) -> std::result::Result<String, &'static str> {
    let value = input.trim().replace("\r\n", "\n");
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
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err("error-text-control");
    }
    Ok(value)
}

/// An item as a viewer gets it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    #[serde(flatten)]
    pub item: Item,
    #[serde(rename = "fields")]
    pub details: Details,
    pub files: Vec<FileMeta>,
    /// The linked goal `(id, title)`, only when the viewer may see that goal.
    #[serde(skip)]
    pub linked_goal: Option<(String, String)>,
    /// The linked feedback round `(id, title)`, only for the owner.
    #[serde(skip)]
    pub linked_round: Option<(String, String)>,
}

impl ItemView {
    pub fn visibility(&self) -> Visibility {
        Visibility::parse(&self.item.visibility).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub section: Section,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioView {
    pub owner: Person,
    #[serde(skip)]
    pub relation: Relation,
    pub sections: Vec<SectionView>,
}

impl PortfolioView {
    pub fn is_owner(&self) -> bool {
        self.relation == Relation::Owner
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }
}

/// The owner (in the actor's organisation) and how the actor stands to them.
async fn relation_to(conn: &mut Conn, actor: &Actor, owner_id: &str) -> Result<(Person, Relation)> {
    let owner = people::get_person(conn, &actor.organisation_id, owner_id)
        .await?
        .filter(|p| p.active == 1)
        .ok_or(ServiceError::NotFound)?;
    if owner.id == actor.person_id {
        return Ok((owner, Relation::Owner));
    }
    let viewer = people::get_person(conn, &actor.organisation_id, &actor.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let relation = Relation::between(
        &viewer.id,
        viewer.unit_id.as_deref(),
        &owner.id,
        owner.unit_id.as_deref(),
        owner.manager_id.as_deref(),
    );
    Ok((owner, relation))
}

fn visibility_names(relation: Relation) -> Vec<&'static str> {
    relation.visible().iter().map(|v| v.as_str()).collect()
}

async fn build_view(
    conn: &mut Conn,
    actor: &Actor,
    owner: Person,
    relation: Relation,
) -> Result<PortfolioView> {
    let items = store::items_of(
        conn,
        &actor.organisation_id,
        &owner.id,
        &visibility_names(relation),
    )
    .await?;
    let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    let files = store::files_of_items(conn, &actor.organisation_id, &ids).await?;
    let mut sections: Vec<SectionView> = Section::ALL
        .iter()
        .map(|s| SectionView {
            section: *s,
            items: Vec::new(),
        })
        .collect();
    for item in items {
        let Some(section) = Section::parse(&item.section) else {
            continue;
        };
        let details = serde_json::from_str(&item.details).unwrap_or_default();
        let item_files = files
            .iter()
            .filter(|f| f.item_id == item.id)
            .cloned()
            .collect();
        if let Some(target) = sections.iter_mut().find(|s| s.section == section) {
            target.items.push(ItemView {
                item,
                details,
                files: item_files,
                linked_goal: None,
                linked_round: None,
            });
        }
    }
    Ok(PortfolioView {
        owner,
        relation,
        sections,
    })
}

/// Someone's portfolio as the actor may see it. Looking at another person's portfolio is
/// recorded for its owner.
pub async fn view(db: &Db, actor: &Actor, owner_id: &str) -> Result<PortfolioView> {
    let (owner, relation) = {
        let mut conn = db.acquire().await?;
        relation_to(&mut conn, actor, owner_id).await?
    };
    // One connection at a time: holding one while waiting for another lets concurrent views
    // take the whole pool and wait for each other.
    if relation != Relation::Owner {
        // The owner's "who looked" list and the audit log, written together.
        let mut tx = db.begin().await?;
        store::record_view(&mut tx, &actor.organisation_id, &owner.id, &actor.person_id).await?;
        crate::audit::record(
            &mut tx,
            &actor.organisation_id,
            crate::audit::Event::PortfolioViewed,
            Some(&actor.person_id),
            Some(&owner.id),
            "",
        )
        .await?;
        tx.commit().await?;
    }
    let mut conn = db.acquire().await?;
    let mut view = build_view(&mut conn, actor, owner, relation).await?;
    drop(conn);
    resolve_links(db, actor, &mut view).await?;
    Ok(view)
}

/// Fills in the goal and feedback round a reflection points to, as far as the viewer may see
/// them: a goal through the goals' own visibility rule, a round only for its owner. One query
/// for all goals and one for all rounds, however many reflections link to them.
async fn resolve_links(db: &Db, actor: &Actor, view: &mut PortfolioView) -> Result<()> {
    let is_owner = view.is_owner();
    let entries = || view.sections.iter().flat_map(|s| &s.items);
    let mut goal_ids: Vec<String> = entries()
        .filter_map(|e| e.details.goal_id.clone())
        .collect();
    goal_ids.sort();
    goal_ids.dedup();
    let links_rounds = is_owner && entries().any(|e| e.details.round_id.is_some());
    let goals = crate::goals::visible_titles(db, actor, &goal_ids).await?;
    let rounds = if links_rounds {
        crate::feedback::my_round_titles(db, actor).await?
    } else {
        Default::default()
    };
    for section in &mut view.sections {
        for entry in &mut section.items {
            if let Some(goal_id) = &entry.details.goal_id {
                entry.linked_goal = goals
                    .get(goal_id)
                    .map(|title| (goal_id.clone(), title.clone()));
            }
            if let (true, Some(round_id)) = (is_owner, &entry.details.round_id) {
                entry.linked_round = rounds
                    .get(round_id)
                    .map(|title| (round_id.clone(), title.clone()));
            }
        }
    }
    Ok(())
}

/// Refuses links to a goal the owner may not see or a round that is not theirs.
async fn check_links(db: &Db, actor: &Actor, details: &Details) -> Result<()> {
    let mut errors = Vec::new();
    if let Some(goal_id) = &details.goal_id
        && crate::goals::view(db, actor, goal_id).await.is_err()
    {
        errors.push(FieldError::new("goal_id", "error-link-goal"));
    }
    if let Some(round_id) = &details.round_id
        && crate::feedback::my_round(db, actor, round_id)
            .await
            .is_err()
    {
        errors.push(FieldError::new("round_id", "error-link-round"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(errors))
    }
}

/// One of the actor's own items, for editing.
pub async fn own_item(db: &Db, actor: &Actor, item_id: &str) -> Result<ItemView> {
    let mut conn = db.acquire().await?;
    let item = store::get_item(&mut conn, &actor.organisation_id, item_id)
        .await?
        .filter(|i| i.owner_id == actor.person_id)
        .ok_or(ServiceError::NotFound)?;
    let files = store::files_of_items(
        &mut conn,
        &actor.organisation_id,
        std::slice::from_ref(&item.id),
    )
    .await?;
    let details = serde_json::from_str(&item.details).unwrap_or_default();
    Ok(ItemView {
        item,
        details,
        files,
        linked_goal: None,
        linked_round: None,
    })
}

fn details_json(details: &Details) -> Result<String> {
    serde_json::to_string(details).map_err(|e| ServiceError::Internal(e.to_string()))
}

/// Adds an item to the actor's own portfolio.
pub async fn add_item(db: &Db, actor: &Actor, input: &ItemInput) -> Result<String> {
    let valid = validate(input, None)?;
    check_links(db, actor, &valid.details).await?;
    let details = details_json(&valid.details)?;
    let mut tx = db.begin().await?;
    let count = store::count_in_section(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        valid.section.as_str(),
    )
    .await?;
    if count >= rules::MAX_ITEMS_PER_SECTION {
        return Err(ServiceError::invalid("section", "error-section-full"));
    }
    let id = store::insert_item(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        &NewItem {
            section: valid.section.as_str(),
            title: &valid.title,
            body: &valid.body,
            visibility: valid.visibility.as_str(),
            catalogue_key: valid.catalogue_key.as_deref(),
            details: &details,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes one of the actor's own items. Refused with [`ServiceError::Stale`] when the item
/// changed since `input.version`.
pub async fn update_item(db: &Db, actor: &Actor, item_id: &str, input: &ItemInput) -> Result<()> {
    let mut tx = db.begin().await?;
    let current = store::get_item(&mut tx, &actor.organisation_id, item_id)
        .await?
        .filter(|i| i.owner_id == actor.person_id && i.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let section = Section::parse(&current.section);
    let valid = validate(input, section)?;
    drop(tx);
    check_links(db, actor, &valid.details).await?;
    let mut tx = db.begin().await?;
    let details = details_json(&valid.details)?;
    let expected = input.version.unwrap_or(current.version);
    let updated = store::update_item(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        item_id,
        expected,
        &NewItem {
            section: valid.section.as_str(),
            title: &valid.title,
            body: &valid.body,
            visibility: valid.visibility.as_str(),
            catalogue_key: valid.catalogue_key.as_deref(),
            details: &details,
        },
    )
    .await?;
    if !updated {
        return Err(ServiceError::Stale);
    }
    tx.commit().await?;
    Ok(())
}

/// Removes an item; it can be brought back with [`restore_item`] for [`UNDO_DAYS`] days.
pub async fn remove_item(db: &Db, actor: &Actor, item_id: &str) -> Result<()> {
    // One transaction: the item and its search terms go together.
    let mut tx = db.begin().await?;
    own_live(&mut tx, actor, item_id).await?;
    store::set_deleted(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        item_id,
        Some(&kleur_storage::now()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub const UNDO_DAYS: i64 = 30;

pub async fn restore_item(db: &Db, actor: &Actor, item_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    store::get_item(&mut tx, &actor.organisation_id, item_id)
        .await?
        .filter(|i| i.owner_id == actor.person_id && i.deleted_at.is_some())
        .ok_or(ServiceError::NotFound)?;
    store::set_deleted(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        item_id,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves an item one place up or down in its section.
pub async fn move_item(db: &Db, actor: &Actor, item_id: &str, up: bool) -> Result<()> {
    let mut tx = db.begin().await?;
    own_live(&mut tx, actor, item_id).await?;
    store::move_item(
        &mut tx,
        &actor.organisation_id,
        &actor.person_id,
        item_id,
        up,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn own_live(conn: &mut Conn, actor: &Actor, item_id: &str) -> Result<Item> {
    store::get_item(conn, &actor.organisation_id, item_id)
        .await?
        .filter(|i| i.owner_id == actor.person_id && i.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)
}

/// Who looked at the actor's portfolio, newest first.
pub async fn views(db: &Db, actor: &Actor, request: PageRequest) -> Result<Page<store::View>> {
    let mut conn = db.acquire().await?;
    let (items, total) = store::views_of(
        &mut conn,
        &actor.organisation_id,
        &actor.person_id,
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

pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The file types a result may carry, recognised by their first bytes, not by what the browser
/// claims.
pub fn sniff_content_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Attaches a file (PDF, PNG or JPEG, at most 5 MB) to one of the actor's result items.
pub async fn attach_file(
    db: &Db,
    actor: &Actor,
    item_id: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<String> {
    if bytes.is_empty() {
        return Err(ServiceError::invalid("file", "error-file-empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ServiceError::invalid("file", "error-file-too-large"));
    }
    let content_type = sniff_content_type(bytes)
        .ok_or_else(|| ServiceError::invalid("file", "error-file-type"))?;
    let name: String = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .take(120)
        .collect();
    let name = if name.trim().is_empty() {
        "bestand".to_owned()
    } else {
        name
    };
    let encoded = base64_encode(bytes);
    let mut tx = db.begin().await?;
    let item = own_live(&mut tx, actor, item_id).await?;
    if item.section != Section::Results.as_str() {
        return Err(ServiceError::invalid("file", "error-file-section"));
    }
    let id = store::insert_file(
        &mut tx,
        &actor.organisation_id,
        item_id,
        &name,
        content_type,
        bytes.len() as i64,
        &encoded,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A file, if the actor may see the item it belongs to.
pub async fn file(db: &Db, actor: &Actor, file_id: &str) -> Result<(FileMeta, Vec<u8>)> {
    let mut conn = db.acquire().await?;
    let (meta, content) = store::get_file(&mut conn, &actor.organisation_id, file_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let item = store::get_item(&mut conn, &actor.organisation_id, &meta.item_id)
        .await?
        .filter(|i| i.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let (_, relation) = relation_to(&mut conn, actor, &item.owner_id).await?;
    let visibility = Visibility::parse(&item.visibility).unwrap_or_default();
    if !relation.can_see(visibility) {
        return Err(ServiceError::NotFound);
    }
    let bytes = base64_decode(&content)
        .ok_or_else(|| ServiceError::Internal("stored file is not base64".into()))?;
    Ok((meta, bytes))
}

pub async fn remove_file(db: &Db, actor: &Actor, file_id: &str) -> Result<()> {
    let mut conn = db.acquire().await?;
    let (meta, _) = store::get_file(&mut conn, &actor.organisation_id, file_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    own_live(&mut conn, actor, &meta.item_id).await?;
    store::delete_file(&mut conn, &actor.organisation_id, file_id).await?;
    Ok(())
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(BASE64[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let value = BASE64.iter().position(|b| *b == c)? as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for input in [&b""[..], b"a", b"ab", b"abc", b"abcd", &[0, 255, 128, 7, 9]] {
            assert_eq!(base64_decode(&base64_encode(input)).as_deref(), Some(input));
        }
        assert_eq!(base64_encode(b"Kleur"), "S2xldXI=");
        assert!(base64_decode("not base64!").is_none());
    }

    #[test]
    fn sniffs_file_types() {
        assert_eq!(sniff_content_type(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(sniff_content_type(b"<html>"), None);
        assert_eq!(sniff_content_type(b"MZ\x90\x00"), None);
    }

    #[test]
    fn validates_section_fields() {
        let input = ItemInput {
            section: "talents".into(),
            title: "Verbinden".into(),
            strength: "6".into(),
            visibility: "everyone".into(),
            ..Default::default()
        };
        let Err(ServiceError::Invalid(errors)) = validate(&input, None) else {
            panic!("invalid")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["strength", "visibility"]);
        let ok = ItemInput {
            section: "reflections".into(),
            title: "Wat ik leerde".into(),
            body: "Regel een\r\nRegel twee".into(),
            date: "2026-11-24".into(),
            ..Default::default()
        };
        let valid = validate(&ok, None).expect("valid");
        assert_eq!(valid.visibility, Visibility::Private, "private by default");
        assert_eq!(valid.body, "Regel een\nRegel twee");
        assert_eq!(valid.details.date.as_deref(), Some("2026-11-24"));
    }
}

/// The portable form of a whole portfolio: what `export` writes and `import` reads.
/// Documented in docs/portfolio-export.md; `version` changes when the shape does.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioExport {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub owner: ExportOwner,
    pub items: Vec<ExportItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportOwner {
    pub display_name: String,
    pub email: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportItem {
    pub section: Section,
    pub title: String,
    #[serde(default)]
    pub body: String,
    pub visibility: Visibility,
    #[serde(default)]
    pub catalogue_key: Option<String>,
    #[serde(default)]
    pub fields: Details,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub files: Vec<ExportFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    pub file_name: String,
    pub content_type: String,
    pub content_base64: String,
}

pub const EXPORT_FORMAT: &str = "kleur-portfolio";
pub const EXPORT_VERSION: u32 = 1;

/// Everything in the actor's own portfolio, files included. Only ever one's own: nobody, not an
/// administrator either, can export another person's items.
pub async fn export(db: &Db, actor: &Actor) -> Result<PortfolioExport> {
    let mut conn = db.acquire().await?;
    let (owner, _) = relation_to(&mut conn, actor, &actor.person_id).await?;
    let view = build_view(&mut conn, actor, owner, Relation::Owner).await?;
    let mut items = Vec::new();
    // Every file's content in one query, not one per file.
    let ids: Vec<String> = view
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|e| e.item.id.clone()))
        .collect();
    let contents = store::file_contents_of_items(&mut conn, &actor.organisation_id, &ids).await?;
    for section in &view.sections {
        for entry in &section.items {
            let files = contents
                .iter()
                .filter(|(meta, _)| meta.item_id == entry.item.id)
                .map(|(meta, content)| ExportFile {
                    file_name: meta.file_name.clone(),
                    content_type: meta.content_type.clone(),
                    content_base64: content.clone(),
                })
                .collect();
            items.push(ExportItem {
                section: section.section,
                title: entry.item.title.clone(),
                body: entry.item.body.clone(),
                visibility: entry.visibility(),
                catalogue_key: entry.item.catalogue_key.clone(),
                fields: entry.details.clone(),
                created_at: Some(entry.item.created_at.clone()),
                files,
            });
        }
    }
    crate::audit::record(
        &mut conn,
        &actor.organisation_id,
        crate::audit::Event::PortfolioExported,
        Some(&actor.person_id),
        Some(&actor.person_id),
        "",
    )
    .await?;
    Ok(PortfolioExport {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        exported_at: kleur_storage::now(),
        owner: ExportOwner {
            display_name: view.owner.display_name,
            email: view.owner.email,
        },
        items,
    })
}

/// A problem in an import file: which item (counting from 1), and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub item: usize,
    pub field: &'static str,
    pub message_key: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not a Kleur portfolio export")]
    NotAnExport,
    #[error("the file has problems")]
    Invalid(Vec<ImportProblem>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<kleur_storage::StorageError> for ImportError {
    fn from(error: kleur_storage::StorageError) -> Self {
        ImportError::Service(error.into())
    }
}

/// Adds every item of an export to the actor's portfolio, after the items already there, with
/// the visibility it had. All or nothing.
pub async fn import(
    db: &Db,
    actor: &Actor,
    bytes: &[u8],
) -> std::result::Result<usize, ImportError> {
    let export: PortfolioExport =
        serde_json::from_slice(bytes).map_err(|_| ImportError::NotAnExport)?;
    if export.format != EXPORT_FORMAT || export.version != EXPORT_VERSION {
        return Err(ImportError::NotAnExport);
    }
    let mut problems = Vec::new();
    let mut valid = Vec::new();
    for (index, item) in export.items.iter().enumerate() {
        let d = &item.fields;
        let input = ItemInput {
            section: item.section.as_str().to_owned(),
            title: item.title.clone(),
            body: item.body.clone(),
            visibility: item.visibility.as_str().to_owned(),
            catalogue_key: item.catalogue_key.clone().unwrap_or_default(),
            situation: d.situation.clone().unwrap_or_default(),
            result: d.result.clone().unwrap_or_default(),
            witness: d.witness.clone().unwrap_or_default(),
            strength: d.strength.map(|v| v.to_string()).unwrap_or_default(),
            enjoyment: d.enjoyment.map(|v| v.to_string()).unwrap_or_default(),
            pitfall: d.pitfall.clone().unwrap_or_default(),
            challenge: d.challenge.clone().unwrap_or_default(),
            allergy: d.allergy.clone().unwrap_or_default(),
            open_to: d.open_to.clone(),
            kind: d.kind.clone().unwrap_or_default(),
            date: d.date.clone().unwrap_or_default(),
            // Goals and rounds belong to the organisation the export came from.
            goal_id: String::new(),
            round_id: String::new(),
            version: None,
        };
        match validate(&input, None) {
            Ok(checked) => {
                let mut files = Vec::new();
                for file in &item.files {
                    match base64_decode(&file.content_base64) {
                        Some(bytes)
                            if !bytes.is_empty()
                                && bytes.len() <= MAX_FILE_BYTES
                                && sniff_content_type(&bytes).is_some() =>
                        {
                            files.push((file.file_name.clone(), bytes))
                        }
                        _ => problems.push(ImportProblem {
                            item: index + 1,
                            field: "file",
                            message_key: "error-file-type",
                        }),
                    }
                }
                if checked.section != Section::Results && !files.is_empty() {
                    problems.push(ImportProblem {
                        item: index + 1,
                        field: "file",
                        message_key: "error-file-section",
                    });
                }
                valid.push((checked, files));
            }
            Err(ServiceError::Invalid(fields)) => {
                problems.extend(fields.into_iter().map(|f| ImportProblem {
                    item: index + 1,
                    field: f.field,
                    message_key: f.message_key,
                }))
            }
            Err(other) => return Err(other.into()),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    let mut tx = db.begin().await?;
    for (checked, files) in &valid {
        let count = store::count_in_section(
            &mut tx,
            &actor.organisation_id,
            &actor.person_id,
            checked.section.as_str(),
        )
        .await?;
        if count >= rules::MAX_ITEMS_PER_SECTION {
            return Err(ImportError::Invalid(vec![ImportProblem {
                item: 0,
                field: "section",
                message_key: "error-section-full",
            }]));
        }
        let details = details_json(&checked.details)?;
        let id = store::insert_item(
            &mut tx,
            &actor.organisation_id,
            &actor.person_id,
            &NewItem {
                section: checked.section.as_str(),
                title: &checked.title,
                body: &checked.body,
                visibility: checked.visibility.as_str(),
                catalogue_key: checked.catalogue_key.as_deref(),
                details: &details,
            },
        )
        .await?;
        for (name, bytes) in files {
            let content_type = sniff_content_type(bytes).unwrap_or("application/octet-stream");
            store::insert_file(
                &mut tx,
                &actor.organisation_id,
                &id,
                name,
                content_type,
                bytes.len() as i64,
                &base64_encode(bytes),
            )
            .await?;
        }
    }
    tx.commit().await.map_err(ServiceError::from)?;
    Ok(valid.len())
}
