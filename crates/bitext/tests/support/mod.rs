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
