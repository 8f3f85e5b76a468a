//! Which dialect a project's pages are written in, told from the files at
//! its root (`mkdocs.yml`, `hugo.toml`, `docusaurus.config.js`, MDN's
//! `files/en-us/`) or from where its source pages are; GFM otherwise.

use std::path::Path;

use markdown::Dialect;

use crate::Pattern;

/// The dialect detected for a project rooted at `root` whose source pages
/// match `source`, and why, in words.
pub fn detect(root: &Path, source: &Pattern) -> (Dialect, String) {
    if let Some((dialect, found)) = marked(root) {
        return (dialect, format!("found {found}"));
    }
    if source.to_string().contains("files/en-us/") {
        return (
            Dialect::Mdn,
            format!("the source pages are MDN's `files/en-us/` ({source})"),
        );
    }
    if let Some(page) = mkdocs_page(root, source) {
        return (
            Dialect::Mkdocs,
            format!("{page} has MkDocs containers (`!!!`, `???` or `===`)"),
        );
    }
    (
        Dialect::Gfm,
        "nothing marks another: no mkdocs.yml, hugo.*, docusaurus.config.*, files/en-us/ or MkDocs containers"
            .to_owned(),
    )
}

/// The dialect a marker file at the root names (`docusaurus.config.js`,
/// `mkdocs.yml`, `hugo.toml`…), with the file found.
pub(crate) fn marked(root: &Path) -> Option<(Dialect, String)> {
    for dialect in Dialect::ALL {
        for marker in dialect.markers() {
            if let Some(found) = find_marker(root, marker) {
                return Some((dialect, found));
            }
        }
    }
    None
}

/// The dialect one page's own syntax shows, when it shows one: MkDocs
/// containers, Docusaurus fences or MDX imports, Hugo shortcodes, MDN
/// macros. For a page read outside any project marker.
pub fn sniff(text: &str) -> Option<(Dialect, &'static str)> {
    let mut found = None;
    for line in text.lines() {
        let t = line.trim_start();
        let dialect = if is_mkdocs_line(t) {
            (Dialect::Mkdocs, "MkDocs containers")
        } else if (t.starts_with(":::") && t[3..].starts_with(|c: char| c.is_ascii_alphabetic()))
            || (line.starts_with("import ") && line.contains(" from "))
        {
            (Dialect::Docusaurus, "`:::` directives or MDX imports")
        } else if t.contains("{{<") || t.contains("{{%") {
            (Dialect::Hugo, "Hugo shortcodes")
        } else if t.starts_with("- : ") || t.contains("{{cssxref(") || t.contains("{{Glossary(") {
            (Dialect::Mdn, "MDN macros or definition lists")
        } else {
            continue;
        };
        found = Some(dialect);
        break;
    }
    found
}

/// Whether a line (its indentation removed) opens an MkDocs container.
fn is_mkdocs_line(t: &str) -> bool {
    ((t.starts_with("!!! ") || t.starts_with("??? ") || t.starts_with("???+ ")) && t.len() > 4)
        || t.starts_with("=== \"")
}

/// How many source pages are read looking for MkDocs containers.
const SNIFFED: usize = 200;

/// The first of the first source pages with a line that opens an MkDocs
/// container (`!!! note`, `??? tip`, `=== "Tab"`), if any.
fn mkdocs_page(root: &Path, source: &Pattern) -> Option<String> {
    let base = root.join(source.base_dir());
    let files = crate::files::walk_all(root, &base).ok()?.files;
    files
        .into_iter()
        .filter(|rel| source.matches(rel).is_some())
        .take(SNIFFED)
        .find(|rel| {
            std::fs::read_to_string(root.join(rel))
                .is_ok_and(|text| text.lines().any(|line| is_mkdocs_line(line.trim_start())))
        })
}

/// The path (relative to `root`) that `marker` names, if it exists: `*`
/// stands for any one name. A generic `config.*` counts for Hugo only when
/// it sets `baseURL`.
fn find_marker(root: &Path, marker: &str) -> Option<String> {
    let found = match marker.split_once('*') {
        None => root.join(marker).exists().then(|| marker.to_owned()),
        Some((dir, rest)) => {
            let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
                .ok()?
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| !name.starts_with('.'))
                .collect();
            names.sort();
            names
                .into_iter()
                .map(|name| format!("{dir}{name}{rest}"))
                .find(|path| root.join(path).exists())
        }
    }?;
    let generic = found
        .rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with("config."));
    if generic {
        let text = std::fs::read_to_string(root.join(&found)).ok()?;
        if !text.contains("baseURL") && !text.contains("baseurl") {
            return None;
        }
    }
    Some(found)
}
