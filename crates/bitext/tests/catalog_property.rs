//! Random sequences of what happens to a locale's catalog: source edits and
//! `sync`, a translator's file in any format (pending or a full export)
//! translated in part and imported, the same file imported unedited, an
//! editor that drops bitext's comments (as Pontoon does), one that
//! reorders the messages, and translations edited by hand in the catalog.
//! After every step, against a model of what the translators did: no
//! translation is lost, an unedited import changes nothing, and the
//! translated, stale and missing counts are the model's (so an unedited
//! stale message is never counted current).

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;

mod support;
use support::translator::{FORMATS, Model, compare, translate};
use support::{ok, read, write};

const PARAGRAPHS: usize = 5;

#[derive(Debug, Clone)]
enum Step {
    /// Paragraph `paragraph` now says `litres`; then `sync`.
    EditSource {
        paragraph: usize,
        litres: u8,
    },
    /// A file in format `format` (all messages when `export`, else the
    /// pending ones); the messages whose bit is set in `mask` translated;
    /// imported.
    Translate {
        format: usize,
        export: bool,
        mask: u8,
    },
    /// The pending file in `format` imported back as it is.
    ImportUnedited {
        format: usize,
    },
    /// The catalog rewritten without bitext's comments.
    DropComments,
    /// The catalog's messages in reverse order.
    Reorder,
    /// Message `index` of the catalog edited by hand.
    EditByHand {
        index: usize,
    },
    /// The up-to-date translations revised in a full export in `format`
    /// (with `--force` or not: the file says what it was exported with, so
    /// a revision is no conflict).
    Revise {
        format: usize,
        force: bool,
    },
    Sync,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..PARAGRAPHS, 1u8..4).prop_map(|(paragraph, litres)| Step::EditSource { paragraph, litres }),
        4 => (0..FORMATS.len(), any::<bool>(), any::<u8>())
            .prop_map(|(format, export, mask)| Step::Translate { format, export, mask }),
        1 => (0..FORMATS.len()).prop_map(|format| Step::ImportUnedited { format }),
        1 => Just(Step::DropComments),
        1 => Just(Step::Reorder),
        1 => (0..PARAGRAPHS + 1).prop_map(|index| Step::EditByHand { index }),
        1 => (0..FORMATS.len(), any::<bool>()).prop_map(|(format, force)| Step::Revise { format, force }),
        1 => Just(Step::Sync),
    ]
}

fn page(litres: &[u8; PARAGRAPHS]) -> String {
    let mut out = String::from("# Pumps\n\n");
    for (k, l) in litres.iter().enumerate() {
        out.push_str(&format!(
            "Pump {k} moves {} litres a minute.\n\n",
            10 * u32::from(*l)
        ));
    }
    out
}

const TARGET: &str = "locales/it/page.ftl";

fn catalog_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(TARGET)).unwrap_or_default()
}

/// The current source text of each id.
fn sources(dir: &Path) -> HashMap<String, String> {
    catalog::parse(&read(&dir.join("locales/en/page.ftl")))
        .expect("the source catalog parses")
        .messages
        .into_iter()
        .map(|m| (m.id, m.text))
        .collect()
}

/// The catalog rewritten by `change`, when there is one.
fn rewrite(dir: &Path, change: impl FnOnce(&mut catalog::Catalog)) {
    let text = catalog_text(dir);
    if text.is_empty() {
        return;
    }
    let mut catalog = catalog::parse(&text).expect("the catalog parses");
    change(&mut catalog);
    write(&dir.join(TARGET), &catalog::write(&catalog));
}

fn run(dir: &Path, n: usize, step: &Step, litres: &mut [u8; PARAGRAPHS], model: &mut Model) {
    match *step {
        Step::EditSource {
            paragraph,
            litres: l,
        } => {
            litres[paragraph] = l;
            write(&dir.join("content/en/page.md"), &page(litres));
            ok(dir, &["sync"]);
        }
        Step::Translate {
            format,
            export,
            mask,
        } => {
            let (format, ext) = FORMATS[format];
            let file = format!("it.{ext}");
            let command = if export { "export" } else { "pending" };
            ok(
                dir,
                &[command, "--locale", "it", "--format", format, "-o", &file],
            );
            // Up-to-date translations are left alone here (a reviewer's
            // work: `Step::Revise`).
            let sources = sources(dir);
            let current = |id: &str| {
                model
                    .get(id)
                    .is_some_and(|(_, from)| sources.get(id) == Some(from))
            };
            let current: Vec<String> = sources.keys().filter(|id| current(id)).cloned().collect();
            let mut index = 0;
            let edited = translate(&read(&dir.join(&file)), format, |e| {
                index += 1;
                let source = e.source_text.clone()?;
                let picked = mask & (1 << (index % 8)) != 0 && !current.contains(&e.id);
                picked.then(|| {
                    let translation = format!("IT{n} {source}");
                    model.insert(e.id.clone(), (translation.clone(), source));
                    translation
                })
            });
            write(&dir.join(&file), &edited);
            ok(dir, &["import", "--locale", "it", &file]);
        }
        Step::ImportUnedited { format } => {
            let (format, ext) = FORMATS[format];
            let file = format!("it.{ext}");
            ok(
                dir,
                &["pending", "--locale", "it", "--format", format, "-o", &file],
            );
            let before = catalog_text(dir);
            ok(dir, &["import", "--locale", "it", &file]);
            assert_eq!(
                catalog_text(dir),
                before,
                "an unedited {format} file changed the catalog"
            );
        }
        Step::DropComments => rewrite(dir, |c| {
            for m in &mut c.messages {
                m.source = None;
                m.stale = false;
                m.previous = None;
                m.notes.clear();
            }
        }),
        Step::Reorder => rewrite(dir, |c| c.messages.reverse()),
        Step::EditByHand { index } => {
            let sources = sources(dir);
            rewrite(dir, |c| {
                if let Some(m) = c.messages.get_mut(index) {
                    m.text = format!("HAND{n} {}", m.text);
                    // A person's translation of the source as it is now.
                    if let Some(source) = sources.get(&m.id) {
                        model.insert(m.id.clone(), (m.text.clone(), source.clone()));
                    }
                }
            });
        }
        Step::Revise { format, force } => revise(dir, n, FORMATS[format], force, model),
        Step::Sync => {
            ok(dir, &["sync"]);
        }
    }
}

/// A reviewer changes every up-to-date translation in a full export: each
/// comes in, forced or not, since the catalog still holds what the file
/// was exported with.
fn revise(dir: &Path, n: usize, (format, ext): (&str, &str), force: bool, model: &mut Model) {
    let file = format!("it.{ext}");
    ok(
        dir,
        &["export", "--locale", "it", "--format", format, "-o", &file],
    );
    let sources = sources(dir);
    let mut revised = Vec::new();
    let edited = translate(&read(&dir.join(&file)), format, |e| {
        let (translation, from) = model.get(&e.id)?;
        (sources.get(&e.id) == Some(from)).then(|| {
            let text = format!("REV{n} {translation}");
            revised.push((e.id.clone(), text.clone(), from.clone()));
            text
        })
    });
    write(&dir.join(&file), &edited);
    let mut args = vec!["import", "--locale", "it", file.as_str()];
    if force {
        args.push("--force");
    }
    let (code, out, err) = support::bitext(dir, &args);
    assert_eq!(code, 0, "{format}: {out}{err}");
    for (id, text, from) in revised {
        model.insert(id, (text, from));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_loses_a_translation_or_counts_an_unedited_stale_one_current(
        steps in prop::collection::vec(step(), 1..14)
    ) {
        let mut litres = [1; PARAGRAPHS];
        let tmp = support::project(&[("content/en/page.md", &page(&litres))]);
        let dir = tmp.path();
        ok(dir, &["sync"]);
        let mut model = Model::new();
        for (n, step) in steps.iter().enumerate() {
            run(dir, n, step, &mut litres, &mut model);
            compare(dir, "page", &model, &format!("after {step:?}"));
        }
    }
}
