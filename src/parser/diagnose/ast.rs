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

    /// `_PyPegen_check_legacy_stmt`: whether `id` is the name `print` or `exec`.
    pub(super) fn is_legacy_name(&self, id: NodeId) -> bool {
        let node = self.get(id);
        node.kind == NodeKind::Name
            && matches!(self.src.get(node.start..node.end), Some("print" | "exec"))
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
