//! Path patterns such as `content/{locale}/{path}.md`, `docs/{path}.{locale}.md`
//! or `docs/{path}.{md,mdx}` (an extension set: a page keeps its own).

use std::fmt;

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Locale,
    Path,
    /// Extensions a page may have, right after `{path}.`: the first is
    /// implied, another is kept in the page path (`guide/intro.mdx`).
    Extensions(Vec<String>),
}

/// A path pattern with exactly one `{path}` (the page's path without
/// extension, may contain `/`), at most one `{locale}` (no `/` or `.`) and
/// at most one extension set `{md,mdx}` right after `{path}.`. With a set,
/// a page whose extension is not the first keeps it in its path
/// (`guide/intro.mdx`), so that its translation gets the same extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    text: String,
    parts: Vec<Part>,
}

impl Pattern {
    /// Parses a pattern; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_owned()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("has an unclosed `{{` in \"{text}\""))?;
            let name = &rest[open + 1..open + close];
            parts.push(match name {
                "path" => Part::Path,
                "locale" => Part::Locale,
                set if set.contains(',') => {
                    let alternatives: Vec<String> =
                        set.split(',').map(|e| e.trim().to_owned()).collect();
                    let after_path = matches!(parts.as_slice(), [.., Part::Path, Part::Literal(dot)] if dot == ".");
                    if !after_path
                        || alternatives
                            .iter()
                            .any(|e| e.is_empty() || e.contains(['/', '.', '{']))
                    {
                        return Err(format!(
                            "has an extension set `{{{set}}}` that is not right after `{{path}}.` or has an empty or dotted extension: \"{text}\""
                        ));
                    }
                    Part::Extensions(alternatives)
                }
                other => {
                    return Err(format!(
                        "has an unknown placeholder `{{{other}}}` (use {{path}} and {{locale}})"
                    ));
                }
            });
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_owned()));
        }
        let count = |p: Part| parts.iter().filter(|q| **q == p).count();
        if count(Part::Path) != 1 {
            return Err(format!("must contain `{{path}}` exactly once: \"{text}\""));
        }
        if count(Part::Locale) > 1 {
            return Err(format!(
                "must contain `{{locale}}` at most once: \"{text}\""
            ));
        }
        for pair in parts.windows(2) {
            if !matches!(pair[0], Part::Literal(_)) && !matches!(pair[1], Part::Literal(_)) {
                return Err(format!(
                    "needs text between `{{path}}` and `{{locale}}`: \"{text}\""
                ));
            }
        }
        Ok(Pattern {
            text: text.to_owned(),
            parts,
        })
    }

    pub fn has_locale(&self) -> bool {
        self.parts.contains(&Part::Locale)
    }

    /// The pattern with `{locale}` replaced.
    pub fn with_locale(&self, locale: &str) -> Pattern {
        let mut text = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(l) => text.push_str(l),
                Part::Locale => text.push_str(locale),
                Part::Path => text.push_str("{path}"),
                Part::Extensions(set) => {
                    text.push('{');
                    text.push_str(&set.join(","));
                    text.push('}');
                }
            }
        }
        Pattern::parse(&text).expect("replacing {locale} keeps a valid pattern")
    }

    /// The path for a page path and locale. With an extension set, a page
    /// path that ends in one of its other extensions keeps it; any other
    /// gets the first.
    pub fn render(&self, locale: &str, path: &str) -> String {
        let kept = self.parts.iter().find_map(|p| match p {
            Part::Extensions(set) => set[1..]
                .iter()
                .find(|e| {
                    path.strip_suffix(e.as_str())
                        .is_some_and(|p| p.ends_with('.') && p.len() > 1)
                })
                .map(String::as_str),
            _ => None,
        });
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(l) => out.push_str(l),
                Part::Locale => out.push_str(locale),
                Part::Path => match kept {
                    Some(ext) => out.push_str(&path[..path.len() - ext.len() - 1]),
                    None => out.push_str(path),
                },
                Part::Extensions(set) => out.push_str(kept.unwrap_or(&set[0])),
            }
        }
        out
    }

    /// The literal folder before the first placeholder: where to look for matching files.
    pub fn base_dir(&self) -> &str {
        let first = match self.parts.first() {
            Some(Part::Literal(l)) => l.as_str(),
            _ => "",
        };
        first.rfind('/').map_or("", |i| &first[..=i])
    }

    /// Whether the pattern (a path written by bitext) stays inside its root:
    /// not absolute, and no `..` component.
    pub fn stays_inside(&self) -> bool {
        !self.text.starts_with('/')
            && !self.text.starts_with('\\')
            && !self.text.get(1..3).is_some_and(|s| s.starts_with(":"))
            && !self.text.split(['/', '\\']).any(|c| c == "..")
    }

    /// Matches a `/`-separated path, giving the locale (if the pattern has
    /// one) and the page path (with its extension when it is not the first
    /// of an extension set).
    pub fn matches<'p>(&self, path: &'p str) -> Option<(Option<&'p str>, &'p str)> {
        let mut captures = (None, None, None);
        matches_from(&self.parts, path, &mut captures).then(|| {
            let (locale, page, ext) = captures;
            let page = page.expect("a pattern has a {path}");
            let page = match ext {
                // The page, its dot and its extension follow one another in `path`.
                Some(ext) => {
                    let start = page.as_ptr() as usize - path.as_ptr() as usize;
                    &path[start..start + page.len() + 1 + ext.len()]
                }
                None => page,
            };
            (locale, page)
        })
    }
}

/// The locale, the page path and, when it is not an extension set's
/// first, the extension matched.
type Captures<'p> = (Option<&'p str>, Option<&'p str>, Option<&'p str>);

fn matches_from<'p>(parts: &[Part], path: &'p str, captures: &mut Captures<'p>) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return path.is_empty();
    };
    match part {
        Part::Literal(l) => path
            .strip_prefix(l.as_str())
            .is_some_and(|p| matches_from(rest, p, captures)),
        Part::Extensions(set) => set.iter().enumerate().any(|(k, ext)| {
            captures.2 = (k > 0).then(|| &path[..ext.len().min(path.len())]);
            path.strip_prefix(ext.as_str())
                .is_some_and(|p| matches_from(rest, p, captures))
        }),
        Part::Locale => {
            let max = path.find(['/', '.']).unwrap_or(path.len());
            (1..=max).any(|len| {
                captures.0 = Some(&path[..len]);
                matches_from(rest, &path[len..], captures)
            })
        }
        Part::Path => {
            // Followed only by a literal (`{path}.md`): one length can match.
            if let [Part::Literal(suffix)] = rest {
                let page = path.strip_suffix(suffix.as_str()).filter(|p| !p.is_empty());
                captures.1 = page;
                return page.is_some_and(|p| !p.starts_with('/'));
            }
            // The shortest page path first, so that `{path}.{locale}.md` takes `x` from `x.it.md`.
            (1..=path.len())
                .filter(|&len| path.is_char_boundary(len))
                .any(|len| {
                    captures.1 = Some(&path[..len]);
                    !path[..len].starts_with('/') && matches_from(rest, &path[len..], captures)
                })
        }
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
