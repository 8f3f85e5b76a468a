//! The command line: parses arguments with clap, calls `project`, renders
//! reports as text or JSON and maps outcomes to exit codes (0 clean,
//! 1 findings, 2 the run failed). The only crate that knows clap, stdout and
//! exit codes.

mod align;
mod args;
mod catalogs;
mod check;
mod diff;
mod export;
mod files;
mod github;
mod impact;
mod import;
mod output;
mod pending;
mod progress;
mod report;
mod segments;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use args::{Args, Command};
pub use output::Style;

/// The command-line grammar, for completions and the man page.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Args::command()
}

/// Runs bitext with the process's stdout and stderr.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let colour = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let style = Style {
        colour,
        quiet: false,
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // Neither stream stays locked for the run: a worker thread's panic
    // message (or any line it writes to stderr) would wait for the lock
    // forever and the run would hang instead of failing.
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut err = std::io::stderr();
    let code = run_with(args, &cwd, style, &mut out, &mut err);
    let _ = out.flush();
    ExitCode::from(code)
}

/// Runs bitext in `cwd`, writing to the given streams; returns the exit code.
pub fn run_with(
    args: impl IntoIterator<Item = OsString>,
    cwd: &std::path::Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = if style.colour {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            let stream: &mut dyn Write = if e.use_stderr() { err } else { out };
            let _ = write!(stream, "{text}");
            return code;
        }
    };
    let style = Style {
        colour: match args.color {
            args::Colour::Auto => style.colour,
            args::Colour::Always => true,
            args::Colour::Never => false,
        },
        quiet: args.quiet,
    };
    let _lock = match access(&args) {
        None => None,
        Some(access) => match lock(&args, cwd, access, style, err) {
            Ok(lock) => Some(lock),
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}: {}",
                    style.error("error"),
                    relative_message(&e.to_string(), cwd)
                );
                LOADED.with(|c| c.borrow_mut().take());
                return 2;
            }
        },
    };
    if args.verbose {
        verbose(&args, cwd, err);
    }
    let result = match &args.command {
        Command::Segments(cmd) => segments::run(cmd, &args, cwd, style, out, err),
        Command::Files(cmd) => files::run(cmd, &args, cwd, style, out),
        Command::Sync(cmd) => catalogs::sync(cmd, &args, cwd, style, out),
        Command::Build(cmd) => catalogs::build(cmd, &args, cwd, style, out, err),
        Command::Status(cmd) => catalogs::status(cmd, &args, cwd, style, out, err),
        Command::Pending(cmd) => pending::run(cmd, &args, cwd, out),
        Command::Export(cmd) => export::run(cmd, &args, cwd, out),
        Command::Align(cmd) => align::run(cmd, &args, cwd, style, out),
        Command::Import(cmd) => import::run(cmd, &args, cwd, style, out, err),
        Command::Check(cmd) => check::run(cmd, &args, cwd, style, out, err),
        Command::Diff(cmd) => diff::run(cmd, &args, cwd, style, out, err),
        Command::Report(cmd) => report::run(cmd, &args, cwd, style, out, err),
        Command::Completions(cmd) => {
            clap_complete::generate(cmd.shell, &mut command(), "bitext", out);
            Ok(0)
        }
    };
    let notices = LOADED
        .with(|c| c.borrow_mut().take().map(|c| c.notices()))
        .unwrap_or_default();
    for path in &notices.skipped {
        let _ = writeln!(
            err,
            "{}: skipped {}: not UTF-8 text (a pattern without an extension matches images too; write `{{path}}.md` or `{{path}}.{{md,mdx}}`)",
            style.warning("warning"),
            relative_message(&path.display().to_string(), cwd)
        );
    }
    for (link, ancestor) in &notices.loops {
        let _ = writeln!(
            err,
            "{}: {} is a link loop (it leads back to {}); it was not followed: remove or fix the link",
            style.error("error"),
            relative_message(&link.display().to_string(), cwd),
            relative_message(&ancestor.display().to_string(), cwd)
        );
    }
    // A loop in the tree fails the run, after its report.
    let failed = if notices.loops.is_empty() { 0 } else { 2 };
    match result {
        Ok(code) => code.max(failed),
        Err(e) => {
            let _ = writeln!(
                err,
                "{}: {}",
                style.error("error"),
                relative_message(&e.to_string(), cwd)
            );
            2
        }
    }
}

/// `-v`: what the run reads and why, on stderr, before it starts.
fn verbose(args: &Args, cwd: &std::path::Path, err: &mut dyn Write) {
    if matches!(args.command, Command::Completions(_)) {
        return;
    }
    let Ok(config) = config(args, cwd) else {
        // The command reports the error itself.
        return;
    };
    let shown = |p: &std::path::Path| relative_message(&p.display().to_string(), cwd);
    let _ = writeln!(
        err,
        "config: {}",
        config
            .file
            .as_deref()
            .map_or_else(|| "none (built-in defaults)".to_owned(), shown)
    );
    let _ = writeln!(err, "root: {}", config.root.display());
    let _ = writeln!(
        err,
        "dialect: {} ({})",
        config.markdown.dialect.name(),
        config.dialect_reason
    );
    let _ = writeln!(err, "source pages: {}", config.source);
    let _ = writeln!(err, "translations: {}", config.translation);
    let _ = writeln!(err, "catalogs: {}", config.catalog);
    let _ = writeln!(
        err,
        "locales: {}",
        match &config.locales {
            Some(list) => format!(
                "{} (set in the config)",
                list.iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "found from the translation and catalog files".to_owned(),
        }
    );
}

/// An error message with paths inside `cwd` shown relative to it, as the user typed them.
pub(crate) fn relative_message(message: &str, cwd: &std::path::Path) -> String {
    let prefix = format!("{}/", cwd.display());
    message.replace(&prefix, "")
}

thread_local! {
    /// The configuration the running command loaded, for the files it
    /// skipped (warned about once the command is done).
    static LOADED: std::cell::RefCell<Option<project::Config>> = const { std::cell::RefCell::new(None) };
}

/// What a command does to the project: writers run alone, readers
/// alongside each other; `segments` reads only the files it is given.
fn access(args: &Args) -> Option<project::Access> {
    use project::Access::{Exclusive, Shared};
    Some(match &args.command {
        Command::Segments(_) | Command::Completions(_) => return None,
        Command::Sync(_) | Command::Import(_) => Exclusive,
        Command::Check(cmd) if cmd.learn_words.is_some() => Exclusive,
        Command::Build(cmd) if !cmd.check => Exclusive,
        Command::Build(_)
        | Command::Files(_)
        | Command::Status(_)
        | Command::Pending(_)
        | Command::Export(_)
        | Command::Align(_)
        | Command::Check(_)
        | Command::Diff(_)
        | Command::Report(_) => Shared,
    })
}

/// Takes the project's lock, saying so on stderr when it has to wait and
/// when it removed what killed runs left.
fn lock(
    args: &Args,
    cwd: &std::path::Path,
    access: project::Access,
    style: Style,
    err: &mut dyn Write,
) -> project::Result<project::ProjectLock> {
    let config = config(args, cwd)?;
    let lock = project::lock(&config, access, args.no_wait, &mut || {
        let _ = writeln!(
            err,
            "{}: another bitext run is using this project; waiting for it to finish (--no-wait fails instead)",
            style.dim("waiting")
        );
    })?;
    if !lock.removed.is_empty() {
        let _ = writeln!(
            err,
            "{}: removed {} temporary file(s) left by a run that was killed",
            style.dim("note"),
            lock.removed.len()
        );
    }
    Ok(lock)
}

/// Loads the project configuration named by `--config` or found in `cwd`
/// (once per run: a second call gives the same).
fn config(args: &Args, cwd: &std::path::Path) -> project::Result<project::Config> {
    if let Some(config) = LOADED.with(|c| c.borrow().clone()) {
        return Ok(config);
    }
    let config = match &args.config {
        Some(file) => project::Config::load(&cwd.join(file)),
        None => project::Config::discover(cwd),
    }?;
    LOADED.with(|c| *c.borrow_mut() = Some(config.clone()));
    Ok(config)
}
