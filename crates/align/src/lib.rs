//! Source ↔ translation alignment (document mode): which translated segment
//! renders which source segment. No I/O.
//!
//! Inputs: the segments of a source document and of a translated one, as
//! [`Unit`]s (kind, container path, text, and whether the segment was
//! recovered from a broken container). Output: an [`Alignment`]: pairs in
//! order, each with a confidence in 0..=1 and a reason, and the segments left
//! unpaired on each side. A dynamic programme over the two sequences scores
//! each pairing by segment kind, container path, shared [`Facts`] and the
//! length ratio against the page's own ratio (Gale–Church style), so an
//! inserted, deleted or moved paragraph only disturbs its neighbours. It
//! ignores on purpose files, catalogs and how segments were found.

mod facts;

pub use facts::{Facts, facts};

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

/// A pairing gains its confidence minus this; with two gaps (below) it is
/// worth pairing from a confidence of 0.55.
const THRESHOLD: f32 = 0.65;

/// The cost of leaving a segment unpaired: small, so that a pairing just
/// under the threshold still loses to two gaps, but a path that keeps in
/// step is preferred over one that skips and catches up.
const GAP: f32 = 0.05;

/// What the aligner precomputes per unit.
struct Prepared<'a> {
    unit: Unit<'a>,
    tokens: Vec<String>,
    chars: f32,
}

fn prepare<'a>(units: &[Unit<'a>]) -> Vec<Prepared<'a>> {
    units
        .iter()
        .map(|&unit| Prepared {
            unit,
            tokens: facts(unit.text).tokens(),
            chars: unit.text.chars().count() as f32,
        })
        .collect()
}

/// Kinds a translator may legitimately turn into one another.
fn kind_score(a: SegmentKind, b: SegmentKind) -> f32 {
    use SegmentKind::*;
    if a == b {
        return 1.0;
    }
    let group = |k| match k {
        Paragraph | ListItem | TableCell | Definition | Footnote => 1,
        LinkText | LinkTitle | ImageAlt | AttributeTitle => 2,
        Heading | AdmonitionTitle | TabTitle | Term => 3,
        FrontMatter | Abbreviation => 4,
    };
    if group(a) == group(b) { 0.4 } else { 0.0 }
}

/// Shared tokens of two sorted multisets.
fn shared(a: &[String], b: &[String]) -> usize {
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

/// The scorer of one page: the translation's overall length ratio.
struct Scorer {
    ratio: f32,
}

impl Scorer {
    fn new(source: &[Prepared<'_>], translation: &[Prepared<'_>]) -> Scorer {
        let s: f32 = source.iter().map(|p| p.chars).sum();
        let t: f32 = translation.iter().map(|p| p.chars).sum();
        let ratio = if s > 0.0 && t > 0.0 { t / s } else { 1.0 };
        Scorer {
            ratio: ratio.clamp(0.2, 5.0),
        }
    }

    /// How well `s` and `t` pair, 0..=1, with its parts.
    fn score(&self, s: &Prepared<'_>, t: &Prepared<'_>) -> Score {
        if s.unit.text == t.unit.text && s.unit.kind == t.unit.kind {
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
        let kind = kind_score(s.unit.kind, t.unit.kind);
        let container = if t.unit.recovered || s.unit.recovered {
            0.5
        } else if s.unit.containers == t.unit.containers {
            1.0
        } else {
            0.0
        };
        let both = shared(&s.tokens, &t.tokens);
        let total = s.tokens.len().max(t.tokens.len());
        let facts = if total == 0 {
            0.5
        } else {
            both as f32 / total as f32
        };
        // Gale–Church: the log of the length ratio against the page's ratio,
        // with more tolerance for short texts.
        let expected = self.ratio * s.chars + 8.0;
        let r = ((t.chars + 8.0) / expected).ln();
        let length = (-r * r * 2.0).exp();
        let confidence = 0.2 * kind + 0.1 * container + 0.45 * facts + 0.25 * length;
        Score {
            confidence,
            kind,
            container,
            shared: both,
            total,
            length: (t.chars + 1.0) / (self.ratio * s.chars + 1.0),
            identical: false,
        }
    }
}

struct Score {
    confidence: f32,
    kind: f32,
    container: f32,
    shared: usize,
    total: usize,
    /// The length ratio against the page's ratio (1 = as expected).
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

/// Aligns `translation` to `source`. Monotonic: pairs keep the order of
/// both sides; a moved segment is unpaired where it left and where it landed.
pub fn align(source: &[Unit<'_>], translation: &[Unit<'_>]) -> Alignment {
    let s = prepare(source);
    let t = prepare(translation);
    let scorer = Scorer::new(&s, &t);
    let (n, m) = (s.len(), t.len());
    // best[i][j]: the best total for the first i source and j translation units.
    let width = m + 1;
    let mut best = vec![0.0f32; (n + 1) * width];
    // 0 = pair, 1 = skip source, 2 = skip translation.
    let mut step = vec![0u8; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut value = f32::NEG_INFINITY;
            let mut choice = 0;
            if i > 0 && j > 0 {
                let score = scorer.score(&s[i - 1], &t[j - 1]).confidence;
                value = best[(i - 1) * width + j - 1] + (score - THRESHOLD);
            }
            if i > 0 && best[(i - 1) * width + j] - GAP > value {
                value = best[(i - 1) * width + j] - GAP;
                choice = 1;
            }
            if j > 0 && best[i * width + j - 1] - GAP > value {
                value = best[i * width + j - 1] - GAP;
                choice = 2;
            }
            best[i * width + j] = value;
            step[i * width + j] = choice;
        }
    }
    let mut out = Alignment::default();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i * width + j] {
            0 if i > 0 && j > 0 => {
                let score = scorer.score(&s[i - 1], &t[j - 1]);
                out.pairs.push(Pair {
                    source: i - 1,
                    translation: j - 1,
                    confidence: score.confidence,
                    reason: score.reason(&s[i - 1].unit, &t[j - 1].unit),
                });
                i -= 1;
                j -= 1;
            }
            1 if i > 0 => {
                out.unpaired_source.push(i - 1);
                i -= 1;
            }
            _ if j > 0 => {
                out.unpaired_translation.push(j - 1);
                j -= 1;
            }
            _ => {
                out.unpaired_source.push(i - 1);
                i -= 1;
            }
        }
    }
    out.pairs.reverse();
    out.unpaired_source.reverse();
    out.unpaired_translation.reverse();
    out
}

#[cfg(test)]
mod tests;
