//! Throughput of `safelit::parse` on the benchmark corpus, side by side with
//! its peers on the same data, plus adversarial shapes. See `benches/README.md`.
//!
//! ```text
//! cargo bench --bench throughput                 # everything
//! cargo bench --bench throughput -- canada       # one group (criterion filter)
//! SAFELIT_CORPUS=/path/to/corpus cargo bench --bench throughput
//! ```
//!
//! Per corpus document (group `doc/<name>`):
//! - `safelit`: `safelit::parse` on `py/<name>.py.txt`;
//! - `serde_json`: `serde_json::from_str::<serde_json::Value>` on the JSON
//!   twin `json/<name>.json` (the same data; only canada, citm_catalog,
//!   twitter and small_records have one);
//! - `py_literal`: the `py_literal` crate (0.4, pest) on the `.py.txt` file,
//!   when a probe run in a child process parses it within a time cap;
//! - `lex`: the safelit tokenizer alone (the floor).
//!
//! `small_records` is parsed one line (one literal) at a time. Throughput is
//! bytes of the input each parser reads, so compare *times* across parsers
//! (the summary printed at the end does, per document).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};

/// py_literal is exponential in nesting depth: one parse must finish within
/// this, in a child process that is killed otherwise.
const PY_LITERAL_CAP: Duration = Duration::from_secs(10);
/// A py_literal probe slower than this is reported, not benchmarked.
const PY_LITERAL_BENCH_MAX: Duration = Duration::from_secs(2);

const PROBE_ENV: &str = "SAFELIT_BENCH_PY_LITERAL_PROBE";

struct Doc {
    name: &'static str,
    py: &'static str,
    json: Option<&'static str>,
    per_line: bool,
}

const DOCS: &[Doc] = &[
    Doc {
        name: "canada",
        py: "py/canada.py.txt",
        json: Some("json/canada.json"),
        per_line: false,
    },
    Doc {
        name: "citm_catalog",
        py: "py/citm_catalog.py.txt",
        json: Some("json/citm_catalog.json"),
        per_line: false,
    },
    Doc {
        name: "twitter",
        py: "py/twitter.py.txt",
        json: Some("json/twitter.json"),
        per_line: false,
    },
    Doc {
        name: "mixed",
        py: "py/mixed.py.txt",
        json: None,
        per_line: false,
    },
    Doc {
        name: "mixed_compat",
        py: "py/mixed_compat.py.txt",
        json: None,
        per_line: false,
    },
    Doc {
        name: "small_records",
        py: "py/small_records.txt",
        json: Some("json/small_records.jsonl"),
        per_line: true,
    },
];

fn corpus_dir() -> PathBuf {
    std::env::var_os("SAFELIT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}

fn safelit_doc(text: &str, per_line: bool) -> bool {
    if per_line {
        text.lines().all(|line| safelit::parse(line).is_ok())
    } else {
        safelit::parse(text).is_ok()
    }
}

fn serde_doc(text: &str, per_line: bool) -> bool {
    if per_line {
        text.lines()
            .all(|line| serde_json::from_str::<serde_json::Value>(line).is_ok())
    } else {
        serde_json::from_str::<serde_json::Value>(text).is_ok()
    }
}

fn py_literal_doc(text: &str, per_line: bool) -> Result<(), String> {
    let one = |s: &str| {
        s.trim()
            .parse::<py_literal::Value>()
            .map(drop)
            .map_err(|e| e.to_string())
    };
    if per_line {
        text.lines().try_for_each(one)
    } else {
        one(text)
    }
}

fn lex_doc(text: &str, per_line: bool) -> usize {
    if per_line {
        text.lines()
            .map(|line| safelit::__bench_lex_only(line).unwrap_or(0))
            .sum()
    } else {
        safelit::__bench_lex_only(text).unwrap_or(0)
    }
}

/// The child side of the py_literal probe: parse once, report, exit.
fn probe_child(path: &str) -> ExitCode {
    let per_line = path.ends_with("small_records.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return ExitCode::from(2);
    };
    match py_literal_doc(&text, per_line) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // pest's error is a drawing: keep its position and expectation.
            let gist: Vec<&str> = e
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with("-->") || l.starts_with('='))
                .collect();
            eprintln!("{}", gist.join(" "));
            ExitCode::FAILURE
        }
    }
}

/// What the py_literal probe found for one document.
enum Probe {
    Parsed(Duration),
    Failed(String),
    TimedOut,
}

fn probe_py_literal(path: &Path) -> Probe {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return Probe::Failed(format!("cannot re-run the bench binary: {e}")),
    };
    let start = Instant::now();
    let child = Command::new(exe)
        .env(PROBE_ENV, path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => return Probe::Failed(format!("cannot spawn the probe: {e}")),
    };
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let elapsed = start.elapsed();
                if status.success() {
                    return Probe::Parsed(elapsed);
                }
                let mut err = String::new();
                if let Some(mut stderr) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut err);
                }
                return Probe::Failed(err.trim().to_owned());
            }
            Ok(None) if start.elapsed() > PY_LITERAL_CAP => {
                let _ = child.kill();
                let _ = child.wait();
                return Probe::TimedOut;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Probe::Failed(format!("probe: {e}")),
        }
    }
}

/// Rows of the summary printed at the end.
struct Row {
    name: &'static str,
    py_bytes: usize,
    json_bytes: Option<usize>,
    py_literal_note: Option<String>,
}

fn bench_corpus(c: &mut Criterion, dir: &Path, measuring: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    for doc in DOCS {
        let py_path = dir.join(doc.py);
        let Ok(py) = std::fs::read_to_string(&py_path) else {
            println!("skip {}: cannot read {}", doc.name, py_path.display());
            continue;
        };
        assert!(
            safelit_doc(&py, doc.per_line),
            "safelit must parse {}",
            py_path.display()
        );
        let json = doc
            .json
            .and_then(|j| std::fs::read_to_string(dir.join(j)).ok());
        // `cargo test` runs each benchmark once: no time for the probe there.
        let probe = if measuring {
            probe_py_literal(&py_path)
        } else {
            Probe::Failed("not probed in test mode".to_owned())
        };
        let py_literal_note = match &probe {
            Probe::Parsed(t) if *t <= PY_LITERAL_BENCH_MAX => None,
            Probe::Parsed(t) => Some(format!(
                "one parse took {:.1} s (not benchmarked)",
                t.as_secs_f64()
            )),
            Probe::Failed(e) => Some(format!("cannot parse it: {e}")),
            Probe::TimedOut if doc.per_line => Some(format!(
                "no result within {} s (too slow for 13 MB)",
                PY_LITERAL_CAP.as_secs()
            )),
            Probe::TimedOut => Some(format!(
                "no result within {} s (exponential in nesting depth)",
                PY_LITERAL_CAP.as_secs()
            )),
        };
        if let Some(note) = &py_literal_note {
            println!("py_literal on {}: {note}", doc.name);
        }

        let mut group = c.benchmark_group(format!("doc/{}", doc.name));
        group.throughput(Throughput::Bytes(py.len() as u64));
        group.bench_function("safelit", |b| b.iter(|| safelit_doc(&py, doc.per_line)));
        group.bench_function("lex", |b| b.iter(|| lex_doc(&py, doc.per_line)));
        if py_literal_note.is_none() {
            group.bench_function("py_literal", |b| {
                b.iter(|| py_literal_doc(&py, doc.per_line).is_ok())
            });
        }
        if let Some(json) = &json {
            assert!(
                serde_doc(json, doc.per_line),
                "serde_json must parse the twin"
            );
            group.throughput(Throughput::Bytes(json.len() as u64));
            group.bench_function("serde_json", |b| b.iter(|| serde_doc(json, doc.per_line)));
        }
        group.finish();
        rows.push(Row {
            name: doc.name,
            py_bytes: py.len(),
            json_bytes: json.as_ref().map(String::len),
            py_literal_note,
        });
    }
    rows
}

/// Adversarial shapes at two sizes: equal MB/s at both sizes means linear cost.
fn bench_adversarial(c: &mut Criterion) {
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: &[Shape] = &[
        // Lists nested 200 deep (the default limit), side by side.
        ("deep_nesting_at_limit", |n| {
            let one = format!("{}{}", "[".repeat(199), "]".repeat(199));
            let mut s = String::from("[");
            while s.len() < n {
                s.push_str(&one);
                s.push(',');
            }
            s.push(']');
            s
        }),
        ("long_string", |n| format!("'{}'", "abcdefgh".repeat(n / 8))),
        ("long_escape_run", |n| {
            format!("'{}'", r"\x41\n\t\u00e9\101\\".repeat(n / 22))
        }),
        ("many_small_containers", |n| {
            let mut s = String::from("[");
            let mut i = 0;
            while s.len() < n {
                s.push_str(&format!("({i},), [], {{}}, {{{i}: ()}}, "));
                i += 1;
            }
            s.push(']');
            s
        }),
        ("huge_hex_int", |n| format!("0x{}", "f".repeat(n))),
        ("many_4300_digit_ints", |n| {
            let one = "7".repeat(4300);
            let mut s = String::from("[");
            while s.len() < n {
                s.push_str(&one);
                s.push(',');
            }
            s.push(']');
            s
        }),
    ];
    let mut group = c.benchmark_group("adversarial");
    for (name, make) in shapes {
        for size in [64 << 10, 1 << 20] {
            let text = make(size);
            assert!(safelit::parse(&text).is_ok(), "{name} must parse");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, size), &text, |b, text| {
                b.iter(|| safelit::parse(text).is_ok())
            });
        }
    }
    group.finish();
}

/// Per-iteration time (ns) criterion recorded for `group/function`: the
/// median estimate and the fastest sample (each sample averages several
/// iterations; the fastest is the least disturbed on a shared machine).
fn times_ns(target: &Path, group: &str, function: &str) -> Option<(f64, f64)> {
    let dir = target
        .join(group.replace('/', "_"))
        .join(function)
        .join("new");
    let read = |file: &str| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(dir.join(file)).ok()?).ok()
    };
    let median = read("estimates.json")?["median"]["point_estimate"].as_f64()?;
    let sample = read("sample.json")?;
    let iters = sample["iters"].as_array()?;
    let times = sample["times"].as_array()?;
    let fastest = iters
        .iter()
        .zip(times)
        .filter_map(|(n, t)| Some(t.as_f64()? / n.as_f64()?))
        .fold(f64::INFINITY, f64::min);
    Some((median, fastest))
}

/// Where criterion writes its results (as criterion itself finds it).
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    // target/release/deps/<bench binary>
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

fn print_summary(rows: &[Row]) {
    let Some(dir) = criterion_dir() else { return };
    let mbs = |bytes: usize, ns: f64| bytes as f64 / ns * 1e3;
    println!("\n## Summary");
    println!(
        "\nPer document: MB/s of its own input for each parser, from the fastest of the \
         10 samples (median in brackets); the ratio is safelit's time ÷ serde_json's on the \
         same data (fastest samples; medians in brackets).\n"
    );
    println!("| document | size | safelit | lex only | serde_json (JSON twin) | safelit ÷ serde_json | py_literal |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    for row in rows {
        let group = format!("doc/{}", row.name);
        let Some((ours, ours_fast)) = times_ns(&dir, &group, "safelit") else {
            continue;
        };
        let lex = times_ns(&dir, &group, "lex").map_or("–".to_owned(), |(_, fast)| {
            format!("{:.0} MB/s", mbs(row.py_bytes, fast))
        });
        let (serde, ratio) = match (row.json_bytes, times_ns(&dir, &group, "serde_json")) {
            (Some(bytes), Some((median, fast))) => (
                format!("{:.0} ({:.0}) MB/s", mbs(bytes, fast), mbs(bytes, median)),
                format!("{:.2}× ({:.2}×)", ours_fast / fast, ours / median),
            ),
            _ => ("–".to_owned(), "–".to_owned()),
        };
        let py_literal = match (&row.py_literal_note, times_ns(&dir, &group, "py_literal")) {
            (None, Some((_, fast))) => format!("{:.1} MB/s", mbs(row.py_bytes, fast)),
            (Some(note), _) => note.clone(),
            _ => "–".to_owned(),
        };
        println!(
            "| {}{} | {:.2} MB | {:.1} ({:.1}) MB/s | {lex} | {serde} | {ratio} | {py_literal} |",
            row.name,
            if row.name == "small_records" {
                " (per line)"
            } else {
                ""
            },
            row.py_bytes as f64 / 1e6,
            mbs(row.py_bytes, ours_fast),
            mbs(row.py_bytes, ours),
        );
    }
}

fn main() -> ExitCode {
    if let Ok(path) = std::env::var(PROBE_ENV) {
        return probe_child(&path);
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    // Without `--bench` (under `cargo test`) criterion runs each benchmark once.
    let measuring = std::env::args().any(|a| a == "--bench");
    let dir = corpus_dir();
    let rows = if dir.join("py").is_dir() {
        bench_corpus(&mut c, &dir, measuring)
    } else {
        println!(
            "corpus not found at {} (set SAFELIT_CORPUS): skipping the corpus benchmarks",
            dir.display()
        );
        Vec::new()
    };
    bench_adversarial(&mut c);
    c.final_summary();
    if measuring {
        print_summary(&rows);
    }
    ExitCode::SUCCESS
}
