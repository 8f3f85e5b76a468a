//! Which lines of a new version of a page the old version did not have.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The runs of lines of `new` (first and last, 1-based) that are not in
/// `old`, by a line diff that keeps order: inserted lines and those that
/// replace others. Lines compare by their letters and digits, words apart:
/// a change of blanks, punctuation or markup alone (a cosmetic edit, which
/// the stale policy leaves off by default) is no change.
pub fn new_lines(old: &str, new: &str) -> Vec<(usize, usize)> {
    let normal = |text: &str| -> Vec<String> {
        model::text::lines(text)
            .into_iter()
            .map(|l| {
                l.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    let (old, new) = (normal(old), normal(new));
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (start, len) = match op {
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => (new_index, new_len),
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
        };
        if len == 0 {
            continue;
        }
        let (first, last) = (start + 1, start + len);
        match runs.last_mut() {
            Some(run) if run.1 + 1 >= first => run.1 = last,
            _ => runs.push((first, last)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::new_lines;

    #[test]
    fn lines_added_or_rewritten_are_new_and_moved_blanks_are_not() {
        let old = "# Pump\n\nIt moves 40 litres.\n\nKeep it dry.\n";
        let new = "# Pump\n\nIt moves  50 litres.\n\n```sh\npump --start\n```\n\nKeep it dry.\n";
        assert_eq!(new_lines(old, new), [(3, 7)]);
        assert_eq!(
            new_lines(old, "  # Pump\n\nIt moves 40   litres.\n\nKeep it dry.\n"),
            []
        );
        // Punctuation and markup alone: cosmetic.
        assert_eq!(
            new_lines(old, "# Pump\n\nIt moves **40** litres!\n\nKeep it dry.\n"),
            []
        );
        assert_eq!(new_lines(old, old), []);
        assert_eq!(new_lines("", "a\nb\n"), [(1, 2)]);
    }
}
