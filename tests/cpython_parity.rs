//! Parity with CPython: every input of `tests/data/cases-3.X.jsonl` (generated
//! by `scripts/gen_cases.py` from CPython 3.11.7, 3.12.1 and 3.13.0's
//! `ast.literal_eval`) must give, with the parser following that version, the
//! same value (its repr, sets in insertion order) or an error of the same
//! kind, at the same position, with the same message.
//!
//! Where CPython reports no position or one outside the input, the expected
//! position is derived by the documented rules in `expected_position`.
//! Inputs where CPython only fails on an internal limit of its own parser
//! (`MemoryError`, `RecursionError`) must give *some* error here; they are
//! counted separately.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use safelit::{ErrorKind, LimitKind, Parser, PythonVersion};
use serde_json::Value as Json;

/// One CPython version's table and the cases where safelit is known not to
/// match it yet, one `id<TAB>category` per line (`#` comments allowed). The
/// test fails on any mismatch not listed, and on a listed case that now
/// matches (so the list only shrinks). Its size is printed with the results.
struct Table {
    version: PythonVersion,
    name: &'static str,
    cases: &'static str,
    known_deviations: &'static str,
}

const TABLE_3_11: Table = Table {
    version: PythonVersion::V3_11,
    name: "3.11",
    cases: include_str!("data/cases-3.11.jsonl"),
    known_deviations: include_str!("data/known-deviations-3.11.txt"),
};

const TABLE_3_12: Table = Table {
    version: PythonVersion::V3_12,
    name: "3.12",
    cases: include_str!("data/cases-3.12.jsonl"),
    known_deviations: include_str!("data/known-deviations-3.12.txt"),
};

const TABLE_3_13: Table = Table {
    version: PythonVersion::V3_13,
    name: "3.13",
    cases: include_str!("data/cases-3.13.jsonl"),
    known_deviations: include_str!("data/known-deviations-3.13.txt"),
};

struct Case {
    id: String,
    input: String,
    record: Json,
}

fn cases(table: &Table) -> Vec<Case> {
    table
        .cases
        .lines()
        .map(|line| {
            let record: Json = serde_json::from_str(line).expect("table lines are JSON");
            Case {
                id: record["id"].as_str().unwrap_or_default().to_owned(),
                input: record["input"].as_str().unwrap_or_default().to_owned(),
                record,
            }
        })
        .collect()
}

/// The error kind CPython's exception class corresponds to.
fn expected_kind(exc: &str, msg: &str) -> Option<ErrorKind> {
    Some(match exc {
        "SyntaxError" if msg.starts_with("Exceeds the limit") => {
            ErrorKind::Limit(LimitKind::IntDigits)
        }
        "SyntaxError" if msg == "too many nested parentheses" => ErrorKind::Limit(LimitKind::Depth),
        "SyntaxError" => ErrorKind::Syntax,
        "IndentationError" | "TabError" => ErrorKind::Indentation,
        "ValueError" => ErrorKind::Malformed,
        "TypeError" => ErrorKind::Unhashable,
        "OverflowError" => ErrorKind::Overflow,
        _ => return None,
    })
}

/// 1-based (line, column in code points) of byte `offset` in `text`,
/// with `\n`, `\r\n` and `\r` ending lines.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            col = 1;
        } else if c != '\r' {
            col += 1;
        }
    }
    (line, col)
}

/// Lines as Python counts them (a `\r\n` pair is one break).
fn python_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

/// Where the error should be, in the original input (1-based line and
/// code-point column), or `None` when CPython's report gives no usable
/// position (then only kind and message are compared).
fn expected_position(case: &Case) -> Option<(usize, usize)> {
    let r = &case.record;
    let input = case.input.as_str();
    let strip = r["strip"].as_u64().unwrap_or(0) as usize;
    let exc = r["exc"].as_str().unwrap_or("");
    let msg = r["msg"].as_str().unwrap_or("");
    let lines = python_lines(input);
    match exc {
        "ValueError" => {
            let node = if r["node"].is_null() {
                &r["node_after"]
            } else {
                &r["node"]
            };
            let line = node["lineno"].as_u64()? as usize;
            let col_bytes = node["col_offset"].as_u64()? as usize;
            let stripped = if line == 1 {
                &input[strip..]
            } else {
                lines.get(line - 1)?
            };
            let stripped_line = python_lines(stripped)[0];
            let col = stripped_line.get(..col_bytes)?.chars().count() + 1;
            Some((line, col + if line == 1 { strip } else { 0 }))
        }
        "SyntaxError" | "IndentationError" | "TabError" => {
            if r["lineno"].is_null() {
                // NUL bytes: CPython gives no position; we point at the NUL.
                let at = input.find('\0')?;
                return Some(line_col(input, at));
            }
            let line = r["lineno"].as_u64()? as usize;
            let offset = r["offset"].as_u64().unwrap_or(0) as usize;
            if line == 0 {
                // Empty input: CPython says line 0; we point past the input.
                return Some((1, input.chars().count() + 1));
            }
            // The reported line must be the input's own line (3.11 reports
            // errors inside f-string fields against a synthetic "(expr)").
            let text = r["text"].as_str().unwrap_or("");
            let source_line = lines.get(line - 1).copied().unwrap_or("");
            let source_line = if line == 1 {
                &source_line[strip.min(source_line.len())..]
            } else {
                source_line
            };
            let text = text.trim_end_matches(['\n', '\r']);
            // After a line continuation CPython's text (its tokenizer
            // buffer) can start on an earlier line, and some columns are
            // counted from there: then the offset is taken as it is.
            if line > 1 && text.contains('\n') && text.rsplit('\n').next() == Some(source_line) {
                if offset == 0 {
                    // The end-of-input token has no column in CPython.
                    return Some(line_col(input, input.len()));
                }
                return Some((line, offset));
            }
            if !text.is_empty() && text != source_line {
                return None;
            }
            if offset == 0 {
                if msg.starts_with("Exceeds the limit") {
                    // CPython omits the column; we point at the number.
                    let at = source_line.find(|c: char| c.is_ascii_digit())?;
                    let col = source_line[..at].chars().count() + 1;
                    return Some((line, col + if line == 1 { strip } else { 0 }));
                }
                if msg == "unexpected indent" {
                    // A line indented through a backslash continuation whose
                    // first token starts its physical line: CPython's column
                    // is that token's offset on the line, 0; we point at it.
                    return Some((line, 1));
                }
                // The end-of-input token has no column in CPython.
                return Some(line_col(input, input.len()));
            }
            Some((line, offset + if line == 1 { strip } else { 0 }))
        }
        _ => None,
    }
}

#[test]
fn cpython_3_11_parity() {
    check_both_parsers(TABLE_3_11);
}

#[test]
fn cpython_3_12_parity() {
    check_both_parsers(TABLE_3_12);
}

#[test]
fn cpython_3_13_parity() {
    check_both_parsers(TABLE_3_13);
}

/// Runs the table on this thread and on one with a large stack. The fast
/// path uses its recursive ascent parser only when the thread has stack
/// to spare for `max_depth` levels of it (in unoptimized builds, not on a
/// test thread's 2 MiB), and its table-driven parser otherwise: this way
/// both are held to the table whatever the build.
fn check_both_parsers(table: Table) {
    check_table(&table);
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || check_table(&table))
        .expect("spawn a thread with a large stack")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
}

fn check_table(table: &Table) {
    let parser = Parser::new().with_python(table.version);
    let cases = cases(table);
    assert!(cases.len() >= 600, "the table must hold at least 600 cases");
    let mut failures: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut fail = |category: &'static str, case: &Case, detail: String| {
        failures.entry(category).or_default().push(format!(
            "{} {:?}: {}",
            case.id,
            case.input.chars().take(80).collect::<String>(),
            detail
        ));
    };
    for case in &cases {
        let r = &case.record;
        let got = parser.parse(&case.input);
        if r["outcome"] == "value" {
            *counts.entry("value").or_default() += 1;
            let want = r["repr"].as_str().unwrap_or("");
            match got {
                Ok(v) => {
                    let repr = v.repr(table.version).to_string();
                    if repr != want {
                        fail("value", case, format!("got {repr:.100}, want {want:.100}"));
                    }
                }
                Err(e) => fail(
                    "value",
                    case,
                    format!("got error {:?}: {}", e.kind(), e.message()),
                ),
            }
            continue;
        }
        let exc = r["exc"].as_str().unwrap_or("");
        let msg = r["msg"].as_str().unwrap_or("");
        let Some(kind) = expected_kind(exc, msg) else {
            // MemoryError / RecursionError: CPython gave up on an internal limit.
            *counts.entry("cpython internal limit").or_default() += 1;
            if let Ok(v) = got {
                fail(
                    "internal limit",
                    case,
                    format!("got a value {:.60}", v.to_string()),
                );
            }
            continue;
        };
        *counts.entry("error").or_default() += 1;
        let err = match got {
            Ok(v) => {
                fail(
                    "kind",
                    case,
                    format!("got value {:.60}, want {exc}: {msg}", v.to_string()),
                );
                continue;
            }
            Err(e) => e,
        };
        if err.kind() != kind {
            fail(
                "kind",
                case,
                format!(
                    "got {:?} ({}), want {exc}: {msg}",
                    err.kind(),
                    err.message()
                ),
            );
            continue;
        }
        if err.message() != msg {
            fail(
                "message",
                case,
                format!("got {:?}, want {msg:?}", err.message()),
            );
        }
        // 3.11 reports an error inside an f-string's field against the
        // field's own source "(expr)": the core must name that field, and
        // CPython's text must come from it (its line, or for a nested
        // multi-line f-string, its tokenizer buffer of several lines).
        if let Some(field) = err.fstring_field() {
            *counts.entry("error in an f-string field").or_default() += 1;
            let text = r["text"].as_str().unwrap_or("").trim_end_matches('\n');
            let expr = case.input.get(field.expr.clone()).unwrap_or("");
            let source = format!("({})", expr.replace("\r\n", "\n").replace('\r', "\n"));
            let from_line_start = source
                .match_indices(text)
                .any(|(at, _)| at == 0 || source[..at].ends_with('\n'));
            if text.is_empty() || !from_line_start {
                fail(
                    "fstring field",
                    case,
                    format!("field source {source:?} does not hold {text:?} from a line start"),
                );
            }
            continue;
        }
        match expected_position(case) {
            Some(want) => {
                if (err.line(), err.column()) != want {
                    fail(
                        "position",
                        case,
                        format!(
                            "got {}:{}, want {}:{} ({msg})",
                            err.line(),
                            err.column(),
                            want.0,
                            want.1
                        ),
                    );
                }
            }
            None => {
                *counts.entry("error, no CPython position").or_default() += 1;
            }
        }
    }
    // Compare with the known deviations.
    let known: std::collections::BTreeSet<(String, String)> = table
        .known_deviations
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, category)| (id.to_owned(), category.to_owned()))
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut unexpected: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (category, list) in &failures {
        for line in list {
            let id = line.split(' ').next().unwrap_or("").to_owned();
            let key = (id, (*category).to_owned());
            if known.contains(&key) {
                seen.insert(key);
            } else {
                unexpected.entry(category).or_default().push(line.clone());
            }
        }
    }
    let fixed: Vec<_> = known.difference(&seen).collect();
    let mut report = format!(
        "CPython {}: {} cases: {counts:?}; known deviations: {} listed, {} still deviating\n",
        table.name,
        cases.len(),
        known.len(),
        seen.len()
    );
    for (category, list) in &failures {
        let _ = writeln!(report, "== {category}: {} mismatches", list.len());
        for line in list.iter().take(25) {
            let _ = writeln!(report, "   {line}");
        }
    }
    eprintln!("{report}");
    if let Ok(dir) = std::env::var("SAFELIT_PARITY_REPORT") {
        let path = format!("{dir}/parity-{}.txt", table.name);
        // The full list, for working through mismatches.
        let all: String = failures
            .iter()
            .flat_map(|(category, list)| list.iter().map(move |l| format!("{category}\t{l}\n")))
            .collect();
        let _ = std::fs::write(path, all);
    }
    assert!(
        fixed.is_empty(),
        "these known deviations now match CPython; remove them from tests/data/known-deviations-{}.txt: {fixed:?}",
        table.name
    );
    let unexpected_count: usize = unexpected.values().map(Vec::len).sum();
    assert!(
        unexpected_count == 0,
        "{unexpected_count} unexpected parity mismatches:\n{report}"
    );
}

#[test]
fn helpers_count_lines_like_python() {
    assert_eq!(python_lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
    assert_eq!(line_col("a\r\nb", 4), (2, 2));
}
