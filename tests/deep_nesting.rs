//! A million nested brackets: parsing, printing, comparing, cloning and
//! dropping must not recurse on the native stack.

use safelit::{parse_with, ErrorKind, LimitKind, Limits, Value};

const DEPTH: usize = 1_000_000;

/// Runs `f` on a thread with a 2 MiB stack (the default for spawned threads).
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn test thread")
        .join()
        .expect("the test thread must not panic or overflow its stack");
}

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut text = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        text.push_str(open);
    }
    text.push_str(inner);
    for _ in 0..depth {
        text.push_str(close);
    }
    text
}

#[test]
fn million_deep_list_parses_prints_compares_and_drops() {
    on_small_stack(|| {
        let limits = Limits {
            max_depth: DEPTH,
            ..Limits::default()
        };
        let text = nested("[", "", "]", DEPTH);
        let value = parse_with(&text, &limits).expect("deep list parses");
        assert_eq!(value.to_string(), text);
        let copy = value.clone();
        assert!(copy == value);
        assert!(copy.strict_eq(&value));
        drop(copy);
        drop(value);
    });
}

#[test]
fn million_deep_mixed_containers_parse() {
    on_small_stack(|| {
        let limits = Limits {
            max_depth: DEPTH,
            ..Limits::default()
        };
        // tuple -> dict value -> list -> ... (sets of tuples keep it hashable)
        let depth = DEPTH / 4;
        let text = nested("({1: [(", "None,", ")]},)", depth);
        let value = parse_with(&text, &limits).expect("deep mix parses");
        assert!(value.to_string().starts_with("({1: [({1: [("));
        let shown = value.to_string();
        assert!(shown.ends_with(")]},)]},)") && shown.contains("[(None,)]"));
        assert!(value == value.clone());
    });
}

#[test]
fn million_deep_errors_do_not_overflow() {
    on_small_stack(|| {
        let limits = Limits {
            max_depth: DEPTH,
            ..Limits::default()
        };
        // A syntax error at the bottom, a non-literal at the bottom, and a
        // sign chain: all classified by the full grammar without recursion.
        let err = parse_with(&nested("[", "1 2", "]", DEPTH), &limits).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax);
        let err = parse_with(&nested("(", "x", ")", DEPTH), &limits).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        let err = parse_with(&format!("{}1", "-".repeat(DEPTH)), &limits).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
    });
}

#[test]
fn default_depth_limit_is_cpythons() {
    let ok = nested("(", "", ")", 200);
    assert_eq!(safelit::parse(&ok).unwrap(), Value::Tuple(vec![]));
    let err = safelit::parse(&nested("(", "", ")", 201)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::Depth));
    assert_eq!((err.line(), err.column()), (1, 201));
}

/// The fast path uses its recursive ascent parser (which recurses on the
/// native stack) only when `max_depth` is at most 256 and the thread has
/// `max_depth` × 8 KiB + 128 KiB of stack left (64 KiB per level in
/// unoptimized builds); see `src/parser/mod.rs`. On a thread with just a
/// little more than that, the most stack-hungry shapes at depth 256 parse.
#[test]
fn recursive_ascent_fits_the_stack_it_reserves() {
    const DEPTH: usize = 256;
    let per_level: usize = if cfg!(debug_assertions) {
        64 << 10
    } else {
        8 << 10
    };
    let stack = DEPTH * per_level + (128 << 10) + (64 << 10);
    let texts = [
        nested("[", "None", "]", DEPTH),
        nested("(", "None", ",)", DEPTH),
        nested("{1: ", "None", "}", DEPTH),
        format!("{{{}}}", nested("(", "1", ",)", DEPTH - 1)),
        format!("{{{}: 2}}", nested("(", "1", ",)", DEPTH - 1)),
        nested("[{1: (", "None", ",)}]", DEPTH / 3),
        nested("(", "-1+2j", ")", DEPTH),
    ];
    for text in texts {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || {
                let limits = Limits {
                    max_depth: DEPTH,
                    ..Limits::default()
                };
                let result = parse_with(&text, &limits);
                assert!(result.is_ok(), "{:.20}…: {result:?}", text);
            })
            .expect("spawn test thread")
            .join()
            .expect("the test thread must not panic or overflow its stack");
    }
}
