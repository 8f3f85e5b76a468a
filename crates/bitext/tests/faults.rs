//! Faults a project meets in real use, with the real binary in separate
//! processes: runs that overlap (two imports, a sync and an import), runs
//! killed at random points, links out of the project and link loops, and
//! bad input. Each asserts that nothing is lost, nothing is torn, nothing
//! is written where it must not be, and the exit code says what happened.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod support;
use support::{bitext, ok, read, write};

const BIN: &str = env!("CARGO_BIN_EXE_bitext");

/// A paragraph of page `p`, number `k`: words and a number of its own.
fn paragraph(p: usize, k: usize) -> String {
    format!(
        "Tidewater pump {p} keeps reservoir {k} at {} litres per hour.",
        100 + k
    )
}

/// A site of `pages` pages of `paragraphs` paragraphs, synced, with an
/// empty Italian catalog per page.
fn site(pages: usize, paragraphs: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[markdown]\ndialect = \"gfm\"\n",
    );
    for p in 0..pages {
        let mut text = format!("# Pump {p}\n");
        for k in 0..paragraphs {
            text.push('\n');
            text.push_str(&paragraph(p, k));
            text.push('\n');
        }
        write(&dir.join(format!("content/en/pump-{p:03}.md")), &text);
    }
    ok(dir, &["sync"]);
    tmp
}

/// The pending PO of a page with the entries `take` picks translated.
fn po_with(dir: &Path, file: &str, take: &dyn Fn(usize) -> bool) {
    ok(
        dir,
        &["pending", "--locale", "it", "--format", "po", "-o", file],
    );
    let po = read(&dir.join(file));
    let mut out = String::new();
    let mut entry = 0;
    for block in po.split("\n\n") {
        let mut block = block.to_owned();
        if block.contains("msgctxt") {
            if take(entry) {
                let msgid = block
                    .lines()
                    .find_map(|l| l.strip_prefix("msgid \""))
                    .expect("a msgid")
                    .trim_end_matches('"')
                    .to_owned();
                block = block.replace("msgstr \"\"", &format!("msgstr \"IT {msgid}\""));
            }
            entry += 1;
        }
        out.push_str(&block);
        out.push_str("\n\n");
    }
    std::fs::write(dir.join(file), out.trim_end().to_owned() + "\n").expect("write the PO");
}

/// The Italian translations in the catalogs: (page file, id) → text.
fn translations(dir: &Path) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    let catalogs = files_below(&dir.join("locales/it"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"));
    for path in catalogs {
        let text = read(&path);
        let catalog = catalog::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        for m in catalog.messages {
            out.insert((path.display().to_string(), m.id), m.text);
        }
    }
    out
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && !path.is_symlink() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Every file of the tree with its bytes (the state folder's lock aside).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_below(dir)
        .into_iter()
        .filter(|p| !p.ends_with(".bitext/lock"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect()
}

fn spawn(dir: &Path, args: &[&str]) -> std::process::Child {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start bitext")
}

fn finish(child: std::process::Child) -> (i32, String) {
    let out = child.wait_with_output().expect("bitext ran");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn overlapping_imports_keep_both_translators_work() {
    for run in 0..10 {
        let tmp = site(1, 200);
        let dir = tmp.path();
        po_with(dir, "a.po", &|k| k < 100);
        po_with(dir, "b.po", &|k| k >= 100);
        let a = spawn(dir, &["import", "--locale", "it", "a.po"]);
        let b = spawn(dir, &["import", "--locale", "it", "b.po"]);
        let (code_a, err_a) = finish(a);
        let (code_b, err_b) = finish(b);
        assert_eq!((code_a, code_b), (0, 0), "run {run}: {err_a}{err_b}");
        let found = translations(dir);
        let translated = found.values().filter(|t| t.starts_with("IT ")).count();
        // The heading and 200 paragraphs: 101 from a.po, 100 from b.po.
        assert_eq!(translated, 201, "run {run}: both files' translations kept");
    }
}

#[test]
fn a_sync_overlapping_an_import_keeps_both() {
    for run in 0..5 {
        let tmp = site(40, 30);
        let dir = tmp.path();
        po_with(dir, "a.po", &|_| true);
        // The source moves on: one more paragraph on every page.
        for path in files_below(&dir.join("content/en")) {
            let mut text = read(&path);
            text.push_str("\nA new paragraph about the spare valves.\n");
            std::fs::write(&path, text).expect("edit a page");
        }
        let import = spawn(dir, &["import", "--locale", "it", "a.po"]);
        let sync = spawn(dir, &["sync"]);
        let (code_i, err_i) = finish(import);
        let (code_s, err_s) = finish(sync);
        assert_eq!((code_i, code_s), (0, 0), "run {run}: {err_i}{err_s}");
        let found = translations(dir);
        let translated = found.values().filter(|t| t.starts_with("IT ")).count();
        assert_eq!(translated, 40 * 31, "run {run}: the import's work kept");
        let source = read(&dir.join("locales/en/pump-000.ftl"));
        assert!(
            source.contains("spare valves"),
            "run {run}: the sync's work kept"
        );
    }
}

#[test]
fn no_wait_fails_while_another_run_holds_the_project() {
    let tmp = site(2, 3);
    let dir = tmp.path();
    let config = project::Config::discover(dir).expect("config");
    let held =
        project::lock(&config, project::Access::Exclusive, false, &mut || {}).expect("the lock");
    let (code, _, err) = bitext(dir, &["--no-wait", "status"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("another bitext run holds the project's lock"),
        "{err}"
    );
    let (code, _, err) = bitext(dir, &["--no-wait", "sync"]);
    assert_eq!(code, 2, "{err}");
    drop(held);
    let (code, _, err) = bitext(dir, &["--no-wait", "sync"]);
    assert_eq!(code, 0, "{err}");
}

/// A deterministic sequence of delays in microseconds, spread over `0..max`.
fn delays(n: usize, max: u64) -> Vec<u64> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % max
        })
        .collect()
}

/// A site ready for `kind` (0: sync after a source change, 1: import,
/// 2: build), and the command.
fn prepared(kind: usize) -> (tempfile::TempDir, &'static [&'static str]) {
    let tmp = site(150, 20);
    let dir = tmp.path();
    let command: &[&str] = match kind {
        0 => {
            for path in files_below(&dir.join("content/en")).iter().step_by(2) {
                let mut text = read(path);
                text.push_str("\nThe valves were replaced in spring.\n");
                std::fs::write(path, text).expect("edit a page");
            }
            &["sync"]
        }
        1 => {
            po_with(dir, "a.po", &|e| e % 2 == 0);
            &["import", "--locale", "it", "a.po"]
        }
        _ => &["build", "--force"],
    };
    (tmp, command)
}

#[test]
fn runs_killed_at_random_points_leave_no_torn_file_and_no_debris() {
    // How long each kind of run takes here, to kill within its span.
    let spans: Vec<u64> = (0..3)
        .map(|kind| {
            let (tmp, command) = prepared(kind);
            let started = std::time::Instant::now();
            let (code, err) = finish(spawn(tmp.path(), command));
            assert_eq!(code, 0, "{command:?}: {err}");
            started.elapsed().as_micros() as u64
        })
        .collect();
    let mut kills = 0;
    // Kills that caught a run half way: some files changed, or debris left.
    let mut midway = 0;
    // At least 30 kills, and more (up to 90) until 5 caught a run half way:
    // how long a run takes moves with what else the machine does.
    for (k, r) in delays(90, 1000).into_iter().enumerate() {
        if kills >= 30 && midway >= 5 {
            break;
        }
        let kind = k % 3;
        // Runs write at their end: most kills fall from a third of the
        // measured span to half again as long.
        let delay = spans[kind] * (300 + r * 13 / 10) / 1000;
        let (tmp, command) = prepared(kind);
        let dir = tmp.path();
        let before = snapshot(dir);
        let mut child = spawn(dir, command);
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        kills += 1;
        let during = snapshot(dir);
        // The run again, to its end.
        let (code, err) = finish(spawn(dir, command));
        assert_eq!(code, 0, "{command:?} after a kill: {err}");
        let after = snapshot(dir);
        if during != before && during != after {
            midway += 1;
        }
        for (path, bytes) in &during {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if name
                .as_deref()
                .is_some_and(|n| n.contains(".bitext-") && n.ends_with(".tmp"))
            {
                continue;
            }
            let old = before.get(path);
            let new = after.get(path);
            assert!(
                old == Some(bytes) || new == Some(bytes),
                "{command:?} killed after {delay} µs: {} is neither its old nor its new text",
                path.display()
            );
        }
        let debris: Vec<&PathBuf> = after
            .keys()
            .filter(|p| {
                p.to_string_lossy().contains(".bitext-") && p.to_string_lossy().ends_with(".tmp")
            })
            .collect();
        assert!(debris.is_empty(), "{command:?}: left over {debris:?}");
    }
    assert!(kills >= 30);
    eprintln!("{midway} of {kills} kills caught a run half way (runs of {spans:?} µs)");
    assert!(
        midway >= 5,
        "only {midway} kills caught a run half way: the test proves little"
    );
}

#[cfg(unix)]
#[test]
fn a_translation_folder_linked_outside_the_project_is_refused() {
    let tmp = site(3, 4);
    let dir = tmp.path();
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(outside.path().join("it")).expect("create folder");
    std::os::unix::fs::symlink(outside.path().join("it"), dir.join("content/it")).expect("link");
    let listing = || files_below(outside.path());
    let before = listing();
    for command in [&["build"][..], &["sync"][..], &["check"][..]] {
        let (code, _, err) = bitext(dir, command);
        assert_eq!(code, 2, "{command:?}: {err}");
        assert!(
            err.contains("content/it is a link to") && err.contains("outside the project"),
            "{command:?}: {err}"
        );
    }
    assert_eq!(listing(), before, "nothing written outside");
    assert!(before.is_empty());
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_named_and_never_walked() {
    let tmp = site(5, 2);
    let dir = tmp.path();
    let pages = |out: &str| -> u64 {
        let json: serde_json::Value = serde_json::from_str(out).expect("JSON");
        json["locales"][0]["pages"].as_u64().expect("a count")
    };
    let (_, out, _) = bitext(dir, &["files", "--format", "json"]);
    let count = pages(&out);
    std::os::unix::fs::symlink("..", dir.join("content/en/loop")).expect("link");
    let (code, out, err) = bitext(dir, &["files", "--format", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("content/en/loop is a link loop"), "{err}");
    assert_eq!(pages(&out), count, "the loop is not walked");
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_link_too_is_one_page() {
    let tmp = site(3, 1);
    let dir = tmp.path();
    let pages = |dir: &Path| -> u64 {
        let json: serde_json::Value =
            serde_json::from_str(&ok(dir, &["files", "--format", "json"])).expect("JSON");
        json["locales"][0]["pages"].as_u64().expect("a count")
    };
    std::os::unix::fs::symlink("pump-001.md", dir.join("content/en/alias.md")).expect("link");
    std::fs::create_dir_all(dir.join("content/en/more")).expect("a folder");
    std::os::unix::fs::symlink("../pump-002.md", dir.join("content/en/more/again.md"))
        .expect("link");
    assert_eq!(pages(dir), 3);
}

#[test]
fn files_git_ignores_are_pages_only_when_not_asked() {
    let tmp = site(3, 1);
    let dir = tmp.path();
    write(
        &dir.join("content/en/drafts/wip.md"),
        "# Work in progress\n",
    );
    write(&dir.join(".gitignore"), "content/en/drafts/\n");
    if !support::git(dir, &["init", "-q"]) {
        return;
    }
    let pages = |dir: &Path| -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_str(&ok(dir, &["files", "--format", "json"])).expect("JSON");
        json["locales"][0]["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter_map(|f| f["path"].as_str().map(str::to_owned))
            .collect()
    };
    assert!(pages(dir).contains(&"drafts/wip".to_owned()));
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[paths]\ngitignore = true\n[markdown]\ndialect = \"gfm\"\n",
    );
    let kept = pages(dir);
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert!(!kept.contains(&"drafts/wip".to_owned()));
}

/// A bad input: what it is, the command that meets it, and how it is made.
type BadInput<'a> = (&'a str, &'a [&'a str], &'a dyn Fn(&Path));

#[test]
fn bad_input_fails_with_exit_2_and_writes_nothing() {
    let cases: [BadInput<'_>; 12] = [
        ("malformed bitext.toml", &["sync"], &|d| {
            write(&d.join("bitext.toml"), "source_locale = \n[paths\n")
        }),
        ("a page that is not UTF-8", &["sync"], &|d| {
            std::fs::write(d.join("content/en/latin.md"), b"# Caf\xe9\n").expect("write")
        }),
        ("a binary page", &["sync"], &|d| {
            std::fs::write(d.join("content/en/binary.md"), b"# A\0B\n").expect("write")
        }),
        ("junk in a catalog", &["sync"], &|d| {
            write(
                &d.join("locales/it/pump-000.ftl"),
                "pump-0-heading-1 = Pompa\n}}} junk {{{\n",
            )
        }),
        (
            "a malformed PO file",
            &["import", "--locale", "it", "bad.po"],
            &|d| write(&d.join("bad.po"), "msgid \"unclosed\nmsgstr \"\"\n"),
        ),
        (
            "a truncated XLIFF file",
            &["import", "--locale", "it", "bad.xliff"],
            &|d| {
                write(
                    &d.join("bad.xliff"),
                    "<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"it\">\n<file id=\"f\">\n<unit id=\"u\"><segment><source>A</source><target>B",
                )
            },
        ),
        (
            "a truncated JSON file",
            &["import", "--locale", "it", "bad.json"],
            &|d| {
                write(
                    &d.join("bad.json"),
                    "{\"format\": \"bitext-messages\", \"version\": 1, \"locale\": \"it\",\n\"messages\": [{\"page\": \"pump-000\", \"id\": \"pump-0-heading-1\", \"translation\": \"Pom",
                )
            },
        ),
        (
            "an XLIFF 1.2 placeholder without its code",
            &["import", "--locale", "it", "x.xlf"],
            &|d| {
                write(
                    &d.join("x.xlf"),
                    "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"pump-000\" source-language=\"en\" target-language=\"it\" datatype=\"plaintext\"><body><trans-unit id=\"pump-0-heading-1\"><source>Pump 0</source><target>Pompa <x id=\"1\"/></target></trans-unit></body></file></xliff>\n",
                )
            },
        ),
        (
            "an external entity in XLIFF",
            &["import", "--locale", "it", "ext.xliff"],
            &|d| {
                write(
                    &d.join("ext.xliff"),
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"it\"><file id=\"pump-000\"><unit id=\"pump-0-heading-1\"><segment><source>Pump 0</source><target>&e;</target></segment></unit></file></xliff>\n",
                )
            },
        ),
        (
            "an entity bomb in XLIFF",
            &["import", "--locale", "it", "bomb.xliff"],
            &|d| {
                write(
                    &d.join("bomb.xliff"),
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"it\"><file id=\"pump-000\"><unit id=\"pump-0-heading-1\"><segment><source>Pump 0</source><target>&c;</target></segment></unit></file></xliff>\n",
                )
            },
        ),
        ("`..` in a config path", &["sync"], &|d| {
            write(
                &d.join("bitext.toml"),
                "source_locale = \"en\"\nlocales = [\"it\"]\n[paths]\ncatalog = \"../elsewhere/{locale}/{path}.ftl\"\n",
            )
        }),
        ("`..` in a locale code", &["sync"], &|d| {
            write(
                &d.join("bitext.toml"),
                "source_locale = \"en\"\nlocales = [\"../it\"]\n",
            )
        }),
    ];
    for (what, command, damage) in cases {
        let tmp = site(2, 3);
        let dir = tmp.path();
        damage(dir);
        let before = snapshot(dir);
        let (code, _, err) = bitext(dir, command);
        assert_eq!(code, 2, "{what}: {err}");
        assert!(err.starts_with("error: "), "{what}: {err}");
        assert_eq!(snapshot(dir), before, "{what}: something was written");
    }
}

#[test]
fn checks_at_once_leave_a_whole_cache_and_the_same_answer() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\", \"fr\"]\n[markdown]\ndialect = \"gfm\"\n[check.severity]\nspelling = \"off\"\n",
    );
    for p in 0..40 {
        let mut source = format!("# Pump {p}\n");
        let mut it = format!("# Pompa {p}\n");
        for k in 0..20 {
            source.push_str(&format!("\n{}\n", paragraph(p, k)));
            it.push_str(&format!(
                "\nLa pompa {p} tiene il serbatoio {k} a {} litri l'ora.\n",
                100 + k + usize::from(k == 3)
            ));
        }
        write(&dir.join(format!("content/en/pump-{p:02}.md")), &source);
        write(&dir.join(format!("content/it/pump-{p:02}.md")), &it);
        write(&dir.join(format!("content/fr/pump-{p:02}.md")), &it);
    }
    let check = || {
        Command::new(BIN)
            .args(["check", "--format", "json"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bitext")
    };
    let (_, cold, _) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    assert!(cold.contains("\"numbers\""), "{cold}");
    for round in 0..5 {
        // Empty, then full: both runs write the cache, then both read it.
        if round % 2 == 0 {
            let _ = std::fs::remove_dir_all(dir.join(".bitext/cache"));
        }
        let runs = [check(), check(), check()];
        for run in runs {
            let out = run.wait_with_output().expect("bitext ran");
            assert_eq!(out.status.code(), Some(0), "round {round}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), cold, "round {round}");
        }
        // The binary's own cache (an in-process run is another build).
        let out = Command::new(BIN)
            .args(["-v", "check", "--format", "json"])
            .current_dir(dir)
            .output()
            .expect("bitext ran");
        let (warm, err) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(warm, cold, "round {round}: after overlapping runs");
        assert!(
            err.contains("cache: 80 of 80 pages"),
            "round {round}: {err}"
        );
        let debris: Vec<PathBuf> = files_below(dir)
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(debris.is_empty(), "round {round}: {debris:?}");
    }
}
