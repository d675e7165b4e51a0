//! Measures parse throughput on literal files (release build):
//!
//! ```text
//! cargo run --release --example throughput -- ../shared/corpus/py/*.py.txt
//! ```
//!
//! Files whose name contains `small_records` are parsed line by line (one
//! literal per line). Prints MB/s (input bytes per second) per file, the
//! best of several rounds.

use std::time::{Duration, Instant};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: throughput FILE...");
        std::process::exit(2);
    }
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{path}: {err}");
                continue;
            }
        };
        let per_line = path.contains("small_records");
        let run = || -> Result<(), safelit::Error> {
            if per_line {
                for line in text.lines() {
                    safelit::parse(line)?;
                }
            } else {
                safelit::parse(&text)?;
            }
            Ok(())
        };
        if let Err(err) = run() {
            eprintln!("{path}: {err}");
            continue;
        }
        let mut best = Duration::MAX;
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut rounds = 0;
        while rounds < 3 || (Instant::now() < deadline && rounds < 50) {
            let start = Instant::now();
            let _ = run();
            best = best.min(start.elapsed());
            rounds += 1;
        }
        let mb = text.len() as f64 / 1e6;
        println!(
            "{:<28} {:>8.2} MB  {:>9.2} ms  {:>8.1} MB/s{}",
            path.rsplit('/').next().unwrap_or(&path),
            mb,
            best.as_secs_f64() * 1e3,
            mb / best.as_secs_f64(),
            if per_line { "  (per line)" } else { "" }
        );
    }
}
