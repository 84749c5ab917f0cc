use std::fmt;

/// A place in the organisation tree, written as names from the top down separated by `>`:
/// `Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Re-integratie`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitPath(Vec<String>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitPathError {
    #[error("the unit path is empty")]
    Empty,
    #[error("the unit path has an empty part (two '>' in a row?)")]
    EmptySegment,
    #[error("a unit name is longer than 200 characters")]
    TooLong,
    #[error("the unit path is deeper than 12 levels")]
    TooDeep,
}

pub const UNIT_PATH_SEPARATOR: char = '>';

impl UnitPath {
    pub fn parse(input: &str) -> Result<Self, UnitPathError> {
        if input.trim().is_empty() {
            return Err(UnitPathError::Empty);
        }
        let segments: Vec<String> = input
            .split(UNIT_PATH_SEPARATOR)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        if segments.iter().any(|s| s.is_empty()) {
            return Err(UnitPathError::EmptySegment);
        }
        if segments.iter().any(|s| s.chars().count() > 200) {
            return Err(UnitPathError::TooLong);
        }
        if segments.len() > 12 {
            return Err(UnitPathError::TooDeep);
        }
        Ok(Self(segments))
    }

    pub fn segments(&self) -> &[String] {
        &self.0
    }

    /// The paths of this unit and all its ancestors, top first.
    pub fn prefixes(&self) -> impl Iterator<Item = UnitPath> + '_ {
        (1..=self.0.len()).map(|n| UnitPath(self.0[..n].to_vec()))
    }

    pub fn name(&self) -> &str {
        self.0.last().map(String::as_str).unwrap_or_default()
    }

    pub fn parent(&self) -> Option<UnitPath> {
        (self.0.len() > 1).then(|| UnitPath(self.0[..self.0.len() - 1].to_vec()))
    }

    /// The key a unit is found by: case-insensitive, so "team Noord" and "Team Noord" are one unit.
    pub fn key(&self) -> String {
        self.0
            .iter()
            .map(|s| s.to_lowercase())
            .collect::<Vec<_>>()
            .join(" > ")
    }
}

impl fmt::Display for UnitPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(" > "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths() {
        let path =
            UnitPath::parse(" Gemeente Elderveen >  Sociaal   Domein>Team Noord ").expect("valid");
        assert_eq!(
            path.segments(),
            ["Gemeente Elderveen", "Sociaal Domein", "Team Noord"]
        );
        assert_eq!(
            path.key(),
            "gemeente elderveen > sociaal domein > team noord"
        );
        assert_eq!(path.prefixes().count(), 3);
        assert_eq!(
            path.parent().map(|p| p.to_string()),
            Some("Gemeente Elderveen > Sociaal Domein".into())
        );
        assert_eq!(UnitPath::parse("a >> b"), Err(UnitPathError::EmptySegment));
        assert_eq!(UnitPath::parse(""), Err(UnitPathError::Empty));
    }
}
