//! Names: the names of the source (configured, or learned because most
//! translations keep them) that the translation lacks, and configured
//! names it adds; a name written in lower case is still there.

use model::SegmentKind;

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// The names of the pair that differ; headings are translated freely.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (s, t, fs, ft) = (pair.s, pair.t, pair.fs, pair.ft);
    // Names as sets: a translation may say "it" the second time.
    let set = |names: &[String]| {
        let mut v = names.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let (sn, tn) = (set(&fs.names), set(&ft.names));
    // A learned name is evidence where the source has it; one the
    // translation adds is reported only when configured.
    let configured = |n: &&str| {
        pair.page
            .reading
            .names
            .is_some_and(|names| names.is_configured(n))
    };
    let added: Vec<&str> = missing(&tn, &sn).into_iter().filter(configured).collect();
    // A name written in lower case in the prose is still there
    // (`internet`; not `signal` of a URL).
    // (The words are lower-cased only when a name is missing.)
    let mut gone: Vec<&str> = missing(&sn, &tn);
    if !gone.is_empty() {
        let lower: Vec<String> = align::prose(&t.text)
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        gone.retain(|n| {
            let n = n.to_lowercase();
            !lower
                .iter()
                .any(|w| *w == n || w.strip_suffix('s') == Some(n.as_str()))
        });
    }
    // Headings are in title case, and translated freely.
    if s.kind == SegmentKind::Heading {
        return None;
    }
    difference("name", &gone, &added).map(|m| pair.finding(Check::Names, m))
}
