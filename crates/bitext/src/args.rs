//! The command-line grammar.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// bitext keeps translated Markdown documentation aligned with its source.
#[derive(Debug, Parser)]
#[command(
    name = "bitext",
    version,
    about,
    after_help = "Examples:\n  bitext files                      which translation each source page maps to\n  bitext segments content/en/index.md   what bitext sees in a page\n\nExit codes: 0 clean, 1 findings, 2 the run failed."
)]
pub struct Args {
    /// The config file (default: ./bitext.toml if present, else built-in defaults).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When another bitext run is using the project, fail at once (exit 2)
    /// instead of waiting for it.
    #[arg(long, global = true)]
    pub no_wait: bool,
    /// When to colour the output: on a terminal without NO_COLOR (auto),
    /// always, or never.
    #[arg(long, global = true, value_enum, default_value_t = Colour::Auto, value_name = "WHEN")]
    pub color: Colour,
    /// Results only: no notes, no summary lines, no progress.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also say what was read and why: the config, the dialect, the page
    /// and translation patterns, the locales.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the segments (translatable units) bitext sees in Markdown files.
    #[command(
        after_help = "Examples:\n  bitext segments content/en/index.md\n  bitext segments docs/*.md --format json | jq '.segments[].text'\n  bitext segments --dialect hugo content/en/_index.md\n\nThe dialect (how shortcodes, `:::` directives, JSX and macros are read) is the\nproject's: set in bitext.toml or detected from its root (`bitext files` says which).\n\nJSON: one object per file and line: {\"path\", \"dialect\", \"segments\": [{\"id\", \"kind\", \"line\", \"text\", \"containers\"}], \"diagnostics\": [{\"kind\", \"line\", \"message\"}]}."
    )]
    Segments(SegmentsArgs),
    /// List, per locale, each source page and the translation and catalog it maps to.
    #[command(
        after_help = "Examples:\n  bitext files\n  bitext files --locale it --missing\n  bitext --config site/bitext.toml files --format json\n\nPaths come from [paths] in bitext.toml: source, translation, catalog."
    )]
    Files(FilesArgs),
    /// Bring every catalog up to date with the source pages: ids, stale and obsolete messages.
    #[command(
        after_help = "Examples:\n  bitext sync\n  bitext sync --prune      drop obsolete translations\n\nSource catalogs (locales/<source>/<page>.ftl) get one message per segment; ids stay\nwith a segment while it is edited or moved. In existing target catalogs a translation\nwhose source changed is marked stale and keeps the source it was made from; one whose\nsegment was removed becomes obsolete. Nothing is written if a catalog fails to parse."
    )]
    Sync(SyncArgs),
    /// Generate translated pages from the source skeletons and the target catalogs.
    #[command(
        after_help = "Examples:\n  bitext build\n  bitext build --locale it\n  bitext build --check     in CI: exit 1 if a generated page is out of date\n\nMissing messages build to the source text; stale ones to the translation\n(or to the source with `[build] stale = \"source\"` in bitext.toml). Pages that bitext\ndid not generate, or that were edited since, are never overwritten without --force."
    )]
    Build(BuildArgs),
    /// Coverage per locale and page: translated, stale, missing, obsolete.
    #[command(
        after_help = "Examples:\n  bitext status\n  bitext status --locale it --format json\n  bitext status --typos                   with each page's spelling findings counted\n  bitext status --changed-since origin/main --format markdown >> $GITHUB_STEP_SUMMARY\n  bitext status --format markdown >> $GITHUB_STEP_SUMMARY\n\nStale messages never count as translated.\nJSON: {\"locales\": {\"it\": {\"total\", \"translated\", \"stale\", \"missing\", \"obsolete\", \"pages\": {\"<page>\": {same keys}}}}}."
    )]
    Status(StatusArgs),
    /// The messages of a locale that need a translator: missing, and stale with a diff.
    #[command(
        after_help = "Examples:\n  bitext pending --locale it\n  bitext pending --locale it --format po -o it.po\n  bitext pending --locale it --page 'guide/*' --format json\n\nEach message comes with its id, source text and nearest heading; a stale one also\nwith the source its translation was made from, a word diff ([-old-]{+new+}) and the\ncurrent translation. PO: msgctxt is the page and id, `#:` the source file and line,\nstale messages are `#, fuzzy` with the previous source as `#| msgid`.\nXLIFF 2.0 (xliff) or 1.2 (xliff12): one <file> per page, one unit per message, notes\nfor the rest, inline code as <ph> placeholders. JSON: {\"format\": \"bitext-messages\",\n\"version\", \"locale\", \"project\", \"messages\": [{\"page\", \"id\", \"status\", \"source\",\n\"heading\", \"previous\", \"diff\", \"translation\"}]}.\nEvery message of a locale: `bitext export`. Translated files go back in with `bitext import`."
    )]
    Pending(PendingArgs),
    /// Every message of a locale (missing, stale and current) as one translator's file, or a template.
    #[command(
        after_help = "Examples:\n  bitext export --locale it --format po -o it.po\n  bitext export --locale it --format xliff12 -o it.xlf     for OmegaT, Trados\n  bitext export --template --format po -o docs.pot         for a new locale (msginit)\n  bitext export --locale it --page 'guide/*' --format json\n\nLike `bitext pending`, with the locale's current translations too: PO entries\nwithout `fuzzy`, XLIFF segments in state \"translated\", JSON status \"current\".\nEach file names its locale and project (PO header; XLIFF trgLang or\ntarget-language, and a project note or product-name; the Fluent header; the JSON\n\"locale\" and \"project\") and holds each message's\nsource text; `bitext import` reads it back and changes only what a translator changed.\nXLIFF shows inline code (code spans, HTML tags, shortcodes, macros) as <ph> placeholders."
    )]
    Export(ExportArgs),
    /// Read translators' files (.ftl, .po, .xliff, .json), or the locale's translated pages, into its catalogs.
    #[command(
        after_help = "Examples:\n  bitext import --locale it it.po\n  bitext import --locale it work/*.xliff --format json\n  bitext import --locale it guide.ftl --force\n  bitext import --locale it it.po --dry-run\n  bitext import --locale it            # the Italian pages themselves (document mode)\n\nWith files: a translation of the current source is imported as up to date; one\nmade from a source that has changed since is imported as stale. Entries without a\ntranslation and entries marked for review (PO fuzzy, XLIFF 2.0 state=\"initial\", 1.2 needs-*) are\nskipped. Rejected, and reported with file and line: ids the page no longer has,\nand translations that differ from an up-to-date one in the catalog that is not\nthe one the file was exported with (someone edited it since) unless --force. A translation equal to the catalog's\nchanges nothing. A file for another locale (PO Language, XLIFF trgLang or\ntarget-language, the Fluent header) is refused, nothing written; PO and XLIFF are\nread in the charset they declare. --dry-run says what would change, writes nothing.\n\nWithout files: every translated page of the locale (hand-made or exported, not\nones bitext built) is aligned with its source page (see bitext align) and\nimported pair by pair. Pairs of low confidence (below 0.75), merges and splits\nare imported as stale for a translator to review; segments left identical to the\nsource count as untranslated; translated segments that pair with nothing and\nlost container lines are reported with their line. Run `bitext sync` first.\n\nExit 1 if anything was rejected; a file that fails to parse stops the run with\nexit 2 and nothing written."
    )]
    Import(ImportArgs),
    /// Pair a source page with its hand-made translation, segment by segment.
    #[command(
        after_help = "Examples:\n  bitext align content/en/guide.md content/it/guide.md\n  bitext align docs/a.md docs/a.it.md --format json | jq '.unpaired_translation'\n\nEach pair shows both line numbers, a confidence (0-1) and why: segment kind,\ncontainer, shared facts (numbers, URLs, code, icons) and length. Inserted, deleted\nand moved paragraphs only disturb their neighbours. A container line (`!!! type`)\nlost in the translation is reported with both lines, and the body below it, which\nMarkdown reads as code, is aligned as the Markdown it was meant to be.\nExit 1 when such damage is found.\nJSON: {\"pairs\": [{\"source_line\", \"line\", \"source_id\", \"confidence\", \"reason\"}],\n\"unpaired_source\", \"unpaired_translation\", \"diagnostics\": [{\"kind\", \"line\", \"source_line\", \"message\"}]}."
    )]
    Align(AlignArgs),
    /// Check translated pages against their sources: structure, misplaced and copied text, facts.
    #[command(
        after_help = "Examples:\n  bitext check\n  bitext check --locale it --locale fr\n  bitext check --format github          in GitHub Actions: annotations on the PR\n  bitext check --format json | jq '.findings[] | select(.check == \"numbers\")'\n  bitext check --fail-on warning\n  bitext check --changed-since origin/main   only pages a pull request touches\n  bitext check --format sarif > bitext.sarif   or junit, for CI test reports\n  bitext check --format sarif --sarif-aggregate   one result per page and check\n  bitext check --format json > base.json; bitext check --baseline base.json   only new findings\n  bitext check --explain misplaced\n  bitext check --learn-words it          add words unknown on 3 pages or more to it's word list\n\nEach translated page is aligned with its source (see bitext align) and checked:\nstructure (lost container lines, boxes, headings, code blocks, tables, front matter),\nmisplaced (a segment whose facts belong to another part of the source), duplicate,\nnumbers (spelled-out ones too), links, images, code, markup, names, glossary\n(locales/<locale>/glossary.ftl), untranslated, spelling (with a Hunspell dictionary:\n[check.spelling], the word list locales/<locale>/.bitext/words.txt), stub (a page not\ntranslated yet), stale and stale-unknown (git, pins), and two hints off unless turned on:\nemphasis, length; catalogs: fluent (syntax; UI catalogs against the source locale's),\nstale, missing ([check.coverage]). `--explain NAME` for each.\nFindings show both lines.\nSeverities per check and per locale: [check.severity] and [check.locale.<code>] in\nbitext.toml (error, warning, info, off). Waivers, with a reason: [[check.waive]] in\nbitext.toml (check, page, optional locale and line), or in the page a comment\n<!-- bitext-ignore numbers: the port differs on purpose --> on the line or above it.\nSARIF 2.1.0: runs of at most 25,000 results, paths relative to %SRCROOT% (the\ncurrent folder), a partial fingerprint per finding that survives edits elsewhere,\nrules with the --explain text. JUnit: a test case per page, failing with its findings.\nJSON (schema: docs/schema/check.schema.json): {\"version\", \"findings\": [{\"check\", \"severity\", \"locale\", \"path\", \"line\", \"source_path\",\n\"source_line\", \"segment_id\", \"message\", \"related\": [{\"path\", \"line\", \"message\"}]}],\n\"summary\": {\"pages\", \"locales\", \"findings\", \"errors\", \"warnings\", \"by_check\"}}.\nExit 0 clean, 1 findings at or above --fail-on (default: error), 2 the run failed."
    )]
    Check(CheckArgs),
    /// What changed in the source pages since a revision, segment by segment.
    #[command(
        after_help = "Examples:\n  bitext diff                         since the previous commit\n  bitext diff --since v2.0 --page 'guide/*'\n  bitext diff --since main~20 --format markdown > changes.md   for a PR or an issue\n  bitext diff --locale it             what changed since each Italian page was made\n\nEach changed segment: added, removed, modified or moved, and how it matters to a\ntranslation: cosmetic (whitespace, punctuation, markup only), factual (a number,\nlink, code span or name changed; named) or rewrite; with a word diff.\nThe source is read from git at the revision and from the working tree now.\nWith --locale, each page's base revision is a front-matter pin (l10n: sourceCommit:,\nor source_commit:), else the source version the translation matches best among\nthose before its last change (history-match; the version current then is shown too\nwhen it differs).\nJSON: {\"pages\": [{\"path\", \"locale\", \"base\": {\"commit\", \"method\"}, \"commits_behind\",\n\"changes\": [{\"change\", \"class\", \"facts\", \"source_line\", \"old\", \"new\"}]}]}."
    )]
    Diff(DiffArgs),
    /// A dashboard of the project's translations: one self-contained HTML page and a badge per locale.
    #[command(
        after_help = "Examples:\n  bitext report --html site/translations\n  bitext report --html report --locale it --locale fr\n\nWrites DIR/index.html (coverage, stale and finding counts per locale; per page its\nstate, how far behind its source it is, errors, warnings and typos, and each finding\nwith the translated and the source line side by side; sortable, filterable, with the\nfilters in the address, and nothing fetched when viewed) and DIR/badges/<locale>.svg\n(the share of segments translated, in the style of shields.io badges).\nThe check runs as `bitext check` does, with the project's config."
    )]
    Report(ReportArgs),
    /// Print a completion script for a shell.
    #[command(
        after_help = "Examples:\n  bitext completions bash > ~/.local/share/bash-completion/completions/bitext\n  bitext completions zsh > \"${fpath[1]}/_bitext\"\n  bitext completions fish > ~/.config/fish/completions/bitext.fish\n  bitext completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The folder to write the dashboard to (created if missing).
    #[arg(long, value_name = "DIR")]
    pub html: PathBuf,
    /// Only this locale (repeatable).
    #[arg(long, value_name = "L")]
    pub locale: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The revision to compare with (default: the commit before HEAD).
    #[arg(long, value_name = "REV", conflicts_with = "locale")]
    pub since: Option<String>,
    /// For each translated page of this locale: the source changes since the
    /// translation's base revision.
    #[arg(long, value_name = "L")]
    pub locale: Option<String>,
    /// Only pages whose path (without extension) matches the glob: `*` any run of
    /// characters, `/` too (`guide/*`), `?` one, `{faq,about}/*` either; one that
    /// matches no page is an error.
    #[arg(long, value_name = "GLOB")]
    pub page: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML: a test case per translated page.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Only this locale (repeat for several).
    #[arg(long, value_name = "L")]
    pub locale: Vec<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// The least severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Only pages whose path (without extension) matches the glob: `*` any run of
    /// characters, `/` too (`guide/*`), `?` one, `{faq,about}/*` either; one that
    /// matches no page is an error.
    #[arg(long, value_name = "GLOB")]
    pub page: Option<String>,
    /// Only pages whose source, translation or catalog changed since this
    /// revision (a branch, tag or commit): the pull-request mode, e.g.
    /// `--changed-since origin/main`.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// A saved `--format json` run: report only findings it does not have.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Explain a check (by name) and exit.
    #[arg(long, value_name = "CHECK")]
    pub explain: Option<String>,
    /// Human output: at most this many findings per page (the worst first).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// SARIF: one result per page and check (with the count and the first
    /// finding's line) instead of one per finding, for sites with more
    /// findings than a code-scanning upload shows.
    #[arg(long)]
    pub sarif_aggregate: bool,
    /// Check this locale and add the words its dictionary does not know on
    /// --min-pages pages or more to its word list, for a person to review.
    #[arg(long, value_name = "L", conflicts_with_all = ["baseline", "explain", "locale"])]
    pub learn_words: Option<String>,
    /// With --learn-words: on how many pages a word must be.
    #[arg(long, value_name = "N", default_value_t = project::VOCABULARY_PAGES, requires = "learn_words")]
    pub min_pages: usize,
    /// Check every page again and leave the check cache (`.bitext/cache`)
    /// alone: neither read nor written.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SegmentsArgs {
    /// Markdown files to segment.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read the files in this dialect instead of the project's
    /// (mkdocs, hugo, docusaurus, mdn, gfm).
    #[arg(long, value_name = "NAME")]
    pub dialect: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct FilesArgs {
    /// Only this locale (as written in paths; `pt_BR` and `pt-br` are the same).
    #[arg(long, value_name = "L")]
    pub locale: Option<String>,
    /// Only pages whose translation is missing.
    #[arg(long)]
    pub missing: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Drop obsolete translations (whose source segment was removed).
    #[arg(long)]
    pub prune: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Only this locale (repeatable).
    #[arg(long, value_name = "L")]
    pub locale: Vec<String>,
    /// Write nothing; exit 1 if a page would change.
    #[arg(long)]
    pub check: bool,
    /// Overwrite pages that were written by hand or edited since the last build.
    #[arg(long)]
    pub force: bool,
    /// Build pseudo-translations of the source (every word accented, all
    /// syntax kept) instead of the catalogs: `--pseudo --locale qps` writes a
    /// locale to check the structure checks and the site's layout against.
    #[arg(long)]
    pub pseudo: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Only this locale (repeatable).
    #[arg(long, value_name = "L")]
    pub locale: Vec<String>,
    /// Also count each page's typos: the spelling check's findings (this
    /// runs the check, so it takes as long).
    #[arg(long)]
    pub typos: bool,
    /// Instead of coverage, what the changes since this revision do to the
    /// translations (a pull request's impact): per source page changed,
    /// cosmetic, factual or a rewrite, and the translations it makes stale;
    /// per translated page changed, whether it is current after them.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    pub format: StatusFormat,
    /// Read every page's staleness from the history again and leave the
    /// status cache (`.bitext/cache`) alone: neither read nor written.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PendingFormat {
    Markdown,
    Json,
    Ftl,
    Po,
    /// XLIFF 2.0.
    Xliff,
    /// XLIFF 1.2, for CAT tools that read it best (OmegaT, Trados).
    Xliff12,
}

/// The formats of `bitext export`: a translator's file of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Po,
    /// XLIFF 2.0.
    Xliff,
    /// XLIFF 1.2.
    Xliff12,
    Json,
    Ftl,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The locale whose messages to export.
    #[arg(long, value_name = "L", required_unless_present = "template")]
    pub locale: Option<String>,
    /// A template: the source's messages without translations (a POT file
    /// with --format po), for a locale that has none yet.
    #[arg(long, conflicts_with = "locale")]
    pub template: bool,
    /// Only pages whose path (without extension) matches the glob, as for `pending`.
    #[arg(long, value_name = "GLOB")]
    pub page: Option<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
}

#[derive(Debug, clap::Args)]
pub struct PendingArgs {
    /// The locale to list.
    #[arg(long, value_name = "L")]
    pub locale: String,
    /// Only pages whose path (without extension) matches the glob: `*` any run of
    /// characters, `/` too (`guide/*`), `?` one, `{faq,about}/*` either; one that
    /// matches no page is an error.
    #[arg(long, value_name = "GLOB")]
    pub page: Option<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = PendingFormat::Markdown)]
    pub format: PendingFormat,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The locale the translations are in.
    #[arg(long, value_name = "L")]
    pub locale: String,
    /// Translator files: .ftl, .po, .xliff or .xlf (2.0 or 1.2), .json. Without any, the
    /// locale's translated pages are aligned and imported.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Overwrite up-to-date translations that differ from the imported ones.
    #[arg(long)]
    pub force: bool,
    /// Say what the import would change, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct AlignArgs {
    /// The source page.
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// Its translation.
    #[arg(value_name = "TRANSLATION")]
    pub translation: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}
