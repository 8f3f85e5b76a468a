//! `--page` globs: which pages a command works on. `*` and `**` match any
//! run of characters, `/` included (`guide/*` is every page under
//! `guide/`), `?` one character, `[ab]` a set, `{faq,about}/*` either.

use globset::{Glob, GlobMatcher};

use crate::{Error, Page, Result};

/// A compiled `--page` glob.
#[derive(Debug, Clone)]
pub struct PageGlob {
    text: String,
    matcher: GlobMatcher,
}

impl PageGlob {
    /// `glob` compiled; an error naming it when it is not a glob.
    pub fn new(glob: &str) -> Result<PageGlob> {
        let matcher = Glob::new(glob)
            .map_err(|e| Error::PageGlob {
                glob: glob.to_owned(),
                message: e.kind().to_string(),
            })?
            .compile_matcher();
        Ok(PageGlob {
            text: glob.to_owned(),
            matcher,
        })
    }

    /// `glob` compiled when given; an error naming it when it is not a
    /// glob or matches none of `pages` (a typo must not pass as a run
    /// that found nothing).
    pub fn of_pages<'p>(
        glob: Option<&str>,
        pages: impl IntoIterator<Item = &'p Page>,
    ) -> Result<Option<PageGlob>> {
        let Some(glob) = glob else {
            return Ok(None);
        };
        let compiled = PageGlob::new(glob)?;
        let mut count = 0;
        for page in pages {
            if compiled.matches(&page.path) {
                return Ok(Some(compiled));
            }
            count += 1;
        }
        Err(Error::PageGlob {
            glob: glob.to_owned(),
            message: format!(
                "matches none of the {count} source pages (a page is its path without extension, as `bitext files` lists)"
            ),
        })
    }

    /// Whether the page at `path` (`guide/install`) is one of the glob's.
    pub fn matches(&self, path: &str) -> bool {
        self.matcher.is_match(path)
    }

    /// The glob as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Whether `glob` (when there is one) takes the page at `path`.
pub(crate) fn takes(glob: Option<&PageGlob>, path: &str) -> bool {
    glob.is_none_or(|g| g.matches(path))
}

#[cfg(test)]
mod tests {
    use super::PageGlob;

    #[test]
    fn globs_match_page_paths() {
        let glob = |g: &str| PageGlob::new(g).expect("a glob");
        assert!(glob("guide/*").matches("guide/install"));
        assert!(glob("guide/*").matches("guide/deep/install"));
        assert!(glob("*").matches("about/index"));
        assert!(glob("{faq,about}/*").matches("faq/pumps"));
        assert!(!glob("{faq,about}/*").matches("guide/pumps"));
        assert!(glob("pump?").matches("pumps"));
        assert!(!glob("guide/*").matches("guides/install"));
        assert!(PageGlob::new("guide/[a").is_err());
    }
}
