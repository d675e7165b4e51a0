//! CPython `repr()` formatting: `Display`/`Debug` for [`Value`], `Debug`
//! for [`PyStr`], and the repr of dicts and sets. Containers are walked
//! with an explicit stack.

use super::{dict, set, Complex, Dict, PyStr, Set, Value};
use crate::options::PythonVersion;
use crate::unicode::{is_printable_in, UnicodeVersion};
use std::fmt::{self, Write};
use std::slice;

/// Python's `repr()` of the equal Python object (sets list their elements
/// in insertion order).
///
/// ```
/// use safelit::{Complex, Value};
/// let v = Value::Tuple(vec![
///     Value::from(1),
///     Value::Float(1e16),
///     Value::Complex(Complex { re: -0.0, im: -1.0 }),
///     Value::from("it's"),
///     Value::Bytes(b"\x00\n".to_vec()),
///     Value::List(vec![Value::None, Value::Ellipsis]),
/// ]);
/// assert_eq!(v.to_string(), r#"(1, 1e+16, (-0-1j), "it's", b'\x00\n', [None, Ellipsis])"#);
/// assert_eq!(Value::Tuple(vec![Value::Bool(true)]).to_string(), "(True,)");
/// ```
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_frames(f, Frame::Value(self), DEFAULT_UNICODE)
    }
}

/// Same as `Display`: Python's `repr()`.
impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_frames(f, Frame::Value(self), DEFAULT_UNICODE)
    }
}

/// The Unicode data `Display` uses to decide which characters `repr()`
/// escapes: CPython 3.11's.
const DEFAULT_UNICODE: UnicodeVersion = UnicodeVersion::V14_0;

/// A value shown as a given CPython version's `repr()` shows it (the
/// versions differ in which characters are printable); see [`Value::repr`].
#[derive(Clone, Copy, Debug)]
pub struct Repr<'a> {
    value: &'a Value,
    unicode: UnicodeVersion,
}

impl Value {
    /// `repr()` as CPython `version` prints it; `Display` is the 3.11 form.
    ///
    /// ```
    /// use safelit::{PythonVersion, Value};
    /// let v = Value::from("\u{1FA75}"); // assigned in Unicode 15.0
    /// assert_eq!(v.to_string(), r"'\U0001fa75'");
    /// assert_eq!(v.repr(PythonVersion::V3_12).to_string(), "'\u{1FA75}'");
    /// ```
    pub fn repr(&self, version: PythonVersion) -> Repr<'_> {
        Repr {
            value: self,
            unicode: version.unicode(),
        }
    }
}

impl fmt::Display for Repr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_frames(f, Frame::Value(self.value), self.unicode)
    }
}

/// Python's `repr()` of the string: `'a\'"'`, `"it's"`, `'\ud800'`.
///
/// ```
/// use safelit::PyStr;
/// assert_eq!(format!("{:?}", PyStr::from("it's")), r#""it's""#);
/// assert_eq!(format!("{:?}", PyStr::from_code_points([0xD800]).unwrap()), r"'\ud800'");
/// ```
impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_str_repr(f, self, DEFAULT_UNICODE)
    }
}

pub(super) fn write_dict(f: &mut fmt::Formatter<'_>, d: &Dict) -> fmt::Result {
    if d.is_empty() {
        return f.write_str("{}");
    }
    f.write_char('{')?;
    write_frames(
        f,
        Frame::Dict {
            items: d.iter(),
            first: true,
        },
        DEFAULT_UNICODE,
    )
}

pub(super) fn write_set(f: &mut fmt::Formatter<'_>, s: &Set) -> fmt::Result {
    if s.is_empty() {
        return f.write_str("set()");
    }
    f.write_char('{')?;
    write_frames(
        f,
        Frame::Set {
            items: s.iter(),
            first: true,
        },
        DEFAULT_UNICODE,
    )
}

/// Pending output.
enum Frame<'a> {
    Value(&'a Value),
    Text(&'static str),
    Seq {
        items: slice::Iter<'a, Value>,
        first: bool,
        close: &'static str,
    },
    Dict {
        items: dict::Iter<'a>,
        first: bool,
    },
    Set {
        items: set::Iter<'a>,
        first: bool,
    },
}

fn write_frames(
    f: &mut fmt::Formatter<'_>,
    start: Frame<'_>,
    unicode: UnicodeVersion,
) -> fmt::Result {
    let mut stack = vec![start];
    while let Some(top) = stack.last_mut() {
        match top {
            Frame::Value(v) => {
                let v = *v;
                stack.pop();
                if let Some(frame) = open(f, v, unicode)? {
                    stack.push(frame);
                }
            }
            Frame::Text(s) => {
                f.write_str(s)?;
                stack.pop();
            }
            Frame::Seq {
                items,
                first,
                close,
            } => match items.next() {
                Some(item) => {
                    if !std::mem::replace(first, false) {
                        f.write_str(", ")?;
                    }
                    stack.push(Frame::Value(item));
                }
                None => {
                    f.write_str(close)?;
                    stack.pop();
                }
            },
            Frame::Dict { items, first } => match items.next() {
                Some((k, v)) => {
                    if !std::mem::replace(first, false) {
                        f.write_str(", ")?;
                    }
                    stack.push(Frame::Value(v));
                    stack.push(Frame::Text(": "));
                    stack.push(Frame::Value(k));
                }
                None => {
                    f.write_char('}')?;
                    stack.pop();
                }
            },
            Frame::Set { items, first } => match items.next() {
                Some(item) => {
                    if !std::mem::replace(first, false) {
                        f.write_str(", ")?;
                    }
                    stack.push(Frame::Value(item));
                }
                None => {
                    f.write_char('}')?;
                    stack.pop();
                }
            },
        }
    }
    Ok(())
}

/// Writes a scalar, or the opening of a container and returns the frame
/// that writes its items and closing.
fn open<'a>(
    f: &mut fmt::Formatter<'_>,
    v: &'a Value,
    unicode: UnicodeVersion,
) -> Result<Option<Frame<'a>>, fmt::Error> {
    match v {
        Value::None => f.write_str("None")?,
        Value::Bool(true) => f.write_str("True")?,
        Value::Bool(false) => f.write_str("False")?,
        Value::Ellipsis => f.write_str("Ellipsis")?,
        Value::Int(i) => write!(f, "{i}")?,
        Value::Float(x) => write_float(f, *x, true, false)?,
        Value::Complex(c) => write_complex(f, *c)?,
        Value::Str(s) => write_str_repr(f, s, unicode)?,
        Value::Bytes(b) => write_bytes_repr(f, b)?,
        Value::List(items) => {
            if items.is_empty() {
                f.write_str("[]")?;
            } else {
                f.write_char('[')?;
                return Ok(Some(Frame::Seq {
                    items: items.iter(),
                    first: true,
                    close: "]",
                }));
            }
        }
        Value::Tuple(items) => {
            if items.is_empty() {
                f.write_str("()")?;
            } else {
                f.write_char('(')?;
                return Ok(Some(Frame::Seq {
                    items: items.iter(),
                    first: true,
                    close: if items.len() == 1 { ",)" } else { ")" },
                }));
            }
        }
        Value::Dict(d) => {
            if d.is_empty() {
                f.write_str("{}")?;
            } else {
                f.write_char('{')?;
                return Ok(Some(Frame::Dict {
                    items: d.iter(),
                    first: true,
                }));
            }
        }
        Value::Set(s) => {
            if s.is_empty() {
                f.write_str("set()")?;
            } else {
                f.write_char('{')?;
                return Ok(Some(Frame::Set {
                    items: s.iter(),
                    first: true,
                }));
            }
        }
    }
    Ok(None)
}

/// A fixed stack buffer for Rust's shortest float digits.
struct Digits {
    buf: [u8; 64],
    len: usize,
}

impl Digits {
    fn new() -> Digits {
        Digits {
            buf: [0; 64],
            len: 0,
        }
    }

    fn as_str(&self) -> Result<&str, fmt::Error> {
        let bytes = self.buf.get(..self.len).ok_or(fmt::Error)?;
        std::str::from_utf8(bytes).map_err(|_| fmt::Error)
    }
}

impl Write for Digits {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// CPython's `float_repr` / `PyOS_double_to_string(x, 'r', 0, flags)`:
/// the shortest digits that round-trip, in positional notation when the
/// decimal exponent is in `-4..16`, else as `d.ddde±XX`. `add_dot_0` gives
/// integral values a `.0` (repr of a float, not of complex parts);
/// `force_sign` writes `+` for non-negative values (never `-nan`).
pub(super) fn write_float(
    out: &mut impl Write,
    x: f64,
    add_dot_0: bool,
    force_sign: bool,
) -> fmt::Result {
    if x.is_nan() {
        // CPython ignores the sign of a NaN.
        return out.write_str(if force_sign { "+nan" } else { "nan" });
    }
    if x.is_sign_negative() {
        out.write_char('-')?;
    } else if force_sign {
        out.write_char('+')?;
    }
    if x.is_infinite() {
        return out.write_str("inf");
    }
    let (d, q) = shortest_digits(x.abs())?;
    let mut digit_buf = Digits::new();
    write!(digit_buf, "{d}")?;
    let digits = digit_buf.as_str()?;
    let n = i32::try_from(digits.len()).map_err(|_| fmt::Error)?;
    let exponent = q + n - 1;
    // The value is 0.DIGITS * 10**decpt.
    let decpt = exponent + 1;
    if !(-3..=16).contains(&decpt) {
        let (lead, rest) = digits.split_at(1.min(digits.len()));
        out.write_str(lead)?;
        if !rest.is_empty() {
            out.write_char('.')?;
            out.write_str(rest)?;
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        write!(out, "e{sign}{:02}", exponent.unsigned_abs())
    } else if decpt <= 0 {
        out.write_str("0.")?;
        for _ in 0..-decpt {
            out.write_char('0')?;
        }
        out.write_str(digits)
    } else {
        let decpt = decpt.unsigned_abs() as usize;
        if decpt >= digits.len() {
            out.write_str(digits)?;
            for _ in digits.len()..decpt {
                out.write_char('0')?;
            }
            if add_dot_0 {
                out.write_str(".0")?;
            }
            Ok(())
        } else {
            let (int_part, frac) = digits.split_at(decpt);
            out.write_str(int_part)?;
            out.write_char('.')?;
            out.write_str(frac)
        }
    }
}

/// The shortest decimal digits that round-trip for a finite `x >= 0`, as
/// CPython's `repr` picks them (David Gay's `dtoa` mode 0): `(d, q)` with
/// `x ≈ d * 10**q` and `d` free of trailing zeros (`(0, 0)` for zero).
///
/// Rust's `{:e}` gives the shortest digits closest to `x` too, but when `x`
/// lies exactly halfway between two shortest candidates it rounds the last
/// digit half up, where CPython rounds half to even
/// (`1059438285926254.25` → `...254.2`, not `...254.3`).
fn shortest_digits(x: f64) -> Result<(u64, i32), fmt::Error> {
    let mut text = Digits::new();
    write!(text, "{x:e}")?;
    let text = text.as_str()?;
    let (mantissa, exponent) = text.split_once('e').ok_or(fmt::Error)?;
    let exponent: i32 = exponent.parse().map_err(|_| fmt::Error)?;
    let mut d: u64 = 0;
    let mut n: i32 = 0;
    for b in mantissa.bytes().filter(u8::is_ascii_digit) {
        d = d
            .checked_mul(10)
            .and_then(|d| d.checked_add(u64::from(b - b'0')))
            .ok_or(fmt::Error)?;
        n += 1;
    }
    let (mut d, mut q) = break_tie_to_even(x, d, exponent - (n - 1));
    while d != 0 && d % 10 == 0 {
        d /= 10;
        q += 1;
    }
    Ok((d, q))
}

/// If `x` is exactly `d * 10**q` ± half a unit of the last digit and `d` is
/// odd, returns the even neighbour (when it also round-trips to `x`).
fn break_tie_to_even(x: f64, d: u64, q: i32) -> (u64, i32) {
    if d % 2 == 0 {
        return (d, q);
    }
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return (d, q);
    }
    // x = odd * 2**t. A midpoint (2d ± 1) * 10**q / 2 = (2d ± 1) * 5**q * 2**(q-1)
    // has an odd factor, so a tie needs t == q - 1.
    let odd = u128::from(m >> m.trailing_zeros());
    let t = e + m.trailing_zeros() as i32;
    if t != q - 1 {
        return (d, q);
    }
    let pow5 = |k: u32| (0..k).try_fold(1u128, |acc, _| acc.checked_mul(5));
    let candidates = [
        (2 * u128::from(d) - 1, d - 1),
        (2 * u128::from(d) + 1, d + 1),
    ];
    for (mid, alt) in candidates {
        let tie = if q >= 0 {
            pow5(q.unsigned_abs()).and_then(|p| p.checked_mul(mid)) == Some(odd)
        } else {
            pow5(q.unsigned_abs()).and_then(|p| p.checked_mul(odd)) == Some(mid)
        };
        if tie && round_trips(alt, q, x) {
            return (alt, q);
        }
    }
    (d, q)
}

/// Whether `d * 10**q` parses back to `x`.
fn round_trips(d: u64, q: i32, x: f64) -> bool {
    let mut text = Digits::new();
    write!(text, "{d}e{q}").is_ok() && text.as_str().ok().and_then(|s| s.parse().ok()) == Some(x)
}

/// CPython's `complex_repr`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`; the
/// parts use the float repr digits without a forced `.0`.
pub(super) fn write_complex(out: &mut impl Write, c: Complex) -> fmt::Result {
    if c.re.to_bits() == 0 {
        // Real part is +0.0: just the imaginary part, no parentheses.
        write_float(out, c.im, false, false)?;
        return out.write_char('j');
    }
    out.write_char('(')?;
    write_float(out, c.re, false, false)?;
    write_float(out, c.im, false, true)?;
    out.write_str("j)")
}

/// The quote `repr()` uses: `"` only when the text holds `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// CPython's `unicode_repr`.
pub(super) fn write_str_repr(
    out: &mut impl Write,
    s: &PyStr,
    unicode: UnicodeVersion,
) -> fmt::Result {
    let bytes = s.as_generalized_utf8();
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.write_char(quote)?;
    match s.as_str() {
        Some(text) => {
            // Copy runs of characters that need no escape in one go.
            let mut run_start = 0;
            for (i, c) in text.char_indices() {
                if !needs_escape(u32::from(c), quote, unicode) {
                    continue;
                }
                out.write_str(text.get(run_start..i).unwrap_or_default())?;
                write_escape(out, u32::from(c), quote)?;
                run_start = i + c.len_utf8();
            }
            out.write_str(text.get(run_start..).unwrap_or_default())?;
        }
        None => {
            for cp in s.code_points() {
                match char::from_u32(cp) {
                    Some(c) if !needs_escape(cp, quote, unicode) => out.write_char(c)?,
                    _ => write_escape(out, cp, quote)?,
                }
            }
        }
    }
    out.write_char(quote)
}

fn needs_escape(cp: u32, quote: char, unicode: UnicodeVersion) -> bool {
    match cp {
        0x20..=0x7E => cp == u32::from(quote) || cp == u32::from('\\'),
        0..=0x1F | 0x7F => true,
        _ => !is_printable_in(cp, unicode),
    }
}

fn write_escape(out: &mut impl Write, cp: u32, quote: char) -> fmt::Result {
    match cp {
        0x09 => out.write_str("\\t"),
        0x0A => out.write_str("\\n"),
        0x0D => out.write_str("\\r"),
        0x5C => out.write_str("\\\\"),
        _ if cp == u32::from(quote) => {
            out.write_char('\\')?;
            out.write_char(quote)
        }
        0..=0xFF => write!(out, "\\x{cp:02x}"),
        0x100..=0xFFFF => write!(out, "\\u{cp:04x}"),
        _ => write!(out, "\\U{cp:08x}"),
    }
}

/// CPython's `bytes_repr`: `b'...'` with `\t \n \r \\`, the quote, and
/// `\xNN` for bytes below `0x20` or from `0x7f` up.
pub(super) fn write_bytes_repr(out: &mut impl Write, b: &[u8]) -> fmt::Result {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.write_char('b')?;
    out.write_char(quote)?;
    let plain = |c: u8| (0x20..0x7F).contains(&c) && c != b'\\' && char::from(c) != quote;
    let mut rest = b;
    while !rest.is_empty() {
        let run = rest.iter().position(|&c| !plain(c)).unwrap_or(rest.len());
        let (text, tail) = rest.split_at(run);
        // Printable ASCII only: always valid UTF-8.
        out.write_str(std::str::from_utf8(text).map_err(|_| fmt::Error)?)?;
        let Some((&c, tail)) = tail.split_first() else {
            break;
        };
        match c {
            b'\t' => out.write_str("\\t")?,
            b'\n' => out.write_str("\\n")?,
            b'\r' => out.write_str("\\r")?,
            b'\\' => out.write_str("\\\\")?,
            _ if char::from(c) == quote => {
                out.write_char('\\')?;
                out.write_char(quote)?;
            }
            _ => write!(out, "\\x{c:02x}")?,
        }
        rest = tail;
    }
    out.write_char(quote)
}
