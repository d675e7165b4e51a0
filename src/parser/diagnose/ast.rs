//! The little of CPython's AST the error actions look at: node kinds, spans
//! and a few children; `_PyPegen_get_expr_name`,
//! `_PyPegen_get_invalid_target` and `_PyPegen_check_legacy_stmt`.

use super::parser::Parser;

/// An index into the parser's node arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NodeId(pub(super) u32);

impl NodeId {
    /// The result of a rule that matched without building a node.
    pub(super) const MATCHED: NodeId = NodeId(u32::MAX - 1);
}

/// What kind of constant a `Constant` node holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Const {
    None,
    True,
    False,
    Ellipsis,
    /// Numbers and strings.
    Literal,
}

/// An expression node's kind, with the children the actions inspect.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum NodeKind {
    Name,
    Constant(Const),
    JoinedStr,
    Attribute,
    Subscript,
    Starred(NodeId),
    List(Vec<NodeId>),
    Tuple(Vec<NodeId>),
    Lambda,
    /// A call; `args` are the positional (and starred) arguments, and
    /// `unpacks` tells whether a `**` argument is among the keywords.
    Call {
        args: Vec<NodeId>,
        unpacks: bool,
    },
    BoolOp,
    BinOp,
    UnaryOp,
    GeneratorExp,
    Yield,
    Await,
    ListComp,
    SetComp,
    DictComp,
    Dict,
    Set,
    /// A comparison: its left operand, and whether the first operator is `in`.
    Compare {
        left: NodeId,
        first_is_in: bool,
    },
    IfExp,
    NamedExpr,
    Slice,
    /// Not an expression (a placeholder).
    Other,
}

/// A node: kind and byte span.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Node {
    pub(super) kind: NodeKind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Which assignment context a target check is for (`TARGETS_TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Targets {
    /// Targets of `for … in` (a leading `in` comparison is looked through).
    For,
}

impl Parser<'_> {
    /// `_PyPegen_get_expr_name`: how messages name a node.
    pub(super) fn expr_name(&self, id: NodeId) -> &'static str {
        match &self.get(id).kind {
            NodeKind::Attribute => "attribute",
            NodeKind::Subscript => "subscript",
            NodeKind::Starred(_) => "starred",
            NodeKind::Name => "name",
            NodeKind::List(_) => "list",
            NodeKind::Tuple(_) => "tuple",
            NodeKind::Lambda => "lambda",
            NodeKind::Call { .. } => "function call",
            NodeKind::BoolOp | NodeKind::BinOp | NodeKind::UnaryOp => "expression",
            NodeKind::GeneratorExp => "generator expression",
            NodeKind::Yield => "yield expression",
            NodeKind::Await => "await expression",
            NodeKind::ListComp => "list comprehension",
            NodeKind::SetComp => "set comprehension",
            NodeKind::DictComp => "dict comprehension",
            NodeKind::Dict => "dict literal",
            NodeKind::Set => "set display",
            NodeKind::JoinedStr => "f-string expression",
            NodeKind::Constant(Const::None) => "None",
            NodeKind::Constant(Const::False) => "False",
            NodeKind::Constant(Const::True) => "True",
            NodeKind::Constant(Const::Ellipsis) => "ellipsis",
            NodeKind::Constant(Const::Literal) => "literal",
            NodeKind::Compare { .. } => "comparison",
            NodeKind::IfExp => "conditional expression",
            NodeKind::NamedExpr => "named expression",
            NodeKind::Slice | NodeKind::Other => "expression",
        }
    }

    /// `_PyPegen_check_legacy_stmt`: whether `id` is the name `print` or
    /// `exec` (after NFKC normalization, as CPython compares identifiers).
    pub(super) fn is_legacy_name(&self, id: NodeId) -> bool {
        self.legacy_name(id).is_some()
    }

    /// The legacy statement name (`print` or `exec`) that node `id` is.
    pub(super) fn legacy_name(&self, id: NodeId) -> Option<&'static str> {
        let node = self.get(id);
        if node.kind != NodeKind::Name {
            return None;
        }
        let text = self.src.get(node.start..node.end)?;
        ["print", "exec"]
            .into_iter()
            .find(|name| normalizes_to(text, name))
    }

    /// `_PyPegen_get_invalid_target`: the first part of `id` that cannot be
    /// assigned to, if any (depth-first, left to right).
    pub(super) fn invalid_target(&self, id: NodeId, targets: Targets) -> Option<NodeId> {
        let mut pending = vec![id];
        while let Some(id) = pending.pop() {
            match &self.get(id).kind {
                NodeKind::List(elts) | NodeKind::Tuple(elts) => {
                    pending.extend(elts.iter().rev());
                }
                NodeKind::Starred(value) => pending.push(*value),
                NodeKind::Compare { left, first_is_in } => match targets {
                    Targets::For if *first_is_in => pending.push(*left),
                    Targets::For => {}
                },
                NodeKind::Name | NodeKind::Subscript | NodeKind::Attribute => {}
                _ => return Some(id),
            }
        }
        None
    }
}

/// Characters other than ASCII whose NFKC form is one of the letters of
/// `print` and `exec` (Unicode 14.0, as in CPython 3.11), sorted; generated
/// with `unicodedata.normalize('NFKC', c)` over all identifier characters.
static LEGACY_LETTERS: [(char, u8); 133] = [
    ('\u{2B3}', b'r'),
    ('\u{2E3}', b'x'),
    ('\u{1D49}', b'e'),
    ('\u{1D56}', b'p'),
    ('\u{1D57}', b't'),
    ('\u{1D62}', b'i'),
    ('\u{1D63}', b'r'),
    ('\u{1D9C}', b'c'),
    ('\u{2071}', b'i'),
    ('\u{207F}', b'n'),
    ('\u{2091}', b'e'),
    ('\u{2093}', b'x'),
    ('\u{2099}', b'n'),
    ('\u{209A}', b'p'),
    ('\u{209C}', b't'),
    ('\u{212F}', b'e'),
    ('\u{2139}', b'i'),
    ('\u{2147}', b'e'),
    ('\u{2148}', b'i'),
    ('\u{2170}', b'i'),
    ('\u{2179}', b'x'),
    ('\u{217D}', b'c'),
    ('\u{FF43}', b'c'),
    ('\u{FF45}', b'e'),
    ('\u{FF49}', b'i'),
    ('\u{FF4E}', b'n'),
    ('\u{FF50}', b'p'),
    ('\u{FF52}', b'r'),
    ('\u{FF54}', b't'),
    ('\u{FF58}', b'x'),
    ('\u{1D41C}', b'c'),
    ('\u{1D41E}', b'e'),
    ('\u{1D422}', b'i'),
    ('\u{1D427}', b'n'),
    ('\u{1D429}', b'p'),
    ('\u{1D42B}', b'r'),
    ('\u{1D42D}', b't'),
    ('\u{1D431}', b'x'),
    ('\u{1D450}', b'c'),
    ('\u{1D452}', b'e'),
    ('\u{1D456}', b'i'),
    ('\u{1D45B}', b'n'),
    ('\u{1D45D}', b'p'),
    ('\u{1D45F}', b'r'),
    ('\u{1D461}', b't'),
    ('\u{1D465}', b'x'),
    ('\u{1D484}', b'c'),
    ('\u{1D486}', b'e'),
    ('\u{1D48A}', b'i'),
    ('\u{1D48F}', b'n'),
    ('\u{1D491}', b'p'),
    ('\u{1D493}', b'r'),
    ('\u{1D495}', b't'),
    ('\u{1D499}', b'x'),
    ('\u{1D4B8}', b'c'),
    ('\u{1D4BE}', b'i'),
    ('\u{1D4C3}', b'n'),
    ('\u{1D4C5}', b'p'),
    ('\u{1D4C7}', b'r'),
    ('\u{1D4C9}', b't'),
    ('\u{1D4CD}', b'x'),
    ('\u{1D4EC}', b'c'),
    ('\u{1D4EE}', b'e'),
    ('\u{1D4F2}', b'i'),
    ('\u{1D4F7}', b'n'),
    ('\u{1D4F9}', b'p'),
    ('\u{1D4FB}', b'r'),
    ('\u{1D4FD}', b't'),
    ('\u{1D501}', b'x'),
    ('\u{1D520}', b'c'),
    ('\u{1D522}', b'e'),
    ('\u{1D526}', b'i'),
    ('\u{1D52B}', b'n'),
    ('\u{1D52D}', b'p'),
    ('\u{1D52F}', b'r'),
    ('\u{1D531}', b't'),
    ('\u{1D535}', b'x'),
    ('\u{1D554}', b'c'),
    ('\u{1D556}', b'e'),
    ('\u{1D55A}', b'i'),
    ('\u{1D55F}', b'n'),
    ('\u{1D561}', b'p'),
    ('\u{1D563}', b'r'),
    ('\u{1D565}', b't'),
    ('\u{1D569}', b'x'),
    ('\u{1D588}', b'c'),
    ('\u{1D58A}', b'e'),
    ('\u{1D58E}', b'i'),
    ('\u{1D593}', b'n'),
    ('\u{1D595}', b'p'),
    ('\u{1D597}', b'r'),
    ('\u{1D599}', b't'),
    ('\u{1D59D}', b'x'),
    ('\u{1D5BC}', b'c'),
    ('\u{1D5BE}', b'e'),
    ('\u{1D5C2}', b'i'),
    ('\u{1D5C7}', b'n'),
    ('\u{1D5C9}', b'p'),
    ('\u{1D5CB}', b'r'),
    ('\u{1D5CD}', b't'),
    ('\u{1D5D1}', b'x'),
    ('\u{1D5F0}', b'c'),
    ('\u{1D5F2}', b'e'),
    ('\u{1D5F6}', b'i'),
    ('\u{1D5FB}', b'n'),
    ('\u{1D5FD}', b'p'),
    ('\u{1D5FF}', b'r'),
    ('\u{1D601}', b't'),
    ('\u{1D605}', b'x'),
    ('\u{1D624}', b'c'),
    ('\u{1D626}', b'e'),
    ('\u{1D62A}', b'i'),
    ('\u{1D62F}', b'n'),
    ('\u{1D631}', b'p'),
    ('\u{1D633}', b'r'),
    ('\u{1D635}', b't'),
    ('\u{1D639}', b'x'),
    ('\u{1D658}', b'c'),
    ('\u{1D65A}', b'e'),
    ('\u{1D65E}', b'i'),
    ('\u{1D663}', b'n'),
    ('\u{1D665}', b'p'),
    ('\u{1D667}', b'r'),
    ('\u{1D669}', b't'),
    ('\u{1D66D}', b'x'),
    ('\u{1D68C}', b'c'),
    ('\u{1D68E}', b'e'),
    ('\u{1D692}', b'i'),
    ('\u{1D697}', b'n'),
    ('\u{1D699}', b'p'),
    ('\u{1D69B}', b'r'),
    ('\u{1D69D}', b't'),
    ('\u{1D6A1}', b'x'),
];

/// Whether identifier `text` NFKC-normalizes to the ASCII word `word`:
/// every character must normalize to the next letter of it.
fn normalizes_to(text: &str, word: &str) -> bool {
    let mut letters = word.bytes();
    for c in text.chars() {
        let letter = if c.is_ascii() {
            Some(c as u8)
        } else {
            LEGACY_LETTERS
                .binary_search_by_key(&c, |&(ch, _)| ch)
                .ok()
                .and_then(|i| LEGACY_LETTERS.get(i))
                .map(|&(_, letter)| letter)
        };
        if letter.is_none() || letter != letters.next() {
            return false;
        }
    }
    letters.next().is_none()
}
