//! The recognizer's state: token access, memoization, backtracking helpers,
//! the depth and work guards, and raising errors.

use crate::lexer::{line_number, Kind, Raw};
use crate::options::PythonVersion;
use crate::parser::token::ActionError;
use crate::unicode::UnicodeVersion;

use super::ast::{Node, NodeId, NodeKind};
use super::column::buffer_column;
use super::memo::MemoTable;
use super::{DiagToken, Diagnosis};

/// The deepest nesting of rule calls followed before giving up. CPython
/// itself stops at 6000 C frames (`MAXSTACK`), about 200 nested brackets;
/// we need about 22 levels per bracket. At this depth the passes use at
/// most about 900 KiB of stack (measured with the test profile), so they
/// fit in a 2 MiB thread.
pub(super) const MAX_DEPTH: usize = 5000;

/// Rule calls allowed per token (both passes together) before giving up.
const WORK_PER_TOKEN: usize = 400;

/// Memo entries reserved per token to start with (a pass uses 10 to 20).
const MEMO_PER_TOKEN: usize = 4;

/// Rules whose results are memoized, by start position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    // CPython's memoized rules (`(memo)` and the left-recursive ones). Their
    // memo ignores whether invalid rules are enabled, as CPython's does.
    Expression,
    StarExpression,
    Disjunction,
    Conjunction,
    Inversion,
    BitwiseOr,
    BitwiseXor,
    BitwiseAnd,
    ShiftExpr,
    Sum,
    Term,
    Factor,
    AwaitPrimary,
    Primary,
    Strings,
    Arguments,
    StarTarget,
    TargetWithStarAtom,
    TPrimary,
    InvalidNamedExpression,
    // Rules memoized here only, to keep the work linear; their memo is
    // separate for the two settings of the invalid rules.
    NamedExpression,
    StarNamedExpression,
    Atom,
    Slices,
    Args,
    ForIfClauses,
    LambdaParams,
}

impl Rule {
    /// Whether CPython memoizes the rule (then one entry serves both
    /// settings of the invalid rules).
    fn cpython_memo(self) -> bool {
        (self as u8) <= (Rule::InvalidNamedExpression as u8)
    }
}

/// The encoded "rule failed" result.
const FAILED: u32 = u32::MAX;

/// The parser state shared by both passes.
pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    /// The CPython version whose grammar is followed.
    pub(super) version: PythonVersion,
    /// The Unicode data for decoding `\N{}` in strings the passes reach.
    pub(super) unicode: UnicodeVersion,
    tokens: &'a [DiagToken],
    /// The index of the next token (`p->mark`).
    pub(super) mark: usize,
    /// How many tokens the tokenizer has produced (`p->fill`).
    fill: usize,
    /// Whether the invalid rules are enabled (`p->call_invalid_rules`).
    pub(super) invalid: bool,
    /// Set once an error is raised or the pass gives up: every rule then
    /// fails at once (`p->error_indicator`).
    pub(super) stop: bool,
    gave_up: bool,
    /// A pass read past the last token, which a tokenizer error ends.
    reached_tokenizer_error: bool,
    /// With CPython 3.11: the configuration and f-string nesting depth to
    /// check the contents of f-strings with (unchecked without).
    pub(super) fstring_check: Option<(crate::options::Parser, usize)>,
    error: Option<ActionError>,
    depth: usize,
    work: usize,
    budget: usize,
    memo: MemoTable,
    pub(super) nodes: Vec<Node>,
}

impl<'a> Parser<'a> {
    /// A parser over `tokens` of `src`, before the first pass.
    pub(super) fn new(src: &'a str, tokens: &'a [DiagToken], version: PythonVersion) -> Parser<'a> {
        Parser {
            src,
            version,
            unicode: version.unicode(),
            tokens,
            mark: 0,
            fill: 0,
            invalid: false,
            stop: false,
            gave_up: false,
            reached_tokenizer_error: false,
            fstring_check: None,
            error: None,
            depth: 0,
            work: 0,
            budget: tokens
                .len()
                .saturating_add(16)
                .saturating_mul(WORK_PER_TOKEN),
            memo: MemoTable::new(tokens.len(), tokens.len().saturating_mul(MEMO_PER_TOKEN)),
            nodes: Vec::new(),
        }
    }

    /// Checks the contents of f-strings (3.11) as `config` does, at
    /// f-string nesting depth `depth`.
    pub(super) fn checking_fstrings(
        mut self,
        config: &crate::options::Parser,
        depth: usize,
    ) -> Parser<'a> {
        self.fstring_check = Some((config.clone(), depth));
        self
    }

    /// Runs the first pass and, if it fails, the second one.
    pub(super) fn run(mut self) -> Diagnosis {
        if u32::try_from(self.tokens.len()).is_err() {
            return Diagnosis::Unknown;
        }
        let parsed = self.eval();
        if self.gave_up {
            return Diagnosis::Unknown;
        }
        // Then the error indicator stays set and the second pass does nothing.
        if self.reached_tokenizer_error {
            return Diagnosis::TokenizerError;
        }
        // CPython's generic error points at the last token the first pass read.
        let first_pass_last = self.last_read();
        // The one invalid rule not guarded by `call_invalid_rules` (in
        // `dict`) can raise in the first pass already; then CPython skips
        // the second.
        if self.error.is_none() && !parsed {
            self.mark = 0;
            self.memo.clear();
            self.nodes.clear();
            self.invalid = true;
            self.eval();
            if self.gave_up {
                return Diagnosis::Unknown;
            }
            if self.error.is_none() && self.reached_tokenizer_error {
                return Diagnosis::TokenizerError;
            }
        }
        match self.error.take() {
            Some(error) => Diagnosis::Specific(self.check_rest(error)),
            None => match first_pass_last {
                Some(token) if !parsed => {
                    // The second pass may have read further.
                    let reached = self.last_read().unwrap_or(token);
                    let column = buffer_column(self.src, token.start, &reached);
                    Diagnosis::Generic {
                        token,
                        column,
                        reached,
                    }
                }
                _ => Diagnosis::Unknown,
            },
        }
    }

    /// What CPython's scan of the rest of the input after a parser error
    /// (`_PyPegen_tokenize_full_source_to_check_for_errors`) makes of
    /// `error` when the input ends inside brackets, or a tokenizer error
    /// that does not raise comes inside brackets: a bracket left open on a
    /// line before the last token read wins. The scan is skipped when the
    /// tokenizer already stands at the end of the input, and from 3.12 on
    /// when the input ends inside an f-string. (Tokenizer errors further on
    /// are the caller's business.)
    fn check_rest(&self, error: ActionError) -> ActionError {
        // The scan meets the end of the input, or a tokenizer error that
        // does not raise (a stray backslash), inside brackets; a tokenizer
        // error that raises is the caller's business.
        let at_end_in_brackets = self.tokens.last().is_some_and(|t| t.level > 0);
        let last = self.fill.checked_sub(1).and_then(|i| self.token(i));
        let (Some(last), Some((open, bracket))) = (last, self.innermost_open_bracket()) else {
            return error;
        };
        if !at_end_in_brackets || matches!(last.kind, Kind::EndMarker) || self.read_to_end(&last) {
            return error;
        }
        // From 3.12 on the error stands when the input ends inside an
        // f-string.
        if self.at_least_3_12() && self.ends_in_fstring() {
            return error;
        }
        if line_number(self.src, last.start) > line_number(self.src, open) {
            return ActionError::syntax(format!("'{bracket}' was never closed"), open, open + 1);
        }
        error
    }

    /// Whether the tokens end inside an f-string (3.12+).
    fn ends_in_fstring(&self) -> bool {
        let count = |kind: Kind| self.tokens.iter().filter(|t| t.kind == kind).count();
        count(Kind::FStringStart) > count(Kind::FStringEnd)
    }

    /// Whether reading `token` made CPython's tokenizer reach the end of
    /// the input: it ends there, and the tokenizer looks one character past
    /// it (everything but non-empty strings and `...`).
    fn read_to_end(&self, token: &DiagToken) -> bool {
        if token.end < self.src.len() {
            return false;
        }
        match token.kind {
            Kind::Raw(Raw::String(s)) => s.body_start == s.body_end && token.end == s.body_end + 1,
            Kind::Raw(Raw::Ellipsis) => false,
            _ => true,
        }
    }

    /// The innermost bracket still open at the end of the tokens: its
    /// offset and character.
    fn innermost_open_bracket(&self) -> Option<(usize, char)> {
        let mut open = Vec::new();
        for t in self.tokens {
            match t.kind {
                Kind::Raw(Raw::LPar | Raw::LSqb | Raw::LBrace) => open.push(t.start),
                Kind::Raw(Raw::RPar | Raw::RSqb | Raw::RBrace) => {
                    open.pop();
                }
                _ => {}
            }
        }
        let at = *open.last()?;
        let bracket = self.src.get(at..).and_then(|s| s.chars().next())?;
        Some((at, bracket))
    }

    /// Stops the pass without a result.
    fn give_up(&mut self) {
        self.gave_up = true;
        self.stop = true;
    }

    // ----- tokens -----

    /// The token at `i`, read from the tokenizer if it was not yet.
    /// Reading past the last token (a tokenizer error), or reaching the end
    /// of the input inside brackets (an error of CPython's tokenizer), stops
    /// the pass: the tokenizer error is what CPython reports then.
    #[inline]
    pub(super) fn fetch(&mut self, i: usize) -> Option<&'a DiagToken> {
        let tokens: &'a [DiagToken] = self.tokens;
        match tokens.get(i) {
            Some(t) if matches!(t.kind, Kind::EndMarker) && t.level > 0 => {
                self.unclosed_bracket();
                None
            }
            Some(t) => {
                if i >= self.fill {
                    self.fill = i + 1;
                }
                Some(t)
            }
            // Past the last token: the tokenizer error that ended them.
            None if !tokens.last().is_some_and(|t| t.kind == Kind::EndMarker) => {
                self.reached_tokenizer_error = true;
                self.stop = true;
                None
            }
            None => {
                self.give_up();
                None
            }
        }
    }

    /// Raises CPython's tokenizer error for the end of the input inside
    /// brackets: "'(' was never closed", at the innermost open bracket.
    fn unclosed_bracket(&mut self) {
        let Some((at, bracket)) = self.innermost_open_bracket() else {
            self.give_up();
            return;
        };
        // CPython's tokenizer stands at the end of the input.
        let error = ActionError::syntax(format!("'{bracket}' was never closed"), at, at + 1);
        self.raise_with_tokenizer_at(error, self.tokens.last().copied());
    }

    /// The kind of the token at the mark.
    #[inline]
    pub(super) fn peek_kind(&mut self) -> Option<Kind> {
        if self.stop {
            return None;
        }
        self.fetch(self.mark).map(|t| t.kind)
    }

    /// Consumes the token at the mark if `accept` says so; returns its index.
    #[inline]
    pub(super) fn expect_with(&mut self, accept: impl FnOnce(Kind) -> bool) -> Option<usize> {
        let kind = self.peek_kind()?;
        if accept(kind) {
            self.mark += 1;
            Some(self.mark - 1)
        } else {
            None
        }
    }

    /// Consumes a token of kind `raw` (a keyword, operator or delimiter).
    #[inline]
    pub(super) fn expect(&mut self, raw: Raw) -> Option<usize> {
        let wanted = std::mem::discriminant(&raw);
        self.expect_with(|k| matches!(k, Kind::Raw(r) if std::mem::discriminant(&r) == wanted))
    }

    /// Consumes a token of a non-raw kind (`NEWLINE`, `ENDMARKER`).
    #[inline]
    pub(super) fn expect_kind(&mut self, kind: Kind) -> Option<usize> {
        self.expect_with(|k| k == kind)
    }

    /// Consumes a `NAME` (soft keywords included).
    #[inline]
    pub(super) fn name(&mut self) -> Option<usize> {
        self.expect(Raw::Name)
    }

    /// The token at `i` (already read).
    pub(super) fn token(&self, i: usize) -> Option<DiagToken> {
        self.tokens.get(i).copied()
    }

    /// The source text of the token at `i`.
    pub(super) fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.src.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether the grammar of CPython 3.12 or later is followed (f-string
    /// tokens, PEP 701).
    pub(super) fn at_least_3_12(&self) -> bool {
        self.version >= PythonVersion::V3_12
    }

    /// Whether the grammar of CPython 3.13 or later is followed.
    pub(super) fn at_least_3_13(&self) -> bool {
        self.version >= PythonVersion::V3_13
    }

    /// Whether the token at `i` counts as a soft keyword (`_`, `case`,
    /// `match`, and `type` from 3.12 on): `_PyPegen_soft_keyword_token`
    /// compares only as many bytes as the name has, so any prefix of one
    /// counts too (`c`, `ma`, `ty`, …).
    pub(super) fn is_soft_keyword(&self, i: usize) -> bool {
        let text = self.text(i);
        let keywords: &[&str] = if self.at_least_3_12() {
            &["_", "case", "match", "type"]
        } else {
            &["_", "case", "match"]
        };
        self.token(i)
            .is_some_and(|t| t.kind == Kind::Raw(Raw::Name))
            && !text.is_empty()
            && keywords.iter().any(|k| k.starts_with(text))
    }

    /// The byte range of the tokens from `first` to the last one consumed
    /// (a rule's `EXTRA` position).
    pub(super) fn span_from(&self, first: usize) -> (usize, usize) {
        let start = self.token(first).map_or(0, |t| t.start);
        let end = self
            .mark
            .checked_sub(1)
            .and_then(|i| self.token(i))
            .map_or(start, |t| t.end);
        (start, end.max(start))
    }

    /// Bracket depth after the last token consumed.
    pub(super) fn last_level(&self) -> usize {
        self.mark
            .checked_sub(1)
            .and_then(|i| self.token(i))
            .map_or(0, |t| t.level)
    }

    // ----- rules and backtracking -----

    /// Enters a rule: counts depth and work, giving up past the limits.
    #[inline]
    fn enter(&mut self) -> bool {
        if self.stop {
            return false;
        }
        self.work += 1;
        if self.depth >= MAX_DEPTH || self.work > self.budget {
            self.give_up();
            return false;
        }
        self.depth += 1;
        true
    }

    /// Runs the body of a rule: guards depth and work, and puts the mark
    /// back when the rule fails.
    pub(super) fn rule<T>(&mut self, body: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if !self.enter() {
            return None;
        }
        let start = self.mark;
        let result = body(self);
        self.depth -= 1;
        if result.is_none() {
            self.mark = start;
        }
        result
    }

    /// Runs a memoized rule returning a node (or [`NodeId::MATCHED`]).
    pub(super) fn memo_rule(
        &mut self,
        rule: Rule,
        body: fn(&mut Self) -> Option<NodeId>,
    ) -> Option<NodeId> {
        if !self.enter() {
            return None;
        }
        let start = self.mark;
        // Like `_PyPegen_is_memoized`, read the token at the mark first.
        if self.fetch(start).is_none() {
            self.depth -= 1;
            return None;
        }
        let tag = ((rule as u8) << 1) | u8::from(self.invalid && !rule.cpython_memo());
        if let Some((end, value)) = self.memo.get(start, tag) {
            self.depth -= 1;
            self.mark = end as usize;
            return (value != FAILED).then_some(NodeId(value));
        }
        let result = body(self);
        self.depth -= 1;
        if result.is_none() {
            self.mark = start;
        }
        if !self.stop {
            let value = result.map_or(FAILED, |n| n.0);
            self.memo.insert(start, tag, self.mark as u32, value);
        }
        result
    }

    /// One alternative (or group): puts the mark back if it fails.
    #[inline]
    pub(super) fn attempt<T>(&mut self, alt: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.mark;
        let result = if self.stop { None } else { alt(self) };
        if result.is_none() {
            self.mark = start;
        }
        result
    }

    /// A lookahead (`&e` / `!e`): whether `e` matches here; never consumes.
    #[inline]
    pub(super) fn ahead<T>(&mut self, e: impl FnOnce(&mut Self) -> Option<T>) -> bool {
        let start = self.mark;
        let matched = !self.stop && e(self).is_some();
        self.mark = start;
        matched
    }

    /// `e*`: matches `e` as often as it can.
    pub(super) fn repeat<T>(&mut self, mut e: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut items = Vec::new();
        while let Some(item) = self.attempt(&mut e) {
            items.push(item);
        }
        items
    }

    /// `e+`: like [`Parser::repeat`], failing on no match.
    pub(super) fn repeat1<T>(&mut self, e: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let items = self.repeat(e);
        (!items.is_empty()).then_some(items)
    }

    /// `sep.e+`: one or more `e` separated by `sep`.
    pub(super) fn gather<T>(
        &mut self,
        sep: Raw,
        mut e: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let first = self.attempt(&mut e)?;
        let mut items = vec![first];
        while let Some(item) = self.attempt(|p| {
            p.expect(sep)?;
            e(p)
        }) {
            items.push(item);
        }
        Some(items)
    }

    // ----- nodes -----

    /// Adds a node spanning from token `first` to the last token consumed.
    pub(super) fn node(&mut self, kind: NodeKind, first: usize) -> NodeId {
        let (start, end) = self.span_from(first);
        self.add(Node { kind, start, end })
    }

    /// Adds a node.
    pub(super) fn add(&mut self, node: Node) -> NodeId {
        let id = u32::try_from(self.nodes.len()).unwrap_or(FAILED - 1);
        if id >= NodeId::MATCHED.0 {
            self.give_up();
            return NodeId::MATCHED;
        }
        self.nodes.push(node);
        NodeId(id)
    }

    /// The node `id` (a placeholder for [`NodeId::MATCHED`]).
    pub(super) fn get(&self, id: NodeId) -> &Node {
        const PLACEHOLDER: Node = Node {
            kind: NodeKind::Other,
            start: 0,
            end: 0,
        };
        self.nodes.get(id.0 as usize).unwrap_or(&PLACEHOLDER)
    }

    // ----- errors -----

    /// Raises a syntax error spanning `start..end` (bytes), unless one was
    /// raised already (`RAISE_ERROR_KNOWN_LOCATION`).
    pub(super) fn raise(&mut self, message: impl Into<String>, start: usize, end: usize) {
        self.raise_error(ActionError::syntax(message, start, end.max(start)));
    }

    /// Raises `error`, with CPython's column when its tokenizer buffer
    /// starts on an earlier line than the error (see `column`).
    pub(super) fn raise_error(&mut self, error: ActionError) {
        let reached = self.last_read();
        self.raise_with_tokenizer_at(error, reached);
    }

    /// Raises `error` with CPython's tokenizer having read up to `reached`.
    fn raise_with_tokenizer_at(&mut self, mut error: ActionError, reached: Option<DiagToken>) {
        if self.stop {
            return;
        }
        if error.column.is_none() && !error.byte_columns {
            error.column = reached.and_then(|t| buffer_column(self.src, error.start, &t));
        }
        self.error = Some(error);
        self.stop = true;
    }

    /// Raises at the span of node `id` (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    pub(super) fn raise_at_node(&mut self, message: impl Into<String>, id: NodeId) {
        let (start, end) = (self.get(id).start, self.get(id).end);
        self.raise(message, start, end);
    }

    /// Raises at the span of token `i`.
    pub(super) fn raise_at_token(&mut self, message: impl Into<String>, i: usize) {
        let (start, end) = self.token(i).map_or((0, 0), |t| (t.start, t.end));
        self.raise(message, start, end);
    }

    /// The last token read so far.
    pub(super) fn last_read(&self) -> Option<DiagToken> {
        self.fill.checked_sub(1).and_then(|i| self.token(i))
    }

    /// Raises at the last token read (`RAISE_SYNTAX_ERROR`).
    pub(super) fn raise_at_last_read(&mut self, message: impl Into<String>) {
        let last = self.fill.saturating_sub(1);
        self.raise_at_token(message, last);
    }

    /// Raises at the token at the mark, reading it first if needed
    /// (`RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN`); reading it can end the pass
    /// instead, as a tokenizer error does in CPython.
    pub(super) fn raise_on_next_token(&mut self, message: impl Into<String>) {
        if self.stop || self.fetch(self.mark).is_none() {
            return;
        }
        self.raise_at_token(message, self.mark);
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a)`: from token `a` to where the
    /// tokenizer stands (the end of the last token read), which CPython
    /// reports one character short.
    pub(super) fn raise_starting_from(&mut self, message: impl Into<String>, a: usize) {
        let start = self.token(a).map_or(0, |t| t.start);
        let cur = self
            .fill
            .checked_sub(1)
            .and_then(|i| self.token(i))
            .map_or(start, |t| t.end);
        let last = self.src.get(..cur).and_then(|s| s.chars().next_back());
        let end = cur - last.map_or(0, char::len_utf8);
        self.raise(message, start, end);
    }
}
