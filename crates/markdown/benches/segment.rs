//! Segments the whole corpus, single-threaded, next to a bare pulldown-cmark
//! pass over the same bytes (the floor).

fn main() {
    divan::main();
}
