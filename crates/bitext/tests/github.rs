//! `check --format github`: at most 10 error and 10 warning annotations,
//! the most certain first, one notice with the totals, and the Markdown
//! step summary appended to `$GITHUB_STEP_SUMMARY`.

use std::process::Command;

mod support;
use support::write;

const BIN: &str = env!("CARGO_BIN_EXE_bitext");

#[test]
fn annotations_stay_within_what_github_shows_and_the_summary_has_the_rest() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    // 15 pages, each Italian translation with a wrong number and a lost box.
    for k in 0..15 {
        write(
            &dir.join(format!("content/en/pump-{k:02}.md")),
            &format!(
                "# Pump {k}\n\n!!! note\n\n    Pump {k} moves {} litres a minute.\n\nIt runs all day.\n",
                40 + k
            ),
        );
        write(
            &dir.join(format!("content/it/pump-{k:02}.md")),
            &format!(
                "# Pompa {k}\n\nLa pompa {k} sposta {} litri al minuto.\n\nFunziona tutto il giorno.\n",
                90 + k
            ),
        );
    }
    let summary = dir.join("summary.md");
    write(&summary, "## Earlier step\n\n");
    let out = Command::new(BIN)
        .args(["check", "--format", "github"])
        .current_dir(dir)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("bitext runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let errors = lines.iter().filter(|l| l.starts_with("::error ")).count();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!(errors, 10, "{text}");
    assert!(warnings <= 10, "{text}");
    // Errors come first, then the one notice with the totals, last.
    let first_warning = lines.iter().position(|l| l.starts_with("::warning "));
    let last_error = lines.iter().rposition(|l| l.starts_with("::error "));
    assert!(
        first_warning.is_none_or(|w| last_error.is_some_and(|e| e < w)),
        "{text}"
    );
    let notice = lines.last().expect("a notice");
    assert!(
        notice.starts_with("::notice title=bitext check::"),
        "{notice}"
    );
    assert!(notice.contains("in 15 pages of 1 locale"), "{notice}");
    let summary = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        summary.starts_with("## Earlier step\n\n## bitext check: failed"),
        "{summary}"
    );
    assert!(summary.contains("| it | 15 |"), "{summary}");
    assert!(summary.contains("`content/it/pump-00.md`"), "{summary}");
}
