//! Check-ins: a short, regular, private look at how work is going (energy, workload, stress,
//! autonomy, learning on a labelled 1–5 scale plus a note), at a rhythm the employee chooses.
//!
//! Privacy is the point: a check-in is the employee's own. They may share a summary (averages)
//! with their manager; HR and management only ever see aggregates over at least
//! [`Threshold`] people, with the rule in [`suppress`].

use chrono::{Datelike, Duration, NaiveDate};

use crate::feedback::Threshold;

/// The questions, in the order they are asked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Energy,
    Workload,
    Stress,
    Autonomy,
    Learning,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Energy,
        Dimension::Workload,
        Dimension::Stress,
        Dimension::Autonomy,
        Dimension::Learning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Energy => "energy",
            Dimension::Workload => "workload",
            Dimension::Stress => "stress",
            Dimension::Autonomy => "autonomy",
            Dimension::Learning => "learning",
        }
    }

    pub fn index(self) -> usize {
        match self {
            Dimension::Energy => 0,
            Dimension::Workload => 1,
            Dimension::Stress => 2,
            Dimension::Autonomy => 3,
            Dimension::Learning => 4,
        }
    }
}

/// The five answers of one check-in, each 1–5.
pub type Scores = [u8; 5];

pub const NOTE_MAX: usize = 2000;

/// A 1–5 answer; anything else (also empty: every question is asked) is refused.
pub fn parse_score(input: &str) -> Option<u8> {
    match input.trim().parse::<u8>() {
        Ok(n @ 1..=5) => Some(n),
        _ => None,
    }
}

/// How often the employee wants to check in (and be reminded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    #[default]
    Weekly,
    Fortnightly,
    Monthly,
}

/// Fortnights count from this Monday, so every node agrees on where one starts.
fn fortnight_anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
}

impl Rhythm {
    pub const ALL: [Rhythm; 3] = [Rhythm::Weekly, Rhythm::Fortnightly, Rhythm::Monthly];

    pub fn as_str(self) -> &'static str {
        match self {
            Rhythm::Weekly => "weekly",
            Rhythm::Fortnightly => "fortnightly",
            Rhythm::Monthly => "monthly",
        }
    }

    pub fn parse(input: &str) -> Option<Rhythm> {
        Rhythm::ALL.into_iter().find(|r| r.as_str() == input.trim())
    }

    /// The first day of the period `day` falls in: Monday of the week, Monday of the fortnight,
    /// or the first of the month.
    pub fn period_start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Rhythm::Weekly => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Rhythm::Fortnightly => {
                let days = (day - fortnight_anchor()).num_days();
                fortnight_anchor() + Duration::days(days.div_euclid(14) * 14)
            }
            Rhythm::Monthly => day.with_day(1).unwrap_or(day),
        }
    }

    /// A key naming the period, stored with the last reminder so each period gets one.
    pub fn period_key(self, day: NaiveDate) -> String {
        format!(
            "{}:{}",
            self.as_str(),
            self.period_start(day).format("%Y-%m-%d")
        )
    }
}

/// How many weeks of averages an employee may share with their manager (0: nothing).
pub const SHARE_WEEKS: [i64; 4] = [0, 4, 8, 12];

/// The mean of some answers, one decimal, per dimension.
pub fn averages(checkins: &[Scores]) -> Option<[f64; 5]> {
    if checkins.is_empty() {
        return None;
    }
    let mut sums = [0f64; 5];
    for scores in checkins {
        for (sum, score) in sums.iter_mut().zip(scores) {
            *sum += f64::from(*score);
        }
    }
    let n = checkins.len() as f64;
    Some(sums.map(|s| round1(s / n)))
}

pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// One person's contribution to a group cell: their own average, so someone who checks in
/// weekly weighs no more than someone who checks in monthly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PersonMeans {
    pub means: [f64; 5],
    pub checkins: u32,
}

/// A group cell (a unit in a month, a team): shown only when enough people are in it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Cell {
    Shown {
        people: usize,
        checkins: u32,
        means: [f64; 5],
    },
    /// Fewer people than the threshold (or a cell that would let one be worked out): hidden.
    Suppressed,
    /// Nobody checked in.
    Empty,
}

impl Cell {
    pub fn is_shown(&self) -> bool {
        matches!(self, Cell::Shown { .. })
    }
}

/// The cell over these people: empty, suppressed below the threshold, or their mean of means.
pub fn cell(people: &[PersonMeans], threshold: Threshold) -> Cell {
    if people.is_empty() {
        return Cell::Empty;
    }
    if people.len() < threshold.get() {
        return Cell::Suppressed;
    }
    let mut sums = [0f64; 5];
    for person in people {
        for (sum, mean) in sums.iter_mut().zip(person.means) {
            *sum += mean;
        }
    }
    let n = people.len() as f64;
    Cell::Shown {
        people: people.len(),
        checkins: people.iter().map(|p| p.checkins).sum(),
        means: sums.map(|s| round1(s / n)),
    }
}

/// Cells of one column (units in one month) and the column's total. When the hidden cells
/// together hold fewer people than the threshold, the total is hidden too: otherwise total minus
/// the shown cells would give away a small group.
pub fn suppress(groups: &[Vec<PersonMeans>], threshold: Threshold) -> (Vec<Cell>, Cell) {
    let cells: Vec<Cell> = groups.iter().map(|g| cell(g, threshold)).collect();
    let hidden_people: usize = groups
        .iter()
        .zip(&cells)
        .filter(|(_, c)| matches!(c, Cell::Suppressed))
        .map(|(g, _)| g.len())
        .sum();
    let everyone: Vec<PersonMeans> = groups.iter().flatten().copied().collect();
    let total = if hidden_people > 0 && hidden_people < threshold.get() {
        Cell::Suppressed
    } else {
        cell(&everyone, threshold)
    };
    (cells, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn periods_start_on_monday_fortnight_and_first() {
        // 2026-11-24 is a Tuesday.
        assert_eq!(
            Rhythm::Weekly.period_start(day(2026, 11, 24)),
            day(2026, 11, 23)
        );
        assert_eq!(
            Rhythm::Weekly.period_start(day(2026, 11, 23)),
            day(2026, 11, 23)
        );
        assert_eq!(
            Rhythm::Monthly.period_start(day(2026, 11, 24)),
            day(2026, 11, 1)
        );
        let start = Rhythm::Fortnightly.period_start(day(2026, 11, 24));
        assert_eq!(start.weekday(), chrono::Weekday::Mon);
        assert!((day(2026, 11, 24) - start).num_days() < 14);
        assert_eq!(
            Rhythm::Weekly.period_key(day(2026, 11, 29)),
            "weekly:2026-11-23"
        );
    }

    #[test]
    fn scores_must_be_one_to_five() {
        assert_eq!(parse_score(" 3 "), Some(3));
        for bad in ["", "0", "6", "drie", "-1"] {
            assert_eq!(parse_score(bad), None, "{bad}");
        }
    }

    fn person(value: f64) -> PersonMeans {
        PersonMeans {
            means: [value; 5],
            checkins: 1,
        }
    }

    #[test]
    fn cells_below_the_threshold_are_suppressed() {
        let threshold = Threshold::DEFAULT;
        assert_eq!(cell(&[], threshold), Cell::Empty);
        assert_eq!(
            cell(&[person(1.0), person(2.0)], threshold),
            Cell::Suppressed
        );
        assert_eq!(
            cell(&[person(1.0), person(2.0), person(3.0)], threshold),
            Cell::Shown {
                people: 3,
                checkins: 3,
                means: [2.0; 5]
            }
        );
    }

    #[test]
    fn a_total_that_would_reveal_a_small_group_is_suppressed() {
        let threshold = Threshold::DEFAULT;
        let big = vec![person(3.0), person(3.0), person(3.0)];
        let (cells, total) = suppress(&[big.clone(), vec![person(1.0)]], threshold);
        assert!(cells[0].is_shown());
        assert_eq!(cells[1], Cell::Suppressed);
        assert_eq!(total, Cell::Suppressed);
        // Two small groups that together reach the threshold: the total reveals only their mix.
        let (_, total) = suppress(
            &[big, vec![person(1.0), person(1.0)], vec![person(2.0)]],
            threshold,
        );
        assert!(total.is_shown());
    }

    proptest! {
        #[test]
        fn no_shown_cell_or_total_covers_fewer_people_than_the_threshold(
            sizes in proptest::collection::vec(0usize..6, 1..8),
            minimum in 2u8..5,
        ) {
            let threshold = Threshold::new(minimum).expect("valid");
            let groups: Vec<Vec<PersonMeans>> =
                sizes.iter().map(|n| vec![person(2.0); *n]).collect();
            let (cells, total) = suppress(&groups, threshold);
            for cell in cells.iter().chain(std::iter::once(&total)) {
                if let Cell::Shown { people, .. } = cell {
                    prop_assert!(*people >= threshold.get());
                }
            }
            // What can be derived (total minus the shown cells) also covers enough people.
            if total.is_shown() {
                let hidden: usize = groups.iter().zip(&cells)
                    .filter(|(_, c)| matches!(c, Cell::Suppressed)).map(|(g, _)| g.len()).sum();
                prop_assert!(hidden == 0 || hidden >= threshold.get());
            }
        }
    }
}
