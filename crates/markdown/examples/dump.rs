//! Prints the segments of a file, for exploring the segmenter by hand.
fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).expect("readable file");
        let (doc, diags) = markdown::segment(&src);
        for s in &doc.segments {
            let containers: Vec<String> = s.containers.iter().map(ToString::to_string).collect();
            println!(
                "{:>4} {:<40} {:<16} [{}] {:?}",
                s.line,
                s.id.as_str(),
                s.kind.name(),
                containers.join(" > "),
                s.text
            );
        }
        for d in diags {
            println!("{:>4} ! {} {}", d.line, d.kind, d.message);
        }
    }
}
