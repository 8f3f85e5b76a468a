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
