//! Tests of the second pass, with expectations from CPython 3.11.7, 3.12.1
//! and 3.13.0.

use std::time::{Duration, Instant};

use crate::lexer::raw::NumberShape;
use crate::lexer::{Kind, Raw};
use crate::options::PythonVersion;

use super::{second_pass_of, DiagToken};

/// Every version the passes follow.
const VERSIONS: [PythonVersion; 3] = [
    PythonVersion::V3_11,
    PythonVersion::V3_12,
    PythonVersion::V3_13,
];

/// The tokens of `src` with bracket levels, as `classify` hands them over
/// when following `version`.
fn tokens_of(version: PythonVersion, src: &str) -> Vec<DiagToken> {
    let config = crate::Parser::new()
        .with_limits(crate::Limits {
            max_depth: 10_000,
            ..crate::Limits::default()
        })
        .with_python(version);
    crate::parser::classify::scan(src, &config).tokens
}

/// [`tokens_of`] for 3.11.
fn tokens(src: &str) -> Vec<DiagToken> {
    tokens_of(PythonVersion::V3_11, src)
}

/// The first specialised error of 3.11's second pass.
fn second_pass(src: &str, tokens: &[DiagToken]) -> Option<crate::parser::token::ActionError> {
    second_pass_of(PythonVersion::V3_11, src, tokens)
}

/// The error of `src` under `version` as `(message, 1-based start column,
/// 1-based end column)` on the first line, or `None`.
fn diagnose_as(version: PythonVersion, src: &str) -> Option<(String, usize, usize)> {
    let error = second_pass_of(version, src, &tokens_of(version, src))?;
    let column = |byte: usize| src.get(..byte).map_or(0, |s| s.chars().count()) + 1;
    Some((error.message, column(error.start), column(error.end)))
}

/// Asserts the message and the start column (and the end column unless 0)
/// under `version`.
#[track_caller]
fn check_as(version: PythonVersion, src: &str, message: &str, start: usize, end: usize) {
    let got = diagnose_as(version, src);
    let (got_message, got_start, got_end) = got.clone().unwrap_or_default();
    assert!(
        got_message == message && got_start == start && (end == 0 || got_end == end),
        "{version:?} {src:?}: got {got:?}, want ({message:?}, {start}, {end})"
    );
}

/// [`check_as`] for 3.11.
#[track_caller]
fn check(src: &str, message: &str, start: usize, end: usize) {
    check_as(PythonVersion::V3_11, src, message, start, end);
}

#[track_caller]
fn check_none_as(version: PythonVersion, src: &str) {
    assert_eq!(diagnose_as(version, src), None, "{version:?} {src:?}");
}

#[track_caller]
fn check_none(src: &str) {
    check_none_as(PythonVersion::V3_11, src);
}

const COMMA: &str = "invalid syntax. Perhaps you forgot a comma?";

const MAYBE_EQUALITY: &str = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";

#[test]
fn forgotten_commas() {
    check("[a, b c]", COMMA, 5, 8);
    check("(1 2)", COMMA, 2, 5);
    check("{'a' 1}", COMMA, 2, 7);
    check("{1, 2 3}", COMMA, 5, 8);
    check_none("a b");
    check_none("1 2");
}

#[test]
fn dictionary_errors() {
    check("{1:2, 3}", "':' expected after dictionary key", 7, 0);
    check("{1: 2, 3 4}", "':' expected after dictionary key", 8, 0);
    check("{1:2, f(x y)}", "':' expected after dictionary key", 7, 0);
    check(
        "{1:2, 3:}",
        "expression expected after dictionary key and ':'",
        8,
        9,
    );
    check(
        "{1: *a}",
        "cannot use a starred expression in a dictionary value",
        5,
        7,
    );
    check(
        "{1: *a.b + c}",
        "cannot use a starred expression in a dictionary value",
        5,
        13,
    );
    check("{3 4}", COMMA, 2, 5);
}

#[test]
fn calls() {
    check(
        "f(x for x in y, 1)",
        "Generator expression must be parenthesized",
        3,
        15,
    );
    check(
        "f(a, b for b in c)",
        "Generator expression must be parenthesized",
        6,
        18,
    );
    check(
        "f(**a, b)",
        "positional argument follows keyword argument unpacking",
        9,
        10,
    );
    check(
        "f(a=1, b)",
        "positional argument follows keyword argument",
        9,
        10,
    );
    check(
        "f(a.b=1)",
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        3,
        7,
    );
    check("f(True=1)", "cannot assign to True", 3, 8);
    check(
        "f(a=1 for a in b)",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        3,
        5,
    );
}

#[test]
fn lambdas() {
    check("lambda *: 1", "named arguments must follow bare *", 9, 10);
    check(
        "lambda *, **k: 1",
        "named arguments must follow bare *",
        11,
        13,
    );
    check("lambda a=,: 1", "expected default value expression", 9, 10);
    check(
        "lambda *a=1: 1",
        "var-positional argument cannot have default value",
        10,
        11,
    );
    check(
        "lambda a=1, b: 1",
        "non-default argument follows default argument",
        13,
        14,
    );
    check(
        "lambda (a): 1",
        "Lambda expression parameters cannot be parenthesized",
        8,
        11,
    );
    check("lambda a, /, /: 1", "/ may appear only once", 14, 15);
    check("lambda a, *, b, /: 1", "/ must be ahead of *", 17, 18);
    check(
        "lambda *a, *b: 1",
        "* argument may appear only once",
        12,
        13,
    );
    check_none("lambda /: 1");
}

#[test]
fn assignments_and_targets() {
    check(
        "[a=1]",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        2,
        5,
    );
    check(
        "[a.b=1]",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        2,
        5,
    );
    check("[x for 1 in y]", "cannot assign to literal", 8, 9);
    check("(*a)", "cannot use starred expression here", 2, 4);
    check("(**a)", "cannot use double starred expression here", 2, 4);
    check("a if b", "expected 'else' after 'if' expression", 1, 7);
    check(
        "print 1, 2",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        11,
    );
    check(
        "a[*b for b in c]",
        "iterable unpacking cannot be used in comprehension",
        3,
        5,
    );
    check_none("[x for a]");
}

#[test]
fn cpython_quirks() {
    // `_PyPegen_soft_keyword_token` takes any prefix of a soft keyword.
    check_none("[c d]");
    check_none("[mat d]");
    check("[cx d]", COMMA, 2, 6);
    // The dict rule's invalid alternative runs in the first pass already.
    check("{**a, 3 4}", "':' expected after dictionary key", 7, 0);
    check("{1: 2, (3 4)}", COMMA, 9, 12);
    // 3.11.7's form of the first invalid_arguments alternative.
    check(
        "f(**a, *b)",
        "iterable argument unpacking follows keyword argument unpacking",
        8,
        9,
    );
    check(
        "f(*x, *)",
        "iterable argument unpacking follows keyword argument unpacking",
        7,
        8,
    );
    check_none("f(x, *)");
    // Reading the end of the input inside brackets is a tokenizer error.
    check("(1 2", "'(' was never closed", 1, 2);
    // Names are compared after NFKC normalization.
    check(
        "ｐｒｉｎｔ 1",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        0,
    );
    // The strings action runs when the second pass reaches the strings.
    check(
        "print 1, 'a' b'b'",
        "cannot mix bytes and nonbytes literals",
        17,
        0,
    );
    // Targets without an invalid part raise nothing.
    check_none("[*x for a]");
    check_none("[x for a < b in c]");
    check_none("lambda *, a, *: 1");
}

#[test]
fn multi_line_positions() {
    // A bracket left open on a line before the last token read wins.
    let src = "~ print \\\n / { 1 { match \n , match } { }";
    let error = second_pass(src, &tokens(src));
    assert_eq!(
        error.map(|e| (e.message, e.start)),
        Some(("'{' was never closed".into(), 13))
    );
    // ... unless the tokenizer already stands at the end of the input.
    let src = "y \\\n ( _ for x \n [ 0 ] in ( 't' ) . match , None , None . print :=";
    let error = second_pass(src, &tokens(src));
    assert_eq!(
        error.map(|e| (e.message, e.start)),
        Some(("Generator expression must be parenthesized".into(), 7))
    );
    // The caret of a multi-line key sits on its first line.
    let src = "{1: 2,\n (3 +\n 44)}";
    let error = second_pass(src, &tokens(src));
    assert_eq!(
        error.map(|e| (e.message, e.start)),
        Some(("':' expected after dictionary key".into(), 9))
    );
}

#[test]
fn fstring_fields_3_12() {
    for v in [PythonVersion::V3_12, PythonVersion::V3_13] {
        check_as(v, "f'{a b}'", COMMA, 4, 7);
        check_as(
            v,
            "f'{}'",
            "f-string: valid expression required before '}'",
            4,
            5,
        );
        check_as(
            v,
            "f'{!r}'",
            "f-string: valid expression required before '!'",
            4,
            5,
        );
        check_as(
            v,
            "f'{ =}'",
            "f-string: valid expression required before '='",
            5,
            6,
        );
        check_as(
            v,
            "f'{:2}'",
            "f-string: valid expression required before ':'",
            4,
            5,
        );
        check_as(
            v,
            "f'{$}'",
            "f-string: expecting a valid expression after '{'",
            4,
            5,
        );
        check_as(
            v,
            "f'{**x}'",
            "f-string: expecting a valid expression after '{'",
            4,
            6,
        );
        let after_value = "f-string: expecting '=', or '!', or ':', or '}'";
        check_as(v, "f'{1;}'", after_value, 5, 6);
        // The lambda's body is a set; the empty text after it is the token.
        check_as(v, "f'{lambda x:{y}}'", after_value, 16, 16);
        check_as(
            v,
            "f'{x = 1}'",
            "f-string: expecting '!', or ':', or '}'",
            8,
            9,
        );
        check_as(v, "f'{x!}'", "f-string: missing conversion character", 6, 7);
        check_as(
            v,
            "f'{x:{y!}}'",
            "f-string: missing conversion character",
            9,
            10,
        );
        check_as(
            v,
            "f'{3!3}'",
            "f-string: invalid conversion character",
            6,
            7,
        );
        check_as(v, "f'{x!r=}'", "f-string: expecting ':' or '}'", 7, 8);
        let lambda = "f-string: lambda expressions are not allowed without parentheses";
        check_as(v, "f'{lambda x:}'", lambda, 4, 13);
        check_as(v, "f'{lambda x:a}'", lambda, 4, 13);
        check_as(v, "f'{1, lambda:x}'", lambda, 7, 14);
        check_as(v, "f'{x:{lambda y: 1}}'", lambda, 7, 16);
        // First-pass actions.
        let adjacent = "f-string: conversion type must come right after the exclamanation mark";
        check_as(v, "f'{x! r}' + (1 2)", adjacent, 5, 8);
        let conversion = "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'";
        check_as(v, "f'{x!z}' + (1 2)", conversion, 6, 7);
        check_as(v, "f'{x=!r:a}' + (1 2)", COMMA, 16, 19);
        check_as(v, "(1 2) + f'{x!z}'", COMMA, 2, 5);
        // Strings decode as they are read: the error is on the string.
        let unknown_name = "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name";
        check_as(v, r"'\N{foo}' (a b)", unknown_name, 1, 10);
        check_as(v, r"f'\N{foo}' (a b)", unknown_name, 10, 11);
    }
    // 3.11 reads an f-string as one STRING token.
    check_none("f'{a b}' + 1");
}

#[test]
fn rules_changed_in_3_12() {
    let [v311, v312, v313] = VERSIONS;
    for v in [v312, v313] {
        // `type` is a soft keyword, and so are its prefixes.
        check_none_as(v, "(t x)");
        check_none_as(v, "(type x)");
        check_as(v, "(x y)", COMMA, 2, 5);
        check_as(v, "type A[T = ((x:=3))] = int", MAYBE_EQUALITY, 8, 0);
        check_as(
            v,
            "f(**a=1)",
            "cannot assign to keyword argument unpacking",
            3,
            8,
        );
        check_as(
            v,
            "f(*a=1)",
            "cannot assign to iterable argument unpacking",
            3,
            7,
        );
        check_as(v, "f(a=1, b=)", "expected argument value expression", 8, 10);
        check_as(v, "f(a=, *b)", "expected argument value expression", 3, 5);
        let misordered = "parameter without a default follows parameter with a default";
        check_as(v, "lambda a=1, b, /: 0", misordered, 13, 14);
        check_as(v, "lambda a,/,d=3,c: None", misordered, 16, 17);
        check_as(
            v,
            "lambda a=1, /, b, /: 0",
            "/ may appear only once",
            19,
            20,
        );
    }
    check_as(v311, "(t x)", COMMA, 2, 5);
    check_none("f(**a=1)");
    check_as(
        v311,
        "lambda a=1, /, b, /: 0",
        "non-default argument follows default argument",
        16,
        17,
    );
}

#[test]
fn rules_new_in_3_13() {
    let [v311, v312, v313] = VERSIONS;
    let not = "'not' after an operator must be parenthesized";
    check_as(v313, "3 // not 3", not, 6, 11);
    check_as(v313, "3 + - not 3", not, 7, 12);
    check_as(v313, "-not 1", not, 2, 7);
    check_none_as(v313, "3 ** not 3");
    check_none_as(v313, "3 | not 3");
    let expected_in = "'in' expected after for-loop variables";
    check_as(v313, "[x for x y]", expected_in, 10, 11);
    check_as(v313, "[x async for x]", expected_in, 15, 16);
    check_as(v313, "[x for a, b, (c + 1, d()) if y]", expected_in, 27, 0);
    let star = "Invalid star expression";
    check_as(v313, "f(a=1, *)", star, 9, 10);
    check_as(v313, "[*]", star, 3, 4);
    check_as(v313, "A[*:]", star, 4, 5);
    let unpacking = "iterable argument unpacking follows keyword argument unpacking";
    check_as(v313, "f(*a, **b, *c)", unpacking, 10, 14);
    check_as(v313, "f(**a, b=1, *c)", unpacking, 11, 15);
    // Both are inline alternatives in 3.13.0, not invalid rules: they also
    // apply under `expression_without_invalid` (here while looking for a
    // forgotten comma), unlike `invalid_for_target`.
    check_as(v313, "x [y for x]", expected_in, 11, 12);
    check_as(v313, "x[y for x, 1]", expected_in, 13, 14);
    check_none_as(v313, "x [a for 1 in b]");
    check_as(v313, "(x f(*))", star, 7, 8);
    check_as(v312, "(x f(*))", COMMA, 2, 5);
    for v in [v311, v312] {
        check_none_as(v, "3 // not 3");
        check_none_as(v, "[*]");
        check_as(v, "f(*a, **b, *c)", unpacking, 12, 13);
    }
}

/// Runs `f` and asserts it took less than `limit`.
fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}");
    result
}

/// A token of kind `raw` at `at`, one byte long.
fn token(raw: Raw, at: usize, level: usize) -> DiagToken {
    DiagToken {
        kind: Kind::Raw(raw),
        start: at,
        end: at + 1,
        level,
        buffer: 0,
    }
}

/// Ends a token list with the end marker.
fn finish(mut tokens: Vec<DiagToken>, src_len: usize) -> Vec<DiagToken> {
    tokens.push(DiagToken {
        kind: Kind::EndMarker,
        start: src_len,
        end: src_len,
        level: 0,
        buffer: 0,
    });
    tokens
}

const HUGE: usize = 100_000;

#[test]
fn deep_unary_chain_is_bounded() {
    let src = format!("{}1 2", "-".repeat(HUGE));
    let mut list: Vec<_> = (0..HUGE).map(|i| token(Raw::Minus, i, 0)).collect();
    list.push(token(Raw::Number(NumberShape::Other), HUGE, 0));
    list.push(token(Raw::Number(NumberShape::Other), HUGE + 2, 0));
    let list = finish(list, src.len());
    for version in VERSIONS {
        let result = timed(Duration::from_secs(2), || {
            second_pass_of(version, &src, &list)
        });
        assert_eq!(result, None);
    }
}

#[test]
fn deep_brackets_are_bounded() {
    let src = format!("{}1 2", "(".repeat(HUGE));
    let mut list: Vec<_> = (0..HUGE).map(|i| token(Raw::LPar, i, i + 1)).collect();
    list.push(token(Raw::Number(NumberShape::Other), HUGE, HUGE));
    list.push(token(Raw::Number(NumberShape::Other), HUGE + 2, HUGE));
    let list = finish(list, src.len());
    for version in VERSIONS {
        let result = timed(Duration::from_secs(2), || {
            second_pass_of(version, &src, &list)
        });
        assert_eq!(result, None);
    }
}

#[test]
fn long_list_with_late_error() {
    let mut src = String::from("[");
    for i in 0..HUGE {
        src.push_str(&format!("{i}, "));
    }
    src.push_str("1 2]");
    for version in VERSIONS {
        let result = timed(Duration::from_secs(5), || diagnose_as(version, &src));
        let (message, _, _) = result.unwrap_or_default();
        assert_eq!(message, COMMA);
    }
}

#[test]
fn deep_recursion_of_every_kind_is_bounded() {
    let n = 20_000;
    let inputs = [
        format!("{}1 2", "not ".repeat(n)),
        format!("{}1 2", "lambda: ".repeat(n)),
        format!("{}1 2", "a if b else ".repeat(n)),
        format!("{}1 2", "a ** ".repeat(n)),
        format!("{}1 2", "await ".repeat(n)),
        format!("{}1 2", "~".repeat(n)),
        format!("{}1 2", "print ".repeat(n)),
        format!("{}1 2", "a ".repeat(n)),
        format!("{}1 2", "yield ".repeat(n)),
        format!("{}1 2", "*".repeat(n)),
        format!("lambda {}: 1", "a=lambda ".repeat(n)),
        format!("{}1 2", "[x for x in ".repeat(n)),
        format!("{}1 2", "(x for x in ".repeat(n)),
        format!("{}1 2", "{1: ".repeat(n)),
        format!("{}1 2", "f(".repeat(n)),
        format!("{}1 2", "a[".repeat(n)),
        format!("{}1 2", "f(a=".repeat(n)),
        format!("{}1 2", "[*".repeat(n)),
        format!("{}1 2", "(x := ".repeat(n)),
        format!("{}1 2", "a[1:".repeat(n)),
        format!("[x for {}a in b]", "(".repeat(n)),
        format!("[x for {}a in b]", "a[".repeat(n)),
        format!("{}1 2", "3 + not ".repeat(n)),
        format!("{}1 2", "-not ".repeat(n)),
        format!("{}1 2", "f(*".repeat(n)),
        format!("{}1 2", "f(**a=".repeat(n)),
        format!("{}(1 2)", "f'{x}' ".repeat(n)),
        format!("[{}1 2]", "f'{x:{y}}', ".repeat(n)),
        format!("{}1 2", "f'{x:{y!r}}{".repeat(n)),
        format!("f'{}'", "{lambda x:".repeat(n)),
        format!("f'{{{}}}'", "x, ".repeat(n)),
    ];
    for src in &inputs {
        for version in VERSIONS {
            let list = tokens_of(version, src);
            timed(Duration::from_secs(2), || {
                second_pass_of(version, src, &list)
            });
        }
    }
}

/// The token kinds random sequences are made of.
const KINDS: [Kind; 49] = [
    Kind::FStringStart,
    Kind::FStringMiddle { raw: false },
    Kind::FStringMiddle { raw: true },
    Kind::FStringEnd,
    Kind::Raw(Raw::Exclamation),
    Kind::Raw(Raw::Name),
    Kind::Raw(Raw::Number(NumberShape::Other)),
    Kind::Raw(Raw::True),
    Kind::Raw(Raw::None),
    Kind::Raw(Raw::Ellipsis),
    Kind::Raw(Raw::If),
    Kind::Raw(Raw::Else),
    Kind::Raw(Raw::For),
    Kind::Raw(Raw::In),
    Kind::Raw(Raw::Async),
    Kind::Raw(Raw::Await),
    Kind::Raw(Raw::Lambda),
    Kind::Raw(Raw::Not),
    Kind::Raw(Raw::And),
    Kind::Raw(Raw::Or),
    Kind::Raw(Raw::Is),
    Kind::Raw(Raw::Yield),
    Kind::Raw(Raw::From),
    Kind::Raw(Raw::LPar),
    Kind::Raw(Raw::RPar),
    Kind::Raw(Raw::LSqb),
    Kind::Raw(Raw::RSqb),
    Kind::Raw(Raw::LBrace),
    Kind::Raw(Raw::RBrace),
    Kind::Raw(Raw::Comma),
    Kind::Raw(Raw::Colon),
    Kind::Raw(Raw::ColonEqual),
    Kind::Raw(Raw::Equal),
    Kind::Raw(Raw::EqEqual),
    Kind::Raw(Raw::NotEqual),
    Kind::Raw(Raw::LessGreater),
    Kind::Raw(Raw::Dot),
    Kind::Raw(Raw::Star),
    Kind::Raw(Raw::DoubleStar),
    Kind::Raw(Raw::Slash),
    Kind::Raw(Raw::Plus),
    Kind::Raw(Raw::Minus),
    Kind::Raw(Raw::Tilde),
    Kind::Raw(Raw::VBar),
    Kind::Raw(Raw::Unknown),
    Kind::Raw(Raw::StmtKeyword),
    Kind::Newline,
    Kind::Indent,
    Kind::EndMarker,
];

proptest::proptest! {
    /// Any token sequence, even one no tokenizer would produce (levels and
    /// spans made up), gives a result without panicking.
    #[test]
    fn arbitrary_tokens_never_panic(
        picks in proptest::collection::vec((0..KINDS.len(), 0usize..8, 0usize..40, 0usize..40), 0..60),
        src in "[a-z(){}\\[\\], :=*]{0,40}",
    ) {
        let list: Vec<DiagToken> = picks
            .iter()
            .map(|&(k, level, start, len)| DiagToken {
                kind: KINDS[k],
                start,
                end: start + len,
                level,
                // Any offset, even past the text: never trusted blindly.
                buffer: len,
            })
            .collect();
        for version in VERSIONS {
            let _ = second_pass_of(version, &src, &list);
        }
    }

    /// Any short text made of expression characters gives a result without
    /// panicking.
    #[test]
    fn arbitrary_text_never_panics(src in "[a-c1 ()\\[\\]{},:=*.+\\-/<>!'\"\\nfrbligsenota_]{0,60}") {
        for version in VERSIONS {
            let _ = second_pass_of(version, &src, &tokens_of(version, &src));
        }
    }
}
