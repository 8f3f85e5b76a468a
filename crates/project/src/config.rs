//! `bitext.toml`: where the source, translations and catalogs are.

use std::path::{Path, PathBuf};

use model::Locale;
use serde::Deserialize;

use crate::{Error, Pattern, Result};

/// The config file bitext looks for in the current directory.
pub const CONFIG_FILE: &str = "bitext.toml";

const DEFAULT_SOURCE: &str = "content/{locale}/{path}.md";
const DEFAULT_TRANSLATION: &str = "content/{locale}/{path}.md";
/// Docusaurus's own layout, the default where `docusaurus.config.*` is.
const DOCUSAURUS_SOURCE: &str = "docs/{path}.{md,mdx}";
const DOCUSAURUS_TRANSLATION: &str =
    "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}.{md,mdx}";
const DEFAULT_CATALOG: &str = "locales/{locale}/{path}.ftl";

/// The file's shape; unknown keys are errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    source_locale: Option<String>,
    locales: Option<Vec<String>>,
    #[serde(default)]
    paths: Paths,
    #[serde(default)]
    markdown: MarkdownSection,
    #[serde(default)]
    build: BuildSection,
    #[serde(default)]
    glossary: GlossarySection,
    #[serde(default)]
    check: CheckSection,
    #[serde(default)]
    history: HistorySection,
    #[serde(default)]
    cache: CacheSection,
}

/// `[cache]`: where `check` keeps what it found, to answer again without
/// redoing it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CacheSection {
    enabled: Option<bool>,
    /// A folder below the project root.
    dir: Option<String>,
}

/// `[cache]` of bitext.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheConfig {
    /// Whether `check` reads and writes its cache (`--no-cache` turns it
    /// off for one run).
    pub enabled: bool,
    /// The cache folder, relative to the project root (`.bitext/cache`).
    pub dir: PathBuf,
}

impl Default for CacheConfig {
    fn default() -> CacheConfig {
        CacheConfig {
            enabled: true,
            dir: PathBuf::from(".bitext/cache"),
        }
    }
}

/// `[history]`: how translations name the source revision they were made from.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistorySection {
    /// Front-matter keys (dotted paths) that pin a source commit, besides
    /// `l10n.sourceCommit`, `default_lang_commit` and `source_commit`.
    #[serde(default)]
    pin_keys: Vec<String>,
}

/// `[history]` of bitext.toml.
#[derive(Debug, Clone, Default)]
pub struct HistoryConfig {
    pub pin_keys: Vec<String>,
}

/// `[check]`: severities per check (and per locale) and waivers.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSection {
    /// `[check.severity]`: check name → error, warning, info or off.
    #[serde(default)]
    severity: std::collections::BTreeMap<String, String>,
    /// `[check.locale.<code>]`: the same, for one locale.
    #[serde(default)]
    locale: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    /// `[[check.waive]]`: one finding silenced, with a reason.
    #[serde(default)]
    waive: Vec<WaiverEntry>,
    /// `[check.coverage]`: locale (or `*`) → the least share translated.
    #[serde(default)]
    coverage: std::collections::BTreeMap<String, f64>,
    /// `[check.links] localized`: pairs of a source URL part and what a
    /// translation may have instead (`{locale}` is the locale).
    #[serde(default)]
    links: LinksSection,
    /// `[check.stale]`: what a source change since the translation's base
    /// weighs, by its class, and when a change becomes an error.
    #[serde(default)]
    stale: StaleSection,
    /// `[check.spelling]`: dictionaries and the project's words.
    #[serde(default)]
    spelling: SpellingSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellingSection {
    /// Locale → a Hunspell dictionary's path without `.aff`/`.dic`.
    #[serde(default)]
    dictionaries: std::collections::BTreeMap<String, PathBuf>,
    /// Words of every locale that are not typos.
    #[serde(default)]
    words: Vec<String>,
    /// A word list per locale, one word a line (`{locale}` in the path).
    word_list: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StaleSection {
    cosmetic: Option<String>,
    rewrite: Option<String>,
    factual: Option<String>,
    after_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinksSection {
    #[serde(default)]
    localized: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverEntry {
    check: String,
    locale: Option<String>,
    /// The page (`{path}`, e.g. `guide/faq`).
    page: String,
    /// The translated line; without it, every finding of the check on the page.
    line: Option<usize>,
    reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossarySection {
    names: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuildSection {
    stale: Option<StaleText>,
}

/// What `bitext build` writes for a stale message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StaleText {
    /// The translation, although its source changed (the default).
    #[default]
    Translation,
    /// The current source text.
    Source,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Paths {
    source: Option<String>,
    translation: Option<String>,
    catalog: Option<String>,
    gitignore: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkdownSection {
    dialect: Option<String>,
    front_matter_keys: Option<Vec<String>>,
    prose_arguments: Option<Vec<String>>,
}

/// A project's configuration, with patterns resolved against its root.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder that holds `bitext.toml` (or the current directory without one).
    pub root: PathBuf,
    /// The config file read, if any.
    pub file: Option<PathBuf>,
    pub source_locale: Locale,
    /// The target locales as configured; `None` means discovered from the files.
    pub locales: Option<Vec<Locale>>,
    /// Source pages, with `{locale}` already replaced by the source locale.
    pub source: Pattern,
    pub translation: Pattern,
    pub catalog: Pattern,
    /// `[paths] gitignore = true`: files git ignores are not pages.
    pub gitignore: bool,
    pub markdown: markdown::Options,
    /// Why the dialect is the one in `markdown` (configured, or what
    /// detection found).
    pub dialect_reason: String,
    /// Whether the dialect is GFM only because nothing marked another.
    pub dialect_fallback: bool,
    /// `[build] stale`: what a stale message builds to.
    pub build_stale: StaleText,
    /// `[glossary] names`: words every translation keeps as they are
    /// (products, organisations), besides those learned from the pages.
    pub names: Vec<String>,
    /// `[check]`: severities and waivers.
    pub check: CheckConfig,
    /// `[history]`: pin keys.
    pub history: HistoryConfig,
    /// `[cache]`: whether and where `check` keeps its answers.
    pub cache: CacheConfig,
    /// What listing the project's files met that the command should tell:
    /// files skipped, link loops not followed (shared by the clones).
    notices: std::sync::Arc<std::sync::Mutex<Notices>>,
}

/// What listing the project's files met: files that are not UTF-8 text,
/// skipped; link loops, not followed (each with where it leads back to).
#[derive(Debug, Default, Clone)]
pub struct Notices {
    pub skipped: Vec<PathBuf>,
    pub loops: Vec<(PathBuf, PathBuf)>,
}

/// A severity as configured: one of the three, or off.
pub type Level = Option<checks::Severity>;

/// `[check]` of bitext.toml, checked.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// Per check (`None`: off).
    pub severity: std::collections::BTreeMap<checks::Check, Level>,
    /// Per locale, per check.
    pub locale:
        std::collections::BTreeMap<Locale, std::collections::BTreeMap<checks::Check, Level>>,
    pub waivers: Vec<Waiver>,
    /// `[check.coverage]`: per locale, and `*` for the others.
    pub coverage: std::collections::BTreeMap<String, f64>,
    /// `[check.links] localized`: (source part, translation part with `{locale}`).
    pub localized_links: Vec<(String, String)>,
    pub stale: StalePolicy,
    pub spelling: SpellingConfig,
}

/// `[check.spelling]` of bitext.toml.
#[derive(Debug, Clone)]
pub struct SpellingConfig {
    /// Dictionaries named per locale (a path without `.aff`/`.dic`,
    /// relative to the project).
    pub dictionaries: std::collections::BTreeMap<Locale, PathBuf>,
    /// Words of every locale that are not typos.
    pub words: Vec<String>,
    /// The per-locale word list, `{locale}` in it, relative to the project.
    pub word_list: String,
}

impl Default for SpellingConfig {
    fn default() -> Self {
        SpellingConfig {
            dictionaries: Default::default(),
            words: Vec::new(),
            word_list: "locales/{locale}/.bitext/words.txt".to_owned(),
        }
    }
}

/// `[check.stale]`: the severity of a source change that a translation has
/// not followed, by the change's class; `None` ignores that class. With
/// `after_days`, a change younger than that is at most a warning (an error
/// only once translators have had the time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StalePolicy {
    pub cosmetic: Level,
    /// `Some(None)` off; `None` the stale check's own severity.
    pub rewrite: Option<Level>,
    pub factual: Option<Level>,
    pub after_days: Option<u32>,
}

impl StalePolicy {
    /// The severity of a change of class `class` (cosmetic, rewrite or
    /// factual) made `age_days` ago, given the stale check's severity.
    pub fn level(&self, class: &str, age_days: Option<i64>, check: Level) -> Level {
        let level = match class {
            "cosmetic" => self.cosmetic,
            "rewrite" => self.rewrite.unwrap_or(check),
            _ => self.factual.unwrap_or(check),
        }?;
        let young = match (self.after_days, age_days) {
            (Some(limit), Some(age)) => age < i64::from(limit),
            _ => false,
        };
        if young && level == checks::Severity::Error {
            return Some(checks::Severity::Warning);
        }
        Some(level)
    }
}

impl CheckConfig {
    /// The localised-link rules for `locale`, `{locale}` replaced.
    pub fn link_rules(&self, locale: &Locale) -> Vec<(String, String)> {
        self.localized_links
            .iter()
            .map(|(a, b)| (a.clone(), b.replace("{locale}", locale.as_str())))
            .collect()
    }

    /// The least share of a page's segments that must be translated in
    /// `locale`, if one is configured.
    pub fn coverage(&self, locale: &Locale) -> Option<f64> {
        self.coverage
            .iter()
            .find(|(k, _)| Locale::new(k.as_str()) == *locale)
            .or_else(|| self.coverage.get_key_value("*"))
            .map(|(_, v)| *v)
    }

    /// The severity the project gives `check` in `locale` (the locale's,
    /// else the project's), if it gives one; `Some(None)` is off.
    pub fn configured(&self, check: checks::Check, locale: &Locale) -> Option<Level> {
        self.locale
            .get(locale)
            .and_then(|m| m.get(&check))
            .or_else(|| self.severity.get(&check))
            .copied()
    }

    /// The severity of `check` in `locale`: the locale's, the project's, or
    /// the check's default; `None` when turned off (or off by default and
    /// not configured).
    pub fn level(&self, check: checks::Check, locale: &Locale) -> Level {
        if let Some(level) = self.locale.get(locale).and_then(|m| m.get(&check)) {
            return *level;
        }
        match self.severity.get(&check) {
            Some(level) => *level,
            None => check.on_by_default().then(|| check.default_severity()),
        }
    }
}

/// One finding (or all of a check on a page) silenced, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub check: checks::Check,
    pub locale: Option<Locale>,
    pub page: String,
    pub line: Option<usize>,
    pub reason: String,
}

impl Config {
    /// Records a file skipped because it is not UTF-8 text (once).
    pub(crate) fn skip(&self, path: PathBuf) {
        let mut notices = self.notices.lock().unwrap_or_else(|e| e.into_inner());
        if !notices.skipped.contains(&path) {
            notices.skipped.push(path);
        }
    }

    /// Records a link loop that was not followed (once).
    pub(crate) fn found_loop(&self, link: PathBuf, ancestor: PathBuf) {
        let mut notices = self.notices.lock().unwrap_or_else(|e| e.into_inner());
        if !notices.loops.iter().any(|(l, _)| *l == link) {
            notices.loops.push((link, ancestor));
        }
    }

    /// What listing files met so far.
    pub fn notices(&self) -> Notices {
        self.notices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The configuration for `dir`: `dir/bitext.toml` if it exists, else the defaults.
    pub fn discover(dir: &Path) -> Result<Config> {
        let file = dir.join(CONFIG_FILE);
        if file.is_file() {
            Config::load(&file)
        } else {
            Config::from_toml("", dir.to_path_buf(), None)
        }
    }

    /// Reads a config file; its folder is the project root.
    pub fn load(file: &Path) -> Result<Config> {
        let text = crate::read_text(file)?;
        let root = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Config::from_toml(&text, root, Some(file.to_path_buf()))
    }

    /// Builds a configuration from TOML text (`file` names it in errors).
    pub fn from_toml(text: &str, root: PathBuf, file: Option<PathBuf>) -> Result<Config> {
        let shown = file.clone().unwrap_or_else(|| root.join(CONFIG_FILE));
        let parsed: File = toml::from_str(text).map_err(|e| Error::ConfigSyntax {
            path: shown.clone(),
            message: one_line(&e, text),
        })?;
        let key_error = |key: &str, message: String| Error::ConfigKey {
            path: shown.clone(),
            key: key.to_owned(),
            message,
        };
        let source_locale = parsed.source_locale.unwrap_or_else(|| "en".to_owned());
        if source_locale.is_empty() || source_locale.contains(['/', '\\', '.']) {
            return Err(key_error(
                "source_locale",
                format!("is not a locale code: \"{source_locale}\""),
            ));
        }
        let pattern = |key: &str, value: Option<String>, default: &str| -> Result<Pattern> {
            let text = value.unwrap_or_else(|| default.to_owned());
            Pattern::parse(&text).map_err(|m| key_error(key, m))
        };
        // A Docusaurus site keeps its pages where Docusaurus says, unless
        // the config says otherwise.
        let docusaurus = parsed.paths.source.is_none()
            && parsed.paths.translation.is_none()
            && matches!(
                parsed.markdown.dialect.as_deref(),
                None | Some("auto") | Some("docusaurus")
            )
            && crate::dialect::marked(&root)
                .is_some_and(|(d, _)| d == markdown::Dialect::Docusaurus);
        let (default_source, default_translation) = if docusaurus {
            (DOCUSAURUS_SOURCE, DOCUSAURUS_TRANSLATION)
        } else {
            (DEFAULT_SOURCE, DEFAULT_TRANSLATION)
        };
        let source = pattern("paths.source", parsed.paths.source, default_source)?
            .with_locale(&source_locale);
        let translation = pattern(
            "paths.translation",
            parsed.paths.translation,
            default_translation,
        )?;
        let catalog = pattern("paths.catalog", parsed.paths.catalog, DEFAULT_CATALOG)?;
        for (key, p) in [
            ("paths.translation", &translation),
            ("paths.catalog", &catalog),
        ] {
            if !p.has_locale() {
                return Err(key_error(
                    key,
                    format!("must contain `{{locale}}`: \"{p}\""),
                ));
            }
            if !p.stays_inside() {
                return Err(key_error(
                    key,
                    format!(
                        "must stay inside the project root (no absolute path, no `..`): \"{p}\""
                    ),
                ));
            }
        }
        let locales = match parsed.locales {
            None => None,
            Some(list) => {
                let mut out: Vec<Locale> = Vec::new();
                for code in list {
                    if code.is_empty() || code.contains(['/', '\\', '.']) {
                        return Err(key_error(
                            "locales",
                            format!("has an invalid locale code \"{code}\""),
                        ));
                    }
                    let locale = Locale::new(code);
                    if locale == Locale::new(source_locale.as_str()) {
                        return Err(key_error(
                            "locales",
                            format!("lists the source locale \"{locale}\""),
                        ));
                    }
                    if !out.contains(&locale) {
                        out.push(locale);
                    }
                }
                Some(out)
            }
        };
        let (dialect, dialect_reason) = match parsed.markdown.dialect.as_deref() {
            None | Some("auto") if docusaurus => {
                let (dialect, reason) = crate::dialect::detect(&root, &source);
                (
                    dialect,
                    format!(
                        "{reason}; pages where Docusaurus keeps them (`{DOCUSAURUS_SOURCE}`, `{DOCUSAURUS_TRANSLATION}`) as [paths] says nothing"
                    ),
                )
            }
            None | Some("auto") => crate::dialect::detect(&root, &source),
            Some(name) => match markdown::Dialect::from_name(name) {
                Some(d) => (d, format!("set in {}", shown.display())),
                None => {
                    return Err(key_error(
                        "markdown.dialect",
                        format!(
                            "is \"{name}\"; use auto, {}",
                            markdown::Dialect::ALL
                                .map(markdown::Dialect::name)
                                .join(", ")
                        ),
                    ));
                }
            },
        };
        let mut markdown = markdown::Options::for_dialect(dialect);
        if let Some(keys) = parsed.markdown.front_matter_keys {
            markdown.front_matter_keys = keys;
        }
        if let Some(names) = parsed.markdown.prose_arguments {
            markdown.prose_arguments = names;
        }
        Ok(Config {
            root,
            file,
            source_locale: Locale::new(source_locale),
            locales,
            source,
            translation,
            catalog,
            gitignore: parsed.paths.gitignore.unwrap_or(false),
            markdown,
            dialect_fallback: parsed.markdown.dialect.is_none()
                && dialect == markdown::Dialect::Gfm,
            dialect_reason,
            build_stale: parsed.build.stale.unwrap_or_default(),
            names: parsed.glossary.names.unwrap_or_default(),
            check: check_config(parsed.check, &key_error)?,
            history: HistoryConfig {
                pin_keys: parsed.history.pin_keys,
            },
            cache: cache_config(parsed.cache, &key_error)?,
            notices: std::sync::Arc::default(),
        })
    }
}

/// `[cache]` with its folder kept inside the project (bitext writes there).
fn cache_config(
    section: CacheSection,
    key_error: &dyn Fn(&str, String) -> Error,
) -> Result<CacheConfig> {
    let mut cache = CacheConfig::default();
    if let Some(enabled) = section.enabled {
        cache.enabled = enabled;
    }
    if let Some(dir) = section.dir {
        let outside = dir.is_empty()
            || Path::new(&dir).is_absolute()
            || dir.starts_with(['/', '\\'])
            || dir.get(1..2) == Some(":")
            || dir.split(['/', '\\']).any(|c| c == "..");
        if outside {
            return Err(key_error(
                "cache.dir",
                format!(
                    "must be a folder inside the project root (no absolute path, no `..`): \"{dir}\""
                ),
            ));
        }
        cache.dir = PathBuf::from(dir);
    }
    Ok(cache)
}

/// `[check]` with its names and severities checked.
fn check_config(
    section: CheckSection,
    key_error: &dyn Fn(&str, String) -> Error,
) -> Result<CheckConfig> {
    let check = |key: &str, name: &str| {
        checks::Check::from_name(name).ok_or_else(|| {
            key_error(
                key,
                format!(
                    "names no check `{name}`; the checks are: {}",
                    checks::Check::ALL.map(checks::Check::name).join(", ")
                ),
            )
        })
    };
    let levels = |key: &str, map: std::collections::BTreeMap<String, String>| {
        let mut out = std::collections::BTreeMap::new();
        for (name, level) in map {
            let c = check(key, &name)?;
            let level = match level.as_str() {
                "off" => None,
                other => Some(checks::Severity::from_name(other).ok_or_else(|| {
                    key_error(
                        &format!("{key}.{name}"),
                        format!("is \"{other}\"; use error, warning, info or off"),
                    )
                })?),
            };
            out.insert(c, level);
        }
        Ok::<_, Error>(out)
    };
    let level = |key: &str, value: Option<String>| -> Result<Option<Level>> {
        let Some(value) = value else {
            return Ok(None);
        };
        if value == "off" {
            return Ok(Some(None));
        }
        match checks::Severity::from_name(&value) {
            Some(s) => Ok(Some(Some(s))),
            None => Err(key_error(
                key,
                format!("is \"{value}\"; use error, warning, info or off"),
            )),
        }
    };
    let stale = StalePolicy {
        cosmetic: level("check.stale.cosmetic", section.stale.cosmetic)?.unwrap_or(None),
        rewrite: level("check.stale.rewrite", section.stale.rewrite)?,
        factual: level("check.stale.factual", section.stale.factual)?,
        after_days: section.stale.after_days,
    };
    let mut config = CheckConfig {
        severity: levels("check.severity", section.severity)?,
        localized_links: section.links.localized,
        stale,
        spelling: spelling_config(section.spelling, key_error)?,
        ..CheckConfig::default()
    };
    let spelling_error = std::iter::once(&config.severity)
        .chain(config.locale.values())
        .any(|m| m.get(&checks::Check::Spelling) == Some(&Some(checks::Severity::Error)));
    if spelling_error {
        return Err(key_error(
            "check.severity.spelling",
            "is \"error\"; a spelling finding is at most a warning (a dictionary lacks words)"
                .to_owned(),
        ));
    }
    for (locale, map) in section.locale {
        let key = format!("check.locale.{locale}");
        config
            .locale
            .insert(Locale::new(locale), levels(&key, map)?);
    }
    for (locale, share) in section.coverage {
        if !(0.0..=1.0).contains(&share) {
            return Err(key_error(
                &format!("check.coverage.{locale}"),
                format!("is {share}; use a share between 0 and 1 (0.8 for 80%)"),
            ));
        }
        config.coverage.insert(locale, share);
    }
    for w in section.waive {
        if w.reason.trim().is_empty() {
            return Err(key_error(
                "check.waive",
                format!("for `{}` on {} needs a reason", w.check, w.page),
            ));
        }
        config.waivers.push(Waiver {
            check: check("check.waive", &w.check)?,
            locale: w.locale.map(Locale::new),
            page: w.page,
            line: w.line,
            reason: w.reason,
        });
    }
    Ok(config)
}

/// `[check.spelling]` checked: a word list path names its locale.
fn spelling_config(
    section: SpellingSection,
    key_error: &dyn Fn(&str, String) -> Error,
) -> Result<SpellingConfig> {
    let mut out = SpellingConfig {
        dictionaries: section
            .dictionaries
            .into_iter()
            .map(|(l, p)| (Locale::new(l), p))
            .collect(),
        words: section.words,
        ..SpellingConfig::default()
    };
    if let Some(list) = section.word_list {
        if !list.contains("{locale}") {
            return Err(key_error(
                "check.spelling.word_list",
                format!("is \"{list}\"; it needs `{{locale}}` (one list per locale)"),
            ));
        }
        let inside = !list.starts_with(['/', '\\'])
            && !list.get(1..3).is_some_and(|s| s.starts_with(':'))
            && !list.split(['/', '\\']).any(|c| c == "..");
        if !inside {
            return Err(key_error(
                "check.spelling.word_list",
                format!(
                    "must stay inside the project root (no absolute path, no `..`): \"{list}\""
                ),
            ));
        }
        out.word_list = list;
    }
    Ok(out)
}

/// A TOML error on one line: its message and where.
fn one_line(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().trim().trim_end_matches('.').replace('\n', " ");
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}
