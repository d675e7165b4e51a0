//! Integration tests: run the `safelit` binary as a user would.
//!
//! The fixture tests compare `safelit json` on `tests/fixtures/` with the
//! output Python gives (`tests/fixtures/expected/`, written by
//! `tests/fixtures/generate.py`); no Python is needed here.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The binary, run in the fixtures folder.
fn safelit() -> Command {
    let mut cmd = Command::cargo_bin("safelit").unwrap_or_else(|e| panic!("no binary: {e}"));
    cmd.current_dir(fixtures());
    cmd
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A scratch file with `content`, unique to this test process.
fn scratch(name: &str, content: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("safelit-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// The cases of `fixtures/cases.txt`: name, input, flags.
fn cases() -> Vec<(String, String, Vec<String>)> {
    let text = String::from_utf8_lossy(&read(&fixtures().join("cases.txt"))).into_owned();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut words = l.split_whitespace().map(str::to_owned);
            let name = words.next().unwrap_or_default();
            let input = words.next().unwrap_or_default();
            (name, input, words.collect())
        })
        .collect()
}

#[test]
fn json_matches_python_on_every_fixture() {
    let cases = cases();
    assert!(cases.len() >= 15);
    for (name, input, flags) in cases {
        let expected = read(&fixtures().join("expected").join(format!("{name}.json")));
        let out = safelit().arg("json").args(&flags).arg(&input).output();
        let out = out.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&expected),
            "case {name}"
        );
        assert!(out.stderr.is_empty(), "{name}");
    }
}

#[test]
fn json_output_is_json_of_the_same_value() {
    // Parse the output with an independent JSON reader too.
    let out = safelit().args(["json", "nested.py.txt"]).output();
    let stdout = out.map(|o| o.stdout).unwrap_or_default();
    let value: serde_json::Value =
        serde_json::from_slice(&stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(value["ids"], serde_json::json!([1, 2, 3]));
    assert_eq!(value["single"], serde_json::json!([1]));
    assert_eq!(value["text"], "implicit concatenation and triple");
}

#[test]
fn repr_matches_python_on_every_fixture() {
    for (_, input, flags) in cases() {
        let stem = input.split('.').next().unwrap_or_default();
        let expected = read(&fixtures().join("expected").join(format!("{stem}.repr")));
        let lines: Vec<&str> = flags
            .iter()
            .map(String::as_str)
            .filter(|f| *f == "--lines")
            .collect();
        safelit()
            .arg("repr")
            .args(lines)
            .arg(&input)
            .assert()
            .success()
            .stdout(String::from_utf8_lossy(&expected).into_owned());
    }
}

#[test]
fn pretty_repr_is_a_literal_of_the_same_value() {
    // Not complex.py.txt: Python's repr of -1j, `(-0-1j)`, reads back as
    // complex(0.0, -1.0), in Python too.
    for input in [
        "scalars.py.txt",
        "nested.py.txt",
        "keys.py.txt",
        "bytes.py.txt",
    ] {
        let text = String::from_utf8_lossy(&read(&fixtures().join(input))).into_owned();
        let value = safelit::parse(&text).unwrap_or_else(|e| panic!("{input}: {e}"));
        let out = safelit().args(["repr", "--pretty", input]).output();
        let out = out.map(|o| o.stdout).unwrap_or_default();
        let pretty = String::from_utf8_lossy(&out).into_owned();
        if input == "keys.py.txt" {
            // inf is written `inf`, as Python's repr writes it: not a literal.
            assert!(pretty.contains("inf: 'inf'"));
            continue;
        }
        let back = safelit::parse(&pretty).unwrap_or_else(|e| panic!("{input}: {e}\n{pretty}"));
        assert!(back.strict_eq(&value), "{input}:\n{pretty}");
    }
}

#[test]
fn repr_and_pretty_of_the_shipped_sample() {
    let sample = "../../../examples/data/sample.py.txt";
    safelit().args(["repr", sample]).assert().success().stdout(
        "{'name': 'safelit', 'version': (0, 1, 0), 'tags': {'parser', 'python', 'rust'}, \
         'limits': {'max_depth': 200, 'max_int_digits': 4300}, 'ratio': 0.0025, \
         'big': 1208925819614629174706175, 'complex': (-1+2j), 'raw': b'\\\\x00\\\\n', \
         'text': 'caf\u{e9} \u{2603} concatenated', 'nothing': None, 'empty': set()}\n",
    );
    safelit()
        .args(["repr", "--pretty", sample])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "{\n    'name': 'safelit',\n    'version': (0, 1, 0),\n",
        ))
        .stdout(predicate::str::ends_with("    'empty': set(),\n}\n"));
    safelit()
        .args(["json", "--complex=pair", "--bytes=base64", sample])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            r#""tags":["parser","python","rust"],"#,
        ))
        .stdout(predicate::str::contains(
            r#""complex":[-1.0,2.0],"raw":"XHgwMFxu","#,
        ));
}

#[test]
fn check_reports_in_compiler_style() {
    safelit()
        .args(["check", "nested.py.txt", "scalars.py.txt"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    safelit()
        .args([
            "check",
            "nested.py.txt",
            "bad_syntax.py.txt",
            "missing.py.txt",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "bad_syntax.py.txt:2:16: error: invalid syntax\n\
             \x20     'a': [1, 2,, 3],\n\
             \x20                ^\n\
             missing.py.txt: error: cannot read: No such file or directory (os error 2)\n",
        );
    safelit()
        .args(["check", "bad_syntax.py.txt", "nested.py.txt"])
        .assert()
        .code(1);
}

#[test]
fn error_rendering_snapshot() {
    let text = "{'ok': [1, 2],\n 'call': f(x),\n}\n";
    safelit()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stderr(
            "<stdin>:2:10: error: malformed node or string on line 2: <ast.Call object>\n\
         \x20  'call': f(x),\n\
         \x20          ^^^^\n",
        );
    safelit()
        .arg("check")
        .write_stdin("[1, 2\n")
        .assert()
        .code(1)
        .stderr("<stdin>:1:1: error: '[' was never closed\n  [1, 2\n  ^\n");
    safelit()
        .args(["check", "--max-depth", "2"])
        .write_stdin("[[[1]]]")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "<stdin>:1:3: error: too many nested parentheses; raise the limit with --max-depth\n",
        ));
}

#[test]
fn check_prints_warnings_without_failing() {
    safelit().arg("check").write_stdin("[1,\n r'ok', '\\d']").assert().success().stderr(
        "<stdin>:2:10: warning: invalid escape sequence '\\d'\n   r'ok', '\\d']\n           ^\n",
    );
    safelit()
        .args(["check", "--no-warnings"])
        .write_stdin("'\\d'")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn stdin_by_dash_or_no_argument() {
    for args in [vec!["json"], vec!["json", "-"]] {
        safelit()
            .args(&args)
            .write_stdin("(1, 'a')")
            .assert()
            .success()
            .stdout("[1,\"a\"]\n");
    }
    safelit()
        .arg("repr")
        .write_stdin("  {1, 1.0, True}")
        .assert()
        .success()
        .stdout("{1}\n");
    safelit()
        .arg("check")
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>:1:1: error:"));
}

#[test]
fn json_refuses_what_it_has_no_form_for_and_names_the_flag() {
    let cases = [
        (
            "[b'x']",
            "bytes value at [0] has no JSON form; use --bytes=base64 or --bytes=latin1",
        ),
        (
            "{'z': (1, 2j)}",
            "complex 2j at ['z'][1] has no JSON form; use --complex=pair",
        ),
        (
            "{1: 'a'}",
            "dict key 1 (int) is not a string; use --keys=str or --keys=repr",
        ),
        (
            "[{1e309}]",
            "float inf at [0]{#0} has no JSON form; use --nonfinite=null or --nonfinite=string",
        ),
        ("...", "Ellipsis has no JSON form"),
    ];
    for (text, message) in cases {
        safelit()
            .arg("json")
            .write_stdin(text)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("<stdin>: error: {message}\n"));
    }
    safelit()
        .args(["json", "--keys=str"])
        .write_stdin("{(1,): 0}")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "dict key (1,) (tuple) is not a str, int, float, bool or None; use --keys=repr",
        ));
    safelit()
        .args(["json", "--keys=str"])
        .write_stdin("{1: 'a', '1': 'b'}")
        .assert()
        .code(1)
        .stderr("<stdin>: error: dict keys 1 and '1' both become the JSON key \"1\"\n");
    safelit()
        .args(["json", "--complex=pair"])
        .write_stdin("1e309j")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("float inf has no JSON form"));
}

#[test]
fn json_policy_flags() {
    let run = |flags: &[&str], text: &str, expected: &str| {
        safelit()
            .arg("json")
            .args(flags)
            .write_stdin(text)
            .assert()
            .success()
            .stdout(format!("{expected}\n"));
    };
    run(&["--bytes=base64"], "b'\\xff\\x00'", "\"/wA=\"");
    run(&["--bytes=latin1"], "b'\\xe9\\x01'", "\"\u{e9}\\u0001\"");
    run(&["--bytes=latin1", "--ascii"], "b'\\xe9'", "\"\\u00e9\"");
    run(&["--complex=pair"], "-0.5+1j", "[-0.5,1.0]");
    run(
        &["--keys=str"],
        "{1.5: 0, True: 1, None: 2, 3: 3}",
        "{\"1.5\":0,\"true\":1,\"null\":2,\"3\":3}",
    );
    run(
        &["--keys=repr"],
        "{(1, 'a'): 0, True: 1}",
        "{\"(1, 'a')\":0,\"True\":1}",
    );
    run(&["--nonfinite=null"], "[1e309, -1e309]", "[null,null]");
    run(
        &["--nonfinite=string"],
        "[1e309, -1e309]",
        "[\"Infinity\",\"-Infinity\"]",
    );
    run(&["--ascii"], "'é😀'", "\"\\u00e9\\ud83d\\ude00\"");
    run(&[], "'\\ud83d'", "\"\\ud83d\"");
    run(&[], "{'b', 'a', 'c'}", "[\"b\",\"a\",\"c\"]");
    run(&[], &"7".repeat(4300), &"7".repeat(4300));
    run(
        &["--pretty"],
        "{'a': (1,), 'e': []}",
        "{\n  \"a\": [\n    1\n  ],\n  \"e\": []\n}",
    );
}

#[test]
fn lines_mode_good_lines() {
    for cmd in ["json", "repr"] {
        safelit()
            .args([cmd, "--lines"])
            .write_stdin("1\r\n(2,)\n\n   \n[3, None]")
            .assert()
            .success()
            .stdout(if cmd == "json" {
                "1\n[2]\n[3,null]\n"
            } else {
                "1\n(2,)\n[3, None]\n"
            });
    }
    safelit()
        .args(["check", "--lines", "records.txt"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn lines_mode_stops_at_the_first_bad_line() {
    safelit()
        .args(["json", "--lines", "mixed_lines.txt"])
        .assert()
        .code(1)
        .stdout("[1,2]\n")
        .stderr(
            "mixed_lines.txt:2:1: error: malformed node or string on line 1: <ast.Name object>\n  not_a_literal\n  ^^^^^^^^^^^^^\n",
        );
}

#[test]
fn lines_mode_keep_going_reports_every_bad_line() {
    safelit()
        .args(["json", "--lines", "--keep-going", "mixed_lines.txt"])
        .assert()
        .code(1)
        .stdout("[1,2]\n[3,4]\n\"ok\"\n")
        .stderr(
            "mixed_lines.txt:2:1: error: malformed node or string on line 1: <ast.Name object>\n\
             \x20 not_a_literal\n\
             \x20 ^^^^^^^^^^^^^\n\
             mixed_lines.txt:5: error: bytes value at ['k'] has no JSON form; use --bytes=base64 or --bytes=latin1\n\
             mixed_lines.txt:6:1: error: '[' was never closed\n\
             \x20 [1,\n\
             \x20 ^\n\
             mixed_lines.txt: 3 of 6 lines failed\n",
        );
    safelit()
        .args(["check", "--lines", "--keep-going", "-"])
        .write_stdin(&b"1\n\xff\n2\n"[..])
        .assert()
        .code(1)
        .stdout("")
        .stderr("<stdin>:2:1: error: invalid UTF-8: byte 0xFF at offset 0\n<stdin>: 1 of 2 lines failed\n");
}

#[test]
fn limits_as_flags() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    safelit()
        .arg("check")
        .write_stdin(deep(200))
        .assert()
        .success();
    safelit()
        .arg("check")
        .write_stdin(deep(201))
        .assert()
        .code(1);
    safelit()
        .args(["check", "--max-depth", "300"])
        .write_stdin(deep(300))
        .assert()
        .success();
    let digits = "9".repeat(5000);
    safelit()
        .arg("check")
        .write_stdin(digits.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "raise the limit with --max-int-digits (0 = none)",
        ));
    safelit()
        .args(["json", "--max-int-digits", "0"])
        .write_stdin(digits.clone())
        .assert()
        .success()
        .stdout(format!("{digits}\n"));
    safelit()
        .args(["check", "--max-input-bytes", "4"])
        .write_stdin("12345")
        .assert()
        .code(1)
        .stderr("<stdin>: error: input is more than max_input_bytes = 4 bytes; raise the limit with --max-input-bytes\n");
    safelit()
        .args(["check", "--max-input-bytes", "5"])
        .write_stdin("12345")
        .assert()
        .success();
    safelit()
        .args(["repr", "--lines", "--keep-going", "--max-input-bytes", "3"])
        .write_stdin("123\n1234\n[1]\r\n")
        .assert()
        .code(1)
        .stdout("123\n[1]\n")
        .stderr(predicate::str::contains(
            "<stdin>:2: error: line is more than max_input_bytes = 3 bytes",
        ));
    safelit()
        .args(["check", "--max-nodes", "3"])
        .write_stdin("[1, 2, 3]")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("raise the limit with --max-nodes"));
}

#[test]
fn deep_nesting_with_a_raised_limit() {
    let n = 100_000;
    let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
    let n_arg = n.to_string();
    let expected = format!("{}{}\n", "[".repeat(n), "]".repeat(n));
    safelit()
        .args(["json", "--max-depth", &n_arg])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(expected);
    safelit()
        .args(["repr", "--max-depth", &n_arg])
        .write_stdin(text)
        .assert()
        .success();
}

#[test]
fn bad_input_gives_a_message_and_a_nonzero_exit() {
    safelit()
        .arg("check")
        .write_stdin(&b"[1,\n 'caf\xe9']"[..])
        .assert()
        .code(1)
        .stderr("<stdin>:2:6: error: invalid UTF-8: byte 0xE9 at offset 9\n   'caf\n       ^\n");
    safelit()
        .args(["json", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt: error: cannot read:"));
    safelit()
        .args(["repr", "."])
        .assert()
        .code(2)
        .stderr(".: error: cannot read: is a directory\n");
    safelit()
        .arg("check")
        .write_stdin("[1, '\0']")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("null bytes"));
}

#[test]
fn broken_pipe_is_reported() {
    let big = "[1, 'two', (3.0, None)]\n".repeat(200_000);
    let input = scratch("pipe.txt", big.as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("safelit");
    let mut child = std::process::Command::new(bin)
        .args(["repr", "--lines"])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    drop(child.stdout.take()); // the reader goes away at once
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    let _ = std::fs::remove_file(&input);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("safelit: error: cannot write output: Broken pipe"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    safelit()
        .args(["json", "--lines", "--pretty"])
        .assert()
        .code(2);
    safelit()
        .args(["repr", "--lines", "--pretty"])
        .assert()
        .code(2);
    safelit().args(["check", "--keep-going"]).assert().code(2);
    safelit()
        .args(["json", "--bytes=hex"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: base64, latin1"));
    safelit().arg("frobnicate").assert().code(2);
    safelit().assert().code(2);
    safelit().arg("--help").assert().success().stdout(
        predicate::str::contains("check")
            .and(predicate::str::contains("json"))
            .and(predicate::str::contains("repr")),
    );
}
