//! The check cache answers what a check without it answers: over the whole
//! privacyguides corpus (copied into a temp dir), a warm check gives the
//! same report as a check that ignores the cache, after nothing changed and
//! after each of: a translation edited, a source page edited, a page
//! deleted, a config change, the glossary changed, a corrupt cache file,
//! a cache written by another build; and in a repository, after commits
//! of a translation and of a source page, a change undone in a later
//! commit and an amend. And it checks again only what an edit touches.

use std::path::{Path, PathBuf};

use project::{CheckOptions, CheckReport, Config};

/// The corpus's locales: its folders with Markdown pages.
fn copy_corpus(corpus: &Path, to: &Path) -> Vec<String> {
    let mut locales = Vec::new();
    for entry in std::fs::read_dir(corpus).expect("corpus folder") {
        let dir = entry.expect("entry").path();
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if !dir.is_dir() {
            continue;
        }
        let pages = corpus::markdown_files(&dir);
        if pages.is_empty() {
            continue;
        }
        for page in pages {
            let rel = page.strip_prefix(&dir).expect("below");
            let target = to.join("content").join(&name).join(rel);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(&page, &target).expect("copy");
        }
        if name != "en" {
            locales.push(name);
        }
    }
    locales.sort();
    locales
}

fn write_config(root: &Path, locales: &[String], extra: &str) {
    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    std::fs::write(
        root.join("bitext.toml"),
        format!(
            "source_locale = \"en\"\nlocales = [{}]\n{extra}",
            quoted.join(", ")
        ),
    )
    .expect("config");
}

fn run(root: &Path, no_cache: bool) -> CheckReport {
    let config = Config::load(&root.join("bitext.toml")).expect("config");
    project::check(
        &config,
        &CheckOptions {
            no_cache,
            ..CheckOptions::default()
        },
    )
    .expect("check")
}

/// What a user sees of a report (everything but where it came from).
fn seen(report: &CheckReport) -> String {
    format!(
        "{:?}\n{}\n{}\n{:?}\n{}\n{:?}",
        report.findings, report.pages, report.locales, report.checked, report.waived, report.notes
    )
}

/// A warm check equals a check without the cache; returns how many pages
/// the warm check took from the cache.
fn same_as_cold(root: &Path, what: &str) -> (usize, usize) {
    let cold = run(root, true);
    let warm = run(root, false);
    assert_eq!(cold.cached, 0, "{what}: --no-cache read the cache");
    assert!(
        seen(&warm) == seen(&cold),
        "{what}: the warm check differs from the cold one"
    );
    assert!(!cold.findings.is_empty(), "{what}: nothing found at all");
    (warm.cached, warm.pages)
}

fn cache_file(root: &Path, locale: &str) -> PathBuf {
    root.join(".bitext/cache/check")
        .join(format!("{locale}.json"))
}

#[test]
fn warm_checks_equal_cold_ones_after_every_kind_of_change() {
    let Some(corpus) = corpus::root("check cache test") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let locales = copy_corpus(&corpus.join("privacyguides"), root);
    assert!(locales.len() >= 20, "{locales:?}");
    write_config(root, &locales, "");

    // Nothing changed: the first check fills the cache, the second takes
    // every page from it.
    let first = run(root, false);
    assert_eq!(first.cached, 0);
    assert!(cache_file(root, "it").is_file());
    let (cached, pages) = same_as_cold(root, "nothing changed");
    assert_eq!(cached, pages, "nothing changed: every page from the cache");
    assert!(pages > 1000, "{pages} pages");

    // A translation edited: that page is checked again, and at most the
    // page's translations in other locales (when its learned names moved).
    let page = root.join("content/it/tools.md");
    let text = std::fs::read_to_string(&page).expect("page");
    let edited = text.replacen("Signal", "Segnale", 1);
    assert_ne!(edited, text);
    std::fs::write(&page, edited).expect("edit");
    let (cached, pages) = same_as_cold(root, "a translation edited");
    assert!(
        pages - cached <= locales.len(),
        "a translation edited: {} pages checked again",
        pages - cached
    );
    assert!(cached < pages, "the edited page was taken from the cache");

    // A source page edited: its translations are checked again.
    let source = root.join("content/en/tools.md");
    let text = std::fs::read_to_string(&source).expect("page");
    std::fs::write(&source, text.replacen("Signal", "Signal messenger", 1)).expect("edit");
    let (cached, pages) = same_as_cold(root, "a source page edited");
    assert!(
        pages - cached >= locales.len() - 2,
        "the source's translations"
    );

    // A translated page and a source page deleted.
    std::fs::remove_file(root.join("content/fr/vpn.md")).expect("delete");
    std::fs::remove_file(root.join("content/en/dns.md")).expect("delete");
    same_as_cold(root, "pages deleted");
    let fr = std::fs::read_to_string(cache_file(root, "fr")).expect("fr cache");
    assert!(!fr.contains("\"vpn\""), "a deleted page stays in the cache");

    // A config change: a name every translation keeps, a link rule.
    write_config(
        root,
        &locales,
        "[glossary]\nnames = [\"Signal\", \"Tor Browser\"]\n",
    );
    let (cached, _) = same_as_cold(root, "a config change");
    assert_eq!(cached, 0, "new names: every page checked again");
    write_config(
        root,
        &locales,
        "[glossary]\nnames = [\"Signal\", \"Tor Browser\"]\n[check.links]\nlocalized = [[\"https://www.privacyguides.org/en/\", \"https://www.privacyguides.org/{locale}/\"]]\n",
    );
    same_as_cold(root, "link rules");

    // The glossary changed in one locale.
    let glossary = root.join("locales/it/glossary.ftl");
    std::fs::create_dir_all(glossary.parent().expect("parent")).expect("mkdir");
    std::fs::create_dir_all(root.join("locales/en")).expect("mkdir");
    std::fs::write(root.join("locales/en/glossary.ftl"), "-browser = browser\n").expect("glossary");
    std::fs::write(&glossary, "-browser = navigatore\n").expect("glossary");
    let (cached, pages) = same_as_cold(root, "the glossary changed");
    assert!(cached < pages, "a new glossary: its locale checked again");

    // A corrupt cache file and one written by another build.
    std::fs::write(cache_file(root, "de"), "{ not json").expect("corrupt");
    let (cached, pages) = same_as_cold(root, "a corrupt cache file");
    assert!(cached < pages, "a corrupt file was trusted");
    let es = cache_file(root, "es");
    let text = std::fs::read_to_string(&es).expect("es cache");
    let other = regex_free_replace_build(&text);
    std::fs::write(&es, other).expect("other build");
    let (cached, pages) = same_as_cold(root, "a cache from another build");
    assert!(cached < pages, "another build's cache was trusted");
    let (cached, pages) = same_as_cold(root, "after the rewrite");
    assert_eq!(cached, pages, "the cache was not rewritten");

    // In a repository, the staleness found from history: a source page
    // changed in a commit after its translations, then a translation
    // edited and not committed.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .current_dir(root)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["init", "-q"]) {
        assert!(!corpus::in_ci(), "git is needed in CI");
        eprintln!("check cache test: the history steps SKIPPED, no git");
        return;
    }
    assert!(git(&["add", "-A"]) && git(&["commit", "-q", "-m", "the site"]));
    let source = root.join("content/en/vpn.md");
    let text = std::fs::read_to_string(&source).expect("page");
    std::fs::write(&source, text.replacen("VPN", "VPN service", 3)).expect("edit");
    assert!(git(&["commit", "-q", "-am", "the source moves on"]));
    let first = run(root, false);
    assert!(
        first
            .findings
            .iter()
            .any(|f| f.finding.check == project::Check::Stale),
        "no stale finding after the source changed"
    );
    same_as_cold(root, "a source change committed");
    let page = root.join("content/it/vpn.md");
    let text = std::fs::read_to_string(&page).expect("page");
    std::fs::write(&page, format!("{text}\nUna riga in più.\n")).expect("edit");
    let (cached, pages) = same_as_cold(root, "a translation edited in a repository");
    assert!(cached < pages && pages - cached <= locales.len());
    // The history's answers kept across commits: the edit committed; a
    // source page changed and changed back in two commits (its bytes those
    // the answers were drawn from, two more commits behind); an amend.
    assert!(git(&["commit", "-q", "-am", "the translation moves on"]));
    same_as_cold(root, "a translation edit committed");
    let source = root.join("content/en/tools.md");
    let original = std::fs::read_to_string(&source).expect("page");
    std::fs::write(&source, format!("{original}\nA passing line.\n")).expect("edit");
    assert!(git(&["commit", "-q", "-am", "passing"]));
    same_as_cold(root, "a source change committed again");
    std::fs::write(&source, &original).expect("edit back");
    assert!(git(&["commit", "-q", "-am", "gone again"]));
    same_as_cold(root, "a source change undone in a commit");
    std::fs::write(&page, format!("{text}\nUna riga diversa.\n")).expect("edit");
    assert!(git(&["commit", "-q", "-a", "--amend", "-m", "amended"]));
    same_as_cold(root, "a commit amended");
}

/// The cache file with another build named in it.
fn regex_free_replace_build(text: &str) -> String {
    let start = text.find("\"build\":\"").expect("a build field") + "\"build\":\"".len();
    let end = start + text[start..].find('"').expect("its end");
    format!("{}0.0.0-other{}", &text[..start], &text[end..])
}
