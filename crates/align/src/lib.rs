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
mod numerals;
mod words;

pub use facts::{Facts, Reading, facts, facts_in, prose, without_locale};
pub use names::{Names, learn_names};
pub use numerals::months;
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

/// No option: far below any total a path can have, which stay within a
/// few times 10,000 per unit, and far enough above `i64::MIN` that adding
/// the gains of any path to it cannot overflow. A total reached from it
/// stays far below every real one, so an option from outside the band
/// never wins where a real one exists, and needs no test of its own.
const NONE: i64 = i64::MIN / 4;

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
        LinkText | LinkTitle | ImageAlt | AttributeTitle | Argument => 2,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    // Weights: source units by their length, translated ones by their
    // length in source characters.
    let ws: Vec<f32> = s.iter().map(|p| weight(p.chars)).collect();
    let wt: Vec<f32> = t.iter().map(|p| weight(p.chars / scorer.ratio)).collect();
    let ws2: Vec<f32> = s2.iter().map(|p| weight(p.chars)).collect();
    let wt2: Vec<f32> = t2.iter().map(|p| weight(p.chars / scorer.ratio)).collect();
    // Skipping a unit costs the same wherever it is skipped.
    let gap_s: Vec<i64> = ws.iter().map(|&w| gain(-GAP, w)).collect();
    let gap_t: Vec<i64> = wt.iter().map(|&w| gain(-GAP, w)).collect();
    // What each cell reads of its translated unit (`l`, the column before
    // the cell's) side by side, and per row the gain each pairing would
    // have at its bound (`most`), computed ahead of the cells (it depends
    // on no cell, and the cells wait on each other).
    let lanes: Vec<Lane> = t.iter().map(|p| p.lane).collect();
    let columns: Vec<Column> = (0..m)
        .map(|l| Column {
            weight: wt[l],
            gap: gap_t[l],
            body: body(t[l].lane.kind),
            // Whether units `l - 1` and `l` may be one source segment, and
            // their weight taken together.
            splits: l > 0 && t_merge[l - 1],
            split_weight: if l > 0 { wt2[l - 1] } else { 0.0 },
        })
        .collect();
    let mut bound = vec![0i64; m];
    let mut table = Table::new(&band);
    // The empty start: nothing paired, nothing left.
    table.best[Table::LEFT] = 0;
    for i in 0..=n {
        let start = band.start(i);
        let (up1, up2, row, steps) = table.rows(&band, i);
        let Some(k) = i.checked_sub(1) else {
            // The first row: translated units left unpaired, one by one.
            for j in band.columns(0).skip(1) {
                let x = j - start + Table::LEFT;
                row[x] = row[x - 1] + gap_t[j - 1];
                steps[x] = Step::SkipTranslation;
            }
            continue;
        };
        // The row's source unit, and whether it merges with the one before.
        let (unit, w_s, gap) = (&s[k], ws[k], gap_s[k]);
        let merges = i > 1 && s_merge[i - 2];
        let splits = body(unit.unit.kind);
        let columns_here = band.columns(i);
        {
            let from = columns_here.start.saturating_sub(1);
            let to = (columns_here.end - 1).min(m);
            for ((g, lane), &w_t) in bound[from..to]
                .iter_mut()
                .zip(&lanes[from..to])
                .zip(&wt[from..to])
            {
                *g = gain(most(&unit.lane, lane) - THRESHOLD, (w_s + w_t) / 2.0);
            }
        }
        // The first column has one option: the source unit left unpaired.
        let mut first = start;
        if start == 0 {
            row[Table::LEFT] = up1.at(0) + gap;
            steps[Table::LEFT] = Step::SkipSource;
            first = 1;
        }
        let len = columns_here.end - first;
        let x0 = first - start + Table::LEFT;
        // The row above at the cell's column, at the one before it and the
        // one before that, and two rows above at the one before: each a
        // slice as long as the row, so that the cells index them alike.
        let above = up1.from(first, 0, len);
        let above_l = up1.from(first, 1, len);
        let above_ll = up1.from(first, 2, len);
        let above2_l = up2.from(first, 1, len);
        let bound = &bound[first - 1..first - 1 + len];
        let cols = &columns[first - 1..first - 1 + len];
        let targets = &t[first - 1..first - 1 + len];
        // The cell to the left (a column outside the band has none).
        let mut left = row[x0 - 1];
        for x in 0..len {
            let col = &cols[x];
            let target = &targets[x];
            // The options in their order (pair, the two skips, merge,
            // split), the first best winning. A pairing is scored only if
            // it could win at its best (the skips are known first, see
            // `most`), and the merge and split only if they could at full
            // confidence.
            let skip_source = above[x] + gap;
            let skip_translation = left + col.gap;
            let before = above_l[x];
            let score = if identical(unit, target) {
                Some(1.0)
            } else if before + bound[x] >= skip_source.max(skip_translation) {
                Some(scorer.confidence(unit, target))
            } else {
                None
            };
            let mut here = Choice {
                value: i64::MIN,
                step: Step::Pair,
            };
            if let Some(score) = score {
                let w = (w_s + col.weight) / 2.0;
                here.consider(before + gain(score - THRESHOLD, w), Step::Pair);
            }
            here.consider(skip_source, Step::SkipSource);
            here.consider(skip_translation, Step::SkipTranslation);
            if merges && col.body {
                let before = above2_l[x];
                let w = (ws2[i - 2] + col.weight) / 2.0;
                if before + gain(MOST - THRESHOLD - MERGE, w) > here.value {
                    let score = scorer.confidence(&s2[i - 2], target);
                    here.consider(before + gain(score - THRESHOLD - MERGE, w), Step::Merge);
                }
            }
            if splits && col.splits {
                let before = above_ll[x];
                let w = (w_s + col.split_weight) / 2.0;
                if before + gain(MOST - THRESHOLD - MERGE, w) > here.value {
                    let score = scorer.confidence(unit, &t2[first + x - 2]);
                    here.consider(before + gain(score - THRESHOLD - MERGE, w), Step::Split);
                }
            }
            row[x0 + x] = here.value;
            steps[x0 + x] = here.step;
            left = here.value;
        }
    }
    let Table { stride, step, .. } = table;
    let at = |i: usize, j: usize| i * stride + (j - band.start(i)) + Table::LEFT;
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

    #[cfg(test)]
    fn cells(&self) -> usize {
        self.starts.len() * self.width
    }
}

/// What a cell of the programme reads of its translated unit.
#[derive(Debug, Clone, Copy)]
struct Column {
    weight: f32,
    /// The cost of leaving it unpaired.
    gap: i64,
    /// A paragraph or list item (it may take two source units).
    body: bool,
    /// Whether it and the unit before may be one source segment, and the
    /// weight of the two.
    splits: bool,
    split_weight: f32,
}

/// The programme's totals and steps, a row of the band each, with
/// [`Table::LEFT`] cells of no option before each row's band and enough
/// after it that a cell reads the two rows above (whose bands start as
/// far left or further) in bounds.
#[derive(Debug)]
struct Table {
    stride: usize,
    best: Vec<i64>,
    step: Vec<Step>,
    /// A row of no option: the one above the first.
    none: Vec<i64>,
}

impl Table {
    const LEFT: usize = 2;

    fn new(band: &Band) -> Table {
        let rows = band.starts.len();
        let shift = (0..rows)
            .map(|i| band.start(i) - band.start(i.saturating_sub(2)))
            .max()
            .unwrap_or(0);
        let stride = Table::LEFT + band.width + shift;
        Table {
            stride,
            best: vec![NONE; rows * stride],
            step: vec![Step::Pair; rows * stride],
            none: vec![NONE; stride],
        }
    }

    /// Row `i`'s cells and steps to fill, and the two rows above it.
    fn rows(&mut self, band: &Band, i: usize) -> (Above<'_>, Above<'_>, &mut [i64], &mut [Step]) {
        let stride = self.stride;
        let (above, rest) = self.best.split_at_mut(i * stride);
        let none = &self.none;
        let up = |k: usize| match i.checked_sub(k) {
            Some(r) => Above {
                cells: &above[r * stride..(r + 1) * stride],
                start: band.start(r),
            },
            None => Above {
                cells: none,
                start: band.start(i),
            },
        };
        (
            up(1),
            up(2),
            &mut rest[..stride],
            &mut self.step[i * stride..(i + 1) * stride],
        )
    }
}

/// A row above the one being filled, and the first column of its band.
#[derive(Debug)]
struct Above<'a> {
    cells: &'a [i64],
    start: usize,
}

impl Above<'_> {
    /// The total at `column`.
    fn at(&self, column: usize) -> i64 {
        self.cells[column + Table::LEFT - self.start]
    }

    /// `len` totals from column `first - back` on (`back` at most
    /// [`Table::LEFT`]).
    fn from(&self, first: usize, back: usize, len: usize) -> &[i64] {
        let x = first + Table::LEFT - back - self.start;
        &self.cells[x..x + len]
    }
}

#[cfg(test)]
mod tests;
