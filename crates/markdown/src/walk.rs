//! Walks pulldown-cmark's events over one region and collects raw segments:
//! the translatable runs of inline Markdown, split where a paragraph is made
//! only of links and images, with MkDocs containers parsed as regions of
//! their own.

use std::ops::Range;
use std::sync::Arc;

use model::{Container, Diagnostic, SegmentKind, Spans};
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, MetadataBlockKind, Parser, Tag, TagEnd,
};

use crate::dialect::Rules;
use crate::front_matter;
use crate::layout::{self, Layout};
use crate::region::{Region, content_end, line_bounds, line_start, next_line, push_spaces};
use crate::syntax::{self, Skip};

/// A segment before ids and skeleton: its kind, source pieces (one per line) and containers.
#[derive(Debug)]
pub(crate) struct Raw {
    pub kind: SegmentKind,
    pub pieces: Spans,
    pub containers: Arc<[Container]>,
}

/// What the walk of a whole document produces.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub raws: Vec<Raw>,
    /// Diagnostics with the source offset they are about.
    pub diagnostics: Vec<(usize, Diagnostic)>,
}

/// The dialect's rules, the translatable front-matter keys and other
/// choices, shared by every region.
#[derive(Debug)]
pub(crate) struct Config<'o> {
    pub rules: &'static Rules,
    pub front_matter_keys: &'o [String],
    pub prose_arguments: &'o [String],
}

/// The blocks the walker tracks.
#[allow(clippy::enum_variant_names, reason = "BlockQuote is CommonMark's name")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Heading,
    Item,
    TableCell,
    Term,
    Definition,
    BlockQuote,
    /// A GitHub alert, `> [!NOTE]`: a block quote of a kind.
    Alert(BlockQuoteKind),
    FootnoteDefinition,
    DefinitionList,
    Table,
    /// Code, HTML and metadata blocks: their text is never translated.
    Opaque,
    Other,
}

impl Block {
    /// The container a block is for a segment inside it, if any.
    fn container(self) -> Option<Container> {
        Some(match self {
            Block::Item => Container::ListItem,
            Block::BlockQuote => Container::BlockQuote,
            Block::Alert(kind) => Container::Alert {
                kind: alert_name(kind).to_owned(),
            },
            Block::Table => Container::Table,
            Block::FootnoteDefinition => Container::FootnoteDefinition,
            Block::DefinitionList => Container::DefinitionList,
            _ => return None,
        })
    }

    fn holds_text(self) -> bool {
        matches!(
            self,
            Block::Paragraph
                | Block::Heading
                | Block::Item
                | Block::TableCell
                | Block::Term
                | Block::Definition
        )
    }
}

/// A link or image of a run, with the range of its text.
#[derive(Debug)]
struct Link<'e> {
    range: Range<usize>,
    inner: Option<Range<usize>>,
    title: CowStr<'e>,
    image: bool,
    parent: Option<usize>,
}

/// The inline Markdown of one block being collected (one run at a time,
/// its vectors kept from block to block).
#[derive(Debug, Default)]
struct Run<'e> {
    /// Whether a block's inline Markdown is being collected.
    active: bool,
    owner: usize,
    start: usize,
    end: usize,
    links: Vec<Link<'e>>,
    open: Vec<usize>,
    /// Something other than links, images and plain text at the top level.
    prose: bool,
}

impl<'e> Run<'e> {
    fn extend(&mut self, range: &Range<usize>) {
        self.start = self.start.min(range.start);
        self.end = self.end.max(range.end);
        if let Some(&open) = self.open.last() {
            let link = &mut self.links[open];
            let inner = link.inner.get_or_insert(range.clone());
            inner.start = inner.start.min(range.start);
            inner.end = inner.end.max(range.end);
        }
    }
}

struct Walker<'r, 'c, 'o> {
    region: &'r Region<'r>,
    config: &'c Config<'o>,
    base: Arc<[Container]>,
    out: &'c mut Collected,
    stack: Vec<Block>,
    /// Where each block of `stack` starts.
    starts: Vec<usize>,
    /// `base` and the containers on `stack`, as last made…
    containers: Arc<[Container]>,
    /// …and whether the stack's containers are still those…
    containers_fresh: bool,
    /// …and how many of the layout's containers were among them.
    containers_around: usize,
    /// The dialect's block structure found by a line scan (tags, ESM).
    layout: Layout,
    /// Events are skipped while inside `skip` (a container already handled) or
    /// while `skip_depth` blocks opened inside it are still open.
    skip: Range<usize>,
    skip_depth: usize,
    /// The range of a block not to translate (after `<!-- bitext: skip -->`).
    suppressed: Range<usize>,
    suppress_next: bool,
    suppressing: bool,
    /// The attribute lists between the links of a paragraph being split (kept for its allocation).
    attrs: Vec<Range<usize>>,
    /// The container bodies blanked before parsing, by ascending `from`.
    masked: Vec<Masked>,
}

/// Collects the segments of `region`, whose blocks sit inside `base` containers.
pub(crate) fn walk(
    region: &Region<'_>,
    config: &Config<'_>,
    base: Arc<[Container]>,
    out: &mut Collected,
) {
    let text: &str = &region.text;
    let layout = layout::scan(text, config.rules, config.prose_arguments);
    let mut walker = Walker {
        region,
        config,
        containers: Arc::clone(&base),
        containers_fresh: true,
        containers_around: 0,
        layout,
        base,
        out,
        stack: Vec::new(),
        starts: Vec::new(),
        skip: 0..0,
        skip_depth: 0,
        suppressed: 0..0,
        suppress_next: false,
        suppressing: false,
        attrs: Vec::new(),
        masked: Vec::new(),
    };
    let mut masked = if config.rules.mkdocs {
        mask_bodies(text, &mut walker.masked)
    } else {
        None
    };
    if !walker.layout.blank.is_empty() {
        let copy = masked.get_or_insert_with(|| text.to_owned());
        blank_lines(copy, &walker.layout.blank);
    }
    walker.layout_segments();
    let parsed = masked.as_deref().unwrap_or(text);
    let mut run = Run::default();
    for (event, range) in Parser::new_ext(parsed, config.rules.parser_options).into_offset_iter() {
        if walker.skipping(&event, &range) {
            continue;
        }
        match event {
            Event::Start(Tag::Link { title, .. }) => {
                walker.inline_start(&mut run, &range, title, false)
            }
            Event::Start(Tag::Image { title, .. }) => {
                walker.inline_start(&mut run, &range, title, true)
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript,
            ) => {
                walker.inline(&mut run, &range, true);
            }
            Event::Start(tag) => {
                walker.flush(&mut run);
                if walker.suppress_next {
                    walker.suppress_next = false;
                    walker.suppressed = range.clone();
                }
                let block = match tag {
                    Tag::Paragraph => {
                        if walker.config.rules.mkdocs && walker.container_chain(range.start) {
                            walker.skip_depth = 1;
                            continue;
                        }
                        Block::Paragraph
                    }
                    Tag::Heading { .. } => Block::Heading,
                    Tag::Item => Block::Item,
                    Tag::TableCell => Block::TableCell,
                    Tag::DefinitionListTitle => Block::Term,
                    Tag::DefinitionListDefinition => Block::Definition,
                    Tag::BlockQuote(Some(kind)) if !walker.config.rules.mkdocs => {
                        Block::Alert(kind)
                    }
                    Tag::BlockQuote(_) => Block::BlockQuote,
                    Tag::FootnoteDefinition(_) => Block::FootnoteDefinition,
                    Tag::DefinitionList => Block::DefinitionList,
                    Tag::Table(_) => Block::Table,
                    Tag::CodeBlock(kind) => {
                        walker.code_block(&kind, &range);
                        Block::Opaque
                    }
                    Tag::HtmlBlock => {
                        walker.html_block(&range);
                        Block::Opaque
                    }
                    Tag::MetadataBlock(kind) => {
                        walker.front_matter(&range, kind);
                        Block::Opaque
                    }
                    _ => Block::Other,
                };
                walker.push(block, range.start);
            }
            Event::End(end) => match end {
                TagEnd::Link | TagEnd::Image => {
                    if run.active {
                        run.open.pop();
                    }
                }
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => {}
                _ => {
                    walker.flush(&mut run);
                    walker.pop();
                }
            },
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => {
                walker.inline(&mut run, &range, false)
            }
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_) => walker.inline(&mut run, &range, true),
            Event::Html(html) => walker.html(&html),
            Event::TaskListMarker(_) | Event::Rule => {}
        }
    }
    walker.flush(&mut run);
}

impl<'r, 'c, 'o> Walker<'r, 'c, 'o> {
    /// Whether an event belongs to a container body handled already.
    fn skipping(&mut self, event: &Event<'_>, range: &Range<usize>) -> bool {
        let inside = self.skip.contains(&range.start);
        if !inside && self.skip_depth == 0 {
            return false;
        }
        match event {
            Event::Start(_) if self.skip_depth > 0 || inside => self.skip_depth += 1,
            Event::End(_) if self.skip_depth > 0 => self.skip_depth -= 1,
            // The end of a block that opened before the container is not skipped.
            Event::End(_) => return false,
            _ => {}
        }
        true
    }

    fn push(&mut self, block: Block, start: usize) {
        if block.container().is_some() {
            self.containers_fresh = false;
        }
        self.stack.push(block);
        self.starts.push(start);
    }

    fn pop(&mut self) {
        self.starts.pop();
        if self.stack.pop().is_some_and(|b| b.container().is_some()) {
            self.containers_fresh = false;
        }
    }

    /// The containers around a block opened now, outermost first. The last
    /// ones made are used again when they are the same (the next item of a
    /// list, the next cell of a table).
    fn containers(&mut self) -> Arc<[Container]> {
        if !self.containers_fresh || self.containers_around > 0 {
            let on_stack = || self.stack.iter().filter_map(|b| b.container());
            let made = &self.containers;
            let base = self.base.len();
            let same = made.len() == base + on_stack().count()
                && made[..base] == self.base[..]
                && made[base..].iter().zip(on_stack()).all(|(a, b)| *a == b);
            if !same {
                self.containers = if on_stack().next().is_none() {
                    Arc::clone(&self.base)
                } else {
                    self.base.iter().cloned().chain(on_stack()).collect()
                };
            }
            self.containers_fresh = true;
            self.containers_around = 0;
        }
        Arc::clone(&self.containers)
    }

    /// The containers around a segment starting at `offset`: those of the
    /// blocks open now and the dialect's containers whose bodies hold it,
    /// in the order they open.
    fn containers_at(&mut self, offset: usize) -> Arc<[Container]> {
        if self.layout.containers.is_empty() {
            return self.containers();
        }
        let mut around: Vec<(usize, Container)> = self
            .layout
            .around(offset)
            .map(|(start, c)| (start, c.clone()))
            .collect();
        if around.is_empty() {
            return self.containers();
        }
        around.extend(
            self.stack
                .iter()
                .zip(&self.starts)
                .filter_map(|(b, &start)| Some((start, b.container()?))),
        );
        around.sort_by_key(|(start, _)| *start);
        let all: Vec<Container> = self
            .base
            .iter()
            .cloned()
            .chain(around.into_iter().map(|(_, c)| c))
            .collect();
        if self.containers[..] != all[..] {
            self.containers = all.into();
        }
        self.containers_around = 1;
        Arc::clone(&self.containers)
    }

    /// The containers of a region inside the current block and `container`.
    fn child_base(&mut self, container: Container) -> Arc<[Container]> {
        let mut base = self.containers().to_vec();
        base.push(container);
        base.into()
    }

    fn blockquote_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|b| matches!(b, Block::BlockQuote | Block::Alert(_)))
            .count()
    }

    /// The segments and diagnostics of the dialect's block structure: the
    /// prose of tags (titles, prose arguments), problems of pairing.
    fn layout_segments(&mut self) {
        let prose = std::mem::take(&mut self.layout.prose);
        for (range, kind) in &prose {
            if !self.is_suppressed(range.start) {
                self.emit_words(*kind, range.clone());
            }
        }
        self.layout.prose = prose;
        for (offset, kind, message) in std::mem::take(&mut self.layout.diagnostics) {
            self.diagnose(offset, kind, message);
        }
    }

    /// Whether `text` has anything to translate, for this dialect.
    fn has_words(&self, text: &str) -> bool {
        syntax::has_words(text, self.config.rules.placeholder)
    }

    fn is_suppressed(&self, offset: usize) -> bool {
        self.suppressing || self.suppressed.contains(&offset)
    }

    fn diagnose(&mut self, offset: usize, kind: &'static str, message: String) {
        let source = self.region.to_source(offset);
        self.out.diagnostics.push((
            source,
            Diagnostic {
                kind,
                line: 0,
                message,
            },
        ));
    }

    fn inline_start<'e>(
        &mut self,
        run: &mut Run<'e>,
        range: &Range<usize>,
        title: CowStr<'e>,
        image: bool,
    ) {
        let Some(run) = self.run_for(run, range) else {
            return;
        };
        run.extend(range);
        let parent = run.open.last().copied();
        run.links.push(Link {
            range: range.clone(),
            inner: None,
            title,
            image,
            parent,
        });
        run.open.push(run.links.len() - 1);
    }

    fn inline(&mut self, run: &mut Run<'_>, range: &Range<usize>, prose: bool) {
        if let Some(run) = self.run_for(run, range) {
            if prose && run.open.is_empty() {
                run.prose = true;
            }
            run.extend(range);
        }
    }

    /// The run that an inline event at `range` belongs to, started if needed.
    fn run_for<'a, 'e>(
        &self,
        run: &'a mut Run<'e>,
        range: &Range<usize>,
    ) -> Option<&'a mut Run<'e>> {
        if !run.active {
            let owner = self.stack.len().checked_sub(1)?;
            if !self.stack[owner].holds_text() {
                return None;
            }
            run.active = true;
            run.owner = owner;
            run.start = range.start;
            run.end = range.end;
            run.links.clear();
            run.open.clear();
            run.prose = false;
        }
        Some(run)
    }

    /// The segment kind of text owned by the block at `owner` on the stack.
    fn kind(&self, owner: usize) -> SegmentKind {
        match self.stack[owner] {
            Block::Heading => return SegmentKind::Heading,
            Block::TableCell => return SegmentKind::TableCell,
            Block::Term => return SegmentKind::Term,
            Block::Definition => return SegmentKind::Definition,
            Block::Item => return SegmentKind::ListItem,
            _ => {}
        }
        for block in self.stack[..owner].iter().rev() {
            match block {
                Block::Item => return SegmentKind::ListItem,
                Block::FootnoteDefinition => return SegmentKind::Footnote,
                Block::Definition => return SegmentKind::Definition,
                Block::BlockQuote | Block::Alert(_) => return SegmentKind::Paragraph,
                _ => {}
            }
        }
        SegmentKind::Paragraph
    }

    /// Turns a finished run into segments.
    fn flush(&mut self, run: &mut Run<'_>) {
        if !std::mem::replace(&mut run.active, false) {
            return;
        }
        if self.is_suppressed(run.start) {
            return;
        }
        let text: &str = &self.region.text;
        let mut start = run.start;
        // An escaped first character: the backslash belongs to the text.
        if start > 0 && text.as_bytes()[start - 1] == b'\\' {
            start -= 1;
        }
        let range = self.layout.trim_tags(text, trim(text, start..run.end));
        if range.is_empty() {
            return;
        }
        let block = self.stack[run.owner];
        let (kind, range) = self.definition(self.kind(run.owner), range);
        let content = &text[range.clone()];
        if block == Block::Paragraph && self.config.rules.mkdocs {
            if syntax::is_snippet(content) {
                return;
            }
            if let Some(values) = syntax::abbreviations(content) {
                for value in values {
                    let value = range.start + value.start..range.start + value.end;
                    self.emit(SegmentKind::Abbreviation, value);
                }
                return;
            }
        }
        if matches!(block, Block::Paragraph | Block::Item)
            && !run.prose
            && self.split_links(run, range.clone())
        {
            return;
        }
        let range = strip_trailing_attrs(text, range);
        if self.has_words(&text[range.clone()]) {
            self.emit(kind, range);
        }
    }

    /// An MDN definition list: a list item whose text starts with `: ` is
    /// a definition (its text after the colon), and an item followed by
    /// such an item is a term. Other kinds and dialects are left as they are.
    fn definition(&self, kind: SegmentKind, range: Range<usize>) -> (SegmentKind, Range<usize>) {
        if kind != SegmentKind::ListItem || !self.config.rules.dash_definitions {
            return (kind, range);
        }
        let text: &str = &self.region.text;
        let content = &text[range.clone()];
        if let Some(rest) = content.strip_prefix(':')
            && (rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
        {
            let start = range.end - rest.trim_start().len();
            return (SegmentKind::Definition, start..range.end);
        }
        let mut next = next_line(text, range.end.saturating_sub(1).max(range.start));
        while next < text.len() && text[next..content_end(text, next)].trim().is_empty() {
            next = next_line(text, next);
        }
        let line = text[next..content_end(text, next)].trim_start();
        let is_term = ["- :", "* :", "+ :"]
            .iter()
            .any(|m| line.starts_with(m) && line[m.len()..].starts_with([' ', '\t']))
            || matches!(line, "- :" | "* :" | "+ :");
        if is_term {
            (SegmentKind::Term, range)
        } else {
            (kind, range)
        }
    }

    /// Splits a paragraph made only of links and images into one segment per
    /// link text, alt text and title; returns false when it has prose.
    fn split_links(&mut self, run: &Run<'_>, range: Range<usize>) -> bool {
        let text: &str = &self.region.text;
        if run.links.iter().all(|l| l.parent.is_some()) {
            return false;
        }
        // What lies between the links must be blanks, attribute lists, icons or annotations.
        let mut attrs = std::mem::take(&mut self.attrs);
        attrs.clear();
        let mut at = range.start;
        let mut decoration_only = true;
        for link in run.links.iter().filter(|l| l.parent.is_none()) {
            decoration_only =
                decoration_only && decoration(text, at..link.range.start.max(at), &mut attrs);
            at = at.max(link.range.end);
        }
        decoration_only = decoration_only && decoration(text, at..range.end.max(at), &mut attrs);
        if !decoration_only {
            self.attrs = attrs;
            return false;
        }
        for (index, link) in run.links.iter().enumerate() {
            let nested_images = run.links.iter().any(|l| l.parent == Some(index));
            let is_top = link.parent.is_none();
            let in_top_link = link.parent.is_some_and(|p| run.links[p].parent.is_none());
            if !(is_top || (link.image && in_top_link)) {
                continue;
            }
            if let Some(inner) = link.inner.clone() {
                if link.image {
                    self.emit_words(SegmentKind::ImageAlt, trim(text, inner));
                } else if !nested_images {
                    self.emit_words(SegmentKind::LinkText, syntax::trim_decoration(text, inner));
                }
            }
            if let Some(title) = find_title(text, link) {
                self.emit_words(SegmentKind::LinkTitle, title);
            }
        }
        for attr in &attrs {
            for title in syntax::attr_titles(&text[attr.clone()]) {
                self.emit_words(
                    SegmentKind::AttributeTitle,
                    attr.start + title.start..attr.start + title.end,
                );
            }
        }
        self.attrs = attrs;
        true
    }

    /// [`Walker::emit`] when `range` holds words.
    fn emit_words(&mut self, kind: SegmentKind, range: Range<usize>) {
        if !range.is_empty() && self.has_words(&self.region.text[range.clone()]) {
            self.emit(kind, range);
        }
    }

    /// Records a segment whose text is `range` of the region, cut into lines
    /// without their container indentation.
    fn emit(&mut self, kind: SegmentKind, range: Range<usize>) {
        let text: &str = &self.region.text;
        let quotes = self.blockquote_depth();
        let mut pieces = Spans::default();
        let mut line_start = range.start;
        loop {
            let rest = &text.as_bytes()[line_start..range.end];
            let Some(newline) = memchr::memchr(b'\n', rest) else {
                pieces.push(self.region.range_to_source(line_start..range.end));
                break;
            };
            let mut end = line_start + newline;
            if end > line_start && text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
            pieces.push(self.region.range_to_source(line_start..end));
            let next = line_start + newline + 1;
            line_start = next + continuation_prefix(&text[next..range.end], quotes);
        }
        let containers = self.containers_at(range.start);
        self.out.raws.push(Raw {
            kind,
            pieces,
            containers,
        });
    }

    /// Handles the container markers starting at paragraph offset `start`
    /// (and the markers at the same column right after each body). Returns
    /// false when the paragraph is not a container.
    fn container_chain(&mut self, start: usize) -> bool {
        let text: &str = &self.region.text;
        if !matches!(text.as_bytes().get(start), Some(b'!' | b'?' | b'=')) {
            return false;
        }
        let line_start = line_start(text, start);
        if !text[line_start..start]
            .bytes()
            .all(|b| b == b' ' || b == b'\t')
        {
            return false;
        }
        let column = start - line_start;
        let mut at = start;
        let mut handled = false;
        while let Some(marker) = syntax::marker(&text[at..content_end(text, at)]) {
            handled = true;
            let end = self.container(at, column, marker);
            self.skip = start..end;
            // Another marker at the same column, after blank lines, continues the chain.
            let mut next = end;
            while next < text.len() && text[next..content_end(text, next)].trim().is_empty() {
                next = next_line(text, next);
            }
            let (indent, rest) = split_indent(&text[next..content_end(text, next)]);
            if next >= text.len() || indent != column || !syntax::is_marker(rest) {
                break;
            }
            at = next + indent;
        }
        handled
    }

    /// Handles one container whose marker is at `at`; returns the end of its body.
    fn container(&mut self, at: usize, column: usize, marker: syntax::Marker) -> usize {
        let text: &str = &self.region.text;
        let suppressed = self.is_suppressed(at);
        let title_kind = match marker.container {
            Container::Tab => SegmentKind::TabTitle,
            _ => SegmentKind::AdmonitionTitle,
        };
        if let Some(title) = marker.title.clone()
            && !suppressed
            && self.has_words(&text[at + title.start..at + title.end])
        {
            self.emit(title_kind, at + title.start..at + title.end);
        }
        let from = next_line(text, at);
        // Found already when the bodies were blanked, mostly.
        let found = self
            .masked
            .binary_search_by_key(&from, |m| m.from)
            .ok()
            .filter(|&k| self.masked[k].column == column)
            .and_then(|k| self.masked[k].body.take());
        let Body { lines, end } = found.unwrap_or_else(|| body(text, from, column));
        if lines.is_empty() {
            let label = marker_label(&marker.container);
            self.diagnose(
                at,
                "empty-container",
                format!(
                    "`{label}` has no indented body (its content must be indented by 4 spaces)"
                ),
            );
            return end;
        }
        if !suppressed {
            let child = self.region.child(&lines);
            let base = self.child_base(marker.container);
            walk(&child, self.config, base, self.out);
        }
        end
    }

    fn code_block(&mut self, kind: &CodeBlockKind<'_>, range: &Range<usize>) {
        // An indented code block that reads as Markdown is often a container whose marker line was lost.
        if let CodeBlockKind::Indented = kind
            && self.config.rules.mkdocs
        {
            let text = &self.region.text[range.clone()];
            let markdown_lines = text
                .lines()
                .map(str::trim_start)
                .filter(|l| {
                    l.starts_with("![")
                        || l.contains("](")
                        || l.starts_with("**")
                        || syntax::is_marker(l)
                })
                .count();
            if markdown_lines > 0 {
                self.diagnose(
                    range.start,
                    "markdown-in-code-block",
                    "an indented code block holds Markdown; is a container marker (`!!! type`) missing above it?"
                        .to_owned(),
                );
            }
        }
    }

    fn html_block(&mut self, range: &Range<usize>) {
        let text: &str = &self.region.text;
        if self.config.rules.summaries {
            self.summaries(range);
        }
        if !self.config.rules.mkdocs {
            return;
        }
        let first_end = content_end(text, range.start);
        if !syntax::opens_markdown_html(&text[range.start..first_end]) {
            return;
        }
        // Markdown inside the element's HTML block (no blank line after the
        // opening tag): parse the lines after the tag as a region.
        let mut lines = Vec::new();
        let mut line = next_line(text, range.start);
        while line < range.end {
            let next = next_line(text, line);
            let content = text[line..content_end(text, line)].trim();
            if !(content.starts_with("</") && content.ends_with('>')) {
                lines.push((line..next, 0));
            }
            line = next;
        }
        if !lines.is_empty() && !self.is_suppressed(range.start) {
            let child = self.region.child(&lines);
            let base = self.child_base(Container::HtmlMarkdown);
            walk(&child, self.config, base, self.out);
        }
    }

    fn html(&mut self, html: &str) {
        match syntax::directive(html) {
            Some(Skip::Next) => self.suppress_next = true,
            Some(Skip::Start) => self.suppressing = true,
            Some(Skip::End) => self.suppressing = false,
            None => {}
        }
    }

    /// The titles of `<details>` blocks, `<summary>Title</summary>`, in an HTML block.
    fn summaries(&mut self, range: &Range<usize>) {
        let text: &str = &self.region.text;
        let block = &text[range.clone()];
        let mut at = 0;
        while let Some(open) = block[at..].find("<summary") {
            let Some(gt) = block[at + open..].find('>') else {
                break;
            };
            let start = at + open + gt + 1;
            let Some(close) = block[start..].find("</summary>") else {
                break;
            };
            let inner = trim(text, range.start + start..range.start + start + close);
            if !block[start..start + close].contains('<') {
                self.emit_words(SegmentKind::AdmonitionTitle, inner);
            }
            at = start + close;
        }
    }

    fn front_matter(&mut self, range: &Range<usize>, kind: MetadataBlockKind) {
        let text: &str = &self.region.text;
        let block = &text[range.clone()];
        let keys = self.config.front_matter_keys;
        let values = match kind {
            MetadataBlockKind::YamlStyle => front_matter::values(block, keys),
            MetadataBlockKind::PlusesStyle => front_matter::toml_values(block, keys),
        };
        for value in values {
            let mut pieces = Spans::default();
            for piece in value {
                pieces.push(
                    self.region
                        .range_to_source(range.start + piece.start..range.start + piece.end),
                );
            }
            self.out.raws.push(Raw {
                kind: SegmentKind::FrontMatter,
                pieces,
                containers: Arc::clone(&self.base),
            });
        }
    }
}

/// A GitHub alert's kind as written, `NOTE`.
fn alert_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "NOTE",
        BlockQuoteKind::Tip => "TIP",
        BlockQuoteKind::Important => "IMPORTANT",
        BlockQuoteKind::Warning => "WARNING",
        BlockQuoteKind::Caution => "CAUTION",
    }
}

/// Replaces the content of each of `lines` (ranges within lines) with spaces.
fn blank_lines(text: &mut String, lines: &[Range<usize>]) {
    let mut bytes = std::mem::take(text).into_bytes();
    for range in lines {
        for b in &mut bytes[range.clone()] {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
    }
    *text = String::from_utf8(bytes).expect("only ASCII bytes written over whole lines");
}

fn marker_label(container: &Container) -> String {
    match container {
        Container::Tab => "===".to_owned(),
        other => other.to_string(),
    }
}

/// The lines of a container body: each line (with its terminator) and how
/// many bytes of indentation to strip from it; `end` is where the body ends.
struct Body {
    lines: Vec<(Range<usize>, usize)>,
    end: usize,
}

/// The body of a container whose marker is at `column` and whose marker line
/// ends (terminator included) at `from`: the following blank lines and lines
/// indented by at least `column + 4`, without trailing blank lines.
fn body(text: &str, from: usize, column: usize) -> Body {
    let body_indent = column + 4;
    let mut lines = Vec::new();
    let mut pending = Vec::new();
    let mut end = from;
    let mut line = from;
    while line < text.len() {
        let (content_end, next) = line_bounds(text, line);
        let content = &text[line..content_end];
        let (indent, rest) = split_indent(content);
        if rest.is_empty() {
            pending.push((line..next, strip_len(content, body_indent)));
        } else if indent >= body_indent {
            lines.append(&mut pending);
            lines.push((line..next, strip_len(content, body_indent)));
            end = next;
        } else {
            break;
        }
        line = next;
    }
    Body { lines, end }
}

/// A copy of `text` with every container body blanked out (spaces, same
/// length, line breaks kept), so that pulldown-cmark reads each byte once:
/// the bodies are parsed as regions of their own. `None` when there is no
/// container. Markers are found wherever they start a line, whatever block
/// the line is in; one inside fenced code only blanks code lines (a closing
/// fence is indented less than a body), and a marker missed here is still
/// handled when its paragraph comes. Each body blanked is added to `bodies`.
fn mask_bodies(text: &str, bodies: &mut Vec<Masked>) -> Option<String> {
    // The lines whose first non-blank bytes are `!!!`, `???` or `===`,
    // found in one pass over the (rare) bytes `!`, `?` and `=` rather than
    // line by line. Past a line's first run of three, the rest of the line
    // cannot start with one: each line is looked at once. In order, once each.
    let bytes = text.as_bytes();
    let mut candidates: Vec<usize> = Vec::new();
    let mut line_end = 0;
    for at in memchr::memchr3_iter(b'!', b'?', b'=', bytes) {
        let b = bytes[at];
        if at < line_end || bytes.get(at + 1) != Some(&b) || bytes.get(at + 2) != Some(&b) {
            continue;
        }
        let line = line_start(text, at);
        if bytes[line..at].iter().all(|b| matches!(b, b' ' | b'\t')) {
            candidates.push(line);
        }
        line_end = next_line(text, at);
    }
    if candidates.is_empty() {
        return None;
    }
    let mut masked = String::new();
    let mut copied = 0;
    for line in candidates {
        if line < copied {
            continue;
        }
        let (content_end, next) = line_bounds(text, line);
        let (column, rest) = split_indent(&text[line..content_end]);
        if !syntax::is_marker(rest) {
            continue;
        }
        let Body { lines, end } = body(text, next, column);
        if lines.is_empty() {
            continue;
        }
        if masked.is_empty() {
            masked.reserve(text.len());
        }
        masked.push_str(&text[copied..next]);
        // Blank every body line, keeping its terminator.
        for (range, _) in &lines {
            let (content_end, _) = line_bounds(text, range.start);
            push_spaces(&mut masked, content_end - range.start);
            masked.push_str(&text[content_end..range.end]);
        }
        copied = end;
        bodies.push(Masked {
            from: next,
            column,
            body: Some(Body { lines, end }),
        });
    }
    if copied == 0 {
        return None;
    }
    masked.push_str(&text[copied..]);
    Some(masked)
}

/// A body that [`mask_bodies`] blanked, kept for the walk to parse: the
/// body of the marker at `column` whose line ends at `from`. The column is
/// the indentation's width, the walker's is in bytes: they agree, and the
/// body is used, when the marker is indented with spaces; otherwise the
/// walker finds the body again.
struct Masked {
    from: usize,
    column: usize,
    body: Option<Body>,
}

/// The width of a line's indentation (tabs to the next multiple of 4) and the rest.
fn split_indent(line: &str) -> (usize, &str) {
    let mut width = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => return (width, &line[i..]),
        }
    }
    (width, "")
}

/// How many bytes of a line's indentation make up `columns` columns (fewer on a short or blank line).
fn strip_len(line: &str, columns: usize) -> usize {
    let mut width = 0;
    for (i, b) in line.bytes().enumerate() {
        if width >= columns {
            return i;
        }
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => return i,
        }
    }
    line.len()
}

/// The indentation and `>` markers that start a continuation line of a paragraph.
fn continuation_prefix(line: &str, quotes: usize) -> usize {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut quotes_left = quotes;
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        if quotes_left > 0 && i < bytes.len() && bytes[i] == b'>' {
            quotes_left -= 1;
            i += 1;
        } else {
            return i;
        }
    }
}

/// Whether `gap` of `text` holds only blanks, attribute lists (added to
/// `attrs`), icon shortcodes and annotations.
fn decoration(text: &str, gap: Range<usize>, attrs: &mut Vec<Range<usize>>) -> bool {
    let mut i = gap.start;
    while i < gap.end {
        let rest = &text[i..gap.end];
        let c = rest.chars().next().expect("i is below the gap end");
        let len = if c.is_whitespace() {
            Some(c.len_utf8())
        } else if let Some(len) = syntax::attr_list_len(rest) {
            attrs.push(i..i + len);
            Some(len)
        } else {
            syntax::shortcode_len(rest).or_else(|| syntax::annotation_len(rest))
        };
        match len {
            Some(len) => i += len,
            None => return false,
        }
    }
    true
}

/// `range` without leading and trailing whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// `range` without an attribute list that ends it (`… { .class }`).
fn strip_trailing_attrs(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    if !slice.ends_with('}') {
        return range;
    }
    let Some(open) = slice.rfind('{') else {
        return range;
    };
    if syntax::attr_list_len(&slice[open..]) != Some(slice.len() - open) {
        return range;
    }
    trim(text, range.start..range.start + open)
}

/// The range of a link's or image's title in the region, when it is written
/// literally between quotes or parentheses at the end of the link.
fn find_title(text: &str, link: &Link<'_>) -> Option<Range<usize>> {
    if link.title.is_empty() {
        return None;
    }
    let source = &text[link.range.clone()];
    let after_text = link
        .inner
        .as_ref()
        .map_or(0, |i| i.end.saturating_sub(link.range.start));
    let at = source[after_text..].rfind(link.title.as_ref())? + after_text;
    let before = source[..at].chars().next_back()?;
    let after = source[at + link.title.len()..].chars().next()?;
    let quoted = matches!((before, after), ('"', '"') | ('\'', '\'') | ('(', ')'));
    quoted.then(|| link.range.start + at..link.range.start + at + link.title.len())
}
