//! Turns collected raw segments into a [`Document`]: document order, no
//! overlaps, line numbers, ids, and the skeleton that holds the rest.

use std::collections::HashMap;
use std::sync::Arc;

use model::{Diagnostic, Document, Segment, SegmentId, SegmentKind, Skeleton, Slot};

use crate::walk::{Collected, Raw};

pub(crate) fn finish(src: &str, collected: Collected) -> (Document, Vec<Diagnostic>) {
    let Collected {
        mut raws,
        diagnostics,
    } = collected;
    raws.sort_by_key(|raw| raw.pieces[0].start);
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|(offset, mut d)| {
            d.line = line_of(src, offset);
            d
        })
        .collect();
    let crlf = memchr::memchr(b'\r', src.as_bytes()).is_some_and(|i| src[i..].starts_with("\r\n"));
    let newline = if crlf { "\r\n" } else { "\n" };
    let mut lines = Lines {
        counted: 0,
        line: 1,
    };

    let mut segments: Vec<Segment> = Vec::with_capacity(raws.len());
    let mut skeleton = Skeleton {
        text: String::with_capacity(src.len()),
        slots: Vec::with_capacity(raws.len()),
    };
    let mut copied = 0;
    let mut section = String::from("intro");
    let mut heading = None;
    // Ordinals per section slug and kind; a slug that comes back (two
    // "Resources" headings) continues its count, so ids stay unique.
    let mut sections: HashMap<String, usize> = HashMap::new();
    let mut ordinals: Vec<[usize; SegmentKind::ALL.len()]> = vec![[0; SegmentKind::ALL.len()]];
    sections.insert(section.clone(), 0);
    let mut current = 0;
    // Slots share their continuation: each distinct one is made once (a
    // page has a handful: one per indentation of its containers).
    let mut continuation = String::new();
    let mut made: Vec<Arc<str>> = Vec::new();
    for raw in raws {
        let Raw {
            kind,
            pieces,
            containers,
        } = raw;
        let first = pieces[0].start;
        if first < copied {
            let line = line_of(src, first);
            diagnostics.push(Diagnostic {
                kind: "overlapping-segment",
                line,
                message: "a segment overlaps the one before it and was left in the skeleton"
                    .to_owned(),
            });
            continue;
        }
        let line = lines.at(src, first);
        let mut text = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum());
        let mut separators = Vec::with_capacity(pieces.len() - 1);
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                text.push('\n');
                separators.push(src[pieces[i - 1].end..piece.start].to_owned());
            }
            text.push_str(&src[piece.clone()]);
        }
        skeleton.text.push_str(&src[copied..first]);
        copied = pieces.last().expect("a segment has a piece").end;
        let line_start = crate::region::line_start(src, first);
        continuation.clear();
        continuation.push_str(newline);
        // One space per character of the line before the segment, but `>`
        // and tabs stay; mostly it is all spaces (indentation).
        let before = &src.as_bytes()[line_start..first];
        if before.iter().all(|&b| b == b' ') {
            crate::region::push_spaces(&mut continuation, before.len());
        } else {
            for &b in before {
                match b {
                    b'>' | b'\t' => continuation.push(b as char),
                    0x80..=0xbf => {}
                    _ => continuation.push(' '),
                }
            }
        }
        let shared = match made.iter().rev().find(|c| ***c == *continuation) {
            Some(shared) => Arc::clone(shared),
            None => {
                let new: Arc<str> = Arc::from(continuation.as_str());
                if made.len() < 64 {
                    made.push(Arc::clone(&new));
                }
                new
            }
        };
        skeleton.slots.push(Slot {
            at: skeleton.text.len(),
            separators,
            continuation: shared,
        });
        if kind == SegmentKind::Heading {
            section = model::slug(&text);
            heading = Some(segments.len());
            let next = ordinals.len();
            current = *sections.entry(section.clone()).or_insert(next);
            if current == next {
                ordinals.push([0; SegmentKind::ALL.len()]);
            }
        }
        let ordinal = &mut ordinals[current][kind as usize];
        *ordinal += 1;
        segments.push(Segment {
            id: SegmentId::from_slug(&section, kind, *ordinal),
            kind,
            spans: pieces,
            line,
            text,
            containers,
            heading,
        });
    }
    skeleton.text.push_str(&src[copied..]);
    diagnostics.sort_by_key(|d| d.line);
    (Document { segments, skeleton }, diagnostics)
}

/// The 1-based line of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &src.as_bytes()[..offset]).count()
}

/// Line numbers of ascending offsets, counting each stretch of text once.
struct Lines {
    counted: usize,
    line: usize,
}

impl Lines {
    fn at(&mut self, src: &str, offset: usize) -> usize {
        self.line += memchr::memchr_iter(b'\n', &src.as_bytes()[self.counted..offset]).count();
        self.counted = offset;
        self.line
    }
}
