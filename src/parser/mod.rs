//! The parser driver: input checks, the literal fast path, and the full
//! Python grammar that classifies everything else.

pub(crate) mod classify;
mod diagnose;
mod fast;
mod fstring;
mod literals;
mod slow;
mod token;

use lalrpop_util::ParseError;

use crate::builder::Builder;
use crate::error::{Error, ErrorKind, LimitKind};
use crate::lexer::{line_number, Tokenizer, Warning};
use crate::limits::Limits;
use crate::options::Parser;

use classify::Start;
use fast::{Budget, Deferred};
use literals::{Literals, Mode};
use token::{ActionError, Fail};

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

/// Parses `text` with `limits`, building the result with `builder`.
pub(crate) fn parse_into<B: Builder>(
    text: &str,
    config: &Parser,
    builder: &mut B,
) -> Result<(B::Value, Vec<Warning>), Error> {
    let limits = &config.limits;
    check_input(text, limits)?;
    // `ast.literal_eval` strips leading spaces and tabs, and nothing else.
    let strip = text.len() - text.trim_start_matches([' ', '\t']).len();
    let src = &text[strip..];
    let at = |e: ActionError| finish(e, strip, text);

    let mut literals = Literals::new(Tokenizer::new(src, config), config, Mode::Literal);
    let mut budget = Budget::new(limits.max_nodes);
    let fast = literal_grammar::EvalParser::new().parse(builder, &mut budget, &mut literals);
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
    Error::new(e.kind, e.message, span, text)
}

/// Checks done before tokenizing, in CPython's order.
fn check_input(text: &str, limits: &Limits) -> Result<(), Error> {
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
    if let Some(nul) = text.bytes().position(|b| b == 0) {
        return Err(Error::new(
            ErrorKind::Syntax,
            "source code string cannot contain null bytes",
            nul..nul + 1,
            text,
        ));
    }
    Ok(())
}
