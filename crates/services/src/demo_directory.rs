//! Demo content for the talent directory and the team talent map: short talent profiles (two
//! catalogue talents with a self-rating, shared with the organisation) for people without a
//! full demo portfolio, some people open to project teams, and the talents the first team
//! (Sanne's) says it needs, so the map shows strengths and gaps. Deterministic and cheap: a
//! 100,000-person demo gets at most [`MAX_PROFILES`] profiles.

use std::collections::HashSet;

use kleur_domain::catalogue::{EntryKind, default_catalogue_ref};
use kleur_storage::people::BulkPerson;
use kleur_storage::portfolio::{BulkItem, insert_items_bulk};
use kleur_storage::{Conn, now};

use crate::Result;
use crate::portfolio::Details;

/// The most short talent profiles a demo gets (two items each).
pub const MAX_PROFILES: usize = 20_000;
/// Talents many people have, so a small demo still finds several people for each: the first
/// talent of a profile is one of these, the second any talent.
const COMMON_TALENTS: &[&str] = &[
    "analyseren",
    "samenwerken",
    "verbinden",
    "plannen-en-prioriteren",
    "coachen",
    "adviseren",
    "luisteren",
    "projectmatig-werken",
];
/// Every how many people with a portfolio or profile is open to project teams.
const AVAILABLE_EVERY: usize = 4;

/// What the first team says it needs: `(catalogue key, minimum level)`.
pub const FIRST_TEAM_NEEDS: &[(&str, Option<i64>)] = &[
    ("analyseren", Some(4)),
    ("verbinden", None),
    ("coachen", Some(3)),
    ("digitaal-vaardig", None),
    ("plannen-en-prioriteren", Some(4)),
];

fn mix(index: usize, salt: u64) -> usize {
    let mut x = (index as u64)
        .wrapping_add(salt)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x ^ (x >> 29)) as usize
}

/// Seeds the directory content for the people of a new demo organisation. `with_portfolio`
/// holds the indexes (into `people`) of those who already have a full portfolio.
pub async fn seed(
    conn: &mut Conn,
    organisation_id: &str,
    people: &[BulkPerson],
    with_portfolio: &HashSet<usize>,
    first_team_id: &str,
    first_team_manager_id: &str,
) -> Result<()> {
    let talents: Vec<_> = default_catalogue_ref()
        .entries_of(EntryKind::Talent)
        .collect();
    let mut items = Vec::new();
    let mut profiled = 0;
    let mut available = Vec::new();
    for (index, person) in people.iter().enumerate() {
        let has_portfolio = with_portfolio.contains(&index);
        if !has_portfolio && profiled < MAX_PROFILES {
            profiled += 1;
            let common = COMMON_TALENTS[mix(index, 1) % COMMON_TALENTS.len()];
            let first = talents.iter().position(|t| t.key == common).unwrap_or(0);
            let second = (first + 1 + mix(index, 2) % (talents.len() - 1)) % talents.len();
            for (position, talent_index) in [first, second].into_iter().enumerate() {
                let talent = talents[talent_index];
                let details = Details {
                    strength: Some((1 + mix(index, 3 + position as u64) % 5) as u8),
                    ..Details::default()
                };
                items.push(BulkItem {
                    owner_id: person.id.clone(),
                    section: "talents",
                    position: position as i64 + 1,
                    title: talent.nl.clone(),
                    body: String::new(),
                    visibility: "organisation",
                    catalogue_key: Some(talent.key.clone()),
                    details: serde_json::to_string(&details).unwrap_or_else(|_| "{}".into()),
                });
            }
        }
        if (has_portfolio || profiled > 0) && index % AVAILABLE_EVERY == 1 {
            available.push((person.id.clone(), 4 + (mix(index, 9) % 4) as i64 * 4));
        }
    }
    insert_items_bulk(conn, organisation_id, &items).await?;
    let now = now();
    for chunk in available.chunks(300) {
        let mut sql = String::from(
            "INSERT INTO person_availability (organisation_id, person_id, open_to_opportunities, open_to_teams, hours_per_week, available_from, updated_at) VALUES ",
        );
        for index in 0..chunk.len() {
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "($1, ${}, 0, 1, ${}, NULL, $2)",
                index * 2 + 3,
                index * 2 + 4
            ));
        }
        // Another part of the demo may have said something about these people already.
        sql.push_str(" ON CONFLICT (organisation_id, person_id) DO NOTHING");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id)
            .bind(&now);
        for (person_id, hours) in chunk {
            query = query.bind(person_id).bind(*hours);
        }
        query.execute(&mut *conn).await?;
    }
    for (key, level) in FIRST_TEAM_NEEDS {
        kleur_storage::search::set_needed_talent(
            conn,
            organisation_id,
            first_team_id,
            key,
            *level,
            first_team_manager_id,
        )
        .await?;
    }
    Ok(())
}
