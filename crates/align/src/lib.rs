//! Source ↔ translation alignment (document mode): which translated segment
//! renders which source segment. No I/O.
//!
//! Inputs: the segments of a source document and of a translated one, as
//! [`Unit`]s (kind, container path, text, and whether the segment was
//! recovered from a broken container) and [`Options`] (languages, names,
//! the expected length ratio). Output: an [`Alignment`]: pairs in order,
//! each with a confidence in 0..=1 and a reason, and the segments left
//! unpaired on each side. A dynamic programme over the two sequences scores
//! each pairing by segment kind, container path, shared [`Facts`] and the
//! length ratio against the expected ratio (Gale–Church style), weighs it
//! by the texts' length, and also pairs two neighbours with one segment
//! (merges and splits), so an inserted, deleted, merged or moved paragraph
//! only disturbs its neighbours. It ignores on purpose files, catalogs and
//! how segments were found.

mod facts;
mod names;
mod words;

pub use facts::{Facts, Reading, facts, facts_in, prose};
pub use names::{Names, learn_names};
pub use words::Language;

use model::hash::FastMap;
use model::{Container, SegmentKind};

/// One segment as the aligner sees it.
#[derive(Debug, Clone, Copy)]
pub struct Unit<'a> {
    pub kind: SegmentKind,
    pub containers: &'a [Container],
    pub text: &'a str,
    /// Read from an indented code block that lost its container line: its
    /// container path is unknown, and no evidence either way.
    pub recovered: bool,
}

/// A source segment paired with a translated one.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index in the source units.
    pub source: usize,
    /// Index in the translation units.
    pub translation: usize,
    /// 0..=1: how sure the pairing is.
    pub confidence: f32,
    /// The evidence, for people: kind, container, facts shared, length ratio.
    pub reason: String,
}

/// Pairs in order, and what is left on each side.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub unpaired_source: Vec<usize>,
    pub unpaired_translation: Vec<usize>,
}

/// What the aligner knows besides the segments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The languages of the two sides, for spelled-out numbers.
    pub source_language: Language,
    pub language: Language,
    /// Names to count as facts (configured and learned).
    pub names: Option<&'a Names>,
    /// The usual length of a translation over its source in characters for
    /// this language pair (from all pages of a locale, say). Without it, the
    /// page's own ratio is used, which an edit of the page shifts a little.
    pub ratio: Option<f32>,
}

/// A pairing gains its confidence minus this (times its weight); with two
/// gaps (below) it is worth pairing from a confidence of about 0.55.
const THRESHOLD: f32 = 0.65;

/// The cost of leaving a segment unpaired: small, so that a pairing just
/// under the threshold still loses to two gaps, but a path that keeps in
/// step is preferred over one that skips and catches up.
const GAP: f32 = 0.05;

/// No option: below any total a path can have, which stay within a few
/// times 10,000 per unit.
const NONE: i64 = i64::MIN;

/// A bound on any confidence: its parts add up to 1 at most, and this
/// leaves room for the rounding of their sum.
const MOST: f32 = 1.001;

/// The extra cost of pairing two neighbours on one side with one segment on
/// the other (a merge or a split): it must explain the pair clearly better
/// than either neighbour alone.
const MERGE: f32 = 0.1;

/// What the aligner precomputes per unit (or per two neighbours merged).
struct Prepared<'a> {
    unit: Unit<'a>,
    /// Fact tokens, interned, sorted.
    tokens: Vec<u32>,
    chars: f32,
    /// For the length score: ln(length + 8), the length of a source unit
    /// scaled by the expected ratio (set once the ratio is known).
    ln: f32,
    /// What bounds the confidence, packed for the programme's cells.
    lane: Lane,
}

/// What each cell of the programme reads of a unit, side by side.
#[derive(Debug, Clone, Copy)]
struct Lane {
    /// A hash of the text, so that most unequal texts are told apart
    /// without comparing them.
    text_hash: u64,
    /// The container path, interned: equal paths have equal numbers.
    container: u32,
    /// How many fact tokens.
    tokens: u32,
    kind: SegmentKind,
    family: u8,
    recovered: bool,
}

impl Lane {
    fn new(unit: &Unit<'_>, container: u32, tokens: usize, text_hash: u64) -> Lane {
        Lane {
            text_hash,
            container,
            tokens: tokens as u32,
            kind: unit.kind,
            family: kind_family(unit.kind),
            recovered: unit.recovered,
        }
    }
}

/// Interns fact tokens and container paths so that comparing two units
/// compares integers.
#[derive(Default)]
struct Interner<'a, 'f> {
    /// Facts by kind tag and text, borrowed from the page pair's facts.
    tokens: FastMap<(u8, &'f str), u32>,
    containers: FastMap<&'a [Container], u32>,
}

/// A hash of a whole text, eight bytes at a time (its only use is telling
/// most unequal texts apart, so any mixing that is cheap will do).
fn text_hash(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &b in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

impl<'a, 'f> Interner<'a, 'f> {
    fn prepare(&mut self, units: &[Unit<'a>], facts: &'f [Facts]) -> Vec<Prepared<'a>> {
        units
            .iter()
            .zip(facts)
            .map(|(&unit, facts)| {
                // Numbered in the order first met: only equality matters.
                let mut tokens: Vec<u32> = facts
                    .tagged()
                    .map(|t| {
                        let next = self.tokens.len() as u32;
                        *self.tokens.entry(t).or_insert(next)
                    })
                    .collect();
                tokens.sort_unstable();
                let container = {
                    let next = self.containers.len() as u32;
                    *self.containers.entry(unit.containers).or_insert(next)
                };
                Prepared {
                    unit,
                    lane: Lane::new(&unit, container, tokens.len(), text_hash(unit.text)),
                    tokens,
                    chars: unit.text.chars().count() as f32,
                    ln: 0.0,
                }
            })
            .collect()
    }
}

/// Two neighbours taken as one: their facts and lengths added.
fn merged<'a>(a: &Prepared<'a>, b: &Prepared<'a>) -> Prepared<'a> {
    let mut tokens = [a.tokens.as_slice(), b.tokens.as_slice()].concat();
    tokens.sort_unstable();
    let unit = Unit {
        text: "",
        recovered: a.unit.recovered || b.unit.recovered,
        ..a.unit
    };
    Prepared {
        unit,
        lane: Lane::new(&unit, a.lane.container, tokens.len(), text_hash("")),
        tokens,
        chars: a.chars + b.chars + 1.0,
        ln: 0.0,
    }
}

/// Each unit and the next taken as one where they may merge (`merge[k]`),
/// elsewhere a stand-in that nothing reads.
fn neighbours<'a>(side: &[Prepared<'a>], merge: &[bool]) -> Vec<Prepared<'a>> {
    side.windows(2)
        .zip(merge)
        .map(|(w, &may)| {
            if may {
                merged(&w[0], &w[1])
            } else {
                unmerged(&w[0])
            }
        })
        .collect()
}

/// The stand-in for two neighbours that may not merge.
fn unmerged<'a>(a: &Prepared<'a>) -> Prepared<'a> {
    Prepared {
        unit: a.unit,
        lane: a.lane,
        tokens: Vec::new(),
        chars: a.chars,
        ln: 0.0,
    }
}

/// Whether units `k` and `k + 1` of one side may be one segment on the
/// other side: paragraphs or list items of one container.
fn mergeable_pairs(units: &[Prepared<'_>]) -> Vec<bool> {
    units
        .windows(2)
        .map(|w| {
            let (a, b) = (&w[0].unit, &w[1].unit);
            body(a.kind) && a.kind == b.kind && a.containers == b.containers
        })
        .collect()
}

/// Kinds that merge and split: paragraphs and list items.
fn body(kind: SegmentKind) -> bool {
    matches!(kind, SegmentKind::Paragraph | SegmentKind::ListItem)
}

/// The family of a kind: kinds of one family a translator may turn into one
/// another (running text; labels; titles; metadata).
pub fn kind_family(kind: SegmentKind) -> u8 {
    use SegmentKind::*;
    match kind {
        Paragraph | ListItem | TableCell | Definition | Footnote => 1,
        LinkText | LinkTitle | ImageAlt | AttributeTitle => 2,
        Heading | AdmonitionTitle | TabTitle | Term => 3,
        FrontMatter | Abbreviation => 4,
    }
}

/// How many items two sorted multisets share.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The scorer of one page: the expected length ratio.
struct Scorer {
    ratio: f32,
}

impl Scorer {
    fn new(source: &[Prepared<'_>], translation: &[Prepared<'_>], given: Option<f32>) -> Scorer {
        let ratio = given.unwrap_or_else(|| {
            let s: f32 = source.iter().map(|p| p.chars).sum();
            let t: f32 = translation.iter().map(|p| p.chars).sum();
            if s > 0.0 && t > 0.0 { t / s } else { 1.0 }
        });
        Scorer {
            ratio: if ratio.is_finite() {
                ratio.clamp(0.2, 5.0)
            } else {
                1.0
            },
        }
    }

    /// How well `s` and `t` pair, 0..=1: [`Scorer::score`]'s confidence,
    /// without its parts.
    #[inline]
    fn confidence(&self, s: &Prepared<'_>, t: &Prepared<'_>) -> f32 {
        if identical(s, t) {
            return 1.0;
        }
        let (kind, container) = kind_and_container(&s.lane, &t.lane);
        let total = s.tokens.len().max(t.tokens.len());
        let facts = if total == 0 {
            0.5
        } else {
            shared(&s.tokens, &t.tokens) as f32 / total as f32
        };
        let r = t.ln - s.ln;
        let length = (-r * r * 2.0).exp();
        0.2 * kind + 0.1 * container + 0.45 * facts + 0.25 * length
    }

    /// How well `s` and `t` pair, 0..=1, with its parts.
    fn score(&self, s: &Prepared<'_>, t: &Prepared<'_>) -> Score {
        if identical(s, t) {
            return Score {
                confidence: 1.0,
                kind: 1.0,
                container: 1.0,
                shared: s.tokens.len(),
                total: s.tokens.len(),
                length: 1.0,
                identical: true,
            };
        }
        let (kind, container) = kind_and_container(&s.lane, &t.lane);
        let both = shared(&s.tokens, &t.tokens);
        let total = s.tokens.len().max(t.tokens.len());
        Score {
            confidence: self.confidence(s, t),
            kind,
            container,
            shared: both,
            total,
            length: (t.chars + 1.0) / (self.ratio * s.chars + 1.0),
            identical: false,
        }
    }
}

/// The kind and container parts of a score: a kind a translator may turn
/// the other into (one of its family) counts partly; a container lost in
/// the translation is no evidence either way.
#[inline]
fn kind_and_container(s: &Lane, t: &Lane) -> (f32, f32) {
    let container = if t.recovered || s.recovered {
        0.5
    } else if s.container == t.container {
        1.0
    } else {
        0.0
    };
    let kind = if s.kind == t.kind {
        1.0
    } else if s.family == t.family {
        0.4
    } else {
        0.0
    };
    (kind, container)
}

/// Whether two units have the same text and kind (confidence 1).
#[inline]
fn identical(s: &Prepared<'_>, t: &Prepared<'_>) -> bool {
    s.lane.text_hash == t.lane.text_hash && s.unit.kind == t.unit.kind && s.unit.text == t.unit.text
}

/// A bound on the confidence of two units that are not [`identical`]:
/// kind and container as they are, the facts as if all the fewer tokens
/// were shared and the lengths as if they matched. It is the confidence's
/// sum with parts as large or larger, so never below it (each
/// floating-point step is monotonic).
#[inline]
fn most(s: &Lane, t: &Lane) -> f32 {
    let (kind, container) = kind_and_container(s, t);
    let total = s.tokens.max(t.tokens);
    let facts_most = if total == 0 {
        0.5
    } else {
        s.tokens.min(t.tokens) as f32 / total as f32
    };
    0.2 * kind + 0.1 * container + 0.45 * facts_most + 0.25 * 1.0
}

struct Score {
    confidence: f32,
    kind: f32,
    container: f32,
    shared: usize,
    total: usize,
    /// The length ratio against the expected ratio (1 = as expected).
    length: f32,
    identical: bool,
}

impl Score {
    fn reason(&self, s: &Unit<'_>, t: &Unit<'_>) -> String {
        if self.identical {
            return "identical text".to_owned();
        }
        let mut parts = Vec::new();
        if self.kind == 1.0 {
            parts.push(format!("same kind ({})", s.kind));
        } else {
            parts.push(format!("{} as {}", s.kind, t.kind));
        }
        if t.recovered {
            parts.push("container lost in the translation".to_owned());
        } else if self.container == 0.0 {
            parts.push("other container".to_owned());
        }
        if self.total > 0 {
            parts.push(format!("facts {}/{}", self.shared, self.total));
        }
        parts.push(format!("length ×{:.2}", self.length));
        parts.join(", ")
    }
}

/// How much a unit's pairing (or skipping) counts in the dynamic
/// programme: longer texts carry more evidence, so a long paragraph counts
/// up to six times a link text, and a path that keeps long paragraphs
/// paired wins over one that only matches short, repeated labels.
fn weight(chars: f32) -> f32 {
    (chars / 80.0).clamp(0.5, 3.0)
}

/// A step's gain as an integer (1/10,000ths), so that totals are exact:
/// equal paths tie exactly and a tie is broken the same way whatever came
/// before, so an edit cannot tip a far-away tie through rounding.
fn gain(value: f32, weight: f32) -> i64 {
    (value * weight * 10_000.0) as i64
}

/// The best of a cell's options so far: a later option replaces it only
/// when strictly better, so the first of equal ones stays.
struct Choice {
    value: i64,
    step: Step,
}

impl Choice {
    fn consider(&mut self, value: i64, step: Step) {
        if value > self.value {
            self.value = value;
            self.step = step;
        }
    }
}

/// The steps of the dynamic programme.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Pair,
    SkipSource,
    SkipTranslation,
    /// Two source segments in one translated segment.
    Merge,
    /// One source segment in two translated segments.
    Split,
}

impl Alignment {
    /// The pairs that are neither part of a merge nor of a split, as
    /// (source, translation).
    pub fn one_to_one(&self) -> Vec<(usize, usize)> {
        // How many pairs each unit is in, by index.
        let count = |index: fn(&Pair) -> usize| {
            let len = self.pairs.iter().map(index).max().map_or(0, |k| k + 1);
            let mut n = vec![0u32; len];
            for p in &self.pairs {
                n[index(p)] += 1;
            }
            n
        };
        let (per_source, per_translation) = (count(|p| p.source), count(|p| p.translation));
        self.pairs
            .iter()
            .filter(|p| per_source[p.source] == 1 && per_translation[p.translation] == 1)
            .map(|p| (p.source, p.translation))
            .collect()
    }
}

/// Aligns `translation` to `source`. Monotonic: pairs keep the order of
/// both sides; a moved segment is unpaired where it left and where it
/// landed. Two neighbouring paragraphs or list items on one side may pair
/// with one on the other (a merge or a split): both pairs are listed, with
/// the same confidence and a reason that says so.
pub fn align(source: &[Unit<'_>], translation: &[Unit<'_>], options: &Options<'_>) -> Alignment {
    let read = |units: &[Unit<'_>], language| -> Vec<Facts> {
        let reading = Reading {
            language,
            names: options.names,
        };
        reading.facts_of(units.iter().map(|u| u.text))
    };
    align_read(
        source,
        &read(source, options.source_language),
        translation,
        &read(translation, options.language),
        options.ratio,
    )
}

/// [`align`], with each unit's facts already read (`source_facts[k]` are
/// those of `source[k]`), as a caller that also checks the pages has them.
pub fn align_read(
    source: &[Unit<'_>],
    source_facts: &[Facts],
    translation: &[Unit<'_>],
    translation_facts: &[Facts],
    ratio: Option<f32>,
) -> Alignment {
    assert_eq!(
        source.len(),
        source_facts.len(),
        "one Facts per source unit"
    );
    assert_eq!(
        translation.len(),
        translation_facts.len(),
        "one Facts per translated unit"
    );
    let mut interner = Interner::default();
    let mut s = interner.prepare(source, source_facts);
    let mut t = interner.prepare(translation, translation_facts);
    let scorer = Scorer::new(&s, &t, ratio);
    let (s_merge, t_merge) = (mergeable_pairs(&s), mergeable_pairs(&t));
    let mut s2 = neighbours(&s, &s_merge);
    let mut t2 = neighbours(&t, &t_merge);
    // Gale–Church: the log of the length ratio against the expected ratio,
    // with more tolerance for short texts (+8).
    for p in s.iter_mut().chain(&mut s2) {
        p.ln = (scorer.ratio * p.chars + 8.0).ln();
    }
    for p in t.iter_mut().chain(&mut t2) {
        p.ln = (p.chars + 8.0).ln();
    }
    let (n, m) = (s.len(), t.len());
    // best[i][j]: the best total for the first i source and j translation
    // units, kept for the cells of the band.
    let band = Band::new(n, m);
    let at = |i: usize, j: usize| band.index(i, j);
    // Weights: source units by their length, translated ones by their
    // length in source characters.
    let ws: Vec<f32> = s.iter().map(|p| weight(p.chars)).collect();
    let wt: Vec<f32> = t.iter().map(|p| weight(p.chars / scorer.ratio)).collect();
    let ws2: Vec<f32> = s2.iter().map(|p| weight(p.chars)).collect();
    let wt2: Vec<f32> = t2.iter().map(|p| weight(p.chars / scorer.ratio)).collect();
    // Skipping a unit costs the same wherever it is skipped.
    let gap_s: Vec<i64> = ws.iter().map(|&w| gain(-GAP, w)).collect();
    let gap_t: Vec<i64> = wt.iter().map(|&w| gain(-GAP, w)).collect();
    let width = band.width;
    // The translated units' lanes side by side, and per row the gain each
    // pairing would have at its bound (`most`), computed ahead of the cells
    // (it depends on no cell, and the cells wait on each other).
    let lanes: Vec<Lane> = t.iter().map(|p| p.lane).collect();
    let mut bound = vec![0i64; m];
    let mut best = vec![0i64; band.cells()];
    let mut step = vec![Step::Pair; band.cells()];
    for i in 0..=n {
        // This row and the two above, each with its first column (the row
        // above the first is empty).
        let (above, rest) = best.split_at_mut(i * width);
        let row = &mut rest[..width];
        let steps = &mut step[i * width..(i + 1) * width];
        let up = |k: usize| -> (&[i64], usize) {
            match i.checked_sub(k) {
                Some(r) => (&above[r * width..(r + 1) * width], band.start(r)),
                None => (&[], 0),
            }
        };
        let ((up1, start1), (up2, start2)) = (up(1), up(2));
        let start = band.start(i);
        // The row's source unit, and whether it merges with the one before.
        let source = i.checked_sub(1).map(|k| (&s[k], ws[k], gap_s[k]));
        let merges = i > 1 && s_merge[i - 2];
        if let Some((unit, w_s, _)) = source {
            let columns = band.columns(i);
            let from = columns.start.saturating_sub(1);
            let to = (columns.end - 1).min(m);
            for ((g, lane), &w_t) in bound[from..to]
                .iter_mut()
                .zip(&lanes[from..to])
                .zip(&wt[from..to])
            {
                *g = gain(most(&unit.lane, lane) - THRESHOLD, (w_s + w_t) / 2.0);
            }
        }
        // A cell outside the band (or the row above the first) as `NONE`,
        // below every total: an option from it is never taken.
        let cell = |row: &[i64], start: usize, j: usize| {
            row.get(j.wrapping_sub(start)).copied().unwrap_or(NONE)
        };
        for j in band.columns(i) {
            if i == 0 && j == 0 {
                continue;
            }
            // The options in their order (pair, the two skips, merge,
            // split), the first best winning. A pairing is scored only if
            // it could win at its best (the skips are known first, see
            // `most`), and the merge and split only if they could at full
            // confidence.
            let skip_source = match source {
                Some((_, _, gap)) => cell(up1, start1, j).saturating_add(gap),
                None => NONE,
            };
            let mut here = Choice {
                value: NONE,
                step: Step::Pair,
            };
            let Some(l) = j.checked_sub(1) else {
                here.consider(skip_source, Step::SkipSource);
                row[j - start] = here.value;
                steps[j - start] = here.step;
                continue;
            };
            let skip_translation = cell(row, start, l).saturating_add(gap_t[l]);
            let target = &t[l];
            if let Some((unit, w_s, _)) = source {
                let before = cell(up1, start1, l);
                if before != NONE {
                    let w = (w_s + wt[l]) / 2.0;
                    let skips = skip_source.max(skip_translation);
                    let score = if identical(unit, target) {
                        Some(1.0)
                    } else if before + bound[l] >= skips {
                        Some(scorer.confidence(unit, target))
                    } else {
                        None
                    };
                    if let Some(score) = score {
                        here.consider(before + gain(score - THRESHOLD, w), Step::Pair);
                    }
                }
            }
            here.consider(skip_source, Step::SkipSource);
            here.consider(skip_translation, Step::SkipTranslation);
            if merges && body(target.lane.kind) {
                let before = cell(up2, start2, l);
                let w = (ws2[i - 2] + wt[l]) / 2.0;
                if before != NONE && before + gain(MOST - THRESHOLD - MERGE, w) > here.value {
                    let score = scorer.confidence(&s2[i - 2], target);
                    here.consider(before + gain(score - THRESHOLD - MERGE, w), Step::Merge);
                }
            }
            if let Some((unit, w_s, _)) = source
                && l > 0
                && t_merge[l - 1]
                && body(unit.unit.kind)
            {
                let before = cell(up1, start1, l - 1);
                let w = (w_s + wt2[l - 1]) / 2.0;
                if before != NONE && before + gain(MOST - THRESHOLD - MERGE, w) > here.value {
                    let score = scorer.confidence(unit, &t2[l - 1]);
                    here.consider(before + gain(score - THRESHOLD - MERGE, w), Step::Split);
                }
            }
            row[j - start] = here.value;
            steps[j - start] = here.step;
        }
    }
    let mut out = Alignment::default();
    let (mut i, mut j) = (n, m);
    let mut pair = |source: usize, translation: usize, score: &Score, note: Option<&str>| {
        let mut reason = score.reason(&s[source].unit, &t[translation].unit);
        if let Some(note) = note {
            reason = format!("{note}; {reason}");
        }
        out.pairs.push(Pair {
            source,
            translation,
            confidence: score.confidence,
            reason,
        });
    };
    let mut unpaired_source = Vec::new();
    let mut unpaired_translation = Vec::new();
    while i > 0 || j > 0 {
        match step[at(i, j)] {
            Step::Pair if i > 0 && j > 0 => {
                pair(i - 1, j - 1, &scorer.score(&s[i - 1], &t[j - 1]), None);
                i -= 1;
                j -= 1;
            }
            Step::Merge => {
                let score = scorer.score(&s2[i - 2], &t[j - 1]);
                let note = "two source segments in one translated segment";
                pair(i - 1, j - 1, &score, Some(note));
                pair(i - 2, j - 1, &score, Some(note));
                i -= 2;
                j -= 1;
            }
            Step::Split => {
                let score = scorer.score(&s[i - 1], &t2[j - 2]);
                let note = "one source segment in two translated segments";
                pair(i - 1, j - 1, &score, Some(note));
                pair(i - 1, j - 2, &score, Some(note));
                i -= 1;
                j -= 2;
            }
            Step::SkipSource if i > 0 => {
                unpaired_source.push(i - 1);
                i -= 1;
            }
            _ if j > 0 => {
                unpaired_translation.push(j - 1);
                j -= 1;
            }
            _ => {
                unpaired_source.push(i - 1);
                i -= 1;
            }
        }
    }
    out.pairs.reverse();
    out.unpaired_source = unpaired_source;
    out.unpaired_translation = unpaired_translation;
    out.unpaired_source.reverse();
    out.unpaired_translation.reverse();
    out
}

/// The cells of the alignment programme that are computed: every cell of a
/// page pair of up to [`Band::FULL`] cells; for larger pairs, a band of
/// columns around the diagonal, wide enough to leave [`Band::MARGIN`]
/// units unpaired in a row on either side, so that memory and time grow
/// with the page rather than its square.
#[derive(Debug)]
struct Band {
    /// Columns kept per row.
    width: usize,
    /// The first column kept in each row: the band is centred on the
    /// diagonal from (0, 0) to (n, m) and stays within the columns.
    starts: Vec<usize>,
}

impl Band {
    const FULL: usize = 1 << 16;
    const MARGIN: usize = 96;

    fn new(n: usize, m: usize) -> Band {
        let full = m + 1;
        if (n + 1) * full <= Band::FULL {
            return Band {
                width: full,
                starts: vec![0; n + 1],
            };
        }
        // Consecutive rows' bands overlap, however long one side is.
        let half = Band::MARGIN + m.div_ceil(n.max(1));
        let width = (2 * half + 1).min(full);
        let starts = (0..=n)
            .map(|i| {
                let centre = (i * m).checked_div(n).unwrap_or(0);
                centre.saturating_sub(width / 2).min(full - width)
            })
            .collect();
        Band { width, starts }
    }

    fn start(&self, i: usize) -> usize {
        self.starts[i]
    }

    fn columns(&self, i: usize) -> std::ops::Range<usize> {
        let start = self.start(i);
        start..start + self.width
    }

    fn index(&self, i: usize, j: usize) -> usize {
        i * self.width + (j - self.start(i))
    }

    fn cells(&self) -> usize {
        self.starts.len() * self.width
    }
}

#[cfg(test)]
mod tests;
