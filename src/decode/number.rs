//! NUMBER token text → int / float / imaginary value, as CPython 3.11's
//! `parsenumber` (Parser/pegen.c) converts it.
//!
//! The token is assumed to be valid per Python's lexical grammar (the lexer
//! checks that); a malformed token gives [`NumberError::Malformed`] rather
//! than a panic.

use std::fmt;

use num_bigint::{BigInt, BigUint};
use num_traits::ToPrimitive;

use crate::lexer::NumberShape;
use crate::value::Int;

/// A decoded NUMBER token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Number {
    /// An `int` literal of any base.
    Int(Int),
    /// A `float` literal (correctly rounded; `inf` on overflow, `0.0` on underflow).
    Float(f64),
    /// An imaginary literal `<float>j`: the value of its imaginary part.
    Imag(f64),
}

/// Why a NUMBER token could not be converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// A decimal int literal with more digits than `max_int_digits`
    /// (CPython's `SyntaxError` from `sys.int_max_str_digits`).
    TooManyDigits {
        /// Digits in the literal, underscores not counted.
        digits: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Text that is not a valid NUMBER token (a lexer bug, never CPython
    /// behaviour).
    Malformed,
}

impl NumberError {
    /// CPython's message, e.g. `Exceeds the limit (4300 digits) for integer
    /// string conversion: value has 4301 digits; use
    /// sys.set_int_max_str_digits() to increase the limit - Consider
    /// hexadecimal for huge integer literals to avoid decimal conversion
    /// limits.` (identical in 3.11, 3.12 and 3.13).
    pub(crate) fn message(&self) -> String {
        self.to_string()
    }
}

/// Writes [`NumberError::message`].
impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::TooManyDigits { digits, limit } => write!(
                f,
                "Exceeds the limit ({limit} digits) for integer string conversion: \
                 value has {digits} digits; use sys.set_int_max_str_digits() to \
                 increase the limit - Consider hexadecimal for huge integer \
                 literals to avoid decimal conversion limits."
            ),
            NumberError::Malformed => f.write_str("invalid number literal"),
        }
    }
}

/// A float literal of digits and one `.` (no exponent, no underscore),
/// correctly rounded; `None` if `text` is not one.
pub(crate) fn plain_float(text: &str) -> Option<f64> {
    // Rust's parser is exact too, but scans and classifies the text anew.
    exact_quotient(text.as_bytes()).or_else(|| text.parse().ok())
}

/// `10^k` for `k` in `0..=22`: every one exact in an `f64`.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Clinger's fast path for digits with one `.`: when the digits, read as
/// one integer `m`, fit the 53-bit significand and `k` digits follow the
/// point with `k <= 22`, both `m` and `10^k` are exact `f64`s, so the one
/// correctly rounded division `m / 10^k` is the correctly rounded value.
/// `None` when it does not apply (the caller falls back to a full parser).
fn exact_quotient(bytes: &[u8]) -> Option<f64> {
    // Up to 16 digits and the point: the digits fit a `u64` unchecked. Longer
    // texts (most of canada's 17-digit floats) go to the full parser at once.
    if !(2..=17).contains(&bytes.len()) {
        return None;
    }
    let mut significand: u64 = 0;
    let mut point = None;
    for (i, &b) in bytes.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            significand = significand * 10 + u64::from(digit);
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
    }
    let point = point?;
    if significand > 1 << 53 {
        return None;
    }
    let power = EXACT_POWERS_OF_TEN.get(bytes.len() - point - 1)?;
    Some(significand as f64 / power)
}

/// [`decode_number`] with what the lexer saw of the token: a plain float
/// (digits and a `.`) goes straight to [`plain_float`], and a short plain
/// int is folded.
pub(crate) fn decode_number_shaped(
    text: &str,
    shape: NumberShape,
    max_int_digits: usize,
) -> Result<Number, NumberError> {
    match shape {
        NumberShape::PlainFloat => plain_float(text)
            .map(Number::Float)
            .ok_or(NumberError::Malformed),
        NumberShape::PlainInt
            if !text.is_empty()
                && text.len() < CHUNK
                && (max_int_digits == 0 || text.len() <= max_int_digits) =>
        {
            let value = text
                .bytes()
                .fold(0i64, |acc, b| acc * 10 + i64::from(b.wrapping_sub(b'0')));
            Ok(Number::Int(Int::from(value)))
        }
        _ => decode_number(text, max_int_digits),
    }
}

/// Converts a NUMBER token, exactly as the lexer accepted it (no sign), to
/// its value.
///
/// `max_int_digits` is `sys.int_max_str_digits` (0 = unlimited). Like
/// CPython, it applies only to decimal int literals that are not all zeros;
/// floats, imaginaries and hex/octal/binary ints are never limited.
pub(crate) fn decode_number(text: &str, max_int_digits: usize) -> Result<Number, NumberError> {
    let bytes = text.as_bytes();
    // Fast path: a short plain decimal int (the digit limit cannot trip
    // below 19 digits unless it was set that low).
    if !bytes.is_empty()
        && (bytes[0] != b'0' || bytes.len() == 1)
        && bytes.len() < CHUNK
        && (max_int_digits == 0 || bytes.len() <= max_int_digits)
        && bytes.iter().all(u8::is_ascii_digit)
    {
        let value = bytes
            .iter()
            .fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
        return Ok(Number::Int(Int::from(value)));
    }
    if let [b'0', prefix, digits @ ..] = bytes {
        let radix = match prefix {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return radix_int(digits, radix).map(Number::Int);
        }
    }
    if let Some(mantissa) = text.strip_suffix(['j', 'J']) {
        return parse_float(mantissa).map(Number::Imag);
    }
    if bytes.iter().any(|&b| matches!(b, b'.' | b'e' | b'E')) {
        return parse_float(text).map(Number::Float);
    }
    if bytes.first() == Some(&b'0') && bytes.iter().any(|&b| matches!(b, b'1'..=b'9')) {
        // Leading zeros before other digits: only in a token glued to
        // `else` (`07else`), which CPython's tokenizer lets through.
        // `parsenumber` reads no int there (`PyOS_strtoul` stops after
        // the zeros) and converts the text as a float: `7.0`, never
        // limited.
        return parse_float(text).map(Number::Float);
    }
    decimal_int(bytes, max_int_digits).map(Number::Int)
}

/// Parses a float literal (underscores allowed between digits), correctly
/// rounded. Rust's parser is correctly rounded, saturates to `inf`/`0.0`
/// and is linear in the length of the text.
fn parse_float(text: &str) -> Result<f64, NumberError> {
    let bytes = text.as_bytes();
    // One pass for both questions (the texts are short).
    let (mut underscore, mut exponent) = (false, false);
    for &b in bytes {
        match b {
            b'_' => underscore = true,
            b'e' | b'E' => exponent = true,
            _ => {}
        }
    }
    if !underscore {
        if !exponent {
            return plain_float(text).ok_or(NumberError::Malformed);
        }
        return parse_float_str(text);
    }
    const SHORT: usize = 64;
    if bytes.len() <= SHORT {
        let mut buf = [0u8; SHORT];
        let mut len = 0;
        for &b in bytes.iter().filter(|&&b| b != b'_') {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
                len += 1;
            }
        }
        let stripped = buf.get(..len).ok_or(NumberError::Malformed)?;
        return parse_float_str(std::str::from_utf8(stripped).map_err(|_| NumberError::Malformed)?);
    }
    let stripped: String = text.chars().filter(|&c| c != '_').collect();
    parse_float_str(&stripped)
}

/// Parses an underscore-free float literal given as bytes.
///
/// Rust's parser stops accumulating explicit exponents at about 65536 in
/// magnitude, which is wrong when many mantissa digits offset a huge
/// exponent (`'0.' + '0'*10**6 + '1e1000000'` is `0.1` in CPython, whose
/// `dtoa` is exact for any input under 10^9 digits). Such tokens are first
/// rewritten as `0.<significant digits>e<small exponent>`.
fn parse_float_str(text: &str) -> Result<f64, NumberError> {
    let bytes = text.as_bytes();
    /// Explicit exponents below this (in magnitude) are exact in Rust's parser.
    const RUST_EXACT_EXPONENT: i64 = 0x10000;
    let split = bytes.iter().position(|&b| b == b'e' || b == b'E');
    let (mantissa, exponent) = match split {
        Some(at) => (
            bytes.get(..at).unwrap_or_default(),
            bytes.get(at + 1..).unwrap_or_default(),
        ),
        None => (bytes, &[][..]),
    };
    let exponent = parse_exponent(exponent)?;
    if exponent.abs() < RUST_EXACT_EXPONENT {
        return text.parse().map_err(|_| NumberError::Malformed);
    }
    // value = 0.D[first..] × 10^(int_len - first + exponent), where D is
    // every mantissa digit and `first` indexes the first nonzero one.
    let (int_part, frac_part) = match mantissa.iter().position(|&b| b == b'.') {
        Some(dot) => (
            mantissa.get(..dot).unwrap_or_default(),
            mantissa.get(dot + 1..).unwrap_or_default(),
        ),
        None => (mantissa, &[][..]),
    };
    let digits = || int_part.iter().chain(frac_part);
    let Some(first) = digits().position(|&b| b != b'0') else {
        return Ok(0.0);
    };
    let scale = to_i64(int_part.len())
        .saturating_sub(to_i64(first))
        .saturating_add(exponent);
    // 0.1 × 10^400 overflows and 0.99… × 10^-400 underflows whatever the digits.
    if scale > 400 {
        return Ok(f64::INFINITY);
    }
    if scale < -400 {
        return Ok(0.0);
    }
    let mut canonical = Vec::with_capacity(int_part.len() + frac_part.len() + 8);
    canonical.extend_from_slice(b"0.");
    canonical.extend(digits().skip(first));
    canonical.extend_from_slice(format!("e{scale}").as_bytes());
    parse_rust(&canonical)
}

/// The value of an exponent's text (`[+-]digits`), saturating far beyond
/// any exponent that could matter.
fn parse_exponent(text: &[u8]) -> Result<i64, NumberError> {
    const CAP: i64 = 1 << 60;
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    let mut value: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return Err(NumberError::Malformed);
        }
        value = value
            .saturating_mul(10)
            .saturating_add(i64::from(b - b'0'))
            .min(CAP);
    }
    Ok(if negative { -value } else { value })
}

/// `usize` → `i64`, saturating.
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Rust's own correctly rounded parser on ASCII float text.
fn parse_rust(bytes: &[u8]) -> Result<f64, NumberError> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or(NumberError::Malformed)
}

/// The value of a hex/octal/binary literal's digits (after the prefix;
/// underscores allowed). Linear time, never limited.
fn radix_int(digits: &[u8], radix: u32) -> Result<Int, NumberError> {
    let mut values = Vec::with_capacity(digits.len());
    for &b in digits {
        if b == b'_' {
            continue;
        }
        let value = char::from(b)
            .to_digit(radix)
            .ok_or(NumberError::Malformed)?;
        // A digit of radix ≤ 16 always fits in a u8.
        values.push(value as u8);
    }
    if values.is_empty() {
        return Err(NumberError::Malformed);
    }
    // Fast path: up to 63 bits.
    let bits_per_digit = radix.trailing_zeros() as usize;
    if values.len() * bits_per_digit <= 63 {
        let value = values
            .iter()
            .fold(0i64, |acc, &d| (acc << bits_per_digit) | i64::from(d));
        return Ok(Int::from(value));
    }
    let value = BigUint::from_radix_be(&values, radix).ok_or(NumberError::Malformed)?;
    Ok(int_from_biguint(value))
}

/// The value of a decimal int literal (underscores allowed), subject to the
/// digit limit.
fn decimal_int(text: &[u8], max_int_digits: usize) -> Result<Int, NumberError> {
    if text.first() == Some(&b'0') {
        // A valid decimal literal starting with 0 is all zeros. CPython
        // converts these with `strtoul` and never applies the digit limit.
        return if text.iter().all(|&b| b == b'0' || b == b'_') {
            Ok(Int::from(0))
        } else {
            Err(NumberError::Malformed)
        };
    }
    let underscores = text.iter().filter(|&&b| b == b'_').count();
    let digits = text.len() - underscores;
    if max_int_digits != 0 && digits > max_int_digits {
        return Err(NumberError::TooManyDigits {
            digits,
            limit: max_int_digits,
        });
    }
    if !text.iter().all(|&b| b.is_ascii_digit() || b == b'_') || digits == 0 {
        return Err(NumberError::Malformed);
    }
    if digits <= CHUNK {
        // Below 10^19 < 2^64: no BigInt unless it exceeds i64.
        let value = text
            .iter()
            .filter(|&&b| b != b'_')
            .fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'));
        return Ok(match i64::try_from(value) {
            Ok(small) => Int::from(small),
            Err(_) => Int::from(BigInt::from(value)),
        });
    }
    let stripped: Vec<u8> = if underscores == 0 {
        text.to_vec()
    } else {
        text.iter().copied().filter(|&b| b != b'_').collect()
    };
    Ok(int_from_biguint(decimal_biguint(&stripped)))
}

/// An [`Int`], small when the value fits in `i64`.
fn int_from_biguint(value: BigUint) -> Int {
    match value.to_i64() {
        Some(small) => Int::from(small),
        None => Int::from(BigInt::from(value)),
    }
}

/// Decimal digits per machine word chunk: `10^19 < 2^64`.
const CHUNK: usize = 19;
/// `10^CHUNK`.
const CHUNK_POWER: u64 = 10_000_000_000_000_000_000;
/// At or below this many digits, [`schoolbook`] (quadratic, small constant)
/// is used; above, [`decimal_biguint`] splits in halves.
const SCHOOLBOOK_DIGITS: usize = 2_000;
/// Size in digits of the smallest split: the low half at recursion level
/// `k` has `SPLIT_BASE << k` digits.
const SPLIT_BASE: usize = CHUNK * 64;

/// The value of a string of ASCII decimal digits (no underscores).
///
/// Divide and conquer: `high * 10^len(low) + low`, with `len(low)` a power
/// of two times [`SPLIT_BASE`] so the powers of ten are computed once (by
/// squaring) and shared. With num-bigint's Karatsuba/Toom-3 multiplication
/// this is subquadratic, where digit-by-digit accumulation is quadratic.
fn decimal_biguint(digits: &[u8]) -> BigUint {
    if digits.len() <= SCHOOLBOOK_DIGITS {
        return schoolbook(digits);
    }
    // powers[k] = 10^(SPLIT_BASE << k), for every k with SPLIT_BASE << k < len.
    let mut powers = vec![BigUint::from(10u32).pow(SPLIT_BASE as u32)];
    while let Some(last) = powers.last() {
        if (SPLIT_BASE << powers.len()) >= digits.len() {
            break;
        }
        let next = last * last;
        powers.push(next);
    }
    split_convert(digits, &powers)
}

/// Converts `digits` using `powers` (see [`decimal_biguint`]).
fn split_convert(digits: &[u8], powers: &[BigUint]) -> BigUint {
    if digits.len() <= SCHOOLBOOK_DIGITS {
        return schoolbook(digits);
    }
    // The largest level whose low half is shorter than the whole: then the
    // high part is at most as long as the low part.
    let level = powers
        .iter()
        .enumerate()
        .rev()
        .find(|&(k, _)| (SPLIT_BASE << k) < digits.len());
    let Some((k, power)) = level else {
        return schoolbook(digits);
    };
    let (high, low) = digits.split_at(digits.len() - (SPLIT_BASE << k));
    let mut value = split_convert(high, powers) * power;
    value += split_convert(low, powers);
    value
}

/// Digit-by-digit (19 at a time) conversion; quadratic, for short inputs.
fn schoolbook(digits: &[u8]) -> BigUint {
    let head = match digits.len() % CHUNK {
        0 => CHUNK.min(digits.len()),
        n => n,
    };
    let (first, rest) = digits.split_at(head);
    let mut value = BigUint::from(chunk_value(first));
    for chunk in rest.chunks(CHUNK) {
        value *= CHUNK_POWER;
        value += chunk_value(chunk);
    }
    value
}

/// The value of at most [`CHUNK`] decimal digits.
fn chunk_value(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |acc, &b| {
        acc * 10 + u64::from(b.wrapping_sub(b'0') % 10)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Num;

    /// The fast path gives Rust's (correctly rounded) value wherever it
    /// applies, and applies to the usual short decimals.
    #[test]
    fn exact_quotient_is_correctly_rounded() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut applied = 0;
        for _ in 0..200_000 {
            let len = 1 + (next() % 24) as usize;
            let mut text: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            text.insert((next() as usize) % (len + 1), '.');
            let want: f64 = text.parse().unwrap();
            if let Some(got) = exact_quotient(text.as_bytes()) {
                applied += 1;
                assert_eq!(got.to_bits(), want.to_bits(), "{text}");
            }
            assert_eq!(plain_float(&text).map(f64::to_bits), Some(want.to_bits()));
        }
        assert!(applied > 50_000, "fast path applied {applied} times");
        for text in [
            "0.553642",
            "1.",
            ".5",
            "9007199254740992.0",
            "0.1",
            "2.2250738585072014",
        ] {
            assert_eq!(plain_float(text), text.parse().ok(), "{text}");
        }
        // Beyond the exact range: the full parser decides.
        for text in [
            "9007199254740993.0",
            "1.00000000000000000000001",
            "123456789012345678901.5",
        ] {
            assert_eq!(exact_quotient(text.as_bytes()), None, "{text}");
            assert_eq!(plain_float(text), text.parse().ok(), "{text}");
        }
        for text in ["", ".", "1", "1.2.3", "1e5", "1_0.5", "-1.5"] {
            assert_eq!(exact_quotient(text.as_bytes()), None, "{text}");
        }
    }

    /// Expected value of a token.
    enum Expect {
        /// An int, as lowercase hex digits.
        I(&'static str),
        /// A float, as its IEEE bits.
        F(u64),
        /// An imaginary literal: the bits of its imaginary part.
        J(u64),
    }
    use Expect::{F, I, J};

    // Expected values obtained from CPython 3.11.7: `ast.literal_eval(token)`,
    // ints written as `'%x' % v`, floats as `struct.pack('<d', v)` bits.
    const CASES: &[(&str, Expect)] = &[
        ("0", I("0")),
        ("00", I("0")),
        ("0_0", I("0")),
        ("000_000", I("0")),
        ("7", I("7")),
        ("1_000", I("3e8")),
        ("123456789012345678", I("1b69b4ba630f34e")),
        ("1234567890123456789", I("112210f47de98115")),
        ("9223372036854775807", I("7fffffffffffffff")),
        ("9223372036854775808", I("8000000000000000")),
        ("18446744073709551615", I("ffffffffffffffff")),
        ("18446744073709551616", I("10000000000000000")),
        (
            "99999999999999999999999999999999999999",
            I("4b3b4ca85a86c47a098a223fffffffff"),
        ),
        (
            "1_2_3_4_5_6_7_8_9_0_1_2_3_4_5_6_7_8_9_0",
            I("ab54a98ceb1f0ad2"),
        ),
        ("0x0", I("0")),
        ("0x_f", I("f")),
        ("0XABCDEF", I("abcdef")),
        ("0xdead_beef", I("deadbeef")),
        ("0x7fffffffffffffff", I("7fffffffffffffff")),
        ("0x8000000000000000", I("8000000000000000")),
        ("0xffffffffffffffffffff", I("ffffffffffffffffffff")),
        ("0x0000000000000000000000001", I("1")),
        ("0o0", I("0")),
        ("0o_5", I("5")),
        ("0O17", I("f")),
        ("0o777777777777777777777", I("7fffffffffffffff")),
        ("0o1777777777777777777777", I("ffffffffffffffff")),
        ("0o2000000000000000000000", I("10000000000000000")),
        ("0b0", I("0")),
        ("0b_1", I("1")),
        ("0B101", I("5")),
        ("0b1_0_1", I("5")),
        (
            "0b111111111111111111111111111111111111111111111111111111111111111",
            I("7fffffffffffffff"),
        ),
        (
            "0b1000000000000000000000000000000000000000000000000000000000000000",
            I("8000000000000000"),
        ),
        ("0.0", F(0x0000000000000000)),                     // 0.0
        ("1.", F(0x3ff0000000000000)),                      // 1.0
        (".5", F(0x3fe0000000000000)),                      // 0.5
        ("1e5", F(0x40f86a0000000000)),                     // 100000.0
        ("1E5", F(0x40f86a0000000000)),                     // 100000.0
        ("1e+5", F(0x40f86a0000000000)),                    // 100000.0
        ("1e-5", F(0x3ee4f8b588e368f1)),                    // 1e-05
        ("1_0.0_1e-1_0", F(0x3e113271ce87220f)),            // 1.001e-09
        ("1_00_00.5e5", F(0x41cdcdc6a8000000)),             // 1000050000.0
        ("1e1_0", F(0x4202a05f20000000)),                   // 10000000000.0
        ("09.5", F(0x4023000000000000)),                    // 9.5
        ("01.5", F(0x3ff8000000000000)),                    // 1.5
        ("00.0", F(0x0000000000000000)),                    // 0.0
        ("3.14159", F(0x400921f9f01b866e)),                 // 3.14159
        ("0.1", F(0x3fb999999999999a)),                     // 0.1
        ("1e309", F(0x7ff0000000000000)),                   // inf
        ("1e-400", F(0x0000000000000000)),                  // 0.0
        ("2e-324", F(0x0000000000000000)),                  // 0.0
        ("2.4703282292062328e-324", F(0x0000000000000001)), // 5e-324
        ("2.4703282292062329e-324", F(0x0000000000000001)), // 5e-324
        ("4.9406564584124654e-324", F(0x0000000000000001)), // 5e-324
        ("1.7976931348623157e308", F(0x7fefffffffffffff)),  // 1.7976931348623157e+308
        ("1.7976931348623158e308", F(0x7fefffffffffffff)),  // 1.7976931348623157e+308
        ("1.7976931348623159e308", F(0x7ff0000000000000)),  // inf
        ("2.2250738585072011e-308", F(0x000fffffffffffff)), // 2.225073858507201e-308
        ("2.2250738585072012e-308", F(0x0010000000000000)), // 2.2250738585072014e-308
        ("9007199254740993", I("20000000000001")),
        ("9007199254740993.0", F(0x4340000000000000)), // 9007199254740992.0
        ("0.30000000000000004", F(0x3fd3333333333334)), // 0.30000000000000004
        ("123456789012345678901234567890.5", F(0x45f8ee90ff6c373e)), // 1.2345678901234568e+29
        ("1e99999999999999999999999", F(0x7ff0000000000000)), // inf
        ("0e99999999999999999999999", F(0x0000000000000000)), // 0.0
        ("1e-99999999999999999999999", F(0x0000000000000000)), // 0.0
        (".1_4j", J(0x3fc1eb851eb851ec)),              // 0.14j
        ("5.j", J(0x4014000000000000)),                // 5j
        ("1J", J(0x3ff0000000000000)),                 // 1j
        ("1j", J(0x3ff0000000000000)),                 // 1j
        ("01j", J(0x3ff0000000000000)),                // 1j
        ("00j", J(0x0000000000000000)),                // 0j
        ("09.5j", J(0x4023000000000000)),              // 9.5j
        ("1e309j", J(0x7ff0000000000000)),             // infj
        ("0j", J(0x0000000000000000)),                 // 0j
        ("1_0j", J(0x4024000000000000)),               // 10j
        ("1.5e-3J", J(0x3f589374bc6a7efa)),            // 0.0015j
        ("0.0j", J(0x0000000000000000)),               // 0j
    ];

    /// An `Int` built independently of the code under test: small when it
    /// fits in `i64`.
    fn normalized(big: BigInt) -> Int {
        match i64::try_from(&big) {
            Ok(small) => Int::from(small),
            Err(_) => Int::from(big),
        }
    }

    /// The `Int` whose lowercase hex digits are `hex`.
    fn int_from_hex(hex: &str) -> Int {
        normalized(BigInt::from_str_radix(hex, 16).unwrap())
    }

    /// Every valid token form of spec §5 and float rounding edge cases.
    #[test]
    fn number_table() {
        for (text, expect) in CASES {
            let got = decode_number(text, 4300);
            let want = match expect {
                I(hex) => Number::Int(int_from_hex(hex)),
                F(bits) => Number::Float(f64::from_bits(*bits)),
                J(bits) => Number::Imag(f64::from_bits(*bits)),
            };
            // Compare floats by bits (signed zeros, inf).
            match (&got, &want) {
                (Ok(Number::Float(a)), Number::Float(b))
                | (Ok(Number::Imag(a)), Number::Imag(b)) => {
                    assert_eq!(a.to_bits(), b.to_bits(), "{text}")
                }
                _ => assert_eq!(got, Ok(want), "{text}"),
            }
        }
    }

    /// Hex/octal/binary ints of any size, never limited.
    #[test]
    fn huge_power_of_two_bases_are_not_limited() {
        let hex = format!("0x{}", "f".repeat(5000));
        let want = (BigInt::from(1) << 20000u32) - 1;
        assert_eq!(decode_number(&hex, 4300), Ok(Number::Int(Int::from(want))));
        let hex = format!("0X_{}", "F_f".repeat(2000));
        let want = (BigInt::from(1) << 16000u32) - 1;
        assert_eq!(decode_number(&hex, 4300), Ok(Number::Int(Int::from(want))));
        let bin = format!("0b{}", "1".repeat(20000));
        let want = (BigInt::from(1) << 20000u32) - 1;
        assert_eq!(decode_number(&bin, 4300), Ok(Number::Int(Int::from(want))));
        let oct = format!("0o{}", "7".repeat(7000));
        let want = (BigInt::from(1) << 21000u32) - 1;
        assert_eq!(decode_number(&oct, 1), Ok(Number::Int(Int::from(want))));
    }

    /// The `sys.int_max_str_digits` rule at its boundary.
    #[test]
    fn digit_limit() {
        // Behaviour and message checked against CPython 3.11.7, 3.12.1, 3.13.0.
        let ones = |n: usize| "1".repeat(n);
        let big = |s: &str| {
            Ok(Number::Int(Int::from(
                BigInt::from_str_radix(s, 10).unwrap(),
            )))
        };
        assert_eq!(decode_number(&ones(4300), 4300), big(&ones(4300)));
        let err = decode_number(&ones(4301), 4300);
        assert_eq!(
            err,
            Err(NumberError::TooManyDigits {
                digits: 4301,
                limit: 4300
            })
        );
        assert_eq!(
            err.unwrap_err().message(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
             hexadecimal for huge integer literals to avoid decimal conversion limits."
        );
        // Underscores are not counted.
        let under = format!("1{}", "_0".repeat(4299));
        assert_eq!(
            decode_number(&under, 4300),
            big(&format!("1{}", "0".repeat(4299)))
        );
        let under = format!("1{}", "_0".repeat(4300));
        assert_eq!(
            decode_number(&under, 4300),
            Err(NumberError::TooManyDigits {
                digits: 4301,
                limit: 4300
            })
        );
        // 0 = unlimited; other limits.
        assert_eq!(decode_number(&ones(5000), 0), big(&ones(5000)));
        assert_eq!(
            decode_number(&ones(641), 640).map_err(|e| e.message()),
            Err(
                "Exceeds the limit (640 digits) for integer string conversion: value has 641 \
                 digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
                 hexadecimal for huge integer literals to avoid decimal conversion limits."
                    .to_owned()
            )
        );
        // All-zero literals are never limited.
        assert_eq!(
            decode_number(&"0".repeat(5000), 4300),
            Ok(Number::Int(Int::from(0)))
        );
        let zeros = format!("0{}", "_0".repeat(5000));
        assert_eq!(decode_number(&zeros, 4300), Ok(Number::Int(Int::from(0))));
        // Floats and imaginaries are never limited: '1'*5000 + '.0' → inf.
        let float = format!("{}.0", ones(5000));
        assert_eq!(
            decode_number(&float, 4300),
            Ok(Number::Float(f64::INFINITY))
        );
        let imag = format!("{}j", ones(5000));
        assert_eq!(decode_number(&imag, 4300), Ok(Number::Imag(f64::INFINITY)));
    }

    /// Digits `1 + (7i + i/3) % 9`, i = 0..n.
    fn pattern(n: usize) -> String {
        (0..n)
            .map(|i| char::from(b'1' + ((i * 7 + i / 3) % 9) as u8))
            .collect()
    }

    /// Large decimal ints agree with CPython (remainder and bit length).
    #[test]
    fn decimal_conversion_matches_python() {
        // (digits, int(pattern(n)) % (2**61 - 1), int(pattern(n)).bit_length()) from python3.
        const EXPECTED: &[(usize, u64, u64)] = &[
            (19, 1865319754298643187, 61),
            (20, 206453469276880267, 65),
            (37, 467633425719561087, 121),
            (38, 64648238768222970, 124),
            (39, 646482387682229709, 128),
            (1999, 1600971763507872241, 6639),
            (2000, 2174659579796558712, 6642),
            (2001, 994008715042341567, 6645),
            (2432, 1288315858661399646, 8077),
            (2433, 1353943540545526711, 8080),
            (4300, 1089891207402799416, 14282),
            (4301, 1675540037173218363, 14286),
            (4865, 2025821216630807199, 16159),
            (10007, 1761647495073413029, 33241),
            (100000, 207048903786808505, 332191),
        ];
        let modulus = BigUint::from((1u64 << 61) - 1);
        for &(n, rem, bits) in EXPECTED {
            let text = pattern(n);
            let value = decimal_biguint(text.as_bytes());
            assert_eq!((&value % &modulus).to_u64(), Some(rem), "{n} digits");
            assert_eq!(value.bits(), bits, "{n} digits");
            // And the public path agrees with num-bigint's own conversion.
            let reference = BigInt::from_str_radix(&text, 10).unwrap();
            assert_eq!(
                decode_number(&text, 0),
                Ok(Number::Int(normalized(reference)))
            );
        }
    }

    /// The divide-and-conquer conversion agrees with num-bigint around its split sizes.
    #[test]
    fn decimal_conversion_matches_num_bigint_around_split_sizes() {
        for n in (1..60)
            .chain(1990..2010)
            .chain([2431, 2432, 2433, 4863, 4864, 4865, 9729, 19457])
        {
            let text = pattern(n);
            let reference = BigUint::from_str_radix(&text, 10).unwrap();
            assert_eq!(decimal_biguint(text.as_bytes()), reference, "{n} digits");
        }
        // Zeros inside and at the start of split halves.
        let text = format!("1{}", "0".repeat(30_000));
        let reference = BigUint::from_str_radix(&text, 10).unwrap();
        assert_eq!(decimal_biguint(text.as_bytes()), reference);
    }

    /// Million-digit floats are fast and correctly rounded.
    #[test]
    fn long_floats_are_linear_and_correct() {
        // Values from python3: 0.1, 1111111111.1111112, 0.1j.
        let n = 1_000_000;
        let tiny = format!("0.{}1e1_000_000", "0".repeat(n));
        assert_eq!(decode_number(&tiny, 4300), Ok(Number::Float(0.1)));
        let long = format!("{}e-999990", "1".repeat(n));
        assert_eq!(
            decode_number(&long, 4300),
            Ok(Number::Float(1111111111.1111112))
        );
        let imag = format!("0.{}1e1000000j", "0".repeat(n));
        assert_eq!(decode_number(&imag, 4300), Ok(Number::Imag(0.1)));
        let under = format!("1{}.5", "_1".repeat(n));
        assert_eq!(
            decode_number(&under, 4300),
            Ok(Number::Float(
                format!("1{}.5", "1".repeat(n)).parse().unwrap()
            ))
        );
    }

    /// Exponents beyond Rust's exact range, offset by long mantissas.
    #[test]
    fn huge_exponents_offset_by_many_digits() {
        // (token, value) with values from python3 (CPython's dtoa is exact here).
        let z = |n: usize| "0".repeat(n);
        let cases: Vec<(String, f64)> = vec![
            (format!("0.{}1e70001", z(70000)), 1.0),
            (format!("1{}e-70000", z(70000)), 1.0),
            ("1e65536".into(), f64::INFINITY),
            ("1e-65536".into(), 0.0),
            ("1e65535".into(), f64::INFINITY),
            ("0e100000".into(), 0.0),
            ("0.000e99999999999999999999999999".into(), 0.0),
            ("123.456e-70000".into(), 0.0),
            (
                format!("17976931348623157{}e-99708", z(100_000)),
                1.7976931348623157e308,
            ),
            (
                format!("17976931348623159{}e-99708", z(100_000)),
                f64::INFINITY,
            ),
            (format!("24703282292062328{}e-100340", z(100_000)), 5e-324),
            (format!("24703282292062327{}e-100340", z(100_000)), 0.0),
            (format!(".{}5e+100000", z(100_000)), 0.5),
            (format!("{}e-65536", "1".repeat(100_000)), f64::INFINITY),
        ];
        for (text, want) in cases {
            let got = decode_number(&text, 4300);
            assert_eq!(
                got,
                Ok(Number::Float(want)),
                "{}",
                &text[..20.min(text.len())]
            );
        }
    }

    /// Leading zeros before other digits (`07else`): a float, as CPython's
    /// `parsenumber` converts them, never limited.
    #[test]
    fn leading_zeros_glued_to_else_are_floats() {
        for (text, want) in [("07", 7.0), ("0_7", 7.0), ("08", 8.0), ("00_19", 19.0)] {
            assert_eq!(decode_number(text, 4300), Ok(Number::Float(want)), "{text}");
        }
        let huge = format!("0{}", "7".repeat(5000));
        assert_eq!(decode_number(&huge, 4300), Ok(Number::Float(f64::INFINITY)));
        assert_eq!(decode_number("000", 4300), Ok(Number::Int(Int::from(0))));
    }

    /// Invalid tokens give `Malformed`, never a panic.
    #[test]
    fn malformed_tokens_do_not_panic() {
        for text in [
            "", "0x", "0x_", "0b2", "_", "1a", "0j1", "0_", "1__", "e", ".", "0o8", "01", "é",
        ] {
            let _ = decode_number(text, 4300);
        }
        assert_eq!(decode_number("0x", 4300), Err(NumberError::Malformed));
        assert_eq!(decode_number("1a", 4300), Err(NumberError::Malformed));
    }
}
