//! A container line an export glued to a paragraph: the paragraph ends in
//! the container's type word (`… indipendentemente nel 2016. recommendation`)
//! where the source has a `!!! recommendation` box the translation lacks.
//! Reported at that line whatever follows it (the body indented, not
//! indented any more, a list, or nothing), so it does not depend on the
//! body reading as an indented block (see `markdown::indented_blocks`).

use model::SegmentKind;

use crate::{Check, Finding, Page};

/// The type of each container line of `text` (`!!! note`, `??? tip`,
/// `???+ warning`), with its 1-based line.
fn openers(text: &str) -> Vec<(usize, String)> {
    model::text::lines(text)
        .iter()
        .enumerate()
        .filter_map(|(k, line)| {
            let t = line.trim_start();
            let rest = t
                .strip_prefix("???+")
                .or_else(|| t.strip_prefix("!!!"))
                .or_else(|| t.strip_prefix("???"))?;
            let kind: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            (!kind.is_empty()).then(|| (k + 1, kind.to_lowercase()))
        })
        .collect()
}

/// The last word of a segment's text, lower case.
fn last_word(text: &str) -> String {
    text.trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_')
        .to_lowercase()
}

pub(crate) fn check(page: &Page<'_>, out: &mut Vec<Finding>) {
    if page.markdown.dialect != markdown::Dialect::Mkdocs {
        return;
    }
    let source = openers(page.source_text);
    if source.is_empty() {
        return;
    }
    let translation = openers(page.text);
    let lost = |kind: &str| {
        let count = |list: &[(usize, String)]| list.iter().filter(|(_, k)| k == kind).count();
        count(&source) > count(&translation)
    };
    // Source openers already accounted for by a finding.
    let mut used: Vec<usize> = Vec::new();
    for (k, t) in page.translation.iter().enumerate() {
        if !matches!(t.kind, SegmentKind::Paragraph | SegmentKind::ListItem) || page.recovered[k] {
            continue;
        }
        // The end of a line of the paragraph: the body may have joined the
        // paragraph once it lost its indentation.
        let Some((offset, word, at_sentence_end)) =
            t.text.split('\n').enumerate().find_map(|(i, text)| {
                let word = last_word(text);
                if !source.iter().any(|(_, kind)| *kind == word) {
                    return None;
                }
                let before = text.trim_end();
                let before = before[..before.len()
                    - before
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or("")
                        .len()]
                    .trim_end();
                let ended = before.is_empty()
                    || before.ends_with(['.', '!', '?', ':', ')', '。', '！', '？']);
                Some((i, word, ended))
            })
        else {
            continue;
        };
        // After the end of a sentence (`… nel 2016. recommendation`), or on
        // its own, the word is a glued container line; at the end of a
        // sentence of its own it may be the word itself, unless the
        // translation has fewer such boxes than the source.
        if !at_sentence_end && !lost(&word) {
            continue;
        }
        let line = t.line + offset;
        if out.iter().any(|f| {
            f.check == Check::Structure
                && f.line.abs_diff(line) <= 1
                && f.message.contains("container")
        }) {
            continue;
        }
        // The source's opener of that type after the last pair before here.
        let after = page
            .alignment
            .pairs
            .iter()
            .filter(|p| p.translation < k)
            .map(|p| page.source[p.source].line)
            .max()
            .unwrap_or(0);
        let opener = source
            .iter()
            .filter(|(l, kind)| *kind == word && *l >= after && !used.contains(l))
            .map(|(l, _)| *l)
            .next()
            .or_else(|| {
                source
                    .iter()
                    .find(|(l, kind)| *kind == word && !used.contains(l))
                    .map(|(l, _)| *l)
            });
        if let Some(l) = opener {
            used.push(l);
        }
        out.push(Finding {
            check: Check::Structure,
            severity: Check::Structure.default_severity(),
            line,
            source_line: opener,
            segment_id: None,
            message: format!(
                "this paragraph ends in `{word}`: a container line (`!!! {word}`{}) was glued to it, and the box is lost",
                opener.map(|l| format!(" at source line {l}")).unwrap_or_default()
            ),
            related: Vec::new(),
            confidence: 1.0,
        });
    }
}
