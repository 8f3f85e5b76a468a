//! Container bodies that lost their container line. When a translation
//! drops (or glues to the previous sentence) a `!!! type` line, the body
//! below it, indented and after a blank line, parses as an indented code
//! block and its text disappears from the segments. [`indented_blocks`]
//! finds such blocks and segments their content as the Markdown it was
//! meant to be, for alignment and checks; the document itself is unchanged.

use model::{Document, Segment};

use crate::{Options, segment_with, syntax};

/// An indented block read as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndentedBlock {
    /// The 1-based line of the text just above the block (where a container
    /// line would be), and the block's first and last lines.
    pub line_before: usize,
    pub first_line: usize,
    pub last_line: usize,
    /// The block's lines as they are in the file.
    pub raw: String,
    /// Its segments, with lines in the file's numbering. Their spans are
    /// empty: the text is not in the skeleton's place for them.
    pub segments: Vec<Segment>,
}

/// A line that opens a container (`!!! type`, `??? type`, `=== "title"`).
fn opens_container(line: &str) -> bool {
    syntax::is_marker(line.trim_start())
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Indented blocks (four spaces or more, after a blank line) under a
/// top-level line of prose that is not a container line (or under the
/// front matter), whose lines hold
/// no segment of `doc`: bodies of lost containers, or real indented code
/// (which the caller can tell apart by comparing with the source).
pub fn indented_blocks(src: &str, doc: &Document, options: &Options) -> Vec<IndentedBlock> {
    // Only MkDocs reads an indented block under a container line as its body.
    if !options.dialect.rules().mkdocs {
        return Vec::new();
    }
    let lines = model::text::lines(src);
    let mut covered = vec![false; lines.len() + 1];
    let starts: Vec<usize> = lines
        .iter()
        .scan(0, |start, line| {
            let at = *start;
            *start += line.len() + 1;
            Some(at)
        })
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    for segment in &doc.segments {
        for span in &segment.spans {
            for line in line_of(span.start)..=line_of(span.end.saturating_sub(1).max(span.start)) {
                if let Some(c) = covered.get_mut(line) {
                    *c = true;
                }
            }
        }
    }
    let blank = |l: &str| l.trim().is_empty();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // A top-level prose line, then blank lines, then an indented line.
        let line = lines[i];
        // (or the end of the front matter, for a box at the top of a page)
        let front_matter_end = i > 0 && line == "---" && lines[0] == "---";
        let prose = (covered[i + 1] || front_matter_end)
            && !blank(line)
            && indent(line) < 4
            && !opens_container(line);
        if !prose {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && blank(lines[j]) {
            j += 1;
        }
        if j == i + 1 || j >= lines.len() || indent(lines[j]) < 4 {
            i += 1;
            continue;
        }
        let first = j;
        let mut last = j;
        while j < lines.len() && (blank(lines[j]) || indent(lines[j]) >= 4) {
            if !blank(lines[j]) {
                last = j;
            }
            j += 1;
        }
        if (first..=last).any(|k| covered[k + 1]) {
            i = j;
            continue;
        }
        let dedented: Vec<&str> = lines[first..=last]
            .iter()
            .map(|l| if blank(l) { "" } else { &l[4..] })
            .collect();
        let (inner, _) = segment_with(&dedented.join("\n"), options);
        if !inner.segments.is_empty() {
            let segments = inner
                .segments
                .into_iter()
                .map(|mut s| {
                    s.line += first;
                    s.spans = model::Spans::default();
                    s
                })
                .collect();
            out.push(IndentedBlock {
                line_before: i + 1,
                first_line: first + 1,
                last_line: last + 1,
                raw: lines[first..=last].join("\n"),
                segments,
            });
        }
        i = j;
    }
    out
}

/// The line (1-based) of the container marker that holds line `line` of
/// `src`: the nearest line above it, less indented, that opens a container.
pub fn container_line(src: &str, line: usize) -> Option<usize> {
    let lines = model::text::lines(src);
    let own = indent(lines.get(line.checked_sub(1)?)?);
    (0..line - 1)
        .rev()
        .find(|&i| indent(lines[i]) < own && opens_container(lines[i]))
        .map(|i| i + 1)
}
