//! Document mode in a git repository: the source segments changed since
//! a translation's base revision, each reported on the translated line
//! its alignment gives.

use serde::{Deserialize, Serialize};

use checks::Check;
use model::Locale;

use super::{FilePlace, PageFinding};
use crate::config::Level;
use crate::{Config, PageAlignment};

/// Where a change of one source segment is reported in the translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Place {
    /// The segment's line in the source page, and its id.
    pub source_line: usize,
    pub id: String,
    /// The translated line: that of its pair; else the unpaired translated
    /// segment of its kind between the same pairs (a wrong fact may have
    /// cost the pair); else the last paired line before it; else 1.
    pub line: usize,
}

/// The place of each source segment of `a`, in order.
pub(crate) fn places(a: &PageAlignment) -> Vec<Place> {
    let aligned = &a.aligned;
    let pairs = &aligned.alignment.pairs;
    let translation = &aligned.translation;
    aligned
        .source
        .segments
        .iter()
        .enumerate()
        .map(|(k, segment)| {
            let paired = pairs
                .iter()
                .find(|p| p.source == k)
                .map(|p| translation[p.translation].line);
            let in_gap = || {
                let from = pairs
                    .iter()
                    .filter(|p| p.source < k)
                    .map(|p| p.translation + 1)
                    .max()
                    .unwrap_or(0);
                let to = pairs
                    .iter()
                    .filter(|p| p.source > k)
                    .map(|p| p.translation)
                    .min()
                    .unwrap_or(translation.len());
                aligned
                    .alignment
                    .unpaired_translation
                    .iter()
                    .find(|&&t| t >= from && t < to && translation[t].kind == segment.kind)
                    .map(|&t| translation[t].line)
            };
            let before = || {
                pairs
                    .iter()
                    .filter(|p| p.source < k)
                    .map(|p| translation[p.translation].line)
                    .max()
            };
            Place {
                source_line: segment.line,
                id: segment.id.to_string(),
                line: paired.or_else(in_gap).or_else(before).unwrap_or(1),
            }
        })
        .collect()
}

/// Whether `finding` compares the translation with a line of the source
/// that the source at the translation's base did not have: the source
/// changed there after the translation was made (a box, a link, a number
/// added), which the page's stale findings report; nothing was lost by its
/// translator. Findings about the translation alone (spelling, English
/// left, a stub, a repeated sentence) stand.
pub(crate) fn owed_to_the_source(
    changes: &crate::LocaleChanges,
    finding: &checks::Finding,
    source: &[&str],
) -> bool {
    let compares = !matches!(
        finding.check,
        Check::Spelling
            | Check::Untranslated
            | Check::Stub
            | Check::Duplicate
            | Check::Stale
            | Check::StaleUnknown
            | Check::Missing
            | Check::Fluent
    );
    compares
        && changes.base.is_some()
        && finding
            .source_line
            .is_some_and(|l| changes.is_new_line(l) || copied_since(changes, source, l))
}

/// Whether the source's `line` (of its `lines`) has a copy (the same
/// text) on a line the source at the base did not have: of four alike tab
/// sets, one added since, which the translation lacks is the same
/// question.
fn copied_since(changes: &crate::LocaleChanges, lines: &[&str], line: usize) -> bool {
    let text = |k: usize| {
        k.checked_sub(1)
            .and_then(|k| lines.get(k))
            .map(|t| t.trim())
    };
    let Some(this) = text(line).filter(|t| !t.is_empty()) else {
        return false;
    };
    changes
        .new_lines
        .iter()
        .any(|&(first, last)| (first..=last).any(|k| text(k) == Some(this)))
}

/// The source segments of `page` changed since the translation's base
/// revision (cosmetic changes aside), each reported where `places` says,
/// with the level the stale policy gives it.
pub(crate) fn since_base(
    config: &Config,
    locale: &Locale,
    page: &crate::LocaleChanges,
    places: &[Place],
) -> Vec<(PageFinding, Option<Level>)> {
    let stale_level = config.check.level(Check::Stale, locale);
    let mut out = Vec::new();
    let place = FilePlace {
        locale,
        page: &page.page,
        path: &page.translation,
        source_path: &page.source,
    };
    for problem in &page.problems {
        out.push((
            place.finding(Check::Stale, problem.line, problem.message.clone(), None),
            Some(Some(checks::Severity::Warning)),
        ));
    }
    // Never silently current: a page whose base cannot be known says so.
    let Some(base) = &page.base else {
        let why = page.reason.as_deref().unwrap_or("no base revision");
        let line = page.problems.first().map_or(1, |p| p.line);
        out.push((
            place.finding(
                Check::StaleUnknown,
                line,
                format!("whether this translation is up to date cannot be known: {why}"),
                None,
            ),
            None,
        ));
        return out;
    };
    let short = &base.commit[..base.commit.len().min(10)];
    for (k, change) in page.changes.iter().enumerate() {
        if change.kind == crate::SegmentChangeKind::Removed {
            continue;
        }
        let age = page
            .landed
            .get(k)
            .copied()
            .flatten()
            .map(crate::changes::days_since);
        let level = config
            .check
            .stale
            .level(change.class.name(), age, stale_level);
        if level.is_none() {
            continue;
        }
        let age_note = match age {
            Some(days) => format!(", {days} days ago"),
            None => String::new(),
        };
        let segment = places.iter().find(|p| p.source_line == change.source_line);
        let facts = match &change.class {
            crate::ChangeClass::Factual(facts) => format!(" ({})", facts.join(", ")),
            _ => String::new(),
        };
        out.push((
            place.finding(
                Check::Stale,
                segment.map_or(1, |p| p.line),
                format!(
                    "the source segment was {} since this translation was made from {short} ({}): {}{facts}{age_note}",
                    change.kind.name(),
                    base.method.name(),
                    change.class.name()
                ),
                segment.map(|p| (p.source_line, p.id.clone())),
            ),
            Some(level),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use checks::{Check, Finding, Severity};

    use crate::{Base, BaseMethod, LocaleChanges};

    fn changes(new_lines: Vec<(usize, usize)>) -> LocaleChanges {
        LocaleChanges {
            page: "pump".to_owned(),
            source: "content/en/pump.md".into(),
            translation: "content/it/pump.md".into(),
            base: Some(Base {
                commit: "0123456789".to_owned(),
                method: BaseMethod::Pin,
                by_time: None,
            }),
            reason: None,
            commits_behind: 1,
            days_behind: Some(0),
            changes: Vec::new(),
            landed: Vec::new(),
            problems: Vec::new(),
            new_lines,
        }
    }

    fn finding(check: Check, source_line: usize) -> Finding {
        Finding {
            check,
            severity: Severity::Error,
            line: 1,
            source_line: Some(source_line),
            segment_id: None,
            message: String::new(),
            related: Vec::new(),
            confidence: 1.0,
        }
    }

    #[test]
    fn what_lies_on_a_line_new_since_the_base_or_copied_there_is_the_source_s() {
        // Lines 5-7 are new: a second tab set, the same as lines 1-3.
        let source = "{{< tabs >}}\nmake start\n{{< /tabs >}}\n\n{{< tabs >}}\nmake stop\n{{< /tabs >}}\nKeep it dry.\n";
        let new = changes(vec![(5, 7)]);
        let source = model::text::lines(source);
        let owed = |check, line| super::owed_to_the_source(&new, &finding(check, line), &source);
        assert!(owed(Check::Structure, 6));
        // Line 1 has a copy on line 5: which one the translation lacks is
        // the same question; line 2 has none.
        assert!(owed(Check::Structure, 1));
        assert!(!owed(Check::Structure, 2));
        assert!(!owed(Check::Links, 8));
        // What the translation alone gets wrong stands.
        assert!(!owed(Check::Spelling, 6));
        assert!(!owed(Check::Untranslated, 6));
        // Without a base, nothing is owed.
        let mut unknown = changes(vec![(5, 7)]);
        unknown.base = None;
        assert!(!super::owed_to_the_source(
            &unknown,
            &finding(Check::Structure, 6),
            &source
        ));
    }
}
