//! The state of each target catalog's messages, kept beside it where no
//! editor can drop it: `locales/<locale>/.bitext/state/<page>.json`.
//!
//! Fluent editors (Pontoon, Weblate) rewrite `.ftl` files without bitext's
//! `# bitext:` comments, and with them went whether a translation was
//! stale. The comments stay, as a readable mirror; the state file decides.
//! The rule, for each message of a catalog read back:
//!
//! - its translation is the one the state recorded: the state holds (the
//!   source it was made from, stale or not, the previous source);
//! - its translation changed since: a person translated it, against the
//!   source the catalog had then (current unless the page changed since);
//! - the state has no entry for it (new, or appended by hand): the
//!   comments, if any, say.
//!
//! Written (atomically, with the catalog) whenever bitext writes a target
//! catalog, as sorted JSON so that a review diff shows what changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use catalog::{Catalog, Fingerprint};
use model::Locale;
use serde::{Deserialize, Serialize};

use crate::{Config, Error, Page, Result};

/// The version of the state file's layout.
const VERSION: u32 = 1;

/// What the state file of one catalog holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CatalogState {
    version: u32,
    /// By message id.
    messages: BTreeMap<String, MessageState>,
}

/// One message's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct MessageState {
    /// The fingerprint of the source text the translation was made from.
    source: String,
    /// The fingerprint of the translation when the state was written.
    translation: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    stale: bool,
    /// For a stale message, the source text it was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
}

/// Where the state of `locale`'s catalog of `page` is kept.
pub(crate) fn state_path(config: &Config, locale: &Locale, page: &Page) -> PathBuf {
    config
        .root
        .join(config.catalog.base_dir())
        .join(locale.as_str())
        .join(".bitext/state")
        .join(format!("{}.json", page.path))
}

/// The state at `path`; `None` when there is none. A file that is not a
/// state file is an error naming it (it may hold a merge conflict).
pub(crate) fn read(path: &Path) -> Result<Option<CatalogState>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = crate::read_text(path)?;
    let state: CatalogState = serde_json::from_str(&text).map_err(|e| Error::State {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if state.version != VERSION {
        return Err(Error::State {
            path: path.to_path_buf(),
            message: format!(
                "version {} of the state file; this bitext reads version {VERSION}",
                state.version
            ),
        });
    }
    Ok(Some(state))
}

/// The state of `catalog` as bitext writes it: each message with what it
/// was made from. Messages without a recorded source have no state.
pub(crate) fn of_catalog(catalog: &Catalog) -> CatalogState {
    let messages = catalog
        .messages
        .iter()
        .filter_map(|m| {
            let source = m.source?;
            Some((
                m.id.clone(),
                MessageState {
                    source: source.to_string(),
                    translation: Fingerprint::of(&m.text).to_string(),
                    stale: m.stale,
                    previous: m.previous.clone().filter(|_| m.stale),
                },
            ))
        })
        .collect();
    CatalogState {
        version: VERSION,
        messages,
    }
}

/// The state file's text.
pub(crate) fn to_text(state: &CatalogState) -> String {
    let mut text = serde_json::to_string_pretty(state).expect("plain data");
    text.push('\n');
    text
}

/// `catalog` as its state says (see the module's rule). Returns how many
/// messages were edited since the state was written.
pub(crate) fn apply(state: &CatalogState, catalog: &mut Catalog) -> usize {
    let mut edited = 0;
    for message in catalog
        .messages
        .iter_mut()
        .chain(catalog.obsolete.iter_mut())
    {
        let Some(recorded) = state.messages.get(&message.id) else {
            continue;
        };
        let unchanged =
            Fingerprint::parse(&recorded.translation).is_some_and(|f| f.matches(&message.text));
        if unchanged {
            message.source = Fingerprint::parse(&recorded.source).or(message.source);
            message.stale = recorded.stale;
            message.previous = if recorded.stale {
                recorded.previous.clone().or(message.previous.take())
            } else {
                None
            };
        } else {
            // Translated by a person since: against the source the catalog
            // had then, which the caller knows.
            edited += 1;
            message.source = None;
            message.stale = false;
            message.previous = None;
        }
    }
    edited
}

/// The catalog at `path` with its state (at `state`) applied; `None` when
/// there is no catalog.
pub(crate) fn read_target(path: &Path, state: &Path) -> Result<Option<(String, Catalog)>> {
    let Some((text, mut catalog)) = crate::catalogs::read_catalog(path)? else {
        return Ok(None);
    };
    if let Some(state) = read(state)? {
        apply(&state, &mut catalog);
    }
    Ok(Some((text, catalog)))
}

/// What writing `catalog` (as `text`, at `path`) writes: the catalog when
/// its text changed, and its state when that changed or is missing.
pub(crate) fn plan(
    path: PathBuf,
    old_text: Option<&str>,
    text: String,
    state_path: PathBuf,
    catalog: &Catalog,
) -> Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    if old_text != Some(text.as_str()) {
        out.push((path, text));
    }
    let state = to_text(&of_catalog(catalog));
    let old_state = if state_path.is_file() {
        Some(crate::read_text(&state_path)?)
    } else {
        None
    };
    if old_state.as_deref() != Some(state.as_str()) {
        out.push((state_path, state));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalog::Message;

    fn message(id: &str, text: &str, source: &str, stale: bool) -> Message {
        Message {
            id: id.to_owned(),
            text: text.to_owned(),
            source: Some(Fingerprint::of(source)),
            stale,
            previous: stale.then(|| source.to_owned()),
            notes: Vec::new(),
        }
    }

    #[test]
    fn the_state_outlives_dropped_comments_and_yields_to_an_edit() {
        let written = Catalog {
            messages: vec![
                message("a", "Pompa", "Pump", true),
                message("b", "Valvola", "Valve", true),
                message("c", "Serbatoio", "Tank", false),
            ],
            ..Catalog::default()
        };
        let state = of_catalog(&written);
        // An editor saved it without comments, and a translator edited `b`.
        let mut read = Catalog {
            messages: written
                .messages
                .iter()
                .map(|m| Message {
                    id: m.id.clone(),
                    text: if m.id == "b" {
                        "Valvola nuova".to_owned()
                    } else {
                        m.text.clone()
                    },
                    ..Message::default()
                })
                .collect(),
            ..Catalog::default()
        };
        assert_eq!(apply(&state, &mut read), 1);
        assert_eq!(read.messages[0], written.messages[0]);
        assert!(!read.messages[1].stale && read.messages[1].source.is_none());
        assert_eq!(read.messages[2], written.messages[2]);
        // The file's text is stable JSON.
        let text = to_text(&state);
        assert_eq!(
            serde_json::from_str::<CatalogState>(&text).ok(),
            Some(state)
        );
    }
}
