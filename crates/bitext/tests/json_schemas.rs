//! Every `--format json` output validates against its schema in
//! `docs/schema/` (Python's `jsonschema`, installed by `.ci/run`), on a
//! small site in git that gives each output something to say: a catalog
//! page and a hand-made translated page, a source edit since the last
//! commit, a rejected import, findings.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::{bitext, git, ok, write};

const SOURCE: &str = "# Ferries\n\nThe ferry leaves at 9:00 from pier 4.\n\nSee [the timetable](https://example.org/times) and run `ferry --list`.\n\n!!! note\n\n    Tickets cost 12 euros.\n";
const TRANSLATION: &str = "# Traghetti\n\nIl traghetto parte alle 9:00 dal molo 5.\n\nVedi [l'orario](https://example.org/times) ed esegui `ferry --list`.\n\n!!! note\n\n    I biglietti costano 12 euro.\n";

fn schema(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../docs/schema/{name}.schema.json"))
}

/// The site: `docs/en/ferry.md` in catalog mode, `docs/en/pier.md` with a
/// hand-made Italian page; committed, then the source edited.
fn site() -> Option<tempfile::TempDir> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[paths]\nsource = \"docs/en/{path}.md\"\ntranslation = \"docs/{locale}/{path}.md\"\ncatalog = \"locales/{locale}/{path}.ftl\"\n",
    );
    write(&dir.join("docs/en/ferry.md"), SOURCE);
    write(&dir.join("docs/en/pier.md"), SOURCE);
    write(&dir.join("docs/it/pier.md"), TRANSLATION);
    if !git(dir, &["init", "-q"]) {
        return None;
    }
    ok(dir, &["sync"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "first"]);
    let edited = SOURCE.replace("pier 4", "pier 6");
    write(&dir.join("docs/en/ferry.md"), &edited);
    write(&dir.join("docs/en/pier.md"), &edited);
    git(dir, &["commit", "-q", "-am", "pier 6"]);
    Some(tmp)
}

/// Whether Python's `jsonschema` is here (in CI it must be).
fn validator() -> bool {
    let here = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        here || !corpus::in_ci(),
        "python3 with jsonschema is missing (CI is set; .ci/run installs it)"
    );
    if !here {
        eprintln!("SKIPPED: python3 with jsonschema not found");
    }
    here
}

/// Validates each (schema, document) pair with Python's `jsonschema`;
/// the problems, one per line, or nothing.
fn validate(dir: &Path, pairs: &[(PathBuf, PathBuf)]) -> String {
    let script = "import json, sys\nfrom jsonschema import Draft202012Validator\nargs = sys.argv[1:]\nfor schema, doc in zip(args[::2], args[1::2]):\n    validator = Draft202012Validator(json.load(open(schema)))\n    for line in open(doc):\n        for e in validator.iter_errors(json.loads(line)):\n            print(f'{doc}: {list(e.absolute_path)}: {e.message}')\n";
    let mut command = Command::new("python3");
    command.args(["-c", script]).current_dir(dir);
    for (schema, doc) in pairs {
        command.arg(schema).arg(doc);
    }
    let out = command.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_json_output_validates_against_its_schema() {
    if !validator() {
        return;
    }
    let Some(tmp) = site() else {
        return;
    };
    let dir = tmp.path();
    // Each output, with the exit codes it may have (findings, rejections).
    let runs: Vec<(&str, Vec<&str>, &[u8])> = vec![
        (
            "segments",
            vec!["segments", "docs/en/ferry.md", "docs/en/pier.md"],
            &[0],
        ),
        ("files", vec!["files"], &[0]),
        ("sync", vec!["sync"], &[0]),
        ("messages", vec!["pending", "--locale", "it"], &[0]),
        ("messages", vec!["export", "--locale", "it"], &[0]),
        ("messages", vec!["export", "--template"], &[0]),
        ("build", vec!["build", "--check"], &[0, 1]),
        ("build", vec!["build"], &[0]),
        ("status", vec!["status"], &[0]),
        ("impact", vec!["status", "--changed-since", "HEAD~1"], &[0]),
        (
            "align",
            vec!["align", "docs/en/pier.md", "docs/it/pier.md"],
            &[0, 1],
        ),
        ("check", vec!["check"], &[0, 1]),
        ("diff", vec!["diff", "--since", "HEAD~1"], &[0]),
        ("diff", vec!["diff", "--locale", "it"], &[0]),
    ];
    let mut pairs = Vec::new();
    for (n, (name, mut args, codes)) in runs.into_iter().enumerate() {
        args.extend(["--format", "json"]);
        let (code, out, err) = bitext(dir, &args);
        assert!(codes.contains(&code), "{args:?}: exit {code}\n{err}");
        assert!(
            out.contains("\"version\":") || out.contains("\"version\": "),
            "{args:?}: {out}"
        );
        let file = dir.join(format!("out-{n}.json"));
        // Pretty-printed outputs become one line each for the validator.
        let lines = if out.trim_start().starts_with('{') && !out.trim_end().contains("}\n{") {
            let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON value");
            format!("{value}\n")
        } else {
            out
        };
        write(&file, &lines);
        pairs.push((schema(name), file));
    }
    // An import with a rejection, and one of the translated pages.
    let messages = std::fs::read_to_string(&pairs[3].1).expect("the pending file");
    let mut value: serde_json::Value = serde_json::from_str(&messages).expect("JSON");
    let first = &mut value["messages"][0];
    first["translation"] = "Traghetti".into();
    value["messages"][1]["id"] = "no-such-id".into();
    value["messages"][1]["translation"] = "x".into();
    write(&dir.join("it.json"), &value.to_string());
    for (n, args) in [
        vec!["import", "--locale", "it", "it.json", "--format", "json"],
        vec!["import", "--locale", "it", "--format", "json"],
    ]
    .into_iter()
    .enumerate()
    {
        let (code, out, err) = bitext(dir, &args);
        assert!(code <= 1, "{args:?}: {err}");
        let file = dir.join(format!("import-{n}.json"));
        write(&file, &out);
        pairs.push((schema("import"), file));
    }
    if Path::new("/usr/share/hunspell/it_IT.dic").is_file() {
        let out = ok(dir, &["check", "--learn-words", "it", "--format", "json"]);
        write(&dir.join("learn.json"), &out);
        pairs.push((schema("learn-words"), dir.join("learn.json")));
    } else {
        assert!(
            !corpus::in_ci(),
            "the Italian dictionary is missing (CI is set)"
        );
    }
    let problems = validate(dir, &pairs);
    assert!(problems.is_empty(), "{problems}");
    // Every schema in docs/schema is used above.
    let used: std::collections::BTreeSet<PathBuf> = pairs.iter().map(|(s, _)| s.clone()).collect();
    let dir_entries =
        std::fs::read_dir(schema("x").parent().expect("docs/schema")).expect("docs/schema");
    for entry in dir_entries {
        let path = entry.expect("an entry").path();
        if path.to_string_lossy().ends_with(".schema.json") {
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            assert!(
                used.iter().any(|u| u.ends_with(&name)),
                "{name} is not tested"
            );
        }
    }
}
