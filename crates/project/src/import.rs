//! `bitext import`: translations from translators' files (Fluent, PO, XLIFF)
//! into a locale's catalogs. Every file is read and every decision made
//! before the first write; a file that fails to parse stops the run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use catalog::{Catalog, Fingerprint, Message};
use exchange::Submitted;
use model::Locale;

use crate::catalogs::{
    Entry, PageState, catalog_path, chosen_locales, manifest_path, read_manifest, write_all,
};
use crate::{AlignDiagnostic, Config, Error, Page, Result, Sources, align_locale, pages};

/// Choices for `bitext import`.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub locale: Locale,
    /// Overwrite translations that are up to date locally and differ.
    pub force: bool,
    /// Compute and report everything, write nothing (`written` then lists
    /// what would be written).
    pub dry_run: bool,
}

/// Why a translation was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    /// The file names a page the project does not have.
    UnknownPage,
    /// The page has no segment with this id (removed, or renamed by hand).
    UnknownId,
    /// No page given and several pages have this id.
    AmbiguousId { pages: Vec<String> },
    /// An entry without an id (a tool dropped its PO msgctxt) whose
    /// reference names no source page, or whose source text that page
    /// does not have (it changed since the export).
    UnknownSource { reference: String },
    /// The same page and id came earlier in the files (at this file and line).
    Duplicate { file: PathBuf, line: usize },
    /// The catalog has an up-to-date translation with another text, and
    /// it is not the one the file was exported with (someone edited it
    /// since the export, or the file does not say); kept unless `force`.
    Conflict { local: String },
}

/// A translation that was not imported, and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub file: PathBuf,
    pub line: usize,
    pub page: Option<String>,
    pub id: String,
    pub reason: RejectReason,
}

/// What `bitext import` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Imported as up to date with the current source.
    pub imported: usize,
    /// Imported, but made from a source that has changed since: stale.
    pub stale: usize,
    /// Same text as the catalog already has.
    pub unchanged: usize,
    /// Entries without a translation (empty msgstr, no target, value left as the source).
    pub untranslated: usize,
    /// Entries the translator marked as needing review (PO fuzzy, XLIFF initial): not imported.
    pub needs_review: usize,
    pub rejected: Vec<Rejected>,
    /// Catalogs written.
    pub written: Vec<PathBuf>,
    /// Importing translated pages: pages aligned and imported.
    pub pages: usize,
    /// Translated pages skipped because `bitext build` wrote them.
    pub generated: usize,
    /// Source segments that nothing in the translation renders.
    pub missing: usize,
    /// Translated segments that render no source segment: not imported.
    pub unpaired: Vec<Unpaired>,
    /// Damage found while aligning (a lost container line), per page file.
    pub broken: Vec<(PathBuf, AlignDiagnostic)>,
}

/// A translated segment with no source segment to belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaired {
    pub file: PathBuf,
    pub line: usize,
    pub kind: &'static str,
    pub text: String,
}

/// Below this confidence a pair of aligned segments is imported as stale,
/// so that a translator reviews it.
pub const REVIEW_BELOW: f32 = 0.75;

/// Imports the translated pages of `options.locale` (document mode) into
/// its catalogs: each page is aligned with its source page, and each pair
/// becomes the translation of its source segment's message. A pair below
/// [`REVIEW_BELOW`], a merge or a split is imported as stale (made from an
/// unknown source), for review; a translated segment identical to its
/// source counts as untranslated; unpaired translated segments are
/// reported. Up-to-date translations in the catalog that differ are kept
/// (rejected as conflicts) unless `options.force`. Pages that `bitext
/// build` generated are skipped.
pub fn import_documents(config: &Config, options: &ImportOptions) -> Result<ImportReport> {
    let locale = &options.locale;
    if *locale == config.source_locale {
        return Err(Error::ImportIntoSource {
            locale: locale.to_string(),
        });
    }
    chosen_locales(config, Some(std::slice::from_ref(locale)))?;
    let sources = Sources::load(config)?;
    let aligned = align_locale(config, &sources, locale)?;
    let manifest = read_manifest(&manifest_path(config))?;
    // Made from a source text nobody knows: stale until reviewed.
    let unknown = Fingerprint::of("");
    let mut report = ImportReport::default();
    let mut plan = Vec::new();
    for page in &aligned.pages {
        let key = config.translation.render(locale.as_str(), &page.page.path);
        if crate::catalogs::is_generated(&manifest, &key, &page.text) {
            report.generated += 1;
            continue;
        }
        report.pages += 1;
        let a = &page.aligned;
        let state = PageState::load(config, &page.page)?;
        let ids: Vec<&str> = state.ids().collect();
        let mut by_source: BTreeMap<usize, Vec<&align::Pair>> = BTreeMap::new();
        let mut sources_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for pair in &a.alignment.pairs {
            by_source.entry(pair.source).or_default().push(pair);
            sources_of
                .entry(pair.translation)
                .or_default()
                .push(pair.source);
        }
        let mut items = Vec::new();
        for (source, pairs) in by_source {
            let Some(id) = ids.get(source) else { continue };
            let first = pairs[0];
            let merged = sources_of[&first.translation].len() > 1;
            if merged && sources_of[&first.translation][0] != source {
                // The second source segment of a merge: its text is in the first's.
                report.untranslated += 1;
                continue;
            }
            let current = &a.source.segments[source].text;
            let text = pairs
                .iter()
                .map(|p| a.translation[p.translation].text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if text == *current {
                report.untranslated += 1;
                continue;
            }
            let review = first.confidence < REVIEW_BELOW || merged || pairs.len() > 1;
            items.push(Item {
                file: &page.path,
                entry: Submitted {
                    reference: None,
                    exported: None,
                    line: a.translation[first.translation].line,
                    page: Some(page.page.path.clone()),
                    id: (*id).to_owned(),
                    source_text: None,
                    source: Some(if review {
                        unknown
                    } else {
                        Fingerprint::of(current)
                    }),
                    translation: Some(text),
                    needs_review: false,
                },
            });
        }
        report.missing += a.alignment.unpaired_source.len();
        report
            .unpaired
            .extend(a.alignment.unpaired_translation.iter().map(|&k| {
                let s = &a.translation[k];
                Unpaired {
                    file: page.path.clone(),
                    line: s.line,
                    kind: s.kind.name(),
                    text: s.text.clone(),
                }
            }));
        report
            .broken
            .extend(a.diagnostics.iter().map(|d| (page.path.clone(), d.clone())));
        plan.extend(import_page(
            config,
            &page.page,
            &state,
            &items,
            options,
            &mut report,
        )?);
    }
    report
        .rejected
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    if !options.dry_run {
        write_all(&plan)?;
    }
    report.written = plan.into_iter().map(|(path, _)| path).collect();
    Ok(report)
}

/// The charset a PO header (`charset=ISO-8859-1`) or an XML declaration
/// (`encoding="windows-1252"`) names, read from the raw bytes (both are
/// ASCII in any charset these files use).
fn declared_charset(
    bytes: &[u8],
    format: exchange::Format,
) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let key: &[u8] = match format {
        exchange::Format::Po => b"charset=",
        exchange::Format::Xliff => b"encoding=",
        exchange::Format::Ftl | exchange::Format::Json => return None,
    };
    let at = head.windows(key.len()).position(|w| w == key)? + key.len();
    let label: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// A translator's file as text: UTF-8, or the charset its header or XML
/// declaration names (older PO tools write Latin-1). A file that is not
/// UTF-8 and names no charset is an error saying so.
fn translator_text(path: &Path, format: exchange::Format) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    match declared_charset(&bytes, format) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, _, malformed) = encoding.decode(&bytes);
            if malformed {
                return Err(Error::Charset {
                    path: path.to_path_buf(),
                    message: format!(
                        "not valid {} text, the charset it declares",
                        encoding.name()
                    ),
                });
            }
            Ok(text.into_owned())
        }
        declared => match String::from_utf8(bytes) {
            Ok(text) => Ok(text
                .strip_prefix('\u{feff}')
                .map(str::to_owned)
                .unwrap_or(text)),
            Err(e) => Err(Error::Charset {
                path: path.to_path_buf(),
                message: format!(
                    "not UTF-8 (invalid at byte {}){}",
                    e.utf8_error().valid_up_to(),
                    if declared.is_some() {
                        ", though it declares UTF-8".to_owned()
                    } else if format == exchange::Format::Ftl {
                        "; Fluent files are UTF-8".to_owned()
                    } else if format == exchange::Format::Json {
                        "; JSON files are UTF-8".to_owned()
                    } else {
                        " and it declares no charset".to_owned()
                    }
                ),
            }),
        },
    }
}

/// One entry of one file, with the file it came from.
struct Item<'a> {
    file: &'a Path,
    entry: Submitted,
}

/// Reads `files` (`.ftl`, `.po`, `.xliff`/`.xlf`, `.json`) into the catalogs of
/// `options.locale`: a translation of the current source is imported as
/// up to date, one of an older source as stale (with that source as the
/// previous one, when known). Unknown ids and conflicts are rejected.
pub fn import(config: &Config, files: &[PathBuf], options: &ImportOptions) -> Result<ImportReport> {
    let locale = &options.locale;
    if *locale == config.source_locale {
        return Err(Error::ImportIntoSource {
            locale: locale.to_string(),
        });
    }
    chosen_locales(config, Some(std::slice::from_ref(locale)))?;
    let mut items = Vec::new();
    for file in files {
        let name = file.to_string_lossy();
        let format = exchange::Format::from_name(&name)
            .ok_or_else(|| Error::UnknownFormat { path: file.clone() })?;
        let text = translator_text(file, format)?;
        if let Some(declared) = exchange::declared_locale(format, &text)
            && !exchange::same_locale(&declared, locale.as_str())
        {
            return Err(Error::WrongLocale {
                path: file.clone(),
                declared,
                locale: locale.to_string(),
            });
        }
        let entries = exchange::read(format, &text).map_err(|errors| Error::TranslatorFile {
            path: file.clone(),
            errors,
        })?;
        items.extend(entries.into_iter().map(|entry| Item { file, entry }));
    }

    let all_pages = pages(config)?;
    let mut states: HashMap<String, PageState> = HashMap::new();
    let mut report = ImportReport::default();
    let reject = |item: &Item<'_>, reason| Rejected {
        file: item.file.to_path_buf(),
        line: item.entry.line,
        page: item.entry.page.clone(),
        id: item.entry.id.clone(),
        reason,
    };
    // The entries with a translation, by page, in file order within a page.
    let mut by_page: BTreeMap<String, Vec<Item<'_>>> = BTreeMap::new();
    for mut item in items {
        if item.entry.translation.is_none() {
            report.untranslated += 1;
            continue;
        }
        if item.entry.needs_review {
            report.needs_review += 1;
            continue;
        }
        if item.entry.id.is_empty() {
            match identify(config, &all_pages, &mut states, &item.entry)? {
                Some((page, id)) => {
                    item.entry.page = Some(page);
                    item.entry.id = id;
                }
                None => {
                    let reference = match &item.entry.reference {
                        Some((file, line)) => format!("{file}:{line}"),
                        None => "the file".to_owned(),
                    };
                    report
                        .rejected
                        .push(reject(&item, RejectReason::UnknownSource { reference }));
                    continue;
                }
            }
        }
        let page = match &item.entry.page {
            Some(page) => page.clone(),
            None => match page_with_id(config, &all_pages, &mut states, &item.entry.id)? {
                Ok(page) => page,
                Err(reason) => {
                    report.rejected.push(reject(&item, reason));
                    continue;
                }
            },
        };
        if !all_pages.iter().any(|p| p.path == page) {
            report
                .rejected
                .push(reject(&item, RejectReason::UnknownPage));
            continue;
        }
        by_page.entry(page).or_default().push(item);
    }

    let mut plan = Vec::new();
    for (page, items) in by_page {
        let p = all_pages
            .iter()
            .find(|p| p.path == page)
            .expect("checked above");
        let state = match states.remove(&page) {
            Some(state) => state,
            None => PageState::load(config, p)?,
        };
        plan.extend(import_page(
            config,
            p,
            &state,
            &items,
            options,
            &mut report,
        )?);
    }
    // Rejections in the order of the files and their lines.
    let order: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_path(), i))
        .collect();
    report
        .rejected
        .sort_by_key(|r| (order.get(r.file.as_path()).copied(), r.line));
    if !options.dry_run {
        write_all(&plan)?;
    }
    report.written = plan.into_iter().map(|(path, _)| path).collect();
    Ok(report)
}

/// Imports the `items` of one page into its catalog for `options.locale`,
/// counting into `report`; the catalog and its state to write, where they change.
fn import_page(
    config: &Config,
    page: &Page,
    state: &PageState,
    items: &[Item<'_>],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Vec<(PathBuf, String)>> {
    let reject = |item: &Item<'_>, reason| Rejected {
        file: item.file.to_path_buf(),
        line: item.entry.line,
        page: item.entry.page.clone(),
        id: item.entry.id.clone(),
        reason,
    };
    let path = catalog_path(config, &options.locale, page);
    let state_path = crate::state::state_path(config, &options.locale, page);
    let old = crate::state::read_target(&path, &state_path)?;
    let empty = Catalog::default();
    let target = old.as_ref().map_or(&empty, |(_, c)| c);
    let entries: HashMap<&str, Entry<'_>> = state.entries(target).map(|e| (e.id, e)).collect();
    let mut imported: HashMap<String, Message> = HashMap::new();
    let mut seen: HashMap<&str, (&Path, usize)> = HashMap::new();
    for item in items {
        let entry = &item.entry;
        let translation = entry.translation.as_deref().expect("kept above");
        let Some(local) = entries.get(entry.id.as_str()) else {
            report.rejected.push(reject(item, RejectReason::UnknownId));
            continue;
        };
        if let Some(&(file, line)) = seen.get(entry.id.as_str()) {
            let file = file.to_path_buf();
            report
                .rejected
                .push(reject(item, RejectReason::Duplicate { file, line }));
            continue;
        }
        seen.insert(&entry.id, (item.file, entry.line));
        match decide(local, entry, translation, options.force) {
            Decision::Unchanged => report.unchanged += 1,
            Decision::Reject(reason) => report.rejected.push(reject(item, reason)),
            Decision::Import(message) => {
                if message.stale {
                    report.stale += 1;
                } else {
                    report.imported += 1;
                }
                imported.insert(entry.id.clone(), message);
            }
        }
    }
    if imported.is_empty() {
        return Ok(Vec::new());
    }
    let catalog = merged(target, state, &page.path, &mut imported);
    let text = catalog::write(&catalog);
    crate::state::plan(
        path,
        old.as_ref().map(|(text, _)| text.as_str()),
        text,
        state_path,
        &catalog,
    )
}

/// What an import does with one translation.
enum Decision {
    Unchanged,
    Reject(RejectReason),
    Import(Message),
}

/// The outcome for `translation` of `entry`, against the catalog's `local` view.
fn decide(local: &Entry<'_>, entry: &Submitted, translation: &str, force: bool) -> Decision {
    let current_text = local.segment.text.as_str();
    let made_from = entry
        .source
        .unwrap_or_else(|| Fingerprint::of(current_text));
    let up_to_date = made_from.matches(current_text);
    if let Some(message) = local.translation {
        // A translation the catalog already holds changes nothing: an
        // exported file imported back unedited leaves a stale message stale.
        if message.text == translation {
            return Decision::Unchanged;
        }
        // Unless the catalog still holds the translation the file was
        // exported with: then the difference is the translator's revision.
        let revised = entry.exported.is_some_and(|f| f.matches(&message.text));
        if local.current && message.text != translation && !force && !revised {
            return Decision::Reject(RejectReason::Conflict {
                local: message.text.clone(),
            });
        }
    }
    let previous = (!up_to_date)
        .then(|| {
            entry.source_text.clone().or_else(|| {
                local
                    .old_source
                    .filter(|t| made_from.matches(t))
                    .map(str::to_owned)
            })
        })
        .flatten();
    Decision::Import(Message {
        id: entry.id.clone(),
        text: translation.to_owned(),
        source: Some(made_from),
        stale: !up_to_date,
        previous,
        notes: local
            .translation
            .map(|m| m.notes.clone())
            .unwrap_or_default(),
    })
}

/// `target` with `imported` messages in place, in source order; messages
/// whose id has no segment (until the next sync makes them obsolete) stay
/// after them.
fn merged(
    target: &Catalog,
    state: &PageState,
    page: &str,
    imported: &mut HashMap<String, Message>,
) -> Catalog {
    let ids: HashSet<&str> = state.ids().collect();
    let mut messages = Vec::new();
    for id in state.ids() {
        if let Some(message) = imported.remove(id) {
            messages.push(message);
        } else if let Some(message) = target.get(id) {
            messages.push(message.clone());
        }
    }
    messages.extend(
        target
            .messages
            .iter()
            .filter(|m| !ids.contains(m.id.as_str()))
            .cloned(),
    );
    Catalog {
        page: target.page.clone().or_else(|| Some(page.to_owned())),
        messages,
        ..target.clone()
    }
}

/// The one page that has a segment with `id`, for entries that name no page.
fn page_with_id(
    config: &Config,
    all_pages: &[Page],
    states: &mut HashMap<String, PageState>,
    id: &str,
) -> Result<Result<String, RejectReason>> {
    let mut found = Vec::new();
    for p in all_pages {
        if !states.contains_key(&p.path) {
            states.insert(p.path.clone(), PageState::load(config, p)?);
        }
        if states[&p.path].ids().any(|i| i == id) {
            found.push(p.path.clone());
        }
    }
    Ok(match found.len() {
        0 => Err(RejectReason::UnknownId),
        1 => Ok(found.remove(0)),
        _ => Err(RejectReason::AmbiguousId { pages: found }),
    })
}

/// The page and id of an entry that has no id, from its reference (the
/// source file and line) and its source text: the segment of that page
/// with that text, the one nearest the line if several have it.
fn identify(
    config: &Config,
    all_pages: &[Page],
    states: &mut HashMap<String, PageState>,
    entry: &Submitted,
) -> Result<Option<(String, String)>> {
    let (Some((file, line)), Some(text)) = (&entry.reference, &entry.source_text) else {
        return Ok(None);
    };
    let Some(page) = all_pages.iter().find(|p| {
        p.source
            .strip_prefix(&config.root)
            .is_ok_and(|relative| relative.to_string_lossy().replace('\\', "/") == *file)
    }) else {
        return Ok(None);
    };
    if !states.contains_key(&page.path) {
        states.insert(page.path.clone(), PageState::load(config, page)?);
    }
    let state = &states[&page.path];
    let nearest = state
        .doc
        .segments
        .iter()
        .zip(state.ids())
        .filter(|(segment, _)| segment.text == *text)
        .min_by_key(|(segment, _)| segment.line.abs_diff(*line));
    Ok(nearest.map(|(_, id)| (page.path.clone(), id.to_owned())))
}
