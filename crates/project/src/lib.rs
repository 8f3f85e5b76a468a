//! The project on disk: `bitext.toml`, path patterns, which source pages and
//! translations exist, and reading files safely. The only library crate that
//! touches the file system.
//!
//! Inputs: a directory or a config file path. Outputs: a [`Config`], the
//! [`Page`]s and their per-locale [`FileStatus`], and segmented documents.
//! It ignores on purpose how results are printed and what exit code they mean.

mod align;
mod catalogs;
mod changes;
mod check;
mod config;
mod dialect;
mod error;
mod files;
mod glob;
mod impact;
mod import;
mod lock;
mod moves;
mod pattern;
mod read;
pub mod spelling;
mod staleness;
mod state;
mod status;
mod write;

pub use align::{
    AlignDiagnostic, Aligned, LocaleAlignment, LocaleRatio, PageAlignment, RATIO_SAMPLE,
    SourcePage, Sources, TranslatedPage, align_files, align_locale, align_texts, locale_ratio,
    locale_ratios, page_names,
};
pub use catalogs::{
    BuildOptions, BuildReport, LocaleSync, PageSync, SyncOptions, SyncReport, build, export,
    pending, pending_po_pieces, project_name, sync,
};
pub use changes::ChangeKind as SegmentChangeKind;
pub use changes::{
    ChangeClass, LocaleChanges, PageChanges, SegmentChange, SourceDiff, classify, locale_diff,
    page_changes, source_diff,
};
pub use check::{CheckOptions, CheckReport, PageFinding, check, check_aligned, check_progress};
pub use checks::{Check, Finding, Related, Severity};
pub use config::{CONFIG_FILE, CacheConfig, Config, Notices, StalePolicy, StaleText};
pub use dialect::{detect as detect_dialect, sniff as sniff_dialect};
pub use diff::{Change, ChangeKind, render_inline as render_word_diff};
pub use error::{Error, Result};
pub use exchange::{
    FileHeader, MessageState, Pending, XliffVersion, messages_json, pending_ftl, pending_po,
    po_entries, po_header, xliff,
};
pub use files::{FileStatus, LocaleFiles, Page, files, locales, pages};
pub use glob::PageGlob;
pub use impact::{Impact, SourceImpact, TranslationImpact, impact};
pub use import::{
    ImportOptions, ImportReport, REVIEW_BELOW, RejectReason, Rejected, Unpaired, import,
    import_documents,
};
pub use lock::{Access, PATIENCE, ProjectLock, STATE_DIR, lock};
pub use markdown::{Dialect, Options as MarkdownOptions};
pub use pattern::Pattern;
pub use read::{LineReader, read_text, segment_file};
pub use spelling::VOCABULARY_PAGES;
pub use staleness::{
    Base, BaseMethod, BaseProblem, Based, Git, History, PageInputs, PageStaleness, SHALLOW_NOTE,
    page_base, page_staleness, pin_keys, read_pin,
};
pub use status::{Counts, LocaleStatus, StatusReport, status, status_progress};
pub use write::{write_atomic, write_atomic_if_changed};

#[cfg(test)]
mod tests;
