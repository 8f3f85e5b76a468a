//! Where a translated segment belongs: **misplaced** when its facts (two
//! different ones at least) match another source segment clearly better
//! than its own (or it has none) and that segment is translated at its own
//! place too: a copy. A segment translated only where it stands moved with
//! an older order of the page, or a glossary sorted in the translation's
//! language, more often than it was misplaced (6 of 15 labelled true);
//! a match on one fact was never true (0 of 3).
//! **duplicate** when it says what another translated segment says while
//! their sources differ.

use std::collections::HashSet;

use model::Segment;

use crate::{Check, Finding, Page, Related};

/// Both sides' facts, and their tokens (sorted) for comparing.
pub(crate) struct Facts<'a> {
    pub(crate) source: &'a [align::Facts],
    pub(crate) translation: &'a [align::Facts],
    source_tokens: Vec<Vec<(u8, &'a str)>>,
    translation_tokens: Vec<Vec<(u8, &'a str)>>,
}

impl<'a> Facts<'a> {
    pub(crate) fn read(page: &Page<'a>) -> Facts<'a> {
        Facts {
            source_tokens: page.source_facts.iter().map(align::Facts::sorted).collect(),
            translation_tokens: page
                .translation_facts
                .iter()
                .map(align::Facts::sorted)
                .collect(),
            source: page.source_facts,
            translation: page.translation_facts,
        }
    }
}

/// How much of the translated facts `t` the source facts `s` hold (1 when
/// all of them: a sentence copied from a paragraph carries part of its
/// facts), and shared over the larger side to break ties (1 when equal).
fn similarity(s: &[(u8, &str)], t: &[(u8, &str)]) -> (f32, f32) {
    if t.is_empty() {
        return (0.0, 0.0);
    }
    let n = align::shared(s, t);
    let n = n as f32;
    (n / t.len() as f32, n / s.len().max(t.len()) as f32)
}

/// Facts that can tell segments apart: a link target (not `.` or `/`), a number of two
/// digits or more, two other facts of which at most one a name (names
/// recur all over a page), or three different names.
fn distinctive(tokens: &[(u8, &str)]) -> bool {
    // The tokens are sorted: a token unlike the one before is a new one.
    let distinct = || {
        tokens
            .iter()
            .enumerate()
            .filter(|&(k, t)| k == 0 || tokens[k - 1] != *t)
            .map(|(_, t)| t)
    };
    let names = distinct().filter(|t| t.0 == b'w').count();
    let strong = distinct().any(|&(tag, item)| {
        (tag == b'u' && item.trim_matches(['.', '/', '#']).len() >= 3)
            || (tag == b'n' && item.chars().filter(char::is_ascii_digit).count() >= 2)
    });
    strong || (distinct().count() >= 2 && names <= 1) || names >= 3
}

/// Kinds whose copies are worth reporting: running text. Not table
/// cells: parallel tables repeat their cells (0 of 7 labelled true).
fn prose_kind(kind: model::SegmentKind) -> bool {
    use model::SegmentKind::*;
    matches!(kind, Paragraph | ListItem | Definition | Footnote)
}

/// The words of a text, lower-cased, for comparing two translations.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

fn word_similarity(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / union as f32
}

/// "paragraph at line 123 (under “Session”)".
fn place(segments: &[Segment], k: usize) -> String {
    let s = &segments[k];
    let under = s
        .heading
        .filter(|&h| h != k)
        .map(|h| format!(" (under “{}”)", segments[h].text.replace('\n', " ")))
        .unwrap_or_default();
    format!("{} at line {}{under}", s.kind, s.line)
}

/// Whether some source segment holds half the facts `tokens` or more.
fn matches_source(facts: &Facts<'_>, tokens: &[(u8, &str)]) -> bool {
    facts
        .source_tokens
        .iter()
        .any(|s| similarity(s, tokens).0 >= 0.5)
}

/// How many times the source says what its segments with the facts
/// `tokens` say (the same text, or mostly the same words: a note repeated
/// under two items, parallel rows of two tables, a glossary's "See …"):
/// the translation may say it as often.
fn source_copies(page: &Page<'_>, facts: &Facts<'_>, tokens: &[(u8, &str)]) -> usize {
    let alike: Vec<usize> = (0..page.source.len())
        .filter(|&x| facts.source_tokens[x] == tokens)
        .collect();
    let texts: Vec<HashSet<String>> = alike.iter().map(|&x| words(&page.source[x].text)).collect();
    (0..alike.len())
        .map(|a| {
            (0..alike.len())
                .filter(|&b| {
                    page.source[alike[a]].text == page.source[alike[b]].text
                        || word_similarity(&texts[a], &texts[b]) >= 0.5
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// How many different facts `s` and `t` (sorted) share.
fn distinct_shared(s: &[(u8, &str)], t: &[(u8, &str)]) -> usize {
    let mut shared: Vec<&(u8, &str)> = s.iter().filter(|x| t.contains(x)).collect();
    shared.dedup();
    shared.len()
}

/// A misplaced pair needs facts this much closer to another source segment
/// than to its own partner.
const CLEARLY_BETTER: f32 = 0.5;

/// Whether source segment `best` lies between the sources of the pairs
/// around translated segment `t` (its own pair set aside): where `t`
/// stands. A paragraph that merges two of the source's, or an old
/// translation of a paragraph the source rewrote (left unpaired), is at
/// its place.
fn in_own_gap(partner: &[Option<(usize, f32)>], t: usize, best: usize) -> bool {
    let before = partner[..t].iter().rev().find_map(|p| p.map(|(s, _)| s));
    let after = partner[t + 1..].iter().find_map(|p| p.map(|(s, _)| s));
    before.is_none_or(|s| s < best) && after.is_none_or(|s| best < s)
}

pub(crate) fn misplaced_and_duplicates(page: &Page<'_>, facts: &Facts<'_>, out: &mut Vec<Finding>) {
    let (n, m) = (page.source.len(), page.translation.len());
    let mut partner: Vec<Option<(usize, f32)>> = vec![None; m];
    let mut translated_by: Vec<Option<usize>> = vec![None; n];
    for p in &page.alignment.pairs {
        partner[p.translation].get_or_insert((p.source, p.confidence));
        translated_by[p.source].get_or_insert(p.translation);
    }
    let mut misplaced = vec![false; m];
    for t in 0..m {
        let tokens = &facts.translation_tokens[t];
        // Footnote definitions may stand anywhere in a page.
        if !distinctive(tokens) || page.translation[t].kind == model::SegmentKind::Footnote {
            continue;
        }
        let own = partner[t].map(|(s, _)| s);
        if own.is_some_and(|s| page.source[s].text == page.translation[t].text) {
            continue;
        }
        // The best match among the source segments, and the runner-up.
        let (mut best, mut best_score, mut second) = (0, (0.0f32, 0.0f32), 0.0f32);
        for s in 0..n {
            let score = similarity(&facts.source_tokens[s], tokens);
            if score > best_score {
                second = best_score.0;
                best_score = score;
                best = s;
            } else if score.0 > second {
                second = score.0;
            }
        }
        let own_score = own.map_or(0.0, |s| similarity(&facts.source_tokens[s], tokens).0);
        if own == Some(best)
            || in_own_gap(&partner, t, best)
            || best_score.0 < 0.75
            || second > best_score.0 - 0.25
            || best_score.0 - own_score < CLEARLY_BETTER
            || translated_by[best].is_none()
            || distinct_shared(&facts.source_tokens[best], tokens) < 2
        {
            continue;
        }
        misplaced[t] = true;
        let here = match own {
            Some(s) => format!("its place is the {}", place(page.source, s)),
            None => "nothing of the source is at its place".to_owned(),
        };
        let mut related = vec![Related {
            in_source: true,
            line: page.source[best].line,
            message: format!("the {} it matches", place(page.source, best)),
        }];
        if let Some(other) = translated_by[best] {
            related.push(Related {
                in_source: false,
                line: page.translation[other].line,
                message: "where that segment is translated".to_owned(),
            });
        }
        out.push(Finding {
            check: Check::Misplaced,
            severity: Check::Misplaced.default_severity(),
            line: page.translation[t].line,
            source_line: Some(page.source[best].line),
            segment_id: Some(page.source[best].id.to_string()),
            message: format!(
                "this {} says what the source's {} says (facts {}), but {here}",
                page.translation[t].kind,
                place(page.source, best),
                facts.source_tokens[best]
                    .iter()
                    .filter(|x| tokens.contains(x))
                    .map(|x| x.1)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            related,
            // How clearly the facts point elsewhere than to its own place.
            confidence: (best_score.0 - own_score.max(second)).clamp(0.0, 1.0),
        });
    }

    // Two translated segments with the same facts and mostly the same words
    // whose sources differ: the one less at home is a copy.
    let untranslated =
        |t: usize| partner[t].is_some_and(|(s, _)| page.source[s].text == page.translation[t].text);
    let candidates: Vec<usize> = (0..m)
        .filter(|&t| {
            distinctive(&facts.translation_tokens[t])
                && prose_kind(page.translation[t].kind)
                && !untranslated(t)
        })
        .collect();
    // Candidates grouped by their facts (one number per distinct facts,
    // found by sorting), so that pairs are told apart by a number; words
    // are compared only within a group, and a candidate alone in its group
    // needs none.
    let tokens = |a: usize| &facts.translation_tokens[candidates[a]];
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| tokens(a).cmp(tokens(b)));
    let mut group = vec![0; candidates.len()];
    let mut size = vec![0usize; candidates.len()];
    for (k, &a) in order.iter().enumerate() {
        group[a] = if k > 0 && tokens(order[k - 1]) == tokens(a) {
            group[order[k - 1]]
        } else {
            k
        };
        size[group[a]] += 1;
    }
    let word_sets: Vec<HashSet<String>> = (0..candidates.len())
        .map(|a| {
            if size[group[a]] > 1 {
                words(&page.translation[candidates[a]].text)
            } else {
                HashSet::new()
            }
        })
        .collect();
    let mut reported = HashSet::new();
    for (a, &t1) in candidates.iter().enumerate() {
        for (b, &t2) in candidates.iter().enumerate().skip(a + 1) {
            if group[a] != group[b]
                || page.translation[t1].line == page.translation[t2].line
                || word_sets[a].len().min(word_sets[b].len()) < 5
                || word_similarity(&word_sets[a], &word_sets[b]) < 0.5
            {
                continue;
            }
            let (s1, s2) = (partner[t1].map(|p| p.0), partner[t2].map(|p| p.0));
            // Same source: two halves of one translation. Neither has one:
            // a copy only when the source has nothing like it (text pasted
            // from another page, as an export may do in many places).
            if s1 == s2 && (s1.is_some() || matches_source(facts, &facts.translation_tokens[t1])) {
                continue;
            }
            // The source repeats itself there too (parallel paragraphs,
            // table rows, a See also list naming a module twice).
            if let (Some(x), Some(y)) = (s1, s2)
                && (page.source[x].text == page.source[y].text
                    || (facts.source_tokens[x] == facts.source_tokens[y]
                        && word_similarity(
                            &words(&page.source[x].text),
                            &words(&page.source[y].text),
                        ) >= 0.5))
            {
                continue;
            }
            // The copy: unpaired, or paired with lower confidence.
            let rank = |t: usize| partner[t].map_or(-1.0, |p| p.1);
            let (copy, original) = if rank(t1) < rank(t2) {
                (t1, t2)
            } else {
                (t2, t1)
            };
            // A copy says what another segment says, not what its own
            // source says: one with its own source's facts is a translation.
            let own_facts = partner[copy].is_some_and(|(s, _)| {
                let (covered, shared) =
                    similarity(&facts.source_tokens[s], &facts.translation_tokens[copy]);
                covered >= 0.75 && shared >= 0.75
            });
            // As often as the source says it: a repetition of the source's.
            let in_translation = (0..candidates.len())
                .filter(|&c| {
                    group[c] == group[a] && word_similarity(&word_sets[c], &word_sets[a]) >= 0.5
                })
                .count();
            let in_source = [partner[original], partner[copy]]
                .into_iter()
                .flatten()
                .map(|(s, _)| source_copies(page, facts, &facts.source_tokens[s]))
                .chain([source_copies(page, facts, &facts.translation_tokens[copy])])
                .max()
                .unwrap_or(0);
            let repeated = in_source >= in_translation;
            if own_facts || repeated || misplaced[copy] || !reported.insert(copy) {
                continue;
            }
            let mut related = vec![Related {
                in_source: false,
                line: page.translation[original].line,
                message: "the segment it repeats".to_owned(),
            }];
            if let Some((s, _)) = partner[original] {
                related.push(Related {
                    in_source: true,
                    line: page.source[s].line,
                    message: format!("the source of that segment, the {}", place(page.source, s)),
                });
            }
            let own = partner[copy].map(|(s, _)| s);
            out.push(Finding {
                check: Check::Duplicate,
                severity: Check::Duplicate.default_severity(),
                line: page.translation[copy].line,
                source_line: own.map(|s| page.source[s].line),
                segment_id: own.map(|s| page.source[s].id.to_string()),
                message: format!(
                    "this {} repeats line {} of the translation, whose source is another segment",
                    page.translation[copy].kind, page.translation[original].line
                ),
                related,
                confidence: partner[copy].map_or(0.5, |(_, c)| c),
            });
        }
    }
}
