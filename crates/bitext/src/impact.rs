//! `bitext status --changed-since REV`: a change's impact on the
//! translations, in Markdown (a pull request's step summary or comment)
//! or JSON.

use project::Impact;
use serde::Serialize;

/// The impact as Markdown: the source pages changed, then the translated
/// pages changed.
pub(crate) fn markdown(impact: &Impact, rev: &str) -> String {
    let mut out = format!(
        "## Translation impact of the changes since `{rev}` ({})\n\n",
        &impact.base[..impact.base.len().min(10)]
    );
    if impact.sources.is_empty() && impact.translations.is_empty() {
        out.push_str("No source page and no translation changed.\n");
        return out;
    }
    if !impact.sources.is_empty() {
        out.push_str("**Source pages changed**\n\n| page | change | translations made stale |\n|---|---|---|\n");
        for s in &impact.sources {
            let change = match s.change {
                "factual" => {
                    let facts: Vec<String> = s.facts.iter().map(|f| format!("`{f}`")).collect();
                    format!("factual: {}", facts.join(", "))
                }
                "cosmetic" => "cosmetic (translations stay current)".to_owned(),
                "added" => "a new page (to translate)".to_owned(),
                other => other.to_owned(),
            };
            let stale: Vec<&str> = s.stale.iter().map(|l| l.as_str()).collect();
            out.push_str(&format!(
                "| `{}` | {change} | {} |\n",
                s.page,
                if stale.is_empty() {
                    "none".to_owned()
                } else {
                    stale.join(", ")
                }
            ));
        }
        out.push('\n');
    }
    if !impact.translations.is_empty() {
        out.push_str(
            "**Translations changed**\n\n| locale | page | after the change |\n|---|---|---|\n",
        );
        for t in &impact.translations {
            out.push_str(&format!("| {} | `{}` | {} |\n", t.locale, t.page, t.state));
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct ImpactJson<'a> {
    version: u32,
    base: &'a str,
    sources: Vec<SourceJson<'a>>,
    translations: Vec<TranslationJson<'a>>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    page: &'a str,
    change: &'a str,
    facts: &'a [String],
    stale: Vec<&'a str>,
}

#[derive(Serialize)]
struct TranslationJson<'a> {
    locale: &'a str,
    page: &'a str,
    state: &'a str,
}

/// The impact as JSON.
pub(crate) fn json(impact: &Impact) -> String {
    let json = ImpactJson {
        version: crate::output::JSON_VERSION,
        base: &impact.base,
        sources: impact
            .sources
            .iter()
            .map(|s| SourceJson {
                page: &s.page,
                change: s.change,
                facts: &s.facts,
                stale: s.stale.iter().map(|l| l.as_str()).collect(),
            })
            .collect(),
        translations: impact
            .translations
            .iter()
            .map(|t| TranslationJson {
                locale: t.locale.as_str(),
                page: &t.page,
                state: t.state,
            })
            .collect(),
    };
    let mut text = serde_json::to_string(&json).expect("plain data");
    text.push('\n');
    text
}
