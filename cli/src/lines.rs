//! `--lines` mode: each input line is one literal, read, parsed and
//! answered one at a time with buffers reused across lines, so memory is
//! bounded by the longest line.

use crate::input::{decode_utf8, LineReader, Source};
use crate::progress::Progress;
use crate::report;
use crate::run::{Job, Output, OutputError, Problem, Status};

/// Processes every line of `source`; stops at the first bad line unless
/// `job.keep_going`.
pub fn run_lines(job: &Job, source: &Source, output: &mut Output) -> Result<Status, OutputError> {
    let name = source.name();
    let opened = match source.open() {
        Ok(opened) => opened,
        Err(e) => {
            report::emit(&report::plain(&name, None, &format!("cannot read: {e}")));
            return Ok(Status::Failed);
        }
    };
    let mut reader = LineReader::new(opened.reader, job.limits.max_input_bytes);
    let mut progress = Progress::stderr(&name, opened.size, job.progress);
    let mut out = Vec::new();
    let (mut seen, mut bad) = (0usize, 0usize);
    loop {
        if reader.would_block() {
            // Whoever reads our output may be waiting for these results.
            output.flush()?;
        }
        let line = match reader.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => {
                progress.clear();
                output.flush()?;
                report::emit(&report::plain(&name, None, &format!("cannot read: {e}")));
                return Ok(Status::Failed);
            }
        };
        let number = line.number;
        out.clear();
        let failure = if line.too_long {
            Some(report::plain(
                &name,
                Some(number),
                &format!(
                    "line is more than max_input_bytes = {} bytes; raise the limit with --max-input-bytes",
                    job.limits.max_input_bytes
                ),
            ))
        } else {
            match std::str::from_utf8(line.bytes) {
                Err(_) => decode_utf8(line.bytes.to_vec())
                    .err()
                    .map(|bad| report::bad_utf8(&name, Some(number), &bad)),
                Ok(text) if text.trim_matches([' ', '\t', '\x0c']).is_empty() => continue,
                Ok(text) => {
                    seen += 1;
                    match job.process(text, &mut out) {
                        Ok(warnings) => {
                            if job.shows_warnings() && !warnings.is_empty() {
                                progress.clear();
                                output.flush()?;
                                for w in &warnings {
                                    report::emit(&report::warning(&name, Some(number), text, w));
                                }
                            }
                            None
                        }
                        Err(Problem::Parse(e)) => {
                            Some(report::parse_error(&name, Some(number), &e))
                        }
                        Err(Problem::Convert(e)) => {
                            Some(report::plain(&name, Some(number), e.message()))
                        }
                    }
                }
            }
        };
        match failure {
            None => {
                if job.writes_results() {
                    output.result(&out)?;
                }
            }
            Some(message) => {
                bad += 1;
                progress.clear();
                output.flush()?;
                report::emit(&message);
                if !job.keep_going {
                    return Ok(Status::Invalid);
                }
            }
        }
        progress.update(reader.consumed());
    }
    progress.clear();
    if bad > 0 {
        let lines = if seen == 1 { "line" } else { "lines" };
        report::emit(&format!("{name}: {bad} of {seen} {lines} failed"));
        return Ok(Status::Invalid);
    }
    Ok(Status::Ok)
}
