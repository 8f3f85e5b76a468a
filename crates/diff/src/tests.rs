//! Matching and word diffs, pinned on small cases.

use expect_test::{Expect, expect};
use model::SegmentKind;

use crate::{Item, match_segments, render_inline, word_diff};

fn items(texts: &[&'static str]) -> Vec<Item<'static>> {
    texts
        .iter()
        .map(|t| {
            let kind = if t.starts_with('#') {
                SegmentKind::Heading
            } else {
                SegmentKind::Paragraph
            };
            Item {
                kind,
                text: t.trim_start_matches('#'),
            }
        })
        .collect()
}

/// One line per new text: the old index it continues, or `new`.
#[track_caller]
fn check(old: &[&'static str], new: &[&'static str], expect: Expect) {
    let matched = match_segments(&items(old), &items(new));
    let mut out = String::new();
    for (text, m) in new.iter().zip(matched) {
        let from = m.map_or("new".to_owned(), |i| format!("old {i}"));
        out.push_str(&format!("{from:<6} {text}\n"));
    }
    expect.assert_eq(&out);
}

#[test]
fn equal_texts_match_in_order_and_duplicates_keep_their_order() {
    check(
        &["#Intro", "Homepage", "Homepage", "Last words here"],
        &["#Intro", "Homepage", "Homepage", "Last words here"],
        expect![[r#"
            old 0  #Intro
            old 1  Homepage
            old 2  Homepage
            old 3  Last words here
        "#]],
    );
}

#[test]
fn an_edited_paragraph_keeps_its_place() {
    check(
        &[
            "#Signal",
            "Signal is a mobile app for private messages.",
            "Download",
        ],
        &[
            "#Signal",
            "Signal is a mobile and desktop app for private messages.",
            "Download",
        ],
        expect![[r#"
            old 0  #Signal
            old 1  Signal is a mobile and desktop app for private messages.
            old 2  Download
        "#]],
    );
}

#[test]
fn a_moved_paragraph_follows_and_new_text_is_new() {
    check(
        &["One two three four five.", "#Heading", "Six seven eight."],
        &[
            "#Heading",
            "Six seven eight.",
            "One two three four five, six.",
            "Something else entirely.",
        ],
        expect![[r#"
            old 1  #Heading
            old 2  Six seven eight.
            old 0  One two three four five, six.
            new    Something else entirely.
        "#]],
    );
}

#[test]
fn equal_texts_match_across_kinds_but_similar_ones_do_not() {
    check(
        &["#Privacy tools", "#Tools for private messages"],
        &["Privacy tools", "Tools for private messages today"],
        expect![[r#"
            old 0  Privacy tools
            new    Tools for private messages today
        "#]],
    );
}

#[test]
fn unrelated_rewrite_is_new() {
    check(
        &["#A", "The quick brown fox jumps.", "#B"],
        &["#A", "Completely different words appear here now.", "#B"],
        expect![[r#"
            old 0  #A
            new    Completely different words appear here now.
            old 2  #B
        "#]],
    );
}

#[test]
fn word_diff_marks_removed_and_added_words() {
    let changes = word_diff("Groups of 100 members.", "Groups of 1000 members.");
    expect![[r#"Groups of [-100-]{+1000+} members."#]].assert_eq(&render_inline(&changes));
}
