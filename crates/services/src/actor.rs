use kleur_domain::{Locale, Role, Roles};

use crate::{Result, ServiceError};

/// Who is asking: a signed-in person of one organisation. Every use case takes one and checks it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub organisation_id: String,
    pub person_id: String,
    pub display_name: String,
    pub roles: Roles,
    pub locale: Option<Locale>,
}

impl Actor {
    pub fn require(&self, allowed: bool) -> Result<()> {
        if allowed {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    pub fn require_people_admin(&self) -> Result<()> {
        self.require(self.roles.can_manage_people())
    }

    pub fn require_admin(&self) -> Result<()> {
        self.require(self.roles.has(Role::Administrator))
    }
}

/// Loads the actor for a person found through a session or token.
pub async fn load(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Actor> {
    let person = kleur_storage::people::get_person(conn, organisation_id, person_id)
        .await?
        .filter(|p| p.active == 1)
        .ok_or(ServiceError::NotFound)?;
    let roles = kleur_storage::people::roles_of(conn, organisation_id, person_id)
        .await?
        .iter()
        .filter_map(|r| Role::parse(r).ok())
        .collect();
    Ok(Actor {
        organisation_id: person.organisation_id,
        person_id: person.id,
        display_name: person.display_name,
        roles: Roles::new(roles),
        locale: person.locale.as_deref().and_then(Locale::parse),
    })
}
