//! End-to-end cases as data: each `tests/cases/<name>/` holds `args` (one
//! argument per line), the project files, and `expected/{stdout,stderr,code}`.
//! The harness copies the case (without `expected/`) to a temp dir, runs the
//! CLI in-process there and compares. `UPDATE_EXPECT=1` rewrites the expectations.

use std::path::{Path, PathBuf};

mod support;
use support::run;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("case folder is listable") {
        let entry = entry.expect("directory entry");
        let name = entry.file_name();
        if name == "expected" || name == "args" {
            continue;
        }
        let target = to.join(&name);
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

#[test]
fn cases() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 7, "cases missing: {names:?}");
    for case in names {
        let args_text =
            std::fs::read_to_string(case.join("args")).expect("a case has an args file");
        let args: Vec<&str> = args_text.lines().collect();
        let temp = tempfile::tempdir().expect("temp dir");
        copy_tree(&case, temp.path());
        // Temp paths differ per run: show them as <tmp>.
        let tmp = temp.path().display().to_string();
        let (stdout, stderr, code) = run(temp.path(), &args);
        let expected = case.join("expected");
        expect_test::expect_file![expected.join("stdout")]
            .assert_eq(&stdout.replace(&tmp, "<tmp>"));
        expect_test::expect_file![expected.join("stderr")]
            .assert_eq(&stderr.replace(&tmp, "<tmp>"));
        expect_test::expect_file![expected.join("code")].assert_eq(&format!("{code}\n"));
    }
}

/// The README's first command, on the sample site of this repository.
#[test]
fn sample_site_lists_its_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (stdout, stderr, code) = run(&root, &["files", "--format", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    let it = &report["locales"][0];
    assert_eq!(it["locale"], "it");
    assert_eq!(
        (it["pages"].as_u64(), it["translated"].as_u64()),
        (Some(4), Some(4))
    );
}

/// The README's main command: the sample Italian FAQ (written by hand for
/// this) has a sentence pasted from another answer, a wrong port number and
/// a lost box line, and `bitext check` says so; the Italian catalog of the
/// sync page has a stale translation.
#[test]
fn sample_site_check_finds_the_three_planted_problems() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (stdout, stderr, code) = run(&root, &["check", "--format", "json"]);
    // Without an Italian dictionary, one note says spelling was not checked.
    let quiet = stderr.is_empty() || stderr.starts_with("note: spelling not checked in it");
    assert_eq!((code, quiet), (1, true), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    let found: Vec<(String, String, u64, u64)> = report["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap_or_default().to_owned(),
                f["path"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
                f["source_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let faq = "content/it/guide/faq.md".to_owned();
    assert_eq!(
        found,
        [
            ("misplaced".to_owned(), faq.clone(), 14, 18),
            ("numbers".to_owned(), faq.clone(), 24, 23),
            ("structure".to_owned(), faq, 27, 28),
            (
                "stale".to_owned(),
                "locales/it/guide/sync.ftl".to_owned(),
                23,
                18
            ),
        ]
    );
    let (stdout, _, code) = run(&root, &["check", "--explain", "misplaced"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("default severity: warning"), "{stdout}");
    let (_, stderr, code) = run(&root, &["check", "--explain", "grammar"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no check is named `grammar`"), "{stderr}");
}

/// Pages of the sample site segment, one JSON object per file and line.
#[test]
fn sample_site_pages_segment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pages = [
        "content/en/index.md",
        "content/en/guide/install.md",
        "content/it/guide/sync.md",
    ];
    let mut args = vec!["segments", "--format", "json"];
    args.extend(pages);
    let (stdout, stderr, code) = run(&root, &args);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout.lines().count(), pages.len());
    for (line, page) in stdout.lines().zip(pages) {
        let file: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        assert_eq!(file["path"], page);
        assert!(
            file["segments"].as_array().is_some_and(|s| s.len() >= 8),
            "{page}"
        );
    }
}
