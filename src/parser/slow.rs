//! Semantic actions of the full Python expression grammar
//! (`grammar/python.lalrpop`), which runs only when the literal grammar
//! failed, to tell *why*: a syntax error, or valid Python that is not a
//! literal.
//!
//! It builds no values. Each expression becomes a [`Node`]: a constant-size
//! summary holding what `ast.literal_eval`'s `_convert` would do with it —
//! the first error in conversion order, whether the value would be hashable,
//! and the numeric facts the sign and `real ± imaginary` rules need — so
//! memory stays bounded by the nesting depth, whatever the input size.

use lalrpop_util::ParseError;

use crate::error::ErrorKind;

use super::token::{ActionError, Fail, Tok};

/// Result type of fallible grammar actions.
pub(crate) type ActionResult<T> = Result<T, ParseError<usize, Tok, Fail>>;

/// The Python AST node class an expression would become (for messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeType {
    Constant,
    JoinedStr,
    Name,
    Attribute,
    Subscript,
    Starred,
    Call,
    UnaryOp,
    BinOp,
    BoolOp,
    Compare,
    IfExp,
    Lambda,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    NamedExpr,
    Await,
    Yield,
    YieldFrom,
    Tuple,
    List,
    Set,
    Dict,
}

impl NodeType {
    pub(crate) fn name(self) -> &'static str {
        match self {
            NodeType::Constant => "Constant",
            NodeType::JoinedStr => "JoinedStr",
            NodeType::Name => "Name",
            NodeType::Attribute => "Attribute",
            NodeType::Subscript => "Subscript",
            NodeType::Starred => "Starred",
            NodeType::Call => "Call",
            NodeType::UnaryOp => "UnaryOp",
            NodeType::BinOp => "BinOp",
            NodeType::BoolOp => "BoolOp",
            NodeType::Compare => "Compare",
            NodeType::IfExp => "IfExp",
            NodeType::Lambda => "Lambda",
            NodeType::ListComp => "ListComp",
            NodeType::SetComp => "SetComp",
            NodeType::DictComp => "DictComp",
            NodeType::GeneratorExp => "GeneratorExp",
            NodeType::NamedExpr => "NamedExpr",
            NodeType::Await => "Await",
            NodeType::Yield => "Yield",
            NodeType::YieldFrom => "YieldFrom",
            NodeType::Tuple => "Tuple",
            NodeType::List => "List",
            NodeType::Set => "Set",
            NodeType::Dict => "Dict",
        }
    }

    /// How CPython names this kind of expression in "cannot assign to …".
    fn assign_name(self) -> &'static str {
        match self {
            NodeType::Constant => "literal",
            NodeType::JoinedStr => "f-string expression",
            NodeType::Call => "function call",
            NodeType::UnaryOp | NodeType::BinOp => "expression",
            NodeType::BoolOp => "expression",
            NodeType::Compare => "comparison",
            NodeType::IfExp => "conditional expression",
            NodeType::Lambda => "lambda",
            NodeType::ListComp => "list comprehension",
            NodeType::SetComp => "set comprehension",
            NodeType::DictComp => "dict comprehension",
            NodeType::GeneratorExp => "generator expression",
            NodeType::NamedExpr => "named expression",
            NodeType::Await => "await expression",
            NodeType::Yield | NodeType::YieldFrom => "yield expression",
            NodeType::Set => "set display",
            NodeType::Dict => "dict literal",
            NodeType::Name
            | NodeType::Attribute
            | NodeType::Subscript
            | NodeType::Starred
            | NodeType::Tuple
            | NodeType::List => "expression",
        }
    }
}

/// What a numeric constant is, as far as `_convert`'s rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumKind {
    /// An int; `fits_float` is false when `float(int)` would overflow.
    Int {
        fits_float: bool,
    },
    Float,
    Complex,
}

/// Whether a converted value could be a dict key or set element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hash {
    Yes,
    /// No: the Python type whose `hash()` fails first.
    No(&'static str),
}

/// `_convert(node)`: the value's hashability, or the first error.
pub(crate) type Conv = Result<Hash, Box<ActionError>>;

/// The summary of one expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// Where the AST node starts and ends (`col_offset`, `end_col_offset`).
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) ty: NodeType,
    /// `_convert(node)`.
    pub(crate) conv: Conv,
    /// For a numeric constant: its kind. For `+x`/`-x`: `_convert_num(x)`.
    num: Numeric,
    /// Whether the expression may be an assignment target (in `for … in`).
    assignable: Assignable,
    /// A name that NFKC-normalizes to `set`.
    set_name: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Numeric {
    None,
    Constant(NumKind),
    /// `+x` / `-x`: the result of `_convert_num(x)`.
    Signed(Result<NumKind, Box<ActionError>>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Assignable {
    Yes,
    /// No: the first offending sub-expression.
    No(NodeType, usize, usize),
}

/// The `ValueError` `_convert` raises for a node it does not accept.
/// The message gets its line number when the error is reported.
pub(crate) fn malformed(ty: NodeType, start: usize, end: usize) -> Box<ActionError> {
    Box::new(ActionError::new(
        ErrorKind::Malformed,
        ty.name(),
        start,
        end,
    ))
}

/// The message marker of a `malformed node or string: None` error (`**x` in
/// a dict display: the key slot is `None`).
pub(crate) const NONE_KEY: &str = "None";

fn unhashable(type_name: &str, start: usize, end: usize) -> Box<ActionError> {
    Box::new(ActionError::new(
        ErrorKind::Unhashable,
        format!("unhashable type: '{type_name}'"),
        start,
        end,
    ))
}

impl Node {
    fn new(ty: NodeType, start: usize, end: usize, conv: Conv) -> Node {
        Node {
            start,
            end,
            ty,
            conv,
            num: Numeric::None,
            assignable: Assignable::No(ty, start, end),
            set_name: false,
        }
    }

    /// A node `_convert` rejects: names, calls, operators, comprehensions…
    pub(crate) fn other(ty: NodeType, start: usize, end: usize) -> Node {
        Node::new(ty, start, end, Err(malformed(ty, start, end)))
    }

    /// A str, bytes, `True`, `False`, `None` or `...` constant.
    pub(crate) fn constant(start: usize, end: usize) -> Node {
        Node::new(NodeType::Constant, start, end, Ok(Hash::Yes))
    }

    /// A numeric constant.
    pub(crate) fn number(kind: NumKind, start: usize, end: usize) -> Node {
        Node {
            num: Numeric::Constant(kind),
            ..Node::constant(start, end)
        }
    }

    /// An f-string (`JoinedStr`): never a literal.
    pub(crate) fn fstring(start: usize, end: usize) -> Node {
        Node::other(NodeType::JoinedStr, start, end)
    }

    /// A name.
    pub(crate) fn name(is_set: bool, start: usize, end: usize) -> Node {
        Node {
            assignable: Assignable::Yes,
            set_name: is_set,
            ..Node::other(NodeType::Name, start, end)
        }
    }

    /// An attribute or subscript: assignable, never a literal.
    pub(crate) fn target(ty: NodeType, start: usize, end: usize) -> Node {
        Node {
            assignable: Assignable::Yes,
            ..Node::other(ty, start, end)
        }
    }

    /// `*x` (in a display, call, subscript or target).
    pub(crate) fn starred(inner: &Node, start: usize, end: usize) -> Node {
        Node {
            assignable: inner.assignable,
            ..Node::other(NodeType::Starred, start, end)
        }
    }

    /// `_convert_num(node)`: the numeric kind of a bare number constant.
    fn convert_num(&self) -> Result<NumKind, Box<ActionError>> {
        match self.num {
            Numeric::Constant(kind) => Ok(kind),
            _ => Err(malformed(self.ty, self.start, self.end)),
        }
    }

    /// `_convert_signed_num(node)`.
    fn convert_signed_num(&self) -> Result<NumKind, Box<ActionError>> {
        match &self.num {
            Numeric::Signed(result) => result.clone(),
            _ => self.convert_num(),
        }
    }

    /// `+x` or `-x`.
    pub(crate) fn sign(operand: Node, start: usize, end: usize) -> Node {
        let signed = operand.convert_num();
        Node {
            conv: signed.clone().map(|_| Hash::Yes),
            num: Numeric::Signed(signed),
            ..Node::other(NodeType::UnaryOp, start, end)
        }
    }

    /// `left + right` or `left - right`: `_convert` accepts it only as
    /// `real ± imaginary`.
    pub(crate) fn add(left: Node, right: Node, start: usize, end: usize) -> Node {
        let conv = left.convert_signed_num().and_then(|l| {
            let r = right.convert_num()?;
            match (l, r) {
                (NumKind::Int { fits_float: false }, NumKind::Complex) => {
                    Err(Box::new(ActionError::new(
                        ErrorKind::Overflow,
                        "int too large to convert to float",
                        start,
                        end,
                    )))
                }
                (NumKind::Int { .. } | NumKind::Float, NumKind::Complex) => Ok(Hash::Yes),
                _ => Err(malformed(NodeType::BinOp, start, end)),
            }
        });
        Node::new(NodeType::BinOp, start, end, conv)
    }

    /// A parenthesized expression keeps its node (parentheses are not in
    /// the AST), but an assignment target check sees through them.
    pub(crate) fn group(inner: Node) -> Node {
        inner
    }

    /// The assignment-target check of a `for` clause target.
    pub(crate) fn check_target(&self) -> ActionResult<()> {
        match self.assignable {
            Assignable::Yes => Ok(()),
            Assignable::No(ty, start, end) => Err(syntax(
                format!("cannot assign to {}", ty.assign_name()),
                start,
                end,
            )),
        }
    }

    /// Whether this is `Name('set')`.
    pub(crate) fn is_set_name(&self) -> bool {
        self.set_name
    }
}

/// A syntax error raised by a grammar action.
pub(crate) fn syntax(
    message: impl Into<String>,
    start: usize,
    end: usize,
) -> ParseError<usize, Tok, Fail> {
    ParseError::User {
        error: Fail::Grammar(ActionError::syntax(message, start, end)),
    }
}

/// The elements of a tuple, list or set display, summarized in order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Seq {
    /// The first conversion error (for tuples and lists).
    conv: Option<Box<ActionError>>,
    /// The first conversion or hashing error (for sets).
    set_err: Option<Box<ActionError>>,
    /// The first element whose hash fails (a tuple's own hashability).
    unhashable: Option<&'static str>,
    assignable: Assignable,
    len: usize,
    starred: bool,
}

impl Seq {
    pub(crate) fn new() -> Seq {
        Seq {
            conv: None,
            set_err: None,
            unhashable: None,
            assignable: Assignable::Yes,
            len: 0,
            starred: false,
        }
    }

    pub(crate) fn one(item: Node) -> Seq {
        Seq::new().push(item)
    }

    pub(crate) fn push(mut self, item: Node) -> Seq {
        self.len += 1;
        self.starred |= item.ty == NodeType::Starred;
        if self.assignable == Assignable::Yes {
            self.assignable = item.assignable;
        }
        match item.conv {
            Err(e) => {
                if self.conv.is_none() {
                    self.conv = Some(e.clone());
                }
                if self.set_err.is_none() {
                    self.set_err = Some(e);
                }
            }
            Ok(Hash::No(ty)) => {
                if self.unhashable.is_none() {
                    self.unhashable = Some(ty);
                }
                if self.set_err.is_none() {
                    self.set_err = Some(unhashable(ty, item.start, item.end));
                }
            }
            Ok(Hash::Yes) => {}
        }
        self
    }

    /// A tuple display.
    pub(crate) fn tuple(self, start: usize, end: usize) -> Node {
        let conv = match (self.conv, self.unhashable) {
            (Some(e), _) => Err(e),
            (None, Some(ty)) => Ok(Hash::No(ty)),
            (None, None) => Ok(Hash::Yes),
        };
        Node {
            assignable: self.assignable,
            ..Node::new(NodeType::Tuple, start, end, conv)
        }
    }

    /// A list display.
    pub(crate) fn list(self, start: usize, end: usize) -> Node {
        let conv = match self.conv {
            Some(e) => Err(e),
            None => Ok(Hash::No("list")),
        };
        Node {
            assignable: self.assignable,
            ..Node::new(NodeType::List, start, end, conv)
        }
    }

    /// A set display.
    pub(crate) fn set(self, start: usize, end: usize) -> Node {
        let conv = match self.set_err {
            Some(e) => Err(e),
            None => Ok(Hash::No("set")),
        };
        Node::new(NodeType::Set, start, end, conv)
    }
}

/// One piece of a group of adjacent string literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StrPiece {
    Str,
    Bytes,
    /// A run of plain strings mixing bytes and str (reported with the
    /// whole group, as CPython 3.12+ does).
    Mixed,
    FString,
}

/// A group of adjacent string literals: one `Constant` or `JoinedStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StrGroup {
    bytes: bool,
    text: bool,
    fstring: bool,
}

impl StrGroup {
    pub(crate) fn new() -> StrGroup {
        StrGroup {
            bytes: false,
            text: false,
            fstring: false,
        }
    }

    pub(crate) fn push(mut self, piece: StrPiece) -> StrGroup {
        match piece {
            StrPiece::Str => self.text = true,
            StrPiece::Bytes => self.bytes = true,
            StrPiece::Mixed => {
                self.bytes = true;
                self.text = true;
            }
            StrPiece::FString => self.fstring = true,
        }
        self
    }

    /// The node of the group at `start..end`, or CPython's error for bytes
    /// mixed with str (raised at the token after the group).
    pub(crate) fn node(self, start: usize, end: usize) -> ActionResult<Node> {
        if self.bytes && (self.text || self.fstring) {
            return Err(ParseError::User {
                error: Fail::Action(ActionError {
                    at_next_token: true,
                    ..ActionError::syntax("cannot mix bytes and nonbytes literals", end, end)
                }),
            });
        }
        Ok(if self.fstring {
            Node::fstring(start, end)
        } else {
            Node::constant(start, end)
        })
    }
}

/// The conversion of an f-string field (`!r`), CPython 3.12+: the name
/// must follow the `!` directly and be one of `s`, `r`, `a`.
pub(crate) fn check_conversion(
    src: &str,
    bang: usize,
    bang_end: usize,
    start: usize,
    end: usize,
) -> ActionResult<()> {
    let action_error = |message: String, start, end| ParseError::User {
        error: Fail::Action(ActionError::syntax(message, start, end)),
    };
    if bang_end != start {
        return Err(action_error(
            "f-string: conversion type must come right after the exclamanation mark".to_owned(),
            bang,
            end,
        ));
    }
    let name = src.get(start..end).unwrap_or("");
    if !matches!(name, "s" | "r" | "a") {
        return Err(action_error(
            format!("f-string: invalid conversion character '{name}': expected 's', 'r', or 'a'"),
            start,
            end,
        ));
    }
    Ok(())
}

/// Adds an optional last element (one not followed by a comma).
pub(crate) fn push_opt(seq: Seq, last: Option<Node>) -> Seq {
    match last {
        Some(item) => seq.push(item),
        None => seq,
    }
}

/// One entry of a dict display.
pub(crate) enum Entry {
    /// `key: value`
    Pair(Node, Node),
    /// `**value`
    Unpack(Node),
}

/// The entries of a dict display, summarized in order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DictSeq {
    err: Option<Box<ActionError>>,
}

impl DictSeq {
    pub(crate) fn new() -> DictSeq {
        DictSeq { err: None }
    }

    pub(crate) fn add(self, entry: Entry) -> DictSeq {
        match entry {
            Entry::Pair(key, value) => self.pair(key, value),
            Entry::Unpack(value) => self.unpack(&value),
        }
    }

    /// `key: value`: key converted, then value, then the insertion.
    fn pair(mut self, key: Node, value: Node) -> DictSeq {
        if self.err.is_none() {
            self.err = match (key.conv, value.conv) {
                (Err(e), _) | (Ok(_), Err(e)) => Some(e),
                (Ok(Hash::No(ty)), Ok(_)) => Some(unhashable(ty, key.start, key.end)),
                (Ok(Hash::Yes), Ok(_)) => None,
            };
        }
        self
    }

    /// `**value`: the key slot is `None`, which `_convert` rejects first.
    fn unpack(mut self, value: &Node) -> DictSeq {
        if self.err.is_none() {
            self.err = Some(Box::new(ActionError::new(
                ErrorKind::Malformed,
                NONE_KEY,
                value.start,
                value.end,
            )));
        }
        self
    }

    pub(crate) fn dict(self, start: usize, end: usize) -> Node {
        let conv = match self.err {
            Some(e) => Err(e),
            None => Ok(Hash::No("dict")),
        };
        Node::new(NodeType::Dict, start, end, conv)
    }
}

/// One argument of a call, for the argument-order rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgKind {
    Positional,
    /// An unparenthesized generator expression argument.
    Generator,
    Star,
    Keyword,
    DoubleStar,
}

/// The arguments of a call, checked as CPython's grammar orders them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Args {
    count: usize,
    seen_keyword: bool,
    seen_double_star: bool,
    generator: Option<(usize, usize)>,
    error: Option<(String, usize, usize)>,
}

impl Args {
    pub(crate) fn new() -> Args {
        Args {
            count: 0,
            seen_keyword: false,
            seen_double_star: false,
            generator: None,
            error: None,
        }
    }

    pub(crate) fn push(mut self, kind: ArgKind, start: usize, end: usize) -> Args {
        self.count += 1;
        let problem = match kind {
            ArgKind::Positional | ArgKind::Generator if self.seen_double_star => {
                Some("positional argument follows keyword argument unpacking")
            }
            ArgKind::Positional | ArgKind::Generator if self.seen_keyword => {
                Some("positional argument follows keyword argument")
            }
            ArgKind::Star if self.seen_double_star => {
                Some("iterable argument unpacking follows keyword argument unpacking")
            }
            _ => None,
        };
        if let (Some(message), None) = (problem, &self.error) {
            self.error = Some((message.to_owned(), start, end));
        }
        match kind {
            ArgKind::Keyword => self.seen_keyword = true,
            ArgKind::DoubleStar => self.seen_double_star = true,
            ArgKind::Generator => {
                self.generator.get_or_insert((start, end));
            }
            ArgKind::Positional | ArgKind::Star => {}
        }
        self
    }

    /// Checks the whole argument list; `trailing_comma` after the last one.
    pub(crate) fn check(&self, trailing_comma: bool) -> ActionResult<()> {
        if let Some((start, end)) = self.generator {
            if self.count > 1 || trailing_comma {
                return Err(syntax(
                    "Generator expression must be parenthesized",
                    start,
                    end,
                ));
            }
        }
        if let Some((message, start, end)) = &self.error {
            return Err(syntax(message.clone(), *start, *end));
        }
        Ok(())
    }
}

/// A call: `set()` (also `(set)()`) is the one call `_convert` accepts.
pub(crate) fn call(func: &Node, args: Option<&Args>, start: usize, end: usize) -> Node {
    if func.is_set_name() && args.is_none_or(|a| a.count == 0) {
        return Node::new(NodeType::Call, start, end, Ok(Hash::No("set")));
    }
    Node::other(NodeType::Call, start, end)
}

/// One lambda parameter, for the parameter-order rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Param {
    /// `name` (`default`: with `=expr`).
    Plain { default: bool },
    /// `/`
    Slash,
    /// `*` (`named`: `*args`).
    Star { named: bool },
    /// `**kwargs`
    DoubleStar,
}

/// A lambda parameter list, checked as it is read (CPython's grammar
/// orders parameters: positional-only, then plain, then `*`, then `**`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Params {
    seen_default: bool,
    seen_slash: bool,
    seen_star: bool,
    seen_double_star: bool,
    plain_before_slash: bool,
    /// A bare `*` not yet followed by a keyword-only parameter.
    bare_star: Option<(usize, usize)>,
    error: Option<(&'static str, usize, usize)>,
}

impl Params {
    pub(crate) fn new() -> Params {
        Params {
            seen_default: false,
            seen_slash: false,
            seen_star: false,
            seen_double_star: false,
            plain_before_slash: false,
            bare_star: None,
            error: None,
        }
    }

    pub(crate) fn push(mut self, param: Param, start: usize, end: usize) -> Params {
        if self.error.is_none() {
            if let Err(message) = self.accept(param) {
                self.error = Some((message, start, end));
            }
        }
        self
    }

    fn accept(&mut self, param: Param) -> Result<(), &'static str> {
        if self.seen_double_star {
            return Err("arguments cannot follow var-keyword argument");
        }
        match param {
            Param::Plain { default } => {
                if self.seen_star {
                    self.bare_star = None;
                } else if default {
                    self.seen_default = true;
                } else if self.seen_default {
                    return Err("non-default argument follows default argument");
                }
                if !self.seen_slash {
                    self.plain_before_slash = true;
                }
            }
            Param::Slash => {
                if self.seen_slash {
                    return Err("/ may appear only once");
                }
                if self.seen_star {
                    return Err("/ must be ahead of *");
                }
                if !self.plain_before_slash {
                    return Err("at least one argument must precede /");
                }
                self.seen_slash = true;
            }
            Param::Star { named } => {
                if self.seen_star {
                    return Err("* argument may appear only once");
                }
                self.seen_star = true;
                if named {
                    self.bare_star = None;
                } else {
                    self.bare_star = Some((0, 0));
                }
            }
            Param::DoubleStar => {
                if self.bare_star.is_some() {
                    return Err("named arguments must follow bare *");
                }
                self.seen_double_star = true;
            }
        }
        Ok(())
    }

    /// Checks the finished list; `star_span` locates a dangling bare `*`.
    pub(crate) fn check(&self, start: usize, end: usize) -> ActionResult<()> {
        if let Some((message, start, end)) = self.error {
            return Err(syntax(message, start, end));
        }
        if self.bare_star.is_some() {
            return Err(syntax("named arguments must follow bare *", start, end));
        }
        Ok(())
    }
}
