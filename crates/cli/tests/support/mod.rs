//! What the CLI test binaries share: running bitext in-process.

use std::path::Path;

/// Runs the CLI in `dir`; returns (stdout, stderr, exit code).
pub fn run(dir: &Path, args: &[&str]) -> (String, String, u8) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("bitext")
        .chain(args.iter().copied())
        .map(Into::into);
    let code = cli::run_with(argv, dir, cli::Style::default(), &mut out, &mut err);
    let text = |b: Vec<u8>| String::from_utf8(b).expect("the CLI writes UTF-8");
    (text(out), text(err), code)
}
