//! `bitext diff`: source changes since a revision, for people (human,
//! Markdown for a pull request) and machines (JSON).

use std::io::Write;
use std::path::Path;

use project::{ChangeClass, SegmentChange};
use serde::Serialize;

use crate::Style;
use crate::args::{Args, DiffArgs, DiffFormat};
use crate::output::{plural, short_commit, shown};

#[derive(Serialize)]
struct DiffJson {
    version: u32,
    pages: Vec<PageJson>,
}

#[derive(Serialize)]
struct PageJson {
    path: String,
    locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<String>,
    base: Option<BaseJson>,
    commits_behind: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_behind: Option<i64>,
    changes: Vec<ChangeJson>,
}

#[derive(Serialize)]
struct BaseJson {
    commit: String,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_time: Option<String>,
}

fn changes_json(changes: &[SegmentChange]) -> Vec<ChangeJson> {
    changes
        .iter()
        .map(|c| ChangeJson {
            change: c.kind.name(),
            class: c.class.name(),
            facts: facts(&c.class),
            source_line: c.source_line,
            old: c.old.clone(),
            new: c.new.clone(),
        })
        .collect()
}

/// `bitext diff --locale L`: per translated page, since its base revision.
fn run_locale(
    cmd: &DiffArgs,
    locale: &str,
    config: &project::Config,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let locale = model::Locale::new(locale);
    let Some(history) = project::History::open(config, &mut crate::progress::history())? else {
        return Err(project::Error::NoRepository {
            root: config.root.clone(),
        });
    };
    if history.is_shallow() && !style.quiet {
        let _ = writeln!(err, "{}: {}", style.warning("note"), project::SHALLOW_NOTE);
    }
    let pages = project::locale_diff(config, &history, &locale, cmd.page.as_deref())?;
    for p in &pages {
        for problem in &p.problems {
            let _ = writeln!(
                err,
                "{}: {}:{}: {}",
                style.warning("warning"),
                shown(&p.translation, cwd),
                problem.line,
                problem.message
            );
        }
    }
    match cmd.format {
        DiffFormat::Json => {
            let json = DiffJson {
                version: crate::output::JSON_VERSION,
                pages: pages
                    .iter()
                    .map(|p| PageJson {
                        path: shown(&p.source, cwd),
                        locale: Some(locale.to_string()),
                        translation: Some(shown(&p.translation, cwd)),
                        base: p.base.as_ref().map(|b| BaseJson {
                            commit: b.commit.clone(),
                            method: b.method.name(),
                            by_time: b.by_time.clone(),
                        }),
                        commits_behind: p.commits_behind,
                        days_behind: p.days_behind,
                        changes: changes_json(&p.changes),
                    })
                    .collect(),
            };
            let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        }
        DiffFormat::Markdown | DiffFormat::Human => {
            let markdown = cmd.format == DiffFormat::Markdown;
            if markdown {
                let _ = writeln!(
                    out,
                    "## Source changes to bring into the {locale} translation\n"
                );
            }
            for p in &pages {
                let base = match &p.base {
                    Some(b) => {
                        let days = match p.days_behind {
                            Some(d) if d > 0 => format!(", for {}", plural(d as usize, "day")),
                            _ => String::new(),
                        };
                        let mut s = format!(
                            "since {} ({}, {} behind{days})",
                            short_commit(&b.commit),
                            b.method.name(),
                            plural(p.commits_behind, "commit")
                        );
                        if let Some(t) = &b.by_time {
                            s.push_str(&format!(
                                "; the source was at {} when the translation last changed",
                                short_commit(t)
                            ));
                        }
                        s
                    }
                    None => "no base revision: no pin, and the history has neither page".to_owned(),
                };
                if markdown {
                    let _ = writeln!(out, "### `{}` {base}\n", shown(&p.translation, cwd));
                } else {
                    let _ = writeln!(
                        out,
                        "{} {base}: {}",
                        style.bold(&shown(&p.translation, cwd)),
                        plural(p.changes.len(), "change")
                    );
                }
                for c in &p.changes {
                    write_change(c, markdown, style, out);
                }
                if markdown {
                    let _ = writeln!(out);
                }
            }
        }
    }
    Ok(0)
}

/// One change, as a Markdown list item or an indented line.
fn write_change(c: &SegmentChange, markdown: bool, style: Style, out: &mut dyn Write) {
    if markdown {
        let _ = writeln!(
            out,
            "- line {}, {}, {}: {}",
            c.source_line,
            c.kind.name(),
            class_label(&c.class),
            text(c, true)
        );
        return;
    }
    let class = match &c.class {
        ChangeClass::Factual(_) => style.bad(&class_label(&c.class)),
        ChangeClass::Cosmetic => style.dim("cosmetic"),
        ChangeClass::Rewrite => style.warning("rewrite"),
    };
    let _ = writeln!(
        out,
        "  {:>5}  {:<8} {class}: {}",
        c.source_line,
        c.kind.name(),
        text(c, false)
    );
}

#[derive(Serialize)]
struct ChangeJson {
    change: &'static str,
    class: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    facts: Vec<String>,
    source_line: usize,
    old: Option<String>,
    new: Option<String>,
}

fn facts(class: &ChangeClass) -> Vec<String> {
    match class {
        ChangeClass::Factual(facts) => facts.clone(),
        _ => Vec::new(),
    }
}

/// The class, with the facts for a factual change: `factual (-100, +200)`.
fn class_label(class: &ChangeClass) -> String {
    match class {
        ChangeClass::Factual(facts) if !facts.is_empty() => {
            format!("factual ({})", facts.join(", "))
        }
        other => other.name().to_owned(),
    }
}

/// The change's text: a word diff, or the segment added or removed.
fn text(change: &SegmentChange, markdown: bool) -> String {
    if change.words.is_empty() {
        let t = change
            .new
            .as_deref()
            .or(change.old.as_deref())
            .unwrap_or("");
        return t.replace('\n', " ");
    }
    if !markdown {
        return project::render_word_diff(&change.words).replace('\n', " ");
    }
    let mut out = String::new();
    for (k, w) in change.words.iter().enumerate() {
        let t = w.text.replace('\n', " ");
        let (open, close) = match w.kind {
            project::ChangeKind::Equal => ("", ""),
            project::ChangeKind::Delete => ("~~", "~~"),
            project::ChangeKind::Insert => ("**", "**"),
        };
        if open.is_empty() || t.trim().is_empty() {
            out.push_str(&t);
            continue;
        }
        // Blanks stay outside the marks, which Markdown needs.
        let lead = &t[..t.len() - t.trim_start().len()];
        let trail = &t[t.trim_end().len()..];
        out.push_str(&format!("{lead}{open}{}{close}{trail}", t.trim()));
        let next_inserts = change
            .words
            .get(k + 1)
            .is_some_and(|n| n.kind == project::ChangeKind::Insert);
        if w.kind == project::ChangeKind::Delete && next_inserts && trail.is_empty() {
            out.push(' ');
        }
    }
    out
}

pub fn run(
    cmd: &DiffArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    if let Some(locale) = &cmd.locale {
        return run_locale(cmd, locale, &config, cwd, style, out, err);
    }
    let diff = project::source_diff(&config, cmd.since.as_deref(), cmd.page.as_deref())?;
    let short = short_commit(&diff.base);
    match cmd.format {
        DiffFormat::Json => {
            let json = DiffJson {
                version: crate::output::JSON_VERSION,
                pages: diff
                    .pages
                    .iter()
                    .map(|p| PageJson {
                        path: shown(&p.source, cwd),
                        locale: None,
                        translation: None,
                        base: Some(BaseJson {
                            commit: diff.base.clone(),
                            method: "since",
                            by_time: None,
                        }),
                        commits_behind: diff.commits_behind,
                        days_behind: None,
                        changes: changes_json(&p.changes),
                    })
                    .collect(),
            };
            let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        }
        DiffFormat::Markdown => {
            let _ = writeln!(
                out,
                "## Source changes since `{short}` ({})\n",
                plural(diff.commits_behind, "commit")
            );
            if diff.pages.is_empty() {
                let _ = writeln!(out, "No source page changed.");
            }
            for p in &diff.pages {
                let _ = writeln!(out, "### `{}`\n", shown(&p.source, cwd));
                for c in &p.changes {
                    write_change(c, true, style, out);
                }
                let _ = writeln!(out);
            }
        }
        DiffFormat::Human => {
            for p in &diff.pages {
                let _ = writeln!(
                    out,
                    "{} ({})",
                    style.bold(&shown(&p.source, cwd)),
                    plural(p.changes.len(), "change")
                );
                for c in &p.changes {
                    write_change(c, false, style, out);
                }
            }
            let changes: usize = diff.pages.iter().map(|p| p.changes.len()).sum();
            let _ = writeln!(
                out,
                "{} in {} since {short} ({} ago)",
                plural(changes, "segment change"),
                plural(diff.pages.len(), "page"),
                plural(diff.commits_behind, "commit")
            );
        }
    }
    Ok(0)
}
