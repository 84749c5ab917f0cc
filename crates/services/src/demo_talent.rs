//! Demo content for the team builder and organisation insight: every unit has a theme (a
//! catalogue domain its people are strong in), people share talents with the organisation over
//! the past quarters (so the trend moves), and about half opt in to project teams.

use chrono::{Datelike, Duration, Utc};
use kleur_domain::catalogue::default_catalogue_ref;
use kleur_storage::Db;
use kleur_storage::portfolio::{BulkItem, insert_items_bulk};
use kleur_storage::talent as store;

use crate::Result;
use crate::portfolio::Details;

/// Quarters of history the demo spreads sharing over.
const HISTORY_QUARTERS: i64 = 6;
/// Enough people for a full picture without making a 100,000-person demo slow.
const MAX_PEOPLE: usize = 2_000;

pub async fn seed(db: &Db, organisation_id: &str, login_ids: &[String]) -> Result<()> {
    let catalogue = default_catalogue_ref();
    let categories: Vec<&str> = catalogue
        .categories
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    let mut tx = db.begin().await?;
    let people = store::people_with_units(&mut tx, organisation_id).await?;
    let mut units: Vec<&str> = people.iter().filter_map(|(_, u)| u.as_deref()).collect();
    units.sort_unstable();
    units.dedup();
    let mut items = Vec::new();
    let mut by_quarter: Vec<Vec<String>> = vec![Vec::new(); HISTORY_QUARTERS as usize];
    let mut availability = Vec::new();
    for (index, (person_id, unit)) in people.iter().take(MAX_PEOPLE).enumerate() {
        let unit_index = unit
            .as_deref()
            .and_then(|u| units.iter().position(|x| *x == u))
            .unwrap_or(0);
        // The unit's theme, and a second domain that rotates with the person.
        let theme = categories[unit_index % categories.len()];
        let other = categories[(unit_index + 1 + index % 3) % categories.len()];
        for (position, category) in [theme, other].into_iter().enumerate() {
            let entries: Vec<_> = catalogue.entries_in(category).collect();
            if entries.is_empty() {
                continue;
            }
            let entry = entries[(index + position) % entries.len().min(3)];
            let details = Details {
                strength: Some((3 + (index + position) % 3) as u8),
                ..Details::default()
            };
            items.push(BulkItem {
                owner_id: person_id.clone(),
                section: if entry.quadrant.is_some() {
                    "core_qualities"
                } else {
                    "talents"
                },
                position: 10 + position as i64,
                title: entry.nl.clone(),
                body: entry.description_nl.clone(),
                visibility: "organisation",
                catalogue_key: Some(entry.key.clone()),
                details: serde_json::to_string(&details).unwrap_or_else(|_| "{}".into()),
            });
        }
        by_quarter[index % HISTORY_QUARTERS as usize].push(person_id.clone());
        if login_ids.contains(person_id) || index % 2 == 0 {
            let from = (index % 7 == 3).then(|| {
                (Utc::now() + Duration::days(60))
                    .format("%Y-%m-%d")
                    .to_string()
            });
            availability.push((person_id.clone(), 8 + (index % 3) as i64 * 8, from));
        }
    }
    insert_items_bulk(&mut tx, organisation_id, &items).await?;
    // Quarter q ago: the middle of that quarter.
    let today = Utc::now().date_naive();
    for (ago, owners) in by_quarter.iter().enumerate() {
        let date = today - Duration::days(91 * ago as i64);
        let middle =
            chrono::NaiveDate::from_ymd_opt(date.year(), ((date.month() - 1) / 3) * 3 + 2, 15)
                .unwrap_or(date);
        let stamp = format!("{}T09:00:00.000000Z", middle.format("%Y-%m-%d"));
        if ago > 0 {
            store::backdate_shared(&mut tx, organisation_id, owners, &stamp).await?;
        }
    }
    store::opt_in_when_unset(&mut tx, organisation_id, &availability).await?;
    tx.commit().await?;
    Ok(())
}
