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
    let base = config.root.join(config.source.base_dir());
    let mut pages = Vec::new();
    for rel in walk(&config.root, &base)? {
        let Some((_, path)) = config.source.matches(&rel) else {
            continue;
        };
        if is_translation(config, &rel) {
            continue;
        }
        let source = config.root.join(&rel);
        if !is_text(&source) {
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
        for rel in walk(&config.root, &base)? {
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

/// Every file below `dir` (skipping hidden folders), as `/`-separated paths
/// relative to `root`; nothing when `dir` does not exist.
pub(crate) fn walk(root: &Path, dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    // Each folder with its path relative to `root` (`None` when not UTF-8):
    // an entry's is that and its name.
    let mut pending = vec![(dir.to_path_buf(), relative(root, dir))];
    while let Some((dir, prefix)) = pending.pop() {
        let list_error = |source| Error::List {
            path: dir.clone(),
            source,
        };
        for entry in std::fs::read_dir(&dir).map_err(list_error)? {
            let entry = entry.map_err(list_error)?;
            let name = entry.file_name();
            let hidden = name.as_encoded_bytes().starts_with(b".");
            let rel = match (&prefix, name.to_str()) {
                (Some(p), Some(n)) if p.is_empty() => Some(n.to_owned()),
                (Some(p), Some(n)) => Some(format!("{p}/{n}")),
                _ => None,
            };
            let file_type = entry.file_type().map_err(list_error)?;
            let path = entry.path();
            if file_type.is_dir() || (file_type.is_symlink() && path.is_dir()) {
                if !hidden {
                    pending.push((path, rel));
                }
            } else if let Some(rel) = rel {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
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
