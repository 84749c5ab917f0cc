//! 360° feedback rules: rater groups, the anonymity threshold, aggregation, the Johari window and
//! self–other agreement. Pure functions; the storage and web layers only ever show what
//! [`aggregate_item`] returns, so the anonymity rule lives in one place and is property-tested.

use serde::Serialize;

/// Who gave a rating, as the report groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RaterGroup {
    /// The employee's own view. Never anonymous, never merged.
    Own,
    /// The manager: usually one person, so shown non-anonymously, and the rater is told so.
    Manager,
    Peer,
    DirectReport,
    External,
    /// Small groups merged when a round closes, so stored rows carry no group below the threshold.
    Others,
}

impl RaterGroup {
    pub const ALL: [RaterGroup; 6] = [
        RaterGroup::Own,
        RaterGroup::Manager,
        RaterGroup::Peer,
        RaterGroup::DirectReport,
        RaterGroup::External,
        RaterGroup::Others,
    ];

    /// The groups an employee can invite raters into.
    pub const INVITABLE: [RaterGroup; 4] = [
        RaterGroup::Manager,
        RaterGroup::Peer,
        RaterGroup::DirectReport,
        RaterGroup::External,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RaterGroup::Own => "self",
            RaterGroup::Manager => "manager",
            RaterGroup::Peer => "peer",
            RaterGroup::DirectReport => "direct_report",
            RaterGroup::External => "external",
            RaterGroup::Others => "others",
        }
    }

    pub fn parse(input: &str) -> Option<RaterGroup> {
        RaterGroup::ALL
            .into_iter()
            .find(|g| g.as_str() == input.trim())
    }

    /// Groups whose answers are protected by the threshold.
    pub fn is_anonymous(self) -> bool {
        matches!(
            self,
            RaterGroup::Peer | RaterGroup::DirectReport | RaterGroup::External | RaterGroup::Others
        )
    }
}

/// The organisation's minimum number of respondents for a group to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold(u8);

impl Threshold {
    pub const DEFAULT: Threshold = Threshold(3);
    /// Never below two: with one respondent the "group" is a person.
    pub const MINIMUM: u8 = 2;

    pub fn new(value: u8) -> Option<Threshold> {
        (Self::MINIMUM..=50)
            .contains(&value)
            .then_some(Threshold(value))
    }

    pub fn get(self) -> usize {
        usize::from(self.0)
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold::DEFAULT
    }
}

/// A rating scale: 1..=points, plus "cannot judge" stored as `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub points: u8,
}

impl Scale {
    pub const FIVE: Scale = Scale { points: 5 };

    pub fn contains(self, value: u8) -> bool {
        (1..=self.points).contains(&value)
    }

    /// A third of the scale's range: the difference that counts as "clearly" different.
    pub fn clear_difference(self) -> f64 {
        f64::from(self.points - 1) / 3.0
    }
}

/// What the report may show for one group on one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShownGroup {
    /// `None` for the merged "others" group.
    pub group: Option<RaterGroup>,
    /// How many gave a rating (not "cannot judge").
    pub respondents: usize,
    pub mean: f64,
    /// Count per scale point, index 0 = point 1.
    pub distribution: Vec<usize>,
}

/// The shown groups of one item, and the mean of everyone but the employee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemAggregate {
    pub groups: Vec<ShownGroup>,
    /// All raters except the employee, if they together reach the threshold.
    pub others: Option<ShownGroup>,
    /// Groups left out because even merged they are too small.
    pub hidden_groups: Vec<RaterGroup>,
}

fn summarise(group: Option<RaterGroup>, ratings: &[u8], scale: Scale) -> ShownGroup {
    let mut distribution = vec![0; usize::from(scale.points)];
    for rating in ratings {
        distribution[usize::from(rating - 1)] += 1;
    }
    let mean = if ratings.is_empty() {
        0.0
    } else {
        ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64
    };
    ShownGroup {
        group,
        respondents: ratings.len(),
        mean,
        distribution,
    }
}

/// Aggregates one item's ratings per group under the anonymity rules:
/// - the employee's own rating and the manager's are shown as they are (both know it);
/// - an anonymous group is shown when it has at least `threshold` ratings;
/// - anonymous groups below the threshold are merged into "others" when together they reach it,
///   otherwise hidden;
/// - "all others" (everyone but the employee) is shown only if it reaches the threshold.
///
/// Ratings outside the scale are ignored (the input layer refuses them before they are stored).
pub fn aggregate_item(
    ratings: &[(RaterGroup, Option<u8>)],
    scale: Scale,
    threshold: Threshold,
) -> ItemAggregate {
    let values = |group: RaterGroup| -> Vec<u8> {
        ratings
            .iter()
            .filter(|(g, r)| *g == group && r.is_some_and(|r| scale.contains(r)))
            .filter_map(|(_, r)| *r)
            .collect()
    };
    let mut groups = Vec::new();
    let mut small: Vec<u8> = Vec::new();
    let mut small_groups = Vec::new();
    for group in RaterGroup::ALL {
        let group_values = values(group);
        if group_values.is_empty() {
            continue;
        }
        if !group.is_anonymous() || group_values.len() >= threshold.get() {
            groups.push(summarise(Some(group), &group_values, scale));
        } else {
            small.extend(&group_values);
            small_groups.push(group);
        }
    }
    let mut hidden_groups = Vec::new();
    if !small.is_empty() {
        if small.len() >= threshold.get() {
            groups.push(summarise(None, &small, scale));
        } else {
            hidden_groups = small_groups;
        }
    }
    let all_others: Vec<u8> = RaterGroup::ALL
        .iter()
        .filter(|g| **g != RaterGroup::Own)
        .flat_map(|g| values(*g))
        .collect();
    let others = (all_others.len() >= threshold.get()).then(|| summarise(None, &all_others, scale));
    ItemAggregate {
        groups,
        others,
        hidden_groups,
    }
}

/// The group each stored response keeps when its round closes: anonymous groups with fewer
/// responses than the threshold become [`RaterGroup::Others`], so the stored rows themselves
/// never say "the one external rater answered this".
pub fn stored_group(
    group: RaterGroup,
    responses_in_group: usize,
    threshold: Threshold,
) -> RaterGroup {
    if group.is_anonymous() && responses_in_group < threshold.get() {
        RaterGroup::Others
    } else {
        group
    }
}

/// Where an item falls in the Johari window, comparing self with all others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Johari {
    /// Others rate it clearly lower than the employee does.
    BlindSpot,
    /// Others rate it clearly higher than the employee does.
    HiddenStrength,
    /// Self and others agree, and it is high: a known strength.
    OpenStrength,
    /// Self and others agree.
    Agreement,
}

/// Classifies one item; `None` when self or others are missing (nothing to compare).
pub fn johari(own: Option<f64>, others: Option<f64>, scale: Scale) -> Option<Johari> {
    let (own, others) = (own?, others?);
    let clear = scale.clear_difference();
    let high = f64::from(scale.points) - clear;
    Some(if own - others >= clear {
        Johari::BlindSpot
    } else if others - own >= clear {
        Johari::HiddenStrength
    } else if own >= high && others >= high {
        Johari::OpenStrength
    } else {
        Johari::Agreement
    })
}

/// Self–other agreement over a whole round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Rates themself clearly higher than others do, on average.
    OverEstimator,
    /// Rates themself clearly lower than others do.
    UnderEstimator,
    InAgreement,
}

/// Averages the self-minus-others difference over the items that have both, and compares it
/// with half the "clear difference" (a systematic tendency, not one item).
pub fn agreement(pairs: &[(f64, f64)], scale: Scale) -> Option<Agreement> {
    if pairs.is_empty() {
        return None;
    }
    let mean_difference =
        pairs.iter().map(|(own, others)| own - others).sum::<f64>() / pairs.len() as f64;
    let margin = scale.clear_difference() / 2.0;
    Some(if mean_difference >= margin {
        Agreement::OverEstimator
    } else if -mean_difference >= margin {
        Agreement::UnderEstimator
    } else {
        Agreement::InAgreement
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn group() -> impl Strategy<Value = RaterGroup> {
        prop_oneof![
            Just(RaterGroup::Own),
            Just(RaterGroup::Manager),
            Just(RaterGroup::Peer),
            Just(RaterGroup::DirectReport),
            Just(RaterGroup::External),
            Just(RaterGroup::Others)
        ]
    }

    fn rating() -> impl Strategy<Value = Option<u8>> {
        prop_oneof![Just(None), (1u8..=5).prop_map(Some)]
    }

    proptest! {
        /// No aggregate that includes an anonymous rater is built from fewer than the threshold.
        #[test]
        fn nothing_shown_below_the_threshold(
            ratings in proptest::collection::vec((group(), rating()), 0..40),
            minimum in 2u8..=6,
        ) {
            let threshold = Threshold::new(minimum).expect("valid");
            let result = aggregate_item(&ratings, Scale::FIVE, threshold);
            for shown in &result.groups {
                match shown.group {
                    // Only the employee's own view and the manager (who is told) may stand alone.
                    Some(RaterGroup::Own | RaterGroup::Manager) => {}
                    _ => prop_assert!(shown.respondents >= threshold.get(), "{shown:?}"),
                }
                prop_assert_eq!(shown.distribution.iter().sum::<usize>(), shown.respondents);
            }
            if let Some(others) = &result.others {
                prop_assert!(others.respondents >= threshold.get());
            }
            // Every rating of an anonymous group is either shown in some aggregate or hidden with its group.
            for group in [RaterGroup::Peer, RaterGroup::DirectReport, RaterGroup::External, RaterGroup::Others] {
                let given = ratings.iter().filter(|(g, r)| *g == group && r.is_some()).count();
                if given > 0 {
                    let shown_alone = result.groups.iter().any(|s| s.group == Some(group));
                    let merged = result.groups.iter().any(|s| s.group.is_none());
                    let hidden = result.hidden_groups.contains(&group);
                    prop_assert!(shown_alone || merged || hidden);
                }
            }
        }

        /// The employee's own answer never changes what the others' aggregates say.
        #[test]
        fn self_rating_does_not_leak_into_others(
            ratings in proptest::collection::vec((group(), rating()), 0..30),
            own in 1u8..=5,
        ) {
            let without: Vec<_> = ratings.iter().copied().filter(|(g, _)| *g != RaterGroup::Own).collect();
            let mut with = without.clone();
            with.push((RaterGroup::Own, Some(own)));
            let a = aggregate_item(&without, Scale::FIVE, Threshold::DEFAULT);
            let b = aggregate_item(&with, Scale::FIVE, Threshold::DEFAULT);
            prop_assert_eq!(a.others, b.others);
        }
    }

    #[test]
    fn small_groups_merge_or_hide() {
        let peers = [(RaterGroup::Peer, Some(4)), (RaterGroup::Peer, Some(5))];
        let externals = [(RaterGroup::External, Some(2))];
        let merged = aggregate_item(
            &[&peers[..], &externals[..]].concat(),
            Scale::FIVE,
            Threshold::DEFAULT,
        );
        assert_eq!(merged.groups.len(), 1);
        assert_eq!(
            merged.groups[0].group, None,
            "two peers and one external merge into 'others'"
        );
        assert_eq!(merged.groups[0].respondents, 3);
        let hidden = aggregate_item(&peers, Scale::FIVE, Threshold::DEFAULT);
        assert!(hidden.groups.is_empty() && hidden.others.is_none());
        assert_eq!(
            hidden.hidden_groups,
            vec![RaterGroup::Peer],
            "a group of two never shows"
        );
        let manager = aggregate_item(
            &[(RaterGroup::Manager, Some(3))],
            Scale::FIVE,
            Threshold::DEFAULT,
        );
        assert_eq!(
            manager.groups[0].group,
            Some(RaterGroup::Manager),
            "the manager is shown, and knows it"
        );
        assert!(manager.others.is_none(), "one manager is not 'others'");
        let cannot_judge = aggregate_item(
            &[
                (RaterGroup::Peer, None),
                (RaterGroup::Peer, None),
                (RaterGroup::Peer, None),
            ],
            Scale::FIVE,
            Threshold::DEFAULT,
        );
        assert!(
            cannot_judge.groups.is_empty(),
            "'cannot judge' is not a rating"
        );
    }

    #[test]
    fn johari_and_agreement() {
        let scale = Scale::FIVE;
        assert_eq!(johari(Some(5.0), Some(3.0), scale), Some(Johari::BlindSpot));
        assert_eq!(
            johari(Some(2.0), Some(4.0), scale),
            Some(Johari::HiddenStrength)
        );
        assert_eq!(
            johari(Some(4.5), Some(4.2), scale),
            Some(Johari::OpenStrength)
        );
        assert_eq!(johari(Some(3.0), Some(3.5), scale), Some(Johari::Agreement));
        assert_eq!(johari(None, Some(3.5), scale), None);
        assert_eq!(
            agreement(&[(5.0, 4.0), (4.0, 3.0)], scale),
            Some(Agreement::OverEstimator)
        );
        assert_eq!(
            agreement(&[(3.0, 4.0), (2.0, 3.5)], scale),
            Some(Agreement::UnderEstimator)
        );
        assert_eq!(
            agreement(&[(3.0, 3.2), (4.0, 3.9)], scale),
            Some(Agreement::InAgreement)
        );
        assert_eq!(agreement(&[], scale), None);
        assert!(Threshold::new(1).is_none() && Threshold::new(2).is_some());
    }
}
