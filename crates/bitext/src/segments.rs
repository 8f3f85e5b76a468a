//! `bitext segments`: what bitext sees in Markdown files.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::Style;
use crate::args::{Args, Format, SegmentsArgs};
use crate::output::{plural, shown};

#[derive(Serialize)]
struct FileJson<'a> {
    version: u32,
    path: String,
    dialect: &'static str,
    segments: Vec<SegmentJson<'a>>,
    diagnostics: &'a [model::Diagnostic],
}

#[derive(Serialize)]
struct SegmentJson<'a> {
    id: &'a str,
    kind: model::SegmentKind,
    line: usize,
    text: &'a str,
    containers: Vec<String>,
}

pub fn run(
    cmd: &SegmentsArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    // The dialect and front-matter keys come from the config when there is one.
    let config = crate::config(args, cwd)?;
    let (options, reason) = match &cmd.dialect {
        Some(name) => {
            let Some(dialect) = project::Dialect::from_name(name) else {
                let known = project::Dialect::ALL.map(project::Dialect::name).join(", ");
                let _ = writeln!(
                    err,
                    "{}: --dialect {name}: no such dialect; use {known}",
                    style.error("error")
                );
                return Ok(2);
            };
            (
                project::MarkdownOptions::for_dialect(dialect),
                "--dialect".to_owned(),
            )
        }
        None => (config.markdown.clone(), config.dialect_reason.clone()),
    };
    let mut code = 0;
    let mut printed = 0;
    for file in &cmd.files {
        let path = cwd.join(file);
        let shown = shown(&path, cwd);
        // A page outside any project marker says what it is written in.
        let sniffed = match (
            cmd.dialect.is_none() && config.dialect_fallback,
            std::fs::read_to_string(&path),
        ) {
            (true, Ok(text)) => project::sniff_dialect(&text),
            _ => None,
        };
        let (options, reason) = match sniffed {
            Some((dialect, why)) => (
                project::MarkdownOptions::for_dialect(dialect),
                format!("the file has {why}"),
            ),
            None => (options.clone(), reason.clone()),
        };
        let (_, doc, diags) = match project::segment_file(&path, &options) {
            Ok(found) => found,
            Err(e) => {
                let message = crate::relative_message(&e.to_string(), cwd);
                let _ = writeln!(err, "{}: {message}", style.error("error"));
                code = 2;
                continue;
            }
        };
        let written = match cmd.format {
            Format::Json => {
                let json = FileJson {
                    version: crate::output::JSON_VERSION,
                    path: shown,
                    dialect: options.dialect.name(),
                    segments: doc
                        .segments
                        .iter()
                        .map(|s| SegmentJson {
                            id: s.id.as_str(),
                            kind: s.kind,
                            line: s.line,
                            text: &s.text,
                            containers: s.containers.iter().map(ToString::to_string).collect(),
                        })
                        .collect(),
                    diagnostics: &diags,
                };
                let line = serde_json::to_string(&json).expect("segments serialise to JSON");
                writeln!(out, "{line}")
            }
            Format::Human => {
                let header = Header {
                    path: &shown,
                    dialect: options.dialect.name(),
                    reason: &reason,
                };
                human(&header, &doc, &diags, printed > 0, style, out)
            }
        };
        printed += 1;
        if written.is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return Ok(code);
        }
    }
    Ok(code)
}

/// What heads a file's segments.
struct Header<'a> {
    path: &'a str,
    dialect: &'static str,
    reason: &'a str,
}

fn human(
    header: &Header<'_>,
    doc: &model::Document,
    diags: &[model::Diagnostic],
    gap: bool,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if gap {
        writeln!(out)?;
    }
    let count = doc.segments.len();
    let path = header.path;
    writeln!(
        out,
        "{} {}",
        style.bold(path),
        style.dim(&format!(
            "({}, dialect {}: {})",
            plural(count, "segment"),
            header.dialect,
            header.reason
        ))
    )?;
    let id_width = doc
        .segments
        .iter()
        .map(|s| s.id.as_str().len())
        .max()
        .unwrap_or(0);
    let kind_width = doc
        .segments
        .iter()
        .map(|s| s.kind.name().len())
        .max()
        .unwrap_or(0);
    for s in &doc.segments {
        let mut lines = s.text.split('\n');
        let first = lines.next().unwrap_or_default();
        writeln!(
            out,
            "{:>5}  {:<id_width$}  {}  {first}",
            s.line,
            s.id.as_str(),
            style.dim(&format!("{:<kind_width$}", s.kind.name()))
        )?;
        for line in lines {
            writeln!(
                out,
                "{:>5}  {:<id_width$}  {:<kind_width$}  {line}",
                "", "", ""
            )?;
        }
    }
    for d in diags {
        writeln!(
            out,
            "{path}:{}: {} [{}] {}",
            d.line,
            style.warning("warning"),
            d.kind,
            d.message
        )?;
    }
    Ok(())
}
