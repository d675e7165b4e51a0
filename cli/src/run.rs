//! Runs a command: what to do with each literal, where results go, and
//! the whole-document mode (`--lines` mode is in [`crate::lines`]).

use crate::args::{Cli, Command, Common};
use crate::input::{decode_utf8, read_document, ReadError, Source};
use crate::json::{write_json, ConvertError, Policy};
use crate::progress::{Progress, LARGE};
use crate::{lines, pretty, report};
use safelit::{Limits, ValueBuilder, Warning};
use std::io::{self, BufWriter, StdoutLock, Write};

/// How a run ended; the exit status is its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Every input was a valid literal and converted: exit 0.
    Ok = 0,
    /// Some input was not a valid literal or could not be converted: exit 1.
    Invalid = 1,
    /// An input could not be read: exit 2.
    Failed = 2,
}

/// Writing results to standard output failed (e.g. a closed pipe): the
/// run stops.
#[derive(Debug)]
pub struct OutputError(pub io::Error);

/// What to do with each literal.
#[derive(Clone, Copy, Debug)]
pub enum Action {
    /// Only validate; print CPython's warnings when `warnings`.
    Check {
        /// Print warnings.
        warnings: bool,
    },
    /// Convert to JSON.
    Json(Policy),
    /// Print the repr; indented when `pretty`.
    Repr {
        /// Indent.
        pretty: bool,
    },
}

/// A literal that failed: not valid, or not convertible.
pub enum Problem {
    /// The text is not a literal (or a limit tripped).
    Parse(safelit::Error),
    /// The value has no JSON form under the policy.
    Convert(ConvertError),
}

/// Everything a run needs besides its sources.
pub struct Job {
    /// What to do with each literal.
    pub action: Action,
    /// Library limits.
    pub limits: Limits,
    /// One literal per line.
    pub lines: bool,
    /// With `lines`: go on after a bad line.
    pub keep_going: bool,
    /// Progress indicator allowed.
    pub progress: bool,
}

impl Job {
    /// The job for `action` with the shared options.
    fn new(action: Action, common: &Common) -> Job {
        Job {
            action,
            limits: common.limits(),
            lines: common.lines,
            keep_going: common.keep_going,
            progress: !common.no_progress,
        }
    }

    /// Parses `text` and appends its result (nothing for `check`) to `out`;
    /// returns CPython's warnings.
    pub fn process(&self, text: &str, out: &mut Vec<u8>) -> Result<Vec<Warning>, Problem> {
        let (value, warnings) =
            safelit::parse_into(text, &self.limits, &mut ValueBuilder).map_err(Problem::Parse)?;
        match self.action {
            Action::Check { .. } => {}
            Action::Json(policy) => write_json(&value, &policy, out).map_err(Problem::Convert)?,
            Action::Repr { pretty: true } => {
                let mut text = String::new();
                pretty::write_pretty(&value, &mut text);
                out.extend_from_slice(text.as_bytes());
            }
            Action::Repr { pretty: false } => {
                // Writing to a Vec cannot fail.
                let _ = write!(out, "{value}");
            }
        }
        Ok(warnings)
    }

    /// Whether results go to standard output.
    pub fn writes_results(&self) -> bool {
        !matches!(self.action, Action::Check { .. })
    }

    /// Whether warnings are printed.
    pub fn shows_warnings(&self) -> bool {
        matches!(self.action, Action::Check { warnings: true })
    }
}

/// Buffered standard output.
pub struct Output {
    /// Locked standard output behind a 64 KiB buffer.
    out: BufWriter<StdoutLock<'static>>,
}

impl Output {
    /// Standard output, buffered.
    pub fn stdout() -> Output {
        Output {
            out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Writes one result and a newline.
    pub fn result(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.out.write_all(bytes).map_err(OutputError)?;
        self.out.write_all(b"\n").map_err(OutputError)
    }

    /// Flushes what was written so far.
    pub fn flush(&mut self) -> Result<(), OutputError> {
        self.out.flush().map_err(OutputError)
    }
}

/// Runs the command line; `Err` when standard output failed.
pub fn run(cli: &Cli, output: &mut Output) -> Result<Status, OutputError> {
    let (job, sources) = match &cli.command {
        Command::Check(args) => {
            let action = Action::Check {
                warnings: !args.no_warnings,
            };
            let sources: Vec<Source> = if args.files.is_empty() {
                vec![Source::Stdin]
            } else {
                args.files
                    .iter()
                    .map(|f| Source::from_arg(Some(f)))
                    .collect()
            };
            (Job::new(action, &args.common), sources)
        }
        Command::Json(args) => {
            let policy = Policy {
                bytes: args.bytes,
                complex: args.complex,
                keys: args.keys,
                nonfinite: args.nonfinite,
                ascii: args.ascii,
                pretty: args.pretty,
            };
            let source = Source::from_arg(args.file.as_deref());
            (Job::new(Action::Json(policy), &args.common), vec![source])
        }
        Command::Repr(args) => {
            let action = Action::Repr {
                pretty: args.pretty,
            };
            let source = Source::from_arg(args.file.as_deref());
            (Job::new(action, &args.common), vec![source])
        }
    };
    let mut status = Status::Ok;
    for source in &sources {
        let this = if job.lines {
            lines::run_lines(&job, source, output)?
        } else {
            run_document(&job, source, output)?
        };
        status = status.max(this);
        if this == Status::Invalid && job.lines && !job.keep_going {
            break;
        }
    }
    Ok(status)
}

/// Parses one whole source as one literal.
fn run_document(job: &Job, source: &Source, output: &mut Output) -> Result<Status, OutputError> {
    let name = source.name();
    let mut opened = match source.open() {
        Ok(opened) => opened,
        Err(e) => {
            report::emit(&report::plain(&name, None, &format!("cannot read: {e}")));
            return Ok(Status::Failed);
        }
    };
    let bytes = match read_document(&mut opened.reader, opened.size, job.limits.max_input_bytes) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) => {
            report::emit(&report::plain(&name, None, &format!("cannot read: {e}")));
            return Ok(Status::Failed);
        }
        Err(ReadError::TooLarge(cap)) => {
            let message = format!(
                "input is more than max_input_bytes = {cap} bytes; raise the limit with --max-input-bytes"
            );
            report::emit(&report::plain(&name, None, &message));
            return Ok(Status::Invalid);
        }
    };
    let text = match decode_utf8(bytes) {
        Ok(text) => text,
        Err(bad) => {
            report::emit(&report::bad_utf8(&name, None, &bad));
            return Ok(Status::Invalid);
        }
    };
    let size = text.len() as u64;
    let mut progress = Progress::stderr(&name, Some(size), job.progress);
    if size >= LARGE {
        progress.message(&format!("parsing {:.1} MB…", size as f64 / 1e6));
    }
    let mut out = Vec::new();
    let result = job.process(&text, &mut out);
    progress.clear();
    match result {
        Ok(warnings) => {
            if job.shows_warnings() {
                for w in &warnings {
                    report::emit(&report::warning(&name, None, &text, w));
                }
            }
            if job.writes_results() {
                output.result(&out)?;
            }
            Ok(Status::Ok)
        }
        Err(Problem::Parse(e)) => {
            report::emit(&report::parse_error(&name, None, &e));
            Ok(Status::Invalid)
        }
        Err(Problem::Convert(e)) => {
            report::emit(&report::plain(&name, None, e.message()));
            Ok(Status::Invalid)
        }
    }
}
