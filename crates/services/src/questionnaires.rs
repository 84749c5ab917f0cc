//! Feedback questionnaires HR builds from the talent catalogue: rating items (on a labelled scale
//! with "cannot judge") and open questions, in Dutch and English. Changing a questionnaire stores
//! a new version, so a round keeps the version it started with. HR assigns questionnaires to a
//! function title, a team or a unit; an employee starting a round gets the most specific one.

use kleur_domain::catalogue::Entry;
use kleur_domain::person::clean_text;
use kleur_storage::feedback::{self as store, Assignment, Questionnaire};
use kleur_storage::{Conn, Db, org, people};

use crate::feedback::{
    DEFAULT_QUESTIONNAIRE, QuestionItem, ensure_default_questionnaire, items_of,
};
use crate::{Actor, FieldError, Result, ServiceError};

pub const NAME_MAX: usize = 200;
pub const QUESTION_MAX: usize = 500;
pub const ITEMS_MAX: usize = 60;
/// Open questions a form offers room for.
pub const OPEN_SLOTS: usize = 3;
pub const SCALES: [i64; 5] = [3, 4, 5, 6, 7];

pub fn can_manage(actor: &Actor) -> bool {
    crate::catalogue::can_manage(actor)
}

fn require_manager(actor: &Actor) -> Result<()> {
    if can_manage(actor) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// A questionnaire (its newest version) with where it is assigned.
#[derive(Debug, Clone)]
pub struct Overview {
    pub questionnaire: Questionnaire,
    pub rating_items: usize,
    pub open_items: usize,
    pub assignments: Vec<Assignment>,
}

pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<Overview>> {
    require_manager(actor)?;
    let mut conn = db.acquire().await?;
    ensure_default_questionnaire(&mut conn, &actor.organisation_id).await?;
    let assignments = store::assignments(&mut conn, &actor.organisation_id).await?;
    Ok(
        store::latest_questionnaires(&mut conn, &actor.organisation_id)
            .await?
            .into_iter()
            .map(|questionnaire| {
                let items = items_of(&questionnaire);
                Overview {
                    rating_items: items.iter().filter(|i| i.is_rating()).count(),
                    open_items: items.iter().filter(|i| !i.is_rating()).count(),
                    assignments: assignments
                        .iter()
                        .filter(|a| a.questionnaire_id == questionnaire.id)
                        .cloned()
                        .collect(),
                    questionnaire,
                }
            })
            .collect(),
    )
}

/// One questionnaire's newest version, its version numbers and assignments.
pub async fn get(db: &Db, actor: &Actor, id: &str) -> Result<(Overview, Vec<i64>)> {
    require_manager(actor)?;
    let mut conn = db.acquire().await?;
    ensure_default_questionnaire(&mut conn, &actor.organisation_id).await?;
    let questionnaire = store::latest_questionnaire(&mut conn, &actor.organisation_id, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let versions = store::questionnaire_versions(&mut conn, &actor.organisation_id, id).await?;
    let assignments = store::assignments(&mut conn, &actor.organisation_id)
        .await?
        .into_iter()
        .filter(|a| a.questionnaire_id == questionnaire.id)
        .collect();
    let items = items_of(&questionnaire);
    Ok((
        Overview {
            rating_items: items.iter().filter(|i| i.is_rating()).count(),
            open_items: items.iter().filter(|i| !i.is_rating()).count(),
            assignments,
            questionnaire,
        },
        versions,
    ))
}

/// What the builder form sends.
#[derive(Debug, Clone, Default)]
pub struct QuestionnaireInput {
    pub name_nl: String,
    pub name_en: String,
    pub scale: String,
    /// Keys of items of the current version to keep (editing only).
    pub keep: Vec<String>,
    /// Catalogue entry keys to ask about.
    pub talents: Vec<String>,
    /// Open questions: (Dutch, English) per slot.
    pub open: Vec<(String, String)>,
}

impl QuestionnaireInput {
    /// From repeated form fields: `naam_nl`, `naam_en`, `schaal`, `houd` (repeated), `talent`
    /// (repeated), `open_nl_N` / `open_en_N`.
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let one = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let many = |name: &str| {
            fields
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
        };
        Self {
            name_nl: one("naam_nl"),
            name_en: one("naam_en"),
            scale: one("schaal"),
            keep: many("houd"),
            talents: many("talent"),
            open: (1..=OPEN_SLOTS)
                .map(|n| (one(&format!("open_nl_{n}")), one(&format!("open_en_{n}"))))
                .collect(),
        }
    }

    pub fn of(questionnaire: &Questionnaire) -> Self {
        Self {
            name_nl: questionnaire.name_nl.clone(),
            name_en: questionnaire.name_en.clone(),
            scale: questionnaire.scale_points.to_string(),
            keep: items_of(questionnaire).into_iter().map(|i| i.key).collect(),
            talents: Vec::new(),
            open: vec![(String::new(), String::new()); OPEN_SLOTS],
        }
    }
}

/// The question a rating item asks about a catalogue talent.
fn talent_item(entry: &Entry) -> QuestionItem {
    let text = |name: &str, description: &str| {
        if description.trim().is_empty() {
            name.to_owned()
        } else {
            format!("{name}: {}", description.trim())
        }
    };
    QuestionItem {
        key: entry.key.clone(),
        kind: "rating".to_owned(),
        competence: entry.key.clone(),
        text_nl: text(&entry.nl, &entry.description_nl),
        text_en: text(&entry.en, &entry.description_en),
    }
}

/// Validates the input against the catalogue and the current items; returns the items of the
/// new version.
fn build_items(
    input: &QuestionnaireInput,
    current: &[QuestionItem],
    catalogue: &[Entry],
    errors: &mut Vec<FieldError>,
) -> Vec<QuestionItem> {
    let mut items: Vec<QuestionItem> = Vec::new();
    for key in &input.keep {
        match current.iter().find(|i| &i.key == key) {
            Some(item) => items.push(item.clone()),
            None => errors.push(FieldError::new("houd", "error-questionnaire-unknown-item")),
        }
    }
    for key in &input.talents {
        if items.iter().any(|i| &i.key == key) {
            continue;
        }
        match catalogue.iter().find(|e| &e.key == key) {
            Some(entry) => items.push(talent_item(entry)),
            None => errors.push(FieldError::new(
                "talent",
                "error-questionnaire-unknown-talent",
            )),
        }
    }
    let mut next_open = current
        .iter()
        .chain(items.iter())
        .filter_map(|i| i.key.strip_prefix("vraag-")?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    for (index, (nl, en)) in input.open.iter().enumerate() {
        let (nl, en) = (nl.trim(), en.trim());
        if nl.is_empty() && en.is_empty() {
            continue;
        }
        let field = ["open_nl_1", "open_nl_2", "open_nl_3"]
            .get(index)
            .copied()
            .unwrap_or("open_nl_1");
        if nl.is_empty() || en.is_empty() {
            errors.push(FieldError::new(field, "error-questionnaire-open-both"));
            continue;
        }
        if nl.chars().count() > QUESTION_MAX || en.chars().count() > QUESTION_MAX {
            errors.push(FieldError::new(field, "error-questionnaire-question-long"));
            continue;
        }
        next_open += 1;
        items.push(QuestionItem {
            key: format!("vraag-{next_open}"),
            kind: "open".to_owned(),
            competence: "algemeen".to_owned(),
            text_nl: nl.to_owned(),
            text_en: en.to_owned(),
        });
    }
    if !items.iter().any(QuestionItem::is_rating) {
        errors.push(FieldError::new("talent", "error-questionnaire-no-ratings"));
    }
    if items.len() > ITEMS_MAX {
        errors.push(FieldError::new("talent", "error-questionnaire-too-many"));
    }
    // Rating items first, open questions last, as the form and the report show them.
    items.sort_by_key(|i| !i.is_rating());
    items
}

async fn save_version(
    db: &Db,
    actor: &Actor,
    existing: Option<&str>,
    input: &QuestionnaireInput,
) -> Result<String> {
    require_manager(actor)?;
    let catalogue = crate::catalogue::active_entries(db, actor, None).await?;
    let mut errors = Vec::new();
    let name_nl = clean_text(&input.name_nl, NAME_MAX, true).unwrap_or_else(|_| {
        errors.push(FieldError::new("naam_nl", "error-questionnaire-name"));
        String::new()
    });
    let name_en = clean_text(&input.name_en, NAME_MAX, true).unwrap_or_else(|_| {
        errors.push(FieldError::new("naam_en", "error-questionnaire-name"));
        String::new()
    });
    let scale = input
        .scale
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|s| SCALES.contains(s));
    if scale.is_none() {
        errors.push(FieldError::new("schaal", "error-questionnaire-scale"));
    }
    let mut tx = db.begin().await?;
    ensure_default_questionnaire(&mut tx, &actor.organisation_id).await?;
    let current = match existing {
        Some(id) => Some(
            store::latest_questionnaire(&mut tx, &actor.organisation_id, id)
                .await?
                .ok_or(ServiceError::NotFound)?,
        ),
        None => None,
    };
    let current_items = current.as_ref().map(items_of).unwrap_or_default();
    let items = build_items(input, &current_items, &catalogue, &mut errors);
    errors.dedup();
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let (id, version) = match &current {
        Some(q) => (q.id.clone(), q.version + 1),
        None => (kleur_storage::new_id(), 1),
    };
    store::insert_questionnaire(
        &mut tx,
        &Questionnaire {
            organisation_id: actor.organisation_id.clone(),
            id: id.clone(),
            version,
            name_nl,
            name_en,
            scale_points: scale.unwrap_or(5),
            items: serde_json::to_string(&items)
                .map_err(|e| ServiceError::Internal(e.to_string()))?,
            created_at: kleur_storage::now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn create(db: &Db, actor: &Actor, input: &QuestionnaireInput) -> Result<String> {
    save_version(db, actor, None, input).await
}

/// Stores the change as a new version; rounds already started keep theirs.
pub async fn update(db: &Db, actor: &Actor, id: &str, input: &QuestionnaireInput) -> Result<()> {
    save_version(db, actor, Some(id), input).await.map(|_| ())
}

/// The kinds of target, most specific first.
pub const TARGET_KINDS: [&str; 3] = ["function", "team", "unit"];

/// Choices for assigning: function titles, teams (by their manager) and units.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    pub functions: Vec<String>,
    pub teams: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
}

pub async fn targets(db: &Db, actor: &Actor) -> Result<Targets> {
    require_manager(actor)?;
    let mut conn = db.acquire().await?;
    Ok(Targets {
        functions: store::function_titles(&mut conn, &actor.organisation_id).await?,
        teams: store::team_leads(&mut conn, &actor.organisation_id).await?,
        units: org::list_units(&mut conn, &actor.organisation_id)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect(),
    })
}

/// Assigns a questionnaire to a function title, team or unit, replacing what that target had:
/// one questionnaire per target, so "most specific wins" has one answer.
pub async fn assign(db: &Db, actor: &Actor, id: &str, kind: &str, target: &str) -> Result<()> {
    require_manager(actor)?;
    let kind = TARGET_KINDS
        .iter()
        .find(|k| **k == kind)
        .copied()
        .ok_or_else(|| ServiceError::invalid("soort", "error-questionnaire-target"))?;
    let target = target.trim();
    let mut tx = db.begin().await?;
    store::latest_questionnaire(&mut tx, &actor.organisation_id, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let valid = match kind {
        "function" => store::function_titles(&mut tx, &actor.organisation_id)
            .await?
            .iter()
            .any(|t| t.to_lowercase() == target.to_lowercase()),
        "team" => store::team_leads(&mut tx, &actor.organisation_id)
            .await?
            .iter()
            .any(|(lead, _)| lead == target),
        _ => org::get_unit(&mut tx, &actor.organisation_id, target)
            .await?
            .is_some(),
    };
    if target.is_empty() || !valid {
        return Err(ServiceError::invalid("doel", "error-questionnaire-target"));
    }
    let stored_target = if kind == "function" {
        target.to_lowercase()
    } else {
        target.to_owned()
    };
    for other in store::assigned_to(&mut tx, &actor.organisation_id, kind, &stored_target).await? {
        store::delete_assignment(
            &mut tx,
            &actor.organisation_id,
            &Assignment {
                questionnaire_id: other,
                target_kind: kind.to_owned(),
                target: stored_target.clone(),
            },
        )
        .await?;
    }
    store::insert_assignment(
        &mut tx,
        &actor.organisation_id,
        &Assignment {
            questionnaire_id: id.to_owned(),
            target_kind: kind.to_owned(),
            target: stored_target,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn unassign(db: &Db, actor: &Actor, id: &str, kind: &str, target: &str) -> Result<()> {
    require_manager(actor)?;
    let mut conn = db.acquire().await?;
    let removed = store::delete_assignment(
        &mut conn,
        &actor.organisation_id,
        &Assignment {
            questionnaire_id: id.to_owned(),
            target_kind: kind.to_owned(),
            target: target.to_owned(),
        },
    )
    .await?;
    if removed {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// The questionnaire assigned to a person: by function title, else their team (manager), else
/// their unit or the nearest parent unit, else the default.
pub async fn assigned_for(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<String> {
    let person = people::get_person(conn, organisation_id, person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let assignments = store::assignments(conn, organisation_id).await?;
    let find = |kind: &str, target: &str| {
        assignments
            .iter()
            .find(|a| a.target_kind == kind && a.target == target)
            .map(|a| a.questionnaire_id.clone())
    };
    let function = person.function_title.trim().to_lowercase();
    if !function.is_empty()
        && let Some(id) = find("function", &function)
    {
        return Ok(id);
    }
    if let Some(manager) = &person.manager_id
        && let Some(id) = find("team", manager)
    {
        return Ok(id);
    }
    let units = org::list_units(conn, organisation_id).await?;
    let mut unit = person.unit_id.clone();
    // Walk up the unit tree; the bound guards against a cycle in bad data.
    for _ in 0..units.len() {
        let Some(current) = unit else { break };
        if let Some(id) = find("unit", &current) {
            return Ok(id);
        }
        unit = units
            .iter()
            .find(|u| u.id == current)
            .and_then(|u| u.parent_id.clone());
    }
    Ok(DEFAULT_QUESTIONNAIRE.to_owned())
}

/// The questionnaires an employee can choose from (newest versions) and the one assigned to them.
pub async fn available_for(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<(Vec<Questionnaire>, String)> {
    ensure_default_questionnaire(conn, organisation_id).await?;
    let all = store::latest_questionnaires(conn, organisation_id).await?;
    let assigned = assigned_for(conn, organisation_id, person_id).await?;
    Ok((all, assigned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str) -> Entry {
        Entry {
            key: key.into(),
            kind: kleur_domain::catalogue::EntryKind::Talent,
            category: "c".into(),
            nl: format!("{key} nl"),
            en: format!("{key} en"),
            description_nl: String::new(),
            description_en: "Does it.".into(),
            synonyms_nl: Vec::new(),
            synonyms_en: Vec::new(),
            quadrant: None,
        }
    }

    #[test]
    fn an_edit_keeps_chosen_items_adds_talents_and_numbers_open_questions_after_existing_ones() {
        let current = vec![
            talent_item(&entry("luisteren")),
            QuestionItem {
                key: "vraag-2".into(),
                kind: "open".into(),
                competence: "algemeen".into(),
                text_nl: "a".into(),
                text_en: "b".into(),
            },
        ];
        let input = QuestionnaireInput {
            keep: vec!["luisteren".into()],
            talents: vec!["plannen".into(), "luisteren".into()],
            open: vec![("Wat nog?".into(), "What else?".into())],
            ..Default::default()
        };
        let mut errors = Vec::new();
        let items = build_items(
            &input,
            &current,
            &[entry("plannen"), entry("luisteren")],
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["luisteren", "plannen", "vraag-3"]);
        assert_eq!(items[1].text_nl, "plannen nl");
        assert_eq!(items[1].text_en, "plannen en: Does it.");
    }

    #[test]
    fn unknown_talents_half_translated_questions_and_no_ratings_are_refused() {
        let input = QuestionnaireInput {
            talents: vec!["bestaat-niet".into()],
            open: vec![("Alleen Nederlands".into(), String::new())],
            ..Default::default()
        };
        let mut errors = Vec::new();
        build_items(&input, &[], &[entry("plannen")], &mut errors);
        let keys: Vec<&str> = errors.iter().map(|e| e.message_key).collect();
        assert!(keys.contains(&"error-questionnaire-unknown-talent"));
        assert!(keys.contains(&"error-questionnaire-open-both"));
        assert!(keys.contains(&"error-questionnaire-no-ratings"));
    }
}
