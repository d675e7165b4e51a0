//! NUMBER token text → int / float / imaginary value. (stub: being written)

use crate::value::Int;

/// A decoded NUMBER token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Number {
    /// An `int` literal of any base.
    Int(Int),
    /// A `float` literal (correctly rounded; `inf` on overflow).
    Float(f64),
    /// An imaginary literal `<float>j`: the value of its imaginary part.
    Imag(f64),
}

/// Why a NUMBER token could not be converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// A decimal int literal with more digits than `max_int_digits`.
    TooManyDigits { digits: usize, limit: usize },
}

/// Converts a NUMBER token, exactly as the lexer accepted it, to its value.
pub(crate) fn decode_number(text: &str, max_int_digits: usize) -> Result<Number, NumberError> {
    let _ = (text, max_int_digits);
    todo!("decode_number")
}
