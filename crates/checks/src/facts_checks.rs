//! Checks of each aligned pair: numbers, links, images, code, markup,
//! names and text left untranslated; and source links with no counterpart.

use std::collections::BTreeMap;

use model::SegmentKind;

use crate::placement::Facts;
use crate::{Check, Finding, Page};

/// The items of `a` missing from `b`, as multisets, in `a`'s order.
pub(crate) fn missing<'x>(a: &'x [String], b: &[String]) -> Vec<&'x str> {
    if a.is_empty() {
        return Vec::new();
    }
    // Small sides (nearly always): each of `b` taken once, marked in a word.
    if b.len() <= 64 {
        let mut taken = 0u64;
        let mut out = Vec::new();
        for x in a {
            match (0..b.len()).find(|&k| taken & (1 << k) == 0 && b[k] == *x) {
                Some(k) => taken |= 1 << k,
                None => out.push(x.as_str()),
            }
        }
        return out;
    }
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for x in b {
        *left.entry(x.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for x in a {
        match left.get_mut(x.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(x.as_str()),
        }
    }
    out
}

/// Small numbers an English text says in words (cardinals, ordinals and
/// multiplicatives up to ten).
fn said_small(text: &str) -> Vec<u32> {
    const WORDS: [(&str, u32); 34] = [
        ("one", 1),
        ("single", 1),
        ("once", 1),
        ("first", 1),
        ("a", 1),
        ("an", 1),
        ("two", 2),
        ("twice", 2),
        ("second", 2),
        ("double", 2),
        ("both", 2),
        ("pair", 2),
        ("three", 3),
        ("third", 3),
        ("thrice", 3),
        ("triple", 3),
        ("four", 4),
        ("fourth", 4),
        ("five", 5),
        ("fifth", 5),
        ("six", 6),
        ("sixth", 6),
        ("seven", 7),
        ("seventh", 7),
        ("eight", 8),
        ("eighth", 8),
        ("nine", 9),
        ("ninth", 9),
        ("ten", 10),
        ("tenth", 10),
        ("dozen", 12),
        ("half", 2),
        ("quarter", 4),
        ("twelve", 12),
    ];
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let lower = word.to_ascii_lowercase();
        if let Some((_, v)) = WORDS.iter().find(|(w, _)| *w == lower)
            && !out.contains(v)
        {
            out.push(*v);
        }
    }
    out
}

/// `missing`/`extra` as a message part: "`1000` is missing; `100` is not in the source".
fn difference(what: &str, missing: &[&str], extra: &[&str]) -> Option<String> {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!(
            "the source's {what} {} {} missing",
            list(missing),
            verb(missing.len())
        ));
    }
    if !extra.is_empty() {
        parts.push(format!(
            "{} {} not in the source",
            list(extra),
            verb(extra.len())
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A URL compared without a trailing slash, case in scheme and host, and
/// path segments or a first host label naming a locale (`/en/`,
/// `hc/en-us`, `en.wikipedia.org`): localised targets are the same link.
/// Also the locale it named, if any.
fn normal_url(url: &str) -> (String, Option<String>) {
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

/// Lower-case words of three letters or more outside names, code and URLs:
/// what makes a text language.
fn prose_words(text: &str, names: &[String]) -> usize {
    // Without code, URLs and link targets, nor HTML tags.
    let mut prose = align::prose(text);
    while let Some(open) = prose.find('<') {
        let Some(len) = prose[open..].find('>') else {
            break;
        };
        prose.replace_range(open..=open + len, " ");
    }
    prose
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase))
        .filter(|w| !names.iter().any(|n| n == w))
        .count()
}

/// Whether `text` has `phrase`, ignoring case, between word boundaries.
fn contains_words(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    let mut from = 0;
    while let Some(k) = text[from..].find(&phrase) {
        let at = from + k;
        let end = at + phrase.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whether `text` has the words of `phrase` in order, each word allowed a
/// different ending when it has five letters or more (`traghetto` and
/// `traghetti`, `banchina` and `banchine`).
fn contains_inflected(text: &str, phrase: &str) -> bool {
    let stem = |w: &str| -> String {
        let w = w.to_lowercase();
        let n = w.chars().count();
        if n >= 5 {
            w.chars().take(n - 1).collect()
        } else {
            w
        }
    };
    let wanted: Vec<String> = phrase.split_whitespace().map(stem).collect();
    if wanted.is_empty() {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let fits = |word: &str, stem: &str| {
        if stem.chars().count() >= 4 {
            word.starts_with(stem) && word.chars().count() <= stem.chars().count() + 2
        } else {
            word == stem
        }
    };
    words.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(word, stem)| fits(word, stem))
    })
}

/// English words that other languages do not share (not `of`, `we`,
/// `was`, `also`, `will`: Dutch or German words too), for telling a
/// segment left in English in a page of another language.
pub(crate) const ENGLISH: &[&str] = &[
    "the", "and", "to", "with", "that", "this", "you", "your", "are", "which", "from", "can",
    "have", "has", "they", "their", "what", "when", "should", "would", "there", "these", "those",
    "been", "more", "than", "such", "other", "only", "into", "about", "some", "it's", "don't",
    "doesn't", "isn't", "our", "were", "how", "while",
];

/// Whether `text` reads as English in a page whose language is another:
/// eight words or more, a fifth of them common English words.
pub(crate) fn in_english(page: &Page<'_>, text: &str) -> bool {
    use align::Language;
    if page.source_reading.language != Language::English
        || page.reading.language == Language::English
    {
        return false;
    }
    let prose = align::prose(text);
    // A fifth of eight words or more is two English words at least: a
    // text without two (most translations) needs no full count.
    if english_most(&prose, 2) < 2 {
        return false;
    }
    let (words, english) = english_count_prose(&prose);
    words >= 8 && english * 5 >= words
}

/// At least the number of common English words in `prose` that
/// [`english_count`] finds, or `enough` if that many are found first:
/// runs of ASCII letters and apostrophes, lower-cased, with any other byte
/// between them. A word the full count finds is all ASCII, bounded by
/// characters that are no letters, so it is such a run too (a character
/// beyond ASCII that lower-cases to ASCII, the Kelvin sign, gives `k`,
/// which no common word has).
pub(crate) fn english_most(prose: &str, enough: usize) -> usize {
    let mut found = 0;
    let mut word = [0u8; 8];
    let mut len = 0;
    // Past the end of the last run, one more byte that ends it.
    for &b in prose.as_bytes().iter().chain(b" ") {
        if b.is_ascii_alphabetic() || b == b'\'' {
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
            continue;
        }
        if len > 0
            && len <= word.len()
            && std::str::from_utf8(&word[..len]).is_ok_and(|w| english_words().contains(w))
        {
            found += 1;
            if found >= enough {
                return found;
            }
        }
        len = 0;
    }
    found
}

/// How many words the prose of `text` has once lower-cased (runs of
/// letters and apostrophes), and how many of them are common English words.
/// Counted as each character is lower-cased, without a lower-cased copy:
/// only a word all in ASCII can be a common English word, so only such a
/// word is kept to be looked up.
#[cfg(test)]
pub(crate) fn english_count(text: &str) -> (usize, usize) {
    english_count_prose(&align::prose(text))
}

/// [`english_count`] of a text's prose.
fn english_count_prose(prose: &str) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    let mut word = String::new();
    let (mut in_word, mut ascii) = (false, true);
    let mut take = |c: char| {
        if c.is_alphabetic() || c == '\'' {
            if !in_word {
                (in_word, ascii) = (true, true);
                word.clear();
            }
            if c.is_ascii() {
                word.push(c);
            } else {
                ascii = false;
            }
        } else if in_word {
            in_word = false;
            words += 1;
            if ascii && english_words().contains(word.as_str()) {
                english += 1;
            }
        }
    };
    for c in prose.chars() {
        if c.is_ascii() {
            take(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut take);
        }
    }
    take(' ');
    (words, english)
}

/// [`ENGLISH`] as a set: every word of every translated segment is looked up.
fn english_words() -> &'static model::hash::FastSet<&'static str> {
    static SET: std::sync::OnceLock<model::hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| ENGLISH.iter().copied().collect())
}

/// Segments the aligner left unpaired on both sides between the same two
/// pairs, taken in order by family of kinds when the gap is small (three
/// segments or fewer on each side): most likely translations whose facts
/// are wrong, which is what the checks are for.
pub(crate) fn gap_pairs(page: &Page<'_>) -> Vec<(usize, usize)> {
    let alignment = page.alignment;
    let mut out = Vec::new();
    let mut starts: Vec<(usize, usize)> = vec![(0, 0)];
    starts.extend(
        alignment
            .pairs
            .iter()
            .map(|p| (p.source + 1, p.translation + 1)),
    );
    let ends = alignment
        .pairs
        .iter()
        .map(|p| (p.source, p.translation))
        .chain([(page.source.len(), page.translation.len())]);
    for (&(s0, t0), (s1, t1)) in starts.iter().zip(ends) {
        if s1 <= s0 || t1 <= t0 || s1 - s0 > 3 || t1 - t0 > 3 {
            continue;
        }
        let mut next = s0;
        for t in t0..t1 {
            let kind = align::kind_family(page.translation[t].kind);
            if let Some(s) = (next..s1).find(|&s| align::kind_family(page.source[s].kind) == kind) {
                out.push((s, t));
                next = s + 1;
            }
        }
    }
    out
}

pub(crate) fn pairs(page: &Page<'_>, facts: &Facts<'_>, out: &mut Vec<Finding>) {
    let alignment = page.alignment;
    let mut checked = alignment.one_to_one();
    checked.extend(gap_pairs(page));
    // Abbreviations the source page defines (`*[HTML]: Hyper Text …`).
    // (Most pages have none: one search of the whole text says so.)
    let abbreviations: Vec<&str> = if page.source_text.contains("*[") {
        page.source_text
            .split('\n')
            .filter_map(|l| l.strip_prefix("*[")?.split_once("]:").map(|(k, _)| k))
            .filter(|k| !k.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    for (si, ti) in checked {
        let (s, t) = (&page.source[si], &page.translation[ti]);
        let (fs, ft) = (&facts.source[si], &facts.translation[ti]);
        let finding = |check: Check, message: String| Finding {
            check,
            severity: check.default_severity(),
            line: t.line,
            source_line: Some(s.line),
            segment_id: Some(s.id.to_string()),
            message,
            related: Vec::new(),
        };
        if s.text == t.text {
            if prose_words(&s.text, &fs.names) >= 4 {
                out.push(finding(
                    Check::Untranslated,
                    format!("{} left as the source has it", s.kind),
                ));
            }
            continue;
        }
        for (term, wanted) in page.glossary {
            if contains_words(&s.text, term) && !contains_inflected(&t.text, wanted) {
                out.push(finding(
                    Check::Glossary,
                    format!("the source says “{term}”; the glossary's translation “{wanted}” is not here"),
                ));
            }
        }
        if in_english(page, &t.text) {
            out.push(finding(
                Check::Untranslated,
                format!("{} in English, though not the source's text", t.kind),
            ));
            continue;
        }
        if let Some(ratio) = page.ratio {
            let (sc, tc) = (s.text.chars().count() as f32, t.text.chars().count() as f32);
            let expected = ratio * sc;
            if sc >= 80.0 && (tc < 0.4 * expected || tc > 2.5 * expected) {
                out.push(finding(
                    Check::Length,
                    format!(
                        "{} characters where about {} are usual ({} in the source)",
                        tc as usize, expected as usize, sc as usize
                    ),
                ));
            }
        }
        // A small number spelled out on one side may be an idiom on that
        // side (`zero benefits`, `a due fattori` for `second factor`).
        let small_words = |n: &str, f: &align::Facts| {
            f.spelled.iter().any(|x| x == n) && n.parse::<u32>().is_ok_and(|v| v <= 10)
        };
        // A month named on one side may be a number on the other
        // (`Sept 30, 2021` and `2021年9月30日`).
        let months = |text: &str, language| -> Vec<String> {
            align::months(text, language)
                .into_iter()
                .map(|m| m.to_string())
                .collect()
        };
        let (source_months, months_here) = (
            months(&s.text, page.source_reading.language),
            months(&t.text, page.reading.language),
        );
        let gone: Vec<&str> = missing(&fs.numbers, &ft.numbers)
            .into_iter()
            .filter(|n| !small_words(n, fs) && !months_here.iter().any(|m| m == n))
            .collect();
        // English says `one`, `a single`, `first`, `twice` where others
        // write a digit (`1つ以上` for "one or more"): small numbers the
        // source says in such words are no new fact.
        let said = said_small(&s.text);
        let added: Vec<&str> = missing(&ft.numbers, &fs.numbers)
            .into_iter()
            .filter(|n| !small_words(n, ft) && !source_months.iter().any(|m| m == n))
            .filter(|n| !n.parse::<u32>().is_ok_and(|v| said.contains(&v)))
            .collect();
        if let Some(m) = difference("number", &gone, &added) {
            out.push(finding(Check::Numbers, m));
        }
        // The project's rules first: `/en/` in the source may be `/it/` here.
        let localised = |u: &str| -> String {
            match page.link_rules.iter().find(|(a, _)| u.contains(a.as_str())) {
                Some((a, b)) => u.replacen(a.as_str(), b, 1),
                None => u.to_owned(),
            }
        };
        let (su, sl): (Vec<String>, Vec<Option<String>>) =
            fs.urls.iter().map(|u| normal_url(&localised(u))).unzip();
        let (tu, tl): (Vec<String>, Vec<Option<String>>) =
            ft.urls.iter().map(|u| normal_url(u)).unzip();
        let mut gone: Vec<usize> = Vec::new();
        let mut left: Vec<Option<usize>> = (0..tu.len()).map(Some).collect();
        for (k, u) in su.iter().enumerate() {
            match left.iter_mut().find(|x| x.is_some_and(|j| tu[j] == *u)) {
                Some(slot) => *slot = None,
                None => gone.push(k),
            }
        }
        let mut added: Vec<usize> = left.into_iter().flatten().collect();
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
        let gone: Vec<&str> = gone.iter().map(|&k| fs.urls[k].as_str()).collect();
        let added: Vec<&str> = added.iter().map(|&j| ft.urls[j].as_str()).collect();
        if let Some(m) = difference("link", &gone, &added) {
            out.push(finding(Check::Links, m));
        }
        if let Some(m) = difference(
            "image",
            &missing(&fs.images, &ft.images),
            &missing(&ft.images, &fs.images),
        ) {
            out.push(finding(Check::Images, m));
        }
        if let Some(m) = difference(
            "code span",
            &missing(&fs.code, &ft.code),
            &missing(&ft.code, &fs.code),
        ) {
            out.push(finding(Check::Code, m));
        }
        if let Some(m) = difference(
            "macro or shortcode",
            &missing(&fs.placeholders, &ft.placeholders),
            &missing(&ft.placeholders, &fs.placeholders),
        ) {
            out.push(finding(Check::Structure, m));
        }
        let mut markup = Vec::new();
        for (what, a, b) in [
            ("links", fs.links, ft.links),
            ("strong spans", fs.strong, ft.strong),
            ("emphasis spans", fs.emphasis, ft.emphasis),
            ("attribute lists", fs.attributes, ft.attributes),
        ] {
            if a != b {
                markup.push(format!("{a} {what} in the source, {b} here"));
            }
        }
        if let Some(m) = difference(
            "icon",
            &missing(&fs.icons, &ft.icons),
            &missing(&ft.icons, &fs.icons),
        ) {
            markup.push(m);
        }
        let used = |text: &str| -> Vec<String> {
            abbreviations
                .iter()
                .filter(|a| contains_words(text, a) && text.contains(*a))
                .map(|a| (*a).to_owned())
                .collect()
        };
        let (sa, ta) = (used(&s.text), used(&t.text));
        if let Some(m) = difference("abbreviation", &missing(&sa, &ta), &[]) {
            markup.push(m);
        }
        if let Some(m) = difference(
            "footnote reference",
            &missing(&fs.footnotes, &ft.footnotes),
            &missing(&ft.footnotes, &fs.footnotes),
        ) {
            markup.push(m);
        }
        if !markup.is_empty() {
            out.push(finding(Check::Markup, markup.join("; ")));
        }
        // Names as sets: a translation may say "it" the second time.
        let set = |names: &[String]| {
            let mut v = names.to_vec();
            v.sort();
            v.dedup();
            v
        };
        let (sn, tn) = (set(&fs.names), set(&ft.names));
        // A learned name is evidence where the source has it; one the
        // translation adds is reported only when configured.
        let configured = |n: &&str| {
            page.reading
                .names
                .is_some_and(|names| names.is_configured(n))
        };
        let added: Vec<&str> = missing(&tn, &sn).into_iter().filter(configured).collect();
        // A name written in lower case in the prose is still there
        // (`internet`; not `signal` of a URL).
        // (The words are lower-cased only when a name is missing.)
        let mut gone: Vec<&str> = missing(&sn, &tn);
        if !gone.is_empty() {
            let lower: Vec<String> = align::prose(&t.text)
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            gone.retain(|n| {
                let n = n.to_lowercase();
                !lower
                    .iter()
                    .any(|w| *w == n || w.strip_suffix('s') == Some(n.as_str()))
            });
        }
        // Headings are in title case, and translated freely.
        if s.kind != SegmentKind::Heading
            && let Some(m) = difference("name", &gone, &added)
        {
            out.push(finding(Check::Names, m));
        }
    }
    // Translated segments that pair with nothing and are in English.
    for &k in &alignment.unpaired_translation {
        let t = &page.translation[k];
        if in_english(page, &t.text) {
            out.push(Finding {
                check: Check::Untranslated,
                severity: Check::Untranslated.default_severity(),
                line: t.line,
                source_line: None,
                segment_id: None,
                message: format!("{} in English, with no counterpart in the source", t.kind),
                related: Vec::new(),
            });
        }
    }
    // A link of the source (a button, a download link) that nothing in the
    // translation renders: reported where it would be.
    for &k in &alignment.unpaired_source {
        let s = &page.source[k];
        if s.kind != SegmentKind::LinkText {
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
        });
    }
}
