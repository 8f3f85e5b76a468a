//! `bitext align`: a source page and its translation side by side.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::Style;
use crate::args::{AlignArgs, Args, Format};

#[derive(Serialize)]
struct AlignJson<'a> {
    version: u32,
    source: String,
    translation: String,
    pairs: Vec<PairJson<'a>>,
    unpaired_source: Vec<SideJson<'a>>,
    unpaired_translation: Vec<SideJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct PairJson<'a> {
    source_line: usize,
    line: usize,
    source_id: &'a str,
    confidence: f64,
    reason: &'a str,
    recovered: bool,
}

#[derive(Serialize)]
struct SideJson<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_id: Option<&'a str>,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    kind: &'static str,
    line: Option<usize>,
    source_line: Option<usize>,
    message: &'a str,
}

/// Rounded for people and JSON: two decimals.
fn rounded(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// The first line of `text`, cut to `width` characters.
fn clip(text: &str, width: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(width).collect();
    if line.chars().count() > width || text.contains('\n') {
        out.pop();
        out.push('…');
    }
    out
}

pub fn run(
    cmd: &AlignArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let aligned =
        project::align_files(&config, &cwd.join(&cmd.source), &cwd.join(&cmd.translation))?;
    let code = u8::from(!aligned.diagnostics.is_empty());
    let (src, tr) = (&aligned.source.segments, &aligned.translation);
    let a = &aligned.alignment;
    if cmd.format == Format::Json {
        let json = AlignJson {
            version: crate::output::JSON_VERSION,
            source: cmd.source.display().to_string(),
            translation: cmd.translation.display().to_string(),
            pairs: a
                .pairs
                .iter()
                .map(|p| PairJson {
                    source_line: src[p.source].line,
                    line: tr[p.translation].line,
                    source_id: src[p.source].id.as_str(),
                    confidence: rounded(p.confidence),
                    reason: &p.reason,
                    recovered: aligned.recovered[p.translation],
                })
                .collect(),
            unpaired_source: a
                .unpaired_source
                .iter()
                .map(|&i| SideJson {
                    line: src[i].line,
                    source_id: Some(src[i].id.as_str()),
                    kind: src[i].kind.name(),
                    text: &src[i].text,
                })
                .collect(),
            unpaired_translation: a
                .unpaired_translation
                .iter()
                .map(|&i| SideJson {
                    line: tr[i].line,
                    source_id: None,
                    kind: tr[i].kind.name(),
                    text: &tr[i].text,
                })
                .collect(),
            diagnostics: aligned
                .diagnostics
                .iter()
                .map(|d| DiagnosticJson {
                    kind: d.kind,
                    line: d.line,
                    source_line: d.source_line,
                    message: &d.message,
                })
                .collect(),
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        return Ok(code);
    }

    // Rows in order: unpaired segments come before the next pair past them.
    let width = 44;
    let mut us = a.unpaired_source.iter().peekable();
    let mut ut = a.unpaired_translation.iter().peekable();
    let mut rows = Vec::new();
    let mut flush = |until_s: usize, until_t: usize, rows: &mut Vec<String>| {
        while let Some(&&i) = us.peek().filter(|&&&i| i < until_s) {
            us.next();
            rows.push(format!(
                "{:>5} {}      {:<width$} │",
                src[i].line,
                style.bad("✗"),
                clip(&src[i].text, width)
            ));
        }
        while let Some(&&j) = ut.peek().filter(|&&&j| j < until_t) {
            ut.next();
            rows.push(format!(
                "      {} {:<5} {:<width$} │ {}",
                style.bad("✗"),
                tr[j].line,
                "",
                clip(&tr[j].text, width)
            ));
        }
    };
    for p in &a.pairs {
        flush(p.source, p.translation, &mut rows);
        let confidence = format!("{:.2}", rounded(p.confidence));
        let confidence = if p.confidence >= 0.75 {
            style.good(&confidence)
        } else {
            style.warning(&confidence)
        };
        rows.push(format!(
            "{:>5} ↔ {:<5} {:<width$} │ {}  {} {}",
            src[p.source].line,
            tr[p.translation].line,
            clip(&src[p.source].text, width),
            clip(&tr[p.translation].text, width),
            confidence,
            style.dim(&p.reason)
        ));
    }
    flush(usize::MAX, usize::MAX, &mut rows);
    for row in rows {
        let _ = writeln!(out, "{row}");
    }
    for d in &aligned.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}: {} [{}]",
            cmd.translation.display(),
            d.line.map_or_else(|| "?".to_owned(), |l| l.to_string()),
            style.warning(&d.message),
            d.kind
        );
    }
    let _ = writeln!(
        out,
        "{} pairs, mean confidence {:.2}; unpaired: {} source, {} translation; {} problems",
        a.pairs.len(),
        mean(a.pairs.iter().map(|p| p.confidence)),
        a.unpaired_source.len(),
        a.unpaired_translation.len(),
        aligned.diagnostics.len()
    );
    Ok(code)
}

fn mean(values: impl Iterator<Item = f32>) -> f64 {
    let (sum, n) = values.fold((0.0f64, 0usize), |(s, n), v| (s + f64::from(v), n + 1));
    if n == 0 { 1.0 } else { sum / n as f64 }
}
