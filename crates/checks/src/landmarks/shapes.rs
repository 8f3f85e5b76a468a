//! How two pages' landmarks compare: as a careful reader would, a
//! shortcode's quoted words may be translated and its paths may not, a
//! closer matches by name, a cross-reference by its target however
//! written, and an MDN live sample by the heading it shows.

use crate::Page;

/// A landmark's shape as two pages' are compared: a quoted argument that
/// reads as words (`name="Traces"`, a label the site's shortcode shows)
/// and a bare word after a shortcode's name (`{{% include
/// keep-up-to-date.md adopter %}}`, a word its include writes in a
/// sentence) may be translated; paths, addresses, numbers and versions
/// may not, but a site path is the same with or without its leading slash
/// and locale (`url="docs/collector/"` on a localised home page); a
/// macro's target is the same with dots or slashes.
pub(super) fn compared(shape: &str) -> String {
    // A cross-reference names its page with dots or slashes alike
    // (`Temporal.ZonedDateTime/hour`, `Temporal/ZonedDateTime/hour`).
    if shape.starts_with("{{") && !shape.starts_with("{{<") && !shape.starts_with("{{%") {
        let shape = match shape.split_once('(') {
            Some((name, argument)) => format!("{name}({}", align::without_locale(argument)),
            None => shape.to_owned(),
        };
        return shape.replace('.', "/");
    }
    // Hugo closes a shortcode by its name, whichever delimiters.
    if let Some(name) = ["{{< /", "{{% /"]
        .iter()
        .find_map(|open| shape.strip_prefix(open))
    {
        let name = name.trim_end_matches(['}', '>', '%', ' ']);
        return format!("{{{{/{name}}}}}");
    }
    let shortcode = shape.starts_with("{{<") || shape.starts_with("{{%");
    let mut out = String::with_capacity(shape.len());
    for (k, part) in shape.split('"').enumerate() {
        if k > 0 {
            out.push('"');
        }
        let inside = k % 2 == 1;
        if !inside {
            out.push_str(&match shortcode {
                true => bare_words_masked(part, k == 0),
                false => part.to_owned(),
            });
            continue;
        }
        let words = part.chars().any(char::is_alphabetic)
            && !part.contains(['/', '.', ':', '{', '<'])
            && !matches!(part, "true" | "false");
        if words {
            out.push('…');
        } else if shortcode && part.contains('/') && !part.contains("://") {
            out.push_str(align::without_locale(&format!(
                "/{}",
                part.trim_start_matches('/')
            )));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// `part` of a shortcode outside quotes with its bare words (letters
/// only, not `true` or `false`) as `…`; when it is the shortcode's start,
/// its name is kept.
fn bare_words_masked(part: &str, start: bool) -> String {
    let mut named = !start;
    part.split(' ')
        .map(|token| {
            let word = !token.is_empty()
                && token.chars().all(char::is_alphabetic)
                && !matches!(token, "true" | "false");
            if token.starts_with("{{") || token.is_empty() {
                return token;
            }
            if !named {
                // The first token after `{{<` is the name.
                named = true;
                return token;
            }
            if word { "…" } else { token }
        })
        .collect::<Vec<&str>>()
        .join(" ")
}

/// Which page a heading is looked up in.
#[derive(Clone, Copy)]
pub(super) enum Side {
    Source,
    Translation,
}

/// The headings an MDN live sample names (`{{EmbedLiveSample("Using_counters")}}`
/// shows the code under the heading "Using counters"), on each side: a
/// translation translates the heading, and the argument with it, so a
/// sample compares by the translated heading its source heading pairs
/// with.
pub(super) struct LiveSamples {
    /// The source's headings as a sample names them, with the translated
    /// heading each pairs with, if any.
    source: Vec<(String, Option<usize>)>,
    /// The translation's headings as a sample names them, with their index.
    translation: Vec<(String, usize)>,
}

/// A heading as a live sample's argument names it (`using_counters`).
fn sample_name(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            ' ' | '-' | '_' => Some('_'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

impl LiveSamples {
    pub(super) fn of(page: &Page<'_>) -> LiveSamples {
        if !page.text.contains("LiveSample") && !page.text.contains("livesample") {
            return LiveSamples {
                source: Vec::new(),
                translation: Vec::new(),
            };
        }
        let heading = |s: &model::Segment| s.kind == model::SegmentKind::Heading;
        let source = page
            .source
            .iter()
            .enumerate()
            .filter(|(_, s)| heading(s))
            .map(|(k, s)| {
                let paired = page.alignment.pairs.iter().find(|p| p.source == k);
                (sample_name(&s.text), paired.map(|p| p.translation))
            })
            .collect();
        let translation = page
            .translation
            .iter()
            .enumerate()
            .filter(|(_, s)| heading(s))
            .map(|(k, s)| (sample_name(&s.text), k))
            .collect();
        LiveSamples {
            source,
            translation,
        }
    }

    /// `shape`, a live sample's, naming the translated heading it shows
    /// (`{{embedlivesample(#12)}}`) where that is known. A translation may
    /// keep the source's name (then it compares as the source's sample
    /// does) or name its own heading.
    pub(super) fn compared(&self, shape: &str, side: Side) -> String {
        let Some(argument) = shape
            .strip_prefix("{{embedlivesample(")
            .and_then(|a| a.strip_suffix(")}}"))
        else {
            return shape.to_owned();
        };
        let name = sample_name(argument);
        let as_source = || {
            self.source
                .iter()
                .find(|(h, _)| *h == name)
                .map(|(_, paired)| *paired)
        };
        let heading = match side {
            Side::Source => as_source().flatten(),
            Side::Translation => match as_source() {
                Some(paired) => paired,
                None => self
                    .translation
                    .iter()
                    .find(|(h, _)| *h == name)
                    .map(|(_, k)| *k),
            },
        };
        match heading {
            Some(k) => format!("{{{{embedlivesample(#{k})}}}}"),
            None => format!("{{{{embedlivesample({name})}}}}"),
        }
    }
}
