//! The talent directory's index: an inverted index over the searchable portfolio items, kept in
//! memory per node and organisation and brought up to date from the database before every search.
//!
//! Triggers (migration 16) append the person concerned to `search_changes` in the same
//! transaction as every change to a portfolio item, a person's name, unit, manager or `active`,
//! or their availability. Before each search the node reads the newest change id (one index
//! lookup); when it is behind, it reloads just the people that changed and swaps them in. So a
//! narrowed visibility stops matching with the very next search, on every node, and no write
//! path can forget to tell the index. The visibility rule ([`Relation`]) is applied to every
//! posting while ranking, so an item the searcher may not see never counts.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use kleur_domain::portfolio::{Relation, Visibility};
use sqlx::Row;

use crate::search::{INDEXED_SECTIONS, item_terms};
use crate::{Conn, Result};

/// More changes than this since a node last looked: it rebuilds instead of catching up.
const CATCH_UP_MAX: usize = 10_000;
/// A node that has not looked for this long rebuilds: changes are pruned after
/// [`CHANGES_KEPT_SECONDS`], so it may have missed some.
const RESYNC_AFTER_SECONDS: i64 = 6 * 3600;
/// How long `search_changes` rows are kept (see [`prune_changes`]).
pub const CHANGES_KEPT_SECONDS: i64 = 24 * 3600;
/// Ids per `IN (…)` list when reloading people.
const IN_CHUNK: usize = 400;

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The indexes of every organisation this node has searched. One per [`crate::Db`].
#[derive(Default)]
pub struct SearchIndexes {
    organisations: Mutex<HashMap<String, Arc<Slot>>>,
}

impl std::fmt::Debug for SearchIndexes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self
            .organisations
            .lock()
            .map(|organisations| organisations.len())
            .unwrap_or_default();
        f.debug_struct("SearchIndexes")
            .field("organisations", &count)
            .finish()
    }
}

#[derive(Default)]
struct Slot {
    /// One catch-up or rebuild at a time per organisation; searches only read.
    sync: tokio::sync::Mutex<()>,
    index: RwLock<Option<OrgIndex>>,
    /// When this node last confirmed it had every change (unix seconds).
    confirmed_at: AtomicI64,
}

impl Slot {
    fn seen(&self) -> Option<i64> {
        self.index
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .map(|index| index.seen)
    }

    fn recently_confirmed(&self) -> bool {
        unix_now() - self.confirmed_at.load(Ordering::Relaxed) < RESYNC_AFTER_SECONDS
    }
}

/// What a search asks besides the organisation.
#[derive(Debug, Clone, Default)]
pub struct IndexQuery<'a> {
    pub viewer_id: &'a str,
    /// Every group must match one of a person's visible items; any term of a group will do.
    /// Empty: everyone who passes the filters, by name.
    pub groups: &'a [Vec<String>],
    /// Only items of these sections count; empty for every searchable section.
    pub sections: &'a [String],
    /// Only people in one of these units.
    pub units: Option<&'a HashSet<String>>,
    /// Only people who said they are open to project teams.
    pub available_only: bool,
    pub limit: usize,
    pub offset: usize,
}

/// A person on the page, with their score and the visible items that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub person_id: String,
    pub score: i64,
    pub item_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranking {
    pub page: Vec<Ranked>,
    /// Every person who matched.
    pub total: usize,
    /// The searcher's unit as the index knows it (as current as the ranking), for checking the
    /// page's matching items again; set when the search had words.
    pub viewer_unit: Option<String>,
}

impl SearchIndexes {
    fn slot(&self, organisation_id: &str) -> Arc<Slot> {
        self.organisations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(organisation_id.to_owned())
            .or_default()
            .clone()
    }

    /// Ranks the people of the organisation for `query`, after bringing this node's index up
    /// to date with every committed change.
    pub async fn search(
        &self,
        conn: &mut Conn,
        organisation_id: &str,
        query: &IndexQuery<'_>,
    ) -> Result<Ranking> {
        let slot = self.slot(organisation_id);
        bring_up_to_date(conn, organisation_id, &slot).await?;
        let guard = slot
            .index
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(guard
            .as_ref()
            .map(|index| index.rank(query))
            .unwrap_or_default())
    }

    /// Builds the organisation's index now (at start-up), so the first search does not wait.
    pub async fn warm(&self, conn: &mut Conn, organisation_id: &str) -> Result<()> {
        let slot = self.slot(organisation_id);
        bring_up_to_date(conn, organisation_id, &slot).await
    }
}

async fn latest_change(conn: &mut Conn, organisation_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM search_changes WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_one(&mut *conn)
    .await?)
}

async fn bring_up_to_date(conn: &mut Conn, organisation_id: &str, slot: &Slot) -> Result<()> {
    let latest = latest_change(conn, organisation_id).await?;
    if slot.recently_confirmed() && slot.seen().is_some_and(|seen| seen >= latest) {
        slot.confirmed_at.store(unix_now(), Ordering::Relaxed);
        return Ok(());
    }
    let _one_at_a_time = slot.sync.lock().await;
    // Another search may have caught up while this one waited.
    let latest = latest_change(conn, organisation_id).await?;
    let seen = slot.seen();
    if slot.recently_confirmed()
        && let Some(seen) = seen
    {
        if seen >= latest {
            slot.confirmed_at.store(unix_now(), Ordering::Relaxed);
            return Ok(());
        }
        let changes: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, person_id FROM search_changes WHERE organisation_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(organisation_id)
        .bind(seen)
        .bind(CATCH_UP_MAX as i64 + 1)
        .fetch_all(&mut *conn)
        .await?;
        if changes.len() <= CATCH_UP_MAX && !changes.iter().any(|(_, person)| person == EVERYONE) {
            let up_to = changes.last().map_or(seen, |(id, _)| *id);
            let mut people: Vec<String> = changes.into_iter().map(|(_, person)| person).collect();
            people.sort_unstable();
            people.dedup();
            let loaded = load_people(conn, organisation_id, &people).await?;
            let mut guard = slot
                .index
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(index) = guard.as_mut() {
                index.replace_people(&people, loaded);
                index.seen = index.seen.max(up_to);
            }
            slot.confirmed_at.store(unix_now(), Ordering::Relaxed);
            return Ok(());
        }
    }
    // Everything from scratch: the first search, a long silence, or a large import.
    let index = build(conn, organisation_id).await?;
    *slot
        .index
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(index);
    slot.confirmed_at.store(unix_now(), Ordering::Relaxed);
    Ok(())
}

/// Items read per statement while building: bounds the memory a build needs besides the index.
const BUILD_PAGE: i64 = 2_000;

/// Builds an organisation's index from its people and items. The items are read and indexed a
/// page at a time (off the async workers: stemming is CPU work).
async fn build(conn: &mut Conn, organisation_id: &str) -> Result<OrgIndex> {
    let seen = latest_change(conn, organisation_id).await?;
    let people = query_people(conn, organisation_id, &[]).await?;
    let open = query_open(conn, organisation_id, &[]).await?;
    let mut index = OrgIndex {
        seen,
        ..OrgIndex::default()
    };
    for person in people {
        let open = open.contains(&person.id);
        index.put_person(person, open);
    }
    let sql = format!(
        "{ITEM_COLUMNS} AND section IN ({}) AND id > $2 ORDER BY id LIMIT $3",
        section_list()
    );
    let mut after = String::new();
    loop {
        let rows: Vec<ItemRow> = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .bind(organisation_id)
            .bind(&after)
            .bind(BUILD_PAGE)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(item_row)
            .collect::<Result<_>>()?;
        let Some(last) = rows.last() else { break };
        after = last.id.clone();
        let last_page = (rows.len() as i64) < BUILD_PAGE;
        index = tokio::task::spawn_blocking(move || {
            index.add_items(&rows);
            index
        })
        .await
        .map_err(|error| {
            crate::StorageError::Task(format!("building the search index: {error}"))
        })?;
        if last_page {
            break;
        }
    }
    index.sort_by_name();
    Ok(index)
}

/// The `person_id` of a change row that tells every node to rebuild the organisation's index.
const EVERYONE: &str = "*";

/// After a person is erased: the change rows naming them go too, and one row without a name
/// tells every node to rebuild the organisation's index (so what was erased leaves every
/// node's memory with the next search there). Call it in the erasing transaction, after the
/// person's rows are gone.
pub async fn forget_person(conn: &mut Conn, organisation_id: &str, person_id: &str) -> Result<()> {
    if conn.backend_name() == "PostgreSQL" {
        // The triggers' lock, so this id too commits in order.
        sqlx::query("SELECT pg_advisory_xact_lock(715, hashtext($1))")
            .bind(organisation_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM search_changes WHERE organisation_id = $1 AND person_id = $2")
        .bind(organisation_id)
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO search_changes (organisation_id, person_id, changed_at) VALUES ($1, $2, $3)",
    )
    .bind(organisation_id)
    .bind(EVERYONE)
    .bind(unix_now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes change rows every node has had time to read.
pub async fn prune_changes(conn: &mut Conn) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM search_changes WHERE changed_at < $1")
            .bind(unix_now() - CHANGES_KEPT_SECONDS)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

struct PersonRow {
    id: String,
    name: String,
    active: bool,
    unit_id: Option<String>,
    manager_id: Option<String>,
}

struct ItemRow {
    id: String,
    owner_id: String,
    section: String,
    title: String,
    body: String,
    visibility: String,
    catalogue_key: Option<String>,
    details: String,
}

fn item_row(row: &sqlx::any::AnyRow) -> Result<ItemRow> {
    Ok(ItemRow {
        id: row.try_get(0)?,
        owner_id: row.try_get(1)?,
        section: row.try_get(2)?,
        title: row.try_get(3)?,
        body: row.try_get(4)?,
        visibility: row.try_get(5)?,
        catalogue_key: row.try_get(6)?,
        details: row.try_get(7)?,
    })
}

/// People, who of them is open to project teams, and their searchable items.
#[derive(Default)]
struct Loaded {
    people: Vec<PersonRow>,
    open_to_teams: HashSet<String>,
    items: Vec<ItemRow>,
}

const ITEM_COLUMNS: &str = "SELECT id, owner_id, section, title, body, visibility, catalogue_key, details FROM portfolio_items \
     WHERE organisation_id = $1 AND deleted_at IS NULL";

fn section_list() -> String {
    INDEXED_SECTIONS
        .iter()
        .map(|section| format!("'{section}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// ` AND column IN ($2, $3, …)` for `count` ids, or nothing for all.
fn in_list(column: &str, count: usize) -> String {
    if count == 0 {
        return String::new();
    }
    let list = (0..count)
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    format!(" AND {column} IN ({list})")
}

/// The people with these ids (every person for none).
async fn query_people(
    conn: &mut Conn,
    organisation_id: &str,
    ids: &[String],
) -> Result<Vec<PersonRow>> {
    let sql = format!(
        "SELECT id, display_name, active, unit_id, manager_id FROM people WHERE organisation_id = $1{}",
        in_list("id", ids.len())
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in ids {
        query = query.bind(id);
    }
    query
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            Ok(PersonRow {
                id: row.try_get(0)?,
                name: row.try_get(1)?,
                active: row.try_get::<i64, _>(2)? == 1,
                unit_id: row.try_get(3)?,
                manager_id: row.try_get(4)?,
            })
        })
        .collect()
}

/// Who of these people (of everyone for none) is open to project teams.
async fn query_open(
    conn: &mut Conn,
    organisation_id: &str,
    ids: &[String],
) -> Result<HashSet<String>> {
    let sql = format!(
        "SELECT person_id FROM person_availability WHERE organisation_id = $1 AND open_to_teams = 1{}",
        in_list("person_id", ids.len())
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(&mut *conn).await?.into_iter().collect())
}

/// The people who changed, with their availability and items.
async fn load_people(conn: &mut Conn, organisation_id: &str, people: &[String]) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    for ids in people.chunks(IN_CHUNK) {
        loaded
            .people
            .extend(query_people(conn, organisation_id, ids).await?);
        loaded
            .open_to_teams
            .extend(query_open(conn, organisation_id, ids).await?);
        let sql = format!(
            "{ITEM_COLUMNS} AND section IN ({}){}",
            section_list(),
            in_list("owner_id", ids.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
        for id in ids {
            query = query.bind(id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            loaded.items.push(item_row(&row)?);
        }
    }
    Ok(loaded)
}

/// One searchable item of a person.
struct Item {
    id: Box<str>,
    section: u8,
    visibility: Visibility,
}

/// One term of one item, as a person's entry keeps it.
#[derive(Clone, Copy)]
struct Term {
    term: u32,
    item: u32,
}

/// One item of one person containing a term, as the term's list keeps it.
#[derive(Clone, Copy)]
struct Posting {
    person: u32,
    item: u32,
    weight: i32,
}

/// A person as search needs them; units and managers by number.
struct Entry {
    name: Box<str>,
    active: bool,
    unit: Option<u32>,
    manager: Option<u32>,
    open_to_teams: bool,
    items: Vec<Item>,
    terms: Vec<Term>,
}

/// Reused between searches on one thread (see [`OrgIndex::rank`]).
#[derive(Default)]
struct Scratch {
    scores: Vec<i64>,
    covered: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

fn section_index(section: &str) -> Option<u8> {
    INDEXED_SECTIONS
        .iter()
        .position(|s| *s == section)
        .and_then(|i| u8::try_from(i).ok())
}

/// One organisation's index on this node.
#[derive(Default)]
struct OrgIndex {
    /// Every change up to this id is applied.
    seen: i64,
    /// Person ids by number, and numbers by id (a manager can have a number before their row
    /// is read).
    ids: Vec<String>,
    numbers: HashMap<String, u32>,
    /// By person number; `None` for a person without a row.
    entries: Vec<Option<Entry>>,
    unit_ids: Vec<String>,
    unit_numbers: HashMap<String, u32>,
    term_numbers: HashMap<String, u32>,
    /// By term number: the items containing it.
    postings: Vec<Vec<Posting>>,
    /// Person numbers ordered by name, then id: the order of a search without words.
    by_name: Vec<u32>,
}

fn intern(numbers: &mut HashMap<String, u32>, names: &mut Vec<String>, name: &str) -> u32 {
    if let Some(number) = numbers.get(name) {
        return *number;
    }
    let number = u32::try_from(names.len()).unwrap_or(u32::MAX);
    names.push(name.to_owned());
    numbers.insert(name.to_owned(), number);
    number
}

impl OrgIndex {
    fn person_number(&mut self, id: &str) -> u32 {
        let number = intern(&mut self.numbers, &mut self.ids, id);
        if self.entries.len() < self.ids.len() {
            self.entries.resize_with(self.ids.len(), || None);
        }
        number
    }

    fn term_number(&mut self, term: &str) -> u32 {
        if let Some(number) = self.term_numbers.get(term) {
            return *number;
        }
        let number = u32::try_from(self.postings.len()).unwrap_or(u32::MAX);
        self.postings.push(Vec::new());
        self.term_numbers.insert(term.to_owned(), number);
        number
    }

    fn order_key(&self, number: u32) -> Option<(&str, &str)> {
        let entry = self.entries[number as usize].as_ref()?;
        Some((&entry.name, &self.ids[number as usize]))
    }

    /// Puts a person in without items (their old entry, if any, is already removed).
    fn put_person(&mut self, row: PersonRow, open_to_teams: bool) -> u32 {
        let number = self.person_number(&row.id);
        let manager = row.manager_id.as_deref().map(|m| self.person_number(m));
        let unit = row
            .unit_id
            .as_deref()
            .map(|u| intern(&mut self.unit_numbers, &mut self.unit_ids, u));
        self.entries[number as usize] = Some(Entry {
            name: row.name.into_boxed_str(),
            active: row.active,
            unit,
            manager,
            open_to_teams,
            items: Vec::new(),
            terms: Vec::new(),
        });
        number
    }

    /// Adds items to their owners (who are in already), with their terms.
    fn add_items(&mut self, rows: &[ItemRow]) {
        for row in rows {
            let (Some(section), Some(visibility), Some(owner)) = (
                section_index(&row.section),
                Visibility::parse(&row.visibility),
                self.numbers.get(&row.owner_id).copied(),
            ) else {
                continue;
            };
            let terms: Vec<(u32, i32)> = item_terms(
                &row.section,
                &row.title,
                &row.body,
                &row.details,
                row.catalogue_key.as_deref(),
            )
            .into_iter()
            .map(|(term, weight)| {
                (
                    self.term_number(&term),
                    i32::try_from(weight).unwrap_or(i32::MAX),
                )
            })
            .collect();
            let Some(entry) = self.entries[owner as usize].as_mut() else {
                continue;
            };
            let Ok(item) = u32::try_from(entry.items.len()) else {
                continue;
            };
            entry.items.push(Item {
                id: row.id.as_str().into(),
                section,
                visibility,
            });
            for (term, weight) in terms {
                entry.terms.push(Term { term, item });
                self.postings[term as usize].push(Posting {
                    person: owner,
                    item,
                    weight,
                });
            }
        }
    }

    fn sort_by_name(&mut self) {
        let mut by_name: Vec<u32> = (0..self.entries.len())
            .filter_map(|n| u32::try_from(n).ok())
            .filter(|n| self.entries[*n as usize].is_some())
            .collect();
        by_name.sort_unstable_by(|a, b| self.order_key(*a).cmp(&self.order_key(*b)));
        self.by_name = by_name;
    }

    /// Takes a person out: their postings and their place in the name order.
    fn remove_person(&mut self, number: u32) {
        let position = self.order_key(number).and_then(|key| {
            self.by_name
                .binary_search_by(|n| self.order_key(*n).cmp(&Some(key)))
                .ok()
        });
        if let Some(position) = position {
            self.by_name.remove(position);
        }
        let Some(old) = self.entries[number as usize].take() else {
            return;
        };
        let mut terms: Vec<u32> = old.terms.iter().map(|t| t.term).collect();
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            self.postings[term as usize].retain(|p| p.person != number);
        }
    }

    /// Swaps in the current state of `people`, all of whom were reloaded into `loaded` (a
    /// person missing there no longer has a row).
    fn replace_people(&mut self, people: &[String], loaded: Loaded) {
        for id in people {
            if let Some(number) = self.numbers.get(id).copied() {
                self.remove_person(number);
            }
        }
        let mut added = Vec::with_capacity(loaded.people.len());
        for person in loaded.people {
            let open = loaded.open_to_teams.contains(&person.id);
            added.push(self.put_person(person, open));
        }
        self.add_items(&loaded.items);
        for number in added {
            let position = self.order_key(number).map(|key| {
                match self
                    .by_name
                    .binary_search_by(|n| self.order_key(*n).cmp(&Some(key)))
                {
                    Ok(position) | Err(position) => position,
                }
            });
            if let Some(position) = position {
                self.by_name.insert(position, number);
            }
        }
    }

    fn unit_of(&self, person_id: &str) -> Option<&str> {
        self.numbers
            .get(person_id)
            .and_then(|n| self.entries[*n as usize].as_ref())
            .and_then(|person| person.unit)
            .map(|unit| self.unit_ids[unit as usize].as_str())
    }

    /// How the viewer stands to a person: the portfolio's one rule, on the ids.
    fn relation(&self, viewer_id: &str, viewer_unit: Option<&str>, owner: u32) -> Relation {
        let Some(entry) = self.entries[owner as usize].as_ref() else {
            return Relation::Colleague;
        };
        Relation::between(
            viewer_id,
            viewer_unit,
            &self.ids[owner as usize],
            entry.unit.map(|u| self.unit_ids[u as usize].as_str()),
            entry.manager.map(|m| self.ids[m as usize].as_str()),
        )
    }

    fn passes_filters(&self, entry: &Entry, query: &IndexQuery<'_>) -> bool {
        entry.active
            && (!query.available_only || entry.open_to_teams)
            && query.units.is_none_or(|units| {
                entry
                    .unit
                    .is_some_and(|unit| units.contains(&self.unit_ids[unit as usize]))
            })
    }

    fn rank(&self, query: &IndexQuery<'_>) -> Ranking {
        let sections: Vec<u8> = query
            .sections
            .iter()
            .filter_map(|s| section_index(s))
            .collect();
        if !query.sections.is_empty() && sections.is_empty() {
            return Ranking::default();
        }
        if query.groups.is_empty() {
            return self.rank_by_name(query);
        }
        let viewer_unit = self.unit_of(query.viewer_id);
        // Which groups each query term belongs to.
        let words = query.groups.len().div_ceil(64);
        let mut term_groups: HashMap<u32, Vec<u64>> = HashMap::new();
        for (group, terms) in query.groups.iter().enumerate() {
            let mut any = false;
            for term in terms {
                if let Some(number) = self.term_numbers.get(term) {
                    any = true;
                    let mask = term_groups.entry(*number).or_insert_with(|| vec![0; words]);
                    mask[group / 64] |= 1 << (group % 64);
                }
            }
            if !any {
                return Ranking::default();
            }
        }
        let mut all = vec![0_u64; words];
        for group in 0..query.groups.len() {
            all[group / 64] |= 1 << (group % 64);
        }
        let people = self.entries.len();
        // Per-person sums and covered words, kept per thread and cleared after each search for
        // the people it touched only: zeroing them whole would cost more than a search.
        let mut matches: Vec<(i64, u32)> = SCRATCH.with_borrow_mut(|scratch| {
            if scratch.scores.len() < people {
                scratch.scores.resize(people, 0);
            }
            if scratch.covered.len() < people * words {
                scratch.covered.resize(people * words, 0);
            }
            let Scratch { scores, covered } = scratch;
            let mut touched: Vec<u32> = Vec::new();
            let mut relations: HashMap<u32, Relation> = HashMap::new();
            for (term, mask) in &term_groups {
                for posting in &self.postings[*term as usize] {
                    let Some(owner) = self.entries[posting.person as usize].as_ref() else {
                        continue;
                    };
                    let item = &owner.items[posting.item as usize];
                    if !sections.is_empty() && !sections.contains(&item.section) {
                        continue;
                    }
                    if item.visibility != Visibility::Organisation {
                        let relation = *relations.entry(posting.person).or_insert_with(|| {
                            self.relation(query.viewer_id, viewer_unit, posting.person)
                        });
                        if !relation.can_see(item.visibility) {
                            continue;
                        }
                    }
                    let person = posting.person as usize;
                    let person_covered = &mut covered[person * words..][..words];
                    if person_covered.iter().all(|w| *w == 0) {
                        touched.push(posting.person);
                    }
                    scores[person] += i64::from(posting.weight);
                    for (word, bits) in person_covered.iter_mut().zip(mask) {
                        *word |= bits;
                    }
                }
            }
            let mut matches = Vec::new();
            for number in touched {
                let person = number as usize;
                let person_covered = &mut covered[person * words..][..words];
                if person_covered[..] == all[..]
                    && self.entries[person]
                        .as_ref()
                        .is_some_and(|entry| self.passes_filters(entry, query))
                {
                    matches.push((scores[person], number));
                }
                scores[person] = 0;
                person_covered.fill(0);
            }
            matches
        });
        let total = matches.len();
        let order = |a: &(i64, u32), b: &(i64, u32)| {
            b.0.cmp(&a.0)
                .then_with(|| self.order_key(a.1).cmp(&self.order_key(b.1)))
        };
        let end = (query.offset + query.limit).min(total);
        if end < total && end > 0 {
            matches.select_nth_unstable_by(end - 1, order);
            matches.truncate(end);
        }
        matches.sort_unstable_by(order);
        let all_terms: HashSet<u32> = term_groups.keys().copied().collect();
        let page = matches
            .into_iter()
            .skip(query.offset)
            .take(query.limit)
            .filter_map(|(score, n)| {
                let entry = self.entries[n as usize].as_ref()?;
                let relation = self.relation(query.viewer_id, viewer_unit, n);
                let mut item_numbers: Vec<u32> = entry
                    .terms
                    .iter()
                    .filter(|t| all_terms.contains(&t.term))
                    .map(|t| t.item)
                    .filter(|i| {
                        let item = &entry.items[*i as usize];
                        (sections.is_empty() || sections.contains(&item.section))
                            && relation.can_see(item.visibility)
                    })
                    .collect();
                item_numbers.sort_unstable();
                item_numbers.dedup();
                Some(Ranked {
                    person_id: self.ids[n as usize].clone(),
                    score,
                    item_ids: item_numbers
                        .into_iter()
                        .map(|i| entry.items[i as usize].id.to_string())
                        .collect(),
                })
            })
            .collect();
        Ranking {
            page,
            total,
            viewer_unit: viewer_unit.map(str::to_owned),
        }
    }

    fn rank_by_name(&self, query: &IndexQuery<'_>) -> Ranking {
        let mut total = 0;
        let mut page = Vec::new();
        for number in &self.by_name {
            let Some(entry) = self.entries[*number as usize].as_ref() else {
                continue;
            };
            if !self.passes_filters(entry, query) {
                continue;
            }
            if total >= query.offset && page.len() < query.limit {
                page.push(Ranked {
                    person_id: self.ids[*number as usize].clone(),
                    score: 0,
                    item_ids: Vec::new(),
                });
            }
            total += 1;
        }
        Ranking {
            page,
            total,
            viewer_unit: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, unit: Option<&str>, manager: Option<&str>) -> PersonRow {
        PersonRow {
            id: id.into(),
            name: name.into(),
            active: true,
            unit_id: unit.map(Into::into),
            manager_id: manager.map(Into::into),
        }
    }

    fn item(id: &str, owner: &str, title: &str, visibility: &str) -> ItemRow {
        ItemRow {
            id: id.into(),
            owner_id: owner.into(),
            section: "talents".into(),
            title: title.into(),
            body: String::new(),
            visibility: visibility.into(),
            catalogue_key: None,
            details: "{}".into(),
        }
    }

    fn query<'a>(viewer: &'a str, groups: &'a [Vec<String>]) -> IndexQuery<'a> {
        IndexQuery {
            viewer_id: viewer,
            groups,
            limit: 10,
            ..IndexQuery::default()
        }
    }

    fn ids(ranking: &Ranking) -> Vec<&str> {
        ranking.page.iter().map(|r| r.person_id.as_str()).collect()
    }

    fn build(loaded: Loaded) -> OrgIndex {
        let mut index = OrgIndex::default();
        index.replace_people(&[], loaded);
        index.sort_by_name();
        index
    }

    fn sample() -> OrgIndex {
        build(Loaded {
            people: vec![
                person("ann", "Ann", Some("u1"), Some("boss")),
                person("bob", "Bob", Some("u1"), None),
                person("boss", "Boss", Some("u0"), None),
                person("cas", "Cas", Some("u2"), None),
            ],
            open_to_teams: HashSet::from(["cas".to_owned()]),
            items: vec![
                item("i1", "ann", "Analyseren", "private"),
                item("i2", "ann", "Verbinden", "manager"),
                item("i3", "bob", "Analyseren verbinden", "team"),
                item("i4", "cas", "Analyseren", "organisation"),
            ],
        })
    }

    fn groups(words: &[&str]) -> Vec<Vec<String>> {
        words
            .iter()
            .map(|w| kleur_domain::search::terms(w).into_iter().collect())
            .collect()
    }

    #[test]
    fn every_posting_is_checked_against_the_viewers_relation() {
        let index = sample();
        let analyse = groups(&["analyseren"]);
        // Ann's private item counts for Ann only; Bob's team item for his unit (Ann).
        // Equal scores: by name.
        assert_eq!(
            ids(&index.rank(&query("ann", &analyse))),
            ["ann", "bob", "cas"]
        );
        assert_eq!(ids(&index.rank(&query("bob", &analyse))), ["bob", "cas"]);
        assert_eq!(ids(&index.rank(&query("cas", &analyse))), ["cas"]);
        let connect = groups(&["verbinden"]);
        // Ann's manager sees her manager item; a colleague does not.
        assert_eq!(ids(&index.rank(&query("boss", &connect))), ["ann"]);
        assert_eq!(
            ids(&index.rank(&query("cas", &connect))),
            Vec::<&str>::new()
        );
        let both = groups(&["verbinden", "analyseren"]);
        assert_eq!(ids(&index.rank(&query("ann", &both))), ["ann", "bob"]);
        assert_eq!(ids(&index.rank(&query("cas", &both))), Vec::<&str>::new());
    }

    #[test]
    fn replacing_a_person_moves_their_postings_and_name() {
        let mut index = sample();
        let analyse = groups(&["analyseren"]);
        index.replace_people(
            &["cas".to_owned(), "zed".to_owned()],
            Loaded {
                people: vec![
                    person("cas", "Aaron", Some("u2"), None),
                    person("zed", "Zed", None, None),
                ],
                open_to_teams: HashSet::new(),
                items: vec![
                    item("i4", "cas", "Analyseren", "private"),
                    item("i5", "zed", "Analyseren", "organisation"),
                ],
            },
        );
        assert_eq!(ids(&index.rank(&query("bob", &analyse))), ["bob", "zed"]);
        let by_name = index.rank(&IndexQuery {
            viewer_id: "bob",
            limit: 10,
            ..IndexQuery::default()
        });
        // Cas is now called Aaron: first by name.
        assert_eq!(ids(&by_name), ["cas", "ann", "bob", "boss", "zed"]);
        // A person whose row is gone disappears.
        index.replace_people(&["zed".to_owned()], Loaded::default());
        assert_eq!(ids(&index.rank(&query("bob", &analyse))), ["bob"]);
        assert_eq!(
            index
                .rank(&IndexQuery {
                    viewer_id: "bob",
                    limit: 10,
                    ..IndexQuery::default()
                })
                .total,
            4
        );
    }

    #[test]
    fn filters_and_paging() {
        let index = sample();
        let analyse = groups(&["analyseren"]);
        let open = index.rank(&IndexQuery {
            available_only: true,
            ..query("ann", &analyse)
        });
        assert_eq!(ids(&open), ["cas"]);
        let units = HashSet::from(["u1".to_owned()]);
        let in_unit = index.rank(&IndexQuery {
            units: Some(&units),
            ..query("ann", &analyse)
        });
        assert_eq!(ids(&in_unit), ["ann", "bob"]);
        let second = index.rank(&IndexQuery {
            limit: 1,
            offset: 1,
            ..query("ann", &analyse)
        });
        assert_eq!((ids(&second), second.total), (vec!["bob"], 3));
        let passions = ["passions".to_owned()];
        let none = index.rank(&IndexQuery {
            sections: &passions,
            ..query("ann", &analyse)
        });
        assert_eq!(none.total, 0);
    }
}
