//! `cargo xtask bench`: bitext and the peer tools side by side on the
//! corpus (`../shared/corpus/privacyguides`, or `BITEXT_CORPUS`), in one run.
//! bitext: extraction (a PO of every message, as the peers make, and the
//! source catalogs `sync` writes), an identity translation rebuilt
//! (byte-identical pages counted), and check of every locale; the floor:
//! reading the files and a bare pulldown-cmark pass; each peer found on the
//! PATH: extraction and rebuild of the English pages from an identity
//! translation. Times are medians of several runs (up to 15 of a quick
//! command), each program started directly; memory is the peak resident
//! size that `/usr/bin/time` reports for one more run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One measured command: median wall time (s), peak memory (KiB) and the
/// last run's stdout.
pub(crate) struct Measured {
    pub seconds: f64,
    max_kib: Option<u64>,
    stdout: String,
}

/// One run of `program args` in `dir`: wall seconds, peak resident KiB
/// (when `memory` and `/usr/bin/time` is present: the run goes through it,
/// which adds its own start-up, about 1 ms, to the time), and its output,
/// stdout only when `capture` (else it is discarded).
pub(crate) fn run_timed(
    dir: &Path,
    program: &str,
    args: &[&str],
    capture: bool,
    memory: bool,
) -> (f64, Option<u64>, Option<std::process::Output>) {
    let time = Path::new("/usr/bin/time");
    let report = std::env::temp_dir().join(format!("bitext-bench-time-{}", std::process::id()));
    let _ = std::fs::remove_file(&report);
    let mut command = if memory && time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&report).arg(program);
        c
    } else {
        Command::new(program)
    };
    command.args(args).current_dir(dir);
    if !capture {
        command.stdout(std::process::Stdio::null());
    }
    let started = Instant::now();
    let output = command.output().ok();
    let seconds = started.elapsed().as_secs_f64();
    let max_kib = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| t.lines().last()?.trim().parse().ok());
    (seconds, max_kib, output)
}

/// How many runs [`measure_quick`] makes at most, while they take under
/// [`QUICK_BUDGET`] seconds in all: a median of a few runs of a 10 ms
/// command moves with whatever else the machine does.
const QUICK_RUNS: usize = 15;
const QUICK_BUDGET: f64 = 2.0;

/// Runs `program args` in `dir` `runs` times (after `before` each time)
/// and measures it: the median time of those runs, then the peak memory of
/// one more run under `/usr/bin/time` (so that its start-up is not timed).
fn measure(dir: &Path, program: &str, args: &[&str], runs: usize, before: &dyn Fn()) -> Measured {
    measure_runs(dir, program, args, runs..=runs, before)
}

/// [`measure`] with more runs of a quick command (see [`QUICK_RUNS`]); only
/// for a command that does the same work each time (`before` resetting
/// what it writes).
fn measure_quick(
    dir: &Path,
    program: &str,
    args: &[&str],
    runs: usize,
    before: &dyn Fn(),
) -> Measured {
    measure_runs(dir, program, args, runs..=QUICK_RUNS.max(runs), before)
}

/// [`measure`] with at least `runs.start()` runs and more, up to
/// `runs.end()`, while they take under [`QUICK_BUDGET`] seconds in all.
fn measure_runs(
    dir: &Path,
    program: &str,
    args: &[&str],
    runs: std::ops::RangeInclusive<usize>,
    before: &dyn Fn(),
) -> Measured {
    let mut times: Vec<f64> = Vec::new();
    let mut stdout = String::new();
    while times.len() < *runs.start()
        || (times.len() < *runs.end() && times.iter().sum::<f64>() < QUICK_BUDGET)
    {
        before();
        let (seconds, _, output) = run_timed(dir, program, args, true, false);
        times.push(seconds);
        if let Some(output) = output {
            stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        }
    }
    before();
    let (_, max_kib, _) = run_timed(dir, program, args, false, true);
    times.sort_by(f64::total_cmp);
    Measured {
        seconds: times[times.len() / 2],
        max_kib,
        stdout,
    }
}

/// Two commands measured in turns, `runs` times each (then the peak
/// memory of one more run of each): when their ratio matters, drift in
/// the machine's speed during the runs falls on both alike.
fn measure_pair(
    dir: &Path,
    program: &str,
    first: &[&str],
    second: &[&str],
    runs: usize,
) -> (Measured, Measured) {
    let mut times = [Vec::new(), Vec::new()];
    let mut stdout = [String::new(), String::new()];
    for _ in 0..runs {
        for (k, args) in [first, second].into_iter().enumerate() {
            let (seconds, _, output) = run_timed(dir, program, args, true, false);
            times[k].push(seconds);
            if let Some(output) = output {
                stdout[k] = String::from_utf8_lossy(&output.stdout).into_owned();
            }
        }
    }
    let [first_times, second_times] = times;
    let [first_out, second_out] = stdout;
    let measured = |args: &[&str], mut times: Vec<f64>, stdout: String| {
        let (_, max_kib, _) = run_timed(dir, program, args, false, true);
        times.sort_by(f64::total_cmp);
        Measured {
            seconds: times[times.len() / 2],
            max_kib,
            stdout,
        }
    };
    (
        measured(first, first_times, first_out),
        measured(second, second_times, second_out),
    )
}

fn run_ok(dir: &Path, program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn found(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The files under `dir` whose name ends in `.{ext}`, relative and sorted.
fn files_with(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, base, ext, out);
            } else if path.extension().is_some_and(|x| x == ext) {
                out.push(path.strip_prefix(base).unwrap_or(&path).to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, ext, &mut out);
    out.sort();
    out
}

/// The Markdown files under `dir`, relative and sorted.
pub(crate) fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    files_with(dir, "md")
}

/// The corpus's translated locales (folders with Markdown pages besides
/// `en`), sorted.
pub(crate) fn corpus_locales(corpus: &Path) -> Vec<String> {
    let mut locales: Vec<String> = std::fs::read_dir(corpus)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "en" && !markdown_files(&corpus.join(n)).is_empty())
        .collect();
    locales.sort();
    locales
}

/// How many of `files` are the same bytes under `a` and `b`.
fn identical(files: &[PathBuf], a: &Path, b: &Path) -> usize {
    files
        .iter()
        .filter(|f| {
            let x = std::fs::read(a.join(f));
            x.is_ok() && x.ok() == std::fs::read(b.join(f)).ok()
        })
        .count()
}

fn msgids(pot: &str) -> usize {
    pot.lines()
        .filter(|l| l.starts_with("msgid "))
        .count()
        .saturating_sub(1)
}

pub(crate) struct Row {
    pub tool: String,
    pub step: &'static str,
    pub m: Measured,
    messages: Option<usize>,
    identical: Option<usize>,
}

/// `cargo xtask bench [peers|scale [SIZE…]]`: both parts by default.
pub fn run(root: &Path, args: &[String]) -> bool {
    let what = args.first().map(String::as_str).unwrap_or("all");
    if !matches!(what, "all" | "peers" | "scale" | "dialects" | "history") {
        eprintln!("usage: cargo xtask bench [peers | scale [PAGES…] | dialects | history]");
        return false;
    }
    let corpus = std::env::var_os("BITEXT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus/privacyguides"));
    let Ok(corpus) = corpus.canonicalize() else {
        eprintln!(
            "bench: no corpus at {} (set BITEXT_CORPUS)",
            corpus.display()
        );
        return false;
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    for args in [
        &["build", "--release", "-q", "-p", "bitext"][..],
        &[
            "build",
            "--release",
            "-q",
            "-p",
            "markdown",
            "--example",
            "floor",
        ][..],
    ] {
        if !Command::new(&cargo)
            .args(args)
            .current_dir(root)
            .status()
            .is_ok_and(|s| s.success())
        {
            eprintln!("bench: cargo {} failed", args.join(" "));
            return false;
        }
    }
    let bitext = root.join("target/release/bitext");
    let floor = root.join("target/release/examples/floor");
    let bitext = bitext.to_string_lossy().into_owned();
    let work = std::env::temp_dir().join(format!("bitext-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    if what == "history" {
        return crate::history::run(root, &bitext);
    }
    if what == "dialects" {
        let root = corpus.parent().unwrap_or(&corpus);
        return crate::dialects::run(root, &floor);
    }
    if what == "scale" {
        let sizes: Vec<usize> = args[1..].iter().filter_map(|a| a.parse().ok()).collect();
        let sizes = if sizes.is_empty() {
            crate::scale::SIZES.to_vec()
        } else {
            sizes
        };
        let ok = crate::scale::run(&corpus, &bitext, &work, &sizes);
        if std::env::var_os("BITEXT_SCALE_KEEP").is_some() {
            println!("kept: {}", work.display());
        } else {
            let _ = std::fs::remove_dir_all(&work);
        }
        return ok;
    }
    let site = work.join("site");
    let content = site.join("content");
    if std::fs::create_dir_all(&content).is_err() {
        eprintln!("bench: cannot create {}", content.display());
        return false;
    }
    let locales = corpus_locales(&corpus);
    // Copies, not links: bitext refuses a link that leads out of the
    // project (where it might write).
    for locale in locales.iter().chain(std::iter::once(&"en".to_owned())) {
        for file in markdown_files(&corpus.join(locale)) {
            let to = content.join(locale).join(&file);
            if let Some(dir) = to.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::copy(corpus.join(locale).join(&file), &to);
        }
    }
    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    let _ = std::fs::write(
        site.join("bitext.toml"),
        format!(
            "source_locale = \"en\"\nlocales = [{}]\n",
            quoted.join(", ")
        ),
    );
    let _ = std::fs::write(
        site.join("nospell.toml"),
        format!(
            "source_locale = \"en\"\nlocales = [{}]\n[check.severity]\nspelling = \"off\"\n",
            quoted.join(", ")
        ),
    );
    let _ = std::fs::write(
        site.join("identity.toml"),
        "source_locale = \"en\"\nlocales = [\"qps\"]\n",
    );
    let english = markdown_files(&corpus.join("en"));
    let en_bytes: u64 = english
        .iter()
        .filter_map(|f| std::fs::metadata(corpus.join("en").join(f)).ok())
        .map(|m| m.len())
        .sum();
    let all: Vec<PathBuf> = locales
        .iter()
        .flat_map(|l| {
            markdown_files(&corpus.join(l))
                .into_iter()
                .map(move |f| PathBuf::from(l).join(f))
        })
        .collect();
    println!(
        "corpus: {} English pages ({} KB), {} translated pages in {} locales",
        english.len(),
        en_bytes / 1024,
        all.len(),
        locales.len()
    );

    let mut rows: Vec<Row> = Vec::new();
    let locales_dir = site.join("locales");
    let clean = || {
        let _ = std::fs::remove_dir_all(&locales_dir);
    };
    // bitext: extraction of the source catalogs (English only, no target catalogs).
    let m = measure_quick(
        &site,
        &bitext,
        &["--config", "identity.toml", "sync"],
        7,
        &clean,
    );
    // "synced 56 pages (3930 new, …": the segments extracted.
    let messages = m
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("synced "))
        .and_then(|l| l.split_once('(')?.1.split_once(' ')?.0.parse().ok());
    rows.push(Row {
        tool: "bitext".into(),
        step: "extract (sync: a catalog per page)",
        m,
        messages,
        identical: None,
    });
    // What the peers make: one PO file of every message to translate.
    let po = work.join("bitext.po");
    let po_arg = po.to_string_lossy().into_owned();
    let m = measure_quick(
        &site,
        &bitext,
        &[
            "--config",
            "identity.toml",
            "pending",
            "--locale",
            "qps",
            "--format",
            "po",
            "-o",
            &po_arg,
        ],
        7,
        // Every extraction, bitext's and the peers', starts with no output
        // file: the same work each run (bitext leaves an output that would
        // not change untouched, and the peers rewrite theirs).
        &|| {
            let _ = std::fs::remove_file(&po);
        },
    );
    rows.push(Row {
        tool: "bitext".into(),
        step: "extract",
        m,
        messages: Some(msgids(&std::fs::read_to_string(&po).unwrap_or_default())),
        identical: None,
    });
    // An identity translation: bitext writes a message's source text where
    // the translation has none, so every page gets an empty target catalog
    // (bitext refuses to import a "translation" equal to its source).
    for page in &english {
        let catalog = site.join("locales/qps").join(page.with_extension("ftl"));
        if let Some(dir) = catalog.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&catalog, "");
    }
    let built = content.join("qps");
    let m = measure_quick(
        &site,
        &bitext,
        &[
            "--config",
            "identity.toml",
            "build",
            "--locale",
            "qps",
            "--force",
        ],
        7,
        &|| {
            let _ = std::fs::remove_dir_all(&built);
        },
    );
    rows.push(Row {
        tool: "bitext".into(),
        step: "rebuild",
        m,
        messages: None,
        identical: Some(identical(&english, &corpus.join("en"), &built)),
    });
    // Check of every locale (findings are expected: exit code 1), with
    // spelling (in the locales with a dictionary installed) and without.
    // With spelling and without, in turns (their ratio is a goal).
    // Cold: the cache is neither read nor written.
    let (m, without) = measure_pair(
        &site,
        &bitext,
        &["check", "--format", "json", "--no-cache"],
        &[
            "--config",
            "nospell.toml",
            "check",
            "--format",
            "json",
            "--no-cache",
        ],
        15,
    );
    let findings = m.stdout.matches("\"check\":").count();
    if findings == 0 {
        // The corpus has findings: none means the run failed.
        eprintln!(
            "bench: bitext check found nothing in {}: run it there to see why",
            site.display()
        );
        return false;
    }
    rows.push(Row {
        tool: format!("bitext ({} locales)", locales.len()),
        step: "check",
        m,
        messages: Some(findings),
        identical: None,
    });
    let m = without;
    let findings = m.stdout.matches("\"check\":").count();
    rows.push(Row {
        tool: format!("bitext ({} locales)", locales.len()),
        step: "check, spelling off",
        m,
        messages: Some(findings),
        identical: None,
    });
    rows.extend(cache_rows(&site, &bitext, &english, &locales));
    // What the GitHub Action runs on a fresh checkout: SARIF, then
    // annotations and the summary (its peak memory is a goal: under 200
    // MiB on this corpus).
    for (step, format) in [
        ("check --format sarif", "sarif"),
        ("check --format github", "github"),
    ] {
        let m = measure(
            &site,
            &bitext,
            &["check", "--format", format, "--no-cache"],
            5,
            &|| {},
        );
        let results = if format == "sarif" {
            m.stdout.matches("\"ruleId\":").count()
        } else {
            m.stdout
                .lines()
                .filter(|l| l.starts_with("::error") || l.starts_with("::warning"))
                .count()
        };
        rows.push(Row {
            tool: format!("bitext ({} locales)", locales.len()),
            step,
            m,
            messages: Some(results),
            identical: None,
        });
    }

    // The floor, in one process: read, bare pulldown-cmark, segmenter.
    let floor_of = |files: &[PathBuf], base: &Path| -> Vec<(String, f64)> {
        let args: Vec<String> = files
            .iter()
            .map(|f| base.join(f).to_string_lossy().into_owned())
            .collect();
        let out = Command::new(&floor).args(&args).output();
        out.map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter_map(|l| {
                    let (k, v) = l.split_once(' ')?;
                    Some((k.to_owned(), v.parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_default()
    };
    let en_floor = floor_of(&english, &corpus.join("en"));
    let all_floor = floor_of(&all, &corpus);

    // Peers, on a copy of the English pages.
    let docs = work.join("docs");
    for f in &english {
        let to = docs.join(f);
        if let Some(p) = to.parent() {
            let _ = std::fs::create_dir_all(p);
        }
        let _ = std::fs::copy(corpus.join("en").join(f), &to);
    }
    let mut skipped = Vec::new();
    peers(&work, &docs, &english, &mut rows, &mut skipped);

    print_table(&rows, &en_floor, &all_floor, en_bytes, &skipped);
    if what == "all" {
        crate::dialects::run(corpus.parent().unwrap_or(&corpus), &floor);
        crate::history::run(root, &bitext);
    }
    let ok = what == "peers" || crate::scale::run(&corpus, &bitext, &work, &crate::scale::SIZES);
    let _ = std::fs::remove_dir_all(&work);
    ok
}

/// The check with its cache (`.bitext/cache`), after a first run filled
/// it: nothing changed, one translated page edited before each run, one
/// source page edited before each run (each edit differs from the last,
/// so each run meets a page it has not seen).
fn cache_rows(site: &Path, bitext: &str, english: &[PathBuf], locales: &[String]) -> Vec<Row> {
    let args = ["check", "--format", "json"];
    let tool = format!("bitext ({} locales)", locales.len());
    let _ = run_timed(site, bitext, &args, true, false);
    let mut rows = Vec::new();
    let m = measure(site, bitext, &args, 9, &|| {});
    rows.push(Row {
        tool: tool.clone(),
        step: "check, warm (nothing changed)",
        messages: Some(m.stdout.matches("\"check\":").count()),
        m,
        identical: None,
    });
    let page = &english[english.len() / 2];
    let locale = locales.iter().find(|l| *l == "it").unwrap_or(&locales[0]);
    for (step, file) in [
        (
            "check, one translated page edited",
            site.join("content").join(locale).join(page),
        ),
        (
            "check, one source page edited",
            site.join("content/en").join(page),
        ),
    ] {
        let Ok(original) = std::fs::read_to_string(&file) else {
            continue;
        };
        let edits = std::cell::Cell::new(0);
        let edit = || {
            edits.set(edits.get() + 1);
            let _ = std::fs::write(
                &file,
                format!("{original}\nOne more sentence, number {}.\n", edits.get()),
            );
        };
        let m = measure(site, bitext, &args, 9, &edit);
        let _ = std::fs::write(&file, &original);
        let _ = run_timed(site, bitext, &args, true, false);
        rows.push(Row {
            tool: tool.clone(),
            step,
            messages: Some(m.stdout.matches("\"check\":").count()),
            m,
            identical: None,
        });
    }
    rows
}

/// Extraction and identity rebuild by each peer found on the PATH.
pub(crate) fn peers(
    work: &Path,
    docs: &Path,
    english: &[PathBuf],
    rows: &mut Vec<Row>,
    skipped: &mut Vec<String>,
) {
    let files: Vec<String> = english
        .iter()
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    let d = docs.to_string_lossy();
    let w = work.to_string_lossy();
    let has_msgen = found("msgen");
    // `extract` is a program and its arguments, started directly in its
    // folder as bitext is (a shell would add its own start-up to the time);
    // `pot` is its output (a file or a folder), removed before each run and
    // not timed.
    let mut run_peer =
        |name: &str, extract: (&Path, &[&str]), rebuild: String, pot: PathBuf, out: PathBuf| {
            let clean = || {
                let _ = std::fs::remove_dir_all(&pot);
                let _ = std::fs::remove_file(&pot);
            };
            let (dir, argv) = extract;
            let m = measure_quick(dir, argv[0], &argv[1..], 3, &clean);
            let messages = if pot.is_dir() {
                files_with(&pot, "pot")
                    .iter()
                    .map(|f| msgids(&std::fs::read_to_string(pot.join(f)).unwrap_or_default()))
                    .sum()
            } else {
                msgids(&std::fs::read_to_string(&pot).unwrap_or_default())
            };
            rows.push(Row {
                tool: name.to_owned(),
                step: "extract",
                m,
                messages: Some(messages),
                identical: None,
            });
            if !has_msgen {
                return;
            }
            let m = measure(work, "bash", &["-c", &rebuild], 1, &|| {});
            rows.push(Row {
                tool: name.to_owned(),
                step: "rebuild",
                m,
                messages: None,
                identical: Some(identical(english, docs, &out)),
            });
        };
    if found("md2po") && found("po2md") {
        let _ = std::fs::create_dir_all(work.join("mdpo"));
        let pot = format!("{w}/mdpo/docs.pot");
        let mut extract = vec!["md2po"];
        extract.extend(files.iter().map(String::as_str));
        extract.extend(["-w", "0", "-q", "-s", "-p", &pot]);
        let mut rebuild = format!("msgen --no-wrap -o {w}/mdpo/it.po {w}/mdpo/docs.pot");
        for f in &files {
            rebuild.push_str(&format!(
                " && mkdir -p $(dirname {w}/mdpo/it/{f}) && po2md {d}/{f} -p {w}/mdpo/it.po -w 0 -q -s {w}/mdpo/it/{f}"
            ));
        }
        run_peer(
            "mdpo",
            (docs, &extract),
            rebuild,
            work.join("mdpo/docs.pot"),
            work.join("mdpo/it"),
        );
    } else {
        skipped.push("mdpo: `pip install mdpo`".to_owned());
    }
    if run_ok(work, "python3", &["-c", "import translate.convert.md2po"]) {
        let _ = std::fs::create_dir_all(work.join("ttk"));
        let (input, output) = (d.to_string(), format!("{w}/ttk/pot"));
        let extract = [
            "python3",
            "-m",
            "translate.convert.md2po",
            "--progress=none",
            "-P",
            "-m",
            "0",
            "-i",
            &input,
            "-o",
            &output,
        ];
        let rebuild = format!(
            "cd {w}/ttk/pot && for p in $(find . -name '*.pot'); do mkdir -p $(dirname ../po/$p); msgen --no-wrap -o ../po/${{p%.pot}}.po $p; done && python3 -m translate.convert.po2md --progress=none -m 0 -t {d} -i {w}/ttk/po -o {w}/ttk/it"
        );
        run_peer(
            "translate-toolkit",
            (work, &extract),
            rebuild,
            work.join("ttk/pot"),
            work.join("ttk/it"),
        );
    } else {
        skipped.push("translate-toolkit: `pip install 'translate-toolkit[markdown]'`".to_owned());
    }
    if found("po4a") {
        let mut cfg = String::from(
            "[po4a_langs] it\n[po4a_paths] po/docs.pot $lang:po/$lang.po\n[options] opt:\"-o markdown -M UTF-8 -L UTF-8 -k 0\"\n",
        );
        for f in &files {
            cfg.push_str(&format!("[type: text] {d}/{f} $lang:it/{f}\n"));
        }
        let _ = std::fs::create_dir_all(work.join("po4a"));
        let _ = std::fs::write(work.join("po4a/po4a.cfg"), cfg);
        let rebuild = format!(
            "cd {w}/po4a && msgen --no-wrap -o po/it.po po/docs.pot && po4a --no-update po4a.cfg"
        );
        run_peer(
            "po4a",
            (
                &work.join("po4a"),
                &["po4a", "--no-translations", "po4a.cfg"],
            ),
            rebuild,
            work.join("po4a/po/docs.pot"),
            work.join("po4a/it"),
        );
    } else {
        skipped.push("po4a: `apt-get install po4a`".to_owned());
    }
    if found("mdbook") && found("mdbook-xgettext") {
        let book = work.join("mdbook/book");
        let _ = std::fs::create_dir_all(&book);
        let _ = Command::new("cp")
            .arg("-r")
            .arg(docs)
            .arg(book.join("src"))
            .status();
        let _ = std::fs::write(
            book.join("book.toml"),
            // Extraction's output; the rebuild sets its own (MDBOOK_OUTPUT).
            "[book]\ntitle = \"peers\"\n\n[preprocessor.gettext]\nafter = [\"links\"]\n\n[output.xgettext]\npot-file = \"messages.pot\"\ngranularity = 0\n",
        );
        let mut summary = String::from("# Summary\n\n");
        for f in &files {
            summary.push_str(&format!("- [{f}](<{f}>)\n"));
        }
        let _ = std::fs::write(book.join("src/SUMMARY.md"), summary);
        let b = book.to_string_lossy();
        let rebuild = format!(
            "cd {b} && msgen --no-wrap -o po/it.po po/messages.pot && MDBOOK_BOOK__LANGUAGE=it MDBOOK_OUTPUT='{{\"markdown\": {{}}}}' mdbook build -d {w}/mdbook/it"
        );
        run_peer(
            "mdbook-i18n-helpers",
            (&book, &["mdbook", "build", "-d", "po"]),
            rebuild,
            book.join("po/messages.pot"),
            work.join("mdbook/it"),
        );
    } else {
        skipped.push(
            "mdbook-i18n-helpers: `cargo install --locked mdbook mdbook-i18n-helpers`".to_owned(),
        );
    }
    if !has_msgen {
        skipped.push("rebuilds by peers: `apt-get install gettext` (msgen)".to_owned());
    }
}

fn print_table(
    rows: &[Row],
    en_floor: &[(String, f64)],
    all_floor: &[(String, f64)],
    en_bytes: u64,
    skipped: &[String],
) {
    let get = |f: &[(String, f64)], k: &str| f.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
    let bitext_extract = rows
        .iter()
        .find(|r| r.tool == "bitext" && r.step == "extract")
        .map(|r| r.m.seconds);
    println!(
        "\n| tool | step | median wall | peak memory | messages (findings for check) | byte-identical pages | peer time / bitext time |"
    );
    println!("|---|---|--:|--:|--:|--:|--:|");
    for r in rows {
        let ratio = match (r.step, bitext_extract) {
            ("extract", Some(b)) if !r.tool.starts_with("bitext") => {
                format!("{:.1}×", r.m.seconds / b)
            }
            _ => String::new(),
        };
        // Under a second, milliseconds with a decimal: the ratios to the
        // peers hang on bitext's few milliseconds.
        let wall = if r.m.seconds < 1.0 {
            format!("{:.1} ms", r.m.seconds * 1e3)
        } else {
            format!("{:.3} s", r.m.seconds)
        };
        println!(
            "| {} | {} | {wall} | {} | {} | {} | {} |",
            r.tool,
            r.step,
            r.m.max_kib.map_or("n/a".to_owned(), |k| format!(
                "{:.1} MiB",
                k as f64 / 1024.0
            )),
            r.messages.map_or(String::new(), |m| m.to_string()),
            r.identical.map_or(String::new(), |i| format!("{i}/56")),
            ratio
        );
    }
    println!("\nFloor (in one process, single-threaded, median of 5):");
    for (name, floor, bytes) in [
        ("English pages", en_floor, en_bytes as f64),
        ("translated pages, all locales", all_floor, 0.0),
    ] {
        let bytes = get(floor, "bytes").unwrap_or(bytes);
        let mbs = |s: Option<f64>| {
            s.map_or("n/a".to_owned(), |s| {
                format!("{:.4} s ({:.0} MB/s)", s, bytes / s / 1e6)
            })
        };
        println!(
            "- {name} ({:.1} MB): read {}, bare pulldown-cmark {}, bitext segmenter {}",
            bytes / 1e6,
            mbs(get(floor, "read")),
            mbs(get(floor, "bare")),
            mbs(get(floor, "segment")),
        );
    }
    if let (Some(check), Some(bare), Some(bytes)) = (
        rows.iter().find(|r| r.step == "check").map(|r| r.m.seconds),
        get(all_floor, "bare"),
        get(all_floor, "bytes"),
    ) {
        println!(
            "- check throughput {:.1} MB/s, bare pulldown-cmark {:.0} MB/s: {:.0}× slower",
            bytes / check / 1e6,
            bytes / bare / 1e6,
            check / bare
        );
        // The bare pass reads container bodies as indented code; the
        // segmenter parses them as Markdown, as MkDocs does, which the
        // check must do too.
        if let Some(segment) = get(all_floor, "segment") {
            println!(
                "- check against one thread of the segmenter (bodies parsed as Markdown): {:.1}×",
                check / segment
            );
        }
    }
    let step = |name: &str| rows.iter().find(|r| r.step == name).map(|r| r.m.seconds);
    if let Some(cold) = step("check") {
        for name in [
            "check, warm (nothing changed)",
            "check, one translated page edited",
            "check, one source page edited",
        ] {
            if let Some(warm) = step(name) {
                println!(
                    "- {name}: {:.0}% of the cold check's wall time (goals: 10% warm, 20% one page)",
                    100.0 * warm / cold
                );
            }
        }
    }
    if let (Some(on), Some(off)) = (step("check"), step("check, spelling off")) {
        println!(
            "- spelling: check with it {:.2}× the check without it (dictionaries installed: {})",
            on / off,
            installed_dictionaries()
        );
    }
    for s in skipped {
        println!("skipped: {s}");
    }
}

/// The Hunspell dictionaries in the system's folder, by name.
fn installed_dictionaries() -> String {
    let mut names: Vec<String> = std::fs::read_dir("/usr/share/hunspell")
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".dic").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}
