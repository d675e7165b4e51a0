//! Replays the inputs the fuzzers (`fuzz/`) found, and interesting seeds,
//! from `tests/data/fuzz-regressions/`: for each `NAME.input` (the input) and
//! `NAME.expect` (the limits and the outcome CPython 3.11.7 gives), parsing
//! must not panic and must give the recorded outcome; errors must point
//! into the input and values must print.
//!
//! Cases listed in `expected-failures.txt` are known library bugs that are
//! not fixed yet: the test prints them and fails if one of them passes (so
//! the list stays accurate), or if any other case fails. The folder may be
//! empty. The format is described in the folder's `README.md`.

use std::collections::BTreeSet;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use safelit::{parse_with, ErrorKind, Limits, Value};

/// What a case expects.
#[derive(Debug, Default)]
struct Expect {
    limits: Limits,
    /// `value` or `error KIND` (`KIND` as `ErrorKind`'s `Debug`).
    outcome: String,
    /// The value's repr (`Display`), when given.
    repr: Option<String>,
    /// The error message, when given.
    message: Option<String>,
    /// `LINE:COLUMN` of the error, when given.
    position: Option<String>,
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions")
}

fn parse_limits(spec: &str) -> Result<Limits, String> {
    let mut limits = Limits::default();
    for item in spec.split_whitespace() {
        if item == "default" {
            continue;
        }
        let (key, value) = item
            .split_once('=')
            .ok_or_else(|| format!("limits: `{item}` is not key=value"))?;
        let value = if value == "max" {
            usize::MAX
        } else {
            value
                .parse()
                .map_err(|e| format!("limits: `{item}`: {e}"))?
        };
        match key {
            "max_depth" => limits.max_depth = value,
            "max_int_digits" => limits.max_int_digits = value,
            "max_input_bytes" => limits.max_input_bytes = value,
            "max_nodes" => limits.max_nodes = value,
            other => return Err(format!("limits: unknown limit `{other}`")),
        }
    }
    Ok(limits)
}

fn read_expect(path: &Path) -> Result<Expect, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut expect = Expect::default();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .ok_or_else(|| format!("{}: `{line}` is not `key: value`", path.display()))?;
        match key {
            "limits" => expect.limits = parse_limits(value)?,
            "outcome" => expect.outcome = value.to_owned(),
            "repr" => expect.repr = Some(value.to_owned()),
            "message" => expect.message = Some(value.to_owned()),
            "position" => expect.position = Some(value.to_owned()),
            other => return Err(format!("{}: unknown key `{other}`", path.display())),
        }
    }
    if expect.outcome != "value" && !expect.outcome.starts_with("error ") {
        return Err(format!(
            "{}: outcome must be `value` or `error KIND`",
            path.display()
        ));
    }
    Ok(expect)
}

/// Runs one case; `Err` describes how it differs from its expectation.
fn check(text: &str, expect: &Expect) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        parse_with(text, &expect.limits).map(|v| (v.to_string(), v))
    }))
    .map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("panicked: {message}")
    })?;
    match result {
        Ok((repr, value)) => {
            if expect.outcome != "value" {
                return Err(format!("expected {}, got the value {repr}", expect.outcome));
            }
            if let Some(want) = &expect.repr {
                if *want != repr {
                    return Err(format!("expected the value {want}, got {repr}"));
                }
            }
            reparse(&value, &repr)
        }
        Err(err) => {
            let got = format!("error {:?}", err.kind());
            if got != expect.outcome {
                return Err(format!("expected {}, got {got}: {err:?}", expect.outcome));
            }
            let span = err.span();
            if span.end > text.len()
                || !text.is_char_boundary(span.start)
                || !text.is_char_boundary(span.end)
                || err.line() == 0
                || err.column() == 0
            {
                return Err(format!("bad position: {err:?}"));
            }
            if let Some(want) = &expect.message {
                if want != err.message() {
                    return Err(format!("expected message {want:?}, got {err:?}"));
                }
            }
            if let Some(want) = &expect.position {
                let got = format!("{}:{}", err.line(), err.column());
                if *want != got {
                    return Err(format!("expected position {want}, got {got}: {err:?}"));
                }
            }
            Ok(())
        }
    }
}

/// A value's repr reads back (without limits: a repr can nest deeper and
/// hold bigger ints than the input), unless it holds a name (`Ellipsis`,
/// `inf`, `nan`), which CPython rejects too.
fn reparse(value: &Value, repr: &str) -> Result<(), String> {
    let unlimited = Limits {
        max_depth: usize::MAX,
        max_int_digits: 0,
        max_input_bytes: usize::MAX,
        max_nodes: usize::MAX,
    };
    match parse_with(repr, &unlimited) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::Malformed => {
            let names = ["Ellipsis", "inf", "nan"];
            if names.iter().any(|n| repr.contains(n)) {
                Ok(())
            } else {
                Err(format!("the repr of {value:?} does not read back: {e:?}"))
            }
        }
        Err(e) => Err(format!("the repr {repr:?} does not read back: {e:?}")),
    }
}

fn expected_failures() -> BTreeSet<String> {
    fs::read_to_string(folder().join("expected-failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn fuzz_regressions_replay() {
    let mut names: Vec<String> = fs::read_dir(folder())
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    name.strip_suffix(".input").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let known = expected_failures();
    let mut failing = BTreeSet::new();
    let mut problems = Vec::new();
    for name in &names {
        let base = folder().join(name);
        let text = match fs::read(base.with_extension("input")) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let outcome =
            read_expect(&base.with_extension("expect")).and_then(|expect| check(&text, &expect));
        if let Err(why) = outcome {
            failing.insert(name.clone());
            if !known.contains(name) {
                problems.push(format!("{name}: {why}"));
            } else {
                println!("expected failure {name}: {why}");
            }
        }
    }
    for name in &known {
        if !names.contains(name) {
            problems.push(format!(
                "expected-failures.txt lists {name}, which has no {name}.input"
            ));
        } else if !failing.contains(name) {
            problems.push(format!(
                "{name} passes now: remove it from expected-failures.txt"
            ));
        }
    }
    println!(
        "{} fuzz regression cases, {} expected failures",
        names.len(),
        known.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expect_files_parse() {
    let expect = Expect {
        outcome: "error Limit(Depth)".to_owned(),
        limits: parse_limits("max_depth=2 max_nodes=max").unwrap_or_default(),
        ..Expect::default()
    };
    assert_eq!(expect.limits.max_depth, 2);
    assert_eq!(expect.limits.max_nodes, usize::MAX);
    assert!(check("[[[1]]]", &expect).is_ok());
    assert!(check("[[1]]", &expect).is_err());
    assert!(parse_limits("depth=2").is_err());
}
