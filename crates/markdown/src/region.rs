//! A region is a piece of the document seen with a container's indentation
//! removed, such as an admonition body, so that pulldown-cmark can parse it
//! as Markdown of its own. Offsets in a region map back to the source line by line.

use std::borrow::Cow;
use std::ops::Range;

/// Text that pulldown-cmark parses, and where each of its lines starts in the source.
#[derive(Debug)]
pub(crate) struct Region<'a> {
    pub text: Cow<'a, str>,
    /// Start offset of each line in `text` (ascending, the first is 0)…
    starts: Vec<usize>,
    /// …and the source offset that each of those lines starts at.
    source_starts: Vec<usize>,
}

impl<'a> Region<'a> {
    /// The whole source: region offsets are source offsets.
    pub fn whole(src: &'a str) -> Region<'a> {
        Region {
            text: Cow::Borrowed(src),
            starts: vec![0],
            source_starts: vec![0],
        }
    }

    /// A region made of the given lines of `self` (region ranges, each with
    /// its line terminator), with the first `strip` bytes of each removed.
    pub fn child(&self, lines: &[(Range<usize>, usize)]) -> Region<'static> {
        let len = lines
            .iter()
            .map(|(r, strip)| r.len().saturating_sub(*strip))
            .sum();
        let mut text = String::with_capacity(len);
        let mut starts = Vec::with_capacity(lines.len());
        let mut source_starts = Vec::with_capacity(lines.len());
        for (range, strip) in lines {
            let from = (range.start + strip).min(range.end);
            starts.push(text.len());
            source_starts.push(self.to_source(from));
            text.push_str(&self.text[from..range.end]);
        }
        if starts.is_empty() {
            starts.push(0);
            source_starts.push(self.to_source(lines.first().map_or(0, |(r, _)| r.start)));
        }
        Region {
            text: Cow::Owned(text),
            starts,
            source_starts,
        }
    }

    /// The source offset of a region offset.
    pub fn to_source(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        self.source_starts[line] + (offset - self.starts[line])
    }

    /// The source range of a region range that lies within one line.
    pub fn range_to_source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_source(range.start);
        start..start + range.len()
    }
}

/// The start of the line containing `offset`.
pub(crate) fn line_start(text: &str, offset: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |i| i + 1)
}

/// The end of the line content at `at` (before `\n` or `\r\n`) and the start
/// of the next line, with one scan; both are the text's end on the last line.
pub(crate) fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    match memchr::memchr(b'\n', &text.as_bytes()[at..]) {
        Some(i) => {
            let end = at + i;
            let content_end = if end > at && text.as_bytes()[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            (content_end, end + 1)
        }
        None => (text.len(), text.len()),
    }
}

/// The end of the line content at or after `offset`, before `\n` or `\r\n`.
pub(crate) fn content_end(text: &str, offset: usize) -> usize {
    let end = memchr::memchr(b'\n', &text.as_bytes()[offset..]).map_or(text.len(), |i| offset + i);
    if end > offset && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// The start of the next line after `offset` (or the end of the text).
pub(crate) fn next_line(text: &str, offset: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[offset..]).map_or(text.len(), |i| offset + i + 1)
}

/// Appends `n` spaces, a chunk at a time.
pub(crate) fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let chunk = n.min(SPACES.len());
        out.push_str(&SPACES[..chunk]);
        n -= chunk;
    }
}
