//! Properties every parse outcome must have. Each check panics on failure,
//! which libFuzzer reports as a crash.

use crate::gen_limits::{Case, Kind};
use safelit::{
    parse_into, parse_with, Builder, Complex, Dict, Error, ErrorKind, Int, LimitKind, Limits,
    PyStr, Set, Unhashable, Value, ValueBuilder, Warning,
};

/// No limit at all: what a value's repr is read back with (its repr may
/// nest deeper than the input did, e.g. `[1+2j]` prints as `[(1+2j)]`, and
/// may hold ints of more than 4300 digits).
pub const UNLIMITED: Limits = Limits {
    max_depth: usize::MAX,
    max_int_digits: 0,
    max_input_bytes: usize::MAX,
    max_nodes: usize::MAX,
};

/// One parse: the result, the warnings, and how many values the parser
/// built (what `max_nodes` counts).
pub struct Outcome {
    /// The value or the error.
    pub result: Result<Value, Error>,
    /// CPython's warnings (empty on error).
    pub warnings: Vec<Warning>,
    /// Values built, scalars and containers, before dict/set deduplication.
    pub built: usize,
}

/// Parses `text` with `limits`, counting built values.
pub fn run(text: &str, limits: &Limits) -> Outcome {
    let mut builder = Counting::default();
    match parse_into(text, limits, &mut builder) {
        Ok((value, warnings)) => Outcome {
            result: Ok(value),
            warnings,
            built: builder.built,
        },
        Err(err) => Outcome {
            result: Err(err),
            warnings: Vec::new(),
            built: builder.built,
        },
    }
}

/// Checks everything about one outcome that does not need a second parse:
/// the error is well-formed and points into `text`, a limit error is
/// justified by `limits`, warnings point into `text`.
pub fn check_outcome(text: &str, limits: &Limits, outcome: &Outcome) {
    match &outcome.result {
        Ok(_) => {
            assert!(
                text.len() <= limits.max_input_bytes,
                "{} bytes parsed with max_input_bytes = {}",
                text.len(),
                limits.max_input_bytes
            );
            assert!(
                outcome.built <= limits.max_nodes,
                "{} values built with max_nodes = {}",
                outcome.built,
                limits.max_nodes
            );
            for warning in &outcome.warnings {
                assert!(
                    warning.offset() <= text.len() && !warning.message().is_empty(),
                    "{warning:?} outside {} bytes",
                    text.len()
                );
            }
        }
        Err(err) => {
            check_error(text, err);
            if let ErrorKind::Limit(kind) = err.kind() {
                check_limit_justified(text, limits, kind, err);
            }
            if text.len() > limits.max_input_bytes {
                assert_eq!(
                    err.kind(),
                    ErrorKind::Limit(LimitKind::InputBytes),
                    "max_input_bytes is checked first: {err:?}"
                );
            }
        }
    }
}

/// Panics unless `err` is well-formed for `text`: its span lies inside the
/// text on char boundaries, line and column are 1-based and agree with the
/// span, the message is CPython-like (not an internal error), and `Display`
/// shows the position.
pub fn check_error(text: &str, err: &Error) {
    let span = err.span();
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{err:?}: span {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{err:?}: span {span:?} not on char boundaries"
    );
    assert!(
        err.line() >= 1 && err.column() >= 1,
        "{err:?}: 0-based position"
    );
    assert!(
        err.end_line() >= err.line() && err.end_column() >= 1,
        "{err:?}: end before start"
    );
    let (line, column_limit) = line_of(text, span.start);
    assert_eq!(err.line(), line, "{err:?}: line of byte {}", span.start);
    // CPython counts this error's column from the start of its tokenizer's
    // buffer, which a backslash continuation leaves on an earlier line: the
    // column may pass the end of the line, never the text before the error.
    // The "leading zeros" column counts UTF-8 bytes, as CPython's does, and
    // a parser error's column on a line reached through a continuation or a
    // string spanning lines is its byte column converted with that buffer:
    // at most the byte column.
    let line_start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let column_limit = if err
        .message()
        .starts_with("unexpected character after line continuation character")
    {
        column_limit.max(text[..span.end].chars().count() + 1)
    } else {
        column_limit.max(span.start - line_start + 1)
    };
    assert!(
        err.column() <= column_limit,
        "{err:?}: column past the end of line {line}"
    );
    assert!(!err.message().is_empty(), "{err:?}: empty message");
    assert!(
        !err.message().contains("internal error"),
        "internal error: {err:?}"
    );
    assert!(!err.kind().python_exception().is_empty());
    let shown = err.to_string();
    assert!(
        shown.contains(&format!("line {}", err.line())),
        "{shown:?} does not show line {}",
        err.line()
    );
}

/// The 1-based line holding byte `offset` (lines end at `\n`, `\r\n` or a
/// lone `\r`) and the largest column a position on it can have (its length
/// in code points plus one, plus one more for a `\r` of a `\r\n`).
fn line_of(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for (i, &b) in bytes[..offset].iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if breaks {
            line += 1;
            start = i + 1;
        }
    }
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| start + at);
    (line, text[start..end].chars().count() + 2)
}

/// A limit error needs that limit to be set and plausibly exceeded.
fn check_limit_justified(text: &str, limits: &Limits, kind: LimitKind, err: &Error) {
    match kind {
        LimitKind::InputBytes => assert!(
            text.len() > limits.max_input_bytes,
            "{err:?} for {} bytes",
            text.len()
        ),
        LimitKind::Depth => {
            let opening = text.bytes().filter(|b| b"([{".contains(b)).count();
            assert!(
                opening > limits.max_depth,
                "{err:?} with {opening} opening brackets in all"
            );
        }
        LimitKind::IntDigits => {
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            assert!(
                limits.max_int_digits != 0 && digits > limits.max_int_digits,
                "{err:?} with {digits} digits in all"
            );
        }
        LimitKind::Nodes => assert!(limits.max_nodes < usize::MAX, "{err:?} without max_nodes"),
        other => panic!("unknown limit kind {other:?}: {err:?}"),
    }
}

/// Compares the outcome under `limits` with the outcome without limits: a
/// value must be the same value; a limit error must have a limit that the
/// text could exceed (and that the unlimited parse really exceeds when it
/// succeeds); a non-limit error must be the same error unless some limit
/// could trip. (CPython's int digit limit can change which syntax error is
/// reported: `[1,\n<5000 digits>\\7]` gives `'[' was never closed`
/// under the limit and the bad line continuation without it.)
pub fn check_against_unlimited(
    text: &str,
    limits: &Limits,
    limited: &Outcome,
    unlimited: &Outcome,
) {
    // Whether no limit can trip: every bound here is an upper bound.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let opening = text.bytes().filter(|b| b"([{".contains(b)).count();
    // Values are counted as they are read, before conversion errors, so an
    // unlimited parse that fails may have built fewer values than the
    // limited one counts; a value needs at least one byte of text.
    let nodes = match unlimited.result {
        Ok(_) => unlimited.built,
        Err(_) => unlimited.built.max(text.len()),
    };
    let fits = text.len() <= limits.max_input_bytes
        && nodes <= limits.max_nodes
        && opening <= limits.max_depth
        && (limits.max_int_digits == 0 || digits <= limits.max_int_digits);
    match (&limited.result, &unlimited.result) {
        (Ok(a), Ok(b)) => {
            assert!(
                a.strict_eq(b),
                "{a} under {limits:?} but {b} without limits"
            );
            assert_eq!(limited.warnings, unlimited.warnings, "warnings differ");
            assert_eq!(limited.built, unlimited.built, "built counts differ");
        }
        (Ok(a), Err(e)) => panic!("{a} under {limits:?} but {e:?} without limits"),
        (Err(e), _) if matches!(e.kind(), ErrorKind::Limit(_)) => {
            assert!(
                !fits,
                "{e:?} under {limits:?}, which the text cannot exceed"
            );
            if let Ok(value) = &unlimited.result {
                if e.kind() == ErrorKind::Limit(LimitKind::Nodes) {
                    assert!(
                        unlimited.built > limits.max_nodes,
                        "{e:?}, but only {} values are built for {value}",
                        unlimited.built
                    );
                }
            }
        }
        (Err(a), Err(b)) => assert!(
            !fits || (a.kind() == b.kind() && a.span() == b.span() && a.message() == b.message()),
            "{a:?} under {limits:?} but {b:?} without limits"
        ),
        (Err(a), Ok(b)) => panic!("{a:?} under {limits:?} but {b} without limits"),
    }
}

/// `max_nodes` is exact: the value needs `built` nodes, one fewer fails.
pub fn check_node_limit_is_exact(text: &str, limits: &Limits, built: usize) {
    let enough = Limits {
        max_nodes: built,
        ..limits.clone()
    };
    if let Err(e) = parse_with(text, &enough) {
        panic!("{e:?} with max_nodes = {built}, the number of values built");
    }
    if built > 0 {
        let short = Limits {
            max_nodes: built - 1,
            ..limits.clone()
        };
        match parse_with(text, &short) {
            Err(e) if e.kind() == ErrorKind::Limit(LimitKind::Nodes) => {}
            other => panic!("max_nodes = {} for {built} values: {other:?}", built - 1),
        }
    }
}

/// Whether `value`'s repr is something `literal_eval` reads: no
/// `Ellipsis`, `inf` or `nan` anywhere (their reprs are names).
pub fn repr_is_literal(value: &Value) -> bool {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Ellipsis => return false,
            Value::Float(f) if !f.is_finite() => return false,
            Value::Complex(c) if !(c.re.is_finite() && c.im.is_finite()) => return false,
            Value::List(items) | Value::Tuple(items) => stack.extend(items),
            Value::Dict(d) => d.iter().for_each(|(k, v)| stack.extend([k, v])),
            Value::Set(s) => stack.extend(s.iter()),
            _ => {}
        }
    }
    true
}

/// Prints `value` and reads the text back: it must give an equivalent
/// value ([`equivalent`]), or, when the repr holds a name (`Ellipsis`,
/// `inf`, `nan`), CPython's `ValueError` (malformed node).
pub fn check_reparse(value: &Value) {
    let text = value.to_string();
    let back = parse_with(&text, &UNLIMITED);
    if repr_is_literal(value) {
        match back {
            Ok(back) => assert!(equivalent(value, &back), "{text} read back as {back}"),
            Err(e) => panic!("the repr {text:?} does not parse: {e:?}"),
        }
    } else {
        match back {
            Err(e) if e.kind() == ErrorKind::Malformed => {}
            other => panic!("the repr {text:?} holds a name but gave {other:?}"),
        }
    }
}

/// [`Value::strict_eq`], except that zero parts of complex numbers compare
/// equal whatever their signs: CPython's complex repr does not keep them
/// (`repr(complex(-0.0, 1.0))` is `(-0+1j)`, which reads back as `1j`).
/// Dict entries and set elements compare in order (a repr keeps it).
pub fn equivalent(a: &Value, b: &Value) -> bool {
    fn part(x: f64, y: f64) -> bool {
        x.to_bits() == y.to_bits() || (x == 0.0 && y == 0.0)
    }
    let mut stack = vec![(a, b)];
    while let Some(pair) = stack.pop() {
        match pair {
            (Value::Complex(x), Value::Complex(y)) => {
                if !(part(x.re, y.re) && part(x.im, y.im)) {
                    return false;
                }
            }
            (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                stack.extend(x.iter().zip(y));
            }
            (Value::Dict(x), Value::Dict(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                for ((k1, v1), (k2, v2)) in x.iter().zip(y.iter()) {
                    stack.push((k1, k2));
                    stack.push((v1, v2));
                }
            }
            (Value::Set(x), Value::Set(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                stack.extend(x.iter().zip(y.iter()));
            }
            (x, y) => {
                if !x.strict_eq(y) {
                    return false;
                }
            }
        }
    }
    true
}

/// Checks a generated `limits` case: the general checks, then the outcome
/// its [`Expect`] calls for. A literal must give its value (with exactly
/// the expected number of built values) unless a limit trips, and then
/// one of the tripped limits' errors; valid non-literal Python must give
/// `ValueError` (malformed node) or a tripped limit's error, and must give
/// a limit error when the nesting or an int literal trips one (CPython's
/// parser raises those before `literal_eval` looks at the tree).
pub fn check_case(case: &Case) -> Outcome {
    let (text, limits, expect) = (&case.text, &case.limits, case.expect);
    let outcome = run(text, limits);
    check_outcome(text, limits, &outcome);
    if text.len() > limits.max_input_bytes || expect.kind == Kind::Unknown {
        return outcome;
    }
    let mut tripped = Vec::new();
    if expect.depth > limits.max_depth {
        tripped.push(LimitKind::Depth);
    }
    if limits.max_int_digits != 0 && expect.digits > limits.max_int_digits {
        tripped.push(LimitKind::IntDigits);
    }
    let parse_time = !tripped.is_empty();
    if expect.nodes > limits.max_nodes {
        tripped.push(LimitKind::Nodes);
    }
    let show = |text: &str| -> String { text.chars().take(200).collect() };
    match (&outcome.result, expect.kind) {
        (Ok(_), Kind::Literal) if tripped.is_empty() => assert_eq!(
            outcome.built,
            expect.nodes,
            "values built for {:?}",
            show(text)
        ),
        (Err(e), _) if matches!(e.kind(), ErrorKind::Limit(k) if tripped.contains(&k)) => {}
        (Err(e), Kind::NonLiteral) if e.kind() == ErrorKind::Malformed && !parse_time => {}
        (result, kind) => panic!(
            "{kind:?} {expect:?} under {limits:?} (tripped: {tripped:?}) gave {:?} for {:?} ({} bytes)",
            result.as_ref().map(|_| "a value"),
            show(text),
            text.len()
        ),
    }
    outcome
}

/// A [`Builder`] that builds [`Value`]s and counts them like `max_nodes`.
#[derive(Default)]
pub struct Counting {
    /// Values built since the parse (re)started.
    pub built: usize,
}

impl Counting {
    fn count<T>(&mut self, value: T) -> T {
        self.built += 1;
        value
    }
}

impl Builder for Counting {
    type Value = Value;
    type Dict = Dict;
    type Set = Set;

    fn none(&mut self) -> Value {
        self.count(ValueBuilder.none())
    }
    fn bool(&mut self, value: bool) -> Value {
        self.count(ValueBuilder.bool(value))
    }
    fn ellipsis(&mut self) -> Value {
        self.count(ValueBuilder.ellipsis())
    }
    fn int(&mut self, value: Int) -> Value {
        self.count(ValueBuilder.int(value))
    }
    fn float(&mut self, value: f64) -> Value {
        self.count(ValueBuilder.float(value))
    }
    fn complex(&mut self, value: Complex) -> Value {
        self.count(ValueBuilder.complex(value))
    }
    fn str(&mut self, value: PyStr) -> Value {
        self.count(ValueBuilder.str(value))
    }
    fn bytes(&mut self, value: Vec<u8>) -> Value {
        self.count(ValueBuilder.bytes(value))
    }
    fn list(&mut self, items: Vec<Value>) -> Value {
        self.count(ValueBuilder.list(items))
    }
    fn tuple(&mut self, items: Vec<Value>) -> Value {
        self.count(ValueBuilder.tuple(items))
    }
    fn dict_new(&mut self) -> Dict {
        ValueBuilder.dict_new()
    }
    fn dict_insert(&mut self, dict: &mut Dict, key: Value, value: Value) -> Result<(), Unhashable> {
        ValueBuilder.dict_insert(dict, key, value)
    }
    fn dict_finish(&mut self, dict: Dict) -> Value {
        self.count(ValueBuilder.dict_finish(dict))
    }
    fn set_new(&mut self) -> Set {
        ValueBuilder.set_new()
    }
    fn set_add(&mut self, set: &mut Set, item: Value) -> Result<(), Unhashable> {
        ValueBuilder.set_add(set, item)
    }
    fn set_finish(&mut self, set: Set) -> Value {
        self.count(ValueBuilder.set_finish(set))
    }

    /// The parser gave up on its first pass (the direct parser) and starts
    /// over: the values built so far are dropped and not counted.
    fn restart(&mut self) {
        self.built = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use safelit::parse;

    #[test]
    fn counts_values_like_max_nodes() {
        for text in ["[1, (2, 3), {'a': {4}}]", "set()", "'a' 'b'", "1+2j", "-1"] {
            let outcome = run(text, &Limits::default());
            check_node_limit_is_exact(text, &Limits::default(), outcome.built);
        }
    }

    #[test]
    fn complex_zero_signs_are_equivalent() {
        let a = parse("-1j").unwrap_or(Value::None);
        let b = parse(&a.to_string()).unwrap_or(Value::None);
        assert!(!a.strict_eq(&b) && equivalent(&a, &b));
        check_reparse(&a);
        check_reparse(&parse("[..., 1e999, (1e999+1j)]").unwrap_or(Value::None));
    }

    #[test]
    fn line_of_counts_python_line_breaks() {
        assert_eq!(line_of("a\r\nb\rc\nd", 0), (1, 3));
        assert_eq!(line_of("a\r\nb\rc\nd", 2), (1, 3));
        assert_eq!(line_of("a\r\nb\rc\nd", 3), (2, 3));
        assert_eq!(line_of("a\r\nb\rc\nd", 5), (3, 3));
        assert_eq!(line_of("a\r\nb\rc\nd", 7), (4, 3));
    }
}
