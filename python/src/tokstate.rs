//! A model of the state of CPython's tokenizer (Parser/tokenizer.c, string
//! input) after each token, for the fields of `SyntaxError`.
//!
//! CPython's parser takes a `SyntaxError`'s `text` from the tokenizer's
//! buffer when the tokenizer has not left the error's line yet: the bytes
//! from `tok->buf` to `tok->inp`, newline included and, after a backslash
//! continuation or a multi-line string, the earlier lines of that token
//! too (`tok->buf` only moves when a line is read outside a token). Once
//! the tokenizer is on a later line, `text` is the error's line without its
//! newline. Which token the tokenizer had just read when the error was
//! raised thus matters; this module replays the tokenizer far enough to
//! know its `lineno`, `buf` and `inp` after any token.
//!
//! Only token boundaries are modelled (names, numbers and operators are
//! cut coarsely, which never changes the line the tokenizer is on); the
//! core has already checked the input, so the replay never reports errors
//! but stops at the first thing CPython's tokenizer would fail on.

/// What a token is, as far as the fields of `SyntaxError` care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `NEWLINE` (a line break outside brackets).
    Newline,
    /// `ENDMARKER`.
    EndMarker,
    /// `INDENT` or `DEDENT` (no position).
    Indent,
    /// A string literal (possibly over several lines).
    String,
    /// Anything else: name, number, operator.
    Other,
    /// The tokenizer failed here (or the replay gave up).
    Error,
}

/// A token of the translated source and the tokenizer's state once it has
/// been read. Offsets are bytes of the translated source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// `tok->lineno` once the token has been read.
    pub(crate) lineno: usize,
    /// `tok->buf`: where `text` would start.
    pub(crate) buf: usize,
    /// `tok->inp`: the end of the line read last (past its newline).
    pub(crate) inp: usize,
}

/// The tokenizer replay over the translated source `s`.
pub(crate) struct Replay<'a> {
    s: &'a [u8],
    cur: usize,
    inp: usize,
    buf: usize,
    lineno: usize,
    /// `tok->start != NULL`: inside a token (lines read keep `buf`).
    in_token: bool,
    eof: bool,
    atbol: bool,
    level: usize,
    indents: Vec<usize>,
    pending: isize,
    failed: bool,
    /// 3.12+: f-strings are tokenized piece by piece (PEP 701).
    fstrings: bool,
    modes: Vec<Mode>,
}

/// Where the 3.12+ tokenizer is inside an f-string.
#[derive(Clone, Copy, Debug)]
enum Mode {
    /// Literal text: the f-string's body, or a format spec (`spec`) ended
    /// by the `}` of its replacement field.
    Literal {
        quote: u8,
        size: usize,
        raw: bool,
        spec: bool,
    },
    /// A replacement field's expression, whose `{` made the bracket level
    /// `level`.
    Expr {
        quote: u8,
        size: usize,
        raw: bool,
        level: usize,
    },
}

impl<'a> Replay<'a> {
    pub(crate) fn new(s: &'a str, fstrings: bool) -> Replay<'a> {
        Replay {
            s: s.as_bytes(),
            cur: 0,
            inp: 0,
            buf: 0,
            lineno: 0,
            in_token: false,
            eof: false,
            atbol: true,
            level: 0,
            indents: vec![0],
            pending: 0,
            failed: false,
            fstrings,
            modes: Vec::new(),
        }
    }

    /// The text of `token`.
    pub(crate) fn text(&self, token: Token) -> &[u8] {
        self.s.get(token.start..token.end).unwrap_or_default()
    }

    /// The byte at `at` of the source.
    pub(crate) fn byte(&self, at: usize) -> Option<u8> {
        self.s.get(at).copied()
    }

    /// `tok_nextc`.
    fn nextc(&mut self) -> Option<u8> {
        loop {
            if self.cur != self.inp {
                let c = self.s.get(self.cur).copied();
                self.cur += 1;
                return c;
            }
            if self.eof {
                return None;
            }
            // tok_underflow_string
            let end = match self.s[self.inp..].iter().position(|&b| b == b'\n') {
                Some(n) => self.inp + n + 1,
                None => {
                    if self.inp == self.s.len() {
                        self.eof = true;
                        self.cur = self.inp;
                        return None;
                    }
                    self.s.len()
                }
            };
            if !self.in_token {
                self.buf = self.cur;
            }
            self.lineno += 1;
            self.inp = end;
        }
    }

    /// `tok_backup`.
    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.cur -= 1;
        }
    }

    fn token(&self, kind: Kind, start: usize, end: usize) -> Token {
        Token {
            kind,
            start,
            end,
            lineno: self.lineno,
            buf: self.buf,
            inp: self.inp,
        }
    }

    fn fail(&mut self) -> Token {
        self.failed = true;
        self.token(Kind::Error, self.cur, self.cur)
    }

    /// The next token (`Kind::Error` once the tokenizer has failed).
    pub(crate) fn next_token(&mut self) -> Token {
        if self.failed {
            return self.token(Kind::Error, self.cur, self.cur);
        }
        if let Some(&Mode::Literal {
            quote,
            size,
            raw,
            spec,
        }) = self.modes.last()
        {
            return self.literal(quote, size, raw, spec);
        }
        'nextline: loop {
            self.in_token = false;
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                let mut col = 0;
                let c = loop {
                    match self.nextc() {
                        Some(b' ') => col += 1,
                        Some(b'\t') => col = (col / 8 + 1) * 8,
                        Some(0x0c) => col = 0,
                        Some(b'\\') => {
                            if self.nextc() != Some(b'\n') {
                                return self.fail();
                            }
                            let c = self.nextc();
                            if c.is_none() {
                                return self.fail();
                            }
                            self.backup(c);
                        }
                        c => break c,
                    }
                };
                self.backup(c);
                if matches!(c, Some(b'#' | b'\n')) {
                    blankline = true;
                }
                if !blankline && self.level == 0 {
                    let top = self.indents.last().copied().unwrap_or(0);
                    if col > top {
                        self.pending += 1;
                        self.indents.push(col);
                    } else if col < top {
                        while self.indents.len() > 1
                            && col < self.indents.last().copied().unwrap_or(0)
                        {
                            self.pending -= 1;
                            self.indents.pop();
                        }
                        if col != self.indents.last().copied().unwrap_or(0) {
                            return self.fail();
                        }
                    }
                }
            }
            self.in_token = true;
            if self.pending != 0 {
                self.pending += if self.pending < 0 { 1 } else { -1 };
                return self.token(Kind::Indent, self.cur, self.cur);
            }
            let c = self.nextc();
            self.backup(c);
            loop {
                // again:
                self.in_token = false;
                let mut c = self.nextc();
                while matches!(c, Some(b' ' | b'\t' | 0x0c)) {
                    c = self.nextc();
                }
                self.in_token = true;
                let start = self.cur.saturating_sub(1);
                if c == Some(b'#') {
                    while !matches!(c, None | Some(b'\n')) {
                        c = self.nextc();
                    }
                }
                let Some(ch) = c else {
                    if self.level > 0 {
                        return self.fail();
                    }
                    return self.token(Kind::EndMarker, self.cur, self.cur);
                };
                match ch {
                    b'\n' => {
                        self.atbol = true;
                        if blankline || self.level > 0 {
                            continue 'nextline;
                        }
                        return self.token(Kind::Newline, start, self.cur);
                    }
                    b'\\' => {
                        if self.nextc() != Some(b'\n') {
                            return self.fail();
                        }
                        let c = self.nextc();
                        if c.is_none() {
                            return self.fail();
                        }
                        self.backup(c);
                        continue;
                    }
                    b'\'' | b'"' => return self.string(start, ch),
                    c if c.is_ascii_digit() => {
                        let mut c = Some(c);
                        while let Some(x) = c.filter(|&x| is_name_char(x) || x == b'.') {
                            c = self.nextc();
                            if matches!(x, b'e' | b'E') && matches!(c, Some(b'+' | b'-')) {
                                c = self.nextc();
                            }
                        }
                        self.backup(c);
                        return self.token(Kind::Other, start, self.cur);
                    }
                    c if is_name_char(c) => {
                        let mut c = self.nextc();
                        while c.is_some_and(is_name_char) {
                            c = self.nextc();
                        }
                        if let Some(q @ (b'\'' | b'"')) = c {
                            let prefix = &self.s[start..self.cur - 1];
                            if is_string_prefix(prefix) {
                                if self.fstrings && prefix.iter().any(|b| matches!(b, b'f' | b'F'))
                                {
                                    let raw = prefix.iter().any(|b| matches!(b, b'r' | b'R'));
                                    return self.fstring_start(start, q, raw);
                                }
                                return self.string(start, q);
                            }
                        }
                        self.backup(c);
                        return self.token(Kind::Other, start, self.cur);
                    }
                    b'.' => {
                        let c = self.nextc();
                        if c.is_some_and(|c| c.is_ascii_digit()) {
                            let mut c = c;
                            while c.is_some_and(|x| is_name_char(x) || x == b'.') {
                                let e = matches!(c, Some(b'e' | b'E'));
                                c = self.nextc();
                                if e && matches!(c, Some(b'+' | b'-')) {
                                    c = self.nextc();
                                }
                            }
                            self.backup(c);
                        } else if c == Some(b'.') {
                            let c2 = self.nextc();
                            if c2 != Some(b'.') {
                                self.backup(c2);
                                self.backup(c);
                            }
                        } else {
                            self.backup(c);
                        }
                        return self.token(Kind::Other, start, self.cur);
                    }
                    b'(' | b'[' | b'{' => {
                        self.level += 1;
                        return self.token(Kind::Other, start, self.cur);
                    }
                    b')' | b']' | b'}' => {
                        if self.level == 0 {
                            return self.fail();
                        }
                        if let Some(&Mode::Expr { level, .. }) = self.modes.last() {
                            if level == self.level && ch == b'}' {
                                self.modes.pop();
                            }
                        }
                        self.level -= 1;
                        return self.token(Kind::Other, start, self.cur);
                    }
                    b':' if self.in_field() => {
                        let c = self.nextc();
                        if c == Some(b'=') {
                            return self.token(Kind::Other, start, self.cur);
                        }
                        self.backup(c);
                        if let Some(&Mode::Expr {
                            quote, size, raw, ..
                        }) = self.modes.last()
                        {
                            self.modes.push(Mode::Literal {
                                quote,
                                size,
                                raw,
                                spec: true,
                            });
                        }
                        return self.token(Kind::Other, start, self.cur);
                    }
                    _ => {
                        // Operators of two or three characters.
                        let c2 = self.nextc();
                        let two = c2.is_some_and(|c2| is_two_char_op(ch, c2));
                        if two {
                            let c3 = self.nextc();
                            let three = matches!(
                                (ch, c2, c3),
                                (b'*', Some(b'*'), Some(b'='))
                                    | (b'/', Some(b'/'), Some(b'='))
                                    | (b'<', Some(b'<'), Some(b'='))
                                    | (b'>', Some(b'>'), Some(b'='))
                            );
                            if !three {
                                self.backup(c3);
                            }
                        } else {
                            self.backup(c2);
                        }
                        return self.token(Kind::Other, start, self.cur);
                    }
                }
            }
        }
    }

    /// Whether the tokenizer is at the top level of a replacement field.
    fn in_field(&self) -> bool {
        matches!(self.modes.last(), Some(&Mode::Expr { level, .. }) if level == self.level)
    }

    /// After an opening quote `quote`: `1` or `3` (a triple quote), or
    /// `None` when the next character closes the string at once (`''`).
    fn quote_size(&mut self, quote: u8) -> Option<usize> {
        let c = self.nextc();
        if c != Some(quote) {
            self.backup(c);
            return Some(1);
        }
        let c = self.nextc();
        if c == Some(quote) {
            return Some(3);
        }
        self.backup(c);
        None
    }

    /// How many f-string parts (3.12+) the tokenizer is inside: more after
    /// an `FSTRING_START`, back to the same once its `FSTRING_END` is read.
    pub(crate) fn fstring_depth(&self) -> usize {
        self.modes.len()
    }

    /// 3.12+: `FSTRING_START`, from its opening quote `quote`.
    fn fstring_start(&mut self, start: usize, quote: u8, raw: bool) -> Token {
        let Some(size) = self.quote_size(quote) else {
            return self.token(Kind::String, start, self.cur);
        };
        self.modes.push(Mode::Literal {
            quote,
            size,
            raw,
            spec: false,
        });
        self.token(Kind::String, start, self.cur)
    }

    /// 3.12+: the literal part of an f-string (`FSTRING_MIDDLE`), or the
    /// token that ends it: `{`, the closing quote, or (in a format spec)
    /// the `}` of the replacement field.
    fn literal(&mut self, quote: u8, size: usize, raw: bool, spec: bool) -> Token {
        self.in_token = true;
        let start = self.cur;
        loop {
            let at = self.cur;
            let Some(c) = self.nextc() else {
                return self.fail();
            };
            match c {
                b'\n' if size == 1 => return self.fail(),
                c if c == quote => {
                    let mut closing = 1;
                    while closing < size {
                        let c = self.nextc();
                        if c != Some(quote) {
                            self.backup(c);
                            break;
                        }
                        closing += 1;
                    }
                    if closing == size {
                        if at > start {
                            self.cur = at;
                            return self.token(Kind::String, start, at);
                        }
                        if spec {
                            // The f-string ends inside a replacement field.
                            self.modes.pop();
                            self.modes.pop();
                        }
                        self.modes.pop();
                        return self.token(Kind::String, start, self.cur);
                    }
                }
                b'{' | b'}' => {
                    let c2 = self.nextc();
                    if c2 == Some(c) && !spec {
                        continue;
                    }
                    self.backup(c2);
                    if at > start {
                        self.cur = at;
                        return self.token(Kind::String, start, at);
                    }
                    if c == b'}' {
                        if !spec {
                            return self.fail();
                        }
                        // The field's `}`: back to its expression.
                        self.cur = at;
                        self.modes.pop();
                        return self.next_token();
                    }
                    self.level += 1;
                    self.modes.push(Mode::Expr {
                        quote,
                        size,
                        raw,
                        level: self.level,
                    });
                    return self.token(Kind::Other, start, self.cur);
                }
                b'\\' if !raw => {
                    let c = self.nextc();
                    if c == Some(b'N') {
                        let c = self.nextc();
                        if c == Some(b'{') {
                            // A character name: up to its `}` (not past the
                            // quote or the line).
                            loop {
                                match self.nextc() {
                                    Some(b'}') => break,
                                    Some(c) if c == quote || c == b'\n' => {
                                        self.backup(Some(c));
                                        break;
                                    }
                                    Some(_) => {}
                                    None => break,
                                }
                            }
                        } else {
                            self.backup(c);
                        }
                    } else if matches!(c, Some(b'{' | b'}')) || c.is_none() {
                        self.backup(c);
                    }
                }
                _ => {}
            }
        }
    }

    /// A string literal from its opening quote `quote` (the prefix read).
    fn string(&mut self, start: usize, quote: u8) -> Token {
        let Some(size) = self.quote_size(quote) else {
            return self.token(Kind::String, start, self.cur);
        };
        let mut closing = 0;
        while closing != size {
            match self.nextc() {
                None => return self.fail(),
                Some(b'\n') if size == 1 => return self.fail(),
                Some(c) if c == quote => closing += 1,
                Some(b'\\') => {
                    closing = 0;
                    if self.nextc().is_none() {
                        return self.fail();
                    }
                }
                Some(_) => closing = 0,
            }
        }
        self.token(Kind::String, start, self.cur)
    }
}

/// `b`, `r`, `u`, `f` and their legal pairs, in any case.
fn is_string_prefix(prefix: &[u8]) -> bool {
    let lower: Vec<u8> = prefix.iter().map(u8::to_ascii_lowercase).collect();
    matches!(
        lower.as_slice(),
        b"b" | b"r" | b"u" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    )
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn is_two_char_op(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (b'!', b'=')
            | (b'%', b'=')
            | (b'&', b'=')
            | (b'*', b'*' | b'=')
            | (b'+', b'=')
            | (b'-', b'=' | b'>')
            | (b'/', b'/' | b'=')
            | (b':', b'=')
            | (b'<', b'<' | b'=' | b'>')
            | (b'=', b'=')
            | (b'>', b'=' | b'>')
            | (b'@', b'=')
            | (b'^', b'=')
            | (b'|', b'=')
    )
}
