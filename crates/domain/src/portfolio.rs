//! The employee's portfolio (IPP): sections, items, and who may see them.

use std::fmt;

/// Who may see a portfolio item or goal. Each level includes the ones after it: an item for the
/// team is also seen by the manager; an item for the organisation by everyone in it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Only the owner. The default: sharing is a choice.
    #[default]
    Private,
    /// The owner's manager / team coach.
    Manager,
    /// The manager and the colleagues in the owner's unit.
    Team,
    /// Everyone in the organisation.
    Organisation,
}

impl Visibility {
    pub const ALL: [Visibility; 4] = [
        Visibility::Private,
        Visibility::Manager,
        Visibility::Team,
        Visibility::Organisation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Private => "private",
            Visibility::Manager => "manager",
            Visibility::Team => "team",
            Visibility::Organisation => "organisation",
        }
    }

    pub fn parse(input: &str) -> Option<Visibility> {
        Visibility::ALL
            .into_iter()
            .find(|v| v.as_str() == input.trim())
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a viewer stands to the owner of a portfolio. HR advisers and administrators have no
/// special access: they are colleagues like anyone else (HR sees aggregates elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Owner,
    /// The owner's own manager (the `manager` of their person record).
    Manager,
    /// Someone in the same unit as the owner.
    Teammate,
    /// Anyone else in the same organisation.
    Colleague,
}

impl Relation {
    /// The visibilities this viewer may see. The one rule every page, API route and export uses.
    pub fn visible(self) -> &'static [Visibility] {
        match self {
            Relation::Owner => &Visibility::ALL,
            Relation::Manager => &[
                Visibility::Manager,
                Visibility::Team,
                Visibility::Organisation,
            ],
            Relation::Teammate => &[Visibility::Team, Visibility::Organisation],
            Relation::Colleague => &[Visibility::Organisation],
        }
    }

    pub fn can_see(self, visibility: Visibility) -> bool {
        self.visible().contains(&visibility)
    }

    /// Works out the relation from the two person records: ids, units and the owner's manager.
    pub fn between(
        viewer_id: &str,
        viewer_unit: Option<&str>,
        owner_id: &str,
        owner_unit: Option<&str>,
        owner_manager: Option<&str>,
    ) -> Relation {
        if viewer_id == owner_id {
            Relation::Owner
        } else if owner_manager == Some(viewer_id) {
            Relation::Manager
        } else if viewer_unit.is_some() && viewer_unit == owner_unit {
            Relation::Teammate
        } else {
            Relation::Colleague
        }
    }
}

/// The sections of the portfolio, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// *Waar ben ik van*: values and mission in my own words.
    Values,
    /// *Mijn talenten*, with evidence and self-ratings.
    Talents,
    /// *Kernkwaliteiten* in Ofman's core quadrant.
    CoreQualities,
    /// *Passies*.
    Passions,
    /// *Van waaruit wil ik werken*.
    WorkingStyle,
    /// *Ambities en mobiliteit*.
    Ambitions,
    /// *Resultaten en bewijs*.
    Results,
    /// *Reflecties*: a dated learning journal.
    Reflections,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Values,
        Section::Talents,
        Section::CoreQualities,
        Section::Passions,
        Section::WorkingStyle,
        Section::Ambitions,
        Section::Results,
        Section::Reflections,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Values => "values",
            Section::Talents => "talents",
            Section::CoreQualities => "core_qualities",
            Section::Passions => "passions",
            Section::WorkingStyle => "working_style",
            Section::Ambitions => "ambitions",
            Section::Results => "results",
            Section::Reflections => "reflections",
        }
    }

    pub fn parse(input: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.as_str() == input.trim())
    }
}

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 5000;
pub const DETAIL_MAX: usize = 1000;
pub const MAX_ITEMS_PER_SECTION: i64 = 100;

/// A value that is not a valid rating or date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid value")]
pub struct InvalidValue;

/// A 1–5 self-rating ("how strongly", "how gladly").
pub fn parse_rating(input: &str) -> Result<Option<u8>, InvalidValue> {
    match input.trim() {
        "" => Ok(None),
        text => match text.parse::<u8>() {
            Ok(n @ 1..=5) => Ok(Some(n)),
            _ => Err(InvalidValue),
        },
    }
}

/// A calendar date as `YYYY-MM-DD`, checked for being a real date.
pub fn parse_date(input: &str) -> Result<Option<String>, InvalidValue> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(InvalidValue);
    };
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return Err(InvalidValue);
    };
    if year.to_string().len() != 4 || !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
        return Err(InvalidValue);
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(InvalidValue);
    }
    Ok(Some(format!("{year:04}-{month:02}-{day:02}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn relation() -> impl Strategy<Value = Relation> {
        prop_oneof![
            Just(Relation::Owner),
            Just(Relation::Manager),
            Just(Relation::Teammate),
            Just(Relation::Colleague)
        ]
    }

    fn visibility() -> impl Strategy<Value = Visibility> {
        prop_oneof![
            Just(Visibility::Private),
            Just(Visibility::Manager),
            Just(Visibility::Team),
            Just(Visibility::Organisation)
        ]
    }

    proptest! {
        /// Private items are the owner's alone, whoever asks.
        #[test]
        fn private_is_only_for_the_owner(r in relation()) {
            prop_assert_eq!(r.can_see(Visibility::Private), r == Relation::Owner);
        }

        /// Widening an item's visibility never hides it from someone who saw it.
        #[test]
        fn wider_visibility_keeps_viewers(r in relation(), a in visibility(), b in visibility()) {
            if a <= b && r.can_see(a) {
                prop_assert!(r.can_see(b));
            }
        }
    }

    #[test]
    fn relations_from_records() {
        assert_eq!(
            Relation::between("a", Some("u"), "a", Some("u"), None),
            Relation::Owner
        );
        assert_eq!(
            Relation::between("m", Some("x"), "a", Some("u"), Some("m")),
            Relation::Manager
        );
        assert_eq!(
            Relation::between("b", Some("u"), "a", Some("u"), Some("m")),
            Relation::Teammate
        );
        assert_eq!(
            Relation::between("c", None, "a", None, None),
            Relation::Colleague,
            "no unit is nobody's team"
        );
        assert_eq!(
            Relation::between("c", Some("v"), "a", Some("u"), None),
            Relation::Colleague
        );
    }

    #[test]
    fn ratings_and_dates() {
        assert_eq!(parse_rating("4"), Ok(Some(4)));
        assert_eq!(parse_rating(""), Ok(None));
        assert!(
            parse_rating("6").is_err() && parse_rating("x").is_err() && parse_rating("0").is_err()
        );
        assert_eq!(parse_date("2026-2-9"), Ok(Some("2026-02-09".into())));
        assert_eq!(parse_date("2024-02-29"), Ok(Some("2024-02-29".into())));
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "26-01-01",
            "2026/01/01",
            "2026-04-31",
            "abc",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
