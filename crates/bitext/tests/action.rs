//! The GitHub Action's check step (`.github/action/check.sh`, which
//! `action.yml` runs) run here as the runner would, with its inputs and
//! `GITHUB_*` variables set: annotations within GitHub's limits, a step
//! summary, a SARIF file, the exit code `fail-on` asks for.

use std::path::Path;
use std::process::Command;

mod support;
use support::write;

const BIN: &str = env!("CARGO_BIN_EXE_bitext");

fn script() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.github/action/check.sh")
}

#[test]
fn the_action_annotates_summarises_and_writes_sarif() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    for k in 0..12 {
        write(
            &dir.join(format!("content/en/pump-{k:02}.md")),
            &format!(
                "# Pump {k}\n\n!!! note\n\n    Pump {k} moves {} litres a minute.\n",
                40 + k
            ),
        );
        write(
            &dir.join(format!("content/it/pump-{k:02}.md")),
            &format!(
                "# Pompa {k}\n\nLa pompa {k} sposta {} litri al minuto.\n",
                90 + k
            ),
        );
    }
    let bin_dir = Path::new(BIN).parent().expect("the binary's folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let summary = dir.join("summary.md");
    let run = |fail_on: &str| {
        Command::new("bash")
            .arg(script())
            .current_dir(dir)
            .env("PATH", &path)
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("BITEXT_FAIL_ON", fail_on)
            .env("BITEXT_SARIF", "bitext.sarif")
            .env("BITEXT_ARGS", "--locale it")
            .output()
    };
    let Ok(out) = run("error") else {
        assert!(!corpus::in_ci(), "bash is missing (CI is set)");
        eprintln!("SKIPPED: no bash");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let annotations = stdout
        .lines()
        .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
        .count();
    assert!((1..=20).contains(&annotations), "{stdout}");
    assert!(
        stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("::notice ")),
        "{stdout}"
    );
    let summary_text = std::fs::read_to_string(&summary).expect("a step summary");
    assert!(
        summary_text.contains("## bitext check: failed"),
        "{summary_text}"
    );
    let text = std::fs::read_to_string(dir.join("bitext.sarif")).expect("a SARIF file");
    let sarif: serde_json::Value = serde_json::from_str(&text).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() >= 24, "{} results", results.len());
    // Within GitHub's limits, each finding its own fingerprint, valid.
    let runs = sarif["runs"].as_array().expect("runs");
    assert!(
        runs.iter()
            .all(|r| r["results"].as_array().is_some_and(|r| r.len() <= 25_000))
    );
    let fingerprints: std::collections::HashSet<&str> = results
        .iter()
        .filter_map(|r| r["partialFingerprints"]["bitextFinding/v1"].as_str())
        .collect();
    assert_eq!(fingerprints.len(), results.len(), "fingerprints are unique");
    if let Some(problems) = support::sarif_problems(dir, &text) {
        assert!(problems.is_empty(), "SARIF 2.1.0 schema: {problems}");
    }
    // fail-on never: the step passes with the same findings.
    let out = run("never").expect("ran");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
