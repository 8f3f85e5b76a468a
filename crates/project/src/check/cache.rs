//! The check cache: what checking each translated page found, kept under
//! the project's cache folder (`.bitext/cache/check/<locale>.json`) with
//! the key of everything it was found from, so that the next run takes it
//! instead of aligning and checking the page again.
//!
//! A page's entry holds two keys. The *pair* key covers what segmenting
//! the two pages depends on (their bytes and the Markdown options): the
//! characters of their segment texts, which the locale's length ratio is
//! summed from, hold while it matches. The *check* key adds everything
//! else the findings depend on: the page's names (learned from its
//! translations in every locale), the locale's ratio, glossary, link
//! rules, the spelling dictionaries and word lists, the source site's
//! words, and whether the run reads history. A file written by another
//! build of bitext, one that does not parse, or an entry whose key does
//! not match is recomputed, never trusted.
//!
//! Files are written whole under a temporary name and renamed into place,
//! so two runs at once each leave a complete file (the last one's).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use checks::{Check, Finding, Related, Severity};
use model::Locale;
use serde::{Deserialize, Serialize};

use crate::{Config, Result};

/// A key: XXH3-128 of the fields it was built from.
pub(crate) type Key = u128;

/// Builds a key field by field; each field is preceded by its length, so
/// that two different lists of fields never hash the same bytes.
pub(crate) struct KeyBuilder(xxhash_rust::xxh3::Xxh3);

impl KeyBuilder {
    /// A key of the kind `what` (`pair`, `check`…).
    pub(crate) fn new(what: &str) -> KeyBuilder {
        KeyBuilder(xxhash_rust::xxh3::Xxh3::new()).str(what)
    }

    pub(crate) fn bytes(mut self, bytes: &[u8]) -> KeyBuilder {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub(crate) fn str(self, text: &str) -> KeyBuilder {
        self.bytes(text.as_bytes())
    }

    pub(crate) fn key(self, key: Key) -> KeyBuilder {
        self.bytes(&key.to_le_bytes())
    }

    pub(crate) fn finish(&self) -> Key {
        self.0.digest128()
    }
}

/// The key of a file's bytes.
pub(crate) fn of_bytes(bytes: &[u8]) -> Key {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The key of a set of words, whatever order it is held in.
pub(crate) fn of_words<'w>(words: impl IntoIterator<Item = &'w String>) -> Key {
    let mut sorted: Vec<&String> = words.into_iter().collect();
    sorted.sort_unstable();
    sorted
        .into_iter()
        .fold(KeyBuilder::new("words"), |b, w| b.str(w))
        .finish()
}

/// What identifies the build of bitext that wrote a cache: its version,
/// the cache's format, and the executable itself: its GNU build id where
/// the linker wrote one (a hash of the executable's contents, so a CI that
/// rebuilds the same sources keeps its cache), else its size and time (a
/// rebuilt bitext may find differently with the same version number).
pub(crate) fn build_identity() -> &'static str {
    static IDENTITY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe().ok();
        let id = exe
            .as_deref()
            .and_then(gnu_build_id)
            .or_else(|| {
                let m = std::fs::metadata(exe.as_deref()?).ok()?;
                let time = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                Some(format!("{}-{time}", m.len()))
            })
            .unwrap_or_else(|| "unknown".to_owned());
        format!("{} {FORMAT} {id}", env!("CARGO_PKG_VERSION"))
    })
}

/// The GNU build id of the ELF executable at `path`: the note the linker
/// writes near the start of the file (name `GNU`, type 3, 20 bytes of
/// SHA-1 or 8 to 32 of another hash), in hex.
fn gnu_build_id(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(1 << 16);
    std::fs::File::open(path)
        .ok()?
        .take(1 << 16)
        .read_to_end(&mut head)
        .ok()?;
    if !head.starts_with(b"\x7fELF") {
        return None;
    }
    // namesz 4, descsz, type NT_GNU_BUILD_ID (3), "GNU\0", all little-endian.
    let at = head
        .windows(12)
        .position(|w| w[..4] == [4, 0, 0, 0] && w[8..12] == [3, 0, 0, 0] && head_has_gnu(w))?;
    let size = u32::from_le_bytes(head.get(at + 4..at + 8)?.try_into().ok()?) as usize;
    if !(8..=32).contains(&size) || head.get(at + 12..at + 16)? != b"GNU\0" {
        return None;
    }
    let id = head.get(at + 16..at + 16 + size)?;
    Some(id.iter().map(|b| format!("{b:02x}")).collect())
}

/// A cheap first test of a note header: its descriptor size is small.
fn head_has_gnu(header: &[u8]) -> bool {
    header[5..8] == [0, 0, 0] && (8..=32).contains(&header[4])
}

/// The format of the files, for `format`.
const NAME: &str = "bitext-check-cache";
/// Bumped when an entry's meaning changes.
const FORMAT: u32 = 2;

/// Where `locale`'s cache file is.
pub(crate) fn locale_path(config: &Config, locale: &Locale) -> PathBuf {
    config
        .root
        .join(&config.cache.dir)
        .join("check")
        .join(format!("{}.json", locale.as_str()))
}

/// Where the names learned from each page's translations are cached.
pub(crate) fn names_path(config: &Config) -> PathBuf {
    config
        .root
        .join(&config.cache.dir)
        .join("check")
        .join("names.json")
}

/// The names learned from each page: by page, the key of what they were
/// learned from and the key of the names. An edit of one translation
/// seldom changes a page's names, so its other translations' findings
/// still hold.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct NamesCache {
    format: String,
    build: String,
    pages: BTreeMap<String, (String, String)>,
    /// Whether it holds what its file does not (then it is written).
    #[serde(skip)]
    dirty: bool,
}

/// Drops the entries of pages not in `present`; whether any went.
fn forget_absent<V>(map: &mut BTreeMap<String, V>, present: &HashSet<&str>) -> bool {
    let before = map.len();
    map.retain(|page, _| present.contains(page.as_str()));
    map.len() != before
}

impl NamesCache {
    /// The cache at `path`; empty when there is none, it does not parse or
    /// another build wrote it.
    pub(crate) fn read(path: &Path) -> NamesCache {
        let read = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<NamesCache>(&bytes).ok());
        match read {
            Some(cache) if cache.format == NAME && cache.build == build_identity() => cache,
            _ => NamesCache {
                format: NAME.to_owned(),
                build: build_identity().to_owned(),
                pages: BTreeMap::new(),
                dirty: true,
            },
        }
    }

    /// The names key of `page` if its names were learned from `input`.
    pub(crate) fn get(&self, page: &str, input: Key) -> Option<Key> {
        let (from, names) = self.pages.get(page)?;
        (*from == hex(input))
            .then(|| Key::from_str_radix(names, 16).ok())
            .flatten()
    }

    /// Keeps the names key of `page`, learned from `input`.
    pub(crate) fn keep(&mut self, page: &str, input: Key, names: Key) {
        self.pages.insert(page.to_owned(), (hex(input), hex(names)));
        self.dirty = true;
    }

    /// Forgets the pages not in `present`.
    pub(crate) fn forget_absent(&mut self, present: &HashSet<&str>) {
        self.dirty |= forget_absent(&mut self.pages, present);
    }

    /// Writes the cache to `path` (atomically) when it changed.
    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        match self.dirty {
            true => write_json(path, self),
            false => Ok(()),
        }
    }
}

/// Writes a `.gitignore` that ignores everything into the cache folder,
/// unless there is one: the caches are the machine's, not the project's
/// history.
pub(crate) fn ignore_folder(config: &Config) -> Result<()> {
    let ignore = config.root.join(&config.cache.dir).join(".gitignore");
    match ignore.exists() {
        true => Ok(()),
        false => crate::write::write_atomic(&ignore, b"# bitext's caches\n*\n"),
    }
}

/// The cache file at `path` when it parses and this build wrote it as
/// `[name, locale]` (`header` gives a file's format, build and locale).
pub(crate) fn read_own<T: serde::de::DeserializeOwned>(
    path: &Path,
    [name, locale]: [&str; 2],
    header: impl Fn(&T) -> [&String; 3],
) -> Option<T> {
    let cache: T = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let [format, build, of] = header(&cache);
    (format == name && build == build_identity() && of == locale).then_some(cache)
}

/// Writes `value` as JSON to `path` (atomically), unless the file holds
/// it already.
pub(crate) fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    let json = serde_json::to_vec(value).map_err(|e| crate::Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    crate::write::write_atomic_if_changed(path, &[&json])?;
    Ok(())
}

/// One locale's cache file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct LocaleCache {
    format: String,
    build: String,
    locale: String,
    /// The key of every source page's text, and the key of the source
    /// site's words then (computed only when spelling needed them).
    #[serde(default)]
    sources: Option<String>,
    #[serde(default)]
    source_words: Option<String>,
    /// By page (`{path}`).
    pub pages: BTreeMap<String, Entry>,
    /// By page: its source's changes since its translation's base.
    #[serde(default)]
    pub stale: BTreeMap<String, super::history::StoredChanges>,
    /// By page: its translation's base revision.
    #[serde(default)]
    pub bases: BTreeMap<String, super::history::StoredBase>,
    /// The repositories' HEADs that `stale` and `bases` hold at (see
    /// `Heads::repos`).
    #[serde(default)]
    heads: Vec<(String, String, bool)>,
    /// The pages whose `stale` and `bases` entries were found to hold at
    /// this run's HEADs, or drawn at them.
    #[serde(skip)]
    held: HashSet<String>,
    /// Whether it holds what its file does not (then it is written).
    #[serde(skip)]
    dirty: bool,
}

/// What checking one translated page found, with the keys it holds for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub pair: String,
    /// Characters of the segment texts: source, translation.
    pub chars: (usize, usize),
    pub check: String,
    pub findings: Vec<StoredFinding>,
    /// Inline waivers: a line and the checks it silences.
    pub waivers: Vec<(usize, Vec<String>)>,
    /// Where a change of each source segment is reported (when the run
    /// read history).
    pub places: Vec<super::stale::Place>,
}

impl Entry {
    pub(crate) fn pair_is(&self, key: Key) -> bool {
        self.pair == hex(key)
    }

    pub(crate) fn check_is(&self, key: Key) -> bool {
        self.check == hex(key)
    }
}

/// A key as written in the files.
pub(crate) fn hex(key: Key) -> String {
    format!("{key:032x}")
}

/// A finding as kept in the cache.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredFinding {
    check: String,
    severity: String,
    line: usize,
    source_line: Option<usize>,
    segment_id: Option<String>,
    message: String,
    related: Vec<(bool, usize, String)>,
    confidence: f32,
}

impl From<&Finding> for StoredFinding {
    fn from(f: &Finding) -> StoredFinding {
        StoredFinding {
            check: f.check.name().to_owned(),
            severity: f.severity.name().to_owned(),
            line: f.line,
            source_line: f.source_line,
            segment_id: f.segment_id.clone(),
            message: f.message.clone(),
            related: f
                .related
                .iter()
                .map(|r| (r.in_source, r.line, r.message.clone()))
                .collect(),
            confidence: f.confidence,
        }
    }
}

impl StoredFinding {
    /// The finding, or `None` when this build knows no such check (then
    /// the entry is not trusted).
    pub(crate) fn finding(&self) -> Option<Finding> {
        Some(Finding {
            check: Check::from_name(&self.check)?,
            severity: Severity::from_name(&self.severity)?,
            line: self.line,
            source_line: self.source_line,
            segment_id: self.segment_id.clone(),
            message: self.message.clone(),
            related: self
                .related
                .iter()
                .map(|(in_source, line, message)| Related {
                    in_source: *in_source,
                    line: *line,
                    message: message.clone(),
                })
                .collect(),
            confidence: self.confidence,
        })
    }
}

impl LocaleCache {
    /// An empty cache of `locale` for this build.
    pub(crate) fn empty(locale: &Locale) -> LocaleCache {
        LocaleCache {
            format: NAME.to_owned(),
            build: build_identity().to_owned(),
            locale: locale.as_str().to_owned(),
            dirty: true,
            ..LocaleCache::default()
        }
    }

    /// `locale`'s cache as the file at `path` holds it; empty when there is
    /// none, it does not parse, or another build or locale wrote it.
    pub(crate) fn read(path: &Path, locale: &Locale) -> LocaleCache {
        read_own(path, [NAME, locale.as_str()], |c: &LocaleCache| {
            [&c.format, &c.build, &c.locale]
        })
        .unwrap_or_else(|| LocaleCache::empty(locale))
    }

    /// Keeps what checking `page` found.
    pub(crate) fn keep_page(&mut self, page: &str, entry: Entry) {
        self.pages.insert(page.to_owned(), entry);
        self.dirty = true;
    }

    /// Keeps `page`'s changes since its base.
    pub(crate) fn keep_changes(&mut self, page: &str, changes: super::history::StoredChanges) {
        self.stale.insert(page.to_owned(), changes);
        self.held.insert(page.to_owned());
        self.dirty = true;
    }

    /// Keeps `page`'s base.
    pub(crate) fn keep_base(&mut self, page: &str, base: super::history::StoredBase) {
        self.bases.insert(page.to_owned(), base);
        self.held.insert(page.to_owned());
        self.dirty = true;
    }

    /// The HEADs its history entries were drawn at.
    pub(crate) fn heads(&self) -> &[(String, String, bool)] {
        &self.heads
    }

    /// Notes that `page`'s history entries hold at this run's HEADs.
    pub(crate) fn held(&mut self, page: &str) {
        self.held.insert(page.to_owned());
    }

    /// Records that its history entries hold at `heads`: when those are
    /// not the HEADs they were drawn at, the entries of the pages this run
    /// did not ask about (not found to hold) are dropped.
    pub(crate) fn settle_heads(&mut self, heads: &[(String, String, bool)]) {
        if self.heads == heads {
            return;
        }
        let held = &self.held;
        self.stale.retain(|page, _| held.contains(page));
        self.bases.retain(|page, _| held.contains(page));
        self.heads = heads.to_vec();
        self.dirty = true;
    }

    /// The key of the source site's words: kept while the source pages
    /// are those it was computed from (`sources`), else computed from
    /// `words` and kept.
    pub(crate) fn source_words_key<'w>(
        &mut self,
        sources: Key,
        words: impl FnOnce() -> &'w model::hash::FastSet<String>,
    ) -> Key {
        let sources = hex(sources);
        if self.sources.as_deref() == Some(sources.as_str())
            && let Some(key) = self
                .source_words
                .as_deref()
                .and_then(|k| Key::from_str_radix(k, 16).ok())
        {
            return key;
        }
        let key = of_words(words());
        self.sources = Some(sources);
        self.source_words = Some(hex(key));
        self.dirty = true;
        key
    }

    /// Forgets the pages not in `present`.
    pub(crate) fn forget_absent(&mut self, present: &HashSet<&str>) {
        let pages = forget_absent(&mut self.pages, present);
        let stale = forget_absent(&mut self.stale, present);
        let bases = forget_absent(&mut self.bases, present);
        self.dirty |= pages || stale || bases;
    }

    /// Where this cache's file is.
    pub(crate) fn path(&self, config: &Config) -> PathBuf {
        locale_path(config, &Locale::new(self.locale.as_str()))
    }

    /// Writes the cache to `path` (atomically) when it changed.
    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        match self.dirty {
            true => write_json(path, self),
            false => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_id_is_read_from_the_elf_note() {
        let dir = tempfile::tempdir().expect("temp dir");
        let elf = dir.path().join("exe");
        let mut bytes = b"\x7fELF".to_vec();
        bytes.extend([0u8; 60]);
        // A note that is not the build id, then the build id.
        bytes.extend([4, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0]);
        bytes.extend(b"GNU\0");
        bytes.extend([9, 9, 9, 9]);
        bytes.extend([4, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0]);
        bytes.extend(b"GNU\0");
        bytes.extend(1..=20u8);
        bytes.extend([0u8; 100]);
        std::fs::write(&elf, &bytes).expect("write");
        assert_eq!(
            gnu_build_id(&elf).as_deref(),
            Some("0102030405060708090a0b0c0d0e0f1011121314")
        );
        std::fs::write(&elf, b"#!/bin/sh\necho not an ELF file\n").expect("write");
        assert_eq!(gnu_build_id(&elf), None);
    }

    #[test]
    fn keys_differ_with_any_field_and_with_how_fields_are_cut() {
        let key = |fields: &[&str]| {
            fields
                .iter()
                .fold(KeyBuilder::new("test"), |b, f| b.str(f))
                .finish()
        };
        assert_eq!(key(&["ab", "c"]), key(&["ab", "c"]));
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_ne!(key(&["ab", "c"]), key(&["ab", "d"]));
        let words = |w: &[&str]| {
            let owned: Vec<String> = w.iter().map(|s| (*s).to_owned()).collect();
            of_words(&owned)
        };
        assert_eq!(words(&["b", "a"]), words(&["a", "b"]));
    }
}
