//! Parses a Python literal given as the first argument (or read from a file
//! with `--file PATH`) and prints its canonical repr, or the error.
//!
//! ```text
//! cargo run --example eval -- "{'a': [1, 2.5], 'b': (True, None)}"
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.as_slice() {
        [flag, path] if flag == "--file" => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("error: cannot read {path}: {err}");
                return ExitCode::from(2);
            }
        },
        [text] => text.clone(),
        _ => {
            eprintln!("usage: eval LITERAL | eval --file PATH");
            return ExitCode::from(2);
        }
    };
    match safelit::parse(&text) {
        Ok(value) => {
            println!("{value:?}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{:?}: {err}", err.kind());
            ExitCode::from(1)
        }
    }
}
