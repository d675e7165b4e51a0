//! The parser driver: input checks, the literal fast path, and the full
//! Python grammar that classifies everything else.

pub(crate) mod classify;
mod diagnose;
mod direct;
mod fast;
mod fstring;
mod literals;
mod slow;
mod token;

use lalrpop_util::ParseError;

use crate::builder::Builder;
use crate::error::{Error, ErrorKind, FieldSource, LimitKind};
use crate::lexer::{line_number, Tokenizer, Warning};
use crate::limits::Limits;
use crate::options::Parser;

use classify::Start;
use fast::{Budget, Deferred};
use literals::{Literals, Mode};
use token::{ActionError, Fail, FieldOrigin};

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_qualifications,
        missing_docs,
        dead_code,
        unused_imports
    )]
    literal_grammar,
    "/literal.rs"
);
// The same grammar, generated with LALRPOP's recursive ascent backend
// (see `build.rs` and `RECURSIVE_ASCENT_MAX_DEPTH`).
lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_qualifications,
        missing_docs,
        dead_code,
        unused_imports,
        unused_variables,
        unused_mut
    )]
    literal_ra_grammar,
    "/literal_ra.rs"
);
lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_qualifications,
        missing_docs,
        dead_code,
        unused_imports
    )]
    python_grammar,
    "/python.rs"
);

/// The deepest nesting (`Limits::max_depth`) for which the fast path may use
/// the recursive ascent parser. It is faster than the table-driven one but
/// recurses on the native stack, a few KiB per open bracket; above this
/// bound (and whenever the thread has too little stack left, see
/// [`recursive_ascent_fits`]) the table-driven parser, whose stack is on the
/// heap, runs instead, so any depth parses on a small thread stack.
const RECURSIVE_ASCENT_MAX_DEPTH: usize = 256;

/// Native stack to reserve per level of nesting for the recursive ascent
/// parser: about twice the most measured in a release build (≈4.3 KiB for
/// nested dict values, ≈2 KiB for lists); unoptimized builds use more.
const RECURSIVE_ASCENT_STACK_PER_LEVEL: usize = if cfg!(debug_assertions) {
    64 << 10
} else {
    8 << 10
};

/// Whether the recursive ascent parser can run `max_depth` levels deep on
/// what is left of this thread's stack (with a margin for the builder and
/// the callers). `false` when the stack size cannot be known.
fn recursive_ascent_fits(max_depth: usize) -> bool {
    const MARGIN: usize = 128 << 10;
    max_depth <= RECURSIVE_ASCENT_MAX_DEPTH
        && stacker::remaining_stack()
            .is_some_and(|left| left >= max_depth * RECURSIVE_ASCENT_STACK_PER_LEVEL + MARGIN)
}

/// Parses `text` with `limits`, building the result with `builder`.
pub(crate) fn parse_into<B: Builder>(
    text: &str,
    config: &Parser,
    builder: &mut B,
) -> Result<(B::Value, Vec<Warning>), Error> {
    let limits = &config.limits;
    check_size(text, limits)?;
    // `ast.literal_eval` strips leading spaces and tabs, and nothing else.
    let strip = text.len() - text.trim_start_matches([' ', '\t']).len();
    let src = &text[strip..];
    let at = |e: ActionError| finish(e, strip, text);
    // Well-formed literals (nearly all inputs) parse in one pass here;
    // anything else, including every error, takes the token stream below.
    // It gives up on any NUL byte, so the check for them can wait.
    if let Some(value) = direct::parse(src, config, builder) {
        return Ok((value, Vec::new()));
    }
    builder.restart();
    check_nul(text)?;

    let mut literals = Literals::new(Tokenizer::new(src, config), config, Mode::Literal);
    let mut budget = Budget::new(limits.max_nodes);
    let fast = if recursive_ascent_fits(limits.max_depth) {
        literal_ra_grammar::EvalParser::new().parse(builder, &mut budget, src, &mut literals)
    } else {
        literal_grammar::EvalParser::new().parse(builder, &mut budget, src, &mut literals)
    };
    let limit = match fast {
        Ok(Ok(value)) => return Ok((value, literals.take_warnings())),
        Ok(Err(Deferred(e))) => return Err(at(*e)),
        Err(ParseError::User {
            error: Fail::Limit(e),
        }) => Some(e),
        Err(_) => None,
    };
    // Not a literal, or not valid: the full grammar tells which error
    // CPython raises. A tripped limit stands unless the text has a syntax
    // error, which CPython would report first.
    let error = classify::classify_with(src, config, Start::Eval, 0);
    match (limit, error) {
        (Some(limit), Some(e)) if !matches!(e.kind, ErrorKind::Syntax | ErrorKind::Indentation) => {
            Err(at(limit))
        }
        (Some(limit), None) => Err(at(limit)),
        (_, Some(e)) => Err(at(e)),
        // The literal grammar rejected what the full grammar accepts as a
        // literal: a bug, reported as an error rather than a panic.
        (None, None) => Err(at(ActionError::syntax(
            "internal error: the literal and full grammars disagree",
            0,
            src.len(),
        ))),
    }
}

/// Turns an error found in the stripped source into one about `text`,
/// giving `_convert`'s errors CPython's message.
fn finish(mut e: ActionError, strip: usize, text: &str) -> Error {
    let span = e.start + strip..e.end + strip;
    if e.kind == ErrorKind::Malformed {
        e.message = if e.message == slow::NONE_KEY {
            "malformed node or string: None".to_owned()
        } else {
            format!(
                "malformed node or string on line {}: <ast.{} object>",
                line_number(text, span.start),
                e.message
            )
        };
    }
    let field = match e.field {
        FieldOrigin::Field(field) => Some(FieldSource {
            expr: field.expr.start + strip..field.expr.end + strip,
            span: field.span,
            outer: field
                .outer
                .iter()
                .map(|expr| expr.start + strip..expr.end + strip)
                .collect(),
        }),
        _ => None,
    };
    let error = Error::new(e.kind, e.message, span, text).with_field(field);
    if let Some(column) = e.column {
        error.with_column(column)
    } else if e.byte_columns {
        error.with_byte_columns(text)
    } else {
        error
    }
}

/// `Limits::max_input_bytes`, checked before anything else.
fn check_size(text: &str, limits: &Limits) -> Result<(), Error> {
    if text.len() > limits.max_input_bytes {
        let at = limits.max_input_bytes;
        return Err(Error::new(
            ErrorKind::Limit(LimitKind::InputBytes),
            format!(
                "input is {} bytes, more than max_input_bytes = {}",
                text.len(),
                limits.max_input_bytes
            ),
            at..at,
            text,
        ));
    }
    Ok(())
}

/// CPython refuses a source with a NUL byte before tokenizing it.
fn check_nul(text: &str) -> Result<(), Error> {
    // `contains` is a fast memchr; the position only matters on error.
    if let Some(nul) = text
        .as_bytes()
        .contains(&0)
        .then(|| text.bytes().position(|b| b == 0))
        .flatten()
    {
        return Err(Error::new(
            ErrorKind::Syntax,
            "source code string cannot contain null bytes",
            nul..nul + 1,
            text,
        ));
    }
    Ok(())
}
