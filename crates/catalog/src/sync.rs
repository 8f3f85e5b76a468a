//! The pure steps of `bitext sync`: the source catalog follows the source
//! document with sticky ids, and each target catalog follows the source
//! catalog without ever losing a translation.

use std::borrow::Cow;
use std::collections::HashMap;

use model::hash::FastSet;
use model::{Document, SegmentId};

use crate::{Catalog, Message};

/// A new source catalog and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSync {
    pub catalog: Catalog,
    /// Segments that got a new id.
    pub added: usize,
    /// Segments that kept their id with another text.
    pub changed: usize,
    /// Ids whose segment is gone (now retired).
    pub removed: usize,
}

/// The source catalog of `doc`: a segment that continues an old message
/// (`matching[j]` is its index in `old.messages`) keeps that message's id;
/// any other gets its segmenter id, or the next free ordinal of it when that
/// id is taken or retired. Ids of old messages left unmatched are retired.
pub fn sync_source(
    old: &Catalog,
    page: &str,
    doc: &Document,
    matching: &[Option<usize>],
) -> SourceSync {
    source_ids(old, doc, matching).into_sync(old, page, doc)
}

/// [`sync_source`] without the messages' texts, which are the segments':
/// what a command that only reads catalogs needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceIds {
    /// The id of each segment, in document order.
    pub ids: Vec<String>,
    /// The ids retired, old and new.
    pub retired: Vec<String>,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl SourceIds {
    /// The new source catalog of `doc` (whose ids these are) and what changed.
    pub fn into_sync(self, old: &Catalog, page: &str, doc: &Document) -> SourceSync {
        debug_assert_eq!(self.ids.len(), doc.segments.len());
        let messages = self
            .ids
            .into_iter()
            .zip(&doc.segments)
            .map(|(id, segment)| Message {
                id,
                text: segment.text.clone(),
                ..Message::default()
            })
            .collect();
        SourceSync {
            catalog: Catalog {
                page: Some(page.to_owned()),
                revision: old.revision.clone(),
                retired: self.retired,
                messages,
                obsolete: Vec::new(),
            },
            added: self.added,
            changed: self.changed,
            removed: self.removed,
        }
    }
}

/// The ids [`sync_source`] gives the segments of `doc`.
pub fn source_ids(old: &Catalog, doc: &Document, matching: &[Option<usize>]) -> SourceIds {
    debug_assert_eq!(matching.len(), doc.segments.len());
    let mut kept = vec![false; old.messages.len()];
    for &i in matching.iter().flatten() {
        kept[i] = true;
    }
    // Ids taken, borrowed from the catalogs and the document where they
    // can be: only needed to retire an old id or give a new one, which a
    // page whose every segment continues an old message does not need.
    let mut used: FastSet<Cow<'_, str>> = FastSet::default();
    if matching.contains(&None) || kept.contains(&false) {
        used.reserve(old.retired.len() + old.messages.len() + doc.segments.len());
        used.extend(old.retired.iter().map(|id| Cow::from(id.as_str())));
        for &i in matching.iter().flatten() {
            used.insert(Cow::from(old.messages[i].id.as_str()));
        }
    }
    let mut retired = old.retired.clone();
    let mut removed = 0;
    for (message, kept) in old.messages.iter().zip(&kept) {
        if !kept {
            removed += 1;
            if used.insert(Cow::from(message.id.as_str())) {
                retired.push(message.id.clone());
            }
        }
    }
    let (mut added, mut changed) = (0, 0);
    let mut ids = Vec::with_capacity(doc.segments.len());
    for (j, segment) in doc.segments.iter().enumerate() {
        ids.push(match matching[j] {
            Some(i) => {
                if old.messages[i].text != segment.text {
                    changed += 1;
                }
                old.messages[i].id.clone()
            }
            None => {
                added += 1;
                free_id(doc, j, &mut used)
            }
        });
    }
    SourceIds {
        ids,
        retired,
        added,
        changed,
        removed,
    }
}

/// The segmenter's id for segment `j`, or the first later ordinal of its
/// section and kind that nobody uses; the id is marked used.
fn free_id<'a>(doc: &'a Document, j: usize, used: &mut FastSet<Cow<'a, str>>) -> String {
    let segment = &doc.segments[j];
    if used.insert(Cow::from(segment.id.as_str())) {
        return segment.id.as_str().to_owned();
    }
    let section = segment.heading.map_or_else(
        || "intro".to_owned(),
        |h| model::slug(&doc.segments[h].text),
    );
    let mut ordinal = 1;
    loop {
        let id = SegmentId::from_slug(&section, segment.kind, ordinal).to_string();
        if !used.contains(id.as_str()) {
            used.insert(Cow::from(id.clone()));
            return id;
        }
        ordinal += 1;
    }
}

/// A new target catalog and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetSync {
    pub catalog: Catalog,
    /// Translations that became stale in this sync.
    pub newly_stale: usize,
    /// Translations that became obsolete in this sync.
    pub newly_obsolete: usize,
    /// Obsolete translations dropped (only with prune).
    pub pruned: usize,
}

/// The target catalog after the source catalog went from `old_source` to
/// `new_source`. A translation whose recorded source fingerprint no longer
/// matches its source text is stale and keeps the source text it was made
/// from; a translation without a fingerprint is taken to translate the text
/// the old source catalog had. Translations of removed ids become obsolete;
/// `prune` drops the obsolete ones.
pub fn sync_target(
    target: &Catalog,
    old_source: &Catalog,
    new_source: &Catalog,
    prune: bool,
) -> TargetSync {
    let old_texts: HashMap<&str, &str> = old_source
        .messages
        .iter()
        .map(|m| (m.id.as_str(), m.text.as_str()))
        .collect();
    let mut translations: HashMap<&str, &Message> =
        target.messages.iter().map(|m| (m.id.as_str(), m)).collect();
    // A message written after the obsolete group whose id has a segment (a
    // translator appended it at the end of the file) is a translation like
    // any other: where it stands says nothing.
    let current: model::hash::FastSet<&str> =
        new_source.messages.iter().map(|m| m.id.as_str()).collect();
    let mut revived: model::hash::FastSet<&str> = model::hash::FastSet::default();
    for message in &target.obsolete {
        let id = message.id.as_str();
        if current.contains(id) && !translations.contains_key(id) {
            translations.insert(id, message);
            revived.insert(id);
        }
    }
    let mut newly_stale = 0;
    let mut messages = Vec::new();
    for source in &new_source.messages {
        let Some(translation) = translations.remove(source.id.as_str()) else {
            continue;
        };
        let old_text = old_texts.get(source.id.as_str()).copied();
        let made_from = translation.made_from(old_text, &source.text);
        let mut message = translation.clone();
        message.source = Some(made_from);
        if made_from.matches(&source.text) {
            message.stale = false;
            message.previous = None;
        } else {
            if !message.stale {
                newly_stale += 1;
            }
            message.stale = true;
            message.previous = translation
                .previous_source(old_text, &source.text)
                .map(str::to_owned);
        }
        messages.push(message);
    }
    // What is left has no source any more: keep it, obsolete, in target order.
    let mut obsolete = Vec::new();
    let mut newly_obsolete = 0;
    for message in &target.messages {
        if translations.contains_key(message.id.as_str()) {
            newly_obsolete += 1;
            obsolete.push(message.clone());
        }
    }
    let mut pruned = 0;
    let mut all_obsolete: Vec<Message> = target
        .obsolete
        .iter()
        .filter(|m| !revived.contains(m.id.as_str()))
        .cloned()
        .collect();
    all_obsolete.extend(obsolete);
    if prune {
        pruned = all_obsolete.len();
        all_obsolete.clear();
    }
    TargetSync {
        catalog: Catalog {
            page: new_source.page.clone(),
            revision: new_source.revision.clone(),
            retired: Vec::new(),
            messages,
            obsolete: all_obsolete,
        },
        newly_stale,
        newly_obsolete,
        pruned,
    }
}
