//! Progress bars on stderr: only on a terminal, and only once a run is
//! long enough to need one.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Histories shorter than this are indexed too fast to show a bar.
const LONG_HISTORY: usize = 2_000;

/// A progress callback for indexing the git history: (commits done,
/// commits in all). Draws nothing unless stderr is a terminal.
pub fn history() -> impl FnMut(usize, usize) {
    let terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let mut bar: Option<ProgressBar> = None;
    move |done, total| {
        if !terminal || total < LONG_HISTORY {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} commits ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_message("indexing the git history");
            bar
        });
        bar.set_position(done as u64);
        if done >= total {
            bar.finish_and_clear();
        }
    }
}
