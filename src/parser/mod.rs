//! The parser driver: input checks, the literal fast path, and the full
//! Python grammar that classifies everything else.

mod fast;
mod literals;
mod slow;
mod token;

use lalrpop_util::ParseError;

use crate::builder::Builder;
use crate::error::{Error, ErrorKind, LimitKind};
use crate::lexer::{line_number, LexError, LexErrorKind, Tokenizer, Warning};
use crate::limits::Limits;

use fast::{Budget, Deferred};
use literals::{FStrings, Literals};
use token::{ActionError, Fail, Tok};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_qualifications, missing_docs, dead_code)]
    literal_grammar,
    "/literal.rs"
);
lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_qualifications, missing_docs, dead_code)]
    python_grammar,
    "/python.rs"
);

/// Parses `text` with `limits`, building the result with `builder`.
pub(crate) fn parse_into<B: Builder>(
    text: &str,
    limits: &Limits,
    builder: &mut B,
) -> Result<(B::Value, Vec<Warning>), Error> {
    check_input(text, limits)?;
    // `ast.literal_eval` strips leading spaces and tabs, and nothing else.
    let strip = text.len() - text.trim_start_matches([' ', '\t']).len();
    let src = &text[strip..];
    let at = |e: ActionError| {
        Error::new(e.kind, e.message, e.start + strip..e.end + strip, text)
    };

    let mut literals = Literals::new(
        Tokenizer::new(src, limits.max_depth),
        limits.max_int_digits,
        FStrings::Skip,
    );
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
    let error = classify(src, limits);
    match limit {
        Some(limit) if !matches!(error.kind, ErrorKind::Syntax | ErrorKind::Indentation) => {
            Err(at(limit))
        }
        _ => Err(at(error)),
    }
}

/// Why `src` is not a literal: runs the full Python grammar and applies
/// CPython's rules for which error wins.
fn classify(src: &str, limits: &Limits) -> ActionError {
    let mut literals = Literals::new(
        Tokenizer::new(src, limits.max_depth),
        limits.max_int_digits,
        FStrings::Validate,
    );
    let result = python_grammar::EvalParser::new().parse(&mut literals);
    match result {
        Ok(node) => match node.conv {
            Err(e) => *e,
            // The literal grammar accepts every convertible input, so this is
            // only reached when it stopped on a limit.
            Ok(_) => ActionError::syntax("internal error: grammars disagree", 0, 0),
        },
        Err(ParseError::User { error }) => match error {
            // The parser reached a tokenizer error: it is the error.
            Fail::Lex(e) if e.kind == LexErrorKind::Eof => {
                unclosed_bracket(literals.tokenizer()).unwrap_or_else(|| lex_error(e))
            }
            Fail::Lex(e) => lex_error(e),
            // Errors raised while converting a token lose to any tokenizer
            // error later in the input.
            Fail::Action(e) | Fail::Limit(e) => {
                scan_rest(literals.tokenizer(), line_number(src, e.start)).unwrap_or(e)
            }
        },
        Err(ParseError::UnrecognizedToken {
            token: (l, Tok::Indent, r),
            ..
        }) => ActionError {
            kind: ErrorKind::Indentation,
            message: "unexpected indent".into(),
            start: l,
            end: r,
        },
        Err(ParseError::UnrecognizedToken {
            token: (l, Tok::EndMarker, _),
            ..
        }) => unclosed_bracket(literals.tokenizer())
            .unwrap_or_else(|| ActionError::syntax("invalid syntax", l, l)),
        Err(ParseError::UnrecognizedToken { token: (l, _, r), .. })
        | Err(ParseError::ExtraToken { token: (l, _, r) }) => {
            let error = ActionError::syntax("invalid syntax", l, r);
            scan_rest(literals.tokenizer(), line_number(src, l)).unwrap_or(error)
        }
        Err(ParseError::UnrecognizedEof { location, .. })
        | Err(ParseError::InvalidToken { location }) => {
            ActionError::syntax("invalid syntax", location, location)
        }
    }
}

/// CPython's `'(' was never closed`, for the innermost open bracket.
fn unclosed_bracket(tokens: &Tokenizer<'_>) -> Option<ActionError> {
    let (open, at) = tokens.open_brackets().next_back()?;
    Some(ActionError::syntax(format!("'{open}' was never closed"), at, at + 1))
}

/// What CPython does after a parse error: it tokenizes the rest of the
/// input, and a tokenizer error found there replaces the parse error; so
/// does an unclosed bracket opened on an earlier line than the error.
fn scan_rest(tokens: &mut Tokenizer<'_>, error_line: usize) -> Option<ActionError> {
    for token in tokens.by_ref() {
        match token {
            Ok(_) => {}
            Err(e) if e.is_soft() => break,
            Err(e) => return Some(lex_error(e)),
        }
    }
    let (_, at) = tokens.open_brackets().next_back()?;
    if error_line > line_number(tokens.source(), at) {
        return unclosed_bracket(tokens);
    }
    None
}

fn lex_error(e: LexError) -> ActionError {
    let kind = match e.kind {
        LexErrorKind::Indentation => ErrorKind::Indentation,
        LexErrorKind::Depth => ErrorKind::Limit(LimitKind::Depth),
        _ => ErrorKind::Syntax,
    };
    ActionError {
        kind,
        message: e.message,
        start: e.start,
        end: e.end,
    }
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
