//! Structure beyond lost container lines: a pair whose container changed
//! (`!!! tip` for `!!! note`, a box that became collapsible), a heading of
//! another level, code blocks that are not the source's, tables with
//! another number of columns, front-matter keys lost or added. Read from
//! the segments and, for what segments do not hold, from the page text by
//! a line scan.

use model::{Container, SegmentKind};

use crate::{Check, Finding, Page};

/// A structure finding that is a warning: a code block, a heading level,
/// a list's shape, a table's columns, a front-matter key. Only boxes,
/// tabs and quotes lost or changed are errors (their labelled findings
/// were 98% true; code blocks 89%, headings and keys less).
fn warning(line: usize, source_line: Option<usize>, message: String) -> Finding {
    Finding {
        severity: crate::Severity::Warning,
        ..finding(line, source_line, message)
    }
}

fn finding(line: usize, source_line: Option<usize>, message: String) -> Finding {
    Finding {
        check: Check::Structure,
        severity: Check::Structure.default_severity(),
        line,
        source_line,
        segment_id: None,
        message,
        related: Vec::new(),
        confidence: 1.0,
    }
}

/// An admonition type under its Material for MkDocs name: the aliases
/// (`check` and `done` for `success`, `hint` for `tip`…) render the same box.
fn canonical_kind(kind: &str) -> &str {
    match kind {
        "seealso" => "note",
        "summary" | "tldr" => "abstract",
        "todo" => "info",
        "hint" | "important" => "tip",
        "check" | "done" => "success",
        "help" | "faq" => "question",
        "caution" | "attention" => "warning",
        "fail" | "missing" => "failure",
        "error" => "danger",
        "cite" => "quote",
        _ => kind,
    }
}

/// Hugo shortcodes that are boxes, as a GitHub alert (`> [!TIP]`) is: a
/// translation may write the one for the other.
const ALERT_SHORTCODES: [&str; 4] = ["alert", "callout", "admonition", "notice"];

/// The containers that are structure: boxes, tabs, quotes and tables. A
/// GitHub alert and a Hugo alert shortcode are both `alert`.
fn shape(containers: &[Container]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, c) in containers.iter().enumerate() {
        match c {
            Container::Admonition {
                kind,
                collapsible,
                open,
            } => out.push(
                Container::Admonition {
                    kind: canonical_kind(kind).to_owned(),
                    collapsible: *collapsible,
                    open: *open,
                }
                .to_string(),
            ),
            // The quote that holds an alert is the alert.
            Container::BlockQuote
                if matches!(containers.get(k + 1), Some(Container::Alert { .. })) => {}
            Container::Alert { .. } => out.push("alert".to_owned()),
            Container::Shortcode { name } if ALERT_SHORTCODES.contains(&name.as_str()) => {
                out.push("alert".to_owned());
            }
            Container::Tab | Container::BlockQuote | Container::Table => out.push(c.to_string()),
            _ => {}
        }
    }
    out
}

/// `shape` with a quote read as the alert the other side has at its
/// place, when its page writes alerts with a title (`> [!WARNING] Title`,
/// which Hugo renders as an alert and CommonMark reads as a quote).
fn titled_alerts(mut shape: Vec<String>, other: &[String], text: &str) -> Vec<String> {
    if !text.contains("> [!") {
        return shape;
    }
    for (mine, theirs) in shape.iter_mut().zip(other) {
        if mine == "blockquote" && theirs == "alert" {
            "alert".clone_into(mine);
        }
    }
    shape
}

/// The level of an ATX heading on `line` (`## x` is 2), or of a Setext
/// heading underlined on the next line.
fn heading_level(lines: &[&str], line: usize) -> Option<usize> {
    let text = lines.get(line.checked_sub(1)?)?.trim_start();
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        return Some(hashes);
    }
    let under = lines.get(line)?.trim();
    if !under.is_empty() && under.bytes().all(|b| b == b'=') {
        Some(1)
    } else if !under.is_empty() && under.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// A list item's shape: ordered or not (by its marker on `line`), and how
/// deep in lists it is.
fn list_shape(lines: &[&str], line: usize, containers: &[Container]) -> Option<(bool, usize)> {
    let text = lines.get(line.checked_sub(1)?)?.trim_start();
    let text = text.trim_start_matches(['>', ' ']);
    let ordered = text.split_once(['.', ')']).is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
    });
    let bulleted = text.starts_with(['-', '*', '+']);
    if !ordered && !bulleted {
        return None;
    }
    let depth = containers
        .iter()
        .filter(|c| matches!(c, Container::ListItem))
        .count();
    Some((ordered, depth))
}

/// Fenced code blocks: (line of the opening fence, content as code
/// compares, see [`as_code`]).
fn code_blocks(lines: &[&str]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let trimmed = lines[k].trim_start();
        let indent = lines[k].len() - trimmed.len();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let uniform = fence.chars().all(|c| c == '`') || fence.chars().all(|c| c == '~');
        if fence.len() >= 3 && uniform {
            let start = k;
            let language = trimmed[fence.len()..]
                .split(|c: char| c.is_whitespace() || c == '{' || c == ',')
                .next()
                .unwrap_or_default()
                .trim_start_matches('.')
                .to_ascii_lowercase();
            let mut body = Vec::new();
            k += 1;
            while k < lines.len() && !lines[k].trim_start().starts_with(&fence) {
                let l = lines[k];
                let cut = l.len() - l.trim_start().len();
                body.push(&l[cut.min(indent)..]);
                k += 1;
            }
            // A diagram's labels are prose, translated.
            if language != "mermaid" {
                out.push((start + 1, as_code(&body, &language)));
            }
        }
        k += 1;
    }
    out
}

/// A code block's lines as code compares: comments (by the block's
/// language, or the common forms when it names none), shell prompts,
/// indentation, blank lines and quote style taken away, so that a
/// translated comment or a reformatted block is the same code.
/// A line of code with the words of its placeholders blanked
/// (`git push origin <your-branch-name>` is `git push origin <>`): a
/// translation names them in its language.
fn blank_placeholders(line: &str) -> String {
    if !line.contains('<') {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let Some(close) = rest.find('>') else {
            break;
        };
        let inner = &rest[..close];
        let placeholder = !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '_' | ' '))
            && inner
                .chars()
                .any(|c| c == '-' || c == '_' || c == ' ' || !c.is_ascii());
        if placeholder {
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}

/// `code` with its prose blanked, which a translation may translate: a
/// quoted string of words (`"Hello, world"`, not `"a-b"` or a URL), and in
/// YAML a value of three words or more (`description: Basic distribution
/// for developers`).
fn blank_prose(code: &str, language: &str) -> String {
    let prose = |s: &str| s.trim().contains(' ') && !s.contains("://");
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(open) = rest.find('"') {
        let Some(len) = rest[open + 1..].find('"') else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..=open]);
        out.push_str(if prose(inner) { "…" } else { inner });
        out.push('"');
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    if matches!(language, "yaml" | "yml")
        && let Some((key, value)) = out.split_once(": ")
        && !value.starts_with(['"', '[', '{', '&', '*', '|', '>'])
        && value.split_whitespace().count() >= 3
    {
        return format!("{key}: …");
    }
    out
}

fn as_code(body: &[&str], language: &str) -> String {
    let hash = matches!(
        language,
        "" | "sh"
            | "bash"
            | "shell"
            | "console"
            | "zsh"
            | "fish"
            | "yaml"
            | "yml"
            | "python"
            | "py"
            | "toml"
            | "ini"
            | "conf"
            | "dockerfile"
            | "ruby"
            | "rb"
            | "perl"
            | "r"
            | "powershell"
            | "ps1"
            | "properties"
            | "nginx"
            | "text"
            | "txt"
            | "env"
            | "make"
            | "makefile"
            | "cmake"
            | "tcl"
            | "elixir"
    );
    let slashes = !matches!(
        language,
        "sh" | "bash"
            | "shell"
            | "console"
            | "zsh"
            | "yaml"
            | "yml"
            | "python"
            | "py"
            | "toml"
            | "ini"
            | "html"
            | "xml"
            | "text"
            | "txt"
    );
    let mut out = String::new();
    let mut in_block = false;
    for line in body {
        let mut l: String = line.trim().to_owned();
        // Block comments: `/* … */` and `<!-- … -->`, possibly over lines.
        loop {
            if in_block {
                match l
                    .find("*/")
                    .map(|k| k + 2)
                    .or_else(|| l.find("-->").map(|k| k + 3))
                {
                    Some(end) => {
                        l = l[end..].to_owned();
                        in_block = false;
                    }
                    None => {
                        l.clear();
                        break;
                    }
                }
            }
            let open = l.find("/*").or_else(|| l.find("<!--"));
            match open {
                Some(k) => {
                    let rest = l[k..].to_owned();
                    l.truncate(k);
                    in_block = true;
                    let close = rest[2..]
                        .find("*/")
                        .map(|c| c + 4)
                        .or_else(|| rest.find("-->").map(|c| c + 3));
                    if let Some(c) = close {
                        l.push_str(&rest[c..]);
                        in_block = false;
                    } else {
                        break;
                    }
                }
                None => break,
            }
        }
        // Prompts of a shell session.
        for prompt in ["$ ", "% ", "> ", "PS> ", "# "] {
            if prompt == "# " && hash {
                continue;
            }
            if let Some(rest) = l.strip_prefix(prompt) {
                l = rest.to_owned();
            }
        }
        // Line comments: `#` where the language has them, `//` elsewhere,
        // at the start of a line or after a blank.
        let mut cut = l.len();
        if hash && let Some(k) = comment_at(&l, "#") {
            cut = cut.min(k);
        }
        if slashes && let Some(k) = comment_at(&l, "//") {
            cut = cut.min(k);
        }
        if (language == "sql" || language == "lua")
            && let Some(k) = comment_at(&l, "--")
        {
            cut = cut.min(k);
        }
        let code = blank_prose(
            &blank_placeholders(&l[..cut].trim_end().replace('\'', "\"")),
            language,
        );
        if !code.is_empty() {
            out.push_str(&code);
            out.push('\n');
        }
    }
    out
}

/// Where a line comment starting with `marker` begins in `line`: at its
/// start, or after a blank and outside quotes (`#` in `"a#b"` or in a URL is code).
fn comment_at(line: &str, marker: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (k, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' || c == '`' => quote = Some(c),
            None if previous.is_whitespace() && line[k..].starts_with(marker) => return Some(k),
            None => {}
        }
        previous = c;
    }
    None
}

/// Tables: (line of the delimiter row, number of columns).
fn tables(lines: &[&str]) -> Vec<(usize, usize)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let t = l.trim();
            if !(t.contains('-') && t.contains('|')) {
                return None;
            }
            let cells = t.trim_matches('|').split('|');
            let delimiter = cells.clone().all(|c| {
                let c = c.trim();
                !c.is_empty() && c.bytes().all(|b| matches!(b, b'-' | b':'))
            });
            delimiter.then(|| (k + 1, cells.count()))
        })
        .collect()
}

/// Top-level keys of the front matter (YAML between `---`, TOML between
/// `+++`) that are prose (`prose`), with their lines: other keys are the
/// site's metadata (pins, weights, slugs), which a translation may set as
/// it needs.
fn front_matter_keys(lines: &[&str], prose: &[String]) -> Vec<(usize, String)> {
    let fence = match lines.first().map(|l| l.trim_end()) {
        Some(f @ ("---" | "+++")) => f,
        _ => return Vec::new(),
    };
    let separator = if fence == "+++" { '=' } else { ':' };
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(1) {
        let l = l.trim_end();
        if l == fence || l == "..." {
            break;
        }
        if l.starts_with(char::is_alphanumeric)
            && let Some((key, _)) = l.split_once(separator)
            && !key.trim().contains(' ')
            && prose.iter().any(|p| p == key.trim())
        {
            out.push((k + 1, key.trim().to_owned()));
        }
    }
    out
}

/// The translated line where the source's `line` would be: that of the
/// translation of the nearest source segment before it.
fn place_of(page: &Page<'_>, line: usize) -> usize {
    page.alignment
        .pairs
        .iter()
        .filter(|p| page.source[p.source].line <= line)
        .map(|p| page.translation[p.translation].line)
        .max()
        .unwrap_or(1)
}

pub(crate) fn check(page: &Page<'_>, out: &mut Vec<Finding>) {
    let (source_lines, lines) = (
        model::text::lines(page.source_text),
        model::text::lines(page.text),
    );
    // Pairs: containers (once per run of pairs with the same change) and
    // heading levels.
    let mut last_change: Option<(Vec<String>, Vec<String>)> = None;
    for p in &page.alignment.pairs {
        let (s, t) = (&page.source[p.source], &page.translation[p.translation]);
        if p.confidence < 0.6 || s.kind != t.kind || page.recovered[p.translation] {
            continue;
        }
        let (a, b) = (shape(&s.containers), shape(&t.containers));
        let a = titled_alerts(a, &b, page.source_text);
        let b = titled_alerts(b, &a, page.text);
        let change = (a != b).then(|| (a.clone(), b.clone()));
        let repeated = change.is_some() && change == last_change;
        last_change = change;
        if a != b && !repeated {
            let show = |v: &[String]| {
                if v.is_empty() {
                    "at the top level".to_owned()
                } else {
                    format!("inside `{}`", v.join("` › `"))
                }
            };
            out.push(finding(
                t.line,
                Some(s.line),
                format!(
                    "this {} is {} here, {} in the source",
                    t.kind,
                    show(&b),
                    show(&a)
                ),
            ));
        }
        if s.kind == SegmentKind::ListItem
            && let (Some(x), Some(y)) = (
                list_shape(&source_lines, s.line, &s.containers),
                list_shape(&lines, t.line, &t.containers),
            )
            && x != y
        {
            let show = |(ordered, depth): (bool, usize)| {
                format!(
                    "{} list item at depth {depth}",
                    if ordered { "an ordered" } else { "a bulleted" }
                )
            };
            out.push(warning(
                t.line,
                Some(s.line),
                format!("{} here, {} in the source", show(y), show(x)),
            ));
        }
        if s.kind == SegmentKind::Heading
            && let (Some(x), Some(y)) = (
                heading_level(&source_lines, s.line),
                heading_level(&lines, t.line),
            )
            && x != y
        {
            out.push(warning(
                t.line,
                Some(s.line),
                format!("a level-{y} heading here, level {x} in the source"),
            ));
        }
    }
    // Code blocks are never translated: each must be one of the source's.
    let source_code = code_blocks(&source_lines);
    let code = code_blocks(&lines);
    for (line, body) in &code {
        if !source_code.iter().any(|(_, b)| b == body) {
            out.push(warning(
                *line,
                None,
                "this code block is not one of the source's (code is never translated)".to_owned(),
            ));
        }
    }
    for (line, body) in &source_code {
        if !code.iter().any(|(_, b)| b == body) && code.len() < source_code.len() {
            out.push(warning(
                place_of(page, *line),
                Some(*line),
                format!("the source's code block at line {line} is missing after this line"),
            ));
        }
    }
    // Tables, in order, when both sides have as many.
    let (source_tables, tabs) = (tables(&source_lines), tables(&lines));
    if source_tables.len() == tabs.len() {
        for ((sl, sc), (tl, tc)) in source_tables.iter().zip(&tabs) {
            if sc != tc {
                out.push(warning(
                    *tl,
                    Some(*sl),
                    format!("a table of {tc} columns here, {sc} in the source"),
                ));
            }
        }
    }
    // Front-matter keys.
    let prose = &page.markdown.front_matter_keys;
    let (source_keys, keys) = (
        front_matter_keys(&source_lines, prose),
        front_matter_keys(&lines, prose),
    );
    for (line, key) in &source_keys {
        if !keys.iter().any(|(_, k)| k == key) {
            out.push(warning(
                1,
                Some(*line),
                format!("the source's front-matter key `{key}` is missing"),
            ));
        }
    }
    for (line, key) in &keys {
        if !source_keys.iter().any(|(_, k)| k == key) {
            out.push(warning(
                *line,
                None,
                format!("front-matter key `{key}` is not in the source"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::blank_prose;

    #[test]
    fn prose_in_code_is_blanked_identifiers_and_urls_are_not() {
        assert_eq!(
            blank_prose("echo \"Hello, world\" > \"out-file.txt\"", "sh"),
            "echo \"…\" > \"out-file.txt\""
        );
        assert_eq!(
            blank_prose("curl \"https://example.org/a b\"", "sh"),
            "curl \"https://example.org/a b\""
        );
        assert_eq!(
            blank_prose("description: Basic OTel Collector distribution", "yaml"),
            "description: …"
        );
        assert_eq!(
            blank_prose("image: otel/collector:0.1", "yaml"),
            "image: otel/collector:0.1"
        );
        assert_eq!(blank_prose("a: b c d", "toml"), "a: b c d");
    }

    #[test]
    fn a_titled_alert_read_as_a_quote_is_the_alert() {
        let quote = vec!["blockquote".to_owned()];
        let alert = vec!["alert".to_owned()];
        let titled = "> [!WARNING] Supported build environments\n>\n> Builds run on Linux.\n";
        assert_eq!(super::titled_alerts(quote.clone(), &alert, titled), alert);
        // A plain quote on a page without alerts stays a quote.
        assert_eq!(
            super::titled_alerts(quote.clone(), &alert, "> A quote.\n"),
            quote
        );
    }
}
