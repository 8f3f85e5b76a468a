//! Fuzzes the segmenter: no panic on any UTF-8 input, the round trip holds,
//! and replacing every text with a multi-line one still assembles.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (doc, _) = markdown::segment(src);
    let rebuilt = assemble::assemble(&doc.skeleton, &doc.texts()).expect("one text per slot");
    assert_eq!(rebuilt, src);
    let texts = vec!["uno\ndue"; doc.segments.len()];
    assemble::assemble(&doc.skeleton, &texts).expect("one text per slot");
});
