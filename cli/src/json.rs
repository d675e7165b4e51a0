//! Python value → JSON text, with a policy for each thing JSON lacks.
//!
//! Output is byte-for-byte what Python's `json.dumps(value,
//! ensure_ascii=False, separators=(',', ':'))` writes (`indent=2` with
//! `pretty`, `ensure_ascii=True` with `ascii`) for the values it accepts:
//! floats in `repr` form, ints exact at any size, tuples as arrays. Sets
//! become arrays in insertion order. The tree is walked with an explicit
//! stack, so nesting depth is bounded only by memory.

use crate::args::{BytesPolicy, ComplexPolicy, KeysPolicy, NonFinitePolicy};
use safelit::{DictIter, PyStr, SetIter, Value};
use std::collections::HashMap;
use std::fmt;
use std::io::Write as _;

/// What to do with each value JSON has no form for; `None` = refuse it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Policy {
    /// `bytes` values.
    pub bytes: Option<BytesPolicy>,
    /// `complex` values.
    pub complex: Option<ComplexPolicy>,
    /// Dict keys that are not `str`.
    pub keys: Option<KeysPolicy>,
    /// `inf`, `-inf`, `nan` (also inside complex pairs).
    pub nonfinite: Option<NonFinitePolicy>,
    /// Escape all non-ASCII characters (Python's `ensure_ascii=True`).
    pub ascii: bool,
    /// Indent by two spaces (Python's `indent=2`).
    pub pretty: bool,
}

/// A value that the policy refuses to convert, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvertError {
    /// What and where, and the flag that would convert it.
    message: String,
}

impl ConvertError {
    /// The full message, e.g. `bytes value at ['raw'] has no JSON form; use
    /// --bytes=base64 or --bytes=latin1`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Appends the JSON form of `value` to `out` (no trailing newline). On
/// error, `out` holds a partial document: callers write it nowhere.
pub fn write_json(value: &Value, policy: &Policy, out: &mut Vec<u8>) -> Result<(), ConvertError> {
    Writer {
        policy,
        out,
        stack: Vec::new(),
    }
    .run(value)
}

/// A container whose items are being written.
enum Frame<'a> {
    /// A list or tuple; `count` items started so far.
    Seq {
        /// The items not yet written.
        items: std::slice::Iter<'a, Value>,
        /// Items started so far.
        count: usize,
    },
    /// A set; `count` elements started so far.
    Set {
        /// The elements not yet written.
        items: SetIter<'a>,
        /// Elements started so far.
        count: usize,
    },
    /// A dict; `keys` holds the encoded keys when some key is not a `str`;
    /// `current` is the key whose value is being written.
    Dict {
        /// The entries not yet written.
        items: DictIter<'a>,
        /// The encoded keys not yet written, when pre-encoded.
        keys: Option<std::vec::IntoIter<Vec<u8>>>,
        /// The key of the value being written.
        current: Option<&'a Value>,
        /// Entries started so far.
        count: usize,
    },
}

/// The conversion state: policy, output and open containers.
struct Writer<'p, 'a> {
    /// What to do with values JSON lacks.
    policy: &'p Policy,
    /// The JSON text so far.
    out: &'p mut Vec<u8>,
    /// The open containers, outermost first.
    stack: Vec<Frame<'a>>,
}

impl<'a> Writer<'_, 'a> {
    /// Writes `value` and everything in it.
    fn run(mut self, value: &'a Value) -> Result<(), ConvertError> {
        self.open(value)?;
        loop {
            let depth = self.stack.len();
            let Some(top) = self.stack.last_mut() else {
                return Ok(());
            };
            let is_dict = matches!(top, Frame::Dict { .. });
            let (item, count) = match top {
                Frame::Seq { items, count } => (items.next().map(|v| (None, v)), count),
                Frame::Set { items, count } => (items.next().map(|v| (None, v)), count),
                Frame::Dict {
                    items,
                    keys,
                    current,
                    count,
                } => {
                    let next = items.next();
                    *current = next.map(|(k, _)| k);
                    let item = next.map(|(k, v)| {
                        let encoded = keys.as_mut().and_then(Iterator::next);
                        (Some((k, encoded)), v)
                    });
                    (item, count)
                }
            };
            match item {
                Some((key, v)) => {
                    if *count > 0 {
                        self.out.push(b',');
                    }
                    *count += 1;
                    self.newline(depth);
                    if let Some((k, encoded)) = key {
                        match encoded {
                            Some(bytes) => self.out.extend_from_slice(&bytes),
                            None => match k {
                                Value::Str(s) => write_str(self.out, s, self.policy.ascii),
                                // Unreachable: keys are pre-encoded when one is not a str.
                                _ => return Err(self.error(format!("dict key {k}"), "")),
                            },
                        }
                        self.out
                            .extend_from_slice(if self.policy.pretty { b": " } else { b":" });
                    }
                    self.open(v)?;
                }
                None => {
                    let empty = *count == 0;
                    self.stack.pop();
                    if !empty {
                        self.newline(depth - 1);
                    }
                    self.out.push(if is_dict { b'}' } else { b']' });
                }
            }
        }
    }

    /// With `pretty`, a line break and the indentation of `depth`.
    fn newline(&mut self, depth: usize) {
        if self.policy.pretty {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + 2 * depth, b' ');
        }
    }

    /// Writes a scalar, or the opening of a container and pushes its frame.
    fn open(&mut self, v: &'a Value) -> Result<(), ConvertError> {
        match v {
            Value::None => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Int(i) => write_display(self.out, i),
            Value::Float(f) => self.float(*f)?,
            Value::Str(s) => write_str(self.out, s, self.policy.ascii),
            Value::Bytes(b) => match self.policy.bytes {
                Some(BytesPolicy::Base64) => {
                    self.out.push(b'"');
                    crate::base64::encode_into(b, self.out);
                    self.out.push(b'"');
                }
                Some(BytesPolicy::Latin1) => {
                    let text: String = b.iter().map(|&byte| char::from(byte)).collect();
                    write_text(self.out, &text, self.policy.ascii);
                }
                None => {
                    return Err(self.error("bytes value", "; use --bytes=base64 or --bytes=latin1"))
                }
            },
            Value::Complex(c) => match self.policy.complex {
                Some(ComplexPolicy::Pair) => {
                    let depth = self.stack.len();
                    self.out.push(b'[');
                    self.newline(depth + 1);
                    self.float(c.re)?;
                    self.out.push(b',');
                    self.newline(depth + 1);
                    self.float(c.im)?;
                    self.newline(depth);
                    self.out.push(b']');
                }
                None => return Err(self.error(format!("complex {v}"), "; use --complex=pair")),
            },
            Value::Ellipsis => return Err(self.error("Ellipsis", "")),
            Value::List(items) | Value::Tuple(items) => {
                self.out.push(b'[');
                self.stack.push(Frame::Seq {
                    items: items.iter(),
                    count: 0,
                });
            }
            Value::Set(s) => {
                self.out.push(b'[');
                self.stack.push(Frame::Set {
                    items: s.iter(),
                    count: 0,
                });
            }
            Value::Dict(d) => {
                self.out.push(b'{');
                let keys = if d.keys().all(|k| matches!(k, Value::Str(_))) {
                    None
                } else {
                    Some(self.encode_keys(d.keys().collect())?.into_iter())
                };
                self.stack.push(Frame::Dict {
                    items: d.iter(),
                    keys,
                    current: None,
                    count: 0,
                });
            }
        }
        Ok(())
    }

    /// Writes a float: `repr` when finite, else as `nonfinite` says.
    fn float(&mut self, f: f64) -> Result<(), ConvertError> {
        if f.is_finite() {
            write_display(self.out, &Value::Float(f));
            return Ok(());
        }
        match self.policy.nonfinite {
            Some(NonFinitePolicy::Null) => self.out.extend_from_slice(b"null"),
            Some(NonFinitePolicy::String) => {
                self.out.push(b'"');
                self.out.extend_from_slice(nonfinite_name(f).as_bytes());
                self.out.push(b'"');
            }
            None => {
                return Err(self.error(
                    format!("float {}", Value::Float(f)),
                    "; use --nonfinite=null or --nonfinite=string",
                ))
            }
        }
        Ok(())
    }

    /// Encodes every key of a dict that has a non-`str` key, as the keys
    /// policy says; refuses two keys that would become the same JSON key.
    fn encode_keys(&self, keys: Vec<&Value>) -> Result<Vec<Vec<u8>>, ConvertError> {
        let mut encoded = Vec::with_capacity(keys.len());
        for &k in &keys {
            let mut bytes = Vec::new();
            match (k, self.policy.keys) {
                (Value::Str(s), _) => write_str(&mut bytes, s, self.policy.ascii),
                (_, Some(KeysPolicy::Repr)) => {
                    write_text(&mut bytes, &k.to_string(), self.policy.ascii)
                }
                (
                    Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None,
                    Some(KeysPolicy::Str),
                ) => write_text(&mut bytes, &key_str(k), self.policy.ascii),
                (_, Some(KeysPolicy::Str)) => {
                    return Err(self.error(
                        format!("dict key {} ({})", short_repr(k), k.type_name()),
                        " is not a str, int, float, bool or None; use --keys=repr",
                    ))
                }
                (_, None) => {
                    return Err(self.error(
                        format!("dict key {} ({})", short_repr(k), k.type_name()),
                        " is not a string; use --keys=str or --keys=repr",
                    ))
                }
            }
            encoded.push(bytes);
        }
        let mut seen: HashMap<&[u8], usize> = HashMap::with_capacity(keys.len());
        for (i, bytes) in encoded.iter().enumerate() {
            if let Some(&first) = seen.get(bytes.as_slice()) {
                let message = format!(
                    "dict keys {} and {}",
                    short_repr(keys[first]),
                    short_repr(keys[i])
                );
                let json = String::from_utf8_lossy(bytes).into_owned();
                return Err(self.error(message, format!(" both become the JSON key {json}")));
            }
            seen.insert(bytes, i);
        }
        Ok(encoded)
    }

    /// An error about the value being opened: `what` at the current path,
    /// then `tail` (`has no JSON form` unless `tail` starts with ` `).
    fn error(&self, what: impl fmt::Display, tail: impl fmt::Display) -> ConvertError {
        let path = self.path();
        let at = if path.is_empty() {
            String::new()
        } else {
            format!(" at {path}")
        };
        let tail = tail.to_string();
        let message = if tail.starts_with(' ') {
            format!("{what}{at}{tail}")
        } else {
            format!("{what}{at} has no JSON form{tail}")
        };
        ConvertError { message }
    }

    /// Where the value being opened sits: `['a'][2]`, Python subscript
    /// style; set elements are written `{#3}` (sets have no subscripts).
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Seq { count, .. } => {
                    path.push_str(&format!("[{}]", count.saturating_sub(1)))
                }
                Frame::Set { count, .. } => {
                    path.push_str(&format!("{{#{}}}", count.saturating_sub(1)))
                }
                Frame::Dict {
                    current: Some(k), ..
                } => path.push_str(&format!("[{}]", short_repr(k))),
                Frame::Dict { current: None, .. } => {}
            }
        }
        path
    }
}

/// Python's `json.dumps` key text for an int, float, bool or None key.
fn key_str(k: &Value) -> String {
    match k {
        Value::Bool(true) => "true".to_owned(),
        Value::Bool(false) => "false".to_owned(),
        Value::None => "null".to_owned(),
        Value::Float(f) if !f.is_finite() => nonfinite_name(*f).to_owned(),
        other => other.to_string(),
    }
}

/// `Infinity`, `-Infinity` or `NaN`, the names Python's `json` uses.
fn nonfinite_name(f: f64) -> &'static str {
    if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

/// The repr of `v`, cut to about 60 characters for messages.
fn short_repr(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() <= 60 {
        return text;
    }
    let mut cut: String = text.chars().take(57).collect();
    cut.push_str("...");
    cut
}

/// Appends `Display` of `v`.
fn write_display(out: &mut Vec<u8>, v: &impl fmt::Display) {
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{v}");
}

/// Appends a JSON string for a Python `str`; lone surrogates become
/// `\udXXX` escapes.
fn write_str(out: &mut Vec<u8>, s: &PyStr, ascii: bool) {
    match s.as_str() {
        Some(text) => write_text(out, text, ascii),
        None => {
            out.push(b'"');
            for cp in s.code_points() {
                match char::from_u32(cp) {
                    Some(c) => write_char(out, c, ascii),
                    None => write_u_escape(out, cp),
                }
            }
            out.push(b'"');
        }
    }
}

/// Appends a JSON string for `text`.
fn write_text(out: &mut Vec<u8>, text: &str, ascii: bool) {
    out.push(b'"');
    if ascii {
        for c in text.chars() {
            write_char(out, c, true);
        }
    } else {
        // Copy runs of bytes that need no escape in one go.
        let bytes = text.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x20 || b == b'"' || b == b'\\' {
                out.extend_from_slice(&bytes[start..i]);
                write_char(out, char::from(b), false);
                start = i + 1;
            }
        }
        out.extend_from_slice(&bytes[start..]);
    }
    out.push(b'"');
}

/// Appends one character, escaped as Python's `json` escapes it.
fn write_char(out: &mut Vec<u8>, c: char, ascii: bool) {
    match c {
        '"' => out.extend_from_slice(b"\\\""),
        '\\' => out.extend_from_slice(b"\\\\"),
        '\n' => out.extend_from_slice(b"\\n"),
        '\r' => out.extend_from_slice(b"\\r"),
        '\t' => out.extend_from_slice(b"\\t"),
        '\u{8}' => out.extend_from_slice(b"\\b"),
        '\u{c}' => out.extend_from_slice(b"\\f"),
        c if u32::from(c) < 0x20 || (ascii && !(' '..='~').contains(&c)) => {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write_u_escape(out, u32::from(*unit));
            }
        }
        c => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// Appends `\uXXXX` (lowercase hex, as Python writes it).
fn write_u_escape(out: &mut Vec<u8>, unit: u32) {
    let _ = write!(out, "\\u{unit:04x}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str, policy: Policy) -> Result<String, String> {
        let value = safelit::parse(text).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        write_json(&value, &policy, &mut out).map_err(|e| e.to_string())?;
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    fn ok(text: &str) -> String {
        json(text, Policy::default()).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn scalars_and_containers() {
        assert_eq!(ok("None"), "null");
        assert_eq!(
            ok("[True, False, 1, -2.5, 1e16, -0.0]"),
            "[true,false,1,-2.5,1e+16,-0.0]"
        );
        assert_eq!(ok("(1, (2,), {3}, set(), ())"), "[1,[2],[3],[],[]]");
        assert_eq!(ok("{'a': {}, 'b': []}"), r#"{"a":{},"b":[]}"#);
        assert_eq!(ok(&"9".repeat(400)), "9".repeat(400));
    }

    #[test]
    fn strings_escape_like_python() {
        assert_eq!(
            ok(r#"'a"\\\n\r\t\b\f\x00\x1f\x7f é'"#),
            "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\u{7f} é\""
        );
        assert_eq!(ok(r"'\ud800x'"), r#""\ud800x""#);
        let ascii = Policy {
            ascii: true,
            ..Policy::default()
        };
        assert_eq!(
            json("'\\x7fé😀'", ascii).as_deref(),
            Ok(r#""\u007f\u00e9\ud83d\ude00""#)
        );
    }

    #[test]
    fn refusals_name_the_path_and_the_flag() {
        assert_eq!(
            ok("{'a': [1, b'x']}"),
            "ERR bytes value at ['a'][1] has no JSON form; use --bytes=base64 or --bytes=latin1"
        );
        assert_eq!(
            ok("1j"),
            "ERR complex 1j has no JSON form; use --complex=pair"
        );
        assert_eq!(
            ok("[{1e999}]"),
            "ERR float inf at [0]{#0} has no JSON form; use --nonfinite=null or --nonfinite=string"
        );
        assert_eq!(ok("(...,)"), "ERR Ellipsis at [0] has no JSON form");
        assert_eq!(
            ok("{1: 2}"),
            "ERR dict key 1 (int) is not a string; use --keys=str or --keys=repr"
        );
    }

    #[test]
    fn policies() {
        let all = Policy {
            bytes: Some(BytesPolicy::Latin1),
            complex: Some(ComplexPolicy::Pair),
            keys: Some(KeysPolicy::Str),
            nonfinite: Some(NonFinitePolicy::String),
            ..Policy::default()
        };
        assert_eq!(
            json(
                "{1.5: b'\\xe9\\n', True: 1-2j, None: -1e999, 3: 0, 'k': 1e999j}",
                all
            )
            .as_deref(),
            Ok(r#"{"1.5":"é\n","true":[1.0,-2.0],"null":"-Infinity","3":0,"k":[0.0,"Infinity"]}"#)
        );
        let b64 = Policy {
            bytes: Some(BytesPolicy::Base64),
            ..Policy::default()
        };
        assert_eq!(json("b'foob'", b64).as_deref(), Ok(r#""Zm9vYg==""#));
        let null = Policy {
            nonfinite: Some(NonFinitePolicy::Null),
            ..Policy::default()
        };
        assert_eq!(json("[1e999, -1e999]", null).as_deref(), Ok("[null,null]"));
    }

    #[test]
    fn key_policies_and_collisions() {
        let str_keys = Policy {
            keys: Some(KeysPolicy::Str),
            ..Policy::default()
        };
        assert_eq!(
            json("{1e999: 0, -0.0: 1, 2: 2, None: 3, True: 4}", str_keys).as_deref(),
            Ok(r#"{"Infinity":0,"-0.0":1,"2":2,"null":3,"true":4}"#)
        );
        assert_eq!(
            json("{(1, 2): 0}", str_keys),
            Err(
                "dict key (1, 2) (tuple) is not a str, int, float, bool or None; use --keys=repr"
                    .to_owned()
            )
        );
        assert_eq!(
            json("{'x': {1: 'a', '1': 'b'}}", str_keys),
            Err(r#"dict keys 1 and '1' at ['x'] both become the JSON key "1""#.to_owned())
        );
        let repr_keys = Policy {
            keys: Some(KeysPolicy::Repr),
            ..Policy::default()
        };
        assert_eq!(
            json("{(1, 'a'): 0, True: 1, b'x': 2, 's': 3}", repr_keys).as_deref(),
            Ok(r#"{"(1, 'a')":0,"True":1,"b'x'":2,"s":3}"#)
        );
    }

    #[test]
    fn pretty_matches_python_indent_2() {
        let pretty = Policy {
            pretty: true,
            complex: Some(ComplexPolicy::Pair),
            ..Policy::default()
        };
        assert_eq!(
            json("{'a': [1, (2, 3j)], 'b': {}, 'c': []}", pretty).as_deref(),
            Ok("{\n  \"a\": [\n    1,\n    [\n      2,\n      [\n        0.0,\n        3.0\n      ]\n    ]\n  ],\n  \"b\": {},\n  \"c\": []\n}")
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 100_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let limits = safelit::Limits {
            max_depth: depth,
            ..safelit::Limits::default()
        };
        let value = safelit::parse_with(&text, &limits).map_err(|e| e.to_string());
        let Ok(value) = value else {
            panic!("parse failed: {value:?}");
        };
        let mut out = Vec::new();
        let result = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || write_json(&value, &Policy::default(), &mut out).map(|()| out.len()));
        let len = result.ok().and_then(|h| h.join().ok());
        assert_eq!(len, Some(Ok(2 * depth)));
    }
}
