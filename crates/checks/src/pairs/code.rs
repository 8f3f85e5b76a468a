//! Inline code: the code spans of the pair, never translated.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, macro_targets, missing, renders_macro};

/// Whether `word` is in `text` with no letter or digit either side (when
/// three characters or more; a shorter one in quotes): a code span
/// written without its backticks.
fn as_word(text: &str, word: &str) -> bool {
    if word.chars().count() < 3 {
        // A short span (`,`, `-x`) counts only quoted: `","`, `「,」`.
        return [
            ('"', '"'),
            ('\'', '\''),
            ('“', '”'),
            ('「', '」'),
            ('‘', '’'),
            ('«', '»'),
        ]
        .iter()
        .any(|(open, close)| text.contains(&format!("{open}{word}{close}")));
    }
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        !alnum(text[..at].chars().next_back()) && !alnum(text[at + word.len()..].chars().next())
    })
}

/// A code span that is a phrase (words of letters or digits, two or more:
/// an example passphrase, a label to type, `400 pixels`): a translation
/// may translate it.
fn phrase(code: &str) -> bool {
    code.contains(' ')
        && code.chars().any(char::is_alphabetic)
        && code
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '\'')
}

/// Text with no code punctuation: words in any script (a phrase's
/// translation, `ログレコード`).
fn plain(code: &str) -> bool {
    code.chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '\'')
}

/// Whether `a` and `b` are a word and its plural (`ServiceMonitors`,
/// `ServiceMonitor`): languages without plurals drop the `s`.
fn plural(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long
            .strip_prefix(short)
            .is_some_and(|s| s == "s" || s == "es")
}

/// Whether most letters of `text` are outside the Latin script.
fn non_latin(text: &str) -> bool {
    let (mut latin, mut other) = (0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > latin
}

/// `code` with each run of letters written `a`: what stays when its words
/// are translated (`type[/name]` and `tipo[/nome]` are both `a[/a]`).
fn skeleton(code: &str) -> String {
    let mut out = String::new();
    let mut in_word = false;
    for c in code.chars() {
        if c.is_alphabetic() {
            if !in_word {
                out.push('a');
            }
            in_word = true;
        } else {
            out.push(c);
            in_word = false;
        }
    }
    out
}

/// Whether `translated` is `code` with some of its words translated and
/// all else kept: the same skeleton, and the words are a placeholder's or
/// an example's. A changed identifier (`ip-address`, `ip`) changes the
/// skeleton.
fn words_translated(code: &str, translated: &str) -> bool {
    if skeleton(code) != skeleton(translated) || !code.chars().any(char::is_alphabetic) {
        return false;
    }
    // A placeholder's words (`<word>`, `[/name]`). Example text in code
    // (a passphrase, `Introduced by #987654`) is sometimes translated and
    // sometimes wrongly so: readers split on it; a changed word of a
    // command (`kubectl apply`) is a changed command.
    code.contains(['<', '['])
}

/// Whether `code`, a plain word (`secret`), is on the page as code with
/// its first letter in the other case (`Secret`): a term, which a
/// translation may capitalise as its sentence wants. Any other change of
/// case (`sed`, `SED`) is another word of code.
fn term_on_page(page: &str, code: &str) -> bool {
    if code.is_empty() || !code.chars().all(char::is_alphabetic) {
        return false;
    }
    let rest = |w: &str| w.chars().skip(1).collect::<String>();
    let first = |w: &str| w.chars().next().map(|c| c.to_lowercase().to_string());
    crate::code_spans(page)
        .any(|span| span != code && rest(span) == rest(code) && first(span) == first(code))
}

/// Whether `code` is an identifier in camel case whose words `text`
/// writes apart (`TraitDefinition` for "the trait definition").
fn spelled_apart(code: &str, text: &str) -> bool {
    if !code.chars().all(|c| c.is_ascii_alphabetic())
        || code.chars().filter(char::is_ascii_uppercase).count() < 2
    {
        return false;
    }
    let mut words = String::new();
    for (k, c) in code.char_indices() {
        if k > 0 && c.is_ascii_uppercase() {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    as_word(&text.to_lowercase(), &words)
}

/// Whether `a` and `b` differ only in a full stop or comma at the end: the
/// sentence's punctuation caught inside the span (`chaos-mes*.org.`).
fn same_but_final_stop(a: &str, b: &str) -> bool {
    let stop = ['.', ',', ';', ':', '。', '，'];
    a != b
        && a.trim_end_matches(stop) == b.trim_end_matches(stop)
        && !a.trim_end_matches(stop).is_empty()
}

/// Takes out of `added` the first span `fits`, if any.
fn take(added: &mut Vec<&str>, fits: impl Fn(&str) -> bool) -> bool {
    match added.iter().position(|a| fits(a)) {
        Some(k) => {
            added.remove(k);
            true
        }
        None => false,
    }
}

/// The code spans of the pair that differ. Set aside: one that writes out
/// a macro of the source (`Window.scrollTo()` for
/// `{{domxref("Window.scrollTo")}}`), one the other side has without
/// backticks (`HEAD`), a plural the translation drops, and phrases the
/// translation translated (one for one, or into another script).
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let macros = macro_targets(fs);
    // A span the other page has as code elsewhere moved with its
    // sentence (the pairs around it disagree on where), it is no new code.
    let on_page = |text: &str, c: &str| text.contains(&format!("`{c}`"));
    let mut added: Vec<&str> = missing(&ft.code, &fs.code)
        .into_iter()
        .filter(|c| !renders_macro(c, &macros) && !as_word(&pair.s.text, c))
        .filter(|c| !on_page(pair.page.source_text, c))
        .filter(|c| !term_on_page(pair.page.source_text, c))
        // Named from the source's code (a file, a column of its output,
        // `vela/op` in its listing): a translator who sets a name of the
        // source in backticks adds no code. Only names with code
        // punctuation: a plain word (`Trace`) is in any page's prose.
        .filter(|c| plain(c) || !as_word(pair.page.source_text, c))
        .filter(|c| !spelled_apart(c, &pair.s.text))
        .collect();
    let mut gone: Vec<&str> = missing(&fs.code, &ft.code)
        .into_iter()
        .filter(|c| !as_word(&pair.t.text, c) && !on_page(pair.page.text, c))
        // Elsewhere on the page with a placeholder's words translated
        // (`vela status <应用 name>`): it moved with its sentence.
        .filter(|c| !crate::code_spans(pair.page.text).any(|a| words_translated(c, a)))
        .collect();
    let translated_script = non_latin(&align::prose(&pair.t.text));
    gone.retain(|c| {
        let excused = take(&mut added, |a| plural(a, c))
            || ft.code.iter().any(|a| plural(a, c))
            || (phrase(c) && (take(&mut added, plain) || translated_script))
            || take(&mut added, |a| words_translated(c, a))
            || take(&mut added, |a| same_but_final_stop(a, c))
            || ft.code.iter().any(|a| same_but_final_stop(a, c));
        !excused
    });
    difference("code span", &gone, &added).map(|m| pair.finding(Check::Code, m))
}

#[cfg(test)]
mod tests {
    use super::{same_but_final_stop, spelled_apart, term_on_page, words_translated};

    #[test]
    fn a_term_in_another_case_and_a_caught_full_stop_are_the_same_code() {
        assert!(term_on_page("A Kubernetes `Secret` file.", "secret"));
        assert!(!term_on_page("A Kubernetes `Secret` file.", "Secret"));
        assert!(!term_on_page("Call `String.new`.", "string.new"));
        assert!(!term_on_page("Run `sed` on it.", "SED"));
        assert!(!term_on_page("A plain Secret here.", "secret"));
        assert!(same_but_final_stop("chaos-mes*.org.", "chaos-mes*.org"));
        assert!(!same_but_final_stop("1.2.", "1.3"));
        assert!(!same_but_final_stop("...", "."));
    }

    #[test]
    fn an_identifier_written_apart_is_the_source_s_words() {
        assert!(spelled_apart("TraitDefinition", "The trait definition is"));
        assert!(!spelled_apart("TraitDefinition", "The trait is defined"));
        assert!(!spelled_apart("Trait", "The trait is"));
        assert!(!spelled_apart("vela_up", "vela up"));
    }

    #[test]
    fn code_with_translated_words_keeps_its_skeleton() {
        for (code, translated) in [
            ("type[/name]", "tipo[/nome]"),
            ("cSpell:ignore <word>", "cSpell:ignore <palavra>"),
        ] {
            assert!(words_translated(code, translated), "{code} / {translated}");
        }
        for (code, changed) in [
            ("ip-address", "ip"),
            ("/api/attack/{uid}", "/api/attack/stress"),
            ("kubectl apply", "kubectl delete"),
            ("Introduced by #987654", "Introducido por #987654"),
            ("kubectl apply -f app.yaml", "kubectl delete -f app.yaml"),
            ("make", "build"),
            ("1.2.3", "1.2.4"),
        ] {
            assert!(!words_translated(code, changed), "{code} / {changed}");
        }
    }
}
