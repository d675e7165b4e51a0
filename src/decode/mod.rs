//! Decoding of literal token text into values: string/bytes escapes and
//! numbers. The lexer decides where a token ends; these modules turn its text
//! into data exactly as CPython does.

pub(crate) mod number;
pub(crate) mod string;
