//! Property tests: printing then parsing gives the value back (types
//! included); no input makes the parser panic; every error points into the
//! input.

use proptest::prelude::*;
use safelit::{
    parse, parse_with, Complex, Dict, ErrorKind, Int, LimitKind, Limits, PyStr, Set, Value,
};

/// Floats whose repr `literal_eval` reads back (no `inf`/`nan`: their repr
/// is a name, which CPython rejects too).
fn finite_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        Just(0.0),
        Just(-0.0),
        Just(5e-324),
        Just(1e16),
        Just(f64::MAX),
        (-1000i32..1000).prop_map(|i| f64::from(i) / 8.0),
    ]
}

fn int() -> impl Strategy<Value = Int> {
    prop_oneof![
        any::<i64>().prop_map(Int::from),
        (any::<i128>(), any::<u64>())
            .prop_map(|(hi, lo)| { Int::from((num_bigint::BigInt::from(hi) << 64) + lo) }),
    ]
}

/// Strings of any code points, lone surrogates included.
fn py_str() -> impl Strategy<Value = PyStr> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>().prop_map(u32::from),
            2 => 0x20u32..0x7f,
            1 => 0xD800u32..0xE000,
            1 => Just(u32::from('\'')),
            1 => Just(u32::from('"')),
            1 => Just(u32::from('\\')),
            1 => 0u32..0x20,
        ],
        0..12,
    )
    .prop_map(|cps| PyStr::from_code_points(cps).unwrap_or_default())
}

/// Hashable scalars (dict keys, set elements).
fn hashable_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::None),
        any::<bool>().prop_map(Value::Bool),
        int().prop_map(Value::Int),
        finite_float().prop_map(Value::Float),
        py_str().prop_map(Value::Str),
        prop::collection::vec(any::<u8>(), 0..10).prop_map(Value::Bytes),
        // Not `Ellipsis`: CPython's repr of it is the name `Ellipsis`, which
        // literal_eval rejects (only `...` reads back).
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => hashable_scalar(),
        // Complex numbers whose repr reads back exactly: `real ± imag` keeps
        // the signs of non-zero parts (CPython's repr of other complex
        // numbers does not round-trip through literal_eval either).
        1 => (finite_float(), finite_float())
            .prop_filter("non-zero parts", |(re, im)| *re != 0.0 && *im != 0.0)
            .prop_map(|(re, im)| Value::Complex(Complex { re, im })),
        1 => finite_float()
            .prop_filter("non-zero", |im| *im != 0.0)
            .prop_map(|im| Value::Complex(Complex { re: 0.0, im }))
            .prop_filter("positive imaginary", |v| matches!(v, Value::Complex(c) if c.im > 0.0)),
    ]
}

fn hashable() -> impl Strategy<Value = Value> {
    hashable_scalar().prop_recursive(3, 16, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Value::Tuple)
    })
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Tuple),
            prop::collection::vec((hashable(), inner), 0..6).prop_map(|pairs| {
                let mut dict = Dict::new();
                for (k, v) in pairs {
                    dict.insert(k, v).expect("hashable keys");
                }
                Value::Dict(dict)
            }),
            prop::collection::vec(hashable(), 0..6).prop_map(|items| {
                let mut set = Set::new();
                for item in items {
                    set.insert(item).expect("hashable elements");
                }
                Value::Set(set)
            }),
        ]
    })
}

/// Python-looking text: literals, names, operators, brackets, odd bytes.
fn pythonish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("["),
        Just("]"),
        Just("("),
        Just(")"),
        Just("{"),
        Just("}"),
        Just(","),
        Just(":"),
        Just("+"),
        Just("-"),
        Just("*"),
        Just("**"),
        Just("1"),
        Just("2.5"),
        Just("1e5"),
        Just("0x1f"),
        Just("3j"),
        Just("01"),
        Just("1_"),
        Just("'a'"),
        Just("\"b\""),
        Just("b'c'"),
        Just("'''t'''"),
        Just("f'{x}'"),
        Just("'\\x4"),
        Just("r'\\'"),
        Just("'\\N{DASH}'"),
        Just("'"),
        Just("\"\"\""),
        Just("x"),
        Just("set"),
        Just("None"),
        Just("..."),
        Just("True"),
        Just("lambda"),
        Just("not"),
        Just("if"),
        Just("else"),
        Just("for"),
        Just("in"),
        Just("yield"),
        Just("await"),
        Just(" "),
        Just("\n"),
        Just("\r\n"),
        Just("\t"),
        Just("\\\n"),
        Just("#c\n"),
        Just("\x0c"),
        Just("é"),
        Just("€"),
        Just("\u{a0}"),
        Just("$"),
        Just("\\"),
        Just(";"),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn check_error_position(text: &str, err: &safelit::Error) {
    let span = err.span();
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{err:?} span {span:?} outside {text:?}"
    );
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    assert!(err.line() >= 1 && err.column() >= 1);
    let lines = text.split(['\n', '\r']).count();
    assert!(
        err.line() <= lines.max(1),
        "{err:?}: line {} of {lines} in {text:?}",
        err.line()
    );
    // Display never panics and mentions the position.
    let shown = err.to_string();
    assert!(shown.contains(&format!("line {}", err.line())));
}

/// The error CPython gives for any source with a NUL byte, wherever it is.
fn assert_nul_error(text: &str) {
    let err = match parse(text) {
        Ok(v) => panic!("{text:?} parsed as {v}"),
        Err(err) => err,
    };
    assert_eq!(err.kind(), ErrorKind::Syntax, "{text:?}");
    assert_eq!(
        err.message(),
        "source code string cannot contain null bytes",
        "{text:?}"
    );
    assert_eq!(Some(err.span().start), text.find('\0'), "{text:?}");
}

/// A NUL byte anywhere in a literal, at every position of texts that take
/// each branch of the single-pass parser (which leaves the NUL check to the
/// full path, so it must give up on every NUL it meets): inside strings of
/// every kind, after a backslash, in comments, between tokens, at the end.
#[test]
fn a_nul_byte_anywhere_is_an_error() {
    let texts = [
        "{'id': 1, 'tags': ['a', 'é'], 'score': -0.5, 'ok': True, 'n': None}",
        r#"[b'x\n', r'\d', u'u', 'a' 'b', "q", '''t
t''', """s"""]"#,
        r"('esc\x41\N{SPACE}', b'\x00', 1e5, 0x1f, 1_000, 2j, 1+2j, ...)",
        "# lead\n\n[1,  # c\n 2,\n]\n# tail\n",
        "1, 2,",
        "{1, 2, (3,)}",
        "set()",
        "'long string with more than eight bytes in it'",
    ];
    for text in texts {
        assert!(parse(text).is_ok(), "{text}");
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let mut with = text.to_owned();
            with.insert(at, '\0');
            assert_nul_error(&with);
            if at < text.len() {
                let mut replaced = text.to_owned();
                replaced.replace_range(at..at + c.len_utf8(), "\0");
                assert_nul_error(&replaced);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn display_then_parse_round_trips(v in value()) {
        let text = v.to_string();
        let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert!(back.strict_eq(&v), "{} reparsed as {}", text, back);
    }

    #[test]
    fn a_nul_byte_in_any_literal_is_an_error(v in value(), at in any::<prop::sample::Index>()) {
        let mut text = v.to_string();
        let boundaries: Vec<usize> =
            text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        text.insert(boundaries[at.index(boundaries.len())], '\0');
        assert_nul_error(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        if let Err(err) = parse(&text) {
            check_error_position(&text, &err);
        }
    }

    #[test]
    fn pythonish_text_never_panics(text in pythonish()) {
        match parse(&text) {
            Ok(v) => {
                // Whatever parses prints as a literal that parses again.
                // (Except names: `...` prints as `Ellipsis`, and a float
                // literal that overflows, e.g. `1e501`, as `inf`.)
                let shown = v.to_string();
                let again = parse(&shown);
                prop_assert!(again.is_ok() || shown.contains("Ellipsis") || shown.contains("inf"), "{} -> {} does not reparse", text, v);
            }
            Err(err) => check_error_position(&text, &err),
        }
    }

    #[test]
    fn any_limits_never_panic(
        text in pythonish(),
        depth in 0usize..6,
        digits in 0usize..6,
        bytes in 0usize..40,
        nodes in 0usize..8,
    ) {
        let limits = Limits { max_depth: depth, max_int_digits: digits, max_input_bytes: bytes, max_nodes: nodes };
        if let Err(err) = parse_with(&text, &limits) {
            check_error_position(&text, &err);
        }
    }

    /// The fast path has two parsers from one grammar: recursive ascent
    /// (picked for a small `max_depth`) and table-driven (for a large one).
    /// They must agree on every input.
    #[test]
    fn both_fast_path_parsers_agree(text in pythonish(), v in value()) {
        let recursive_ascent = Limits { max_depth: 8, ..Limits::default() };
        let table_driven = Limits { max_depth: 300, ..Limits::default() };
        for text in [text, v.to_string()] {
            let a = parse_with(&text, &recursive_ascent);
            if matches!(&a, Err(e) if e.kind() == ErrorKind::Limit(LimitKind::Depth)) {
                continue;
            }
            match (a, parse_with(&text, &table_driven)) {
                (Ok(x), Ok(y)) => prop_assert!(x.strict_eq(&y), "{}: {} vs {}", text, x, y),
                (Err(x), Err(y)) => prop_assert_eq!(
                    (x.kind(), x.message(), x.span()),
                    (y.kind(), y.message(), y.span()),
                    "{}", text
                ),
                (a, b) => prop_assert!(false, "{}: {:?} vs {:?}", text, a, b),
            }
        }
    }
}
