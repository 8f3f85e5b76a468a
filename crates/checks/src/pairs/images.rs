//! Images: the image sources of the pair, which a translation keeps.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// The images of the pair that differ.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    difference(
        "image",
        &missing(&fs.images, &ft.images),
        &missing(&ft.images, &fs.images),
    )
    .map(|m| pair.finding(Check::Images, m))
}
