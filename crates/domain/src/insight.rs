//! Organisation insight: counts of people per unit and quality, safe to show.
//!
//! A count below the threshold (the feedback group minimum) would point at a few people, so it
//! is suppressed. Suppressing it alone is not enough when totals are shown: a total minus the
//! shown cells gives the hidden one back. [`suppress`] therefore also hides *complementary*
//! cells (and, where that cannot help, totals) until no suppressed cell can be worked out from
//! what is shown: neither exactly, by linear algebra on the shown totals, nor by bounds (every
//! suppressed cell is at least 1, since zeros are never suppressed, so two suppressed cells
//! summing to 2 would both be 1).

use crate::feedback::Threshold;

/// A table of counts, as shown: `None` is a suppressed cell or a hidden total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeTable {
    pub cells: Vec<Vec<Option<u32>>>,
    pub row_totals: Vec<Option<u32>>,
    pub column_totals: Vec<Option<u32>>,
    pub grand_total: Option<u32>,
}

impl SafeTable {
    pub fn is_suppressed(&self, row: usize, column: usize) -> bool {
        self.cells[row][column].is_none()
    }
}

/// A total over some cells: a row, a column or everything.
struct Line {
    cells: Vec<(usize, usize)>,
    total: u32,
    shown: bool,
}

/// Suppresses small cells, with complementary suppression, so that no suppressed cell is
/// derivable from the shown cells and totals (totals are the sums of the cells).
pub fn suppress(counts: &[Vec<u32>], threshold: Threshold) -> SafeTable {
    let rows = counts.len();
    let columns = counts.first().map_or(0, Vec::len);
    assert!(
        counts.iter().all(|row| row.len() == columns),
        "a table has rows of equal length"
    );
    let small = |value: u32| value > 0 && (value as usize) < threshold.get();
    let primary: Vec<Vec<bool>> = counts
        .iter()
        .map(|row| row.iter().map(|&v| small(v)).collect())
        .collect();
    let mut hidden = primary.clone();
    let mut lines: Vec<Line> = Vec::with_capacity(rows + columns + 1);
    for (r, row) in counts.iter().enumerate() {
        lines.push(Line {
            cells: (0..columns).map(|c| (r, c)).collect(),
            total: row.iter().sum(),
            shown: true,
        });
    }
    for c in 0..columns {
        lines.push(Line {
            cells: (0..rows).map(|r| (r, c)).collect(),
            total: counts.iter().map(|row| row[c]).sum(),
            shown: true,
        });
    }
    lines.push(Line {
        cells: (0..rows)
            .flat_map(|r| (0..columns).map(move |c| (r, c)))
            .collect(),
        total: counts.iter().flatten().sum(),
        shown: true,
    });
    // A total is a group too: a small one is not shown either.
    for line in lines.iter_mut() {
        if small(line.total) {
            line.shown = false;
        }
    }

    loop {
        // Complementary cells: a shown total with exactly one suppressed cell gives it away.
        // For a small cell the smallest other non-zero cell goes too; for a cell that was
        // itself hidden as a partner (or with no partner left) the total goes instead, so the
        // hiding does not cascade through the whole table.
        let mut changed = true;
        while changed {
            changed = false;
            for line in lines.iter_mut().filter(|l| l.shown) {
                let suppressed: Vec<&(usize, usize)> =
                    line.cells.iter().filter(|&&(r, c)| hidden[r][c]).collect();
                let [(only_r, only_c)] = suppressed[..] else {
                    continue;
                };
                let partner = line
                    .cells
                    .iter()
                    .filter(|&&(r, c)| !hidden[r][c] && counts[r][c] > 0)
                    .filter(|_| primary[*only_r][*only_c])
                    .min_by_key(|&&(r, c)| (counts[r][c], r, c));
                match partner {
                    Some(&(r, c)) => hidden[r][c] = true,
                    None => line.shown = false,
                }
                changed = true;
            }
        }
        // Anything still derivable: hide the shown totals through that cell and try again.
        let derivable = derivable_cells(counts, &hidden, &lines);
        if derivable.is_empty() {
            break;
        }
        for (r, c) in derivable {
            for line in lines.iter_mut() {
                if line.cells.contains(&(r, c)) {
                    line.shown = false;
                }
            }
        }
    }

    let shown_total = |line: &Line| line.shown.then_some(line.total);
    SafeTable {
        cells: counts
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, &v)| (!hidden[r][c]).then_some(v))
                    .collect()
            })
            .collect(),
        row_totals: lines[..rows].iter().map(shown_total).collect(),
        column_totals: lines[rows..rows + columns]
            .iter()
            .map(shown_total)
            .collect(),
        grand_total: shown_total(&lines[rows + columns]),
    }
}

/// Makes a table of the sub-units of a unit safe next to the table one level up, where this
/// unit is one row (`parent_cells`, `parent_total` as shown there). Each column total here
/// equals a cell there, so: a column whose cell is hidden there, or whose total this table
/// hid, is hidden here entirely; and when any column is, no row or grand total is shown (they
/// would give the hidden cells back).
pub fn constrain_to_parent(table: &mut SafeTable, parent_cells: &[Option<u32>]) {
    let mut any = false;
    for (c, parent) in parent_cells.iter().enumerate() {
        if parent.is_none() || table.column_totals[c].is_none() {
            any = true;
            table.column_totals[c] = None;
            for row in table.cells.iter_mut() {
                row[c] = None;
            }
        }
    }
    if any {
        table.row_totals.iter_mut().for_each(|t| *t = None);
        table.grand_total = None;
    }
}

/// Hides whole rows (with every total, which would give them back): for a table whose rows
/// must not say more than a coarser table that hid them.
pub fn hide_rows(table: &mut SafeTable, rows: &[usize]) {
    if rows.is_empty() {
        return;
    }
    for &r in rows {
        table.cells[r].iter_mut().for_each(|c| *c = None);
    }
    table.row_totals.iter_mut().for_each(|t| *t = None);
    table.column_totals.iter_mut().for_each(|t| *t = None);
    table.grand_total = None;
}

/// Suppressed cells an observer could work out: by elimination over the shown totals (exact
/// linear algebra) or by narrowing bounds (each suppressed cell is ≥ 1).
fn derivable_cells(
    counts: &[Vec<u32>],
    hidden: &[Vec<bool>],
    lines: &[Line],
) -> Vec<(usize, usize)> {
    let unknowns: Vec<(usize, usize)> = hidden
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, h)| **h)
                .map(move |(c, _)| (r, c))
        })
        .collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let position = |cell: &(usize, usize)| unknowns.iter().position(|u| u == cell);
    // Each shown total is an equation over the unknown cells it contains.
    let equations: Vec<(Vec<usize>, i64)> = lines
        .iter()
        .filter(|l| l.shown)
        .map(|line| {
            let mut members = Vec::new();
            let mut rest = i64::from(line.total);
            for cell in &line.cells {
                match position(cell) {
                    Some(i) => members.push(i),
                    None => rest -= i64::from(counts[cell.0][cell.1]),
                }
            }
            (members, rest)
        })
        .filter(|(members, _)| !members.is_empty())
        .collect();
    let mut found: Vec<usize> = linear_determined(unknowns.len(), &equations);
    let Some(extended) = with_differences(equations, unknowns.len()) else {
        return unknowns;
    };
    for i in bound_determined(unknowns.len(), &extended) {
        if !found.contains(&i) {
            found.push(i);
        }
    }
    found.into_iter().map(|i| unknowns[i]).collect()
}

/// Adds the differences of nested equations (a total minus a total inside it, such as the grand
/// total minus a row, and so on), which give bounds on the cells in between. `None` when there
/// are too many to follow: the caller then treats every cell as derivable, which is safe.
fn with_differences(
    equations: Vec<(Vec<usize>, i64)>,
    unknowns: usize,
) -> Option<Vec<(Vec<usize>, i64)>> {
    let limit = 4 * equations.len() + 200;
    let words = unknowns.div_ceil(64);
    let to_bits = |members: &[usize]| {
        let mut bits = vec![0u64; words];
        for &m in members {
            bits[m / 64] |= 1 << (m % 64);
        }
        bits
    };
    let mut sets: Vec<(Vec<u64>, i64)> = equations
        .iter()
        .map(|(members, total)| (to_bits(members), *total))
        .collect();
    let mut next = 0;
    while next < sets.len() {
        let mut found = Vec::new();
        for inner in 0..sets.len() {
            let (outer_bits, inner_bits) = (&sets[next].0, &sets[inner].0);
            let subset = inner_bits.iter().zip(outer_bits).all(|(i, o)| i & !o == 0);
            if subset && inner_bits != outer_bits {
                let rest: Vec<u64> = outer_bits
                    .iter()
                    .zip(inner_bits)
                    .map(|(o, i)| o & !i)
                    .collect();
                found.push((rest, sets[next].1 - sets[inner].1));
            }
        }
        for equation in found {
            if !sets.iter().any(|(bits, _)| *bits == equation.0) {
                sets.push(equation);
                if sets.len() > limit {
                    return None;
                }
            }
        }
        next += 1;
    }
    Some(
        sets.into_iter()
            .map(|(bits, total)| {
                let members = (0..unknowns)
                    .filter(|&m| bits[m / 64] & (1 << (m % 64)) != 0)
                    .collect();
                (members, total)
            })
            .collect(),
    )
}

/// Unknowns whose value follows from the equations alone: unit vectors in their row space.
fn linear_determined(unknowns: usize, equations: &[(Vec<usize>, i64)]) -> Vec<usize> {
    let mut matrix: Vec<Vec<f64>> = equations
        .iter()
        .map(|(members, _)| {
            let mut row = vec![0.0; unknowns];
            for &m in members {
                row[m] = 1.0;
            }
            row
        })
        .collect();
    // Reduced row echelon form.
    let mut pivots = Vec::new();
    let mut next = 0;
    for column in 0..unknowns {
        let Some(pivot) = (next..matrix.len()).find(|&r| matrix[r][column].abs() > 1e-9) else {
            continue;
        };
        matrix.swap(next, pivot);
        let factor = matrix[next][column];
        for value in matrix[next].iter_mut() {
            *value /= factor;
        }
        let pivot_row = matrix[next].clone();
        for (r, row) in matrix.iter_mut().enumerate() {
            if r != next && row[column].abs() > 1e-9 {
                let scale = row[column];
                for (value, pivot_value) in row.iter_mut().zip(&pivot_row) {
                    *value -= scale * pivot_value;
                }
            }
        }
        pivots.push((next, column));
        next += 1;
    }
    (0..unknowns)
        .filter(|&u| {
            let mut vector: Vec<f64> = vec![0.0; unknowns];
            vector[u] = 1.0;
            for &(row, column) in &pivots {
                let scale = vector[column];
                if scale.abs() > 1e-9 {
                    for (value, pivot_value) in vector.iter_mut().zip(&matrix[row]) {
                        *value -= scale * pivot_value;
                    }
                }
            }
            vector.iter().all(|v| v.abs() < 1e-9)
        })
        .collect()
}

/// Unknowns pinned by interval propagation: each unknown ≥ 1, each equation a sum.
fn bound_determined(unknowns: usize, equations: &[(Vec<usize>, i64)]) -> Vec<usize> {
    let mut low = vec![1i64; unknowns];
    // `None`: no upper bound known yet.
    let mut high: Vec<Option<i64>> = vec![None; unknowns];
    let mut changed = true;
    while changed {
        changed = false;
        for (members, total) in equations {
            let sum_low: i64 = members.iter().map(|&m| low[m]).sum();
            // The others' upper bounds: known only when at most this member is unbounded.
            let unbounded = members.iter().filter(|&&m| high[m].is_none()).count();
            let sum_high: i64 = members.iter().filter_map(|&m| high[m]).sum();
            for &m in members {
                let new_high = total - (sum_low - low[m]);
                let others_high = match (unbounded, high[m]) {
                    (0, Some(own)) => Some(sum_high - own),
                    (1, None) => Some(sum_high),
                    _ => None,
                };
                if high[m].is_none_or(|h| new_high < h) {
                    high[m] = Some(new_high);
                    changed = true;
                }
                if let Some(others) = others_high
                    && total - others > low[m]
                {
                    low[m] = total - others;
                    changed = true;
                }
            }
        }
    }
    (0..unknowns)
        .filter(|&u| high[u].is_some_and(|h| low[u] >= h))
        .collect()
}

/// The calendar quarter of an RFC 3339 / ISO date, as (year, 1–4).
pub fn quarter_of(date: &str) -> Option<(i32, u8)> {
    let year: i32 = date.get(0..4)?.parse().ok()?;
    let month: u8 = date.get(5..7)?.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then(|| (year, (month - 1) / 3 + 1))
}

/// The `count` quarters up to and including `last`, oldest first.
pub fn quarters_until(last: (i32, u8), count: usize) -> Vec<(i32, u8)> {
    let mut quarters = Vec::with_capacity(count);
    let (mut year, mut quarter) = last;
    for _ in 0..count {
        quarters.push((year, quarter));
        if quarter == 1 {
            year -= 1;
            quarter = 4;
        } else {
            quarter -= 1;
        }
    }
    quarters.reverse();
    quarters
}

/// Suppresses each value below the threshold on its own (for tables without totals).
pub fn suppress_small(values: &[u32], threshold: Threshold) -> Vec<Option<u32>> {
    values
        .iter()
        .map(|&v| (v == 0 || v as usize >= threshold.get()).then_some(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An exhaustive observer: for each suppressed cell, which values (1..=cap, each suppressed
    /// cell being at least 1) it can take in an assignment that agrees with every shown total.
    /// A cell is derivable when only one value is possible.
    fn possible_values(table: &SafeTable, cap: u32) -> Vec<Vec<u32>> {
        let rows = table.cells.len();
        let columns = table.cells[0].len();
        let unknowns: Vec<(usize, usize)> = (0..rows)
            .flat_map(|r| (0..columns).map(move |c| (r, c)))
            .filter(|&(r, c)| table.cells[r][c].is_none())
            .collect();
        let mut lines: Vec<(Vec<(usize, usize)>, u32)> = Vec::new();
        for r in 0..rows {
            if let Some(total) = table.row_totals[r] {
                lines.push(((0..columns).map(|c| (r, c)).collect(), total));
            }
        }
        for c in 0..columns {
            if let Some(total) = table.column_totals[c] {
                lines.push(((0..rows).map(|r| (r, c)).collect(), total));
            }
        }
        if let Some(total) = table.grand_total {
            lines.push((
                (0..rows)
                    .flat_map(|r| (0..columns).map(move |c| (r, c)))
                    .collect(),
                total,
            ));
        }
        let consistent = |values: &[Option<u32>]| {
            lines.iter().all(|(cells, total)| {
                let (mut sum, mut open) = (0, 0);
                for &(r, c) in cells {
                    match table.cells[r][c] {
                        Some(v) => sum += v,
                        None => match values[unknowns
                            .iter()
                            .position(|u| *u == (r, c))
                            .expect("test value")]
                        {
                            Some(v) => sum += v,
                            None => open += 1,
                        },
                    }
                }
                sum + open <= *total && sum + open * cap >= *total
            })
        };
        fn feasible(
            values: &mut Vec<Option<u32>>,
            cap: u32,
            consistent: &dyn Fn(&[Option<u32>]) -> bool,
        ) -> bool {
            if !consistent(values) {
                return false;
            }
            let Some(next) = values.iter().position(Option::is_none) else {
                return true;
            };
            for v in 1..=cap {
                values[next] = Some(v);
                if feasible(values, cap, consistent) {
                    values[next] = None;
                    return true;
                }
            }
            values[next] = None;
            false
        }
        (0..unknowns.len())
            .map(|i| {
                let mut possible = Vec::new();
                for v in 1..=cap {
                    let mut values = vec![None; unknowns.len()];
                    values[i] = Some(v);
                    if feasible(&mut values, cap, &consistent) {
                        possible.push(v);
                        if possible.len() == 2 {
                            break;
                        }
                    }
                }
                possible
            })
            .collect()
    }

    fn small_table() -> impl Strategy<Value = Vec<Vec<u32>>> {
        (2usize..=4, 2usize..=4).prop_flat_map(|(rows, columns)| {
            prop::collection::vec(
                prop::collection::vec(
                    prop::sample::select(vec![0u32, 0, 1, 1, 2, 3, 4, 6]),
                    columns,
                ),
                rows,
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn no_suppressed_cell_is_derivable(counts in small_table(), threshold in 2u8..=4) {
            let threshold = Threshold::new(threshold).expect("test value");
            let table = suppress(&counts, threshold);
            // Every small cell is hidden, every shown value is the true one.
            for (r, row) in counts.iter().enumerate() {
                for (c, &value) in row.iter().enumerate() {
                    if value > 0 && (value as usize) < threshold.get() {
                        prop_assert!(table.is_suppressed(r, c));
                    }
                    if let Some(shown) = table.cells[r][c] {
                        prop_assert_eq!(shown, value);
                    }
                }
            }
            // The exhaustive observer finds at least two possible values for every hidden cell.
            let cap = counts.iter().flatten().copied().max().unwrap_or(0) + 2;
            let seen = possible_values(&table, cap);
            for (i, values) in seen.iter().enumerate() {
                prop_assert!(values.len() >= 2, "hidden cell {} has a single possible value {:?} in {:?} -> {:?}", i, values, counts, table);
            }
            // No shown total is a small group either.
            for total in table.row_totals.iter().chain(&table.column_totals).chain(std::iter::once(&table.grand_total)).flatten() {
                prop_assert!(*total == 0 || *total as usize >= threshold.get());
            }
            // Each shown total with a hidden cell has at least two.
            for (r, total) in table.row_totals.iter().enumerate() {
                let hidden = table.cells[r].iter().filter(|c| c.is_none()).count();
                prop_assert!(total.is_none() || hidden != 1);
            }
        }
    }

    #[test]
    fn a_large_table_is_suppressed_consistently() {
        // 40 units × 15 talents with many small cells: every small cell hidden, and no shown
        // total is a line with exactly one hidden cell.
        let counts: Vec<Vec<u32>> = (0..40u32)
            .map(|r| (0..15u32).map(|c| (r * 7 + c * 13) % 9).collect())
            .collect();
        let started = std::time::Instant::now();
        let table = suppress(&counts, Threshold::DEFAULT);
        eprintln!(
            "40 x 15 suppressed in {:?}; totals shown: {} rows, {} columns",
            started.elapsed(),
            table.row_totals.iter().flatten().count(),
            table.column_totals.iter().flatten().count()
        );
        for (r, row) in counts.iter().enumerate() {
            for (c, &value) in row.iter().enumerate() {
                assert!(!(value > 0 && value < 3) || table.is_suppressed(r, c));
            }
            let hidden = table.cells[r].iter().filter(|c| c.is_none()).count();
            assert!(table.row_totals[r].is_none() || hidden != 1);
        }
    }

    #[test]
    fn a_sub_table_never_shows_what_the_table_above_hid() {
        // One level up, this unit's row was [hidden, 9]; here its sub-units are [1, 4] and [0, 5].
        let mut table = suppress(&[vec![1, 4], vec![0, 5]], Threshold::DEFAULT);
        constrain_to_parent(&mut table, &[None, Some(9)]);
        assert!(table.cells.iter().all(|row| row[0].is_none()));
        assert!(table.row_totals.iter().all(Option::is_none));
        assert_eq!(table.grand_total, None);
        // Nothing hidden above: the sub-table stands as suppressed.
        let mut table = suppress(&[vec![4, 4], vec![3, 5]], Threshold::DEFAULT);
        constrain_to_parent(&mut table, &[Some(7), Some(9)]);
        assert_eq!(table.column_totals, vec![Some(7), Some(9)]);
        let mut table = suppress(&[vec![4, 4], vec![3, 5]], Threshold::DEFAULT);
        hide_rows(&mut table, &[1]);
        assert_eq!(table.cells[1], vec![None, None]);
        assert_eq!(table.cells[0], vec![Some(4), Some(4)]);
        assert_eq!(table.grand_total, None);
    }

    #[test]
    fn a_lone_small_cell_takes_a_partner_with_it() {
        let counts = vec![vec![1, 5, 7], vec![4, 6, 8]];
        let table = suppress(&counts, Threshold::DEFAULT);
        assert!(table.is_suppressed(0, 0));
        // Row 0 and column 0 would give it away: at least one more cell in each goes.
        assert!(table.cells[0].iter().filter(|c| c.is_none()).count() >= 2);
        assert!(table.cells.iter().filter(|row| row[0].is_none()).count() >= 2);
    }

    #[test]
    fn large_cells_and_zeros_are_shown() {
        let counts = vec![vec![0, 5], vec![3, 9]];
        let table = suppress(&counts, Threshold::DEFAULT);
        assert_eq!(
            table.cells,
            vec![vec![Some(0), Some(5)], vec![Some(3), Some(9)]]
        );
        assert_eq!(table.row_totals, vec![Some(5), Some(12)]);
        assert_eq!(table.grand_total, Some(17));
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter_of("2026-11-24T06:00:00Z"), Some((2026, 4)));
        assert_eq!(quarter_of("2026-01-01"), Some((2026, 1)));
        assert_eq!(quarter_of("nonsense"), None);
        assert_eq!(
            quarters_until((2026, 1), 3),
            vec![(2025, 3), (2025, 4), (2026, 1)]
        );
        assert_eq!(
            suppress_small(&[0, 1, 3], Threshold::DEFAULT),
            vec![Some(0), None, Some(3)]
        );
    }
}
