//! Catalog mode over a project: `sync` (source pages → catalogs) and
//! `build` (catalogs → translated pages); `status` reads them (see
//! `status`). Everything is read and computed before anything is written, so a catalog
//! that fails to parse stops the run with nothing changed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use catalog::{Catalog, Fingerprint, Message};
use exchange::{MessageState, Pending};
use model::{Document, Locale, Segment, SegmentId, SegmentKind};
use rayon::prelude::*;

use crate::write::{Staged, discard_all, stage};
use crate::{Config, Error, Page, Result, StaleText, pages, read_text, segment_file, write_atomic};

/// A source page with its segments and its source catalog, old and synced
/// (its ids: the texts are the segments').
#[derive(Debug)]
pub(crate) struct PageState {
    pub(crate) doc: Document,
    /// The source catalog's path, its text on disk (if any) and its messages.
    catalog_path: PathBuf,
    catalog_text: Option<String>,
    old: Catalog,
    /// For each segment, the index of the old source message it continues.
    matching: Vec<Option<usize>>,
    synced: catalog::SourceIds,
}

/// A segment of a page seen from one target catalog.
#[derive(Debug)]
pub(crate) struct Entry<'a> {
    pub(crate) id: &'a str,
    pub(crate) segment: &'a Segment,
    /// The text the old source catalog had for this segment.
    pub(crate) old_source: Option<&'a str>,
    pub(crate) translation: Option<&'a Message>,
    /// The translation exists and is up to date with the segment.
    pub(crate) current: bool,
}

impl PageState {
    pub(crate) fn load(config: &Config, page: &Page) -> Result<PageState> {
        let (_, doc, _) = segment_file(&page.source, &config.markdown)?;
        let catalog_path = catalog_path(config, &config.source_locale, page);
        let (catalog_text, old) = match read_catalog(&catalog_path)? {
            Some((text, catalog)) => (Some(text), catalog),
            None => (None, Catalog::default()),
        };
        let old_items: Vec<diff::Item<'_>> = old
            .messages
            .iter()
            .map(|m| diff::Item {
                kind: SegmentId::kind_of(&m.id).unwrap_or(SegmentKind::Paragraph),
                text: &m.text,
            })
            .collect();
        let new_items: Vec<diff::Item<'_>> = doc
            .segments
            .iter()
            .map(|s| diff::Item {
                kind: s.kind,
                text: &s.text,
            })
            .collect();
        let matching = diff::match_segments(&old_items, &new_items);
        let synced = catalog::source_ids(&old, &doc, &matching);
        Ok(PageState {
            doc,
            catalog_path,
            catalog_text,
            old,
            matching,
            synced,
        })
    }

    /// The id of each segment, in document order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.synced.ids.iter().map(String::as_str)
    }

    /// Each segment with its id, its old source text and its translation in `target`.
    pub(crate) fn entries<'a>(&'a self, target: &'a Catalog) -> impl Iterator<Item = Entry<'a>> {
        // Messages after the obsolete group count where their id has a
        // segment (a translator appended them): position says nothing.
        let mut translations: model::hash::FastMap<&str, &Message> =
            target.messages.iter().map(|m| (m.id.as_str(), m)).collect();
        for m in &target.obsolete {
            translations.entry(m.id.as_str()).or_insert(m);
        }
        self.ids().zip(&self.doc.segments).zip(&self.matching).map(
            move |((id, segment), matched)| {
                let old_source = matched.map(|i| self.old.messages[i].text.as_str());
                let translation = translations.get(id).copied();
                Entry {
                    id,
                    segment,
                    old_source,
                    translation,
                    current: translation.is_some_and(|t| t.is_current(old_source, &segment.text)),
                }
            },
        )
    }
}

/// Where `locale`'s translation of the page `{path}` is.
pub(crate) fn translation_path(config: &Config, locale: &Locale, page: &str) -> PathBuf {
    config
        .root
        .join(config.translation.render(locale.as_str(), page))
}

pub(crate) fn catalog_path(config: &Config, locale: &Locale, page: &Page) -> PathBuf {
    config
        .root
        .join(config.catalog.render(locale.as_str(), &page.path))
}

/// A catalog file's text and messages; `None` when there is no such file.
pub(crate) fn read_catalog(path: &Path) -> Result<Option<(String, Catalog)>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = read_text(path)?;
    match catalog::parse(&text) {
        Ok(catalog) => Ok(Some((text, catalog))),
        Err(errors) => Err(Error::Catalog {
            path: path.to_path_buf(),
            errors,
        }),
    }
}

/// `locale`'s catalog of `page` with its state applied (see
/// [`crate::state`]); `None` when there is no catalog.
pub(crate) fn read_target(
    config: &Config,
    locale: &Locale,
    page: &Page,
) -> Result<Option<(String, Catalog)>> {
    crate::state::read_target(
        &catalog_path(config, locale, page),
        &crate::state::state_path(config, locale, page),
    )
}

/// The project's name in files made for translators (a PO header's
/// Project-Id-Version): its folder's.
pub fn project_name(config: &Config) -> String {
    config
        .root
        .file_name()
        .map_or_else(|| "bitext".to_owned(), |n| n.to_string_lossy().into_owned())
}

/// The locales to work on: `only` (checked against the project's), or all.
pub(crate) fn chosen_locales(config: &Config, only: Option<&[Locale]>) -> Result<Vec<Locale>> {
    let all = crate::locales(config)?;
    if all.is_empty() {
        // Say first what is missing before locales: the pages.
        crate::pages(config)?;
        if only.is_some() {
            return Err(Error::NoLocales {
                pattern: config.translation.to_string(),
            });
        }
    }
    let Some(only) = only else { return Ok(all) };
    for locale in only {
        if !all.contains(locale) {
            let known: Vec<String> = all.iter().map(ToString::to_string).collect();
            return Err(Error::UnknownLocale {
                locale: locale.to_string(),
                known: known.join(", "),
            });
        }
    }
    Ok(only.to_vec())
}

/// The values of `results`, in order; the first error, if none is there
/// yet, goes to `first_error`.
fn successes<T>(results: Vec<Result<T>>, first_error: &mut Option<Error>) -> Vec<T> {
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(value) => values.push(value),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    values
}

/// Threads that write files: more than cores, since creating a file is
/// mostly waiting for the file system.
const WRITERS: usize = 8;

/// Writes planned files; the plan is complete before the first write. The
/// writes run on several threads: creating a file is mostly waiting for the
/// file system, and 1,400 catalogs written by 8 threads took a third of the
/// time of one thread on the 2-core machine. On failure, the error of the
/// first failing file in plan order is returned.
pub(crate) fn write_all(plan: &[(PathBuf, String)]) -> Result<()> {
    on_writers(plan.iter().collect(), |files| {
        files
            .into_iter()
            .try_for_each(|(path, text)| write_atomic(path, text.as_bytes()))
    })
}

/// Puts staged files in place, on several threads as [`write_all`] does.
/// On failure the files of a thread not yet renamed are removed, and the
/// error of the first failing file in order is returned.
fn commit_all(staged: Vec<Staged>) -> Result<()> {
    on_writers(staged, |files| {
        let mut files = files.into_iter();
        for file in files.by_ref() {
            if let Err(e) = file.commit() {
                discard_all(files);
                return Err(e);
            }
        }
        Ok(())
    })
}

/// Runs `work` on `items` cut into [`WRITERS`] runs in order, a thread
/// each (all on this thread when there are few); the first error in order.
fn on_writers<T: Send>(items: Vec<T>, work: impl Fn(Vec<T>) -> Result<()> + Sync) -> Result<()> {
    if items.len() < 2 * WRITERS {
        return work(items);
    }
    let chunk = items.len().div_ceil(WRITERS);
    let mut runs = Vec::new();
    let mut items = items.into_iter();
    loop {
        let run: Vec<T> = items.by_ref().take(chunk).collect();
        if run.is_empty() {
            break;
        }
        runs.push(run);
    }
    let work = &work;
    let results: Vec<Result<()>> = std::thread::scope(|scope| {
        let workers: Vec<_> = runs
            .into_iter()
            .map(|run| scope.spawn(move || work(run)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.into_iter().collect()
}

/// Choices for `bitext sync`.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// Drop obsolete translations.
    pub prune: bool,
}

/// What `bitext sync` did to one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSync {
    pub page: String,
    pub segments: usize,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Per target locale with a catalog: translations newly stale, newly obsolete, pruned.
    pub locales: Vec<LocaleSync>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleSync {
    pub locale: Locale,
    pub newly_stale: usize,
    pub newly_obsolete: usize,
    pub pruned: usize,
}

/// What `bitext sync` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pages: Vec<PageSync>,
    /// Files written (catalogs whose text changed).
    pub written: Vec<PathBuf>,
}

/// Segments every source page and brings every catalog up to date: the
/// source catalogs (sticky ids) and each existing target catalog (stale,
/// obsolete). Writes only catalogs whose text changes.
pub fn sync(config: &Config, options: &SyncOptions) -> Result<SyncReport> {
    let locales = crate::locales(config)?;
    let mut plan = Vec::new();
    let mut report = SyncReport::default();
    let pages = pages(config)?;
    let revisions = source_revisions(config, &pages)?;
    // Each page's catalogs, in parallel; the plan and the report in page order.
    let per_page: Vec<(Vec<(PathBuf, String)>, PageSync)> = pages
        .into_par_iter()
        .map(|page| -> Result<_> {
            let mut plan = Vec::new();
            let PageState {
                doc,
                catalog_path: source_path,
                catalog_text,
                old,
                synced,
                ..
            } = PageState::load(config, &page)?;
            let mut synced = synced.into_sync(&old, &page.path, &doc);
            synced.catalog.revision = revisions.get(&page.source).cloned();
            let text = catalog::write(&synced.catalog);
            if catalog_text.as_deref() != Some(text.as_str()) {
                plan.push((source_path, text));
            }
            let mut page_sync = PageSync {
                page: page.path.clone(),
                segments: doc.segments.len(),
                added: synced.added,
                changed: synced.changed,
                removed: synced.removed,
                locales: Vec::new(),
            };
            for locale in &locales {
                let path = catalog_path(config, locale, &page);
                let state_path = crate::state::state_path(config, locale, &page);
                let Some((old_text, target)) = crate::state::read_target(&path, &state_path)?
                else {
                    continue;
                };
                let synced = catalog::sync_target(&target, &old, &synced.catalog, options.prune);
                let text = catalog::write(&synced.catalog);
                plan.extend(crate::state::plan(
                    path,
                    Some(&old_text),
                    text,
                    state_path,
                    &synced.catalog,
                )?);
                page_sync.locales.push(LocaleSync {
                    locale: locale.clone(),
                    newly_stale: synced.newly_stale,
                    newly_obsolete: synced.newly_obsolete,
                    pruned: synced.pruned,
                });
            }
            Ok((plan, page_sync))
        })
        .collect::<Result<_>>()?;
    for (page_plan, page_sync) in per_page {
        plan.extend(page_plan);
        report.pages.push(page_sync);
    }
    write_all(&plan)?;
    report.written = plan.into_iter().map(|(path, _)| path).collect();
    Ok(report)
}

/// The commit that last changed each source page, for pages whose file is
/// as committed (an edited page has no revision yet: sync again after the
/// commit). Empty outside a git repository.
fn source_revisions(config: &Config, pages: &[Page]) -> Result<HashMap<PathBuf, String>> {
    let Some(repo) = history::Repo::discover(&config.root)? else {
        return Ok(HashMap::new());
    };
    let mut clean = Vec::new();
    for page in pages {
        if repo.is_committed(&page.source)? {
            clean.push(page.source.clone());
        }
    }
    Ok(repo
        .last_changes(&clean)?
        .into_iter()
        .map(|(path, change)| (path, change.commit))
        .collect())
}

/// Choices for `bitext build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Only these locales (default: all).
    pub locales: Option<Vec<Locale>>,
    /// Write nothing; report what would change.
    pub check: bool,
    /// Overwrite pages that bitext did not generate or that were edited since.
    pub force: bool,
    /// Build from pseudo-translations of the source (every word changed,
    /// all syntax kept) instead of the catalogs, for any locale named.
    pub pseudo: bool,
}

/// What `bitext build` did or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    /// Pages written (or, with `check`, that would be written).
    pub changed: Vec<PathBuf>,
    pub unchanged: usize,
    /// Pages of a locale without a catalog: not built.
    pub without_catalog: usize,
    /// Existing pages that bitext did not generate or that were edited by
    /// hand since; nothing is written while there are any (without `force`).
    pub refused: Vec<PathBuf>,
}

/// The manifest of generated pages: root-relative path → content fingerprint.
const MANIFEST: &str = ".bitext-generated.json";

pub(crate) fn manifest_path(config: &Config) -> PathBuf {
    config.root.join(config.catalog.base_dir()).join(MANIFEST)
}

/// Whether `text` is the page bitext built at `key` (root-relative), as
/// the manifest records it: a page in catalog mode, not edited since.
pub(crate) fn is_generated(manifest: &BTreeMap<String, String>, key: &str, text: &str) -> bool {
    manifest
        .get(key)
        .is_some_and(|hash| *hash == Fingerprint::of(text).to_string())
}

pub(crate) fn read_manifest(path: &Path) -> Result<BTreeMap<String, String>> {
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| Error::Manifest {
        path: path.to_path_buf(),
        message: format!(
            "{e} (delete the file to start again; pages built before will then need --force)"
        ),
    })
}

/// Builds the translated pages from the skeletons and the target catalogs.
pub fn build(config: &Config, options: &BuildOptions) -> Result<BuildReport> {
    let locales = match (&options.locales, options.pseudo) {
        (Some(named), true) => named.clone(),
        _ => chosen_locales(config, options.locales.as_deref())?,
    };
    let manifest_file = manifest_path(config);
    let mut manifest = read_manifest(&manifest_file)?;
    let manifest_before = manifest.clone();
    let mut report = BuildReport::default();
    /// What building one page in one locale came to.
    enum Built {
        WithoutCatalog,
        /// The file holds what bitext would write.
        Unchanged {
            key: String,
            fingerprint: String,
        },
        /// The file was not generated by bitext (or edited since).
        Refused(PathBuf),
        /// The new text goes to a temp file beside the file (not with
        /// `--check`), to be put in place once every page is made.
        Changed {
            key: String,
            path: PathBuf,
            fingerprint: String,
        },
    }
    let pages = pages(config)?;
    // Pages in parallel; each new text is handed to writer threads through
    // a short queue, so only a few pages are held at a time (creating files
    // is mostly waiting for the file system, so more threads than cores);
    // the manifest and the report in page order.
    let (queue, jobs) = std::sync::mpsc::sync_channel::<(PathBuf, String)>(4 * WRITERS);
    let jobs = std::sync::Mutex::new(jobs);
    let (per_page, staged) = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|_| {
                scope.spawn(|| {
                    let mut staged = Vec::new();
                    loop {
                        let job = jobs.lock().expect("no writer panics holding it").recv();
                        let Ok((path, text)) = job else {
                            break staged;
                        };
                        staged.push(stage(&path, &[text.as_bytes()]));
                    }
                })
            })
            .collect();
        let per_page: Vec<Result<Vec<Built>>> = pages
            .par_iter()
            .map(|page| -> Result<Vec<Built>> {
                let state = PageState::load(config, page)?;
                let mut out = Vec::new();
                for locale in &locales {
                    let target = if options.pseudo {
                        None
                    } else {
                        let Some((_, target)) = read_target(config, locale, page)? else {
                            out.push(Built::WithoutCatalog);
                            continue;
                        };
                        Some(target)
                    };
                    let texts = match &target {
                        Some(target) => translated_texts(config, &state, target),
                        None => pseudo_texts(&state),
                    };
                    let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
                    let output = assemble::assemble(&state.doc.skeleton, &texts)
                        .expect("one text per segment");
                    let key = config.translation.render(locale.as_str(), &page.path);
                    let path = config.root.join(&key);
                    let existing = if path.is_file() {
                        Some(read_text(&path)?)
                    } else {
                        None
                    };
                    let fingerprint = Fingerprint::of(&output).to_string();
                    out.push(if existing.as_deref() == Some(output.as_str()) {
                        Built::Unchanged { key, fingerprint }
                    } else if let Some(existing) = &existing
                        && !is_generated(&manifest_before, &key, existing)
                        && !options.force
                    {
                        Built::Refused(path)
                    } else {
                        if !options.check {
                            // The writers outlive this loop: the queue stays open.
                            let _ = queue.send((path.clone(), output));
                        }
                        Built::Changed {
                            key,
                            path,
                            fingerprint,
                        }
                    });
                }
                Ok(out)
            })
            .collect();
        drop(queue);
        let staged: Vec<Result<Staged>> = writers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        (per_page, staged)
    });
    // A page that could not be read or written stops the build with
    // nothing put in place: the first such error in page order, else the
    // first file that could not be written.
    let mut first_error = None;
    let built = successes(per_page, &mut first_error);
    let files = successes(staged, &mut first_error);
    if let Some(e) = first_error {
        discard_all(files);
        return Err(e);
    }
    for built in built.into_iter().flatten() {
        match built {
            Built::WithoutCatalog => report.without_catalog += 1,
            Built::Unchanged { key, fingerprint } => {
                // What bitext would generate, whoever wrote it: bitext's to update from now on.
                manifest.insert(key, fingerprint);
                report.unchanged += 1;
            }
            Built::Refused(path) => report.refused.push(path),
            Built::Changed {
                key,
                path,
                fingerprint,
            } => {
                manifest.insert(key, fingerprint);
                report.changed.push(path);
            }
        }
    }
    if options.check || !report.refused.is_empty() {
        discard_all(files);
        return Ok(report);
    }
    commit_all(files)?;
    if !report.changed.is_empty() || manifest != manifest_before {
        let mut text = serde_json::to_string_pretty(&manifest).expect("a map of strings");
        text.push('\n');
        write_atomic(&manifest_file, text.as_bytes())?;
    }
    Ok(report)
}

/// The text of each segment in a translated page: the translation, or the
/// source text where a message is missing (or stale, if so configured).
fn translated_texts<'a>(
    config: &Config,
    state: &'a PageState,
    target: &'a Catalog,
) -> Vec<std::borrow::Cow<'a, str>> {
    let use_stale = config.build_stale == StaleText::Translation;
    state
        .entries(target)
        .enumerate()
        .map(|(k, e)| match e.translation {
            Some(message) if e.current || use_stale => {
                markdown::fit(&state.doc.skeleton, k, e.segment.kind, &message.text)
            }
            _ => std::borrow::Cow::Borrowed(e.segment.text.as_str()),
        })
        .collect()
}

/// The pseudo-translation of each segment of a page.
fn pseudo_texts(state: &PageState) -> Vec<std::borrow::Cow<'static, str>> {
    state
        .doc
        .segments
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let text = markdown::pseudo(&s.text);
            std::borrow::Cow::Owned(
                markdown::fit(&state.doc.skeleton, k, s.kind, &text).into_owned(),
            )
        })
        .collect()
}

/// The untranslated and stale messages of `locale`, page by page in source
/// order; `page` keeps only pages whose path matches it (`*` matches anything).
pub fn pending(config: &Config, locale: &Locale, page: Option<&str>) -> Result<Vec<Pending>> {
    let per_page = messages_by_page(config, Which::Pending(locale), page, |m| m)?;
    Ok(per_page.into_iter().flatten().collect())
}

/// Every message of `locale` (missing, stale and current), or with no
/// locale every message of the source without translations (a template),
/// page by page in source order; `page` as in [`pending`].
pub fn export(
    config: &Config,
    locale: Option<&Locale>,
    page: Option<&str>,
) -> Result<Vec<Pending>> {
    let which = match locale {
        Some(locale) => Which::All(locale),
        None => Which::Template,
    };
    let per_page = messages_by_page(config, which, page, |m| m)?;
    Ok(per_page.into_iter().flatten().collect())
}

/// Which messages of a page to list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Which<'a> {
    /// Those `locale` has no current translation of.
    Pending(&'a Locale),
    /// All, with `locale`'s translations.
    All(&'a Locale),
    /// All, without translations.
    Template,
}

/// The messages of each page (see [`pending`]), in page order, each
/// page's made into a `T` by `each` on the core that found them: a format
/// that writes pages one after the other needs neither one list of every
/// message nor a second pass over the cores.
pub(crate) fn messages_by_page<T: Send>(
    config: &Config,
    which: Which<'_>,
    page: Option<&str>,
    each: impl Fn(Vec<Pending>) -> T + Sync,
) -> Result<Vec<T>> {
    if let Which::Pending(locale) | Which::All(locale) = which {
        chosen_locales(config, Some(std::slice::from_ref(locale)))?;
    }
    let all = pages(config)?;
    let glob = crate::PageGlob::of_pages(page, &all)?;
    let pages: Vec<Page> = all
        .into_iter()
        .filter(|p| crate::glob::takes(glob.as_ref(), &p.path))
        .collect();
    pages
        .par_iter()
        .map(|p| messages_of(config, which, p).map(&each))
        .collect()
}

/// The pending messages as a PO file for `locale` (see
/// [`exchange::pending_po`]): the file is the concatenation of the pieces,
/// the header and then each page's entries, formatted on the core that
/// found them.
pub fn pending_po_pieces(
    config: &Config,
    locale: &Locale,
    page: Option<&str>,
) -> Result<Vec<String>> {
    let mut pieces = vec![exchange::po_header(locale.as_str(), &project_name(config))];
    pieces.extend(messages_by_page(
        config,
        Which::Pending(locale),
        page,
        |messages| exchange::po_entries(&messages),
    )?);
    Ok(pieces)
}

/// The messages of page `p` that `which` asks for.
fn messages_of(config: &Config, which: Which<'_>, p: &Page) -> Result<Vec<Pending>> {
    let mut out = Vec::new();
    let mut state = PageState::load(config, p)?;
    let target = match which {
        Which::Pending(locale) | Which::All(locale) => read_target(config, locale, p)?
            .map(|(_, catalog)| catalog)
            .unwrap_or_default(),
        Which::Template => Catalog::default(),
    };
    let only_pending = matches!(which, Which::Pending(_));
    // The segments of `out`, whose ids and texts are moved in at the end.
    let mut indices = Vec::new();
    let page: Arc<str> = Arc::from(p.path.as_str());
    let file: Arc<str> = Arc::from(
        p.source
            .strip_prefix(&config.root)
            .unwrap_or(&p.source)
            .to_string_lossy()
            .replace('\\', "/"),
    );
    // The last heading shared, by segment index: messages under one heading
    // come one after the other.
    let mut shared: Option<(usize, Arc<str>)> = None;
    for (index, entry) in state.entries(&target).enumerate() {
        if entry.current && only_pending {
            continue;
        }
        indices.push(index);
        let segment = entry.segment;
        // A heading's nearest heading is itself: it has none to show.
        let heading = segment
            .heading
            .filter(|_| segment.kind != SegmentKind::Heading)
            .map(|h| match &shared {
                Some((at, text)) if *at == h => Arc::clone(text),
                _ => {
                    let text: Arc<str> = Arc::from(state.doc.segments[h].text.as_str());
                    shared = Some((h, Arc::clone(&text)));
                    text
                }
            });
        let previous = entry.translation.filter(|_| !entry.current).and_then(|m| {
            m.previous_source(entry.old_source, &segment.text)
                .map(str::to_owned)
        });
        out.push(Pending {
            page: Arc::clone(&page),
            file: Arc::clone(&file),
            line: segment.line,
            id: String::new(),
            state: match (entry.translation, entry.current) {
                (None, _) => MessageState::Missing,
                (Some(_), false) => MessageState::Stale,
                (Some(_), true) => MessageState::Current,
            },
            source: String::new(),
            kind: segment.kind.name(),
            heading,
            diff: previous
                .as_deref()
                .map(|prev| diff::word_diff(prev, &segment.text)),
            previous,
            translation: entry.translation.map(|m| m.text.clone()),
        });
    }
    for (pending, index) in out.iter_mut().zip(indices) {
        pending.id = std::mem::take(&mut state.synced.ids[index]);
        pending.source = std::mem::take(&mut state.doc.segments[index].text);
    }
    Ok(out)
}
