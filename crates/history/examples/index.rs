//! Indexes the history of the repository holding the given folder and
//! prints how long it took, the commits and the paths: for measuring the
//! one walk every staleness question shares, on real repositories.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let started = std::time::Instant::now();
    let Ok(Some(repo)) = history::Repo::discover(std::path::Path::new(&dir)) else {
        eprintln!("{dir}: not in a git repository");
        std::process::exit(2);
    };
    // `--pages`: renames by similarity among Markdown pages only, as bitext indexes.
    let pages = std::env::args().any(|a| a == "--pages");
    let markdown = |p: &str| p.ends_with(".md") || p.ends_with(".mdx");
    let scope = history::Scope {
        similar: if pages { Some(&markdown) } else { None },
        ..history::Scope::default()
    };
    let index = match repo.index_with(&scope, &mut |_, _| {}) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    println!(
        "index {:.3} s, {} commits, {} paths",
        started.elapsed().as_secs_f64(),
        index.len(),
        index.paths()
    );
}
