//! Which source pages exist, and the translation and catalog each maps to per locale.

use std::path::{Path, PathBuf};

use model::Locale;

use crate::{Config, Error, Result};

/// A source page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The `{path}` part: the page's path without extension, `/`-separated.
    pub path: String,
    /// The source file, as a path joined to the project root.
    pub source: PathBuf,
}

/// Where a page's translation and catalog are for one locale, and whether they exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStatus {
    pub page: Page,
    pub translation: PathBuf,
    pub translation_exists: bool,
    pub catalog: PathBuf,
    pub catalog_exists: bool,
}

/// The files of one target locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFiles {
    pub locale: Locale,
    pub files: Vec<FileStatus>,
}

/// The source pages, sorted by path. A file that the translation pattern
/// reads as a translation (`docs/x.it.md` in a suffix layout) is not a page;
/// nor is a file that is not UTF-8 text (an image a loose pattern matched):
/// it is skipped and listed in [`Config::skipped`]. No page at all is an
/// error naming the pattern.
pub fn pages(config: &Config) -> Result<Vec<Page>> {
    confine(config)?;
    let base = config.root.join(config.source.base_dir());
    let mut pages = Vec::new();
    for rel in walk(config, &base)? {
        let Some((_, path)) = config.source.matches(&rel) else {
            continue;
        };
        if is_translation(config, &rel) {
            continue;
        }
        let source = config.root.join(&rel);
        if !is_text(&source) {
            // A page that is not text is broken; anything else a loose
            // pattern matched (an image) is not a page.
            if is_markdown_name(&rel) {
                crate::read_text(&source)?;
            }
            config.skip(source);
            continue;
        }
        pages.push(Page {
            path: path.to_owned(),
            source,
        });
    }
    if pages.is_empty() {
        return Err(Error::NoPages {
            pattern: config.source.to_string(),
            root: config.root.clone(),
        });
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
}

/// Checks that no link under the translation and catalog folders leads
/// outside the project or loops, before anything is read or written
/// there: bitext writes only inside the project root.
pub(crate) fn confine(config: &Config) -> Result<()> {
    for pattern in [&config.translation, &config.catalog] {
        walk(config, &config.root.join(pattern.base_dir()))?;
    }
    Ok(())
}

/// Whether a file name has a Markdown extension.
fn is_markdown_name(rel: &str) -> bool {
    let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
    ["md", "mdx", "markdown", "mdown", "mkd"]
        .iter()
        .any(|m| ext.eq_ignore_ascii_case(m))
}

/// Whether a file reads as UTF-8 text: its first 8 KiB hold no NUL byte
/// and no invalid UTF-8 (a character cut at the end of the block is fine).
pub(crate) fn is_text(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8192];
    let Ok(mut file) = std::fs::File::open(path) else {
        // Unreadable: reading it later says why.
        return true;
    };
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(_) => return true,
        }
    }
    let head = &head[..len];
    if memchr::memchr(0, head).is_some() {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && len == 8192,
    }
}

/// Whether a root-relative path is a translation file of some target locale.
fn is_translation(config: &Config, rel: &str) -> bool {
    let Some((Some(locale), _)) = config.translation.matches(rel) else {
        return false;
    };
    let locale = Locale::new(locale);
    if locale == config.source_locale {
        return false;
    }
    match &config.locales {
        Some(list) if list.contains(&locale) => true,
        _ => Locale::is_plausible(locale.as_str()),
    }
}

/// The target locales: as configured, or else every locale-like code that
/// the translation and catalog patterns find on disk, sorted.
pub fn locales(config: &Config) -> Result<Vec<Locale>> {
    if let Some(list) = &config.locales {
        return Ok(list.clone());
    }
    let mut found: Vec<Locale> = Vec::new();
    for pattern in [&config.translation, &config.catalog] {
        let base = config.root.join(pattern.base_dir());
        for rel in walk(config, &base)? {
            if let Some((Some(code), _)) = pattern.matches(&rel) {
                let locale = Locale::new(code);
                if Locale::is_plausible(code)
                    && locale != config.source_locale
                    && !found.contains(&locale)
                {
                    found.push(locale);
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

/// For every target locale, every page's translation and catalog.
pub fn files(config: &Config) -> Result<Vec<LocaleFiles>> {
    let pages = pages(config)?;
    let mut out = Vec::new();
    for locale in locales(config)? {
        let files = pages
            .iter()
            .map(|page| {
                let translation = config
                    .root
                    .join(config.translation.render(locale.as_str(), &page.path));
                let catalog = config
                    .root
                    .join(config.catalog.render(locale.as_str(), &page.path));
                FileStatus {
                    page: page.clone(),
                    translation_exists: translation.is_file(),
                    translation,
                    catalog_exists: catalog.is_file(),
                    catalog,
                }
            })
            .collect();
        out.push(LocaleFiles { locale, files });
    }
    Ok(out)
}

/// What a walk found: files, and link loops it did not follow.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// `/`-separated paths relative to the root, sorted.
    pub files: Vec<String>,
    /// Each loop's link and the folder it leads back to.
    pub loops: Vec<(PathBuf, PathBuf)>,
}

/// [`walk_all`]'s files, its loops recorded in `config` (reported once the
/// command is done, which then fails).
pub(crate) fn walk(config: &Config, dir: &Path) -> Result<Vec<String>> {
    let walked = walk_all(&config.root, dir)?;
    for (link, ancestor) in walked.loops {
        config.found_loop(link, ancestor);
    }
    if config.gitignore {
        return not_ignored(config, walked.files);
    }
    Ok(walked.files)
}

/// `files` (relative to the root) without those git ignores; all of them
/// outside a repository.
fn not_ignored(config: &Config, files: Vec<String>) -> Result<Vec<String>> {
    let Some(repo) = history::Repo::discover(&config.root)? else {
        return Ok(files);
    };
    let mut kept = Vec::with_capacity(files.len());
    for file in files {
        if !repo.is_ignored(&config.root.join(&file))? {
            kept.push(file);
        }
    }
    Ok(kept)
}

/// Every file below `dir` (skipping hidden folders, and bitext's own
/// temporary files), relative to `root`; nothing when `dir` does not
/// exist. Symbolic links are followed once: a folder reached twice is
/// listed once, and a link loop is not followed but listed. A link that
/// leads outside both `root` and `dir` is an error naming it.
pub(crate) fn walk_all(root: &Path, dir: &Path) -> Result<Walked> {
    let mut out = Walked::default();
    if !dir.is_dir() {
        return Ok(out);
    }
    let inside = Inside::new(root, dir)?;
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut met_link = false;
    let mut entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => match e.loop_ancestor() {
                Some(ancestor) => {
                    let link = e
                        .path()
                        .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                    out.loops.push((link, ancestor.to_path_buf()));
                    continue;
                }
                None => return Err(walk_error(dir, e)),
            },
        };
        let name = entry.file_name().as_encoded_bytes();
        let hidden = entry.depth() > 0 && name.starts_with(b".");
        if entry.file_type().is_dir() {
            if hidden {
                entries.skip_current_dir();
                continue;
            }
            // A folder reached through a link: where it really is, once.
            met_link |= entry.path_is_symlink();
            if entry.path_is_symlink() || entry.depth() == 0 {
                let real = inside.check(entry.path())?;
                if !seen.insert(real) {
                    entries.skip_current_dir();
                }
            }
            continue;
        }
        if entry.path_is_symlink() {
            met_link = true;
            let real = inside.check(entry.path())?;
            if !seen.insert(real) {
                continue;
            }
        }
        if hidden && is_temporary(entry.file_name()) {
            continue;
        }
        if let Some(rel) = relative(root, entry.path()) {
            out.files.push(rel);
        }
    }
    out.files.sort();
    // A file reached both where it is and through a link: once. Only a
    // walk that met a link pays for finding every file's real path.
    if met_link {
        let mut real_seen = std::collections::HashSet::new();
        out.files.retain(|rel| {
            real_seen.insert(
                root.join(rel)
                    .canonicalize()
                    .unwrap_or_else(|_| root.join(rel)),
            )
        });
    }
    Ok(out)
}

/// Whether a file name is one of bitext's temporary files
/// (`.NAME.bitext-PID.tmp`, beside the file being written).
pub(crate) fn is_temporary(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') && name.ends_with(".tmp") && name.contains(".bitext-")
}

/// Where links may lead: the project root, and a folder configured
/// outside it (a source tree elsewhere), as their real paths.
struct Inside {
    roots: Vec<PathBuf>,
    shown: PathBuf,
}

impl Inside {
    fn new(root: &Path, dir: &Path) -> Result<Inside> {
        let real = |p: &Path| {
            p.canonicalize().map_err(|source| Error::List {
                path: p.to_path_buf(),
                source,
            })
        };
        let mut roots = vec![real(root)?];
        let dir = real(dir)?;
        if !dir.starts_with(&roots[0]) {
            roots.push(dir);
        }
        Ok(Inside {
            roots,
            shown: root.to_path_buf(),
        })
    }

    /// The real path of `path`, which must lie inside.
    fn check(&self, path: &Path) -> Result<PathBuf> {
        let real = path.canonicalize().map_err(|source| Error::List {
            path: path.to_path_buf(),
            source,
        })?;
        if self.roots.iter().any(|r| real.starts_with(r)) {
            return Ok(real);
        }
        // Name the link: the first component of the path that leads out.
        let link = path
            .ancestors()
            .filter(|a| a.is_symlink())
            .last()
            .unwrap_or(path)
            .to_path_buf();
        Err(Error::LinkOutside {
            link,
            target: real,
            root: self.shown.clone(),
        })
    }
}

/// A walk's error: a folder that cannot be listed.
fn walk_error(dir: &Path, e: walkdir::Error) -> Error {
    let path = e
        .path()
        .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
    Error::List {
        path,
        source: e
            .into_io_error()
            .unwrap_or_else(|| std::io::Error::other("cannot list")),
    }
}

/// `path` relative to `root`, `/`-separated (an absolute path outside
/// `root` stays absolute); `None` for a path that is not valid UTF-8.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for c in rel.components() {
        match c {
            std::path::Component::RootDir => out.push('/'),
            std::path::Component::Prefix(p) => out.push_str(p.as_os_str().to_str()?),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(other.as_os_str().to_str()?);
            }
        }
    }
    Some(out)
}
