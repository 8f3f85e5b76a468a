//! What a check run reads before it decides what to redo: every source
//! page's text and every translation's bytes, each keyed, and the source
//! pages segmented only when a page that needs them is checked again.

use std::sync::{Arc, OnceLock};

use model::Locale;
use rayon::prelude::*;

use super::cache::{self, Key, KeyBuilder, NamesCache, of_bytes};
use crate::align::learned_names;
use crate::{Config, Page, Result, SourcePage, read_text};

/// The project's pages as they are now.
pub(crate) struct Inputs {
    pub pages: Vec<Page>,
    /// Every locale of the project (whose translations teach names).
    pub locales: Vec<Locale>,
    /// By page: the source's text and its key.
    pub texts: Vec<Arc<str>>,
    pub source_keys: Vec<Key>,
    /// By page, then by locale of `locales`: the translation's key, when
    /// there is one.
    pub translations: Vec<Vec<Option<Key>>>,
    /// By page: the key of what its names are learned from (the
    /// glossary's names, the source, and its translations in every locale).
    pub names_inputs: Vec<Key>,
    /// By page: the key of its names ([`Inputs::learn`]).
    pub names_keys: Vec<Key>,
    /// By page: the names learned from its translations, when
    /// [`Inputs::learn`] learned them (for building the page).
    learned: Vec<std::sync::Mutex<Option<Vec<String>>>>,
    /// The key of every source page (paths and texts), in order.
    pub all_sources: Key,
    /// By page: the source page segmented, its names and facts read, when
    /// a page that needs it asked.
    built: Vec<OnceLock<SourcePage>>,
}

impl Inputs {
    /// Reads every source page and every translation of each (in every
    /// locale of the project), in parallel.
    pub(crate) fn read(config: &Config) -> Result<Inputs> {
        let pages = crate::pages(config)?;
        let locales = crate::locales(config)?;
        let read: Vec<(Arc<str>, Key, Vec<Option<Key>>)> = pages
            .par_iter()
            .map(|page| {
                let text = read_text(&page.source)?;
                let key = of_bytes(text.as_bytes());
                let translations = locales
                    .iter()
                    .map(|locale| {
                        let path = crate::catalogs::translation_path(config, locale, &page.path);
                        match std::fs::read(&path) {
                            Ok(bytes) => Ok(Some(of_bytes(&bytes))),
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                            // A folder where a page would be is no page.
                            Err(_) if path.is_dir() => Ok(None),
                            Err(source) => Err(crate::Error::Read { path, source }),
                        }
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((text.into(), key, translations))
            })
            .collect::<Result<_>>()?;
        let mut inputs = Inputs {
            built: pages.iter().map(|_| OnceLock::new()).collect(),
            all_sources: 0,
            names_inputs: Vec::with_capacity(pages.len()),
            names_keys: Vec::new(),
            learned: pages.iter().map(|_| Default::default()).collect(),
            texts: Vec::with_capacity(pages.len()),
            source_keys: Vec::with_capacity(pages.len()),
            translations: Vec::with_capacity(pages.len()),
            pages,
            locales,
        };
        let names = config
            .names
            .iter()
            .fold(KeyBuilder::new("names"), |b, n| b.str(n))
            .finish();
        let mut all = KeyBuilder::new("sources");
        for (page, (text, key, translations)) in inputs.pages.iter().zip(read) {
            all = all.str(&page.path).key(key);
            let mut learned = KeyBuilder::new("learned").key(names).key(key);
            for (locale, t) in inputs.locales.iter().zip(&translations) {
                learned = learned.str(locale.as_str());
                if let Some(t) = t {
                    learned = learned.key(*t);
                }
            }
            inputs.names_inputs.push(learned.finish());
            inputs.texts.push(text);
            inputs.source_keys.push(key);
            inputs.translations.push(translations);
        }
        inputs.all_sources = all.finish();
        inputs.names_keys = inputs.names_inputs.clone();
        Ok(inputs)
    }

    /// Gives each page the key of its names: from `cache` where they were
    /// learned from the same pages, else learned now (in parallel, and
    /// kept in `cache`).
    pub(crate) fn learn(&mut self, config: &Config, cache: &mut NamesCache) -> Result<()> {
        let unknown: Vec<usize> = (0..self.pages.len())
            .filter(|&k| {
                cache
                    .get(&self.pages[k].path, self.names_inputs[k])
                    .is_none()
            })
            .collect();
        let learned: Vec<(usize, Vec<String>)> = unknown
            .par_iter()
            .map(|&k| {
                let names =
                    learned_names(config, &self.locales, &self.pages[k].path, &self.texts[k])?;
                Ok((k, names))
            })
            .collect::<Result<_>>()?;
        for (k, names) in learned {
            cache.keep(
                &self.pages[k].path,
                self.names_inputs[k],
                cache::of_words(&names),
            );
            if let Ok(mut slot) = self.learned[k].lock() {
                *slot = Some(names);
            }
        }
        let configured = config
            .names
            .iter()
            .fold(KeyBuilder::new("configured names"), |b, n| b.str(n))
            .finish();
        for (k, page) in self.pages.iter().enumerate() {
            let names = cache
                .get(&page.path, self.names_inputs[k])
                .unwrap_or_default();
            self.names_keys[k] = KeyBuilder::new("names").key(configured).key(names).finish();
        }
        // Pages gone are forgotten.
        let present: std::collections::HashSet<&str> =
            self.pages.iter().map(|p| p.path.as_str()).collect();
        cache.forget_absent(&present);
        Ok(())
    }

    /// By locale of `locales`, then page: the key of what segmenting the
    /// page and its translation depends on (the two pages, the Markdown
    /// options' key `markdown`), where there is a translation.
    pub(crate) fn pair_keys(&self, locales: &[Locale], markdown: Key) -> Vec<Vec<Option<Key>>> {
        locales
            .iter()
            .map(|locale| {
                (0..self.pages.len())
                    .map(|k| {
                        let translation = self.translation(k, locale)?;
                        Some(
                            KeyBuilder::new("pair")
                                .key(markdown)
                                .str(&self.pages[k].path)
                                .key(self.source_keys[k])
                                .key(translation)
                                .finish(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    /// The key of the translation of page `k` in `locale`, if it has one.
    pub(crate) fn translation(&self, k: usize, locale: &Locale) -> Option<Key> {
        let l = self.locales.iter().position(|l| l == locale)?;
        self.translations[k][l]
    }

    /// Source page `k`, segmented with its names and facts (built now if
    /// no thread did yet).
    pub(crate) fn source(&self, config: &Config, k: usize) -> Result<&SourcePage> {
        if let Some(page) = self.built[k].get() {
            return Ok(page);
        }
        let learned = self.learned[k].lock().ok().and_then(|mut l| l.take());
        let page = match learned {
            Some(names) => {
                SourcePage::with_names(config, self.pages[k].clone(), self.texts[k].clone(), names)
            }
            None => SourcePage::build(
                config,
                &self.locales,
                self.pages[k].clone(),
                self.texts[k].clone(),
            )?,
        };
        Ok(self.built[k].get_or_init(|| page))
    }

    /// Builds the source pages `ks` in parallel.
    pub(crate) fn build(&self, config: &Config, ks: &[usize]) -> Result<()> {
        ks.par_iter()
            .try_for_each(|&k| self.source(config, k).map(|_| ()))
    }
}
