//! Raw tokens: what `logos` recognises in the source text.
//!
//! `logos` dispatches on the first characters; the three token kinds whose
//! extent and errors follow intricate CPython rules — strings, numbers and
//! names — are finished by hand-written callbacks that mirror CPython 3.11's
//! tokenizer (`Parser/tokenizer.c`) step by step, including where each error
//! points. Layout (newlines, indentation, brackets) is handled one level up,
//! in [`super::Tokenizer`].

use logos::{Lexer, Logos};

use super::error::LexError;
use super::Warning;
use crate::options::PythonVersion;

/// State shared with the callbacks.
#[derive(Default)]
pub(crate) struct Extras {
    /// Warnings raised while scanning (number glued to a keyword).
    pub(crate) warnings: Vec<Warning>,
    /// The CPython version whose tokenizer is followed.
    pub(crate) version: PythonVersion,
    /// Inside an f-string replacement field (3.12+): the quote character of
    /// the innermost f-string and whether it is triple-quoted.
    pub(crate) fstring_quote: Option<(u8, bool)>,
}

/// The prefix of a string literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StrPrefix {
    pub(crate) raw: bool,
    pub(crate) bytes: bool,
    pub(crate) fstring: bool,
}

/// A string token: where its body (the text between the quotes) is.
///
/// From CPython 3.12 on, an f-string is not one token: its prefix and
/// opening quotes are an `FSTRING_START` token (`fstring_start` is set and
/// the body is empty), and the tokenizer scans the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StrToken {
    pub(crate) prefix: StrPrefix,
    /// Byte offsets of the body in the source.
    pub(crate) body_start: usize,
    pub(crate) body_end: usize,
    /// For an `FSTRING_START`: the quote character and whether it is tripled.
    pub(crate) fstring_start: Option<(u8, bool)>,
}

/// What the scanner saw of a NUMBER token, so that decoding it needs no
/// second look in the common cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberShape {
    /// Decimal digits only (`0`, `42`, `007` is not valid but `000` is).
    PlainInt,
    /// Decimal digits and one `.`: no exponent, underscore or `j`.
    PlainFloat,
    /// Anything else: hex/octal/binary, an exponent, underscores, imaginary.
    Other,
}

/// A raw token.
#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(extras = Extras)]
#[logos(error(LexError, callback = unmatched))]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub(crate) enum Raw {
    /// A physical line break: `\n`, `\r\n` or `\r`.
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// A backslash that joins the next line to this one.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// A backslash not followed by a line break.
    #[token("\\")]
    StrayBackslash,

    /// An identifier (validated against Python's identifier rules).
    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", name)]
    Name,
    /// A NUMBER token (its text is in the span).
    #[regex(r"[0-9]", number)]
    #[regex(r"\.[0-9]", number)]
    Number(NumberShape),
    /// A STRING token of any prefix and quote kind.
    #[regex(r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#, string)]
    String(StrToken),

    // Keywords that may appear in expressions.
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("else")]
    Else,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("if")]
    If,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("yield")]
    Yield,
    /// A keyword that only statements use (`class`, `def`, `import`, …).
    #[token("as")]
    #[token("assert")]
    #[token("break")]
    #[token("class")]
    #[token("continue")]
    #[token("def")]
    #[token("del")]
    #[token("elif")]
    #[token("except")]
    #[token("finally")]
    #[token("global")]
    #[token("import")]
    #[token("nonlocal")]
    #[token("pass")]
    #[token("raise")]
    #[token("return")]
    #[token("try")]
    #[token("while")]
    #[token("with")]
    StmtKeyword,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(":=")]
    ColonEqual,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("~")]
    Tilde,
    #[token("&")]
    Amper,
    #[token("|")]
    VBar,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    /// `!` alone: the conversion mark of an f-string field (3.12+); anywhere
    /// else the grammar rejects it.
    #[token("!")]
    Exclamation,
    /// `<>`: the tokenizer knows it (PEP 401), the grammar rejects it.
    #[token("<>")]
    LessGreater,
    #[token("=")]
    Equal,
    #[token("->")]
    RArrow,
    /// Any augmented assignment operator (`+=`, `<<=`, …): never valid in an expression.
    #[token("+=")]
    #[token("-=")]
    #[token("*=")]
    #[token("/=")]
    #[token("//=")]
    #[token("%=")]
    #[token("@=")]
    #[token("&=")]
    #[token("|=")]
    #[token("^=")]
    #[token("<<=")]
    #[token(">>=")]
    #[token("**=")]
    AugAssign,
    /// A printable ASCII character that is no Python token (`$`, `?`, `!`, backtick):
    /// CPython's tokenizer passes it on as an operator the grammar rejects.
    Unknown,
}

/// A character no pattern matches: non-printable ASCII is a tokenizer error;
/// printable characters (`$ ?` and backtick) become [`Raw::Unknown`] one
/// level up.
fn unmatched(lex: &mut Lexer<'_, Raw>) -> LexError {
    let start = lex.span().start;
    let c = lex.source()[start..].chars().next().unwrap_or('\0');
    if c.is_ascii_graphic() {
        LexError::unknown_char(start)
    } else {
        LexError::new(
            format!("invalid non-printable character U+{:04X}", u32::from(c)),
            start,
            start + c.len_utf8(),
        )
    }
}

/// Validates a name with non-ASCII characters like CPython's
/// `verify_identifier`: the error points at the first invalid character.
fn name(lex: &mut Lexer<'_, Raw>) -> Result<(), LexError> {
    let text = lex.slice();
    if text.is_ascii() {
        return Ok(());
    }
    let start = lex.span().start;
    let unicode = lex.extras.version.unicode();
    for (i, (offset, c)) in text.char_indices().enumerate() {
        let valid = if i == 0 {
            crate::unicode::is_id_start_in(c, unicode)
        } else {
            crate::unicode::is_id_continue_in(c, unicode)
        };
        if !valid {
            let at = start + offset;
            let message = if crate::unicode::is_printable_in(u32::from(c), unicode) {
                format!("invalid character '{c}' (U+{:04X})", u32::from(c))
            } else {
                format!("invalid non-printable character U+{:04X}", u32::from(c))
            };
            return Err(LexError::new(message, at, at + c.len_utf8()));
        }
    }
    Ok(())
}

/// Scans a string token from its opening quote to its closing quote, as
/// CPython does: a backslash always protects the next character (raw
/// strings included), single-quoted strings end at a line break.
fn string(lex: &mut Lexer<'_, Raw>) -> Result<StrToken, LexError> {
    let opening = lex.slice();
    let token_start = lex.span().start;
    let quote = opening.as_bytes()[opening.len() - 1];
    let prefix = parse_prefix(&opening[..opening.len() - 1]);
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;

    if prefix.fstring && lex.extras.version.tokenizes_fstrings() {
        // FSTRING_START: the prefix and the opening quotes only.
        if triple {
            lex.bump(2);
        }
        let at = lex.span().end;
        return Ok(StrToken {
            prefix,
            body_start: at,
            body_end: at,
            fstring_start: Some((quote, triple)),
        });
    }
    if !triple && rest.first() == Some(&quote) {
        // The empty string '' or "".
        lex.bump(1);
        let at = lex.span().end - 1;
        return Ok(StrToken {
            prefix,
            body_start: at,
            body_end: at,
            fstring_start: None,
        });
    }
    let body_offset = if triple { 2 } else { 0 };
    let body_start = lex.span().end + body_offset;
    let mut i = body_offset;
    let mut quotes_seen = 0;
    let mut escaped_quote = false;
    loop {
        let Some(&c) = rest.get(i) else {
            let at = lex.source().len();
            return Err(unterminated(
                lex,
                token_start,
                quote,
                triple,
                escaped_quote,
                at,
            ));
        };
        i += 1;
        if c == quote {
            quotes_seen += 1;
            if !triple || quotes_seen == 3 {
                break;
            }
            continue;
        }
        quotes_seen = 0;
        match c {
            b'\\' => {
                // Skip the escaped character; "\r\n" counts as one character.
                match rest.get(i) {
                    Some(b'\r') if rest.get(i + 1) == Some(&b'\n') => i += 2,
                    Some(&next) => {
                        escaped_quote |= next == quote;
                        i += utf8_len(next);
                    }
                    None => {}
                }
            }
            b'\n' | b'\r' if !triple => {
                // Just past the line break (`unterminated` names the line of
                // the byte before `detected_at`): after an escaped line
                // break, the string's last line is the one it ends.
                let at = lex.span().end + i;
                return Err(unterminated(
                    lex,
                    token_start,
                    quote,
                    false,
                    escaped_quote,
                    at,
                ));
            }
            _ => {}
        }
    }
    let quote_len = if triple { 3 } else { 1 };
    let body_end = lex.span().end + i - quote_len;
    lex.bump(i);
    Ok(StrToken {
        prefix,
        body_start,
        body_end,
        fstring_start: None,
    })
}

fn parse_prefix(prefix: &str) -> StrPrefix {
    let has = |c: u8| prefix.bytes().any(|b| b.to_ascii_lowercase() == c);
    StrPrefix {
        raw: has(b'r'),
        bytes: has(b'b'),
        fstring: has(b'f'),
    }
}

/// The error for a string that reaches a line break or the end of input:
/// CPython points at the first character of the token and names the line
/// where it noticed.
fn unterminated(
    lex: &Lexer<'_, Raw>,
    token_start: usize,
    quote: u8,
    triple: bool,
    escaped_quote: bool,
    detected_at: usize,
) -> LexError {
    let source = lex.source();
    let line = super::line_number(source, detected_at.saturating_sub(1).max(token_start));
    let first_len = source[token_start..]
        .chars()
        .next()
        .map_or(1, char::len_utf8);
    // Inside an f-string field (3.12+), a string that runs into the
    // f-string's own closing quote means the field lacks its '}'.
    if lex.extras.fstring_quote == Some((quote, triple)) {
        return LexError::new(
            "f-string: expecting '}'",
            token_start,
            token_start + first_len,
        );
    }
    let message = if triple {
        format!("unterminated triple-quoted string literal (detected at line {line})")
    } else if escaped_quote && lex.extras.version >= PythonVersion::V3_13 {
        format!(
            "unterminated string literal (detected at line {line}); perhaps you escaped the end quote?"
        )
    } else {
        format!("unterminated string literal (detected at line {line})")
    };
    LexError::new(message, token_start, token_start + first_len)
}

pub(super) fn utf8_len(first_byte: u8) -> usize {
    match first_byte {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Scans a NUMBER token with CPython's rules (`tok_get`'s number branch,
/// `tok_decimal_tail`, `verify_end_of_number`), including its error
/// messages and positions.
fn number(lex: &mut Lexer<'_, Raw>) -> Result<NumberShape, LexError> {
    let start = lex.span().start;
    let mut scan = NumberScanner {
        src: lex.source().as_bytes(),
        start,
        cur: start,
        warnings: &mut lex.extras.warnings,
        plain: true,
        dot: false,
    };
    let end = scan.scan()?;
    let shape = match (scan.plain, scan.dot) {
        (true, false) => NumberShape::PlainInt,
        (true, true) => NumberShape::PlainFloat,
        (false, _) => NumberShape::Other,
    };
    let already = lex.span().end - start;
    lex.bump(end - start - already);
    Ok(shape)
}

/// A cursor over the source that mirrors CPython's `tok_nextc` /
/// `tok_backup` pair: `cur` is the offset just past the last character read.
struct NumberScanner<'s, 'w> {
    src: &'s [u8],
    start: usize,
    cur: usize,
    warnings: &'w mut Vec<Warning>,
    /// No underscore, exponent, radix prefix or `j` was read (so far).
    plain: bool,
    /// A `.` was read.
    dot: bool,
}

/// CPython's `is_potential_identifier_char`, on one byte of UTF-8.
fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// What follows a number in CPython's `verify_end_of_number`.
enum NumberEnd {
    Decimal,
    Hexadecimal,
    Octal,
    Binary,
    Imaginary,
}

impl NumberEnd {
    fn name(&self) -> &'static str {
        match self {
            NumberEnd::Decimal => "decimal",
            NumberEnd::Hexadecimal => "hexadecimal",
            NumberEnd::Octal => "octal",
            NumberEnd::Binary => "binary",
            NumberEnd::Imaginary => "imaginary",
        }
    }
}

impl NumberScanner<'_, '_> {
    /// Reads one byte (0 at the end of input, like CPython's EOF).
    fn next(&mut self) -> u8 {
        match self.src.get(self.cur) {
            Some(&c) => {
                self.cur += 1;
                c
            }
            None => {
                // Count EOF as a read so that `backup` stays symmetric.
                self.cur += 1;
                0
            }
        }
    }

    fn backup(&mut self) {
        self.cur -= 1;
    }

    fn peek_at(&self, offset: usize) -> u8 {
        self.src.get(self.cur + offset).copied().unwrap_or(0)
    }

    /// An error whose caret is on the last character read.
    fn error_here(&self, message: impl Into<String>) -> LexError {
        let cur = self.cur.min(self.src.len());
        LexError::at_cursor(message, self.src, cur)
    }

    /// Returns the end offset of the token.
    fn scan(&mut self) -> Result<usize, LexError> {
        let mut c = self.next();
        if c == b'.' {
            // ".5": the fraction branch.
            c = self.next();
            return self.fraction(c);
        }
        if c == b'0' {
            c = self.next();
            match c {
                b'x' | b'X' => return self.radix(16, NumberEnd::Hexadecimal),
                b'o' | b'O' => return self.radix(8, NumberEnd::Octal),
                b'b' | b'B' => return self.radix(2, NumberEnd::Binary),
                _ => {}
            }
            // Zeros, maybe old-style octal; "0" is a valid literal.
            let mut nonzero = false;
            loop {
                if c == b'_' {
                    self.plain = false;
                    c = self.next();
                    if !c.is_ascii_digit() {
                        self.backup();
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if c != b'0' {
                    break;
                }
                c = self.next();
            }
            let zeros_end = self.cur - 1;
            if c.is_ascii_digit() {
                // Not plain: a valid token of this shape is a float, or
                // an int glued to `else` that CPython converts as a float.
                nonzero = true;
                self.plain = false;
                c = self.decimal_tail()?;
            }
            return match c {
                b'.' => {
                    c = self.next();
                    self.fraction(c)
                }
                b'e' | b'E' => self.exponent(c),
                b'j' | b'J' => self.imaginary(),
                _ if nonzero => {
                    // CPython highlights the leading zeros.
                    Err(LexError::new(
                        "leading zeros in decimal integer literals are not permitted; \
                         use an 0o prefix for octal integers",
                        self.start,
                        zeros_end.max(self.start + 1),
                    )
                    .in_bytes())
                }
                _ => self.finish(c, NumberEnd::Decimal),
            };
        }
        // A decimal number starting with 1-9.
        self.backup();
        c = self.decimal_tail()?;
        match c {
            b'.' => {
                c = self.next();
                self.fraction(c)
            }
            _ => self.after_fraction(c),
        }
    }

    /// Digits with single underscores between them; returns the first
    /// character after them (already read).
    fn decimal_tail(&mut self) -> Result<u8, LexError> {
        loop {
            // The run of digits, then the character after it.
            while self.src.get(self.cur).is_some_and(u8::is_ascii_digit) {
                self.cur += 1;
            }
            let mut c = self.next();
            if c != b'_' {
                return Ok(c);
            }
            self.plain = false;
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup();
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    /// After the '.', `c` is the first character of the fraction.
    fn fraction(&mut self, c: u8) -> Result<usize, LexError> {
        self.dot = true;
        let c = if c.is_ascii_digit() {
            self.backup();
            self.decimal_tail()?
        } else {
            c
        };
        self.after_fraction(c)
    }

    fn after_fraction(&mut self, c: u8) -> Result<usize, LexError> {
        match c {
            b'e' | b'E' => self.exponent(c),
            b'j' | b'J' => self.imaginary(),
            _ => self.finish(c, NumberEnd::Decimal),
        }
    }

    /// `e` was read.
    fn exponent(&mut self, e: u8) -> Result<usize, LexError> {
        let mut c = self.next();
        if c == b'+' || c == b'-' {
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup();
                return Err(self.error_here("invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            // "1e" followed by something else: the number ends before the 'e'
            // (unless what follows makes it an error or a warning).
            self.backup();
            self.verify_end(e, NumberEnd::Decimal)?;
            self.backup();
            return Ok(self.cur);
        }
        self.plain = false;
        self.backup();
        c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary();
        }
        self.finish(c, NumberEnd::Decimal)
    }

    /// `j` was read.
    fn imaginary(&mut self) -> Result<usize, LexError> {
        self.plain = false;
        let c = self.next();
        self.finish(c, NumberEnd::Imaginary)
    }

    /// `0x`, `0o` or `0b` was read.
    fn radix(&mut self, radix: u32, kind: NumberEnd) -> Result<usize, LexError> {
        self.plain = false;
        let is_digit = |c: u8| (c as char).is_digit(radix);
        let mut c = self.next();
        loop {
            if c == b'_' {
                c = self.next();
            }
            if !is_digit(c) {
                if radix != 16 && c.is_ascii_digit() {
                    return Err(self.error_here(format!(
                        "invalid digit '{}' in {} literal",
                        c as char,
                        kind.name()
                    )));
                }
                self.backup();
                return Err(self.error_here(format!("invalid {} literal", kind.name())));
            }
            loop {
                c = self.next();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' {
                break;
            }
        }
        if radix != 16 && c.is_ascii_digit() {
            return Err(self.error_here(format!(
                "invalid digit '{}' in {} literal",
                c as char,
                kind.name()
            )));
        }
        self.finish(c, kind)
    }

    /// `c` (already read) follows the number: check it and end the token before it.
    fn finish(&mut self, c: u8, kind: NumberEnd) -> Result<usize, LexError> {
        self.verify_end(c, kind)?;
        self.backup();
        Ok(self.cur)
    }

    /// CPython's `verify_end_of_number`: a number directly followed by one
    /// of the keywords that can follow a number in valid code (`and else for
    /// if in is not or`) only warns; any other identifier character is an
    /// error. `c` has been read.
    fn verify_end(&mut self, c: u8, kind: NumberEnd) -> Result<(), LexError> {
        let keyword_follows = match c {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.peek_at(0), b'f' | b'n' | b's'),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if keyword_follows {
            self.warnings.push(Warning::new(
                super::WarningKind::NumberFollowedByKeyword,
                format!("invalid {} literal", kind.name()),
                self.cur - 1,
            ));
            return Ok(());
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            self.backup();
            return Err(self.error_here(format!("invalid {} literal", kind.name())));
        }
        Ok(())
    }

    /// Whether `rest` follows the cursor and ends a word there (CPython's
    /// `lookahead`, which reads and then backs up): `1orb` is no `or`.
    fn lookahead(&self, rest: &[u8]) -> bool {
        rest.iter().enumerate().all(|(i, &b)| self.peek_at(i) == b)
            && !is_potential_identifier_char(self.peek_at(rest.len()))
    }
}
