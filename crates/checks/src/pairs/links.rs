//! Links: link targets and URLs of the pair, a localised target (`/en/`
//! as `/it/`, the site's page in another language) being the same link;
//! and a source link (a button) that nothing in the translation renders.

use model::SegmentKind;

use crate::{Check, Finding, Page};

use super::{Pair, difference};

/// A URL compared without a trailing slash, case in scheme and host, and
/// path segments or a first host label naming a locale (`/en/`,
/// `hc/en-us`, `en.wikipedia.org`): localised targets are the same link.
/// Also the locale it named, if any.
fn normal_url(url: &str) -> (String, Option<String>) {
    // The fragment names a heading, which a translation translates.
    let url = url.split('#').next().unwrap_or_default();
    let url = url.trim_end_matches('/');
    let (head, path) = match url.find("://") {
        Some(k) => {
            let rest = &url[k + 3..];
            let host_end = rest.find('/').map_or(url.len(), |p| k + 3 + p);
            (url[..host_end].to_ascii_lowercase(), &url[host_end..])
        }
        None => (String::new(), url),
    };
    let mut locale: Option<String> = None;
    let head = match head.split_once("://") {
        Some((scheme, host)) => match host.split_once('.') {
            Some((first, rest)) if is_locale_code(first) && rest.contains('.') => {
                locale = Some(first.to_owned());
                format!("{scheme}://{{locale}}.{rest}")
            }
            _ => head.clone(),
        },
        None => head,
    };
    let path: Vec<&str> = path
        .split('/')
        .filter(|part| {
            let code = is_locale_code(part);
            if code && locale.is_none() {
                locale = Some(part.to_ascii_lowercase());
            }
            !code
        })
        .collect();
    (format!("{head}{}", path.join("/")), locale)
}

/// `url` relative to a page at `base` (`/docs/what-is/`) as the site's
/// absolute path: `../platforms/` is `/docs/platforms/`. Absolute paths,
/// URLs with a scheme, fragments, labels and macros are as they are.
fn absolute(url: &str, base: &str) -> String {
    let relative = !(url.is_empty()
        || url.starts_with(['/', '#', '[', '{', '?'])
        || url.contains("://")
        || url.contains(':') && url.split(':').next().is_some_and(|s| !s.contains('/')));
    if !relative {
        return url.to_owned();
    }
    let (path, rest) = match url.find(['#', '?']) {
        Some(k) => url.split_at(k),
        None => (url, ""),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let slash = if path.ends_with('/') { "/" } else { "" };
    format!("/{}{slash}{rest}", parts.join("/"))
}

/// The host of a normalised URL.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    rest.split('/').next().unwrap_or_default()
}

fn is_locale_code(part: &str) -> bool {
    let mut pieces = part.split(['-', '_']);
    let first = pieces.next().unwrap_or_default();
    let rest: Vec<&str> = pieces.collect();
    first.len() == 2
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && rest.len() <= 1
        && rest
            .iter()
            .all(|r| (2..=4).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The links of the pair that differ.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft, page) = (pair.fs, pair.ft, pair.page);
    // The project's rules first: `/en/` in the source may be `/it/` here.
    let localised = |u: &str| -> String {
        match page.link_rules.iter().find(|(a, _)| u.contains(a.as_str())) {
            Some((a, b)) => u.replacen(a.as_str(), b, 1),
            None => u.to_owned(),
        }
    };
    // A reference link's label (`[observability]`) is its definition's URL;
    // labels match without case, and a line break in one is a space.
    let resolve = |u: &str, defined: &std::collections::HashMap<String, String>| -> String {
        u.strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .and_then(|l| defined.get(&super::label_key(l)))
            .map_or_else(|| u.to_owned(), Clone::clone)
    };
    let (defined_in_source, defined_here) = pair.references;
    let site_path = |u: String| match page.url {
        Some(base) => absolute(&u, base),
        None => u,
    };
    let (su, sl): (Vec<String>, Vec<Option<String>>) = fs
        .urls
        .iter()
        .map(|u| normal_url(&localised(&site_path(resolve(u, defined_in_source)))))
        .unzip();
    let (tu, tl): (Vec<String>, Vec<Option<String>>) = ft
        .urls
        .iter()
        .map(|u| normal_url(&site_path(resolve(u, defined_here))))
        .unzip();
    let mut gone: Vec<usize> = Vec::new();
    let mut left: Vec<Option<usize>> = (0..tu.len()).map(Some).collect();
    for (k, u) in su.iter().enumerate() {
        match left.iter_mut().find(|x| x.is_some_and(|j| tu[j] == *u)) {
            Some(slot) => *slot = None,
            None => gone.push(k),
        }
    }
    // A link the translated page has as often as the source page moved
    // with its row or sentence (a table whose rows the translation orders
    // another way): it is not lost.
    gone.retain(|&k| !kept_on_page(page, &fs.urls[k]));
    // A link the translation makes with a macro (MDN's `{{Glossary}}`) is there.
    let macros_here = super::macro_targets(ft);
    gone.retain(|&k| !super::renders_macro(&fs.urls[k], &macros_here));
    // A link that writes out a macro of the source (MDN's `{{domxref}}`) is not new.
    let macros = super::macro_targets(fs);
    let mut added: Vec<usize> = left
        .into_iter()
        .flatten()
        .filter(|&j| !super::renders_macro(&ft.urls[j], &macros))
        .collect();
    // The site's page in another language, whose path may be translated
    // too (`en.wikipedia.org/wiki/Parcel_locker` and
    // `it.wikipedia.org/wiki/Paccomat`, `/en-us/…` and `/it-it/…`): the
    // same link, localised. The same locale on both sides is not.
    gone.retain(|&k| {
        let twin = added.iter().position(|&j| {
            sl[k].is_some() && tl[j].is_some() && sl[k] != tl[j] && host(&su[k]) == host(&tu[j])
        });
        if let Some(p) = twin {
            added.remove(p);
        }
        twin.is_none()
    });
    // Links the translation only adds (a term linked to its page, a
    // Wikipedia article) rarely harm: 2 of 14 labelled findings were true.
    // A link changed or lost is the fact.
    if gone.is_empty() {
        return None;
    }
    let gone: Vec<&str> = gone.iter().map(|&k| fs.urls[k].as_str()).collect();
    let added: Vec<&str> = added.iter().map(|&j| ft.urls[j].as_str()).collect();
    difference("link", &gone, &added).map(|m| pair.finding(Check::Links, m))
}

/// Whether the targets of the links on source line `line` are in the
/// translation as often as in the source: the link is there, its text
/// translated past recognition (`Collector` as `コレクター`) or moved a
/// few lines.
fn target_kept(page: &Page<'_>, line: usize) -> bool {
    let Some(text) = page.source_text.lines().nth(line.saturating_sub(1)) else {
        return false;
    };
    let urls = align::facts(text).urls;
    !urls.is_empty()
        && urls.iter().all(|u| {
            page.text.matches(u.as_str()).count() >= page.source_text.matches(u.as_str()).count()
        })
}

/// Whether the translated page links to `url` (as written) at least as
/// often as the source page.
fn kept_on_page(page: &Page<'_>, url: &str) -> bool {
    let here = link_targets(page.text, url);
    here > 0 && here >= link_targets(page.source_text, url)
}

/// How many times `text` has `url` where a link's target is written: after
/// `(`, `<`, a quote or a blank (a reference definition, a bare URL), and
/// ending there (`url-moved` is another target). The same text after a
/// full-width parenthesis is no link.
fn link_targets(text: &str, url: &str) -> usize {
    text.match_indices(url)
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + url.len()..].chars().next();
            matches!(before, Some('(' | '<' | '"' | '\'' | ' ' | '\t'))
                && after.is_none_or(|c| matches!(c, ')' | '>' | '"' | '\'' | ' ' | '\t' | '\n'))
        })
        .count()
}

/// Source links that pair with nothing, reported where they would be.
pub(super) fn unpaired(page: &Page<'_>, out: &mut Vec<Finding>) {
    let alignment = page.alignment;
    for &k in &alignment.unpaired_source {
        let s = &page.source[k];
        if s.kind != SegmentKind::LinkText || target_kept(page, s.line) {
            continue;
        }
        let before = alignment
            .pairs
            .iter()
            .filter(|p| p.source < k)
            .map(|p| page.translation[p.translation].line)
            .max()
            .unwrap_or(1);
        out.push(Finding {
            check: Check::Links,
            severity: Check::Links.default_severity(),
            line: before,
            source_line: Some(s.line),
            segment_id: Some(s.id.to_string()),
            message: format!(
                "the source's link `{}` (line {}) is missing after this line",
                s.text.replace('\n', " "),
                s.line
            ),
            related: Vec::new(),
            confidence: 1.0,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_target_counts_where_a_link_writes_it() {
        let text = "See [Tor](tor.md), <https://a.example/>, not [Tor]（tor.md）.\n\n[x]: tor.md\n";
        assert_eq!(super::link_targets(text, "tor.md"), 2);
        assert_eq!(super::link_targets(text, "https://a.example/"), 1);
        assert_eq!(
            super::link_targets("[a](https://a.example/x-moved)", "https://a.example/x"),
            0
        );
    }

    #[test]
    fn relative_links_are_read_from_the_page_address() {
        let base = "/docs/what-is-opentelemetry/";
        let cases = [
            ("../platforms/faas/", "/docs/platforms/faas/"),
            ("./sdk/#setup", "/docs/what-is-opentelemetry/sdk/#setup"),
            ("concepts", "/docs/what-is-opentelemetry/concepts"),
            ("/docs/platforms/", "/docs/platforms/"),
            ("https://example.org/a/", "https://example.org/a/"),
            ("#heading", "#heading"),
            ("mailto:someone@example.org", "mailto:someone@example.org"),
            ("[label]", "[label]"),
        ];
        for (url, want) in cases {
            assert_eq!(super::absolute(url, base), want, "{url}");
        }
    }
}
