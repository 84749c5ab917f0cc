//! People and units as the organisation sees them.

use kleur_domain::person::{NAME_MAX, TITLE_MAX, clean_text};
use kleur_domain::{Email, Locale, Page, PageRequest, Role};
use kleur_storage::people::{self as store, PeopleFilter, Person, PersonListItem};
use kleur_storage::{Db, org};

use crate::{Actor, FieldError, Result, ServiceError};

/// One page of the people of the actor's organisation. Names, functions and units come from the
/// HR system and are visible to every colleague; what people write themselves is not here.
pub async fn list(
    db: &Db,
    actor: &Actor,
    filter: &PeopleFilter<'_>,
    request: PageRequest,
) -> Result<Page<PersonListItem>> {
    let mut conn = db.acquire().await?;
    let (items, total) = store::list_people(
        &mut conn,
        &actor.organisation_id,
        filter,
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

#[derive(Debug, Clone, serde::Serialize)]
pub struct PersonDetail {
    pub person: Person,
    pub roles: Vec<String>,
    pub unit: Option<org::Unit>,
    pub manager: Option<Person>,
    pub has_password: bool,
}

/// A colleague of the actor. Another organisation's person is "not found", never "forbidden".
pub async fn get(db: &Db, actor: &Actor, person_id: &str) -> Result<PersonDetail> {
    let mut conn = db.acquire().await?;
    let person = store::get_person(&mut conn, &actor.organisation_id, person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let roles = store::roles_of(&mut conn, &actor.organisation_id, person_id).await?;
    let unit = match &person.unit_id {
        Some(id) => org::get_unit(&mut conn, &actor.organisation_id, id).await?,
        None => None,
    };
    let manager = match &person.manager_id {
        Some(id) => store::get_person(&mut conn, &actor.organisation_id, id).await?,
        None => None,
    };
    let has_password = store::has_password(&mut conn, &actor.organisation_id, person_id).await?;
    Ok(PersonDetail {
        person,
        roles,
        unit,
        manager,
        has_password,
    })
}

/// The signed-in person's own choice of interface language.
pub async fn set_locale(db: &Db, actor: &Actor, locale: Locale) -> Result<()> {
    let mut conn = db.acquire().await?;
    store::set_locale(
        &mut conn,
        &actor.organisation_id,
        &actor.person_id,
        locale.as_str(),
    )
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PersonInput {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub function_title: String,
    #[serde(default)]
    pub unit_id: String,
    #[serde(default)]
    pub manager_id: String,
    #[serde(default)]
    pub employee_number: String,
    /// The manager by e-mail address, for forms; used when `manager_id` is empty.
    #[serde(default)]
    pub manager_email: String,
}

struct ValidPerson {
    display_name: String,
    email: Email,
    function_title: String,
    unit_id: Option<String>,
    manager_id: Option<String>,
    employee_number: Option<String>,
}

async fn validate(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    input: &PersonInput,
) -> Result<ValidPerson> {
    let mut errors = Vec::new();
    let display_name = clean_text(&input.display_name, NAME_MAX, true).unwrap_or_else(|_| {
        errors.push(FieldError::new("display_name", "error-name-required"));
        String::new()
    });
    let function_title = clean_text(&input.function_title, TITLE_MAX, false).unwrap_or_else(|_| {
        errors.push(FieldError::new("function_title", "error-text-too-long"));
        String::new()
    });
    let employee_number = clean_text(&input.employee_number, 64, false).unwrap_or_else(|_| {
        errors.push(FieldError::new("employee_number", "error-text-too-long"));
        String::new()
    });
    let email = Email::parse(&input.email)
        .map_err(|_| errors.push(FieldError::new("email", "error-email-invalid")))
        .ok();
    let unit_id = match input.unit_id.trim() {
        "" => None,
        id if org::get_unit(conn, organisation_id, id).await?.is_some() => Some(id.to_owned()),
        _ => {
            errors.push(FieldError::new("unit_id", "error-unit-unknown"));
            None
        }
    };
    let manager_id = match input.manager_id.trim() {
        "" if !input.manager_email.trim().is_empty() => {
            let found = match Email::parse(&input.manager_email) {
                Ok(email) => {
                    store::find_person_by_email(conn, organisation_id, email.as_str()).await?
                }
                Err(_) => None,
            };
            if found.is_none() {
                errors.push(FieldError::new("manager_email", "error-manager-unknown"));
            }
            found.map(|p| p.id)
        }
        "" => None,
        id if store::get_person(conn, organisation_id, id)
            .await?
            .is_some() =>
        {
            Some(id.to_owned())
        }
        _ => {
            errors.push(FieldError::new("manager_id", "error-manager-unknown"));
            None
        }
    };
    match email {
        Some(email) if errors.is_empty() => Ok(ValidPerson {
            display_name,
            email,
            function_title,
            unit_id,
            manager_id,
            employee_number: (!employee_number.is_empty()).then_some(employee_number),
        }),
        _ => Err(ServiceError::Invalid(errors)),
    }
}

fn conflict_to_field(error: kleur_storage::StorageError) -> ServiceError {
    match error {
        kleur_storage::StorageError::Conflict(what) if what.contains("employee_number") => {
            ServiceError::invalid("employee_number", "error-employee-number-taken")
        }
        kleur_storage::StorageError::Conflict(_) => {
            ServiceError::invalid("email", "error-email-taken")
        }
        other => other.into(),
    }
}

/// Adds a person by hand (HR adviser or administrator).
pub async fn create(db: &Db, actor: &Actor, input: &PersonInput) -> Result<String> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, actor, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`create`] inside the caller's transaction (SCIM provisioning adds its own rows to it).
pub async fn create_in(
    tx: &mut kleur_storage::Conn,
    actor: &Actor,
    input: &PersonInput,
) -> Result<String> {
    actor.require_people_admin()?;
    let valid = validate(tx, &actor.organisation_id, input).await?;
    let id = store::insert_person(
        tx,
        &store::NewPerson {
            organisation_id: &actor.organisation_id,
            employee_number: valid.employee_number.as_deref(),
            display_name: &valid.display_name,
            email: valid.email.as_str(),
            function_title: &valid.function_title,
            unit_id: valid.unit_id.as_deref(),
            manager_id: valid.manager_id.as_deref(),
            password_hash: None,
        },
    )
    .await
    .map_err(conflict_to_field)?;
    store::grant_role(tx, &actor.organisation_id, &id, Role::Employee.as_str()).await?;
    Ok(id)
}

/// Changes a person's HR data (HR adviser or administrator).
pub async fn update(db: &Db, actor: &Actor, person_id: &str, input: &PersonInput) -> Result<()> {
    let mut tx = db.begin().await?;
    update_in(&mut tx, actor, person_id, input).await?;
    tx.commit().await?;
    Ok(())
}

/// [`update`] inside the caller's transaction.
pub async fn update_in(
    tx: &mut kleur_storage::Conn,
    actor: &Actor,
    person_id: &str,
    input: &PersonInput,
) -> Result<()> {
    actor.require_people_admin()?;
    store::get_person(tx, &actor.organisation_id, person_id)
        .await?
        // The placeholder that stands in for erased people is nobody to edit (or reactivate).
        .filter(|p| p.id != kleur_storage::privacy::PLACEHOLDER_ID)
        .ok_or(ServiceError::NotFound)?;
    let valid = validate(tx, &actor.organisation_id, input).await?;
    if valid.manager_id.as_deref() == Some(person_id) {
        return Err(ServiceError::invalid("manager_id", "error-manager-self"));
    }
    if let Some(manager_id) = &valid.manager_id
        && manages_indirectly(tx, &actor.organisation_id, person_id, manager_id).await?
    {
        return Err(ServiceError::invalid("manager_id", "error-manager-cycle"));
    }
    store::update_person_record(
        tx,
        &actor.organisation_id,
        person_id,
        &store::NewPerson {
            organisation_id: &actor.organisation_id,
            employee_number: valid.employee_number.as_deref(),
            display_name: &valid.display_name,
            email: valid.email.as_str(),
            function_title: &valid.function_title,
            unit_id: valid.unit_id.as_deref(),
            manager_id: None,
            password_hash: None,
        },
    )
    .await
    .map_err(conflict_to_field)?;
    store::set_manager(
        tx,
        &actor.organisation_id,
        person_id,
        valid.manager_id.as_deref(),
    )
    .await?;
    Ok(())
}

/// True when `person_id` is somewhere above `candidate` in the management chain.
async fn manages_indirectly(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    person_id: &str,
    candidate: &str,
) -> Result<bool> {
    let mut current = Some(candidate.to_owned());
    let mut steps = 0;
    while let Some(id) = current {
        if id == person_id {
            return Ok(true);
        }
        steps += 1;
        if steps > 100 {
            return Ok(true);
        }
        current = store::get_person(conn, organisation_id, &id)
            .await?
            .and_then(|p| p.manager_id);
    }
    Ok(false)
}

/// Gives or takes a role (administrator only; nobody can take their own administrator role, so
/// an organisation always keeps one).
pub async fn set_role(
    db: &Db,
    actor: &Actor,
    person_id: &str,
    role: Role,
    granted: bool,
) -> Result<()> {
    actor.require_admin()?;
    if role == Role::Employee {
        return Err(ServiceError::invalid("role", "error-role-employee"));
    }
    if !granted && role == Role::Administrator && person_id == actor.person_id {
        return Err(ServiceError::invalid("role", "error-role-own-admin"));
    }
    let mut tx = db.begin().await?;
    store::get_person(&mut tx, &actor.organisation_id, person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if granted {
        store::grant_role(&mut tx, &actor.organisation_id, person_id, role.as_str()).await?;
    } else {
        store::revoke_role(&mut tx, &actor.organisation_id, person_id, role.as_str()).await?;
    }
    crate::audit::record(
        &mut tx,
        &actor.organisation_id,
        if granted {
            crate::audit::Event::RoleGranted
        } else {
            crate::audit::Event::RoleRevoked
        },
        Some(&actor.person_id),
        Some(person_id),
        role.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitNode {
    pub unit: org::Unit,
    pub depth: usize,
    pub people: i64,
}

/// The unit tree in display order (each unit followed by its children), with head counts.
pub async fn unit_tree(db: &Db, actor: &Actor) -> Result<Vec<UnitNode>> {
    tree(db, actor, true).await
}

/// The unit tree without head counts, for choosing a unit in a form or filter.
pub async fn unit_choices(db: &Db, actor: &Actor) -> Result<Vec<UnitNode>> {
    tree(db, actor, false).await
}

/// More units than this and a filter offers only the top of the tree (see [`filter_unit_choices`]).
pub const FILTER_UNITS_MAX: i64 = 300;

/// The units a list filter offers, in tree order. A large organisation has thousands of teams:
/// then the filter offers the top three levels (teams are reached from the units page) plus the
/// unit `chosen`, and only those are read.
pub async fn filter_unit_choices(db: &Db, actor: &Actor, chosen: &str) -> Result<Vec<UnitNode>> {
    let mut conn = db.acquire().await?;
    if org::count_units(&mut conn, &actor.organisation_id).await? <= FILTER_UNITS_MAX {
        let units = org::list_units(&mut conn, &actor.organisation_id).await?;
        return Ok(tree_order(units, &Default::default()));
    }
    let mut units = org::top_units(&mut conn, &actor.organisation_id).await?;
    // The chosen unit with its ancestors, so it takes its place in the tree order.
    let mut next = Some(chosen.to_owned()).filter(|id| !id.is_empty());
    while let Some(id) = next.take() {
        if units.iter().any(|u| u.id == id) {
            break;
        }
        if let Some(unit) = org::get_unit(&mut conn, &actor.organisation_id, &id).await? {
            next = unit.parent_id.clone();
            units.push(unit);
        }
    }
    let mut nodes = tree_order(units, &Default::default());
    nodes.retain(|node| node.depth <= 2 || node.unit.id == chosen);
    Ok(nodes)
}

async fn tree(db: &Db, actor: &Actor, with_counts: bool) -> Result<Vec<UnitNode>> {
    let mut conn = db.acquire().await?;
    let units = org::list_units(&mut conn, &actor.organisation_id).await?;
    let counts: std::collections::HashMap<String, i64> = if with_counts {
        org::people_per_unit(&mut conn, &actor.organisation_id)
            .await?
            .into_iter()
            .collect()
    } else {
        Default::default()
    };
    Ok(tree_order(units, &counts))
}

/// Units depth-first, so each unit is followed by its children whatever the database's
/// collation, with their head counts.
fn tree_order(
    units: Vec<org::Unit>,
    counts: &std::collections::HashMap<String, i64>,
) -> Vec<UnitNode> {
    let mut children: std::collections::HashMap<Option<String>, Vec<org::Unit>> =
        std::collections::HashMap::new();
    for unit in units {
        children
            .entry(unit.parent_id.clone())
            .or_default()
            .push(unit);
    }
    for list in children.values_mut() {
        list.sort_by_key(|u| u.name.to_lowercase());
    }
    let mut ordered = Vec::new();
    let mut stack: Vec<(org::Unit, usize)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|u| (u, 0))
        .collect();
    while let Some((unit, depth)) = stack.pop() {
        if let Some(kids) = children.remove(&Some(unit.id.clone())) {
            stack.extend(kids.into_iter().rev().map(|u| (u, depth + 1)));
        }
        let people = counts.get(&unit.id).copied().unwrap_or(0);
        ordered.push(UnitNode {
            unit,
            depth,
            people,
        });
    }
    ordered
}

pub async fn get_unit(db: &Db, actor: &Actor, unit_id: &str) -> Result<org::Unit> {
    let mut conn = db.acquire().await?;
    org::get_unit(&mut conn, &actor.organisation_id, unit_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// People holding the manager role, for choosing someone's manager in a form.
pub async fn managers(db: &Db, actor: &Actor) -> Result<Vec<(String, String)>> {
    actor.require_people_admin()?;
    let mut conn = db.acquire().await?;
    Ok(store::people_with_role(
        &mut conn,
        &actor.organisation_id,
        Role::Manager.as_str(),
        2000,
    )
    .await?)
}
