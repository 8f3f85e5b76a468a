//! Whole texts cut into lines, as pages are read line by line by the
//! segmenter's recovery and by the checks, many times over a check.

/// `text.split('\n')`, each line break found by memchr's vector search
/// (the standard library's looks for one character a word at a time).
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(&text[start..end]);
        start = end + 1;
    }
    out.push(&text[start..]);
    out
}

/// The length of a template placeholder at the start of `text`: a Hugo
/// shortcode (`{{< name args >}}`, `{{% name args %}}`, possibly over
/// several lines) or a macro (`{{Name}}`, `{{Name(args)}}` on one line).
pub fn placeholder_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("{{")?;
    let close = match rest.as_bytes().first()? {
        b'<' => ">}}",
        b'%' => "%}}",
        _ => {
            if !rest
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
            {
                return None;
            }
            let end = rest.find("}}")?;
            if rest[..end].contains('\n') {
                return None;
            }
            return Some(2 + end + 2);
        }
    };
    let end = rest.find(close)?;
    Some(2 + end + close.len())
}

/// How a template placeholder compares, whatever the translation did with
/// its prose: a macro by its name in lower case and its first argument
/// (the target of a cross-reference; lower case, `_` for spaces), since
/// later arguments are often display text (`{{Glossary("aspect ratio",
/// "Seitenverhältnis")}}` is `{{glossary(aspect_ratio)}}`), an interactive
/// example by its name alone; a shortcode by its name and unquoted arguments
/// (quoted ones may be prose).
pub fn placeholder_shape(text: &str) -> String {
    let Some(inner) = text.strip_prefix("{{") else {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    if let Some(delimiter @ ('<' | '%')) = inner.chars().next() {
        let body = inner[1..]
            .trim_end_matches("}}")
            .trim_end_matches(delimiter)
            .trim();
        let mut words = Vec::new();
        let mut quote = None;
        for word in body.split_whitespace() {
            match quote {
                Some(q) => {
                    if word.ends_with(q) {
                        quote = None;
                    }
                }
                None => {
                    let value = word.split_once('=').map_or(word, |(_, v)| v);
                    match value.chars().next() {
                        Some(q @ ('"' | '\'' | '`')) => {
                            if value.len() == 1 || !value.ends_with(q) {
                                quote = Some(q);
                            }
                        }
                        _ => words.push(word),
                    }
                }
            }
        }
        return format!("{{{{{delimiter} {} {delimiter}}}}}", words.join(" "));
    }
    let body = inner.trim_end_matches("}}").trim();
    let name_len = body
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | ':')))
        .unwrap_or(body.len());
    let name = body[..name_len].to_lowercase();
    // An interactive example's argument is its title, which a translation
    // translates.
    if name == "interactiveexample" {
        return format!("{{{{{name}}}}}");
    }
    let args = body[name_len..].trim_start();
    let first = args
        .strip_prefix('(')
        // The one parenthesis that closes the list: an argument may end
        // in its own (`"Window.scrollTo()"`, and unquoted in a shape).
        .map(|a| a.strip_suffix(')').unwrap_or(a))
        .and_then(first_argument)
        .unwrap_or_default();
    if first.is_empty() {
        format!("{{{{{name}}}}}")
    } else {
        format!("{{{{{name}({first})}}}}")
    }
}

/// The first argument of a macro's argument list, unquoted, lower case,
/// spaces as `_`.
fn first_argument(args: &str) -> Option<String> {
    let args = args.trim_start();
    let raw = match args.chars().next()? {
        q @ ('"' | '\'') => {
            let end = args[1..].find(q)?;
            &args[1..1 + end]
        }
        _ => args.split(',').next()?.trim(),
    };
    Some(raw.trim().to_lowercase().replace(' ', "_"))
}
