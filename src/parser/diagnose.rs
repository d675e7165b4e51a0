//! CPython's second parser pass: specialised syntax error messages.
//!
//! When CPython's parser fails, it parses the input again with extra
//! `invalid_*` grammar rules enabled; the first of them that matches raises
//! a specific error ("invalid syntax. Perhaps you forgot a comma?",
//! "':' expected after dictionary key", …) at its own location. Only if none
//! matches is the error a plain "invalid syntax" at the failing token.
//!
//! This module emulates both passes of the PEG parser of the CPython
//! version followed (3.11, 3.12 or 3.13: `Grammar/python.gram`,
//! `_PyPegen_run_parser`) for the `eval` start rule; from 3.12 on it reads
//! f-strings as tokens (`fstrings`). It is a backtracking recognizer over
//! the tokens, one function per grammar rule, with CPython's memoization
//! and its ordered choice. The first pass
//! runs with the invalid rules off, only to learn how far CPython's
//! tokenizer had read when it failed (plain `RAISE_SYNTAX_ERROR` points at
//! the last token read); the second pass runs with them on and stops at the
//! first error an action raises.
//!
//! The recognizer builds a minimal expression tree (kinds and spans) because
//! several actions inspect their operands: `_PyPegen_get_expr_name`,
//! `_PyPegen_get_invalid_target`, the argument checks.
//!
//! Every input is handled in bounded time and stack: recursion deeper than
//! `parser::MAX_DEPTH` rule calls, or more rule calls than a budget
//! proportional to the token count, ends the pass without a result. Both
//! passes memoize (per position, in chains like CPython's per-token memo),
//! so the work is linear in the number of tokens.

mod ast;
mod atoms;
mod calls;
mod column;
mod exprs;
mod fstrings;
mod invalid;
mod lambdas;
mod memo;
mod parser;
mod targets;
#[cfg(test)]
mod tests;

use crate::lexer::{Kind, Raw};
use crate::options::PythonVersion;

use super::token::ActionError;

pub(crate) use column::buffer_column;

/// One token of the input, as the second pass reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DiagToken {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Bracket nesting depth after this token (CPython's `tok->level`):
    /// an opening bracket has the depth it opens, a closing one the depth
    /// it returns to.
    pub(crate) level: usize,
    /// Where CPython's tokenizer buffer (`tok->buf`) starts while this
    /// token is the last one read: the start of its line, or of an earlier
    /// one that a line continuation or a string spanning lines began.
    pub(crate) buffer: usize,
}

/// What CPython's two parser passes make of a syntax error.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Diagnosis {
    /// An invalid rule (or a parser action) raised this error.
    Specific(ActionError),
    /// No invalid rule applies: CPython reports plain "invalid syntax" at
    /// `token`, the last one its first pass read; with its `column` when
    /// CPython counts it from an earlier line (see `column`). `reached` is
    /// the last token either pass read, where CPython's scan of the rest of
    /// the input takes the error's line from.
    Generic {
        token: DiagToken,
        column: Option<usize>,
        reached: DiagToken,
    },
    /// A pass read up to the tokenizer error that ends the tokens: CPython
    /// raises that error (even one its scan of the rest of the input would
    /// pass over, like a stray backslash).
    TokenizerError,
    /// The passes gave up (input too deep or too much work for them); the
    /// caller falls back on what its own parser found.
    Unknown,
}

/// Runs the two parser passes of CPython `version` over `tokens` (the
/// input's tokens up to the end marker or the first tokenizer error).
pub(crate) fn diagnose(src: &str, tokens: &[DiagToken], version: PythonVersion) -> Diagnosis {
    if version.tokenizes_fstrings() && tokens.iter().any(|t| t.kind == Kind::FStringStart) {
        let tokens = with_empty_format_specs(src, tokens);
        return parser::Parser::new(src, &tokens, version).run();
    }
    parser::Parser::new(src, tokens, version).run()
}

/// [`diagnose`] for an input parsed with `config`, nested in
/// `fstring_depth` f-strings: with CPython 3.11, the passes also check the
/// contents of the f-strings they convert (`_PyPegen_concatenate_strings`).
pub(crate) fn diagnose_in(
    src: &str,
    tokens: &[DiagToken],
    config: &crate::options::Parser,
    fstring_depth: usize,
) -> Diagnosis {
    if config.version.tokenizes_fstrings() {
        return diagnose(src, tokens, config.version);
    }
    parser::Parser::new(src, tokens, config.version)
        .checking_fstrings(config, fstring_depth)
        .run()
}

/// The tokens with the empty `FSTRING_MIDDLE` CPython's tokenizer (3.12+)
/// produces where a field's format spec ends (at its `}` or a line break)
/// directly after its `:` or after a nested field (`f'{x:}'`,
/// `f'{x:{y}}'`), or before a `{{` there, and ours does not.
fn with_empty_format_specs(src: &str, tokens: &[DiagToken]) -> Vec<DiagToken> {
    /// What the tokenizer is inside of, innermost last.
    #[derive(Clone, Copy, PartialEq)]
    enum Frame {
        /// An f-string's literal text.
        FString,
        /// A replacement field opened at bracket level `level`; `spec` once
        /// its format spec has started.
        Field { level: usize, spec: bool },
    }
    let mut frames: Vec<Frame> = Vec::new();
    let mut out = Vec::with_capacity(tokens.len());
    let mut previous: Option<Kind> = None;
    for &t in tokens {
        // A format spec with no text before this token: CPython's tokenizer
        // gives an empty FSTRING_MIDDLE, unless a nested field starts here.
        // Anything but that field or the closing '}' (a line break ended the
        // spec) is read as tokens again.
        if let Some(Frame::Field { level, spec: true }) = frames.last().copied() {
            let text_before = matches!(previous, Some(Kind::FStringMiddle { .. }));
            let nested_field = t.kind == Kind::Raw(Raw::LBrace);
            // `{{` in a spec is a field too, but not one the spec starts with.
            let doubled = nested_field && src.as_bytes().get(t.start + 1) == Some(&b'{');
            let text = matches!(t.kind, Kind::FStringMiddle { .. });
            let end = t.kind == Kind::FStringEnd;
            if !text_before && (!nested_field || doubled) && !text && !end {
                out.push(DiagToken {
                    kind: Kind::FStringMiddle { raw: false },
                    start: t.start,
                    end: t.start,
                    level,
                    buffer: t.buffer,
                });
            }
            let closing = t.kind == Kind::Raw(Raw::RBrace) && t.level + 1 == level;
            if !nested_field && !closing && !text {
                if let Some(frame) = frames.last_mut() {
                    *frame = Frame::Field { level, spec: false };
                }
            }
        }
        match (t.kind, frames.last().copied()) {
            (Kind::FStringStart, _) => frames.push(Frame::FString),
            (Kind::FStringEnd, _) => {
                while let Some(Frame::Field { .. }) = frames.last() {
                    frames.pop();
                }
                frames.pop();
            }
            // A field opens in literal text or in a format spec.
            (Kind::Raw(Raw::LBrace), Some(Frame::FString | Frame::Field { spec: true, .. })) => {
                frames.push(Frame::Field {
                    level: t.level,
                    spec: false,
                });
            }
            (Kind::Raw(Raw::Colon), Some(Frame::Field { level, spec: false }))
                if t.level == level =>
            {
                if let Some(frame) = frames.last_mut() {
                    *frame = Frame::Field { level, spec: true };
                }
            }
            (Kind::Raw(Raw::RBrace), Some(Frame::Field { level, .. })) if t.level + 1 == level => {
                frames.pop();
            }
            _ => {}
        }
        previous = Some(t.kind);
        out.push(t);
    }
    out
}

/// The first specialised syntax error of CPython `version`'s second pass,
/// if any.
#[cfg(test)]
pub(crate) fn second_pass_of(
    version: PythonVersion,
    src: &str,
    tokens: &[DiagToken],
) -> Option<ActionError> {
    match diagnose(src, tokens, version) {
        Diagnosis::Specific(error) => Some(error),
        Diagnosis::Generic { .. } | Diagnosis::TokenizerError | Diagnosis::Unknown => None,
    }
}
