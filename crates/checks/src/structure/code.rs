//! Code blocks, which are never translated: each of the translation's must
//! be one of the source's, compared as code (comments, prompts, spacing and
//! placeholders' words aside).

use super::{place_of, warning};
use crate::{Finding, Page};

/// A fenced code block.
struct Block<'a> {
    /// The line of its opening fence.
    line: usize,
    /// Its content as code compares, see [`as_code`].
    code: String,
    /// Its lines as written, without the block's indentation.
    raw: Vec<&'a str>,
    language: String,
}

impl Block<'_> {
    /// The line as written whose code is `code` (a line of [`Self::code`]).
    fn written<'s>(&'s self, code: &'s str) -> &'s str {
        self.raw
            .iter()
            .find(|l| as_code(&[l], &self.language).trim_end() == code)
            .map_or(code, |l| l.trim())
    }
}

/// Fenced code blocks, in order; diagrams (Mermaid), whose labels are prose
/// a translation translates, left out.
fn code_blocks<'a>(lines: &[&'a str]) -> Vec<Block<'a>> {
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
            let mut raw = Vec::new();
            k += 1;
            while k < lines.len() && !lines[k].trim_start().starts_with(&fence) {
                let l = lines[k];
                let cut = l.len() - l.trim_start().len();
                raw.push(&l[cut.min(indent)..]);
                k += 1;
            }
            if language != "mermaid" {
                out.push(Block {
                    line: start + 1,
                    code: as_code(&raw, &language),
                    raw,
                    language,
                });
            }
        }
        k += 1;
    }
    out
}

/// Languages where `<word>` is a placeholder, not a tag or a generic type.
fn words_in_angles_are_placeholders(language: &str) -> bool {
    matches!(
        language,
        "yaml" | "yml" | "sh" | "bash" | "shell" | "console" | "zsh" | "toml" | "ini" | "env"
    )
}

/// A line of code with the words of its placeholders blanked
/// (`git push origin <your-branch-name>` is `git push origin <>`): a
/// translation names them in its language. A single ASCII word
/// (`<namespace>`) is a placeholder only where it cannot be a tag or a type
/// (YAML, shell, configuration).
fn blank_placeholders(line: &str, language: &str) -> String {
    if !line.contains('<') {
        return line.to_owned();
    }
    let any_word = words_in_angles_are_placeholders(language);
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
            && (any_word
                || inner
                    .chars()
                    .any(|c| c == '-' || c == '_' || c == ' ' || !c.is_ascii()));
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

/// A code block's lines as code compares: comments (by the block's
/// language, or the common forms when it names none), shell prompts,
/// indentation, runs of blanks, blank lines and quote style taken away, so
/// that a translated comment or a reformatted block is the same code.
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
        // Batch files' comments: `rem …` and `:: …`.
        if matches!(language, "bat" | "batch" | "cmd" | "dos") {
            let lower = l.to_ascii_lowercase();
            if lower == "rem" || lower.starts_with("rem ") || l.starts_with("::") {
                l.clear();
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
            &blank_placeholders(&l[..cut].trim_end().replace('\'', "\""), language),
            language,
        );
        for (k, word) in code.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        if !code.trim().is_empty() {
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

/// How alike two code blocks are: the Dice coefficient of their words, or
/// when both have three lines or more, the share of the shorter one's
/// lines the other has (an abbreviated copy: `...` for a wrapper).
fn code_likeness(a: &str, b: &str) -> f64 {
    let words = word_likeness(a, b);
    let shorter = a.lines().count().min(b.lines().count());
    if shorter < 3 {
        return words;
    }
    let (small, large) = if a.lines().count() <= b.lines().count() {
        (a, b)
    } else {
        (b, a)
    };
    let kept = small
        .lines()
        .filter(|l| large.lines().any(|m| m == *l))
        .count();
    words.max(kept as f64 / shorter as f64)
}

/// The Dice coefficient of two texts' words.
fn word_likeness(a: &str, b: &str) -> f64 {
    let mut x: Vec<&str> = a.split_whitespace().collect();
    let mut y: Vec<&str> = b.split_whitespace().collect();
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// The first line of code of `a` that `b` lacks, as written, shortened
/// for a message.
fn first_line_not_in(a: &Block<'_>, b: &Block<'_>) -> Option<String> {
    let code = a.code.lines().find(|l| !b.code.lines().any(|m| m == *l))?;
    let line = a.written(code);
    let mut short: String = line.chars().take(60).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    Some(short)
}

/// Whether block `t`, of one line, is a code span of the source page
/// written as a block (with the span's leading language word, as in
/// `` `bash kubectl get pods` ``, taken as the block's language).
fn span_of(source: &str, t: &Block<'_>) -> bool {
    if t.code.lines().count() != 1 {
        return false;
    }
    crate::code_spans(source).any(|span| {
        let span = span.trim();
        let bare = span
            .strip_prefix(t.language.as_str())
            .filter(|rest| !t.language.is_empty() && rest.starts_with(' '))
            .unwrap_or(span);
        as_code(&[bare], &t.language) == t.code
    })
}

/// Which blocks of each side are the other side's blocks merged or split:
/// a block whose lines are the lines of the other side's blocks it holds,
/// all of them, and those blocks.
struct Merges {
    source: Vec<bool>,
    translation: Vec<bool>,
}

fn merges(source: &[Block<'_>], translation: &[Block<'_>]) -> Merges {
    let mut out = Merges {
        source: vec![false; source.len()],
        translation: vec![false; translation.len()],
    };
    let lines = |b: &Block<'_>| -> Vec<String> { b.code.lines().map(str::to_owned).collect() };
    let source_lines: Vec<Vec<String>> = source.iter().map(lines).collect();
    let translation_lines: Vec<Vec<String>> = translation.iter().map(lines).collect();
    // `whole` holds `parts` (each with a line or more, each wholly in it)
    // and nothing else: which parts.
    let split = |whole: &[String], parts: &[Vec<String>]| -> Vec<usize> {
        let held: Vec<usize> = (0..parts.len())
            .filter(|&p| {
                !parts[p].is_empty()
                    && parts[p].len() < whole.len()
                    && parts[p].iter().all(|l| whole.contains(l))
            })
            .collect();
        let covered = !held.is_empty()
            && whole
                .iter()
                .all(|l| held.iter().any(|&p| parts[p].contains(l)));
        if covered { held } else { Vec::new() }
    };
    for (t, whole) in translation_lines.iter().enumerate() {
        let held = split(whole, &source_lines);
        if !held.is_empty() {
            out.translation[t] = true;
            for s in held {
                out.source[s] = true;
            }
        }
    }
    for (s, whole) in source_lines.iter().enumerate() {
        let held = split(whole, &translation_lines);
        if !held.is_empty() {
            out.source[s] = true;
            for t in held {
                out.translation[t] = true;
            }
        }
    }
    out
}

/// How far (in lines) a translated block may sit outside the place of a
/// source block (between the translations of the segments around it) and
/// still be that block in another form.
const NEAR: usize = 12;

/// The translated line of the first source segment after `line` that has a
/// translation: where the place of what is at `line` ends.
fn next_place(page: &Page<'_>, line: usize) -> usize {
    page.alignment
        .pairs
        .iter()
        .filter(|p| page.source[p.source].line > line)
        .map(|p| page.translation[p.translation].line)
        .min()
        .unwrap_or(usize::MAX)
}

/// Code blocks are never translated: each must be one of the source's. A
/// block near the place of a source block it resembles (an older version,
/// a changed line) is one finding at the block, not a missing block and a
/// foreign one.
pub(super) fn check(
    page: &Page<'_>,
    source_lines: &[&str],
    lines: &[&str],
    out: &mut Vec<Finding>,
) {
    // Two thirds of their words in common.
    const ALIKE: f64 = 0.65;
    let source = code_blocks(source_lines);
    let translation = code_blocks(lines);
    let mut present: Vec<bool> = source
        .iter()
        .map(|s| translation.iter().any(|t| t.code == s.code))
        .collect();
    // Blocks merged or split: a command and its output in one block on one
    // side, two on the other (`$ vela env ls` and what it prints).
    let merged = merges(&source, &translation);
    for (s, covered) in present.iter_mut().zip(&merged.source) {
        *s |= *covered;
    }
    let places: Vec<usize> = source.iter().map(|s| place_of(page, s.line)).collect();
    let nexts: Vec<usize> = source.iter().map(|s| next_place(page, s.line)).collect();
    let mut paired = vec![false; source.len()];
    let mut foreign = 0;
    for (k, t) in translation.iter().enumerate() {
        if merged.translation[k] || source.iter().any(|s| s.code == t.code) {
            continue;
        }
        let other = (0..source.len())
            .filter(|&s| {
                !present[s]
                    && !paired[s]
                    && t.line + NEAR >= places[s]
                    && t.line <= nexts[s].saturating_add(NEAR)
            })
            .map(|s| (s, code_likeness(&t.code, &source[s].code)))
            .filter(|&(_, likeness)| likeness >= ALIKE)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if span_of(page.source_text, t) {
            continue;
        }
        let Some((s, _)) = other else {
            foreign += 1;
            out.push(warning(
                t.line,
                None,
                "this code block is not one of the source's (code is never translated)".to_owned(),
            ));
            continue;
        };
        paired[s] = true;
        let s = &source[s];
        let detail = match (first_line_not_in(t, s), first_line_not_in(s, t)) {
            (Some(here), Some(there)) => format!(": `{here}` here, `{there}` in the source"),
            (Some(here), None) => format!(": `{here}` is not in the source's"),
            (None, Some(there)) => format!(": the source's `{there}` is missing"),
            (None, None) => String::new(),
        };
        out.push(warning(
            t.line,
            Some(s.line),
            format!(
                "this code block is the source's at line {} in another form (an older version, or code changed or translated){detail}",
                s.line
            ),
        ));
    }
    let missing = (0..source.len()).filter(|&s| !present[s] && !paired[s]);
    if foreign < missing.clone().count() {
        for s in missing {
            let line = source[s].line;
            out.push(warning(
                places[s],
                Some(line),
                format!("the source's code block at line {line} is missing after this line"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::blank_prose;

    #[test]
    fn batch_comments_are_comments() {
        assert_eq!(
            super::as_code(
                &["rem Ajouter à standalone.conf.bat", "set A=1", ":: note"],
                "bat"
            ),
            super::as_code(&["rem Add to standalone.conf.bat", "set A=1"], "bat")
        );
    }

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
}
