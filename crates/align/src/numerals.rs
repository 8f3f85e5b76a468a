//! Numbers as other scripts write them: every decimal digit of Unicode
//! (Arabic-Indic `٣`, Persian `۳`, Devanagari `३`, full-width `３`, …) read
//! as its ASCII digit, with the Arabic decimal and group separators;
//! Chinese and Japanese numerals before a counter (`三个`, `十五分钟`,
//! `二つ`), where they can mean nothing else; and month names, which a
//! translation may write as a number (`Sept 30` is `9月30日`).

use crate::words::Language;

/// The zeros of Unicode's blocks of decimal digits (each block is the ten
/// digits from its zero), besides ASCII.
const ZEROS: [u32; 22] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0xFF10,
];

/// The ASCII digit a Unicode decimal digit stands for.
pub(crate) fn digit_of(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let code = c as u32;
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| char::from_digit(code - zero, 10))
}

/// `text` with every decimal digit made ASCII and the Arabic separators
/// (`٫` decimal, `٬` group) made `.` and `,`; borrowed when there is none.
pub(crate) fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| !c.is_ascii() && (digit_of(c).is_some() || matches!(c, '٫' | '٬')))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '٫' => '.',
                '٬' => ',',
                c => digit_of(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// Whether a letter before a digit makes one word of them (`v2`, `H2O`,
/// `COVID19`): letters of the scripts that write numbers apart from words.
/// In Chinese, Japanese, Korean, Arabic, Hebrew, Indic or Thai text, a
/// digit right after a letter is a number of its own (`安卓10`, `ב2021`).
pub(crate) fn glues(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphabetic() && ((c as u32) < 0x0590 || (0x1E00..0x2000).contains(&(c as u32))))
}

/// The value of a Chinese or Japanese numeral character.
fn numeral(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' | '萬' => 10_000,
        _ => return None,
    })
}

/// Counters and units after which a Chinese or Japanese numeral is a
/// number (`十分` is "enough", `一本` "a copy": those are left out).
const COUNTERS: &str =
    "个個种種名位次件台つ人年月日天周週秒倍条條项項步章节節页頁张張层層岁歳款份组組";

/// Counters of two characters.
const COUNTER_PAIRS: [&str; 4] = ["小时", "小時", "分钟", "分鐘"];

/// The value of a run of Chinese numerals (up to 99,999): `三` 3, `十五` 15,
/// `二十` 20, `一百零五` 105.
fn value(run: &[u32]) -> Option<u32> {
    let (mut total, mut digit) = (0u32, None::<u32>);
    for &n in run {
        if n < 10 {
            digit = Some(n);
        } else {
            total += digit.unwrap_or(1) * n;
            digit = None;
        }
    }
    total += digit.unwrap_or(0);
    Some(total)
}

/// Chinese and Japanese numerals followed by a counter (`三个`, `十五分钟`),
/// with their byte offsets.
pub(crate) fn cjk_numbers(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if numeral(chars[k].1).is_none() {
            k += 1;
            continue;
        }
        let start = k;
        let mut run = Vec::new();
        while let Some(n) = chars.get(k).and_then(|(_, c)| numeral(*c)) {
            run.push(n);
            k += 1;
        }
        let next = chars.get(k).map_or(text.len(), |(at, _)| *at);
        let counted = chars.get(k).is_some_and(|(_, c)| COUNTERS.contains(*c))
            || COUNTER_PAIRS.iter().any(|p| text[next..].starts_with(p));
        // One and two (`一`, `两个`, `零个`) are words more than facts; after `第`
        // a numeral is an ordinal (`第二个`, "the second"), a word.
        let lone_one = value(&run).is_some_and(|v| v <= 2);
        let ordinal = start > 0 && chars[start - 1].1 == '第';
        // `数百个`, `几十个`: "hundreds", "tens", no number.
        let approximate =
            start > 0 && matches!(chars[start - 1].1, '数' | '數' | '几' | '幾' | '好');
        if counted
            && !lone_one
            && !ordinal
            && !approximate
            && let Some(v) = value(&run)
        {
            out.push((chars[start].0, v.to_string()));
        }
    }
    out
}

/// The months named in `text` (in its language, and English), as numbers.
pub fn months(text: &str, language: Language) -> Vec<u32> {
    const EN: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const EN_SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
    ];
    let names: &[&str; 12] = match language {
        Language::Italian => &[
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        Language::French => &[
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        Language::German => &[
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ],
        Language::Spanish => &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        Language::Portuguese => &[
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
        Language::Dutch => &[
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        Language::English | Language::Other => &EN,
    };
    let mut out = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
    {
        let lower = word.to_lowercase();
        // English month names are words too (`may`, `march`): capitalised
        // only. Other languages write months in lower case.
        let own = (language != Language::English && language != Language::Other)
            .then(|| names.iter().position(|m| *m == lower))
            .flatten();
        let english = word
            .starts_with(char::is_uppercase)
            .then(|| EN.iter().chain(EN_SHORT.iter()).position(|m| *m == lower))
            .flatten();
        let found = own.or(english).map(|p| (p % 12) as u32 + 1);
        if let Some(m) = found
            && !out.contains(&m)
        {
            out.push(m);
        }
    }
    out
}
