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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the segments (translatable units) bitext sees in Markdown files.
    #[command(
        after_help = "Examples:\n  bitext segments content/en/index.md\n  bitext segments docs/*.md --format json | jq '.segments[].text'\n\nJSON: one object per file and line: {\"path\", \"segments\": [{\"id\", \"kind\", \"line\", \"text\", \"containers\"}], \"diagnostics\": [{\"kind\", \"line\", \"message\"}]}."
    )]
    Segments(SegmentsArgs),
    /// List, per locale, each source page and the translation and catalog it maps to.
    #[command(
        after_help = "Examples:\n  bitext files\n  bitext files --locale it --missing\n  bitext --config site/bitext.toml files --format json\n\nPaths come from [paths] in bitext.toml: source, translation, catalog."
    )]
    Files(FilesArgs),
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
