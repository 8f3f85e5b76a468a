//! The structure checks of each dialect on its corpus site, in temporary
//! projects that read the source pages where they are in the corpus and
//! hold copies of the rest (nothing is written into the corpus; MDN's
//! dialect is told by its `files/en-us/` source path):
//!
//! - a pseudo-translation of every source page (every word changed, all
//!   syntax kept) gives no structure finding, and keeps every container,
//!   shortcode, JSX tag and macro;
//! - mutations of the real translations made in memory (a closing `:::`,
//!   `{{% /tab %}}` or `</TabItem>` removed, a `:::` opener glued to the
//!   line before, a macro dropped or its argument changed, an import
//!   dropped) are reported as structure at the line of the damage (±1),
//!   and change nothing else on the page.

use std::collections::BTreeSet;
use std::path::Path;

use model::Locale;
use project::{Check, Config};

/// A project for a corpus site in a temp dir: its configuration files
/// copied, its source pages read where they are (the source pattern
/// points into the corpus), and with `translations` its translations
/// copied in (a build writes only inside the project).
fn project(
    site: &corpus::Site,
    corpus: &Path,
    extra: &str,
    translations: bool,
) -> (tempfile::TempDir, Config) {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = corpus.join(site.root);
    let (source, translation, locale, configs): (&str, &str, &str, &[&str]) = match site.name {
        "hugo-otel" => (
            "{path}.md",
            "content/{locale}/{path}.md",
            "en",
            &["config/_default/hugo.yaml"],
        ),
        "docusaurus-chaosmesh" => (
            "{path}.{md,mdx}",
            "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}.{md,mdx}",
            "en",
            &["docusaurus.config.js"],
        ),
        _ => (
            "{path}/index.md",
            "translated-content/files/{locale}/{path}/index.md",
            "en-us",
            &[],
        ),
    };
    for rel in configs {
        copy(&base.join(rel), &dir.path().join(rel));
    }
    if translations {
        for rel in site.translations {
            copy(&base.join(rel), &dir.path().join(rel));
        }
    }
    let source_dir = base.join(site.source).to_string_lossy().replace('\\', "/");
    let toml = format!(
        "source_locale = \"{locale}\"\n{extra}[paths]\nsource = \"{source_dir}/{source}\"\ntranslation = \"{translation}\"\ncatalog = \"locales/{{locale}}/{{path}}.ftl\"\n"
    );
    std::fs::write(dir.path().join("bitext.toml"), toml).expect("write config");
    let config = Config::load(&dir.path().join("bitext.toml")).expect("a valid config");
    assert_eq!(
        config.markdown.dialect.name(),
        site.dialect,
        "{}",
        site.name
    );
    (dir, config)
}

/// Copies a file or a folder.
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        for entry in std::fs::read_dir(from).expect("a folder") {
            let entry = entry.expect("an entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("create folders");
        std::fs::copy(from, to).expect("copy");
    }
}

#[test]
fn pseudo_translations_keep_the_structure_of_every_dialect() {
    let Some(corpus) = corpus::root("dialect pseudo-translations") else {
        return;
    };
    for site in corpus::DIALECT_SITES {
        let (_dir, config) = project(&site, &corpus, "locales = [\"qps\"]\n", false);
        let qps = Locale::new("qps");
        let report = project::build(
            &config,
            &project::BuildOptions {
                locales: Some(vec![qps.clone()]),
                check: false,
                force: false,
                pseudo: true,
            },
        )
        .expect("build");
        assert!(report.changed.len() > 50, "{}: {report:?}", site.name);
        let checked = project::check(
            &config,
            &project::CheckOptions {
                locales: Some(vec![qps.clone()]),
                page: None,
                changed_since: None,
                no_cache: false,
            },
        )
        .expect("check");
        let structure: Vec<String> = checked
            .findings
            .iter()
            .filter(|f| f.finding.check == Check::Structure)
            .map(|f| {
                format!(
                    "{}:{} {}",
                    f.path.display(),
                    f.finding.line,
                    f.finding.message
                )
            })
            .collect();
        assert!(
            structure.is_empty(),
            "{}: {} structure findings on a pseudo-translation:\n{}",
            site.name,
            structure.len(),
            structure.join("\n")
        );
        // Every landmark and placeholder is still there.
        let mut pages = 0;
        for page in project::pages(&config).expect("pages") {
            let built = config
                .root
                .join(config.translation.render("qps", &page.path));
            let (source, built) = (corpus::read(&page.source), corpus::read(&built));
            let shapes = |text: &str| -> (Vec<String>, Vec<String>) {
                let landmarks = markdown::landmarks(text, &config.markdown)
                    .items
                    .into_iter()
                    .map(|l| l.shape)
                    .collect();
                let (doc, _) = markdown::segment_with(text, &config.markdown);
                let mut placeholders: Vec<String> = doc
                    .segments
                    .iter()
                    .flat_map(|s| align::facts(&s.text).placeholders)
                    .collect();
                placeholders.sort();
                (landmarks, placeholders)
            };
            assert_eq!(shapes(&source), shapes(&built), "{}", page.path);
            assert_ne!(
                source, built,
                "{}: the pseudo-translation changed nothing",
                page.path
            );
            pages += 1;
        }
        eprintln!(
            "{}: {pages} pseudo-translated pages, no structure finding, every landmark and placeholder kept",
            site.name
        );
    }
}

/// A mutation of a translated page and where it must be reported.
struct Mutation {
    what: &'static str,
    text: String,
    /// The 1-based line of the damage in the mutated text.
    line: usize,
    /// What was damaged, as the source must have it too for the damage to
    /// be a difference from the source.
    kept: String,
}

/// The lines of `text` outside front matter and code fences.
fn outside_code(text: &str) -> Vec<bool> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = vec![false; lines.len()];
    let mut fence: Option<String> = None;
    let front = match lines.first() {
        Some(&"---") => lines[1..]
            .iter()
            .position(|l| *l == "---")
            .map_or(0, |k| k + 2),
        _ => 0,
    };
    for (k, line) in lines.iter().enumerate().skip(front) {
        let t = line.trim_start();
        let run: String = t.chars().take_while(|&c| c == '`' || c == '~').collect();
        if let Some(open) = &fence {
            if run.len() >= open.len() && t[run.len()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if run.len() >= 3 {
            fence = Some(run);
            continue;
        }
        out[k] = true;
    }
    out
}

/// `lines` joined back.
fn join(lines: &[&str]) -> String {
    lines.join("\n")
}

/// Up to `n` of `candidates`, spread over them.
fn spread(candidates: Vec<usize>, n: usize) -> Vec<usize> {
    if candidates.len() <= n {
        return candidates;
    }
    (0..n)
        .map(|k| candidates[k * candidates.len() / n + candidates.len() / (2 * n)])
        .collect()
}

/// The mutations of one translated page for a dialect.
fn mutations(text: &str, dialect: &str) -> Vec<Mutation> {
    let lines: Vec<&str> = text.split('\n').collect();
    let prose = outside_code(text);
    let mut out = Vec::new();
    let candidates = |test: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..lines.len())
            .filter(|&k| prose[k] && test(lines[k].trim()))
            .collect()
    };
    // A closing tag removed: its line, or the tag from a line of tags.
    let closer: &dyn Fn(&str) -> Option<&str> = match dialect {
        "docusaurus" => &|t: &str| {
            (t.chars().all(|c| c == ':') && t.len() >= 3 || t.starts_with("</TabItem")).then_some(t)
        },
        "hugo" => &|t: &str| {
            let k = t.find("{{% /").or_else(|| t.find("{{< /"))?;
            let end = t[k..].find("}}")? + k + 2;
            let only_tags = t.starts_with("{{");
            only_tags.then(|| &t[k..end])
        },
        _ => &|_: &str| None,
    };
    for k in spread(candidates(&|t| closer(t).is_some()), 4) {
        let tag = closer(lines[k].trim()).expect("a closer");
        let rest = lines[k].replacen(tag, "", 1);
        let mut mutated: Vec<&str> = lines.clone();
        let what = if rest.trim().is_empty() {
            mutated.remove(k);
            "closer removed"
        } else {
            mutated[k] = &rest;
            "closer removed from a line of tags"
        };
        out.push(Mutation {
            what,
            text: join(&mutated),
            line: k + 1,
            kept: tag.to_owned(),
        });
    }
    if dialect == "docusaurus" {
        // A `:::type` opener after a blank line after text: the blank line removed.
        let openers = candidates(&|t| {
            t.starts_with(":::") && t[3..].starts_with(|c: char| c.is_ascii_alphabetic())
        });
        let glued: Vec<usize> = openers
            .into_iter()
            .filter(|&k| {
                k >= 2 && lines[k - 1].trim().is_empty() && !lines[k - 2].trim().is_empty()
            })
            .filter(|&k| {
                prose[k - 2]
                    && !lines[k - 2]
                        .trim_start()
                        .starts_with(['#', ':', '<', '|', '`'])
            })
            .collect();
        for k in spread(glued, 3) {
            let mut mutated = lines.clone();
            mutated.remove(k - 1);
            out.push(Mutation {
                what: "opener glued",
                text: join(&mutated),
                line: k,
                kept: lines[k].trim().to_owned(),
            });
        }
        for k in spread(candidates(&|t| t.starts_with("import ")), 2) {
            let mut mutated = lines.clone();
            mutated.remove(k);
            out.push(Mutation {
                what: "import dropped",
                text: join(&mutated),
                line: k + 1,
                kept: lines[k].trim().to_owned(),
            });
        }
    }
    if dialect == "mdn" {
        let macro_at = |t: &str| -> Option<(usize, usize)> {
            let k = t.find("{{")?;
            let len = model::text::placeholder_len(&t[k..])?;
            Some((k, len))
        };
        for k in spread(candidates(&|t| macro_at(t).is_some()), 3) {
            let (at, len) = macro_at(lines[k]).expect("a macro");
            let dropped = format!("{}{}", &lines[k][..at], &lines[k][at + len..]);
            let mut mutated = lines.clone();
            mutated[k] = &dropped;
            out.push(Mutation {
                what: "macro dropped",
                text: join(&mutated),
                line: k + 1,
                kept: lines[k][at..at + len].to_owned(),
            });
        }
        // A live sample's or an interactive example's argument is a heading
        // or a title, which a translation translates: no damage to change.
        let quoted = |t: &str| -> Option<usize> {
            let (at, len) = macro_at(t)?;
            let shape = model::text::placeholder_shape(&t[at..at + len]);
            if !shape.contains('(') {
                return None;
            }
            let q = t[at..at + len].find("(\"")?;
            Some(at + q + 2)
        };
        for k in spread(candidates(&|t| quoted(t).is_some()), 3) {
            let at = quoted(lines[k]).expect("a quoted argument");
            let changed = format!("{}x-{}", &lines[k][..at], &lines[k][at..]);
            let mut mutated = lines.clone();
            mutated[k] = &changed;
            let (m_at, m_len) = macro_at(lines[k]).expect("a macro");
            out.push(Mutation {
                what: "macro argument changed",
                text: join(&mutated),
                line: k + 1,
                kept: lines[k][m_at..m_at + m_len].to_owned(),
            });
        }
    }
    out
}

#[test]
fn damage_to_dialect_structure_is_reported_at_its_line() {
    let Some(corpus) = corpus::root("dialect mutations") else {
        return;
    };
    let mut tried = 0;
    let mut missed = Vec::new();
    let mut collateral = Vec::new();
    let mut per_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for site in corpus::DIALECT_SITES {
        let (_dir, config) = project(&site, &corpus, "", true);
        let sources = project::Sources::load(&config).expect("readable");
        for locale in project::locales(&config).expect("locales") {
            let aligned = project::align_locale(&config, &sources, &locale).expect("aligned");
            for page in &aligned.pages {
                let options = align::Options {
                    source_language: align::Language::English,
                    language: align::Language::of_locale(locale.as_str()),
                    names: Some(&page.names),
                    ratio: aligned.ratio,
                };
                let structure_of = |text: &str| -> BTreeSet<usize> {
                    let (doc, _) = markdown::segment_with(text, &config.markdown);
                    let a = project::align_texts(
                        &page.source_text,
                        (*page.aligned.source).clone(),
                        text,
                        doc,
                        &config.markdown,
                        &options,
                    );
                    project::check_aligned(&a, &page.source_text, text, &options, &config.markdown)
                        .into_iter()
                        .filter(|f| f.check == Check::Structure)
                        .map(|f| f.line)
                        .collect()
                };
                let before = structure_of(&page.text);
                for m in mutations(&page.text, site.dialect) {
                    // Only damage to what the translation shares with its
                    // source, where nothing is reported already.
                    let clean = before.iter().all(|&l| l.abs_diff(m.line) > 2);
                    if !clean || !page.source_text.contains(&m.kept) {
                        continue;
                    }
                    let after = structure_of(&m.text);
                    let near = |l: usize| l + 1 >= m.line && l <= m.line + 1;
                    let found = after.iter().any(|&l| near(l) && !before.contains(&l));
                    tried += 1;
                    let entry = per_kind
                        .entry(format!("{} {}", site.dialect, m.what))
                        .or_default();
                    entry.0 += 1;
                    if found {
                        entry.1 += 1;
                    } else {
                        missed.push(format!(
                            "{}/{locale}/{}: {} at line {} not reported (found at {:?})",
                            site.name,
                            page.page.path,
                            m.what,
                            m.line,
                            after.difference(&before).collect::<Vec<_>>()
                        ));
                    }
                    // Far from the damage, nothing new (lines after a removed
                    // line moved up by one).
                    let shifted: BTreeSet<usize> = before
                        .iter()
                        .flat_map(|&l| [l, l.saturating_sub(1)])
                        .collect();
                    let far_new: Vec<usize> = after
                        .iter()
                        .copied()
                        .filter(|&l| l + 3 < m.line || l > m.line + 3)
                        .filter(|l| !shifted.contains(l))
                        .collect();
                    if !far_new.is_empty() {
                        collateral.push(format!(
                            "{}/{locale}/{}: {} at line {}: new structure findings at {far_new:?}",
                            site.name, page.page.path, m.what, m.line
                        ));
                    }
                }
            }
        }
    }
    eprintln!("dialect mutations reported (reported, tried): {per_kind:#?}");
    eprintln!("missed:\n{}", missed.join("\n"));
    eprintln!("collateral:\n{}", collateral.join("\n"));
    assert!(tried >= 200, "only {tried} mutations");
    assert!(
        missed.len() * 20 <= tried,
        "{} of {tried} mutations not reported at their line",
        missed.len()
    );
    assert!(
        collateral.len() * 20 <= tried,
        "{} of {tried} mutations gave structure findings far from the damage",
        collateral.len()
    );
}
