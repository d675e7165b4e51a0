//! Which error CPython reports for an input that is not a literal.
//!
//! The full grammar (`grammar/python.lalrpop`) parses the input; then
//! CPython's precedence decides (`_PyPegen_run_parser` and
//! `_Pypegen_set_syntax_error` in `Parser/pegen_errors.c`):
//!
//! 1. a tokenizer error the parser runs into is the error;
//! 2. an error raised while converting a token (escapes, digit limit,
//!    f-string contents) stands, unless a tokenizer error follows anywhere;
//! 3. a grammar error first goes through the second pass
//!    ([`super::diagnose`]) for a specialised message; then a tokenizer error
//!    anywhere after it wins, and so does a bracket left open on an earlier
//!    line; without a specialised message, failing on the end of input
//!    inside brackets is "'(' was never closed" and failing on an indented
//!    line is "unexpected indent";
//! 4. valid Python that is not a literal fails in `_convert` order.

use lalrpop_util::ParseError;

use crate::error::{ErrorKind, LimitKind};
use crate::lexer::{line_number, Kind, LexError, LexErrorKind, Raw, Tokenizer};
use crate::options::Parser;

use super::diagnose::{self, DiagToken, Diagnosis};
use super::literals::{Literals, Mode};
use super::python_grammar;
use super::token::{ActionError, Fail, FieldOrigin, Tok};

/// What a classified text is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A whole input (`eval` mode).
    Eval,
    /// One f-string replacement field, as `(field)` (CPython 3.11's
    /// `fstring` start rule).
    FStringField,
}

/// The error CPython reports for `src` read as `start`, if any; `depth`
/// counts the f-strings this text is nested in.
pub(crate) fn classify_with(
    src: &str,
    config: &Parser,
    start: Start,
    depth: usize,
) -> Option<ActionError> {
    let mut literals = Literals::new(Tokenizer::new(src, config), config, Mode::Classify)
        .nested_in_fstrings(depth);
    let result = match start {
        Start::Eval => python_grammar::EvalParser::new()
            .parse(src, &mut literals)
            .map(Some),
        Start::FStringField => python_grammar::FStringFieldParser::new()
            .parse(src, &mut literals)
            .map(|()| None),
    };
    // A conversion error (escape, digit limit, f-string contents) counts
    // only if the parser got past its token, as CPython raises it from the
    // grammar action of that token; then only a tokenizer error beats it.
    let deferred = literals.take_deferred();
    let passed = |at: usize| deferred.as_ref().is_some_and(|d| d.start < at);
    // Raised before the parser read on to a tokenizer error at `at`.
    let raised_before = |at: usize| {
        deferred
            .as_ref()
            .is_some_and(|d| d.at_token && d.start < at)
    };
    let deferred_error = |src: &str| {
        let error = deferred.as_ref()?.error.clone();
        Some(after_action_error(src, config, error))
    };
    let failure = match result {
        Ok(node) => {
            if let Some(error) = deferred_error(src) {
                return Some(error);
            }
            return node.and_then(|node| node.conv.err()).map(|e| *e);
        }
        Err(failure) => failure,
    };
    Some(match failure {
        ParseError::User { error } => match error {
            // The scan of the rest of the input decides between the two.
            Fail::Lex(e) if raised_before(e.start) => {
                deferred_error(src).unwrap_or_else(|| lex_error(e))
            }
            Fail::Lex(e) if !e.is_soft() => lex_error(e),
            Fail::Lex(e) if passed(e.start) => deferred_error(src).unwrap_or_else(|| lex_error(e)),
            Fail::Lex(e) if e.kind == LexErrorKind::Eof => {
                grammar_failure(src, config, depth, GrammarFailure::Eof(e))
            }
            // A status-code error of CPython's tokenizer (a stray backslash,
            // a bad dedent): raised only if CPython's parser gets that far,
            // which its stricter grammar may not (`lambda a=0,/,/: 1 \x`).
            Fail::Lex(e) => grammar_failure(src, config, depth, GrammarFailure::Lex(e)),
            // A conversion error set aside before this one was raised first.
            Fail::Action(e) if passed(e.start) => {
                deferred_error(src).unwrap_or_else(|| after_action_error(src, config, e))
            }
            Fail::Action(e) | Fail::Limit(e) => after_action_error(src, config, e),
            Fail::Grammar(e) if passed(e.start) => deferred_error(src).unwrap_or(e),
            Fail::Grammar(e) => grammar_failure(src, config, depth, GrammarFailure::Rule(e)),
        },
        ParseError::UnrecognizedToken {
            token: (l, tok, r), ..
        }
        | ParseError::ExtraToken { token: (l, tok, r) } => {
            if passed(l) {
                if let Some(error) = deferred_error(src) {
                    return Some(error);
                }
            }
            grammar_failure(src, config, depth, GrammarFailure::Token(l, tok, r))
        }
        ParseError::UnrecognizedEof { location, .. } | ParseError::InvalidToken { location } => {
            grammar_failure(
                src,
                config,
                depth,
                GrammarFailure::Token(location, Tok::EndMarker, location),
            )
        }
    })
}

/// How the grammar failed.
enum GrammarFailure {
    /// No rule accepts this token.
    Token(usize, Tok, usize),
    /// A line continuation at the end of the input.
    Eof(LexError),
    /// A tokenizer error that does not end CPython's scan of the rest of
    /// the input (see `LexError::is_soft`).
    Lex(LexError),
    /// A rule checked in an action is broken; its own error as a fallback.
    Rule(ActionError),
}

fn grammar_failure(
    src: &str,
    config: &Parser,
    depth: usize,
    failure: GrammarFailure,
) -> ActionError {
    let scan = scan(src, config);
    let diagnosis = diagnose::diagnose_in(src, &scan.tokens, config, depth);
    // From 3.12 on, a tokenizer error (or an unclosed bracket) that
    // CPython's scan of the rest of the input meets inside an f-string
    // leaves the parser's error standing
    // (`_PyPegen_tokenize_full_source_to_check_for_errors`).
    let error_stands = scan.in_fstring;
    let mut generic_column = None;
    // The line CPython's scan of the rest of the input compares open
    // brackets with: the last token its passes read.
    let mut reached_line = None;
    let failure = match diagnosis {
        // A pass of CPython's parser read up to the tokenizer error.
        Diagnosis::TokenizerError => match scan.error.clone() {
            Some(e) if e.kind == LexErrorKind::Eof => GrammarFailure::Eof(e),
            Some(e) => return lex_error(e),
            None => failure,
        },
        // A specialised error stands unless CPython's scan of the rest of
        // the input finds a tokenizer error (the passes have already applied
        // the unclosed-bracket rule).
        Diagnosis::Specific(specific) if error_stands => return specific,
        Diagnosis::Specific(specific) => return scan.hard_error().unwrap_or(specific),
        // Plain "invalid syntax", at the token CPython's first pass stopped on.
        Diagnosis::Generic {
            token,
            column,
            reached,
        } => {
            reached_line = Some(line_number(src, reached.start));
            let tok = match token.kind {
                Kind::Indent => Tok::Indent,
                Kind::EndMarker => Tok::EndMarker,
                _ if error_stands => {
                    let error = ActionError::syntax("invalid syntax", token.start, token.end);
                    return ActionError { column, ..error };
                }
                _ => {
                    generic_column = column;
                    Tok::Newline
                }
            };
            GrammarFailure::Token(token.start, tok, token.end)
        }
        // The passes gave up: what our own grammar found.
        Diagnosis::Unknown => failure,
    };
    let failed_at = match &failure {
        GrammarFailure::Token(l, _, _) => *l,
        GrammarFailure::Eof(e) | GrammarFailure::Lex(e) => e.start,
        GrammarFailure::Rule(e) => e.start,
    };
    let error_line = line_number(src, failed_at).max(reached_line.unwrap_or(0));
    match failure {
        GrammarFailure::Token(l, Tok::Indent, r) => {
            ActionError::new(ErrorKind::Indentation, "unexpected indent", l, r)
        }
        GrammarFailure::Token(l, Tok::EndMarker, _) => scan
            .unclosed_bracket()
            .unwrap_or_else(|| ActionError::syntax("invalid syntax", l, l)),
        GrammarFailure::Eof(e) => scan.unclosed_bracket().unwrap_or_else(|| lex_error(e)),
        GrammarFailure::Lex(e) => lex_error(e),
        GrammarFailure::Token(l, _, r) => scan.replacement(src, error_line).unwrap_or_else(|| {
            let error = ActionError::syntax("invalid syntax", l, r);
            ActionError {
                column: generic_column,
                ..error
            }
        }),
        GrammarFailure::Rule(e) => scan.replacement(src, error_line).unwrap_or(e),
    }
}

/// The whole input tokenized again, as CPython's error handling sees it.
pub(super) struct Scan {
    pub(super) tokens: Vec<DiagToken>,
    /// The tokenizer error that ended the scan, if any.
    error: Option<LexError>,
    /// Brackets open where the scan ended, innermost last.
    open: Vec<(char, usize)>,
    /// The scan ended inside an f-string (3.12+): then CPython lets the
    /// error found before stand
    /// (`_PyPegen_tokenize_full_source_to_check_for_errors`).
    in_fstring: bool,
}

pub(super) fn scan(src: &str, config: &Parser) -> Scan {
    let mut tokenizer = Tokenizer::new(src, config);
    let mut tokens = Vec::new();
    let mut error = None;
    loop {
        let buffer_before = tokenizer.buffer_start();
        let Some(token) = tokenizer.next() else {
            break;
        };
        match token {
            Ok(t) => tokens.push(DiagToken {
                kind: t.kind,
                start: t.start,
                end: t.end,
                level: tokenizer.depth(),
                // The tokenizer moves its buffer past a NEWLINE's line break
                // at once; CPython's only when it reads the next line.
                buffer: if t.kind == Kind::Newline {
                    buffer_before
                } else {
                    tokenizer.buffer_start()
                },
            }),
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let open = tokenizer.open_brackets().collect();
    let in_fstring = config.version.tokenizes_fstrings() && {
        let opened = tokens.iter().filter(|t| t.kind == Kind::FStringStart);
        let closed = tokens.iter().filter(|t| t.kind == Kind::FStringEnd);
        opened.count() > closed.count()
    };
    Scan {
        tokens,
        error,
        open,
        in_fstring,
    }
}

impl Scan {
    /// A tokenizer error CPython's scan of the rest of the input reports.
    fn hard_error(&self) -> Option<ActionError> {
        match &self.error {
            Some(e) if !e.is_soft() => Some(lex_error(e.clone())),
            _ => None,
        }
    }

    /// What replaces a parse error on line `error_line` after CPython's scan
    /// of the rest of the input: a tokenizer error, or a bracket that is
    /// still open at the end and was opened on an earlier line.
    fn replacement(&self, src: &str, error_line: usize) -> Option<ActionError> {
        if self.in_fstring {
            return None;
        }
        if let Some(error) = self.hard_error() {
            return Some(error);
        }
        let &(_, at) = self.open.last()?;
        if error_line > line_number(src, at) {
            return self.unclosed_bracket();
        }
        None
    }

    /// Places an error at the first token starting at or after its start
    /// (at the last character of the input when no token follows). When
    /// the end of the input inside brackets follows, CPython's tokenizer
    /// fails on reading it, before the error: "'(' was never closed".
    fn next_token_anchor(&self, src: &str, error: ActionError) -> ActionError {
        let next = self
            .tokens
            .iter()
            .find(|t| t.start >= error.start && t.kind != Kind::EndMarker);
        let (start, end) = match next {
            Some(t) => (t.start, t.end),
            None if self.error.is_none() && !self.open.is_empty() => {
                return self.unclosed_bracket().unwrap_or(error);
            }
            None => {
                let last = super::literals::last_char_start(src);
                (last, last)
            }
        };
        ActionError {
            start,
            end,
            at_next_token: false,
            byte_columns: false,
            column: None,
            ..error
        }
    }

    /// Whether the token starting at `at` ends the input and is one CPython's
    /// tokenizer reads by looking one character past it (a name, number or
    /// operator, not a string): it then meets the end of the input and is
    /// done (`E_EOF`), so `_PyPegen_set_syntax_error` skips the scan of the
    /// rest of the input and an error placed at that token stands.
    fn peeked_at_end(&self, src: &str, at: usize) -> bool {
        self.tokens.iter().any(|t| {
            t.start == at
                && t.end == src.len()
                && t.start < t.end
                && matches!(t.kind, Kind::Raw(raw) if !matches!(raw, Raw::String(_)))
        })
    }

    /// A syntax error a grammar action raised at the token it starts at,
    /// with CPython's column when that token's line was reached through a
    /// line continuation or a string spanning lines
    /// ([`diagnose::buffer_column`]).
    fn with_buffer_column(&self, src: &str, error: ActionError) -> ActionError {
        if error.kind != ErrorKind::Syntax
            || error.lexical
            || error.byte_columns
            || error.column.is_some()
        {
            return error;
        }
        let reached = self.tokens.iter().rev().find(|t| t.start <= error.start);
        let column = reached.and_then(|t| diagnose::buffer_column(src, error.start, t));
        ActionError { column, ..error }
    }

    /// The start of the first token after the group of adjacent string
    /// tokens (an implicit concatenation) that holds offset `at`.
    fn after_string_group(&self, at: usize) -> Option<usize> {
        self.tokens
            .iter()
            .skip_while(|t| t.end <= at)
            .find(|t| !matches!(t.kind, Kind::Raw(Raw::String(_))))
            .map(|t| t.start)
    }

    /// CPython's `'(' was never closed`, for the innermost open bracket.
    fn unclosed_bracket(&self) -> Option<ActionError> {
        let &(open, at) = self.open.last()?;
        Some(ActionError::syntax(
            format!("'{open}' was never closed"),
            at,
            at + 1,
        ))
    }
}

/// An error raised by a grammar action stands unless CPython's scan of
/// the rest of the input replaces it.
fn after_action_error(src: &str, config: &Parser, error: ActionError) -> ActionError {
    let scan = scan(src, config);
    let error = if error.at_next_token {
        scan.next_token_anchor(src, error)
    } else {
        error
    };
    let error = scan.with_buffer_column(src, error);
    // CPython weighs the error by the last token its parser read: for an
    // error of a field's own parser (3.11), the token after the field's
    // string group, read before the group's action ran.
    let read = match error.field {
        FieldOrigin::Field(_) => scan.after_string_group(error.start),
        FieldOrigin::None => None,
    }
    .unwrap_or(error.start);
    if scan.peeked_at_end(src, read) {
        return error;
    }
    let line = line_number(src, read);
    scan.replacement(src, line).unwrap_or(error)
}

/// A tokenizer error as an error of its kind.
pub(crate) fn lex_error(e: LexError) -> ActionError {
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
        lexical: true,
        at_next_token: false,
        byte_columns: e.byte_columns,
        column: e.column,
        field: FieldOrigin::None,
    }
}
