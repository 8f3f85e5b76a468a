//! Developer commands: `cargo xtask ci | bless | bench | precision | man | tidy`.

mod bench;
mod dialects;
mod history;
mod man;
mod precision;
mod scale;
mod tidy;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let ok = match task.as_str() {
        "ci" => {
            run(&root, &["fmt", "--all", "--check"], &[])
                && run(
                    &root,
                    &[
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                    &[],
                )
                && run(&root, &["test", "--workspace"], &[])
        }
        "bless" => run(&root, &["test", "--workspace"], &[("UPDATE_EXPECT", "1")]),
        "bench" => bench::run(&root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "precision" => precision::run(&root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "man" => man::run(&root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "tidy" => {
            let problems = tidy::check(&root);
            for p in &problems {
                eprintln!("{p}");
            }
            problems.is_empty()
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <ci|bless|bench|precision|man|tidy>\n  ci     fmt --check, clippy -D warnings, tests\n  bless  rewrite expect-test snapshots (review the diff)\n  bench  bitext and the peer tools side by side on the corpus (release build),\n         then sites of 1k, 10k and 50k pages generated from it\n         (`bench peers`, `bench scale [PAGES…]`, `bench dialects`,
         `bench history`: one part)\n  man    the man pages, from the CLI's grammar, into target/man (or DIR)\n  tidy   file headers and dependency direction\n  precision  how many findings are true, on the labelled set (PRECISION.md);\n         `precision sample N FILE`: findings to label"
            );
            false
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root)
        .status();
    status.is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    #[test]
    fn workspace_is_tidy() {
        let problems = crate::tidy::check(&crate::workspace_root());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
