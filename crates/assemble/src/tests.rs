//! Tests of splicing and re-indentation.

use model::{Skeleton, Slot};

use crate::assemble;

/// A skeleton of `!!! note\n\n    <slot>\n` whose source text had two lines,
/// the second lazily continued without indentation.
fn admonition() -> Skeleton {
    Skeleton {
        text: "!!! note\n\n    \n".to_owned(),
        slots: vec![Slot {
            at: 14,
            separators: vec!["\n".to_owned()],
            continuation: "\n    ".into(),
        }],
    }
}

#[test]
fn source_separators_come_first_then_the_continuation() {
    let out = assemble(&admonition(), &["one\ntwo\nthree"]).expect("one text per slot");
    assert_eq!(out, "!!! note\n\n    one\ntwo\n    three\n");
}

#[test]
fn shorter_text_uses_fewer_separators() {
    let out = assemble(&admonition(), &["uno"]).expect("one text per slot");
    assert_eq!(out, "!!! note\n\n    uno\n");
}

#[test]
fn wrong_number_of_texts_is_an_error() {
    let err = assemble(&admonition(), &["a", "b"]).expect_err("two texts for one slot");
    assert_eq!(
        err.to_string(),
        "the skeleton has 1 slots but 2 texts were given"
    );
}
