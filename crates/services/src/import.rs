//! Importing people and units from an HR export, all or nothing.

use std::collections::HashMap;

use kleur_domain::import::{ImportIssue, PersonRecord, parse_people_csv};
use kleur_domain::unit::UnitPath;
use kleur_storage::people::{self as store, NewPerson};
use kleur_storage::{Db, org};

use crate::ServiceError;

#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub units_created: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file has {} problem(s); nothing was imported", .0.len())]
    Invalid(Vec<ImportIssue>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<kleur_storage::StorageError> for ImportError {
    fn from(error: kleur_storage::StorageError) -> Self {
        ImportError::Service(error.into())
    }
}

fn issue(line: usize, column: &'static str, problem: String) -> ImportIssue {
    ImportIssue {
        line,
        column: Some(column),
        problem,
    }
}

/// Parses and imports a CSV file into one organisation. A person is matched by employee number,
/// else by e-mail address, and updated; anyone else is created. Any problem rolls everything back.
pub async fn import_people_csv(
    db: &Db,
    organisation_id: &str,
    bytes: &[u8],
) -> Result<ImportReport, ImportError> {
    let records = parse_people_csv(bytes).map_err(ImportError::Invalid)?;
    import_records(db, organisation_id, &records).await
}

pub async fn import_records(
    db: &Db,
    organisation_id: &str,
    records: &[PersonRecord],
) -> Result<ImportReport, ImportError> {
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    let mut issues = Vec::new();

    let mut unit_ids: HashMap<String, String> = org::list_units(&mut tx, organisation_id)
        .await?
        .into_iter()
        .map(|u| (u.path_key, u.id))
        .collect();
    let mut ensure_units =
        async |tx: &mut kleur_storage::Tx, path: &UnitPath| -> Result<String, ImportError> {
            let mut parent: Option<String> = None;
            for prefix in path.prefixes() {
                let key = prefix.key();
                let id = match unit_ids.get(&key) {
                    Some(id) => id.clone(),
                    None => {
                        let unit = org::insert_unit(
                            tx,
                            organisation_id,
                            parent.as_deref(),
                            prefix.name(),
                            &key,
                        )
                        .await?;
                        report.units_created += 1;
                        unit_ids.insert(key, unit.id.clone());
                        unit.id
                    }
                };
                parent = Some(id);
            }
            Ok(parent.unwrap_or_default())
        };

    // Employee number -> (person id, manager id) for everyone already known, updated as we go.
    let mut known: HashMap<String, String> = HashMap::new();
    let mut managers: HashMap<String, Option<String>> = HashMap::new();
    for (number, id, manager) in store::employee_numbers(&mut tx, organisation_id).await? {
        known.insert(number, id.clone());
        managers.insert(id, manager);
    }

    let mut imported: Vec<(&PersonRecord, String)> = Vec::with_capacity(records.len());
    for record in records {
        let unit_id = match &record.unit {
            Some(path) => Some(ensure_units(&mut tx, path).await?),
            None => None,
        };
        let existing = match known.get(&record.employee_number) {
            Some(id) => Some(id.clone()),
            None => store::find_person_by_email(&mut tx, organisation_id, record.email.as_str())
                .await?
                .map(|p| p.id),
        };
        let by_email =
            store::find_person_by_email(&mut tx, organisation_id, record.email.as_str()).await?;
        if let (Some(other), Some(id)) = (&by_email, &existing)
            && &other.id != id
        {
            issues.push(issue(
                record.line,
                "email",
                format!(
                    "{} already belongs to someone with another employee number",
                    record.email
                ),
            ));
            continue;
        }
        let person = NewPerson {
            organisation_id,
            employee_number: Some(&record.employee_number),
            display_name: &record.display_name,
            email: record.email.as_str(),
            function_title: &record.function_title,
            unit_id: unit_id.as_deref(),
            manager_id: None,
            password_hash: None,
        };
        let id = match existing {
            Some(id) => {
                store::update_person_record(&mut tx, organisation_id, &id, &person).await?;
                report.updated += 1;
                id
            }
            None => {
                let id = store::insert_person(&mut tx, &person).await?;
                report.created += 1;
                id
            }
        };
        known.insert(record.employee_number.clone(), id.clone());
        for role in
            std::iter::once(kleur_domain::Role::Employee).chain(record.roles.iter().copied())
        {
            store::grant_role(&mut tx, organisation_id, &id, role.as_str()).await?;
        }
        imported.push((record, id));
    }

    // Managers are resolved once everyone exists, so a file need not list managers first.
    for (record, id) in &imported {
        let manager_id = match &record.manager_employee_number {
            None => None,
            Some(number) => match known.get(number) {
                Some(manager_id) => Some(manager_id.clone()),
                None => {
                    issues.push(issue(
                        record.line,
                        "leidinggevende",
                        format!("no person with employee number {number}"),
                    ));
                    continue;
                }
            },
        };
        managers.insert(id.clone(), manager_id);
    }
    for (record, id) in &imported {
        if has_cycle(&managers, id) {
            issues.push(issue(
                record.line,
                "leidinggevende",
                "the managers form a circle".to_owned(),
            ));
        }
    }
    if !issues.is_empty() {
        issues.sort_by_key(|i| i.line);
        return Err(ImportError::Invalid(issues));
    }
    for (_, id) in &imported {
        let manager = managers.get(id).cloned().flatten();
        store::set_manager(&mut tx, organisation_id, id, manager.as_deref()).await?;
    }
    tx.commit().await.map_err(ServiceError::from)?;
    Ok(report)
}

fn has_cycle(managers: &HashMap<String, Option<String>>, start: &str) -> bool {
    let mut current = managers.get(start).cloned().flatten();
    let mut steps = 0;
    while let Some(id) = current {
        if id == start || steps > managers.len() {
            return true;
        }
        steps += 1;
        current = managers.get(&id).cloned().flatten();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_manager_cycles() {
        let mut managers = HashMap::new();
        managers.insert("a".to_owned(), Some("b".to_owned()));
        managers.insert("b".to_owned(), Some("c".to_owned()));
        managers.insert("c".to_owned(), None);
        assert!(!has_cycle(&managers, "a"));
        managers.insert("c".to_owned(), Some("a".to_owned()));
        assert!(has_cycle(&managers, "a"));
    }
}
