//! What HR sees of 360° feedback: per unit, averages per question over closed rounds, only
//! where enough different people's rounds and enough answers contribute that no one person's
//! result can be read from it. Nothing individual, no round, no name.

use std::collections::{BTreeMap, BTreeSet};

use kleur_domain::feedback::{RaterGroup, Threshold};
use kleur_storage::feedback::{self as store, ClosedAnswer};
use kleur_storage::{Db, org};

use crate::feedback::{QuestionItem, items_of};
use crate::{Actor, Result, ServiceError};

/// One question's aggregate in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAggregate {
    pub item_key: String,
    pub text_nl: String,
    pub text_en: String,
    /// Different employees whose closed rounds contribute.
    pub people: usize,
    /// Ratings by others (everyone but the employee) that contribute.
    pub ratings: usize,
    pub others_mean: f64,
    /// The employees' own ratings, averaged; only with at least the threshold of them.
    pub self_mean: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct UnitAggregate {
    pub unit_id: String,
    pub unit_name: String,
    pub items: Vec<ItemAggregate>,
}

#[derive(Default)]
struct Sums {
    people: BTreeSet<String>,
    others: Vec<f64>,
    own: Vec<f64>,
}

/// Aggregates answers per unit and question. An item is shown only when at least `threshold`
/// different people's rounds and at least `threshold` ratings by others contribute; the self
/// average only with at least `threshold` self ratings. Pure, so the rule is tested directly.
pub fn aggregate(
    answers: &[ClosedAnswer],
    items: &BTreeMap<(String, i64), Vec<QuestionItem>>,
    threshold: Threshold,
) -> BTreeMap<String, Vec<ItemAggregate>> {
    let minimum = threshold.get();
    let mut sums: BTreeMap<(String, String), Sums> = BTreeMap::new();
    let mut texts: BTreeMap<String, (String, String)> = BTreeMap::new();
    for answer in answers {
        let Some(unit) = &answer.unit_id else {
            continue;
        };
        let Some(group) = RaterGroup::parse(&answer.rater_group) else {
            continue;
        };
        let Ok(ratings) = serde_json::from_str::<BTreeMap<String, Option<u8>>>(&answer.ratings)
        else {
            continue;
        };
        let Some(questions) = items.get(&(
            answer.questionnaire_id.clone(),
            answer.questionnaire_version,
        )) else {
            continue;
        };
        for item in questions.iter().filter(|i| i.is_rating()) {
            let Some(Some(value)) = ratings.get(&item.key) else {
                continue;
            };
            texts
                .entry(item.key.clone())
                .or_insert_with(|| (item.text_nl.clone(), item.text_en.clone()));
            let entry = sums.entry((unit.clone(), item.key.clone())).or_default();
            if group == RaterGroup::Own {
                entry.own.push(f64::from(*value));
            } else {
                entry.others.push(f64::from(*value));
                entry.people.insert(answer.subject_id.clone());
            }
        }
    }
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    let mut out: BTreeMap<String, Vec<ItemAggregate>> = BTreeMap::new();
    for ((unit, key), sum) in sums {
        if sum.people.len() < minimum || sum.others.len() < minimum {
            continue;
        }
        let (text_nl, text_en) = texts.get(&key).cloned().unwrap_or_default();
        out.entry(unit).or_default().push(ItemAggregate {
            item_key: key,
            text_nl,
            text_en,
            people: sum.people.len(),
            ratings: sum.others.len(),
            others_mean: mean(&sum.others),
            self_mean: (sum.own.len() >= minimum).then(|| mean(&sum.own)),
        });
    }
    out
}

/// HR's view: every unit with at least one item above the threshold.
pub async fn unit_aggregates(db: &Db, actor: &Actor) -> Result<(Vec<UnitAggregate>, usize)> {
    if !crate::questionnaires::can_manage(actor) {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = db.acquire().await?;
    let answers = store::closed_answers(&mut conn, &actor.organisation_id).await?;
    let mut items = BTreeMap::new();
    let versions: BTreeSet<(String, i64)> = answers
        .iter()
        .map(|a| (a.questionnaire_id.clone(), a.questionnaire_version))
        .collect();
    for (id, version) in versions {
        if let Some(q) =
            store::get_questionnaire(&mut conn, &actor.organisation_id, &id, version).await?
        {
            items.insert((id, version), items_of(&q));
        }
    }
    let threshold = Threshold::DEFAULT;
    let by_unit = aggregate(&answers, &items, threshold);
    let units = org::list_units(&mut conn, &actor.organisation_id).await?;
    Ok((
        units
            .into_iter()
            .filter_map(|unit| {
                let items = by_unit.get(&unit.id)?.clone();
                Some(UnitAggregate {
                    unit_id: unit.id,
                    unit_name: unit.name,
                    items,
                })
            })
            .collect(),
        threshold.get(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(unit: &str, subject: &str, group: &str, rating: u8) -> ClosedAnswer {
        ClosedAnswer {
            unit_id: Some(unit.into()),
            subject_id: subject.into(),
            questionnaire_id: "q".into(),
            questionnaire_version: 1,
            rater_group: group.into(),
            ratings: format!("{{\"luisteren\":{rating},\"plannen\":null}}"),
        }
    }

    fn items() -> BTreeMap<(String, i64), Vec<QuestionItem>> {
        let item = |key: &str| QuestionItem {
            key: key.into(),
            kind: "rating".into(),
            competence: key.into(),
            text_nl: format!("{key} nl"),
            text_en: format!("{key} en"),
        };
        BTreeMap::from([(("q".into(), 1), vec![item("luisteren"), item("plannen")])])
    }

    #[test]
    fn a_unit_shows_only_with_enough_people_and_ratings() {
        // Two people with many raters each: still two people, so nothing.
        let mut answers: Vec<ClosedAnswer> = (0..10)
            .map(|i| answer("u", if i % 2 == 0 { "a" } else { "b" }, "peer", 4))
            .collect();
        assert!(aggregate(&answers, &items(), Threshold::DEFAULT).is_empty());
        // A third person with one rater: three people, eleven ratings, shown.
        answers.push(answer("u", "c", "external", 1));
        let shown = aggregate(&answers, &items(), Threshold::DEFAULT);
        let unit = &shown["u"];
        assert_eq!(unit.len(), 1, "'cannot judge' answers count for nothing");
        assert_eq!(unit[0].people, 3);
        assert_eq!(unit[0].ratings, 11);
        assert!((unit[0].others_mean - 41.0 / 11.0).abs() < 1e-9);
        assert_eq!(unit[0].self_mean, None, "no self ratings at all");
    }

    #[test]
    fn self_ratings_need_the_threshold_too_and_never_count_as_others() {
        let mut answers = vec![
            answer("u", "a", "peer", 3),
            answer("u", "b", "peer", 3),
            answer("u", "c", "peer", 3),
            answer("u", "a", "self", 5),
            answer("u", "b", "self", 5),
        ];
        let shown = aggregate(&answers, &items(), Threshold::DEFAULT);
        assert_eq!(shown["u"][0].ratings, 3);
        assert_eq!(shown["u"][0].self_mean, None);
        answers.push(answer("u", "c", "self", 2));
        let shown = aggregate(&answers, &items(), Threshold::DEFAULT);
        assert_eq!(shown["u"][0].self_mean, Some(4.0));
        // Another unit with one person stays hidden.
        answers.push(answer("v", "d", "peer", 1));
        assert!(!aggregate(&answers, &items(), Threshold::DEFAULT).contains_key("v"));
    }
}
