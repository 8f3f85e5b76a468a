//! A short, stable fingerprint of a source text: 64-bit FNV-1a, written as
//! 16 hex digits. Stable across platforms and versions, unlike `std`'s hasher.

use std::fmt;

/// The fingerprint of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(u64);

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in text.as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Fingerprint(hash)
    }

    /// Reads the 16 hex digits that [`Display`](fmt::Display) writes.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        if text.len() != 16 {
            return None;
        }
        u64::from_str_radix(text, 16).ok().map(Fingerprint)
    }

    /// Whether this is the fingerprint of `text`.
    pub fn matches(self, text: &str) -> bool {
        Fingerprint::of(text) == self
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}
