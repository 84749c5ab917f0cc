use std::fmt;

/// What a person may do in their organisation. A person can hold several roles; everybody is an
/// employee.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    Manager,
    HrAdviser,
    Ambassador,
    Management,
    Administrator,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role '{0}': use one of employee, manager, hr_adviser, ambassador, management, administrator"
)]
pub struct UnknownRole(pub String);

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Employee,
        Role::Manager,
        Role::HrAdviser,
        Role::Ambassador,
        Role::Management,
        Role::Administrator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Manager => "manager",
            Role::HrAdviser => "hr_adviser",
            Role::Ambassador => "ambassador",
            Role::Management => "management",
            Role::Administrator => "administrator",
        }
    }

    /// Accepts the English identifiers and the Dutch words an HR export is likely to contain.
    pub fn parse(input: &str) -> Result<Self, UnknownRole> {
        let key = input.trim().to_lowercase().replace(['-', ' '], "_");
        let role = match key.as_str() {
            "employee" | "medewerker" => Role::Employee,
            "manager" | "coach" | "leidinggevende" | "teamcoach" => Role::Manager,
            "hr_adviser" | "hr" | "hr_adviseur" => Role::HrAdviser,
            "ambassador" | "ambassadeur" | "frontrunner" => Role::Ambassador,
            "management" | "directie" | "mt" => Role::Management,
            "administrator" | "admin" | "beheerder" => Role::Administrator,
            _ => return Err(UnknownRole(input.trim().to_owned())),
        };
        Ok(role)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The set of roles of one person.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(mut roles: Vec<Role>) -> Self {
        if !roles.contains(&Role::Employee) {
            roles.push(Role::Employee);
        }
        roles.sort();
        roles.dedup();
        Self(roles)
    }

    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn is_admin(&self) -> bool {
        self.has(Role::Administrator)
    }

    /// Who may see the organisation's people and units administration.
    pub fn can_manage_people(&self) -> bool {
        self.has(Role::Administrator) || self.has(Role::HrAdviser)
    }

    /// Who may use the team builder: whoever forms project teams.
    pub fn can_build_teams(&self) -> bool {
        self.has(Role::Manager) || self.has(Role::HrAdviser) || self.has(Role::Management)
    }

    /// Who may see organisation insight (aggregates only).
    pub fn can_see_insight(&self) -> bool {
        self.has(Role::HrAdviser) || self.has(Role::Management)
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dutch_and_english() {
        assert_eq!(Role::parse("Leidinggevende"), Ok(Role::Manager));
        assert_eq!(Role::parse("hr-adviseur"), Ok(Role::HrAdviser));
        assert_eq!(Role::parse("administrator"), Ok(Role::Administrator));
        assert!(Role::parse("koning").is_err());
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
    }

    #[test]
    fn everybody_is_an_employee() {
        let roles = Roles::new(vec![Role::Manager, Role::Manager]);
        assert!(roles.has(Role::Employee));
        assert_eq!(roles.iter().count(), 2);
    }
}
