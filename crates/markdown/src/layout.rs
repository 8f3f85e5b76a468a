//! A line scan of a region for what a dialect adds at the block level,
//! before pulldown-cmark parses it: structural tags (`:::note`, `{{< tab >}}`,
//! `<TabItem>`) paired into containers, MDX `import`/`export` blocks, and
//! lines made only of placeholders (`{{CSSRef}}`). Lines made only of tags
//! and ESM blocks are blanked in the text the parser reads, so a body is
//! parsed where it stands as Markdown of its own and a tag never joins a
//! paragraph; tags that start or end a line of text stay and are cut off
//! the segment. Code fences and front matter are skipped.

use std::ops::Range;

use model::{Container, SegmentKind};

use crate::dialect::{Rules, Tag, TagKind};
use crate::region::line_bounds;

/// What the scan found in a region (offsets are the region's).
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// Line contents to blank in the text the parser reads.
    pub blank: Vec<Range<usize>>,
    /// Structural tags on lines with text: cut off the ends of segments.
    pub edge_tags: Vec<Range<usize>>,
    /// Containers: the range of the body (from the end of the opening tag
    /// to the start of the closing one) and the container.
    pub containers: Vec<(Range<usize>, Container)>,
    /// Prose inside tags (titles, prose arguments), with the containers
    /// around the tag.
    pub prose: Vec<(Range<usize>, SegmentKind)>,
    /// Problems, at an offset: (offset, kind, message).
    pub diagnostics: Vec<(usize, &'static str, String)>,
    /// The structure a translation must keep, in order: (offset, shape).
    pub landmarks: Vec<(usize, String)>,
}

impl Layout {
    /// `range` without structural tags (and blanks) at its ends.
    pub fn trim_tags(&self, text: &str, mut range: Range<usize>) -> Range<usize> {
        if self.edge_tags.is_empty() {
            return range;
        }
        loop {
            let before = range.clone();
            if let Some(tag) = self.edge_tags.iter().find(|t| t.start == range.start) {
                range.start = tag.end.min(range.end);
            }
            if let Some(tag) = self.edge_tags.iter().find(|t| t.end == range.end) {
                range.end = tag.start.max(range.start);
            }
            let slice = &text[range.clone()];
            let start = range.start + (slice.len() - slice.trim_start().len());
            range = start..start + slice.trim().len();
            if range == before {
                return range;
            }
        }
    }

    /// The containers whose bodies hold `offset`, outermost first, with
    /// where each body starts.
    pub fn around(&self, offset: usize) -> impl Iterator<Item = (usize, &Container)> {
        self.containers
            .iter()
            .filter(move |(body, _)| body.contains(&offset))
            .map(|(body, c)| (body.start, c))
    }
}

/// A tag found, where it is, and what the scan made of it.
#[derive(Debug)]
struct Found {
    at: usize,
    tag: Tag,
    /// On a line of tags only (else at the start or end of a line of text).
    alone: bool,
}

/// Scans `text` with a dialect's rules.
pub(crate) fn scan(text: &str, rules: &Rules, prose: &[String]) -> Layout {
    let mut layout = Layout::default();
    if rules.mkdocs || (rules.tag.is_none() && !rules.esm && !has_templates(text)) {
        return layout;
    }
    let mut found: Vec<Found> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut previous_blank = true;
    let mut previous_tags = false;
    let mut line = front_matter_end(text);
    let mut in_esm = false;
    while line < text.len() {
        let (content_end, next) = line_bounds(text, line);
        let content = &text[line..content_end];
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        let blank = trimmed.is_empty();
        // Code fences: nothing inside is structure.
        if let Some((ch, len)) = fence {
            let run = trimmed.bytes().take_while(|&b| b == ch).count();
            if run >= len && trimmed[run..].trim().is_empty() {
                fence = None;
            }
            // A closing fence ends a block as a blank line would.
            previous_blank = fence.is_none();
            previous_tags = false;
            line = next;
            continue;
        }
        let run = trimmed
            .bytes()
            .take_while(|&b| b == b'`' || b == b'~')
            .count();
        if run >= 3
            && trimmed
                .bytes()
                .take(run)
                .all(|b| b == trimmed.as_bytes()[0])
        {
            let ch = trimmed.as_bytes()[0];
            if ch == b'~' || !trimmed[run..].contains('`') {
                fence = Some((ch, run));
                previous_blank = false;
                previous_tags = false;
                line = next;
                continue;
            }
        }
        if blank || trimmed.starts_with('#') {
            in_esm = false;
            previous_blank = true;
            previous_tags = false;
            line = next;
            continue;
        }
        // MDX `import` and `export` at the top level, up to a blank line.
        if rules.esm
            && indent == 0
            && (in_esm
                || (previous_blank
                    && (trimmed.starts_with("import ") || trimmed.starts_with("export "))))
        {
            if trimmed.starts_with("import ") || trimmed.starts_with("export ") {
                layout.landmarks.push((
                    line,
                    trimmed.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
            }
            in_esm = true;
            layout.blank.push(line..content_end);
            previous_blank = false;
            line = next;
            continue;
        }
        // Tags at the start of the line.
        let mut at = line + indent;
        let mut on_line = Vec::new();
        let mut end_line = content_end;
        let mut next_line = next;
        if let Some(recognise) = rules.tag {
            while let Some(tag) = recognise(&text[at..], prose) {
                let len = tag.len;
                on_line.push((at, tag));
                at += len;
                // A tag spanning lines moves the line's end.
                if at > end_line {
                    (end_line, next_line) = line_bounds(text, at);
                }
                let rest = &text[at..end_line];
                at += rest.len() - rest.trim_start_matches([' ', '\t']).len();
                if at >= end_line {
                    break;
                }
            }
        }
        let alone = !on_line.is_empty() && at >= end_line;
        if alone {
            layout.blank.push(line..end_line);
            let glued = !previous_blank && !previous_tags;
            for (tag_at, tag) in on_line {
                if glued && tag.kind == TagKind::Open && tag.name == ":::" {
                    layout.diagnostics.push((
                        tag_at,
                        "glued-container",
                        format!(
                            "`{}` follows a line of text without a blank line: it is read as part of that paragraph",
                            tag.shape
                        ),
                    ));
                }
                found.push(Found {
                    at: tag_at,
                    tag,
                    alone: true,
                });
            }
            previous_tags = true;
            previous_blank = false;
            line = next_line;
            continue;
        }
        for (tag_at, tag) in on_line {
            found.push(Found {
                at: tag_at,
                tag,
                alone: false,
            });
        }
        // A closing tag at the end of a line of text (which ends as tags end).
        if let Some(recognise) = rules.tag
            && text[at..end_line].trim_end().ends_with(['>', '}'])
        {
            let line_text = &text[at..end_line];
            for opener in ["{{", "</"] {
                if let Some(k) = line_text.rfind(opener)
                    && k > 0
                    && let Some(tag) = recognise(&line_text[k..], prose)
                    && tag.kind == TagKind::Close
                    && line_text[k + tag.len..].trim().is_empty()
                {
                    found.push(Found {
                        at: at + k,
                        tag,
                        alone: false,
                    });
                    break;
                }
            }
        }
        // A line made only of placeholders (`{{CSSRef}}`) is structure,
        // when it starts a block: one that goes on a paragraph
        // (`{{jsxref("Float32Array")}}.` wrapped there) is a sentence's end.
        let rest = &text[line + indent..end_line];
        let starts_block = previous_blank
            || line == 0
            || rest.trim_start().starts_with(['-', '*', '+', '|', '#'])
            || rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        // A line of macros is a block of its own: the next may start one.
        let mut macros = false;
        if rules.tag.is_none()
            && starts_block
            && let Some(shape) = placeholders_only(rest, rules)
        {
            layout.landmarks.push((line + indent, shape));
            macros = true;
        }
        previous_blank = macros;
        previous_tags = false;
        line = next_line;
    }
    pair(text, found, &mut layout);
    layout.landmarks.sort_by_key(|(at, _)| *at);
    layout
}

/// Whether `text` may hold a template placeholder at all.
fn has_templates(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"{{").is_some()
}

/// Where the front matter ends (0 without one).
fn front_matter_end(text: &str) -> usize {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - body.len();
    for fence in ["---", "+++"] {
        let Some(rest) = body.strip_prefix(fence) else {
            continue;
        };
        if !rest.starts_with('\n') && !rest.starts_with("\r\n") {
            continue;
        }
        let mut at = offset + fence.len();
        while at < text.len() {
            let (end, next) = line_bounds(text, at);
            if at > offset + fence.len() && text[at..end].trim_end() == fence {
                return next;
            }
            at = next;
        }
    }
    0
}

/// The shapes of the placeholders on a line that has no words outside
/// them (`{{CSSRef}}`, `- {{cssxref("color")}}`, a table row of macros),
/// if it is one: such a line is structure, no segment holds it.
fn placeholders_only(text: &str, rules: &Rules) -> Option<String> {
    let mut shapes = Vec::new();
    let mut rest = text.trim();
    if rest.is_empty() || !rest.contains("{{") {
        return None;
    }
    while let Some(c) = rest.chars().next() {
        if let Some(len) = (rules.placeholder)(rest) {
            shapes.push(model::text::placeholder_shape(&rest[..len]));
            rest = &rest[len..];
        } else if c.is_alphanumeric() || c == '`' {
            // Words, or code: a segment's.
            return None;
        } else {
            rest = &rest[c.len_utf8()..];
        }
    }
    (!shapes.is_empty()).then(|| shapes.join(" "))
}

/// Pairs opening and closing tags into containers; what cannot be paired
/// is a diagnostic.
fn pair(text: &str, found: Vec<Found>, layout: &mut Layout) {
    let mut stack: Vec<usize> = Vec::new();
    // Per found tag: whether it is structure (opens, closes or stands on a line of its own).
    let mut structural = vec![false; found.len()];
    let mut bodies: Vec<(usize, usize)> = Vec::new();
    for k in 0..found.len() {
        match found[k].tag.kind {
            TagKind::Open | TagKind::Maybe => stack.push(k),
            TagKind::Single => structural[k] = found[k].alone,
            TagKind::Close => {
                let name = &found[k].tag.name;
                match stack.iter().rposition(|&o| found[o].tag.name == *name) {
                    Some(depth) => {
                        for &o in &stack[depth + 1..] {
                            unclosed(text, &found, o, found[k].at, layout);
                            structural[o] = found[o].alone;
                        }
                        let o = stack[depth];
                        stack.truncate(depth);
                        structural[o] = true;
                        structural[k] = true;
                        bodies.push((o, k));
                    }
                    None => {
                        structural[k] = found[k].alone;
                        layout.diagnostics.push((
                            found[k].at,
                            "unmatched-closer",
                            format!("`{}` closes nothing that is open", found[k].tag.shape),
                        ));
                    }
                }
            }
        }
    }
    for &o in &stack {
        unclosed(text, &found, o, text.len(), layout);
        structural[o] = found[o].alone;
    }
    for (o, k) in bodies {
        let body = found[o].at + found[o].tag.len..found[k].at;
        if let Some(container) = found[o].tag.container.clone() {
            layout.containers.push((body, container));
        }
    }
    layout
        .containers
        .sort_by_key(|(body, _)| (body.start, std::cmp::Reverse(body.end)));
    for (k, f) in found.into_iter().enumerate() {
        if !structural[k] {
            continue;
        }
        if !f.alone {
            layout.edge_tags.push(f.at..f.at + f.tag.len);
        }
        for (range, kind) in f.tag.prose {
            layout
                .prose
                .push((f.at + range.start..f.at + range.end, kind));
        }
        layout.landmarks.push((f.at, f.tag.shape));
    }
    layout.edge_tags.sort_by_key(|r| r.start);
}

/// Records an opening tag that was never closed: a tag that must close
/// (`:::`, a JSX element) is a diagnostic, at the line after the last text
/// before `until` (where its closer is missing); a Hugo shortcode that may
/// stand alone just does.
fn unclosed(text: &str, found: &[Found], o: usize, until: usize, layout: &mut Layout) {
    let f = &found[o];
    if f.tag.kind == TagKind::Maybe {
        return;
    }
    let before = text[..until].trim_end_matches([' ', '\t', '\r', '\n']);
    let at = (before.len() + 1).min(until).max(f.at);
    layout.diagnostics.push((
        at,
        "unclosed-container",
        format!(
            "`{}` (line {}) is not closed before this line",
            f.tag.shape,
            1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..f.at]).count()
        ),
    ));
}
