//! Test and bench support: finds the shared corpus (`../shared/corpus` beside
//! the checkout, or `$BITEXT_CORPUS`) and lists its Markdown files.
//!
//! Used only as a dev-dependency. When the corpus is missing, [`root`] panics
//! if `CI` is set (so CI cannot pass without it) and otherwise prints that
//! the test is skipped and returns `None`.

use std::path::{Path, PathBuf};

/// The corpus folder, or `None` (after saying so) on a machine without it.
///
/// # Panics
///
/// When the corpus is missing and the `CI` environment variable is set.
pub fn root(test: &str) -> Option<PathBuf> {
    let root = match std::env::var_os("BITEXT_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    if root.join("privacyguides/en").is_dir() {
        return Some(root);
    }
    assert!(
        !in_ci(),
        "{test}: the corpus is missing at {} (CI is set, so this fails); put ../shared beside the checkout or set BITEXT_CORPUS",
        root.display()
    );
    eprintln!(
        "{test}: SKIPPED, no corpus at {} (set BITEXT_CORPUS or put ../shared beside the checkout)",
        root.display()
    );
    None
}

/// Whether the `CI` environment variable is set (and not `false`): what
/// a test needs is then required, never skipped.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// The text of one version of the page history
/// (`privacyguides-history/<locale>/<prefix>…`, as `041-` or `001-`).
///
/// # Panics
///
/// When the corpus has no such version.
pub fn history_version(root: &Path, locale: &str, prefix: &str) -> String {
    let path = markdown_files(&root.join("privacyguides-history").join(locale))
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .expect("the version exists");
    read(&path)
}

/// Every `.md` file below `dir`, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    files_with(dir, &["md"])
}

/// Every file below `dir` with one of `extensions`, sorted.
pub fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Reads a corpus file.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A `bitext.toml` for the corpus site read in place (root:
/// `corpus/privacyguides`): pages in `en/`, translations in `<locale>/`,
/// catalogs in a `locales/` folder that does not exist there.
pub const SITE_CONFIG: &str = "locales = [\"ar\", \"bn\", \"de\", \"el\", \"eo\", \"es\", \"fa\", \"fr\", \"he\", \"hi\", \"hu\", \"id\", \"it\", \"nl\", \"pl\", \"pt\", \"pt-BR\", \"ru\", \"sv\", \"tr\", \"uk\", \"vi\", \"zh\", \"zh-Hant\"]\n[paths]\nsource = \"{locale}/{path}.md\"\ntranslation = \"{locale}/{path}.md\"\ncatalog = \"locales/{locale}/{path}.ftl\"\n";

/// A corpus site in a dialect: where it is (below the corpus root) and the
/// folders holding its pages, source first.
#[derive(Debug, Clone, Copy)]
pub struct Site {
    pub name: &'static str,
    /// The dialect's name, as `markdown::Dialect::name` has it.
    pub dialect: &'static str,
    pub root: &'static str,
    pub source: &'static str,
    pub translations: &'static [&'static str],
}

/// The corpus sites other than privacyguides, one per dialect.
pub const DIALECT_SITES: [Site; 3] = [
    Site {
        name: "hugo-otel",
        dialect: "hugo",
        root: "hugo-otel/site",
        source: "content/en",
        translations: &[
            "content/es",
            "content/fr",
            "content/ja",
            "content/pt",
            "content/zh",
        ],
    },
    Site {
        name: "docusaurus-chaosmesh",
        dialect: "docusaurus",
        root: "docusaurus-chaosmesh/site",
        source: "docs",
        translations: &["i18n/zh/docusaurus-plugin-content-docs/current"],
    },
    Site {
        name: "mdn",
        dialect: "mdn",
        root: "mdn/site",
        source: "content/files/en-us",
        translations: &["translated-content/files/de"],
    },
];
