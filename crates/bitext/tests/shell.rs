//! What makes bitext feel native in a shell: completion scripts that load,
//! and `--color` that means what it says.

use std::io::Write;
use std::process::{Command, Stdio};

mod support;
use support::{bitext, ok};

#[test]
fn bash_completions_load_and_name_the_commands() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let script = ok(tmp.path(), &["completions", "bash"]);
    assert!(
        script.contains("check") && script.contains("--changed-since"),
        "{script}"
    );
    let child = Command::new("bash")
        .args(["--norc", "-c", "source /dev/stdin && complete -p bitext"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(!corpus::in_ci(), "bash is missing (CI is set)");
        eprintln!("SKIPPED: no bash");
        return;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("written");
    let out = child.wait_with_output().expect("bash ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("-F _bitext bitext"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    for shell in ["zsh", "fish", "powershell"] {
        assert!(
            !ok(tmp.path(), &["completions", shell]).is_empty(),
            "{shell}"
        );
    }
    let (code, _, err) = bitext(tmp.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn color_always_colours_and_never_does_not() {
    let tmp = support::project(&[
        (
            "content/en/pumps.md",
            "# Pumps\n\nA pump moves 40 litres a minute.\n",
        ),
        (
            "content/it/pumps.md",
            "# Pompe\n\nUna pompa sposta 45 litri al minuto.\n",
        ),
    ]);
    let dir = tmp.path();
    let (_, always, _) = bitext(dir, &["--color", "always", "check"]);
    assert!(always.contains("\u{1b}["), "{always}");
    let (_, never, _) = bitext(dir, &["check", "--color", "never"]);
    assert!(!never.contains('\u{1b}'), "{never}");
    assert!(never.contains("content/it/pumps.md"), "{never}");
}

#[test]
fn quiet_shows_findings_only_and_verbose_says_what_was_read() {
    let tmp = support::project(&[
        (
            "content/en/pumps.md",
            "# Pumps\n\nA pump moves 40 litres a minute.\n",
        ),
        (
            "content/it/pumps.md",
            "# Pompe\n\nUna pompa sposta 45 litri al minuto.\n",
        ),
    ]);
    let dir = tmp.path();
    let (code, out, err) = bitext(dir, &["-q", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("content/it/pumps.md"), "{out}");
    assert!(
        !out.contains("check passed") && !out.contains("findings on"),
        "{out}"
    );
    assert!(!err.contains("note:"), "{err}");
    let (_, out, err) = bitext(dir, &["check", "--verbose"]);
    assert!(out.contains("check passed"), "{out}");
    for line in [
        "config: bitext.toml",
        "dialect: gfm",
        "source pages: content/en/{path}.md",
        "locales: it (set in the config)",
    ] {
        assert!(err.contains(line), "{line}: {err}");
    }
    let (code, _, err) = bitext(dir, &["-q", "-v", "check"]);
    assert_eq!(code, 2, "{err}");
}
