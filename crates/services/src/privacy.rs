//! The privacy rights: everything Kleur holds about oneself as one download, erasure of a person
//! on request, and retention periods with their clean-up.

use chrono::{Duration, Utc};
use kleur_storage::privacy::{self as store, Identity};
use kleur_storage::{Db, people, retention, timestamp};
use serde_json::{Value, json};

use crate::audit::{self, Event};
use crate::{Actor, Result, ServiceError};

pub const EXPORT_FORMAT: &str = "kleur-personal-data";
pub const EXPORT_VERSION: u32 = 1;

async fn identity(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Identity> {
    let person = people::get_person(conn, organisation_id, person_id)
        .await?
        .filter(|p| p.id != store::PLACEHOLDER_ID)
        .ok_or(ServiceError::NotFound)?;
    Ok(Identity {
        login_subject: crate::auth::failure_subject(&person.email),
        organisation_id: person.organisation_id,
        person_id: person.id,
        email: person.email,
        display_name: person.display_name,
    })
}

/// Everything about the actor, as JSON: their rows of every table that refers to them (driven
/// by the schema's declarations, so new features are included once declared), the reports of
/// their closed feedback rounds, and the list of what is left out and why.
pub async fn export_my_data(db: &Db, actor: &Actor) -> Result<Value> {
    let mut tx = db.begin().await?;
    let who = identity(&mut tx, &actor.organisation_id, &actor.person_id).await?;
    let (tables, left_out) = store::export_rows(&mut tx, &who).await?;
    audit::record(
        &mut tx,
        &actor.organisation_id,
        Event::PersonalDataExported,
        Some(&actor.person_id),
        Some(&actor.person_id),
        "",
    )
    .await?;
    tx.commit().await?;
    let mut reports = Vec::new();
    for round in crate::feedback::my_rounds(db, actor).await? {
        if round.round.status == "closed" {
            match crate::feedback::report(db, actor, &round.round.id).await {
                Ok(report) => reports.push(serde_json::to_value(report).unwrap_or(Value::Null)),
                Err(ServiceError::NotFound) => {}
                Err(other) => return Err(other),
            }
        }
    }
    Ok(json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": kleur_storage::now(),
        "tables": tables,
        "feedback_reports": reports,
        "not_included": left_out,
    }))
}

/// Erases a person on request: every row that refers to them is deleted or anonymised in one
/// transaction. Administrators only; `confirmation` must repeat the person's e-mail address.
pub async fn erase_person(
    db: &Db,
    actor: &Actor,
    person_id: &str,
    confirmation: &str,
) -> Result<Vec<(&'static str, u64)>> {
    actor.require_admin()?;
    if person_id == actor.person_id {
        return Err(ServiceError::invalid("confirmation", "error-erase-self"));
    }
    let mut tx = db.begin().await?;
    let who = identity(&mut tx, &actor.organisation_id, person_id).await?;
    if !confirmation.trim().eq_ignore_ascii_case(&who.email) {
        return Err(ServiceError::invalid(
            "confirmation",
            "error-erase-confirmation",
        ));
    }
    let changed = store::erase(&mut tx, &who).await?;
    // Who was erased is not kept: that would be a reference to them.
    audit::record(
        &mut tx,
        &actor.organisation_id,
        Event::PersonErased,
        Some(&actor.person_id),
        None,
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(changed)
}

/// The person shown on the confirmation page (administrators only).
pub async fn erasure_candidate(db: &Db, actor: &Actor, person_id: &str) -> Result<people::Person> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    people::get_person(&mut conn, &actor.organisation_id, person_id)
        .await?
        .filter(|p| p.id != store::PLACEHOLDER_ID)
        .ok_or(ServiceError::NotFound)
}

/// The longest retention period accepted: ten years.
pub const MAX_RETENTION_DAYS: i64 = 3650;

pub async fn retention_settings(db: &Db, actor: &Actor) -> Result<retention::Settings> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    Ok(retention::get(&mut conn, &actor.organisation_id).await?)
}

/// Sets the periods from form text: empty keeps the data, otherwise 1 to 3650 days.
pub async fn set_retention(db: &Db, actor: &Actor, input: &[(&str, &str)]) -> Result<()> {
    actor.require_admin()?;
    let mut settings = retention::Settings::default();
    let mut errors = Vec::new();
    for name in retention::SETTINGS {
        let text = input
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or_default();
        let days = if text.is_empty() {
            None
        } else {
            match text.parse::<i64>() {
                Ok(days) if (1..=MAX_RETENTION_DAYS).contains(&days) => Some(days),
                _ => {
                    errors.push(crate::FieldError::new(name, "error-retention-days"));
                    None
                }
            }
        };
        settings.days.push((name, days));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    retention::set(&mut tx, &actor.organisation_id, &settings).await?;
    audit::record(
        &mut tx,
        &actor.organisation_id,
        Event::SettingsChanged,
        Some(&actor.person_id),
        None,
        "retention",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The scheduled clean-up: deletes, per organisation and rule, what is past its period. Returns
/// the number of expired rows deleted (not counting the rows they own).
pub async fn apply_retention(db: &Db) -> Result<u64> {
    let organisations = {
        let mut conn = db.acquire().await?;
        retention::organisations_with_settings(&mut conn).await?
    };
    let mut deleted = 0;
    for organisation_id in organisations {
        let mut tx = db.begin().await?;
        let settings = retention::get(&mut tx, &organisation_id).await?;
        for rule in retention::RULES {
            if let Some(days) = settings.get(rule.setting) {
                let cut_off = timestamp(Utc::now() - Duration::days(days));
                deleted += retention::apply(&mut tx, rule, &organisation_id, &cut_off).await?;
            }
        }
        tx.commit().await?;
    }
    Ok(deleted)
}
