//! Checks the workspace's own rules: every Rust file opens with `//!`, no
//! `dbg!`, no printing from library crates, and each external parser or
//! framework is used by its one crate only.

use std::path::{Path, PathBuf};

/// Dependencies that only one crate may have.
const OWNERS: &[(&str, &str)] = &[
    ("pulldown-cmark", "markdown"),
    ("clap", "bitext"),
    ("fluent-syntax", "catalog"),
    ("fluent-bundle", "catalog"),
    ("intl_pluralrules", "catalog"),
    ("similar", "diff"),
    ("git2", "history"),
    ("quick-xml", "exchange"),
    ("rayon", "project"),
    ("walkdir", "project"),
    ("globset", "project"),
    ("indicatif", "bitext"),
    ("clap_complete", "bitext"),
    ("clap_mangen", "xtask"),
    ("quick-junit", "bitext"),
];

/// Crates that may print.
const PRINTERS: &[&str] = &["bitext", "xtask", "corpus"];

pub fn check(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    collect(&root.join("crates"), &mut files);
    collect(&root.join("xtask"), &mut files);
    for file in &files {
        let rel = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        let Ok(text) = std::fs::read_to_string(file) else {
            problems.push(format!("{rel}: unreadable"));
            continue;
        };
        if file.extension().is_some_and(|e| e == "rs") {
            if !text.starts_with("//!") {
                problems.push(format!(
                    "{rel}: does not open with a `//!` comment saying what it is for"
                ));
            }
            if text.contains(concat!("dbg", "!(")) {
                problems.push(format!("{rel}: leftover dbg!"));
            }
            let krate = crate_of(&rel);
            let in_lib =
                rel.contains("/src/") && !rel.ends_with("main.rs") && !rel.contains("/examples/");
            if in_lib && !PRINTERS.contains(&krate) && !rel.ends_with("tests.rs") {
                for mac in [concat!("println", "!("), concat!("eprintln", "!(")] {
                    if text.contains(mac) {
                        problems.push(format!("{rel}: library code prints ({mac}…)"));
                    }
                }
            }
        } else if file.file_name().is_some_and(|n| n == "Cargo.toml") {
            let krate = crate_of(&rel);
            for (dep, owner) in OWNERS {
                let declared = text.lines().any(|l| {
                    l.trim_start().starts_with(&format!("{dep}."))
                        || l.trim_start().starts_with(&format!("{dep} "))
                });
                if declared && krate != *owner {
                    problems.push(format!(
                        "{rel}: depends on {dep}, which only `{owner}` may use"
                    ));
                }
            }
        }
    }
    problems
}

fn crate_of(rel: &str) -> &str {
    let mut parts = rel.split('/');
    match parts.next() {
        Some("crates") => parts.next().unwrap_or(""),
        Some(other) => other,
        None => "",
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "fixtures" {
                collect(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") || name == "Cargo.toml" {
            out.push(path);
        }
    }
}
