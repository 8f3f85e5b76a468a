//! A generated repository for tests and benchmarks that need a long history:
//! a documentation site of `pages` English pages and their translations in
//! `locales` languages, changed over `commits` commits (source edits,
//! translation updates, a few renames, and side branches merged back). It
//! is written with `git fast-import`, which builds tens of thousands of
//! commits in seconds; the history crate itself never runs git.

#![allow(dead_code, reason = "each user takes what it needs")]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub pages: usize,
    pub locales: usize,
    pub commits: usize,
}

impl Shape {
    pub fn files(&self) -> usize {
        self.pages * (self.locales + 1)
    }
}

/// The generated site: where each page's files are at HEAD.
#[derive(Debug)]
pub struct Site {
    /// Source path and its translations' paths, per page.
    pub pages: Vec<(String, Vec<String>)>,
    /// Paths that a rename created.
    pub renamed: Vec<String>,
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const LOCALES: [&str; 24] = [
    "it", "fr", "de", "es", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "he", "hi", "id", "ja", "ko",
    "vi", "zh", "sv", "fi", "el", "cs", "ro", "hu",
];

fn page_text(page: usize, version: usize, words: &str) -> String {
    format!(
        "---\ntitle: Page {page}\n---\n\n# Page {page}\n\n{words} version {version} of page {page}.\n\n!!! note\n\n    A note that version {version} keeps.\n"
    )
}

struct Stream {
    out: String,
    mark: usize,
    time: i64,
}

impl Stream {
    fn commit(
        &mut self,
        branch: &str,
        from: Option<usize>,
        merge: Option<usize>,
        files: &[(String, String)],
        renames: &[(String, String)],
    ) -> usize {
        self.mark += 1;
        self.time += 60;
        let message = format!("change {}", self.mark);
        let _ = writeln!(self.out, "commit refs/heads/{branch}\nmark :{}", self.mark);
        let _ = writeln!(
            self.out,
            "committer Bench <bench@example.org> {} +0000",
            self.time
        );
        let _ = writeln!(self.out, "data {}\n{message}", message.len());
        if let Some(from) = from {
            let _ = writeln!(self.out, "from :{from}");
        }
        if let Some(merge) = merge {
            let _ = writeln!(self.out, "merge :{merge}");
        }
        for (old, new) in renames {
            let _ = writeln!(self.out, "R {old} {new}");
        }
        for (path, text) in files {
            let _ = writeln!(
                self.out,
                "M 100644 inline {path}\ndata {}\n{text}",
                text.len()
            );
        }
        self.mark
    }
}

/// Generates the repository in `dir` (which must be empty) and says where
/// its pages are. Needs `git` on the PATH.
pub fn generate(dir: &Path, shape: Shape) -> Site {
    let run = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?} failed");
    };
    run(&["init", "-q", "-b", "main"]);
    let sections = shape.pages.div_ceil(100).max(1);
    let path = |locale: &str, page: usize| {
        format!(
            "content/{locale}/section-{}/page-{page}.md",
            page % sections
        )
    };
    let mut site = Site {
        pages: (0..shape.pages)
            .map(|p| {
                (
                    path("en", p),
                    LOCALES[..shape.locales]
                        .iter()
                        .map(|l| path(l, p))
                        .collect(),
                )
            })
            .collect(),
        renamed: Vec::new(),
    };
    let mut rng = Rng(0x5EED_0000_0000_0001 ^ (shape.commits as u64) << 8);
    let mut versions = vec![0usize; shape.pages];
    let mut stream = Stream {
        out: String::new(),
        mark: 0,
        time: 1_600_000_000,
    };
    // The first commit holds every source page, the second every translation.
    let sources: Vec<(String, String)> = site
        .pages
        .iter()
        .enumerate()
        .map(|(p, (s, _))| (s.clone(), page_text(p, 0, "English")))
        .collect();
    stream.commit("main", None, None, &sources, &[]);
    let translations: Vec<(String, String)> = site
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, (_, ts))| {
            ts.iter()
                .map(move |t| (t.clone(), page_text(p, 0, "Translated")))
        })
        .collect();
    let mut tip = stream.commit("main", None, None, &translations, &[]);
    let mut made = 2;
    while made < shape.commits {
        let roll = rng.below(1000);
        if roll < 5 && made + 3 <= shape.commits {
            // A side branch of two commits on other pages, merged back.
            let side_a = rng.below(shape.pages);
            let side_b = rng.below(shape.pages);
            versions[side_a] += 1;
            let a = (
                site.pages[side_a].0.clone(),
                page_text(side_a, versions[side_a], "English"),
            );
            let first = stream.commit("side", Some(tip), None, std::slice::from_ref(&a), &[]);
            let t = rng
                .below(shape.locales.max(1))
                .min(shape.locales.saturating_sub(1));
            let b = (
                site.pages[side_b].1[t].clone(),
                page_text(side_b, versions[side_b], "Translated"),
            );
            let second = stream.commit("side", Some(first), None, std::slice::from_ref(&b), &[]);
            let mainline = rng.below(shape.pages);
            versions[mainline] += 1;
            let c = (
                site.pages[mainline].0.clone(),
                page_text(mainline, versions[mainline], "English"),
            );
            tip = stream.commit("main", Some(tip), None, std::slice::from_ref(&c), &[]);
            let mut merged = vec![a, b];
            merged.retain(|(p, _)| *p != c.0);
            tip = stream.commit("main", Some(tip), Some(second), &merged, &[]);
            made += 4;
            continue;
        }
        if roll < 8 && shape.locales > 0 {
            // A translation renamed (a page moved within its locale).
            let p = rng.below(shape.pages);
            let t = rng.below(shape.locales);
            let old = site.pages[p].1[t].clone();
            let new = old.replace(".md", &format!("-moved-{made}.md"));
            site.pages[p].1[t] = new.clone();
            site.renamed.retain(|r| *r != old);
            site.renamed.push(new.clone());
            tip = stream.commit("main", None, None, &[], &[(old, new)]);
        } else if roll < 500 {
            let mut files = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let p = rng.below(shape.pages);
                versions[p] += 1;
                files.push((
                    site.pages[p].0.clone(),
                    page_text(p, versions[p], "English"),
                ));
            }
            tip = stream.commit("main", None, None, &files, &[]);
        } else {
            let mut files = Vec::new();
            for _ in 0..1 + rng.below(2) {
                let p = rng.below(shape.pages);
                let t = rng
                    .below(shape.locales.max(1))
                    .min(shape.locales.saturating_sub(1));
                let Some(path) = site.pages[p].1.get(t) else {
                    continue;
                };
                files.push((path.clone(), page_text(p, versions[p], "Translated")));
            }
            tip = stream.commit("main", None, None, &files, &[]);
        }
        made += 1;
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stream.out.as_bytes())
        .expect("the stream is written");
    assert!(
        child.wait().expect("fast-import ends").success(),
        "fast-import failed"
    );
    site
}

/// What `git log -1 --format=%H -- path` says in `dir`.
pub fn git_log_last(dir: &Path, path: &str) -> String {
    let out = Command::new("git")
        .args(["log", "-1", "--format=%H", "--", path])
        .current_dir(dir)
        .output()
        .expect("git log runs");
    assert!(out.status.success(), "git log failed for {path}");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// What `git rev-list --count COMMIT..HEAD` says in `dir`.
pub fn git_commits_since(dir: &Path, commit: &str) -> usize {
    let out = Command::new("git")
        .args(["rev-list", "--count", &format!("{commit}..HEAD")])
        .current_dir(dir)
        .output()
        .expect("git rev-list runs");
    assert!(out.status.success(), "git rev-list failed for {commit}");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a count")
}
