//! Goals that connect top-down and bottom-up: organisation goals per cycle, team goals linked to
//! them, and personal goals linked to either. Who may see a personal goal follows the same
//! [`Relation`](crate::portfolio::Relation) rule as portfolio items.

use std::fmt;

use crate::{Role, Roles};

/// Where a goal sits in the organisation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Set by management for a cycle (a policy and budget year); visible to everyone.
    Organisation,
    /// Set for one unit by its manager or by management; visible to everyone.
    Team,
    /// An employee's own goal, with a visibility the owner chooses.
    Personal,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Organisation, Level::Team, Level::Personal];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Organisation => "organisation",
            Level::Team => "team",
            Level::Personal => "personal",
        }
    }

    pub fn parse(input: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == input.trim())
    }

    /// The levels a goal of this level may contribute to (its parent's level).
    pub fn may_link_to(self) -> &'static [Level] {
        match self {
            Level::Organisation => &[],
            Level::Team => &[Level::Organisation],
            Level::Personal => &[Level::Team, Level::Organisation],
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a goal is doing, set with each progress update.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    OnTrack,
    AtRisk,
    Achieved,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Open,
        Status::OnTrack,
        Status::AtRisk,
        Status::Achieved,
        Status::Stopped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Achieved => "achieved",
            Status::Stopped => "stopped",
        }
    }

    pub fn parse(input: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == input.trim())
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happened to a goal, kept as its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    /// The owner proposed their personal goal to the team (their consent to share it).
    Proposed,
    /// The team's manager accepted: the goal became a shared team goal.
    Accepted,
    /// The team's manager declined: the goal stays personal.
    Declined,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::Created,
        EventKind::Proposed,
        EventKind::Accepted,
        EventKind::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "created",
            EventKind::Proposed => "proposed",
            EventKind::Accepted => "accepted",
            EventKind::Declined => "declined",
        }
    }

    pub fn parse(input: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == input.trim())
    }
}

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5000;
pub const NOTE_MAX: usize = 2000;
pub const CYCLE_MIN: i64 = 2000;
pub const CYCLE_MAX: i64 = 2100;

/// A value that is not a valid cycle or percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid value")]
pub struct InvalidValue;

/// A cycle: the year of the policy and budget cycle, such as `2026`.
pub fn parse_cycle(input: &str) -> Result<i64, InvalidValue> {
    match input.trim().parse::<i64>() {
        Ok(year) if (CYCLE_MIN..=CYCLE_MAX).contains(&year) => Ok(year),
        _ => Err(InvalidValue),
    }
}

/// A percentage 0–100; empty means "no percentage with this update". Accepts a trailing `%`.
pub fn parse_percent(input: &str) -> Result<Option<i64>, InvalidValue> {
    let text = input.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n @ 0..=100) => Ok(Some(n)),
        _ => Err(InvalidValue),
    }
}

/// Management and administrators set the organisation's goals, and team goals for any unit.
pub fn sets_organisation_goals(roles: &Roles) -> bool {
    roles.has(Role::Management) || roles.has(Role::Administrator)
}

/// Whether someone may set (and change) team goals for `unit`: a manager for their own unit,
/// management and administrators for every unit.
pub fn sets_team_goals(roles: &Roles, own_unit: Option<&str>, unit: &str) -> bool {
    sets_organisation_goals(roles) || (roles.has(Role::Manager) && own_unit == Some(unit))
}

/// Whether someone may accept or decline a personal goal proposed to the owner's team: the
/// owner's own manager, or a manager in the owner's unit. Never the owner.
pub fn decides_proposal(
    decider_id: &str,
    decider_roles: &Roles,
    decider_unit: Option<&str>,
    owner_id: &str,
    owner_unit: Option<&str>,
    owner_manager: Option<&str>,
) -> bool {
    if decider_id == owner_id {
        return false;
    }
    owner_manager == Some(decider_id)
        || (decider_roles.has(Role::Manager)
            && decider_unit.is_some()
            && decider_unit == owner_unit)
}

/// The progress of a goal made of others: the average of the latest percentages given, rounded,
/// over goals still pursued (stopped ones do not count). `None` when nothing has a percentage.
pub fn aggregate_progress<'a>(
    contributions: impl IntoIterator<Item = (Option<i64>, Status)> + 'a,
) -> Option<(i64, usize)> {
    let values: Vec<i64> = contributions
        .into_iter()
        .filter(|(_, status)| *status != Status::Stopped)
        .filter_map(|(percent, _)| percent)
        .collect();
    if values.is_empty() {
        return None;
    }
    let sum: i64 = values.iter().sum();
    let count = values.len() as i64;
    Some(((sum * 2 + count) / (count * 2), values.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn levels_and_statuses_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Level::parse("afdeling"), None);
        assert_eq!(Status::parse(""), None);
    }

    #[test]
    fn links_go_upward_only() {
        assert!(Level::Organisation.may_link_to().is_empty());
        assert_eq!(Level::Team.may_link_to(), [Level::Organisation]);
        assert!(Level::Personal.may_link_to().contains(&Level::Team));
        assert!(!Level::Team.may_link_to().contains(&Level::Personal));
    }

    #[test]
    fn cycles_and_percentages() {
        assert_eq!(parse_cycle(" 2026 "), Ok(2026));
        assert!(parse_cycle("26").is_err() && parse_cycle("2101").is_err());
        assert_eq!(parse_percent(""), Ok(None));
        assert_eq!(parse_percent("45 %"), Ok(Some(45)));
        assert_eq!(parse_percent("0"), Ok(Some(0)));
        for bad in ["101", "-1", "half", "4.5"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn who_sets_goals() {
        let employee = Roles::new(vec![]);
        let manager = Roles::new(vec![Role::Manager]);
        let management = Roles::new(vec![Role::Management]);
        let admin = Roles::new(vec![Role::Administrator]);
        assert!(!sets_organisation_goals(&employee) && !sets_organisation_goals(&manager));
        assert!(sets_organisation_goals(&management) && sets_organisation_goals(&admin));
        assert!(sets_team_goals(&manager, Some("noord"), "noord"));
        assert!(!sets_team_goals(&manager, Some("zuid"), "noord"));
        assert!(!sets_team_goals(&employee, Some("noord"), "noord"));
        assert!(sets_team_goals(&management, None, "noord"));
    }

    #[test]
    fn who_decides_a_proposal() {
        let manager = Roles::new(vec![Role::Manager]);
        let employee = Roles::new(vec![]);
        // The owner's own manager, wherever they sit.
        assert!(decides_proposal(
            "m",
            &employee,
            Some("zuid"),
            "o",
            Some("noord"),
            Some("m")
        ));
        // A manager in the owner's unit.
        assert!(decides_proposal(
            "n",
            &manager,
            Some("noord"),
            "o",
            Some("noord"),
            Some("m")
        ));
        // A teammate who is not a manager, a manager elsewhere, and the owner: no.
        assert!(!decides_proposal(
            "t",
            &employee,
            Some("noord"),
            "o",
            Some("noord"),
            Some("m")
        ));
        assert!(!decides_proposal(
            "z",
            &manager,
            Some("zuid"),
            "o",
            Some("noord"),
            Some("m")
        ));
        assert!(!decides_proposal(
            "o",
            &manager,
            Some("noord"),
            "o",
            Some("noord"),
            None
        ));
        assert!(!decides_proposal("x", &manager, None, "o", None, None));
    }

    #[test]
    fn aggregates_latest_progress() {
        assert_eq!(aggregate_progress([]), None);
        assert_eq!(
            aggregate_progress([
                (Some(40), Status::OnTrack),
                (Some(80), Status::AtRisk),
                (None, Status::Open),
                (Some(0), Status::Stopped),
            ]),
            Some((60, 2))
        );
        assert_eq!(
            aggregate_progress([(Some(33), Status::Open), (Some(34), Status::Open)]),
            Some((34, 2)),
            "rounded half up"
        );
    }

    proptest! {
        /// The aggregate stays within the range of what it aggregates.
        #[test]
        fn aggregate_is_within_bounds(values in proptest::collection::vec(0i64..=100, 1..20)) {
            let (average, count) = aggregate_progress(values.iter().map(|v| (Some(*v), Status::OnTrack)))
                .expect("some values");
            prop_assert_eq!(count, values.len());
            prop_assert!(average >= *values.iter().min().expect("min"));
            prop_assert!(average <= *values.iter().max().expect("max"));
        }
    }
}
