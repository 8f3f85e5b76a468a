//! Prints the indented blocks of a file read as Markdown (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let (doc, _) = markdown::segment(&text);
    for b in markdown::indented_blocks(&text, &doc, &markdown::Options::default()) {
        println!(
            "before {} block {}-{}",
            b.line_before, b.first_line, b.last_line
        );
        for s in &b.segments {
            println!(
                "  {} {} {}",
                s.line,
                s.kind,
                s.text.chars().take(60).collect::<String>()
            );
        }
    }
}
