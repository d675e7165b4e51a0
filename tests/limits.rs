//! Every limit of `Limits`: its default, the boundary, and the error it gives.

use safelit::{parse, parse_with, ErrorKind, LimitKind, Limits, Value};

fn limits(f: impl FnOnce(&mut Limits)) -> Limits {
    let mut limits = Limits::default();
    f(&mut limits);
    limits
}

fn limit_kind(text: &str, limits: &Limits) -> Option<LimitKind> {
    match parse_with(text, limits).map_err(|e| e.kind()) {
        Err(ErrorKind::Limit(kind)) => Some(kind),
        _ => None,
    }
}

#[test]
fn defaults_are_cpythons() {
    assert_eq!(Limits::default(), Limits::CPYTHON);
    assert_eq!(Limits::default().max_depth, 200);
    assert_eq!(Limits::default().max_int_digits, 4300);
    assert_eq!(Limits::default().max_input_bytes, usize::MAX);
    assert_eq!(Limits::default().max_nodes, usize::MAX);
}

#[test]
fn max_depth_counts_open_brackets_of_every_kind() {
    let two = limits(|l| l.max_depth = 2);
    assert!(parse_with("[(1,)]", &two).is_ok());
    assert!(parse_with("[1, (2,), {3}]", &two).is_ok());
    let err = parse_with("[({1},)]", &two).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::Depth));
    assert_eq!(
        (err.line(), err.column()),
        (1, 3),
        "points at the third bracket"
    );
    assert_eq!(err.message(), "too many nested parentheses");
    // A deeper limit than CPython's is honoured.
    let deep = limits(|l| l.max_depth = 1000);
    let text = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    assert!(parse_with(&text, &deep).is_ok());
    assert_eq!(
        limit_kind(&format!("[{text}]"), &deep),
        Some(LimitKind::Depth)
    );
}

#[test]
fn max_int_digits_applies_to_decimal_ints_only() {
    let at_limit = "1".repeat(4300);
    assert!(parse(&at_limit).is_ok());
    let over = "1".repeat(4301);
    let err = parse(&over).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::IntDigits));
    assert!(err.message().starts_with(
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"
    ));
    // Underscores and the sign are not digits; zeros are never limited.
    assert!(parse(&format!("-1{}", "_0".repeat(4299))).is_ok());
    assert!(parse(&"0".repeat(10_000)).is_ok());
    // Power-of-two bases, floats and imaginary literals are exempt.
    assert!(parse(&format!("0x{}", "f".repeat(10_000))).is_ok());
    assert!(parse(&format!("0b{}", "1".repeat(10_000))).is_ok());
    assert_eq!(
        parse(&format!("{}.0", "1".repeat(5000))).unwrap(),
        Value::Float(f64::INFINITY)
    );
    assert!(parse(&format!("{}j", "1".repeat(5000))).is_ok());
    // Configurable, and 0 means unlimited.
    let ten = limits(|l| l.max_int_digits = 10);
    assert!(parse_with("1234567890", &ten).is_ok());
    assert_eq!(limit_kind("12345678901", &ten), Some(LimitKind::IntDigits));
    let unlimited = limits(|l| l.max_int_digits = 0);
    let big = parse_with(&"7".repeat(20_000), &unlimited).unwrap();
    assert_eq!(big.to_string(), "7".repeat(20_000));
}

#[test]
fn max_input_bytes_is_checked_first() {
    let ten = limits(|l| l.max_input_bytes = 10);
    assert!(parse_with("[1, 2, 34]", &ten).is_ok());
    let err = parse_with("[1, 2, 345]", &ten).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::InputBytes));
    // Even before syntax: the input is not looked at.
    assert_eq!(
        limit_kind("$$$$$$$$$$$$", &ten),
        Some(LimitKind::InputBytes)
    );
    // Multi-byte characters: the error still points inside the input.
    let err = parse_with("'ééééééééé'", &ten).unwrap_err();
    assert!(err.span().start <= "'ééééééééé'".len());
}

#[test]
fn max_nodes_counts_every_value() {
    // [1, 2] is three values: the list and two ints.
    let three = limits(|l| l.max_nodes = 3);
    assert!(parse_with("[1, 2]", &three).is_ok());
    assert!(parse_with("{'a': 1}", &three).is_ok());
    let err = parse_with("[1, 2, 3]", &three).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::Nodes));
    assert!(err.message().contains("max_nodes = 3"));
    // A syntax error anywhere still wins, as it would in CPython.
    assert_eq!(
        parse_with("[1, 2, 3, 4] $", &three).unwrap_err().kind(),
        ErrorKind::Syntax
    );
    // Other errors do not hide a limit that tripped before them.
    assert_eq!(
        limit_kind("[1, 2, 3, 4, x]", &three),
        Some(LimitKind::Nodes)
    );
    assert_eq!(
        parse_with("[1, 2, x]", &three).unwrap_err().kind(),
        ErrorKind::Malformed
    );
}
