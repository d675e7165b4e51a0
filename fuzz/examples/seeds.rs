//! Writes the `parse` target's seed corpus from the test tables: every
//! input of `tests/data/cases-3.11.jsonl` and every regression input of
//! `tests/data/fuzz-regressions/`, each behind the 4-byte header that
//! selects default limits (see `src/header.rs`).
//!
//! ```text
//! seeds REPO_ROOT OUT_DIR      # writes OUT_DIR/parse/<hash>
//! ```
//!
//! Standard library only, so that `fuzz/run.sh` compiles it with plain
//! `rustc` in a second; it is also an example of the fuzz crate, so that
//! `cargo clippy --all-targets` there checks it.

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// The `parse` target's header for default limits.
const DEFAULT_HEADER: [u8; 4] = [0; 4];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: seeds REPO_ROOT OUT_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(root), Path::new(out)) {
        Ok(count) => {
            println!("seeds: {count} parse seeds in {out}/parse");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("seeds: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path, out: &Path) -> Result<usize, String> {
    let mut inputs = Vec::new();
    let table = root.join("tests/data/cases-3.11.jsonl");
    let text = fs::read_to_string(&table).map_err(|e| format!("{}: {e}", table.display()))?;
    for (n, line) in text.lines().enumerate() {
        let input = json_field(line, "input")
            .ok_or_else(|| format!("{}:{}: no \"input\" string", table.display(), n + 1))?;
        inputs.push(input.into_bytes());
    }
    let regressions = root.join("tests/data/fuzz-regressions");
    if let Ok(entries) = fs::read_dir(&regressions) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "input") {
                inputs.push(fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
            }
        }
    }
    let dir = out.join("parse");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut seen = HashSet::new();
    for input in inputs {
        let mut seed = DEFAULT_HEADER.to_vec();
        seed.extend_from_slice(&input);
        let name = format!("{:016x}", fnv1a(&seed));
        if seen.insert(name.clone()) {
            let path = dir.join(name);
            fs::write(&path, &seed).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(seen.len())
}

/// 64-bit FNV-1a: stable file names, so rewriting the seeds is idempotent.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The string value of `"key": "..."` in one JSON line (as the table
/// writes them: ASCII, `\uXXXX` escapes with surrogate pairs).
fn json_field(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\": \""))? + key.len() + 5;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let mut unit = hex4(&mut chars)?;
                    if (0xD800..0xDC00).contains(&unit) {
                        // A surrogate pair: `\uD83D\uDE00`.
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let low = hex4(&mut chars)?;
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?);
                    }
                    out.push(char::from_u32(unit)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

fn hex4(chars: &mut std::str::Chars) -> Option<u32> {
    let digits: String = chars.take(4).collect();
    u32::from_str_radix(&digits, 16).ok()
}
