//! Catalogs of UI strings (any `.ftl` that is not a page catalog): what
//! compare-locales checks between a locale's file and the source locale's.
//! Missing and obsolete messages, variables and references that differ,
//! and plural variants missing for the locale's CLDR categories.

use std::collections::BTreeSet;

use fluent_syntax::ast::{
    Attribute, CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
    VariantKey,
};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::Result;
use crate::read::{line_of_id, parse_resource};

/// A message or term of a UI catalog, as compared across locales.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UiEntry {
    /// A term's id keeps its `-`.
    pub id: String,
    pub line: usize,
    /// `$name` variables used.
    pub variables: BTreeSet<String>,
    /// Messages and terms referred to (`-brand`, `other-message`).
    pub references: BTreeSet<String>,
    pub attributes: BTreeSet<String>,
    /// The variant keys of each select whose keys are plural categories.
    pub plurals: Vec<BTreeSet<String>>,
}

/// A difference between a locale's UI catalog and the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiProblem {
    /// The line in the locale's file (1 for a message it lacks).
    pub line: usize,
    pub message: String,
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Reads a UI catalog; syntax errors (Junk) are errors with their line.
pub fn parse_ui(src: &str) -> Result<Vec<UiEntry>> {
    let (resource, errors) = parse_resource(src);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut cursor = crate::read::Cursor::default();
    let mut out = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut e = UiEntry {
            line: line_of_id(src, &id, &mut cursor),
            id,
            ..UiEntry::default()
        };
        if let Some(value) = value {
            pattern(value, &mut e);
        }
        for Attribute { id, value } in attributes {
            e.attributes.insert(id.name.to_owned());
            pattern(value, &mut e);
        }
        out.push(e);
    }
    Ok(out)
}

fn pattern(p: &Pattern<&str>, e: &mut UiEntry) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, e);
        }
    }
}

fn expr(x: &Expression<&str>, e: &mut UiEntry) {
    match x {
        Expression::Inline(i) => inline(i, e),
        Expression::Select { selector, variants } => {
            inline(selector, e);
            let keys: BTreeSet<String> = variants
                .iter()
                .map(|v| match &v.key {
                    VariantKey::Identifier { name } => (*name).to_owned(),
                    VariantKey::NumberLiteral { value } => (*value).to_owned(),
                })
                .collect();
            if keys.iter().any(|k| CATEGORIES.contains(&k.as_str()))
                && keys
                    .iter()
                    .all(|k| CATEGORIES.contains(&k.as_str()) || k.parse::<f64>().is_ok())
            {
                e.plurals.push(keys);
            }
            for v in variants {
                pattern(&v.value, e);
            }
        }
    }
}

fn inline(i: &InlineExpression<&str>, e: &mut UiEntry) {
    match i {
        InlineExpression::VariableReference { id } => {
            e.variables.insert(id.name.to_owned());
        }
        InlineExpression::MessageReference { id, .. } => {
            e.references.insert(id.name.to_owned());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            e.references.insert(format!("-{}", id.name));
            if let Some(a) = arguments {
                call(a, e);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => call(arguments, e),
        InlineExpression::Placeable { expression } => expr(expression, e),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn call(a: &CallArguments<&str>, e: &mut UiEntry) {
    for p in &a.positional {
        inline(p, e);
    }
    for n in &a.named {
        inline(&n.value, e);
    }
}

/// The CLDR cardinal plural categories of a locale (`it`: one, many, other),
/// found by asking its rules about integers and decimals; `None` for a
/// locale CLDR does not know.
pub fn plural_categories(locale: &str) -> Option<BTreeSet<&'static str>> {
    let id: LanguageIdentifier = locale.replace('_', "-").parse().ok()?;
    let rules = PluralRules::create(id.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            let language: LanguageIdentifier = id.language.as_str().parse().map_err(|_| "")?;
            PluralRules::create(language, PluralRuleType::CARDINAL)
        })
        .ok()?;
    let mut found = BTreeSet::new();
    let numbers = (0..=200u64)
        .chain([1_000, 10_000, 100_000, 1_000_000, 10_000_000])
        .map(|n| n.to_string())
        .chain(["0.0", "0.5", "1.0", "1.5", "2.5", "10.5", "100.5"].map(str::to_owned));
    for n in numbers {
        if let Ok(category) = rules.select(n.as_str()) {
            found.insert(match category {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            });
        }
    }
    Some(found)
}

/// What a locale's UI catalog (`target`, in `locale`) lacks or adds
/// against the source locale's (`source`).
pub fn compare_ui(source: &[UiEntry], target: &[UiEntry], locale: &str) -> Vec<UiProblem> {
    let mut out = Vec::new();
    let categories = plural_categories(locale);
    let list = |set: &BTreeSet<String>, sigil: &str| {
        set.iter()
            .map(|x| format!("`{sigil}{x}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for s in source {
        let Some(t) = target.iter().find(|t| t.id == s.id) else {
            out.push(UiProblem {
                line: 1,
                message: format!("`{}` is missing (source line {})", s.id, s.line),
            });
            continue;
        };
        let differ = |what: &str, a: &BTreeSet<String>, b: &BTreeSet<String>, sigil: &str| {
            let gone: BTreeSet<String> = a.difference(b).cloned().collect();
            let added: BTreeSet<String> = b.difference(a).cloned().collect();
            let mut parts = Vec::new();
            if !gone.is_empty() {
                parts.push(format!("lacks the source's {what} {}", list(&gone, sigil)));
            }
            if !added.is_empty() {
                parts.push(format!(
                    "has {what} {} the source does not",
                    list(&added, sigil)
                ));
            }
            (!parts.is_empty()).then(|| format!("`{}` {}", t.id, parts.join(" and ")))
        };
        for message in [
            differ("variables", &s.variables, &t.variables, "$"),
            differ("references", &s.references, &t.references, ""),
            differ("attributes", &s.attributes, &t.attributes, "."),
        ]
        .into_iter()
        .flatten()
        {
            out.push(UiProblem {
                line: t.line,
                message,
            });
        }
        if let Some(categories) = &categories {
            for keys in &t.plurals {
                let lacking: Vec<&str> = categories
                    .iter()
                    .copied()
                    .filter(|c| !keys.contains(*c))
                    .collect();
                if !lacking.is_empty() {
                    out.push(UiProblem {
                        line: t.line,
                        message: format!(
                            "`{}`: plural variants {} missing for {locale} (which has {})",
                            t.id,
                            lacking
                                .iter()
                                .map(|c| format!("`[{c}]`"))
                                .collect::<Vec<_>>()
                                .join(", "),
                            categories.iter().copied().collect::<Vec<_>>().join(", ")
                        ),
                    });
                }
            }
        }
    }
    for t in target {
        if !source.iter().any(|s| s.id == t.id) {
            out.push(UiProblem {
                line: t.line,
                message: format!("`{}` is obsolete: the source has no such message", t.id),
            });
        }
    }
    out
}
