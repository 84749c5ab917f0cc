//! The talent catalogue of each organisation: categories and entries (talents and core
//! qualities). Entries are retired, never deleted, so what refers to them keeps working.

use sqlx::Row;

use crate::{Conn, Result, like_pattern, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CategoryRow {
    pub category_key: String,
    pub name_nl: String,
    pub name_en: String,
    pub position: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct EntryRow {
    pub organisation_id: String,
    pub entry_key: String,
    pub kind: String,
    pub category_key: String,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    /// A JSON array of strings.
    pub synonyms_nl: String,
    /// A JSON array of strings.
    pub synonyms_en: String,
    pub pitfall_nl: Option<String>,
    pub challenge_nl: Option<String>,
    pub allergy_nl: Option<String>,
    pub pitfall_en: Option<String>,
    pub challenge_en: Option<String>,
    pub allergy_en: Option<String>,
    pub retired_at: Option<String>,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

const ENTRY_COLUMNS: &str = "organisation_id, entry_key, kind, category_key, name_nl, name_en, description_nl, description_en, \
     synonyms_nl, synonyms_en, pitfall_nl, challenge_nl, allergy_nl, pitfall_en, challenge_en, allergy_en, \
     retired_at, version, created_at, updated_at";

/// What is written for an entry; the caller has validated it and computed the folded columns.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub entry_key: String,
    pub kind: String,
    pub category_key: String,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    pub synonyms_nl: String,
    pub synonyms_en: String,
    pub pitfall_nl: Option<String>,
    pub challenge_nl: Option<String>,
    pub allergy_nl: Option<String>,
    pub pitfall_en: Option<String>,
    pub challenge_en: Option<String>,
    pub allergy_en: Option<String>,
    pub name_nl_folded: String,
    pub name_en_folded: String,
    pub search_text: String,
}

/// A category as it is written.
#[derive(Debug, Clone)]
pub struct NewCategory {
    pub category_key: String,
    pub name_nl: String,
    pub name_en: String,
    pub position: i64,
}

/// True when the organisation has a catalogue (active or retired entries).
pub async fn has_entries(conn: &mut Conn, organisation_id: &str) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 LIMIT 1")
            .bind(organisation_id)
            .fetch_optional(&mut *conn)
            .await?
            .is_some(),
    )
}

/// Adds categories, skipping those that exist already.
pub async fn insert_categories(
    conn: &mut Conn,
    organisation_id: &str,
    categories: &[NewCategory],
) -> Result<u64> {
    const PER_STATEMENT: usize = 100;
    let now = now();
    let mut added = 0;
    for chunk in categories.chunks(PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO catalogue_categories (organisation_id, category_key, name_nl, name_en, position, created_at, updated_at) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * 4 + 3;
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "($1, ${}, ${}, ${}, ${}, $2, $2)",
                base,
                base + 1,
                base + 2,
                base + 3
            ));
        }
        sql.push_str(" ON CONFLICT DO NOTHING");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for category in chunk {
            query = query
                .bind(&category.category_key)
                .bind(&category.name_nl)
                .bind(&category.name_en)
                .bind(category.position);
        }
        added += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(added)
}

/// Adds entries, skipping any whose key or name exists already. Returns how many were added.
pub async fn insert_entries(
    conn: &mut Conn,
    organisation_id: &str,
    entries: &[NewEntry],
) -> Result<u64> {
    // 18 values per row: 40 rows stay under SQLite's oldest limit of 999 placeholders.
    const PER_STATEMENT: usize = 40;
    const VALUES: usize = 18;
    let now = now();
    let mut added = 0;
    for chunk in entries.chunks(PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO catalogue_entries (organisation_id, entry_key, kind, category_key, name_nl, name_en, description_nl, description_en, \
             synonyms_nl, synonyms_en, pitfall_nl, challenge_nl, allergy_nl, pitfall_en, challenge_en, allergy_en, \
             name_nl_folded, name_en_folded, search_text, retired_at, version, created_at, updated_at) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * VALUES + 3;
            if index > 0 {
                sql.push_str(", ");
            }
            let placeholders: Vec<String> =
                (base..base + VALUES).map(|n| format!("${n}")).collect();
            sql.push_str(&format!(
                "($1, {}, NULL, 1, $2, $2)",
                placeholders.join(", ")
            ));
        }
        sql.push_str(" ON CONFLICT DO NOTHING");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for entry in chunk {
            query = query
                .bind(&entry.entry_key)
                .bind(&entry.kind)
                .bind(&entry.category_key)
                .bind(&entry.name_nl)
                .bind(&entry.name_en)
                .bind(&entry.description_nl)
                .bind(&entry.description_en)
                .bind(&entry.synonyms_nl)
                .bind(&entry.synonyms_en)
                .bind(&entry.pitfall_nl)
                .bind(&entry.challenge_nl)
                .bind(&entry.allergy_nl)
                .bind(&entry.pitfall_en)
                .bind(&entry.challenge_en)
                .bind(&entry.allergy_en)
                .bind(&entry.name_nl_folded)
                .bind(&entry.name_en_folded)
                .bind(&entry.search_text);
        }
        added += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(added)
}

/// The organisation's categories, in their order.
pub async fn categories(conn: &mut Conn, organisation_id: &str) -> Result<Vec<CategoryRow>> {
    Ok(sqlx::query_as(
        "SELECT category_key, name_nl, name_en, position FROM catalogue_categories WHERE organisation_id = $1 ORDER BY position, category_key",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn category_exists(conn: &mut Conn, organisation_id: &str, key: &str) -> Result<bool> {
    Ok(sqlx::query(
        "SELECT 1 FROM catalogue_categories WHERE organisation_id = $1 AND category_key = $2",
    )
    .bind(organisation_id)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?
    .is_some())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Active,
    Retired,
    All,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Retired => "retired",
            Status::All => "all",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EntryFilter<'a> {
    /// Folded text (lower case, no accents) to find in names and synonyms.
    pub search: &'a str,
    /// `talent` or `core_quality`; empty for both.
    pub kind: &'a str,
    /// A category key; empty for all.
    pub category: &'a str,
    pub status: Status,
    /// Order by the English names instead of the Dutch ones.
    pub english: bool,
}

const LIST_WHERE: &str = "WHERE organisation_id = $1 \
     AND ($2 = '' OR search_text LIKE $2 ESCAPE '\\') \
     AND ($3 = '' OR kind = $3) \
     AND ($4 = '' OR category_key = $4) \
     AND ($5 = 'all' OR ($5 = 'active' AND retired_at IS NULL) OR ($5 = 'retired' AND retired_at IS NOT NULL))";

/// One page of entries, ordered by name, with the total count for paging.
pub async fn list_entries(
    conn: &mut Conn,
    organisation_id: &str,
    filter: &EntryFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<EntryRow>, i64)> {
    let pattern = match filter.search.trim() {
        "" => String::new(),
        text => like_pattern(text),
    };
    let total: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM catalogue_entries {LIST_WHERE}"
    )))
    .bind(organisation_id)
    .bind(&pattern)
    .bind(filter.kind)
    .bind(filter.category)
    .bind(filter.status.as_str())
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    let order = if filter.english {
        "name_en_folded"
    } else {
        "name_nl_folded"
    };
    let entries = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENTRY_COLUMNS} FROM catalogue_entries {LIST_WHERE} ORDER BY {order}, entry_key LIMIT $6 OFFSET $7"
    )))
    .bind(organisation_id)
    .bind(&pattern)
    .bind(filter.kind)
    .bind(filter.category)
    .bind(filter.status.as_str())
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((entries, total))
}

/// Every active entry of a kind (or of both kinds with `""`), by key.
pub async fn active_entries(
    conn: &mut Conn,
    organisation_id: &str,
    kind: &str,
) -> Result<Vec<EntryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENTRY_COLUMNS} FROM catalogue_entries WHERE organisation_id = $1 AND retired_at IS NULL \
         AND ($2 = '' OR kind = $2) ORDER BY entry_key"
    )))
    .bind(organisation_id)
    .bind(kind)
    .fetch_all(&mut *conn)
    .await?)
}

/// One entry, active or retired.
pub async fn get_entry(
    conn: &mut Conn,
    organisation_id: &str,
    key: &str,
) -> Result<Option<EntryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENTRY_COLUMNS} FROM catalogue_entries WHERE organisation_id = $1 AND entry_key = $2"
    )))
    .bind(organisation_id)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The key of another entry (active or retired) with this folded name in Dutch or English.
pub async fn entry_with_name(
    conn: &mut Conn,
    organisation_id: &str,
    english: bool,
    folded_name: &str,
    except_key: &str,
) -> Result<Option<String>> {
    let column = if english {
        "name_en_folded"
    } else {
        "name_nl_folded"
    };
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT entry_key FROM catalogue_entries WHERE organisation_id = $1 AND {column} = $2 AND entry_key <> $3"
    )))
    .bind(organisation_id)
    .bind(folded_name)
    .bind(except_key)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| r.try_get::<String, _>(0).map_err(Into::into))
        .transpose()
}

/// Adds one entry; a taken key or name is a [`crate::StorageError::Conflict`].
pub async fn insert_entry(conn: &mut Conn, organisation_id: &str, entry: &NewEntry) -> Result<()> {
    let now = now();
    sqlx::query(
        "INSERT INTO catalogue_entries (organisation_id, entry_key, kind, category_key, name_nl, name_en, description_nl, description_en, \
         synonyms_nl, synonyms_en, pitfall_nl, challenge_nl, allergy_nl, pitfall_en, challenge_en, allergy_en, \
         name_nl_folded, name_en_folded, search_text, retired_at, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, NULL, 1, $20, $20)",
    )
    .bind(organisation_id)
    .bind(&entry.entry_key)
    .bind(&entry.kind)
    .bind(&entry.category_key)
    .bind(&entry.name_nl)
    .bind(&entry.name_en)
    .bind(&entry.description_nl)
    .bind(&entry.description_en)
    .bind(&entry.synonyms_nl)
    .bind(&entry.synonyms_en)
    .bind(&entry.pitfall_nl)
    .bind(&entry.challenge_nl)
    .bind(&entry.allergy_nl)
    .bind(&entry.pitfall_en)
    .bind(&entry.challenge_en)
    .bind(&entry.allergy_en)
    .bind(&entry.name_nl_folded)
    .bind(&entry.name_en_folded)
    .bind(&entry.search_text)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Changes an entry (not its key) if it is still at `expected_version`. Returns false when it
/// changed in between, and then changes nothing.
pub async fn update_entry(
    conn: &mut Conn,
    organisation_id: &str,
    key: &str,
    expected_version: i64,
    entry: &NewEntry,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE catalogue_entries SET kind = $4, category_key = $5, name_nl = $6, name_en = $7, description_nl = $8, description_en = $9, \
         synonyms_nl = $10, synonyms_en = $11, pitfall_nl = $12, challenge_nl = $13, allergy_nl = $14, pitfall_en = $15, challenge_en = $16, allergy_en = $17, \
         name_nl_folded = $18, name_en_folded = $19, search_text = $20, version = version + 1, updated_at = $21 \
         WHERE organisation_id = $1 AND entry_key = $2 AND version = $3",
    )
    .bind(organisation_id)
    .bind(key)
    .bind(expected_version)
    .bind(&entry.kind)
    .bind(&entry.category_key)
    .bind(&entry.name_nl)
    .bind(&entry.name_en)
    .bind(&entry.description_nl)
    .bind(&entry.description_en)
    .bind(&entry.synonyms_nl)
    .bind(&entry.synonyms_en)
    .bind(&entry.pitfall_nl)
    .bind(&entry.challenge_nl)
    .bind(&entry.allergy_nl)
    .bind(&entry.pitfall_en)
    .bind(&entry.challenge_en)
    .bind(&entry.allergy_en)
    .bind(&entry.name_nl_folded)
    .bind(&entry.name_en_folded)
    .bind(&entry.search_text)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Retires an entry (`Some(time)`) or brings it back (`None`). False when there is no such entry.
pub async fn set_retired(
    conn: &mut Conn,
    organisation_id: &str,
    key: &str,
    retired_at: Option<&str>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE catalogue_entries SET retired_at = $3, version = version + 1, updated_at = $4 WHERE organisation_id = $1 AND entry_key = $2",
    )
    .bind(organisation_id)
    .bind(key)
    .bind(retired_at)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// How many entries the organisation has, active and retired.
pub async fn count_entries(conn: &mut Conn, organisation_id: &str) -> Result<i64> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM catalogue_entries WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}
