//! The learning-organisation programme: the four phases a unit goes through when it adopts a new
//! way of working, the status of behavioural intentions, and the ambassador cascade (who trained
//! whom) as a tree.

use std::collections::{BTreeMap, HashSet};

/// The four phases, in order: explain why, charge with meaning, experience, anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Verklaren,
    Laden,
    Beleven,
    Verankeren,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Verklaren,
        Phase::Laden,
        Phase::Beleven,
        Phase::Verankeren,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Verklaren => "verklaren",
            Phase::Laden => "laden",
            Phase::Beleven => "beleven",
            Phase::Verankeren => "verankeren",
        }
    }

    pub fn parse(input: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == input.trim())
    }
}

/// The phase a unit is in: the latest phase (in order) that has a date.
pub fn current_phase(reached: &[Phase]) -> Option<Phase> {
    reached.iter().copied().max()
}

/// What became of a behavioural intention when the team looked at it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IntentionStatus {
    Open,
    Kept,
    Adjusted,
    Dropped,
}

impl IntentionStatus {
    pub const ALL: [IntentionStatus; 4] = [
        IntentionStatus::Open,
        IntentionStatus::Kept,
        IntentionStatus::Adjusted,
        IntentionStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IntentionStatus::Open => "open",
            IntentionStatus::Kept => "kept",
            IntentionStatus::Adjusted => "adjusted",
            IntentionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(input: &str) -> Option<IntentionStatus> {
        IntentionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == input.trim())
    }
}

/// One training: a trainer trained a colleague on a date (ISO, so it sorts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub trainer: String,
    pub trainee: String,
    pub held_on: String,
}

/// A person in the cascade with the colleagues they trained.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CascadeNode {
    pub person: String,
    /// When this person was trained by their parent in the tree; `None` for a root.
    pub trained_on: Option<String>,
    pub children: Vec<CascadeNode>,
}

impl CascadeNode {
    /// Everyone in this subtree, this person included.
    pub fn size(&self) -> usize {
        1 + self.children.iter().map(CascadeNode::size).sum::<usize>()
    }
}

/// The cascade as a forest. Each person appears once: under whoever trained them first (a later
/// training by someone else does not move them). Roots are the ambassadors nobody trained, then
/// trainers nobody trained. A loop in the data (A trained B, B trained A) cannot repeat a person.
pub fn cascade(ambassadors: &[String], trainings: &[Training]) -> Vec<CascadeNode> {
    let mut sorted: Vec<&Training> = trainings.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.held_on, &a.trainer, &a.trainee).cmp(&(&b.held_on, &b.trainer, &b.trainee))
    });
    let mut first_trainer: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for t in &sorted {
        if t.trainer != t.trainee {
            first_trainer
                .entry(t.trainee.as_str())
                .or_insert((t.trainer.as_str(), t.held_on.as_str()));
        }
    }
    let mut children: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (trainee, (trainer, held_on)) in &first_trainer {
        children
            .entry(trainer)
            .or_default()
            .push((trainee, held_on));
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    }
    let mut roots: Vec<&str> = Vec::new();
    for person in ambassadors
        .iter()
        .map(String::as_str)
        .chain(sorted.iter().map(|t| t.trainer.as_str()))
    {
        if !first_trainer.contains_key(person) && !roots.contains(&person) {
            roots.push(person);
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    fn build<'a>(
        person: &'a str,
        trained_on: Option<&'a str>,
        children: &BTreeMap<&'a str, Vec<(&'a str, &'a str)>>,
        seen: &mut HashSet<&'a str>,
    ) -> CascadeNode {
        seen.insert(person);
        let kids = children
            .get(person)
            .map(|list| {
                list.iter()
                    .filter(|(child, _)| !seen.contains(child))
                    .copied()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let mut nodes = Vec::new();
        for (child, held_on) in kids {
            if !seen.contains(child) {
                nodes.push(build(child, Some(held_on), children, seen));
            }
        }
        CascadeNode {
            person: person.to_owned(),
            trained_on: trained_on.map(str::to_owned),
            children: nodes,
        }
    }
    let mut forest: Vec<CascadeNode> = Vec::new();
    for root in roots {
        if !seen.contains(root) {
            forest.push(build(root, None, &children, &mut seen));
        }
    }
    // People only reachable through a loop have no root above them: they start their own tree.
    for trainee in first_trainer.keys() {
        if !seen.contains(trainee) {
            forest.push(build(trainee, None, &children, &mut seen));
        }
    }
    forest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(trainer: &str, trainee: &str, held_on: &str) -> Training {
        Training {
            trainer: trainer.into(),
            trainee: trainee.into(),
            held_on: held_on.into(),
        }
    }

    fn shape(node: &CascadeNode) -> String {
        if node.children.is_empty() {
            node.person.clone()
        } else {
            let kids: Vec<String> = node.children.iter().map(shape).collect();
            format!("{}({})", node.person, kids.join(","))
        }
    }

    #[test]
    fn the_cascade_nests_who_trained_whom() {
        let ambassadors = vec!["noor".to_owned(), "ali".to_owned()];
        let trainings = vec![
            t("noor", "daan", "2026-03-01"),
            t("noor", "eva", "2026-03-01"),
            t("daan", "fleur", "2026-04-01"),
            // Eva is trained again later by Ali: she stays under Noor.
            t("ali", "eva", "2026-05-01"),
        ];
        let forest = cascade(&ambassadors, &trainings);
        let shapes: Vec<String> = forest.iter().map(shape).collect();
        assert_eq!(shapes, vec!["noor(daan(fleur),eva)", "ali"]);
        assert_eq!(forest[0].size(), 4);
        assert_eq!(
            forest[0].children[0].trained_on.as_deref(),
            Some("2026-03-01")
        );
    }

    #[test]
    fn loops_and_self_training_do_not_repeat_anyone() {
        let trainings = vec![
            t("a", "b", "2026-01-01"),
            t("b", "a", "2026-02-01"),
            t("c", "c", "2026-01-01"),
        ];
        let forest = cascade(&["a".to_owned()], &trainings);
        let shapes: Vec<String> = forest.iter().map(shape).collect();
        // Everyone appears exactly once, loop or not.
        assert_eq!(shapes, vec!["c", "a(b)"]);
    }

    #[test]
    fn the_current_phase_is_the_latest_reached() {
        assert_eq!(current_phase(&[]), None);
        assert_eq!(
            current_phase(&[Phase::Laden, Phase::Verklaren]),
            Some(Phase::Laden)
        );
    }
}
