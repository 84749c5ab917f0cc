//! The organisation's talent catalogue: talents and core qualities people choose from in their
//! portfolio. Every organisation starts with a copy of Kleur's default catalogue
//! ([`ensure_catalogue`]); HR advisers and administrators adapt it. Everyone in the organisation
//! reads the active entries. Entries are retired, never deleted: portfolio items keep their own
//! title and `catalogue_key`, so a retired entry breaks nothing and can be restored.

use kleur_domain::catalogue::{
    self as rules, Category, Entry, EntryKind, EntryProblem, Quadrant, default_catalogue_ref,
};
use kleur_domain::{Page, PageRequest, Role};
use kleur_storage::catalogue::{self as store, EntryFilter, EntryRow, NewCategory, NewEntry};
use kleur_storage::{Conn, Db, StorageError};
use serde::{Deserialize, Serialize};

pub use kleur_storage::catalogue::Status;

use crate::{Actor, FieldError, Result, ServiceError};

/// Gives an organisation its own copy of the default catalogue if it has none yet. Safe to call
/// any number of times and from several requests at once: the copy is written in one
/// transaction and rows that exist already are skipped. Returns how many entries were added
/// (0 when the organisation already had its catalogue).
pub async fn ensure_catalogue(db: &Db, organisation_id: &str) -> Result<u64> {
    {
        let mut conn = db.acquire().await?;
        if store::has_entries(&mut conn, organisation_id).await? {
            return Ok(0);
        }
        kleur_storage::org::get_organisation(&mut conn, organisation_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
    }
    let catalogue = default_catalogue_ref();
    let categories: Vec<NewCategory> = catalogue
        .categories
        .iter()
        .enumerate()
        .map(|(position, category)| NewCategory {
            category_key: category.key.clone(),
            name_nl: category.nl.clone(),
            name_en: category.en.clone(),
            position: position as i64 + 1,
        })
        .collect();
    let entries = catalogue
        .entries
        .iter()
        .map(new_entry)
        .collect::<Result<Vec<_>>>()?;
    let mut tx = db.begin().await?;
    // Checked again inside the transaction: another request may have copied it meanwhile.
    if store::has_entries(&mut tx, organisation_id).await? {
        return Ok(0);
    }
    store::insert_categories(&mut tx, organisation_id, &categories).await?;
    let added = store::insert_entries(&mut tx, organisation_id, &entries).await?;
    tx.commit().await?;
    Ok(added)
}

async fn ensure(db: &Db, actor: &Actor) -> Result<()> {
    ensure_catalogue(db, &actor.organisation_id).await?;
    Ok(())
}

/// Only HR advisers and administrators change the catalogue or see retired entries.
pub fn can_manage(actor: &Actor) -> bool {
    actor.roles.has(Role::HrAdviser) || actor.roles.has(Role::Administrator)
}

fn require_manager(actor: &Actor) -> Result<()> {
    actor.require(can_manage(actor))
}

/// An entry of the organisation's catalogue with its bookkeeping.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntry {
    #[serde(flatten)]
    pub entry: Entry,
    pub retired_at: Option<String>,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl CatalogueEntry {
    pub fn is_retired(&self) -> bool {
        self.retired_at.is_some()
    }
}

fn json_list(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

fn from_row(row: EntryRow) -> CatalogueEntry {
    let kind = EntryKind::parse(&row.kind).unwrap_or(EntryKind::Talent);
    let fields = [
        row.pitfall_nl,
        row.challenge_nl,
        row.allergy_nl,
        row.pitfall_en,
        row.challenge_en,
        row.allergy_en,
    ];
    let quadrant =
        (kind == EntryKind::CoreQuality && fields.iter().any(Option::is_some)).then(|| {
            let [
                pitfall_nl,
                challenge_nl,
                allergy_nl,
                pitfall_en,
                challenge_en,
                allergy_en,
            ] = fields.map(Option::unwrap_or_default);
            Quadrant {
                pitfall_nl,
                challenge_nl,
                allergy_nl,
                pitfall_en,
                challenge_en,
                allergy_en,
            }
        });
    CatalogueEntry {
        entry: Entry {
            key: row.entry_key,
            kind,
            category: row.category_key,
            nl: row.name_nl,
            en: row.name_en,
            description_nl: row.description_nl,
            description_en: row.description_en,
            synonyms_nl: json_list(&row.synonyms_nl),
            synonyms_en: json_list(&row.synonyms_en),
            quadrant,
        },
        retired_at: row.retired_at,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// The row to write for a (valid) entry, with its folded names and search text.
fn new_entry(entry: &Entry) -> Result<NewEntry> {
    let json = |list: &Vec<String>| {
        serde_json::to_string(list).map_err(|e| ServiceError::Internal(e.to_string()))
    };
    let quadrant = entry.quadrant.as_ref();
    let part = |f: fn(&Quadrant) -> &String| quadrant.map(|q| f(q).clone());
    Ok(NewEntry {
        entry_key: entry.key.clone(),
        kind: entry.kind.as_str().to_owned(),
        category_key: entry.category.clone(),
        name_nl: entry.nl.clone(),
        name_en: entry.en.clone(),
        description_nl: entry.description_nl.clone(),
        description_en: entry.description_en.clone(),
        synonyms_nl: json(&entry.synonyms_nl)?,
        synonyms_en: json(&entry.synonyms_en)?,
        pitfall_nl: part(|q| &q.pitfall_nl),
        challenge_nl: part(|q| &q.challenge_nl),
        allergy_nl: part(|q| &q.allergy_nl),
        pitfall_en: part(|q| &q.pitfall_en),
        challenge_en: part(|q| &q.challenge_en),
        allergy_en: part(|q| &q.allergy_en),
        name_nl_folded: rules::fold(&entry.nl),
        name_en_folded: rules::fold(&entry.en),
        search_text: rules::search_text(entry),
    })
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Found in the names and synonyms of both languages, ignoring case and accents.
    pub search: String,
    pub kind: Option<EntryKind>,
    /// A category key; empty for all.
    pub category: String,
    /// Anything but [`Status::Active`] is for HR advisers and administrators only.
    pub status: Status,
    /// Order by the English names.
    pub english: bool,
}

/// One page of the organisation's catalogue, ordered by name.
pub async fn list(
    db: &Db,
    actor: &Actor,
    filter: &ListFilter,
    request: PageRequest,
) -> Result<Page<CatalogueEntry>> {
    if filter.status != Status::Active {
        require_manager(actor)?;
    }
    ensure(db, actor).await?;
    let search = rules::fold(&filter.search);
    let mut conn = db.acquire().await?;
    let (rows, total) = store::list_entries(
        &mut conn,
        &actor.organisation_id,
        &EntryFilter {
            search: &search,
            kind: filter.kind.map(EntryKind::as_str).unwrap_or_default(),
            category: filter.category.trim(),
            status: filter.status,
            english: filter.english,
        },
        request.limit(),
        request.offset(),
    )
    .await?;
    Ok(Page {
        items: rows.into_iter().map(from_row).collect(),
        page: request.page,
        per_page: request.per_page,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// One entry. A retired entry is only found by those who manage the catalogue; another
/// organisation's entry is never found.
pub async fn get(db: &Db, actor: &Actor, key: &str) -> Result<CatalogueEntry> {
    ensure(db, actor).await?;
    let mut conn = db.acquire().await?;
    let entry = store::get_entry(&mut conn, &actor.organisation_id, key.trim())
        .await?
        .map(from_row)
        .ok_or(ServiceError::NotFound)?;
    if entry.is_retired() && !can_manage(actor) {
        return Err(ServiceError::NotFound);
    }
    Ok(entry)
}

/// The organisation's categories, in order.
pub async fn categories(db: &Db, actor: &Actor) -> Result<Vec<Category>> {
    ensure(db, actor).await?;
    let mut conn = db.acquire().await?;
    Ok(store::categories(&mut conn, &actor.organisation_id)
        .await?
        .into_iter()
        .map(|c| Category {
            key: c.category_key,
            nl: c.name_nl,
            en: c.name_en,
        })
        .collect())
}

/// Every active entry (of one kind, or all), for suggestions in the portfolio.
pub async fn active_entries(db: &Db, actor: &Actor, kind: Option<EntryKind>) -> Result<Vec<Entry>> {
    ensure(db, actor).await?;
    let mut conn = db.acquire().await?;
    Ok(store::active_entries(
        &mut conn,
        &actor.organisation_id,
        kind.map(EntryKind::as_str).unwrap_or_default(),
    )
    .await?
    .into_iter()
    .map(|row| from_row(row).entry)
    .collect())
}

/// The active core quality of the organisation's catalogue that matches what someone typed (see
/// [`kleur_domain::catalogue::suggest_quadrant`]), to fill in its quadrant.
pub async fn suggest_quadrant(db: &Db, actor: &Actor, quality: &str) -> Result<Option<Entry>> {
    let entries = active_entries(db, actor, Some(EntryKind::CoreQuality)).await?;
    Ok(rules::suggest_quadrant_in(&entries, quality).cloned())
}

/// What a form sends for an entry. Synonyms are one text per language, separated by commas,
/// semicolons or new lines.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EntryInput {
    /// Only for a new entry; left empty, it is made from the Dutch name.
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub name_nl: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description_nl: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub synonyms_nl: String,
    #[serde(default)]
    pub synonyms_en: String,
    #[serde(default)]
    pub pitfall_nl: String,
    #[serde(default)]
    pub challenge_nl: String,
    #[serde(default)]
    pub allergy_nl: String,
    #[serde(default)]
    pub pitfall_en: String,
    #[serde(default)]
    pub challenge_en: String,
    #[serde(default)]
    pub allergy_en: String,
    /// The version the edit started from; an edit of an older version is refused.
    #[serde(default)]
    pub version: Option<i64>,
}

impl EntryInput {
    /// The form values of an existing entry, for editing.
    pub fn from_entry(entry: &CatalogueEntry) -> Self {
        let e = &entry.entry;
        let q = e.quadrant.as_ref();
        let part = |f: fn(&Quadrant) -> &String| q.map(|q| f(q).clone()).unwrap_or_default();
        EntryInput {
            key: e.key.clone(),
            kind: e.kind.as_str().to_owned(),
            category: e.category.clone(),
            name_nl: e.nl.clone(),
            name_en: e.en.clone(),
            description_nl: e.description_nl.clone(),
            description_en: e.description_en.clone(),
            synonyms_nl: e.synonyms_nl.join(", "),
            synonyms_en: e.synonyms_en.join(", "),
            pitfall_nl: part(|q| &q.pitfall_nl),
            challenge_nl: part(|q| &q.challenge_nl),
            allergy_nl: part(|q| &q.allergy_nl),
            pitfall_en: part(|q| &q.pitfall_en),
            challenge_en: part(|q| &q.challenge_en),
            allergy_en: part(|q| &q.allergy_en),
            version: Some(entry.version),
        }
    }
}

/// Trims and turns every run of white space (new lines too) into one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn synonym_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| one_line(s).to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The translation key for a problem with a field.
fn problem_key(field: &str, problem: EntryProblem) -> &'static str {
    let description = field.starts_with("description");
    let quadrant_field = ["pitfall", "challenge", "allergy"]
        .iter()
        .any(|p| field.starts_with(p));
    match problem {
        EntryProblem::KeyNotSlug => "catalogue-error-key",
        EntryProblem::Empty if description => "catalogue-error-description-required",
        EntryProblem::Empty if quadrant_field => "catalogue-error-quadrant-field-required",
        EntryProblem::Empty => "catalogue-error-name-required",
        EntryProblem::TooLong if description => "catalogue-error-description-too-long",
        EntryProblem::TooLong => "catalogue-error-name-too-long",
        EntryProblem::ControlCharacters => "catalogue-error-control",
        EntryProblem::BadSynonym => "catalogue-error-synonym",
        EntryProblem::SynonymTwice => "catalogue-error-synonym-twice",
        EntryProblem::TooManySynonyms => "catalogue-error-synonyms-too-many",
        EntryProblem::QuadrantMissing => "catalogue-error-quadrant-required",
        EntryProblem::QuadrantOnTalent => "catalogue-error-quadrant-talent",
    }
}

/// Checks a form against the rules of the catalogue, within the organisation: the rules of a
/// single entry (see [`rules::check_entry`]), a known kind and category, a free key (new entries)
/// and names no other entry has in the same language (ignoring case and accents).
async fn validate(
    conn: &mut Conn,
    organisation_id: &str,
    input: &EntryInput,
    existing_key: Option<&str>,
) -> Result<Entry> {
    let mut errors = Vec::new();
    let kind = EntryKind::parse(&input.kind).unwrap_or_else(|| {
        errors.push(FieldError::new("kind", "catalogue-error-kind"));
        EntryKind::Talent
    });
    let name_nl = one_line(&input.name_nl);
    let typed_key = input.key.trim();
    let key = match existing_key {
        Some(key) => key.to_owned(),
        None if typed_key.is_empty() => rules::slug_from(&name_nl),
        None => typed_key.to_owned(),
    };
    let quadrant = Quadrant {
        pitfall_nl: one_line(&input.pitfall_nl),
        challenge_nl: one_line(&input.challenge_nl),
        allergy_nl: one_line(&input.allergy_nl),
        pitfall_en: one_line(&input.pitfall_en),
        challenge_en: one_line(&input.challenge_en),
        allergy_en: one_line(&input.allergy_en),
    };
    let quadrant_filled = [
        &quadrant.pitfall_nl,
        &quadrant.challenge_nl,
        &quadrant.allergy_nl,
        &quadrant.pitfall_en,
        &quadrant.challenge_en,
        &quadrant.allergy_en,
    ]
    .iter()
    .any(|f| !f.is_empty());
    let entry = Entry {
        key,
        kind,
        category: input.category.trim().to_owned(),
        en: one_line(&input.name_en),
        nl: name_nl,
        description_nl: one_line(&input.description_nl),
        description_en: one_line(&input.description_en),
        synonyms_nl: synonym_list(&input.synonyms_nl),
        synonyms_en: synonym_list(&input.synonyms_en),
        // A core quality always gets its quadrant, so each empty field is named on its own.
        quadrant: (kind == EntryKind::CoreQuality || quadrant_filled).then_some(quadrant),
    };
    for (field, problem) in rules::check_entry(&entry) {
        let derived_key = existing_key.is_none() && typed_key.is_empty();
        if field == "key" && (existing_key.is_some() || (derived_key && entry.nl.is_empty())) {
            // An existing key is never changed; a key made from a missing name is reported
            // as the missing name.
            continue;
        }
        if !errors.iter().any(|e: &FieldError| e.field == field) {
            errors.push(FieldError::new(field, problem_key(field, problem)));
        }
    }
    if !store::category_exists(conn, organisation_id, &entry.category).await? {
        errors.push(FieldError::new("category", "catalogue-error-category"));
    }
    if existing_key.is_none()
        && rules::is_slug(&entry.key)
        && store::get_entry(conn, organisation_id, &entry.key)
            .await?
            .is_some()
    {
        errors.push(FieldError::new("key", "catalogue-error-key-taken"));
    }
    for (field, english, name) in [("name_nl", false, &entry.nl), ("name_en", true, &entry.en)] {
        let folded = rules::fold(name);
        if !folded.is_empty()
            && !errors.iter().any(|e| e.field == field)
            && store::entry_with_name(
                conn,
                organisation_id,
                english,
                &folded,
                existing_key.unwrap_or_default(),
            )
            .await?
            .is_some()
        {
            errors.push(FieldError::new(field, "catalogue-error-name-taken"));
        }
    }
    if errors.is_empty() {
        Ok(entry)
    } else {
        Err(ServiceError::Invalid(errors))
    }
}

/// A unique index that caught what the checks could not (two saves at once).
fn conflict_to_field(error: StorageError) -> ServiceError {
    match error {
        StorageError::Conflict(what) if what.contains("name_nl") => {
            ServiceError::invalid("name_nl", "catalogue-error-name-taken")
        }
        StorageError::Conflict(what) if what.contains("name_en") => {
            ServiceError::invalid("name_en", "catalogue-error-name-taken")
        }
        StorageError::Conflict(_) => ServiceError::invalid("key", "catalogue-error-key-taken"),
        other => other.into(),
    }
}

/// Adds an entry to the organisation's catalogue. Returns its key.
pub async fn create(db: &Db, actor: &Actor, input: &EntryInput) -> Result<String> {
    require_manager(actor)?;
    ensure(db, actor).await?;
    let mut tx = db.begin().await?;
    let entry = validate(&mut tx, &actor.organisation_id, input, None).await?;
    store::insert_entry(&mut tx, &actor.organisation_id, &new_entry(&entry)?)
        .await
        .map_err(conflict_to_field)?;
    tx.commit().await?;
    Ok(entry.key)
}

/// Changes an entry (its key stays). Refused with [`ServiceError::Stale`] when it changed since
/// `input.version`.
pub async fn update(db: &Db, actor: &Actor, key: &str, input: &EntryInput) -> Result<()> {
    require_manager(actor)?;
    ensure(db, actor).await?;
    let mut tx = db.begin().await?;
    let current = store::get_entry(&mut tx, &actor.organisation_id, key)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let entry = validate(
        &mut tx,
        &actor.organisation_id,
        input,
        Some(&current.entry_key),
    )
    .await?;
    let expected = input.version.unwrap_or(current.version);
    let updated = store::update_entry(
        &mut tx,
        &actor.organisation_id,
        &current.entry_key,
        expected,
        &new_entry(&entry)?,
    )
    .await
    .map_err(conflict_to_field)?;
    if !updated {
        return Err(ServiceError::Stale);
    }
    tx.commit().await?;
    Ok(())
}

async fn set_retired(db: &Db, actor: &Actor, key: &str, retired: bool) -> Result<()> {
    require_manager(actor)?;
    ensure(db, actor).await?;
    let mut tx = db.begin().await?;
    let current = store::get_entry(&mut tx, &actor.organisation_id, key)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if current.retired_at.is_some() == retired {
        // Already so (a double click, or two HR advisers at once): nothing to do.
        return Ok(());
    }
    let now = kleur_storage::now();
    store::set_retired(
        &mut tx,
        &actor.organisation_id,
        &current.entry_key,
        retired.then_some(now.as_str()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Takes an entry out of the catalogue: it is no longer suggested, while portfolio items that
/// came from it stay as they are. [`restore`] brings it back.
pub async fn retire(db: &Db, actor: &Actor, key: &str) -> Result<()> {
    set_retired(db, actor, key, true).await
}

pub async fn restore(db: &Db, actor: &Actor, key: &str) -> Result<()> {
    set_retired(db, actor, key, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_synonyms_and_folds_white_space() {
        assert_eq!(
            synonym_list(" Analytisch,  analytisch   vermogen;\nOORZAKEN zoeken ,, "),
            ["analytisch", "analytisch vermogen", "oorzaken zoeken"]
        );
        assert_eq!(one_line("  Oog \n voor\tdetail "), "Oog voor detail");
    }

    #[test]
    fn every_default_entry_round_trips_through_a_row() {
        for entry in &default_catalogue_ref().entries {
            let row = new_entry(entry).expect("row");
            let back = from_row(EntryRow {
                organisation_id: "o".into(),
                entry_key: row.entry_key,
                kind: row.kind,
                category_key: row.category_key,
                name_nl: row.name_nl,
                name_en: row.name_en,
                description_nl: row.description_nl,
                description_en: row.description_en,
                synonyms_nl: row.synonyms_nl,
                synonyms_en: row.synonyms_en,
                pitfall_nl: row.pitfall_nl,
                challenge_nl: row.challenge_nl,
                allergy_nl: row.allergy_nl,
                pitfall_en: row.pitfall_en,
                challenge_en: row.challenge_en,
                allergy_en: row.allergy_en,
                retired_at: None,
                version: 1,
                created_at: String::new(),
                updated_at: String::new(),
            });
            assert_eq!(&back.entry, entry);
        }
    }

    #[test]
    fn names_a_translation_key_for_every_problem() {
        assert_eq!(
            problem_key("description_en", EntryProblem::Empty),
            "catalogue-error-description-required"
        );
        assert_eq!(
            problem_key("allergy_nl", EntryProblem::Empty),
            "catalogue-error-quadrant-field-required"
        );
        assert_eq!(
            problem_key("name_nl", EntryProblem::TooLong),
            "catalogue-error-name-too-long"
        );
    }
}
