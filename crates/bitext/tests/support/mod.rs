//! What the CLI test binaries share: running bitext in-process.

use std::path::Path;

#[allow(dead_code)]
pub mod translator;

/// Runs the CLI in `dir`; returns (stdout, stderr, exit code).
pub fn run(dir: &Path, args: &[&str]) -> (String, String, u8) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("bitext")
        .chain(args.iter().copied())
        .map(Into::into);
    let code = cli::run_with(argv, dir, cli::Style::default(), &mut out, &mut err);
    let text = |b: Vec<u8>| String::from_utf8(b).expect("the CLI writes UTF-8");
    (text(out), text(err), code)
}

// Helpers below are used by some of the test binaries that include this module.

/// Runs the CLI in `dir`; returns (exit code, stdout, stderr).
#[allow(dead_code)]
pub fn bitext(dir: &Path, args: &[&str]) -> (u8, String, String) {
    let (out, err, code) = run(dir, args);
    (code, out, err)
}

/// Runs the CLI in `dir`, asserts success and returns stdout.
#[allow(dead_code)]
#[track_caller]
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = bitext(dir, args);
    assert_eq!(code, 0, "bitext {args:?} failed:\n{out}\n{err}");
    out
}

#[allow(dead_code)]
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// Writes `text` to `path`, creating its folders.
#[allow(dead_code)]
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("creatable");
    std::fs::write(path, text).expect("writable");
}

/// A temp project with `bitext.toml` (source `en`, locale `it`) and these pages.
#[allow(dead_code)]
pub fn project(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(
        &tmp.path().join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n",
    );
    for (path, text) in pages {
        write(&tmp.path().join(path), text);
    }
    tmp
}

/// Runs git in `dir`; false when git is missing (allowed outside CI only).
#[allow(dead_code)]
pub fn git(dir: &Path, args: &[&str]) -> bool {
    match std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
    {
        Ok(result) => {
            assert!(
                result.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&result.stderr)
            );
            true
        }
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "git is needed in CI: {e}");
            eprintln!("SKIPPED: git not found ({e})");
            false
        }
    }
}

/// Makes `dir` a git repository with everything in it committed as
/// `message`; false when git is missing (allowed outside CI only).
#[allow(dead_code)]
pub fn committed_repository(dir: &Path, message: &str) -> bool {
    git(dir, &["init", "-q"])
        && git(dir, &["add", "-A"])
        && git(dir, &["commit", "-q", "-m", message])
}

/// A schema `.ci/fetch-schemas.py` puts in `target/ci-schemas/` (JUnit's
/// junit-10.xsd, SARIF 2.1.0); `None` on a machine without it (in CI it
/// must be there).
#[allow(dead_code)]
pub fn ci_schema(name: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/ci-schemas")
        .join(name);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing (CI is set; .ci/run fetches it with .ci/fetch-schemas.py)",
        path.display()
    );
    eprintln!("SKIPPED: no {} (run .ci/fetch-schemas.py)", path.display());
    None
}

/// Problems of the SARIF log `text` against the SARIF 2.1.0 schema
/// (Python's jsonschema), one per line; `None` when the schema or the
/// validator is not on this machine (in CI both must be).
#[allow(dead_code)]
pub fn sarif_problems(dir: &Path, text: &str) -> Option<String> {
    let schema = ci_schema("sarif-2.1.0.json")?;
    let file = dir.join("check.sarif");
    std::fs::write(&file, text).expect("writable");
    let script = "import json, sys\nfrom jsonschema import Draft4Validator\nv = Draft4Validator(json.load(open(sys.argv[1])))\nfor e in v.iter_errors(json.load(open(sys.argv[2]))):\n    print(list(e.absolute_path), e.message)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(&file)
        .output()
        .expect("python3 runs");
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 with jsonschema failed (CI is set): {err}"
        );
        eprintln!("SKIPPED: SARIF not validated: {err}");
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Problems of the JUnit XML `text` against junit-10.xsd (xmllint); `None`
/// when the schema or xmllint is not on this machine (in CI both must be).
#[allow(dead_code)]
pub fn junit_problems(dir: &Path, text: &str) -> Option<String> {
    let schema = ci_schema("junit-10.xsd")?;
    let file = dir.join("junit.xml");
    std::fs::write(&file, text).expect("writable");
    match std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(out) if out.status.success() => Some(String::new()),
        Ok(out) => Some(String::from_utf8_lossy(&out.stderr).into_owned()),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "xmllint is missing (CI is set): {e}"
            );
            eprintln!("SKIPPED: no xmllint: {e}");
            None
        }
    }
}
