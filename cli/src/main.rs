//! `safelit`: check Python literals and convert them to JSON or canonical
//! repr, exactly as CPython 3.11's `ast.literal_eval` reads them, without
//! evaluating anything. See `safelit --help`.

#![forbid(unsafe_code)]
#![warn(clippy::missing_docs_in_private_items)]

mod args;
mod base64;
mod input;
mod json;
mod lines;
mod pretty;
mod progress;
mod report;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout (exit 0), usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let mut output = run::Output::stdout();
    let status = run::run(&cli, &mut output).and_then(|status| output.flush().map(|()| status));
    match status {
        Ok(status) => ExitCode::from(status as u8),
        Err(run::OutputError(e)) => {
            report::emit(&format!("safelit: error: cannot write output: {e}"));
            ExitCode::from(run::Status::Failed as u8)
        }
    }
}
