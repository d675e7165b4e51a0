//! A one-line progress indicator on standard error, shown only when
//! standard error is a terminal and the input is large.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Inputs at least this large (bytes) get a progress indicator.
pub const LARGE: u64 = 10_000_000;
/// Time between redraws.
const EVERY: Duration = Duration::from_millis(200);

/// Progress through one input of `total` bytes (unknown for pipes).
pub struct Progress<W: Write> {
    /// Where to draw; `None` when silent.
    out: Option<W>,
    /// The input's name.
    name: String,
    /// The input's size, when known.
    total: Option<u64>,
    /// No redraw before this.
    next_draw: Instant,
    /// Something is drawn and must be erased.
    shown: bool,
}

impl Progress<std::io::Stderr> {
    /// A progress indicator on standard error for `name`, live only when
    /// `wanted`, standard error is a terminal and the input is (or may be)
    /// large.
    pub fn stderr(name: &str, total: Option<u64>, wanted: bool) -> Self {
        let stderr = std::io::stderr();
        let live = wanted && stderr.is_terminal() && total.is_none_or(|n| n >= LARGE);
        Progress::new(live.then_some(stderr), name, total)
    }
}

impl<W: Write> Progress<W> {
    /// A progress indicator writing to `out` (none: silent).
    pub fn new(out: Option<W>, name: &str, total: Option<u64>) -> Self {
        Progress {
            out,
            name: name.to_owned(),
            total,
            next_draw: Instant::now() + EVERY,
            shown: false,
        }
    }

    /// Reports that `done` bytes were processed; redraws at most every
    /// 200 ms, and for input of unknown size only once it is large.
    pub fn update(&mut self, done: u64) {
        if self.out.is_none() || (self.total.is_none() && done < LARGE) {
            return;
        }
        let now = Instant::now();
        if now < self.next_draw {
            return;
        }
        self.next_draw = now + EVERY;
        let line = status_line(&self.name, done, self.total);
        self.draw(&line);
    }

    /// Shows a fixed message (e.g. while one large document is parsed).
    pub fn message(&mut self, text: &str) {
        let line = format!("safelit: {}: {text}", self.name);
        self.draw(&line);
    }

    /// Erases the indicator (before other messages, and at the end).
    pub fn clear(&mut self) {
        if self.shown {
            if let Some(out) = &mut self.out {
                let _ = out.write_all(b"\r\x1b[2K");
                let _ = out.flush();
            }
            self.shown = false;
        }
    }

    /// Replaces what is drawn with `line`.
    fn draw(&mut self, line: &str) {
        if let Some(out) = &mut self.out {
            let _ = write!(out, "\r\x1b[2K{line}");
            let _ = out.flush();
            self.shown = true;
        }
    }
}

impl<W: Write> Drop for Progress<W> {
    fn drop(&mut self) {
        self.clear();
    }
}

/// `safelit: NAME: 42% (5.6 of 13.3 MB)`, or `safelit: NAME: 5.6 MB`
/// when the size is unknown.
fn status_line(name: &str, done: u64, total: Option<u64>) -> String {
    let mb = |n: u64| n as f64 / 1e6;
    match total {
        Some(total) if total > 0 => format!(
            "safelit: {name}: {}% ({:.1} of {:.1} MB)",
            done.min(total) * 100 / total,
            mb(done),
            mb(total)
        ),
        _ => format!("safelit: {name}: {:.1} MB", mb(done)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines() {
        assert_eq!(
            status_line("f", 5_600_000, Some(13_300_000)),
            "safelit: f: 42% (5.6 of 13.3 MB)"
        );
        assert_eq!(
            status_line("<stdin>", 12_000_000, None),
            "safelit: <stdin>: 12.0 MB"
        );
    }

    #[test]
    fn draws_then_clears() {
        let mut out = Vec::new();
        {
            let mut p = Progress::new(Some(&mut out), "f", Some(LARGE));
            p.next_draw = Instant::now();
            p.update(LARGE / 2);
            p.update(LARGE); // too soon: not drawn
        }
        let text = String::from_utf8_lossy(&out).into_owned();
        assert_eq!(text, "\r\x1b[2Ksafelit: f: 50% (5.0 of 10.0 MB)\r\x1b[2K");
    }

    #[test]
    fn silent_without_output_or_for_small_unknown_input() {
        let mut p: Progress<Vec<u8>> = Progress::new(None, "f", None);
        p.update(LARGE);
        let mut out = Vec::new();
        {
            let mut p = Progress::new(Some(&mut out), "f", None);
            p.next_draw = Instant::now();
            p.update(LARGE - 1);
        }
        assert!(out.is_empty());
    }
}
