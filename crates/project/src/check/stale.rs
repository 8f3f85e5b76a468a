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
        && finding.source_line.is_some_and(|l| changes.is_new_line(l))
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
