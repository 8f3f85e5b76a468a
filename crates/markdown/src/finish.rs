//! Turns collected raw segments into a [`Document`]: document order, no
//! overlaps, line numbers, ids, and the skeleton that holds the rest.

use std::collections::HashMap;

use model::{Diagnostic, Document, Segment, SegmentId, SegmentKind, Skeleton, Slot};

use crate::walk::{Collected, Raw};

pub(crate) fn finish(src: &str, collected: Collected) -> (Document, Vec<Diagnostic>) {
    let Collected {
        mut raws,
        diagnostics,
    } = collected;
    raws.sort_by_key(|raw| raw.pieces[0].start);
    let lines = LineIndex::new(src);
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|(offset, mut d)| {
            d.line = lines.line(offset);
            d
        })
        .collect();
    let newline = if src.contains("\r\n") { "\r\n" } else { "\n" };

    let mut segments: Vec<Segment> = Vec::with_capacity(raws.len());
    let mut skeleton = Skeleton {
        text: String::with_capacity(src.len()),
        slots: Vec::with_capacity(raws.len()),
    };
    let mut copied = 0;
    let mut section = String::from("intro");
    let mut heading = None;
    let mut ordinals: HashMap<(String, SegmentKind), usize> = HashMap::new();
    for raw in raws {
        let Raw {
            kind,
            pieces,
            containers,
        } = raw;
        let first = pieces[0].start;
        let line = lines.line(first);
        if first < copied {
            diagnostics.push(Diagnostic {
                kind: "overlapping-segment",
                line,
                message: "a segment overlaps the one before it and was left in the skeleton"
                    .to_owned(),
            });
            continue;
        }
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
        let line_start = src[..first].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = src[line_start..first]
            .chars()
            .map(|c| if matches!(c, '>' | '\t') { c } else { ' ' })
            .collect();
        skeleton.slots.push(Slot {
            at: skeleton.text.len(),
            separators,
            continuation: format!("{newline}{indent}"),
        });
        if kind == SegmentKind::Heading {
            section = model::slug(&text);
            heading = Some(segments.len());
        }
        let ordinal = ordinals.entry((section.clone(), kind)).or_insert(0);
        *ordinal += 1;
        segments.push(Segment {
            id: SegmentId::derive(&section, kind, *ordinal),
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

/// Byte offset to 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            src.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
