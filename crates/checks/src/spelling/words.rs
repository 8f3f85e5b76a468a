//! The words of a translation's prose worth a dictionary's look.

/// A word of `prose` worth a dictionary's look.
pub(super) struct Candidate<'p> {
    pub word: &'p str,
    /// The character written right after it (`.` of `usw.`, `-` of
    /// `Sicherheits-`), if any.
    pub after: Option<char>,
}

/// The words of `prose` worth a dictionary's look: whitespace-separated,
/// punctuation around them set aside; none that holds a digit or code
/// punctuation once that is done (`octicons-heart-16`, `e.g`, `a/b`).
pub(super) fn candidates(prose: &str) -> impl Iterator<Item = Candidate<'_>> {
    const CODE: &str = "_/\\@#=<>{}|~^*+:.";
    prose.split_whitespace().filter_map(|chunk| {
        let word = chunk.trim_matches(|c: char| !c.is_alphabetic());
        if word.is_empty()
            || chunk.chars().any(|c| c.is_ascii_digit())
            || word.chars().any(|c| CODE.contains(c))
        {
            return None;
        }
        let lead = chunk.len() - chunk.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let after = chunk[lead + word.len()..].chars().next();
        worth_spelling(word).then_some(Candidate { word, after })
    })
}

/// A word of letters (an apostrophe or hyphen inside), not an acronym,
/// not in camel case, three letters or more.
fn worth_spelling(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    // `HTTPS`, `DNSSEC`; `WhatsApp`, `iOS`, `YouTube`.
    let acronym = upper == letters || upper >= 2;
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    !acronym && !inner_capital
}

/// `lower` with its first letter a capital (`Seleziona`).
pub(super) fn capitalised(lower: &str) -> String {
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
