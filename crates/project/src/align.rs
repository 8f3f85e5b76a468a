//! Document mode: a source page and its hand-made translation, segmented,
//! aligned, and the damage found on the way reported.

use std::path::Path;

use align::{Alignment, Unit};
use model::{Document, Segment};

use crate::{Result, segment_file};

/// A problem found while aligning, with the line on each side when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignDiagnostic {
    pub kind: &'static str,
    pub line: Option<usize>,
    pub source_line: Option<usize>,
    pub message: String,
}

/// Two documents aligned.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub source: Document,
    /// The translation's segments, with those recovered from broken
    /// containers in line order among them.
    pub translation: Vec<Segment>,
    /// Per translation segment: recovered from an indented block.
    pub recovered: Vec<bool>,
    pub alignment: Alignment,
    pub diagnostics: Vec<AlignDiagnostic>,
}

/// Segments and aligns `source` and `translation` (Markdown files).
pub fn align_files(
    source: &Path,
    translation: &Path,
    options: &markdown::Options,
) -> Result<Aligned> {
    let (source_text, source_doc, _) = segment_file(source, options)?;
    let (text, doc, _) = segment_file(translation, options)?;
    Ok(align_texts(&source_text, source_doc, &text, doc, options))
}

/// Aligns two segmented documents, given their texts.
pub fn align_texts(
    source_text: &str,
    source: Document,
    text: &str,
    doc: Document,
    options: &markdown::Options,
) -> Aligned {
    // Indented blocks that the source has as they are are real code.
    let blocks: Vec<markdown::IndentedBlock> = markdown::indented_blocks(text, &doc, options)
        .into_iter()
        .filter(|b| !source_text.contains(&b.raw))
        .collect();
    let mut translation: Vec<(Segment, bool)> =
        doc.segments.into_iter().map(|s| (s, false)).collect();
    for block in &blocks {
        translation.extend(block.segments.iter().cloned().map(|s| (s, true)));
    }
    translation.sort_by_key(|(s, _)| s.line);
    let (translation, recovered): (Vec<Segment>, Vec<bool>) = translation.into_iter().unzip();

    fn units<'a>(segments: &'a [Segment], recovered: &[bool]) -> Vec<Unit<'a>> {
        segments
            .iter()
            .enumerate()
            .map(|(i, s)| Unit {
                kind: s.kind,
                containers: &s.containers,
                text: &s.text,
                recovered: recovered.get(i).copied().unwrap_or(false),
            })
            .collect()
    }
    let alignment = align::align(
        &units(&source.segments, &[]),
        &units(&translation, &recovered),
    );

    let source_lines: Vec<&str> = source_text.split('\n').collect();
    let diagnostics = blocks
        .iter()
        .map(|block| {
            let inside = |s: &Segment| (block.first_line..=block.last_line).contains(&s.line);
            let partner = alignment
                .pairs
                .iter()
                .find(|p| recovered[p.translation] && inside(&translation[p.translation]))
                .map(|p| &source.segments[p.source]);
            let marker = partner.and_then(|s| markdown::container_line(source_text, s.line));
            let expected = marker
                .map(|line| format!(" (`{}` at source line {line})", source_lines[line - 1].trim()))
                .unwrap_or_default();
            AlignDiagnostic {
                kind: "broken-container",
                line: Some(block.line_before),
                source_line: marker,
                message: format!(
                    "a container line is missing or glued to the end of line {}{expected}: the indented block at lines {}–{} below it reads as code; its text was aligned as the Markdown it was meant to be",
                    block.line_before, block.first_line, block.last_line
                ),
            }
        })
        .collect();

    Aligned {
        source,
        translation,
        recovered,
        alignment,
        diagnostics,
    }
}
