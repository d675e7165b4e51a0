//! Converts the benchmark corpus (`../shared/corpus/`, beside the
//! repository; not part of it) with `safelit json` and checks each result
//! equals its JSON twin as a JSON value (numbers compared as numbers:
//! ints exactly, floats by value, an int never equal to a float).
//!
//! Ignored by default; `scripts/test.sh` runs it (`--ignored`) when the
//! corpus is there. `SAFELIT_CORPUS` overrides where the corpus is.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    match std::env::var_os("SAFELIT_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    }
}

/// `safelit json ARGS` on `input`; its standard output.
fn convert(args: &[&str], input: &Path) -> Vec<u8> {
    let bin = assert_cmd::cargo::cargo_bin("safelit");
    let out = Command::new(bin)
        .arg("json")
        .args(args)
        .arg(input)
        .output()
        .unwrap_or_else(|e| panic!("run safelit: {e}"));
    assert!(
        out.status.success(),
        "{}: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn parse_json(bytes: &[u8], what: &str) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"))
}

#[test]
#[ignore = "needs ../shared/corpus (not in the repository); scripts/test.sh runs it when present"]
fn corpus_documents_convert_to_their_json_twins() {
    let dir = corpus();
    if !dir.join("py").is_dir() {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    }
    for name in ["canada", "citm_catalog", "twitter"] {
        let ours = convert(&[], &dir.join(format!("py/{name}.py.txt")));
        let twin_path = dir.join(format!("json/{name}.json"));
        let twin =
            std::fs::read(&twin_path).unwrap_or_else(|e| panic!("{}: {e}", twin_path.display()));
        assert!(
            parse_json(&ours, name) == parse_json(&twin, &format!("{name}.json")),
            "{name}: safelit json differs from {name}.json"
        );
        eprintln!(
            "{name}: equal to {name}.json ({} bytes of JSON)",
            ours.len()
        );
    }

    let ours = convert(&["--lines"], &dir.join("py/small_records.txt"));
    let twin_path = dir.join("json/small_records.jsonl");
    let twin = std::fs::read(&twin_path).unwrap_or_else(|e| panic!("{}: {e}", twin_path.display()));
    let ours: Vec<&[u8]> = ours
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let twin: Vec<&[u8]> = twin
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(ours.len(), twin.len(), "small_records: line count");
    for (i, (a, b)) in ours.iter().zip(&twin).enumerate() {
        let what = format!("small_records line {}", i + 1);
        assert!(
            parse_json(a, &what) == parse_json(b, &what),
            "{what} differs"
        );
    }
    eprintln!(
        "small_records: {} lines equal to small_records.jsonl",
        ours.len()
    );
}
