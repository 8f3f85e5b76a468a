//! A fast hasher for short strings looked up by the thousand or the
//! million (message ids, the aligner's words, names and fact tokens):
//! FNV-1a, 64 bits. Not resistant to crafted collisions, which cost only
//! speed here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with [`Fnv`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;
