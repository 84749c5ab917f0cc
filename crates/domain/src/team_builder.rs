//! The team builder: propose a project team that covers the required talents well.
//!
//! **Objective.** Each required talent `r` has a weight `w_r` (1–5) and a minimum level. A team
//! member *covers* `r` when they shared that talent with a level of at least the minimum. The
//! score of a team is `Σ_r w_r · g(c_r)`, where `c_r` is the number of members covering `r` and
//! `g(c) = 1 + 1/4 + 1/16 + …` (`c` terms): the first person to bring a talent earns its full
//! weight, a second one a quarter (a back-up is worth something), a third a sixteenth. These
//! diminishing returns are what makes the proposal *complementary*: a person who adds a talent
//! nobody else has always beats one who duplicates a talent, at equal weight. The function is
//! monotone and submodular, so greedy selection is a good start.
//!
//! **Algorithm.** [`propose`] solves small instances exactly ([`exact`], enumeration of every
//! feasible team) and large ones with [`heuristic`]: greedy construction (largest marginal gain)
//! followed by best-improvement swap moves until no swap improves the score, restarted from a few
//! different first picks; the best local optimum wins. A test compares the heuristic with the
//! exact optimum on hundreds of random instances.
//!
//! Candidates' talent levels are whatever the caller may see; the builder never looks further.

use std::collections::{HashMap, HashSet};

/// Most required talents per request (coverage is kept as a 64-bit set).
pub const MAX_REQUIREMENTS: usize = 64;
/// Largest team the builder proposes.
pub const MAX_TEAM_SIZE: usize = 12;
/// A talent item without a self-rating counts as this level (the middle of the 1–5 scale).
pub const UNRATED_LEVEL: u8 = 3;
/// Teams to enumerate at most before [`propose`] switches from exact to heuristic.
pub const EXACT_LIMIT: u64 = 20_000;

/// Credit of the i-th member covering a talent, in millionths: 1, 1/4, 1/16, …
const CREDIT: [u64; MAX_TEAM_SIZE] = [
    1_000_000, 250_000, 62_500, 15_625, 3_906, 976, 244, 61, 15, 4, 1, 0,
];
/// How many different first picks the heuristic restarts from.
const RESTARTS: usize = 4;

/// A talent the team needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The catalogue key of the talent or core quality.
    pub key: String,
    /// 1 (nice to have) to 5 (essential).
    pub weight: u8,
    /// 1–5: the self-rating a member needs for the talent to count.
    pub min_level: u8,
}

/// Someone who may be proposed, with the talents the person forming the team may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub unit: Option<String>,
    /// Catalogue key and level (1–5); the highest level counts when a key appears twice.
    pub talents: Vec<(String, u8)>,
}

/// What the proposal must respect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraints {
    /// Candidate ids that must be in the team.
    pub must_include: Vec<String>,
    /// Candidate ids that must not be.
    pub exclude: Vec<String>,
    /// At most this many members from one unit (people without a unit are not limited).
    pub max_per_unit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub requirements: Vec<Requirement>,
    pub size: usize,
    pub constraints: Constraints,
}

/// Why no team can be proposed. Each variant is something the user can change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("no required talents")]
    NoRequirements,
    #[error("too many required talents")]
    TooManyRequirements,
    #[error("a requirement has a weight or level outside 1–5")]
    InvalidRequirement,
    #[error("the same talent is required twice")]
    DuplicateRequirement,
    #[error("team size must be 1–{MAX_TEAM_SIZE}")]
    InvalidSize,
    #[error("'{0}' is not among the candidates")]
    UnknownCandidate(String),
    #[error("'{0}' is both required and excluded")]
    IncludedAndExcluded(String),
    #[error("more people must be included than the team size")]
    TooManyIncluded,
    #[error("the people who must be included exceed the maximum per unit")]
    IncludedExceedUnitMaximum,
    #[error("only {available} candidates fit the constraints")]
    TooFewCandidates { available: usize },
}

/// One member of a proposal and why they are in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    /// Indices into the requirements this member covers and nobody else in the team does.
    pub unique: Vec<usize>,
    /// Indices of requirements this member covers together with someone else.
    pub shared: Vec<usize>,
    /// Asked for by the person forming the team.
    pub included: bool,
    /// The best replacement for this member, with the team score if swapped.
    pub replacement: Option<(String, u64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub members: Vec<Member>,
    pub score: u64,
    /// Per requirement: how many members cover it.
    pub coverage: Vec<usize>,
    /// Whether the score is the proven optimum.
    pub exact: bool,
    /// A second team without the proposal's freely chosen members, when one is possible.
    pub alternative: Option<(Vec<String>, u64)>,
}

impl Proposal {
    /// The share of the total weight that the team covers at least once, 0–100.
    pub fn coverage_percent(&self, requirements: &[Requirement]) -> u32 {
        let total: u32 = requirements.iter().map(|r| u32::from(r.weight)).sum();
        let covered: u32 = requirements
            .iter()
            .zip(&self.coverage)
            .filter(|(_, c)| **c > 0)
            .map(|(r, _)| u32::from(r.weight))
            .sum();
        (covered * 100).checked_div(total).unwrap_or(0)
    }

    /// Indices of requirements nobody in the team covers.
    pub fn gaps(&self) -> Vec<usize> {
        (0..self.coverage.len())
            .filter(|i| self.coverage[*i] == 0)
            .collect()
    }
}

/// The instance in index form: coverage sets as bit masks, units as small numbers.
#[derive(Debug, Clone)]
pub struct Prepared {
    weights: Vec<u64>,
    masks: Vec<u64>,
    units: Vec<Option<usize>>,
    unit_count: usize,
    ids: Vec<String>,
    size: usize,
    included: Vec<usize>,
    allowed: Vec<bool>,
    max_per_unit: Option<usize>,
}

/// Checks the request against the candidates and builds the index form.
pub fn prepare(request: &Request, candidates: &[Candidate]) -> Result<Prepared, BuildError> {
    let requirements = &request.requirements;
    if requirements.is_empty() {
        return Err(BuildError::NoRequirements);
    }
    if requirements.len() > MAX_REQUIREMENTS {
        return Err(BuildError::TooManyRequirements);
    }
    if requirements
        .iter()
        .any(|r| !(1..=5).contains(&r.weight) || !(1..=5).contains(&r.min_level))
    {
        return Err(BuildError::InvalidRequirement);
    }
    let mut seen = HashSet::new();
    if !requirements.iter().all(|r| seen.insert(r.key.as_str())) {
        return Err(BuildError::DuplicateRequirement);
    }
    if request.size == 0 || request.size > MAX_TEAM_SIZE {
        return Err(BuildError::InvalidSize);
    }
    let index: HashMap<&str, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let position = |id: &String| {
        index
            .get(id.as_str())
            .copied()
            .ok_or_else(|| BuildError::UnknownCandidate(id.clone()))
    };
    let constraints = &request.constraints;
    let mut included = Vec::new();
    for id in &constraints.must_include {
        let i = position(id)?;
        if !included.contains(&i) {
            included.push(i);
        }
    }
    let mut allowed = vec![true; candidates.len()];
    for id in &constraints.exclude {
        let i = position(id)?;
        if included.contains(&i) {
            return Err(BuildError::IncludedAndExcluded(id.clone()));
        }
        allowed[i] = false;
    }
    if included.len() > request.size {
        return Err(BuildError::TooManyIncluded);
    }
    let requirement_index: HashMap<&str, usize> = requirements
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    let mut unit_numbers: HashMap<&str, usize> = HashMap::new();
    let mut units = Vec::with_capacity(candidates.len());
    let mut masks = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let mut mask = 0u64;
        for (key, level) in &candidate.talents {
            if let Some(&r) = requirement_index.get(key.as_str())
                && *level >= requirements[r].min_level
            {
                mask |= 1 << r;
            }
        }
        masks.push(mask);
        units.push(candidate.unit.as_deref().map(|unit| {
            let next = unit_numbers.len();
            *unit_numbers.entry(unit).or_insert(next)
        }));
    }
    let prepared = Prepared {
        weights: requirements.iter().map(|r| u64::from(r.weight)).collect(),
        masks,
        units,
        unit_count: unit_numbers.len(),
        ids: candidates.iter().map(|c| c.id.clone()).collect(),
        size: request.size,
        included,
        allowed,
        max_per_unit: constraints.max_per_unit,
    };
    if let Some(max) = prepared.max_per_unit {
        let mut per_unit = vec![0usize; prepared.unit_count];
        for &i in &prepared.included {
            if let Some(u) = prepared.units[i] {
                per_unit[u] += 1;
                if per_unit[u] > max {
                    return Err(BuildError::IncludedExceedUnitMaximum);
                }
            }
        }
    }
    let available = prepared.max_fill();
    if available < prepared.size {
        return Err(BuildError::TooFewCandidates { available });
    }
    Ok(prepared)
}

/// The current team with per-requirement counts, updated move by move.
#[derive(Clone)]
struct State {
    members: Vec<usize>,
    in_team: Vec<bool>,
    counts: Vec<usize>,
    per_unit: Vec<usize>,
    score: u64,
}

impl Prepared {
    /// How many people a team can have at most under the exclusions and unit maximum.
    fn max_fill(&self) -> usize {
        let mut per_unit = vec![0usize; self.unit_count];
        let mut total = 0;
        for i in 0..self.ids.len() {
            if !self.allowed[i] {
                continue;
            }
            match (self.units[i], self.max_per_unit) {
                (Some(u), Some(max)) => {
                    if per_unit[u] < max {
                        per_unit[u] += 1;
                        total += 1;
                    }
                }
                _ => total += 1,
            }
        }
        total
    }

    fn empty(&self) -> State {
        State {
            members: Vec::with_capacity(self.size),
            in_team: vec![false; self.ids.len()],
            counts: vec![0; self.weights.len()],
            per_unit: vec![0; self.unit_count],
            score: 0,
        }
    }

    /// Score gained by adding `candidate` to a team with these counts.
    fn gain(&self, counts: &[usize], candidate: usize) -> u64 {
        let mut mask = self.masks[candidate];
        let mut gain = 0;
        while mask != 0 {
            let r = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            gain += self.weights[r] * CREDIT[counts[r].min(MAX_TEAM_SIZE - 1)];
        }
        gain
    }

    /// Score lost by removing `member` from a team with these counts.
    fn loss(&self, counts: &[usize], member: usize) -> u64 {
        let mut mask = self.masks[member];
        let mut loss = 0;
        while mask != 0 {
            let r = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            loss += self.weights[r] * CREDIT[(counts[r] - 1).min(MAX_TEAM_SIZE - 1)];
        }
        loss
    }

    fn add(&self, state: &mut State, candidate: usize) {
        state.score += self.gain(&state.counts, candidate);
        let mut mask = self.masks[candidate];
        while mask != 0 {
            let r = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            state.counts[r] += 1;
        }
        state.members.push(candidate);
        state.in_team[candidate] = true;
        if let Some(u) = self.units[candidate] {
            state.per_unit[u] += 1;
        }
    }

    fn remove(&self, state: &mut State, member: usize) {
        state.score -= self.loss(&state.counts, member);
        let mut mask = self.masks[member];
        while mask != 0 {
            let r = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            state.counts[r] -= 1;
        }
        state.members.retain(|m| *m != member);
        state.in_team[member] = false;
        if let Some(u) = self.units[member] {
            state.per_unit[u] -= 1;
        }
    }

    /// May `candidate` join, given that `leaving` (if any) leaves at the same time?
    fn fits(&self, state: &State, candidate: usize, leaving: Option<usize>) -> bool {
        if !self.allowed[candidate] || state.in_team[candidate] {
            return false;
        }
        match (self.units[candidate], self.max_per_unit) {
            (Some(u), Some(max)) => {
                let freed = leaving.is_some_and(|l| self.units[l] == Some(u));
                state.per_unit[u] - usize::from(freed) < max
            }
            _ => true,
        }
    }

    fn with_included(&self) -> State {
        let mut state = self.empty();
        for &i in &self.included {
            self.add(&mut state, i);
        }
        state
    }

    /// Adds the candidate with the largest marginal gain until the team is full; ties go to the
    /// broader candidate, then the earlier one, so the result is deterministic.
    fn greedy_fill(&self, state: &mut State) {
        while state.members.len() < self.size {
            let mut best: Option<(u64, u32, usize)> = None;
            for candidate in 0..self.ids.len() {
                if !self.fits(state, candidate, None) {
                    continue;
                }
                let key = (
                    self.gain(&state.counts, candidate),
                    self.masks[candidate].count_ones(),
                    candidate,
                );
                if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
            match best {
                Some((_, _, candidate)) => self.add(state, candidate),
                None => break,
            }
        }
    }

    /// Best-improvement swaps of one freely chosen member for one outsider, until none helps.
    fn local_search(&self, state: &mut State) {
        loop {
            let mut best: Option<(u64, usize, usize)> = None;
            let members = state.members.clone();
            for &member in &members {
                if self.included.contains(&member) {
                    continue;
                }
                let mut counts = state.counts.clone();
                let loss = self.loss(&counts, member);
                let mut mask = self.masks[member];
                while mask != 0 {
                    let r = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    counts[r] -= 1;
                }
                for candidate in 0..self.ids.len() {
                    if self.masks[candidate] == 0 || !self.fits(state, candidate, Some(member)) {
                        continue;
                    }
                    let gain = self.gain(&counts, candidate);
                    if gain > loss && best.is_none_or(|b| gain - loss > b.0) {
                        best = Some((gain - loss, member, candidate));
                    }
                }
            }
            match best {
                Some((_, member, candidate)) => {
                    self.remove(state, member);
                    self.add(state, candidate);
                }
                None => return,
            }
        }
    }

    /// Greedy plus local search, restarted with different first free picks.
    fn search(&self) -> State {
        let mut start = self.with_included();
        self.greedy_fill(&mut start);
        self.local_search(&mut start);
        let mut best = start;
        // Restart from the strongest single candidates other than those already tried.
        let base = self.with_included();
        if base.members.len() < self.size {
            let mut firsts: Vec<(u64, usize)> = (0..self.ids.len())
                .filter(|&c| self.masks[c] != 0 && self.fits(&base, c, None))
                .map(|c| (self.gain(&base.counts, c), c))
                .collect();
            firsts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(_, first) in firsts.iter().take(RESTARTS) {
                let mut state = base.clone();
                self.add(&mut state, first);
                self.greedy_fill(&mut state);
                self.local_search(&mut state);
                if state.score > best.score {
                    best = state;
                }
            }
        }
        best
    }

    /// Number of teams the exact solver would enumerate (saturating).
    pub fn combinations(&self) -> u64 {
        let pool = (0..self.ids.len())
            .filter(|&c| self.allowed[c] && !self.included.contains(&c))
            .count() as u64;
        let pick = (self.size - self.included.len()) as u64;
        let mut result: u64 = 1;
        for i in 0..pick {
            result = result.saturating_mul(pool - i) / (i + 1);
        }
        result
    }

    /// Every feasible team, the best kept.
    fn enumerate(&self) -> State {
        let base = self.with_included();
        let pool: Vec<usize> = (0..self.ids.len())
            .filter(|&c| self.allowed[c] && !base.in_team[c])
            .collect();
        let mut best: Option<State> = None;
        let mut state = base;
        self.enumerate_from(&pool, 0, &mut state, &mut best);
        best.expect("prepare checked that a team fits")
    }

    fn enumerate_from(
        &self,
        pool: &[usize],
        from: usize,
        state: &mut State,
        best: &mut Option<State>,
    ) {
        if state.members.len() == self.size {
            if best.as_ref().is_none_or(|b| state.score > b.score) {
                *best = Some(state.clone());
            }
            return;
        }
        let needed = self.size - state.members.len();
        for position in from..pool.len() {
            if pool.len() - position < needed {
                return;
            }
            let candidate = pool[position];
            if !self.fits(state, candidate, None) {
                continue;
            }
            self.add(state, candidate);
            self.enumerate_from(pool, position + 1, state, best);
            self.remove(state, candidate);
        }
    }

    fn explain(&self, state: &State, exact: bool) -> Proposal {
        let members = state
            .members
            .iter()
            .map(|&member| {
                let (mut unique, mut shared) = (Vec::new(), Vec::new());
                for r in 0..self.weights.len() {
                    if self.masks[member] & (1 << r) != 0 {
                        if state.counts[r] == 1 {
                            unique.push(r);
                        } else {
                            shared.push(r);
                        }
                    }
                }
                Member {
                    id: self.ids[member].clone(),
                    unique,
                    shared,
                    included: self.included.contains(&member),
                    replacement: self.replacement(state, member),
                }
            })
            .collect();
        Proposal {
            members,
            score: state.score,
            coverage: state.counts.clone(),
            exact,
            alternative: self.alternative(state),
        }
    }

    /// The outsider who would best take this member's place.
    fn replacement(&self, state: &State, member: usize) -> Option<(String, u64)> {
        if self.included.contains(&member) {
            return None;
        }
        let mut counts = state.counts.clone();
        let loss = self.loss(&counts, member);
        let mut mask = self.masks[member];
        while mask != 0 {
            let r = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            counts[r] -= 1;
        }
        (0..self.ids.len())
            .filter(|&c| self.masks[c] != 0 && self.fits(state, c, Some(member)))
            .map(|c| (self.gain(&counts, c), c))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(gain, c)| (self.ids[c].clone(), state.score - loss + gain))
    }

    /// The best team without the freely chosen members of `state`.
    fn alternative(&self, state: &State) -> Option<(Vec<String>, u64)> {
        let mut other = self.clone();
        let mut changed = false;
        for &member in &state.members {
            if !self.included.contains(&member) {
                other.allowed[member] = false;
                changed = true;
            }
        }
        if !changed || other.max_fill() < self.size {
            return None;
        }
        let found = other.search();
        Some((
            found.members.iter().map(|&m| self.ids[m].clone()).collect(),
            found.score,
        ))
    }

    /// The score a given team would have (no constraint checks).
    pub fn score_of(&self, members: &[usize]) -> u64 {
        let mut state = self.empty();
        for &m in members {
            self.add(&mut state, m);
        }
        state.score
    }
}

/// The proposal by greedy construction and swap local search (with restarts).
pub fn heuristic(request: &Request, candidates: &[Candidate]) -> Result<Proposal, BuildError> {
    let prepared = prepare(request, candidates)?;
    let state = prepared.search();
    Ok(prepared.explain(&state, false))
}

/// The optimal proposal by enumerating every feasible team. Only for small instances: check
/// [`Prepared::combinations`] first.
pub fn exact(request: &Request, candidates: &[Candidate]) -> Result<Proposal, BuildError> {
    let prepared = prepare(request, candidates)?;
    let state = prepared.enumerate();
    Ok(prepared.explain(&state, true))
}

/// Exact when there are at most [`EXACT_LIMIT`] teams to try, heuristic otherwise.
pub fn propose(request: &Request, candidates: &[Candidate]) -> Result<Proposal, BuildError> {
    let prepared = prepare(request, candidates)?;
    let (state, exact) = if prepared.combinations() <= EXACT_LIMIT {
        (prepared.enumerate(), true)
    } else {
        (prepared.search(), false)
    };
    Ok(prepared.explain(&state, exact))
}

/// Baseline for benchmarks: each candidate's own weighted coverage, in one pass.
pub fn individual_scores(request: &Request, candidates: &[Candidate]) -> Vec<u64> {
    candidates
        .iter()
        .map(|candidate| {
            request
                .requirements
                .iter()
                .filter(|r| {
                    candidate
                        .talents
                        .iter()
                        .any(|(key, level)| *key == r.key && *level >= r.min_level)
                })
                .map(|r| u64::from(r.weight))
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A small seeded generator (SplitMix64), so the random instances are the same every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn between(&mut self, low: u64, high: u64) -> u64 {
            low + self.below(high - low + 1)
        }
    }

    fn random_instance(rng: &mut Rng) -> (Request, Vec<Candidate>) {
        let talent_count = rng.between(3, 9) as usize;
        let candidate_count = rng.between(6, 16) as usize;
        let requirements: Vec<Requirement> = (0..rng.between(2, talent_count as u64))
            .map(|t| Requirement {
                key: format!("t{t}"),
                weight: rng.between(1, 5) as u8,
                min_level: rng.between(1, 4) as u8,
            })
            .collect();
        let candidates: Vec<Candidate> = (0..candidate_count)
            .map(|c| Candidate {
                id: format!("c{c}"),
                unit: Some(format!("u{}", rng.below(3))),
                talents: (0..talent_count)
                    .filter_map(|t| {
                        let level = rng.between(1, 5) as u8;
                        (rng.below(100) < 35).then(|| (format!("t{t}"), level))
                    })
                    .collect(),
            })
            .collect();
        let size = rng.between(2, 5) as usize;
        let mut constraints = Constraints::default();
        if rng.below(3) == 0 {
            constraints
                .must_include
                .push(format!("c{}", rng.below(candidate_count as u64)));
        }
        if rng.below(3) == 0 {
            let excluded = format!("c{}", rng.below(candidate_count as u64));
            if !constraints.must_include.contains(&excluded) {
                constraints.exclude.push(excluded);
            }
        }
        if rng.below(3) == 0 {
            constraints.max_per_unit = Some(rng.between(1, 3) as usize);
        }
        (
            Request {
                requirements,
                size,
                constraints,
            },
            candidates,
        )
    }

    #[test]
    fn heuristic_reaches_the_exact_optimum_on_random_instances() {
        let mut rng = Rng(20_261_124);
        let (mut compared, mut ratio_sum, mut worst) = (0usize, 0.0f64, 1.0f64);
        let mut attempts = 0;
        while compared < 600 {
            attempts += 1;
            assert!(attempts < 5_000, "too many infeasible random instances");
            let (request, candidates) = random_instance(&mut rng);
            let Ok(optimum) = exact(&request, &candidates) else {
                assert!(heuristic(&request, &candidates).is_err());
                continue;
            };
            let found = heuristic(&request, &candidates).expect("feasible for exact");
            assert!(found.score <= optimum.score, "exact must be optimal");
            let ratio = if optimum.score == 0 {
                1.0
            } else {
                found.score as f64 / optimum.score as f64
            };
            ratio_sum += ratio;
            worst = worst.min(ratio);
            compared += 1;
        }
        let average = ratio_sum / compared as f64;
        eprintln!(
            "heuristic vs exact over {compared} instances: average {average:.5}, worst {worst:.5}"
        );
        assert!(average >= 0.99, "average {average}");
        assert!(worst >= 0.95, "worst {worst}");
    }

    fn candidate(id: &str, unit: &str, talents: &[(&str, u8)]) -> Candidate {
        Candidate {
            id: id.into(),
            unit: Some(unit.into()),
            talents: talents.iter().map(|(k, l)| ((*k).into(), *l)).collect(),
        }
    }

    fn requirement(key: &str, weight: u8, min_level: u8) -> Requirement {
        Requirement {
            key: key.into(),
            weight,
            min_level,
        }
    }

    #[test]
    fn prefers_complementary_people_and_explains_why() {
        let candidates = vec![
            candidate("ana", "a", &[("analyseren", 4), ("verbinden", 4)]),
            candidate("bas", "a", &[("analyseren", 5)]),
            candidate("cor", "b", &[("plannen", 3)]),
        ];
        let request = Request {
            requirements: vec![
                requirement("analyseren", 3, 3),
                requirement("verbinden", 3, 3),
                requirement("plannen", 2, 3),
            ],
            size: 2,
            constraints: Constraints::default(),
        };
        let proposal = propose(&request, &candidates).expect("test value");
        let ids: Vec<&str> = proposal.members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["ana", "cor"]);
        assert_eq!(proposal.members[0].unique, [0, 1]);
        assert_eq!(proposal.members[1].unique, [2]);
        assert_eq!(proposal.coverage_percent(&request.requirements), 100);
        assert!(proposal.gaps().is_empty());
        assert_eq!(
            proposal.members[1]
                .replacement
                .as_ref()
                .map(|r| r.0.as_str()),
            Some("bas")
        );
    }

    #[test]
    fn a_level_below_the_minimum_does_not_count() {
        let candidates = vec![candidate("ana", "a", &[("analyseren", 2)])];
        let request = Request {
            requirements: vec![requirement("analyseren", 3, 3)],
            size: 1,
            constraints: Constraints::default(),
        };
        let proposal = propose(&request, &candidates).expect("test value");
        assert_eq!(proposal.score, 0);
        assert_eq!(proposal.gaps(), [0]);
    }

    #[test]
    fn infeasible_constraints_are_named() {
        let candidates = vec![
            candidate("ana", "a", &[("x", 3)]),
            candidate("bas", "a", &[("x", 3)]),
        ];
        let base = Request {
            requirements: vec![requirement("x", 1, 1)],
            size: 2,
            constraints: Constraints::default(),
        };
        let with = |constraints: Constraints, size: usize| Request {
            constraints,
            size,
            ..base.clone()
        };
        assert_eq!(
            propose(
                &with(
                    Constraints {
                        max_per_unit: Some(1),
                        ..Default::default()
                    },
                    2
                ),
                &candidates
            ),
            Err(BuildError::TooFewCandidates { available: 1 })
        );
        assert_eq!(
            propose(
                &with(
                    Constraints {
                        must_include: vec!["ana".into(), "bas".into()],
                        max_per_unit: Some(1),
                        ..Default::default()
                    },
                    2
                ),
                &candidates
            ),
            Err(BuildError::IncludedExceedUnitMaximum)
        );
        assert_eq!(
            propose(
                &with(
                    Constraints {
                        must_include: vec!["ana".into()],
                        exclude: vec!["ana".into()],
                        ..Default::default()
                    },
                    1
                ),
                &candidates
            ),
            Err(BuildError::IncludedAndExcluded("ana".into()))
        );
        assert_eq!(
            propose(
                &with(
                    Constraints {
                        must_include: vec!["zoe".into()],
                        ..Default::default()
                    },
                    1
                ),
                &candidates
            ),
            Err(BuildError::UnknownCandidate("zoe".into()))
        );
        assert_eq!(
            propose(
                &with(
                    Constraints {
                        must_include: vec!["ana".into(), "bas".into()],
                        ..Default::default()
                    },
                    1
                ),
                &candidates
            ),
            Err(BuildError::TooManyIncluded)
        );
        assert_eq!(
            propose(&with(Constraints::default(), 0), &candidates),
            Err(BuildError::InvalidSize)
        );
        assert_eq!(
            propose(&with(Constraints::default(), 3), &candidates),
            Err(BuildError::TooFewCandidates { available: 2 })
        );
    }

    fn instance_strategy() -> impl Strategy<Value = (Request, Vec<Candidate>)> {
        any::<u64>().prop_map(|seed| random_instance(&mut Rng(seed)))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn proposals_respect_every_constraint((request, candidates) in instance_strategy()) {
            for solver in [heuristic, exact, propose] {
                match solver(&request, &candidates) {
                    Ok(proposal) => {
                        let ids: Vec<&str> = proposal.members.iter().map(|m| m.id.as_str()).collect();
                        prop_assert_eq!(ids.len(), request.size);
                        let distinct: HashSet<&str> = ids.iter().copied().collect();
                        prop_assert_eq!(distinct.len(), ids.len());
                        for id in &request.constraints.must_include {
                            prop_assert!(ids.contains(&id.as_str()));
                        }
                        for id in &request.constraints.exclude {
                            prop_assert!(!ids.contains(&id.as_str()));
                        }
                        if let Some(max) = request.constraints.max_per_unit {
                            let mut per_unit: HashMap<&str, usize> = HashMap::new();
                            for id in &ids {
                                let unit = candidates.iter().find(|c| c.id == *id).expect("test value").unit.as_deref().expect("test value");
                                *per_unit.entry(unit).or_default() += 1;
                            }
                            prop_assert!(per_unit.values().all(|n| *n <= max));
                        }
                        if let Some((alternative, _)) = &proposal.alternative {
                            prop_assert_eq!(alternative.len(), request.size);
                            for id in &request.constraints.exclude {
                                prop_assert!(!alternative.contains(id));
                            }
                        }
                    }
                    Err(BuildError::TooFewCandidates { available }) => {
                        // Infeasible only when the unit maximum and exclusions really leave too few.
                        prop_assert!(available < request.size);
                        let excluded = request.constraints.exclude.len();
                        prop_assert!(request.constraints.max_per_unit.is_some() || candidates.len() - excluded < request.size);
                    }
                    Err(BuildError::IncludedExceedUnitMaximum) => {
                        prop_assert!(request.constraints.max_per_unit.is_some());
                    }
                    Err(other) => prop_assert!(false, "unexpected error {other:?}"),
                }
            }
        }
    }
}
