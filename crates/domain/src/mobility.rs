//! Internal mobility: what an opportunity is, the rules for posting one, and how people are
//! matched to it — a score with the reasons behind it, never a black box.
//!
//! **What matching may look at.** Only what the person made visible to the whole organisation:
//! live portfolio items with visibility [`MATCHED_VISIBILITY`] (talents, core qualities and
//! ambitions), plus the availability they set themselves (opted in, hours, start date). The
//! poster and HR are ordinary colleagues of most candidates ([`crate::portfolio::Relation`]), so
//! this is exactly what they could read in the portfolio anyway; and because it is one rule for
//! everyone, the ranking an employee sees is the same one the poster sees. A private, manager- or
//! team-only item never moves a score, a rank or an explanation.

use std::fmt;

use crate::portfolio::Visibility;

/// The only item visibility matching reads (see the module documentation).
pub const MATCHED_VISIBILITY: Visibility = Visibility::Organisation;

/// A week has this many hours; no posting may ask for more.
pub const HOURS_IN_A_WEEK: i64 = 168;
/// More than this is not a sensible posting (nor a sensible availability).
pub const HOURS_SENSIBLE_MAX: i64 = 60;
pub const DURATION_MAX_MONTHS: i64 = 60;
pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5000;
pub const LOCATION_MAX: usize = 200;
pub const MOTIVATION_MAX: usize = 1000;
pub const NOTE_MAX: usize = 1000;
/// Per list (required, nice to have): enough to describe a role, few enough to mean something.
pub const TALENTS_MAX: usize = 10;

/// What kind of move an opportunity offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Project,
    Assignment,
    TemporaryRole,
    Vacancy,
    JobRotation,
    Mentoring,
    Shadowing,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Project,
        Kind::Assignment,
        Kind::TemporaryRole,
        Kind::Vacancy,
        Kind::JobRotation,
        Kind::Mentoring,
        Kind::Shadowing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Assignment => "assignment",
            Kind::TemporaryRole => "temporary_role",
            Kind::Vacancy => "vacancy",
            Kind::JobRotation => "job_rotation",
            Kind::Mentoring => "mentoring",
            Kind::Shadowing => "shadowing",
        }
    }

    pub fn parse(input: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == input.trim())
    }

    /// The ambition ("open to" in the portfolio's ambitions section) this kind serves.
    pub fn ambition(self) -> Ambition {
        match self {
            Kind::Project | Kind::Assignment => Ambition::Projects,
            Kind::TemporaryRole | Kind::Vacancy => Ambition::Roles,
            Kind::JobRotation => Ambition::Units,
            Kind::Mentoring | Kind::Shadowing => Ambition::Mentoring,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a person says they are open to in an ambition item (`open_to` in its details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ambition {
    Roles,
    Units,
    Projects,
    Mentoring,
}

impl Ambition {
    pub const ALL: [Ambition; 4] = [
        Ambition::Roles,
        Ambition::Units,
        Ambition::Projects,
        Ambition::Mentoring,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Ambition::Roles => "roles",
            Ambition::Units => "units",
            Ambition::Projects => "projects",
            Ambition::Mentoring => "mentoring",
        }
    }

    pub fn parse(input: &str) -> Option<Ambition> {
        Ambition::ALL.into_iter().find(|a| a.as_str() == input)
    }

    pub fn bit(self) -> u8 {
        match self {
            Ambition::Roles => 1,
            Ambition::Units => 2,
            Ambition::Projects => 4,
            Ambition::Mentoring => 8,
        }
    }
}

/// Where an opportunity is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Only the poster and HR see it.
    Draft,
    /// Everyone in the organisation sees it; interest is open until the closing date.
    Published,
    /// Ended without (recorded) filling.
    Closed,
    /// Someone got it.
    Filled,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Published,
        Status::Closed,
        Status::Filled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Closed => "closed",
            Status::Filled => "filled",
        }
    }

    pub fn parse(input: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == input.trim())
    }

    pub fn is_ended(self) -> bool {
        matches!(self, Status::Closed | Status::Filled)
    }
}

/// Whether interest can be expressed: published and the closing date (inclusive) not passed.
/// Dates are ISO `YYYY-MM-DD`, so they compare as text.
pub fn accepts_interest(status: Status, closing_date: &str, today: &str) -> bool {
    status == Status::Published && closing_date >= today
}

/// Why an hours value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursProblem {
    Missing,
    NotANumber,
    NotPositive,
    /// More than the 168 hours a week has.
    MoreThanAWeek,
    /// Possible in theory, but not a sensible amount of work.
    NotSensible,
}

/// Hours per week, 1 to [`HOURS_SENSIBLE_MAX`]. Empty is `Ok(None)`; callers that require a
/// value turn that into [`HoursProblem::Missing`].
pub fn parse_hours(input: &str) -> Result<Option<i64>, HoursProblem> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let hours: i64 = match text.parse() {
        Ok(hours) => hours,
        // A number too large for i64 is still a number of hours no week has.
        Err(_) if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) => {
            return Err(HoursProblem::MoreThanAWeek);
        }
        Err(_) => return Err(HoursProblem::NotANumber),
    };
    match hours {
        ..=0 => Err(HoursProblem::NotPositive),
        h if h > HOURS_IN_A_WEEK => Err(HoursProblem::MoreThanAWeek),
        h if h > HOURS_SENSIBLE_MAX => Err(HoursProblem::NotSensible),
        h => Ok(Some(h)),
    }
}

/// A duration that is not 1 to [`DURATION_MAX_MONTHS`] months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidDuration;

/// Duration in months, 1 to [`DURATION_MAX_MONTHS`]; empty means open-ended.
pub fn parse_duration(input: &str) -> Result<Option<i64>, InvalidDuration> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(months @ 1..=DURATION_MAX_MONTHS) => Ok(Some(months)),
        _ => Err(InvalidDuration),
    }
}

// ---- matching ----

/// What an opportunity asks for. Talents are small integers: the caller numbers the catalogue
/// keys it meets (0, 1, 2 …) so matching compares integers, not strings.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    pub required: Vec<u32>,
    pub nice: Vec<u32>,
    pub kind: Option<Kind>,
    pub hours: i64,
    /// ISO date; `None` is "as soon as possible".
    pub start_date: Option<String>,
}

/// What matching may know about one person: only what they made visible for it.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Catalogue entries of their organisation-visible talents and core qualities.
    pub talents: Vec<u32>,
    /// The union of [`Ambition::bit`] of their organisation-visible ambition items.
    pub ambitions: u8,
    pub hours: Option<i64>,
    pub available_from: Option<String>,
}

/// How well one person fits, and why. Bit `i` of `required_matched` is `Wanted::required[i]`,
/// likewise for `nice_matched`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fit {
    /// 0–100.
    pub score: u8,
    pub required_matched: u32,
    pub nice_matched: u32,
    pub ambition: bool,
    pub hours_fit: bool,
    pub date_fit: bool,
}

impl Fit {
    /// Something substantive matched: a talent or an ambition, not only free time.
    pub fn is_relevant(&self) -> bool {
        self.required_matched != 0 || self.nice_matched != 0 || self.ambition
    }
}

const TALENT_POINTS: u32 = 70;
const AMBITION_POINTS: u32 = 20;
const HOURS_POINTS: u32 = 5;
const DATE_POINTS: u32 = 5;
const REQUIRED_WEIGHT: u32 = 3;

/// Scores people against one opportunity. Built once per opportunity; [`Matcher::fit`] is then a
/// table look-up per talent of the person.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// For talent id `t`: 0 when not wanted, `1 + i` for required `i`, `33 + i` for nice `i`.
    slots: Vec<u8>,
    required: u32,
    nice: u32,
    total_weight: u32,
    ambition: u8,
    hours: i64,
    start_date: Option<String>,
}

impl Matcher {
    pub fn new(wanted: &Wanted) -> Matcher {
        let required: Vec<u32> = wanted.required.iter().take(32).copied().collect();
        let nice: Vec<u32> = wanted
            .nice
            .iter()
            .filter(|t| !required.contains(t))
            .take(32)
            .copied()
            .collect();
        let size = required
            .iter()
            .chain(&nice)
            .max()
            .map_or(0, |m| *m as usize + 1);
        let mut slots = vec![0u8; size];
        for (i, t) in required.iter().enumerate() {
            slots[*t as usize] = 1 + i as u8;
        }
        for (i, t) in nice.iter().enumerate() {
            slots[*t as usize] = 33 + i as u8;
        }
        Matcher {
            slots,
            required: required.len() as u32,
            nice: nice.len() as u32,
            total_weight: required.len() as u32 * REQUIRED_WEIGHT + nice.len() as u32,
            ambition: wanted.kind.map_or(0, |k| k.ambition().bit()),
            hours: wanted.hours,
            start_date: wanted.start_date.clone(),
        }
    }

    pub fn fit(&self, profile: &Profile) -> Fit {
        let mut required_matched = 0u32;
        let mut nice_matched = 0u32;
        for talent in &profile.talents {
            match self.slots.get(*talent as usize) {
                Some(&slot @ 1..=32) => required_matched |= 1 << (slot - 1),
                Some(&slot @ 33..) => nice_matched |= 1 << (slot - 33),
                _ => {}
            }
        }
        let weight = required_matched.count_ones() * REQUIRED_WEIGHT + nice_matched.count_ones();
        // Nothing asked for: every talent profile fits half.
        let talent_points = (TALENT_POINTS * weight)
            .checked_div(self.total_weight)
            .unwrap_or(TALENT_POINTS / 2);
        let ambition = profile.ambitions & self.ambition != 0;
        let hours_fit = profile.hours.is_none_or(|h| h >= self.hours);
        let date_fit = match (&profile.available_from, &self.start_date) {
            (Some(from), Some(start)) => from <= start,
            _ => true,
        };
        let score = talent_points
            + if ambition { AMBITION_POINTS } else { 0 }
            + if hours_fit { HOURS_POINTS } else { 0 }
            + if date_fit { DATE_POINTS } else { 0 };
        Fit {
            score: score.min(100) as u8,
            required_matched,
            nice_matched,
            ambition,
            hours_fit,
            date_fit,
        }
    }

    pub fn required_count(&self) -> u32 {
        self.required
    }

    pub fn nice_count(&self) -> u32 {
        self.nice
    }

    /// The best `limit` profiles, best first (ties: earlier index first), with their fit.
    /// `relevant_only` leaves out people with neither a matching talent nor ambition.
    pub fn rank(
        &self,
        profiles: &[Profile],
        limit: usize,
        relevant_only: bool,
    ) -> Vec<(usize, Fit)> {
        let mut scored: Vec<(u8, u32)> = Vec::with_capacity(profiles.len());
        for (index, profile) in profiles.iter().enumerate() {
            let fit = self.fit(profile);
            if !relevant_only || fit.is_relevant() {
                scored.push((fit.score, index as u32));
            }
        }
        let order = |a: &(u8, u32), b: &(u8, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit && limit > 0 {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        } else if limit == 0 {
            scored.clear();
        }
        scored.sort_unstable_by(order);
        scored
            .into_iter()
            .map(|(_, index)| (index as usize, self.fit(&profiles[index as usize])))
            .collect()
    }
}

/// The indices set in a match mask, for turning a [`Fit`] back into talent names.
pub fn bits(mask: u32, count: u32) -> impl Iterator<Item = usize> {
    (0..count as usize).filter(move |i| mask & (1 << i) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted() -> Wanted {
        Wanted {
            required: vec![1, 2],
            nice: vec![3],
            kind: Some(Kind::Project),
            hours: 16,
            start_date: Some("2026-03-01".into()),
        }
    }

    #[test]
    fn hours_are_checked_against_a_week() {
        assert_eq!(parse_hours("16"), Ok(Some(16)));
        assert_eq!(parse_hours(" "), Ok(None));
        assert_eq!(parse_hours("169"), Err(HoursProblem::MoreThanAWeek));
        assert_eq!(
            parse_hours("99999999999999999999999"),
            Err(HoursProblem::MoreThanAWeek)
        );
        assert_eq!(parse_hours("80"), Err(HoursProblem::NotSensible));
        assert_eq!(parse_hours("0"), Err(HoursProblem::NotPositive));
        assert_eq!(parse_hours("-4"), Err(HoursProblem::NotPositive));
        assert_eq!(parse_hours("veel"), Err(HoursProblem::NotANumber));
        assert_eq!(parse_duration("6"), Ok(Some(6)));
        assert!(parse_duration("0").is_err() && parse_duration("61").is_err());
    }

    #[test]
    fn interest_only_while_published_and_open() {
        assert!(accepts_interest(
            Status::Published,
            "2026-05-01",
            "2026-05-01"
        ));
        assert!(!accepts_interest(
            Status::Published,
            "2026-04-30",
            "2026-05-01"
        ));
        for ended in [Status::Draft, Status::Closed, Status::Filled] {
            assert!(!accepts_interest(ended, "2099-01-01", "2026-05-01"));
        }
    }

    #[test]
    fn required_talents_weigh_more_and_are_explained() {
        let matcher = Matcher::new(&wanted());
        let both_required = matcher.fit(&Profile {
            talents: vec![1, 2, 9],
            ..Default::default()
        });
        assert_eq!(both_required.required_matched, 0b11);
        assert_eq!(both_required.nice_matched, 0);
        let nice_only = matcher.fit(&Profile {
            talents: vec![3],
            ..Default::default()
        });
        assert!(both_required.score > nice_only.score);
        assert_eq!(
            bits(both_required.required_matched, 2).collect::<Vec<_>>(),
            vec![0, 1]
        );
        let nobody = matcher.fit(&Profile::default());
        assert!(!nobody.is_relevant());
        assert_eq!(nobody.score, 10, "only time and date fit");
    }

    #[test]
    fn ambition_hours_and_date_count() {
        let matcher = Matcher::new(&wanted());
        let base = Profile {
            talents: vec![3],
            ..Default::default()
        };
        let ambitious = Profile {
            ambitions: Ambition::Projects.bit(),
            ..base.clone()
        };
        let wrong_ambition = Profile {
            ambitions: Ambition::Roles.bit(),
            ..base.clone()
        };
        assert!(matcher.fit(&ambitious).ambition);
        assert!(!matcher.fit(&wrong_ambition).ambition);
        let too_little_time = Profile {
            hours: Some(8),
            ..base.clone()
        };
        assert!(!matcher.fit(&too_little_time).hours_fit);
        let later = Profile {
            available_from: Some("2026-06-01".into()),
            ..base.clone()
        };
        assert!(!matcher.fit(&later).date_fit);
        assert!(matcher.fit(&base).score > matcher.fit(&later).score);
    }

    #[test]
    fn ranking_is_best_first_and_stable() {
        let matcher = Matcher::new(&wanted());
        let profiles = vec![
            Profile::default(),
            Profile {
                talents: vec![3],
                ..Default::default()
            },
            Profile {
                talents: vec![1, 2, 3],
                ..Default::default()
            },
            Profile {
                talents: vec![3],
                ..Default::default()
            },
        ];
        let ranked: Vec<usize> = matcher
            .rank(&profiles, 10, true)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(ranked, vec![2, 1, 3]);
        let top: Vec<usize> = matcher
            .rank(&profiles, 2, false)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(top, vec![2, 1]);
        assert!(matcher.rank(&profiles, 0, false).is_empty());
    }
}
