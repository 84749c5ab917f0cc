//! Portfolio items, attachments and views. Every read takes the visibilities the viewer may see,
//! so filtering happens in the query, never after it.

use sqlx::Row;

use crate::{Conn, Result, StorageError, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Item {
    pub organisation_id: String,
    pub id: String,
    pub owner_id: String,
    pub section: String,
    pub position: i64,
    pub title: String,
    pub body: String,
    pub visibility: String,
    pub catalogue_key: Option<String>,
    pub details: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

const COLUMNS: &str = "organisation_id, id, owner_id, section, position, title, body, visibility, catalogue_key, details, version, created_at, updated_at, deleted_at";

/// `visibility IN ($n, …)` for the given visibilities, starting at placeholder `first`.
fn visibility_clause(count: usize, first: usize) -> String {
    let placeholders: Vec<String> = (first..first + count).map(|i| format!("${i}")).collect();
    format!("visibility IN ({})", placeholders.join(", "))
}

/// The live items of an owner that have one of `visibilities`, in section order.
pub async fn items_of(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    visibilities: &[&str],
) -> Result<Vec<Item>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $2 AND deleted_at IS NULL AND {} \
         ORDER BY section, position, id",
        visibility_clause(visibilities.len(), 3)
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .bind(owner_id);
    for visibility in visibilities {
        query = query.bind(*visibility);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// One item of an owner, removed or not; the caller decides what the viewer may see.
pub async fn get_item(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Item>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM portfolio_items WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn count_in_section(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    section: &str,
) -> Result<i64> {
    Ok(sqlx::query(
        "SELECT COUNT(*) FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $2 AND section = $3 AND deleted_at IS NULL",
    )
    .bind(organisation_id)
    .bind(owner_id)
    .bind(section)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?)
}

#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub section: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub visibility: &'a str,
    pub catalogue_key: Option<&'a str>,
    pub details: &'a str,
}

/// Adds an item at the end of its section.
pub async fn insert_item(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    item: &NewItem<'_>,
) -> Result<String> {
    let id = new_id();
    let now = now();
    sqlx::query(
        "INSERT INTO portfolio_items (organisation_id, id, owner_id, section, position, title, body, visibility, catalogue_key, details, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, \
           (SELECT COALESCE(MAX(position), 0) + 1 FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $3 AND section = $4), \
           $5, $6, $7, $8, $9, 1, $10, $10)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(owner_id)
    .bind(item.section)
    .bind(item.title)
    .bind(item.body)
    .bind(item.visibility)
    .bind(item.catalogue_key)
    .bind(item.details)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Changes an item if it is still at `expected_version`. Returns false when someone (another tab)
/// changed it in between, and then changes nothing.
pub async fn update_item(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    id: &str,
    expected_version: i64,
    item: &NewItem<'_>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE portfolio_items SET title = $5, body = $6, visibility = $7, catalogue_key = $8, details = $9, version = version + 1, updated_at = $10 \
         WHERE organisation_id = $1 AND owner_id = $2 AND id = $3 AND version = $4 AND deleted_at IS NULL",
    )
    .bind(organisation_id)
    .bind(owner_id)
    .bind(id)
    .bind(expected_version)
    .bind(item.title)
    .bind(item.body)
    .bind(item.visibility)
    .bind(item.catalogue_key)
    .bind(item.details)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Marks an item removed (or brings it back with `deleted_at = None`).
pub async fn set_deleted(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    id: &str,
    deleted_at: Option<&str>,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE portfolio_items SET deleted_at = $4, version = version + 1, updated_at = $5 WHERE organisation_id = $1 AND owner_id = $2 AND id = $3",
    )
    .bind(organisation_id)
    .bind(owner_id)
    .bind(id)
    .bind(deleted_at)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Swaps an item with its neighbour in the section (`up` = earlier). False at the edge.
pub async fn move_item(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    id: &str,
    up: bool,
) -> Result<bool> {
    let Some(item) = get_item(conn, organisation_id, id)
        .await?
        .filter(|i| i.owner_id == owner_id && i.deleted_at.is_none())
    else {
        return Ok(false);
    };
    let neighbour_sql = if up {
        "SELECT id, position FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $2 AND section = $3 AND deleted_at IS NULL AND position < $4 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position FROM portfolio_items WHERE organisation_id = $1 AND owner_id = $2 AND section = $3 AND deleted_at IS NULL AND position > $4 ORDER BY position LIMIT 1"
    };
    let neighbour: Option<(String, i64)> = sqlx::query_as(neighbour_sql)
        .bind(organisation_id)
        .bind(owner_id)
        .bind(&item.section)
        .bind(item.position)
        .fetch_optional(&mut *conn)
        .await?;
    let Some((other_id, other_position)) = neighbour else {
        return Ok(false);
    };
    for (target, position) in [(&item.id, other_position), (&other_id, item.position)] {
        sqlx::query("UPDATE portfolio_items SET position = $4, version = version + 1 WHERE organisation_id = $1 AND owner_id = $2 AND id = $3")
            .bind(organisation_id)
            .bind(owner_id)
            .bind(target)
            .bind(position)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// Removes items that were deleted before `before` for good, with their files.
pub async fn purge_deleted(conn: &mut Conn, before: &str) -> Result<u64> {
    sqlx::query(
        "DELETE FROM portfolio_files WHERE (organisation_id, item_id) IN \
         (SELECT organisation_id, id FROM portfolio_items WHERE deleted_at IS NOT NULL AND deleted_at < $1)",
    )
    .bind(before)
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query("DELETE FROM portfolio_items WHERE deleted_at IS NOT NULL AND deleted_at < $1")
            .bind(before)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn record_view(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    viewer_id: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO portfolio_views (organisation_id, owner_id, viewer_id, viewed_at) VALUES ($1, $2, $3, $4)")
        .bind(organisation_id)
        .bind(owner_id)
        .bind(viewer_id)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct View {
    pub viewer_id: String,
    pub viewer_name: String,
    pub viewed_at: String,
}

/// Who looked at an owner's portfolio, newest first.
pub async fn views_of(
    conn: &mut Conn,
    organisation_id: &str,
    owner_id: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<View>, i64)> {
    let total: i64 = sqlx::query(
        "SELECT COUNT(*) FROM portfolio_views WHERE organisation_id = $1 AND owner_id = $2",
    )
    .bind(organisation_id)
    .bind(owner_id)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    let views = sqlx::query_as(
        "SELECT v.viewer_id, p.display_name AS viewer_name, v.viewed_at FROM portfolio_views v \
         JOIN people p ON p.organisation_id = v.organisation_id AND p.id = v.viewer_id \
         WHERE v.organisation_id = $1 AND v.owner_id = $2 ORDER BY v.viewed_at DESC LIMIT $3 OFFSET $4",
    )
    .bind(organisation_id)
    .bind(owner_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((views, total))
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FileMeta {
    pub id: String,
    pub item_id: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

pub async fn insert_file(
    conn: &mut Conn,
    organisation_id: &str,
    item_id: &str,
    file_name: &str,
    content_type: &str,
    size_bytes: i64,
    content_base64: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO portfolio_files (organisation_id, id, item_id, file_name, content_type, size_bytes, content_base64, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(item_id)
    .bind(file_name)
    .bind(content_type)
    .bind(size_bytes)
    .bind(content_base64)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Attachments of the given items (one query for a whole portfolio).
pub async fn files_of_items(
    conn: &mut Conn,
    organisation_id: &str,
    item_ids: &[String],
) -> Result<Vec<FileMeta>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (2..item_ids.len() + 2).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, item_id, file_name, content_type, size_bytes FROM portfolio_files WHERE organisation_id = $1 AND item_id IN ({}) ORDER BY created_at",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in item_ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// A file with its content, for download.
pub async fn get_file(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<(FileMeta, String)>> {
    let row = sqlx::query(
        "SELECT id, item_id, file_name, content_type, size_bytes, content_base64 FROM portfolio_files WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let meta = FileMeta {
        id: row.try_get(0)?,
        item_id: row.try_get(1)?,
        file_name: row.try_get(2)?,
        content_type: row.try_get(3)?,
        size_bytes: row.try_get(4)?,
    };
    let content: String = row.try_get(5)?;
    Ok(Some((meta, content)))
}

pub async fn delete_file(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM portfolio_files WHERE organisation_id = $1 AND id = $2")
        .bind(organisation_id)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(StorageError::from)?;
    Ok(())
}

/// A portfolio item with everything chosen by the caller, for bulk loading demo data.
#[derive(Debug, Clone)]
pub struct BulkItem {
    pub owner_id: String,
    pub section: &'static str,
    pub position: i64,
    pub title: String,
    pub body: String,
    pub visibility: &'static str,
    pub catalogue_key: Option<String>,
    pub details: String,
}

/// Inserts many items with few statements.
pub async fn insert_items_bulk(
    conn: &mut Conn,
    organisation_id: &str,
    rows: &[BulkItem],
) -> Result<()> {
    const PER_STATEMENT: usize = 200;
    let now = now();
    for chunk in rows.chunks(PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO portfolio_items (organisation_id, id, owner_id, section, position, title, body, visibility, catalogue_key, details, version, created_at, updated_at) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * 9 + 3;
            if index > 0 {
                sql.push_str(", ");
            }
            let placeholders: Vec<String> = (base..base + 9).map(|n| format!("${n}")).collect();
            sql.push_str(&format!("($1, {}, 1, $2, $2)", placeholders.join(", ")));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for row in chunk {
            let id = new_id();
            query = query
                .bind(id)
                .bind(&row.owner_id)
                .bind(row.section)
                .bind(row.position)
                .bind(&row.title)
                .bind(&row.body)
                .bind(row.visibility)
                .bind(&row.catalogue_key)
                .bind(&row.details);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Attachments of the given items with their content, for an export.
pub async fn file_contents_of_items(
    conn: &mut Conn,
    organisation_id: &str,
    item_ids: &[String],
) -> Result<Vec<(FileMeta, String)>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (2..item_ids.len() + 2).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, item_id, file_name, content_type, size_bytes, content_base64 FROM portfolio_files \
         WHERE organisation_id = $1 AND item_id IN ({}) ORDER BY created_at, id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
    for id in item_ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok((
                FileMeta {
                    id: row.try_get(0)?,
                    item_id: row.try_get(1)?,
                    file_name: row.try_get(2)?,
                    content_type: row.try_get(3)?,
                    size_bytes: row.try_get(4)?,
                },
                row.try_get(5)?,
            ))
        })
        .collect()
}
