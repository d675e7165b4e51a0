//! Indented repr: a valid Python literal of the same value, with containers
//! that do not fit in 80 columns broken over lines.
//!
//! A container that fits on the rest of its line is written as its
//! canonical repr; otherwise each item goes on its own line, indented by
//! four spaces, followed by a comma (so a one-item tuple stays a tuple),
//! and the closing bracket goes on a line of its own. Dict keys are always
//! written on one line. Only whitespace and commas differ from the
//! canonical repr (so `inf` and `Ellipsis` stay as Python's `repr` writes
//! them, which `literal_eval` does not read back).
//! The tree is walked with an explicit stack.

use safelit::{DictIter, SetIter, Value};
use std::fmt::{self, Write as _};

/// Line width the layout aims for.
const WIDTH: usize = 80;
/// Spaces per nesting level.
const INDENT: usize = 4;

/// Appends the indented repr of `value` to `out` (no trailing newline).
pub fn write_pretty(value: &Value, out: &mut String) {
    let mut stack: Vec<Frame<'_>> = Vec::new();
    place(value, 0, 0, out, &mut stack);
    loop {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            break;
        };
        let started = top.count > 0;
        let (next, close) = match &mut top.items {
            Items::Seq(items, close) => (items.next().map(|v| (None, v)), *close),
            Items::Set(items) => (items.next().map(|v| (None, v)), "}"),
            Items::Dict(items) => (items.next().map(|(k, v)| (Some(k), v)), "}"),
        };
        top.count += 1;
        if started {
            out.push(',');
        }
        out.push('\n');
        match next {
            Some((key, v)) => {
                push_indent(out, depth);
                let mut used = depth * INDENT;
                if let Some(k) = key {
                    let before = out.len();
                    // Writing to a String cannot fail.
                    let _ = write!(out, "{k}: ");
                    used += out[before..].chars().count();
                }
                place(v, depth, used, out, &mut stack);
            }
            None => {
                stack.pop();
                push_indent(out, depth - 1);
                out.push_str(close);
            }
        }
    }
}

/// A container whose items are being written, and how many were started.
struct Frame<'a> {
    /// The items still to write.
    items: Items<'a>,
    /// Items started so far.
    count: usize,
}

/// The items still to write, and the closing bracket of a sequence.
enum Items<'a> {
    /// A list or tuple, and its closing bracket.
    Seq(std::slice::Iter<'a, Value>, &'static str),
    /// A set.
    Set(SetIter<'a>),
    /// A dict.
    Dict(DictIter<'a>),
}

/// Writes `v` at nesting `depth`, with `used` columns of its line already
/// taken: flat if it fits (leaving room for the comma after an item),
/// otherwise the opening bracket, pushing the frame that writes the rest.
fn place<'a>(
    v: &'a Value,
    depth: usize,
    used: usize,
    out: &mut String,
    stack: &mut Vec<Frame<'a>>,
) {
    let comma = usize::from(depth > 0);
    let room = WIDTH.saturating_sub(used + comma);
    let (open, items) = match v {
        Value::List(items) if !items.is_empty() => ('[', Items::Seq(items.iter(), "]")),
        Value::Tuple(items) if !items.is_empty() => ('(', Items::Seq(items.iter(), ")")),
        Value::Set(s) if !s.is_empty() => ('{', Items::Set(s.iter())),
        Value::Dict(d) if !d.is_empty() => ('{', Items::Dict(d.iter())),
        _ => {
            let _ = write!(out, "{v}");
            return;
        }
    };
    if fits(v, room) {
        let _ = write!(out, "{v}");
        return;
    }
    out.push(open);
    stack.push(Frame { items, count: 0 });
}

/// Whether the flat repr of `v` has at most `room` characters. Stops
/// writing as soon as it does not fit, so the cost is bounded by `room`.
fn fits(v: &Value, room: usize) -> bool {
    let mut budget = Budget { left: room };
    write!(budget, "{v}").is_ok()
}

/// A `fmt::Write` that fails once more than `left` characters were written.
struct Budget {
    /// Characters that may still be written.
    left: usize,
}

impl fmt::Write for Budget {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // A character takes at most 4 bytes: long text fails without counting.
        if s.len() > self.left.saturating_mul(4) {
            return Err(fmt::Error);
        }
        let n = s.chars().count();
        self.left = self.left.checked_sub(n).ok_or(fmt::Error)?;
        Ok(())
    }
}

/// Appends the indentation of nesting `depth`.
fn push_indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n(' ', depth * INDENT));
}

#[cfg(test)]
mod tests {
    use super::write_pretty;
    use safelit::Value;

    fn pretty(text: &str) -> String {
        let mut out = String::new();
        match safelit::parse(text) {
            Ok(v) => write_pretty(&v, &mut out),
            Err(e) => return format!("ERR {e}"),
        }
        out
    }

    /// The pretty text parses back to a strictly equal value.
    fn round_trips(text: &str) {
        let (Ok(value), out) = (safelit::parse(text), pretty(text)) else {
            panic!("not a literal: {text}");
        };
        let back = safelit::parse(&out);
        assert!(
            matches!(&back, Ok(b) if b.strict_eq(&value)),
            "{out:?} -> {back:?}"
        );
    }

    #[test]
    fn short_values_stay_flat() {
        assert_eq!(pretty("{'a': (1,), 'b': set()}"), "{'a': (1,), 'b': set()}");
        assert_eq!(pretty("'x'"), "'x'");
    }

    #[test]
    fn long_containers_break_with_trailing_commas() {
        let a70 = "a".repeat(70);
        let text = format!(
            "{{'k': ('{a70}',), 'xs': [{}], 's': {{1}}}}",
            "1, ".repeat(30)
        );
        let expected = format!(
            "{{\n    'k': (\n        '{a70}',\n    ),\n    'xs': [\n{}    ],\n    's': {{1}},\n}}",
            "        1,\n".repeat(30)
        );
        assert_eq!(pretty(&text), expected);
        round_trips(&text);
    }

    #[test]
    fn exactly_80_columns_fit() {
        // 'k': [...] at indent 4 plus the comma: 4 + 5 + len + 1 = 80.
        let items = "1, ".repeat(22) + "12";
        let list = format!("[{items}]");
        assert_eq!(4 + 5 + list.len() + 1, 80);
        assert_eq!(
            pretty(&format!("{{'k': {list}, 'j': {list}}}"))
                .lines()
                .count(),
            4
        );
        let longer = format!("[{items}3]");
        assert!(
            pretty(&format!("{{'k': {longer}, 'j': 0}}"))
                .lines()
                .count()
                > 4
        );
    }

    #[test]
    fn every_kind_round_trips() {
        let long = "x".repeat(90);
        for text in [
            format!("[('{long}',)]"),
            format!("{{('{long}', 1): {{'{long}', b'{long}'}}, 2: [None, -0.0, 1j, -1.5e300]}}"),
            format!("[[[[[[[[['{long}']]]]]]]]]"),
            "[(), [], {}, set(), '']".to_owned(),
        ] {
            round_trips(&text);
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 3_000;
        let v = (0..depth).fold(Value::from("x".repeat(100)), |v, _| Value::List(vec![v]));
        let result = std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || {
                let mut out = String::new();
                write_pretty(&v, &mut out);
                out.lines().count()
            })
            .ok()
            .and_then(|h| h.join().ok());
        assert_eq!(result, Some(2 * depth + 1));
    }
}
