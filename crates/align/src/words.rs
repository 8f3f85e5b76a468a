//! Spelled-out numbers: 0–100, round hundreds (100–900) and round
//! thousands (1,000–10,000) written as words in English, Italian, French,
//! German, Spanish, Portuguese and Dutch, generated from each language's
//! rules rather than listed.
//!
//! Words for 1 are left out in every language (they are also the indefinite
//! article: `un`, `une`, `uno`, `een`, `ein`, `um`, and English `one` as a
//! pronoun), and so is Italian `sei` (6, and "you are"); compounds that
//! contain them (`ventuno`, `vingt et un`, `einundzwanzig`) are kept.

use std::collections::HashMap;

use model::hash::{FastMap, FastSet};
use std::sync::LazyLock;

/// A language whose number words bitext knows, by a locale's first subtag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Italian,
    French,
    German,
    Spanish,
    Portuguese,
    Dutch,
    /// Any other: digits only.
    #[default]
    Other,
}

impl Language {
    /// The language of a locale code (`it`, `pt-BR`, `nl_BE`, `EN`).
    pub fn of_locale(code: &str) -> Language {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Language::English,
            "it" => Language::Italian,
            "fr" => Language::French,
            "de" => Language::German,
            "es" => Language::Spanish,
            "pt" => Language::Portuguese,
            "nl" => Language::Dutch,
            _ => Language::Other,
        }
    }
}

/// Number words that are more often something else: the indefinite
/// articles (and English `one` as a pronoun), Italian `sei` ("you are").
const AMBIGUOUS: &[&str] = &[
    "one", "uno", "una", "un", "une", "um", "uma", "een", "ein", "eine", "sei",
];

/// The number words of one language: lowercase phrase → value, and the
/// most words a phrase has.
pub(crate) struct Words {
    pub(crate) values: FastMap<String, u32>,
    /// The first word of every phrase: a quick test before building phrases.
    pub(crate) first: FastSet<String>,
    pub(crate) longest: usize,
}

impl Words {
    fn new(pairs: Vec<(String, u32)>) -> Words {
        let longest = pairs
            .iter()
            .map(|(w, _)| w.split(' ').count())
            .max()
            .unwrap_or(1);
        let values: FastMap<String, u32> = pairs
            .into_iter()
            .filter(|(w, _)| !AMBIGUOUS.contains(&w.as_str()))
            .collect();
        let first = values
            .keys()
            .map(|w| w.split(' ').next().unwrap_or_default().to_owned())
            .collect();
        Words {
            values,
            first,
            longest,
        }
    }
}

/// The number words of `language`, if it has any.
pub(crate) fn words(language: Language) -> Option<&'static Words> {
    static TABLES: LazyLock<HashMap<Language, Words>> = LazyLock::new(|| {
        [
            (Language::English, english()),
            (Language::Italian, italian()),
            (Language::French, french()),
            (Language::German, german()),
            (Language::Spanish, spanish()),
            (Language::Portuguese, portuguese()),
            (Language::Dutch, dutch()),
        ]
        .into_iter()
        .map(|(l, pairs)| (l, Words::new(pairs)))
        .collect()
    });
    TABLES.get(&language)
}

/// Numbers 0–19 and the tens 20–90 of a language.
struct Base {
    small: [&'static str; 20],
    tens: [&'static str; 8],
}

/// `n` hundred and `n` thousand, for `n` in 2..=9 and 2..=10.
/// Spanish and Portuguese hundreds from 200 (`doscientos`), each also in
/// its feminine form (`doscientas`).
fn gendered_hundreds(out: &mut Vec<(String, u32)>, hundreds: &[&str]) {
    for (k, h) in hundreds.iter().enumerate() {
        let n = 200 + 100 * k as u32;
        out.push(((*h).to_owned(), n));
        out.push((format!("{}as", &h[..h.len() - 2]), n));
    }
}

fn rounds(
    out: &mut Vec<(String, u32)>,
    small: &[&str],
    hundred: impl Fn(&str) -> Vec<String>,
    thousand: impl Fn(&str) -> Vec<String>,
) {
    for (n, word) in small.iter().enumerate().take(11).skip(2) {
        let n = n as u32;
        if n <= 9 {
            out.extend(hundred(word).into_iter().map(|w| (w, n * 100)));
        }
        out.extend(thousand(word).into_iter().map(|w| (w, n * 1000)));
    }
}

fn numbered(base: &Base) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = base
        .small
        .iter()
        .enumerate()
        .map(|(n, w)| ((*w).to_owned(), n as u32))
        .collect();
    out.extend(
        base.tens
            .iter()
            .enumerate()
            .map(|(k, w)| ((*w).to_owned(), 20 + 10 * k as u32)),
    );
    out
}

fn english() -> Vec<(String, u32)> {
    let base = Base {
        small: [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ],
        tens: [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ],
    };
    let mut out = numbered(&base);
    for (k, ten) in base.tens.iter().enumerate() {
        for (u, unit) in base.small.iter().enumerate().take(10).skip(1) {
            let n = 20 + 10 * k as u32 + u as u32;
            out.push((format!("{ten}-{unit}"), n));
            out.push((format!("{ten} {unit}"), n));
        }
    }
    for lead in ["a", "one"] {
        out.push((format!("{lead} hundred"), 100));
        out.push((format!("{lead} thousand"), 1000));
    }
    rounds(
        &mut out,
        &base.small,
        |w| vec![format!("{w} hundred")],
        |w| vec![format!("{w} thousand")],
    );
    out
}

fn italian() -> Vec<(String, u32)> {
    let base = Base {
        small: [
            "zero",
            "uno",
            "due",
            "tre",
            "quattro",
            "cinque",
            "sei",
            "sette",
            "otto",
            "nove",
            "dieci",
            "undici",
            "dodici",
            "tredici",
            "quattordici",
            "quindici",
            "sedici",
            "diciassette",
            "diciotto",
            "diciannove",
        ],
        tens: [
            "venti",
            "trenta",
            "quaranta",
            "cinquanta",
            "sessanta",
            "settanta",
            "ottanta",
            "novanta",
        ],
    };
    let mut out = numbered(&base);
    for (k, ten) in base.tens.iter().enumerate() {
        for (u, unit) in base.small.iter().enumerate().take(10).skip(1) {
            let n = 20 + 10 * k as u32 + u as u32;
            // The tens drop their vowel before uno and otto; tre takes an accent.
            let stem = if matches!(u, 1 | 8) {
                &ten[..ten.len() - 1]
            } else {
                ten
            };
            let unit = if u == 3 { "tré" } else { unit };
            out.push((format!("{stem}{unit}"), n));
            if u == 3 {
                out.push((format!("{stem}tre"), n));
            }
        }
    }
    out.push(("cento".to_owned(), 100));
    out.push(("mille".to_owned(), 1000));
    rounds(
        &mut out,
        &base.small,
        |w| vec![format!("{w}cento")],
        |w| vec![format!("{w}mila")],
    );
    out
}

fn french() -> Vec<(String, u32)> {
    let small = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
        "dix-neuf",
    ];
    let mut out: Vec<(String, u32)> = small
        .iter()
        .enumerate()
        .map(|(n, w)| ((*w).to_owned(), n as u32))
        .collect();
    out.push(("zero".to_owned(), 0));
    // 20–69: vingt, trente, quarante, cinquante, soixante (+ et un, -deux…).
    for (k, ten) in ["vingt", "trente", "quarante", "cinquante", "soixante"]
        .iter()
        .enumerate()
    {
        let base = 20 + 10 * k as u32;
        out.push(((*ten).to_owned(), base));
        out.push((format!("{ten} et un"), base + 1));
        out.push((format!("{ten}-et-un"), base + 1));
        for (u, unit) in small.iter().enumerate().take(10).skip(2) {
            out.push((format!("{ten}-{unit}"), base + u as u32));
        }
    }
    // 70–79: soixante-dix, soixante et onze, soixante-douze…
    out.push(("soixante-dix".to_owned(), 70));
    out.push(("soixante et onze".to_owned(), 71));
    out.push(("soixante-et-onze".to_owned(), 71));
    for (u, unit) in small.iter().enumerate().skip(12) {
        out.push((format!("soixante-{unit}"), 60 + u as u32));
    }
    // 80–99: quatre-vingts, quatre-vingt-un, … quatre-vingt-dix-neuf.
    out.push(("quatre-vingts".to_owned(), 80));
    for (u, unit) in small.iter().enumerate().skip(1) {
        out.push((format!("quatre-vingt-{unit}"), 80 + u as u32));
    }
    out.push(("cent".to_owned(), 100));
    out.push(("mille".to_owned(), 1000));
    rounds(
        &mut out,
        &small,
        |w| vec![format!("{w} cents")],
        |w| vec![format!("{w} mille")],
    );
    out
}

fn german() -> Vec<(String, u32)> {
    let base = Base {
        small: [
            "null",
            "eins",
            "zwei",
            "drei",
            "vier",
            "fünf",
            "sechs",
            "sieben",
            "acht",
            "neun",
            "zehn",
            "elf",
            "zwölf",
            "dreizehn",
            "vierzehn",
            "fünfzehn",
            "sechzehn",
            "siebzehn",
            "achtzehn",
            "neunzehn",
        ],
        tens: [
            "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
        ],
    };
    let mut out = numbered(&base);
    for (k, ten) in base.tens.iter().enumerate() {
        for (u, unit) in base.small.iter().enumerate().take(10).skip(1) {
            let unit = if u == 1 { "ein" } else { unit };
            out.push((format!("{unit}und{ten}"), 20 + 10 * k as u32 + u as u32));
        }
    }
    for lead in ["", "ein"] {
        out.push((format!("{lead}hundert"), 100));
        out.push((format!("{lead}tausend"), 1000));
    }
    rounds(
        &mut out,
        &base.small,
        |w| vec![format!("{w}hundert")],
        |w| vec![format!("{w}tausend")],
    );
    out
}

fn spanish() -> Vec<(String, u32)> {
    let small = [
        "cero",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
        "dieciséis",
        "diecisiete",
        "dieciocho",
        "diecinueve",
    ];
    let mut out: Vec<(String, u32)> = small
        .iter()
        .enumerate()
        .map(|(n, w)| ((*w).to_owned(), n as u32))
        .collect();
    out.push(("veinte".to_owned(), 20));
    let veinti = [
        "veintiuno",
        "veintidós",
        "veintitrés",
        "veinticuatro",
        "veinticinco",
        "veintiséis",
        "veintisiete",
        "veintiocho",
        "veintinueve",
    ];
    out.extend(
        veinti
            .iter()
            .enumerate()
            .map(|(k, w)| ((*w).to_owned(), 21 + k as u32)),
    );
    out.push(("veintiún".to_owned(), 21));
    for (k, ten) in [
        "treinta",
        "cuarenta",
        "cincuenta",
        "sesenta",
        "setenta",
        "ochenta",
        "noventa",
    ]
    .iter()
    .enumerate()
    {
        let base = 30 + 10 * k as u32;
        out.push(((*ten).to_owned(), base));
        for (u, unit) in small.iter().enumerate().take(10).skip(1) {
            out.push((format!("{ten} y {unit}"), base + u as u32));
        }
    }
    out.push(("cien".to_owned(), 100));
    out.push(("mil".to_owned(), 1000));
    let hundreds = [
        "doscientos",
        "trescientos",
        "cuatrocientos",
        "quinientos",
        "seiscientos",
        "setecientos",
        "ochocientos",
        "novecientos",
    ];
    gendered_hundreds(&mut out, &hundreds);
    rounds(
        &mut out,
        &small,
        |_| Vec::new(),
        |w| vec![format!("{w} mil")],
    );
    out
}

fn portuguese() -> Vec<(String, u32)> {
    let small = [
        "zero",
        "um",
        "dois",
        "três",
        "quatro",
        "cinco",
        "seis",
        "sete",
        "oito",
        "nove",
        "dez",
        "onze",
        "doze",
        "treze",
        "catorze",
        "quinze",
        "dezesseis",
        "dezessete",
        "dezoito",
        "dezenove",
    ];
    let mut out: Vec<(String, u32)> = small
        .iter()
        .enumerate()
        .map(|(n, w)| ((*w).to_owned(), n as u32))
        .collect();
    // European spellings and the feminine two.
    for (w, n) in [
        ("duas", 2),
        ("quatorze", 14),
        ("dezasseis", 16),
        ("dezassete", 17),
        ("dezanove", 19),
    ] {
        out.push((w.to_owned(), n));
    }
    for (k, ten) in [
        "vinte",
        "trinta",
        "quarenta",
        "cinquenta",
        "sessenta",
        "setenta",
        "oitenta",
        "noventa",
    ]
    .iter()
    .enumerate()
    {
        let base = 20 + 10 * k as u32;
        out.push(((*ten).to_owned(), base));
        for (u, unit) in small.iter().enumerate().take(10).skip(1) {
            out.push((format!("{ten} e {unit}"), base + u as u32));
        }
        out.push((format!("{ten} e uma"), base + 1));
        out.push((format!("{ten} e duas"), base + 2));
    }
    out.push(("cem".to_owned(), 100));
    out.push(("mil".to_owned(), 1000));
    let hundreds = [
        "duzentos",
        "trezentos",
        "quatrocentos",
        "quinhentos",
        "seiscentos",
        "setecentos",
        "oitocentos",
        "novecentos",
    ];
    gendered_hundreds(&mut out, &hundreds);
    rounds(
        &mut out,
        &small,
        |_| Vec::new(),
        |w| {
            let mut v = vec![format!("{w} mil")];
            if w == "dois" {
                v.push("duas mil".to_owned());
            }
            v
        },
    );
    out
}

fn dutch() -> Vec<(String, u32)> {
    let base = Base {
        small: [
            "nul",
            "een",
            "twee",
            "drie",
            "vier",
            "vijf",
            "zes",
            "zeven",
            "acht",
            "negen",
            "tien",
            "elf",
            "twaalf",
            "dertien",
            "veertien",
            "vijftien",
            "zestien",
            "zeventien",
            "achttien",
            "negentien",
        ],
        tens: [
            "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
        ],
    };
    let mut out = numbered(&base);
    for (k, ten) in base.tens.iter().enumerate() {
        for (u, unit) in base.small.iter().enumerate().take(10).skip(1) {
            let n = 20 + 10 * k as u32 + u as u32;
            // A unit ending in e joins with ën: tweeëntwintig, drieëntwintig.
            let joined = if unit.ends_with('e') {
                format!("{unit}ën{ten}")
            } else {
                format!("{unit}en{ten}")
            };
            out.push((joined, n));
        }
    }
    out.push(("honderd".to_owned(), 100));
    out.push(("duizend".to_owned(), 1000));
    out.push(("eenhonderd".to_owned(), 100));
    out.push(("eenduizend".to_owned(), 1000));
    rounds(
        &mut out,
        &base.small,
        |w| vec![format!("{w}honderd")],
        |w| vec![format!("{w}duizend")],
    );
    out
}
