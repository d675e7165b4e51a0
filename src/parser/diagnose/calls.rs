//! Call arguments (Grammar/python.gram, "FUNCTION CALL ARGUMENTS").

use crate::lexer::Raw;

use super::ast::{NodeId, NodeKind};
use super::parser::{Parser, Rule};

/// One item of `kwargs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KwItem {
    /// `NAME '=' expression`
    Keyword,
    /// `'**' expression`
    Unpack,
    /// `'*' expression`
    Starred(NodeId),
}

impl Parser<'_> {
    /// `arguments (memo): args [','] &')' | invalid_arguments`
    pub(super) fn arguments(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Arguments, |p| {
            let args = p.attempt(|p| {
                let args = p.args()?;
                p.expect(Raw::Comma);
                p.ahead(|p| p.expect(Raw::RPar)).then_some(args)
            });
            if args.is_some() {
                return args;
            }
            if p.invalid {
                p.attempt(Self::invalid_arguments);
            }
            None
        })
    }

    /// `args: ','.(starred_expression | (assignment_expression
    ///  | expression !':=') !'=')+ [',' kwargs] | kwargs`; a `Call` node
    /// holding the positional and starred arguments
    /// (`_PyPegen_collect_call_seqs`).
    pub(super) fn args(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Args, |p| {
            let start = p.mark;
            let positional = p.attempt(|p| {
                let mut args = p.gather(Raw::Comma, Self::positional_argument)?;
                let keywords = p
                    .attempt(|p| {
                        p.expect(Raw::Comma)?;
                        p.kwargs()
                    })
                    .unwrap_or_default();
                let unpacks = Self::collect_starred(&keywords, &mut args);
                Some(p.node(NodeKind::Call { args, unpacks }, start))
            });
            if positional.is_some() {
                return positional;
            }
            let keywords = p.kwargs()?;
            let mut args = Vec::new();
            let unpacks = Self::collect_starred(&keywords, &mut args);
            Some(p.node(NodeKind::Call { args, unpacks }, start))
        })
    }

    /// Appends the starred items of `keywords` to `args`; whether a `**`
    /// item is among them.
    fn collect_starred(keywords: &[KwItem], args: &mut Vec<NodeId>) -> bool {
        let mut unpacks = false;
        for item in keywords {
            match item {
                KwItem::Starred(node) => args.push(*node),
                KwItem::Unpack => unpacks = true,
                KwItem::Keyword => {}
            }
        }
        unpacks
    }

    /// `starred_expression | (assignment_expression | expression !':=') !'='`
    pub(super) fn positional_argument(&mut self) -> Option<NodeId> {
        let starred = self.starred_expression();
        if starred.is_some() {
            return starred;
        }
        self.attempt(|p| {
            let e = p.assignment_or_expression()?;
            (!p.ahead(|p| p.expect(Raw::Equal))).then_some(e)
        })
    }

    /// `kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///  | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+`
    pub(super) fn kwargs(&mut self) -> Option<Vec<KwItem>> {
        self.rule(|p| {
            let both = p.attempt(|p| {
                let mut items = p.gather(Raw::Comma, Self::kwarg_or_starred)?;
                p.expect(Raw::Comma)?;
                items.extend(p.gather(Raw::Comma, Self::kwarg_or_double_starred)?);
                Some(items)
            });
            if both.is_some() {
                return both;
            }
            let starred = p.gather(Raw::Comma, Self::kwarg_or_starred);
            if starred.is_some() {
                return starred;
            }
            p.gather(Raw::Comma, Self::kwarg_or_double_starred)
        })
    }

    /// `starred_expression: '*' expression`; from 3.12 on
    /// `invalid_starred_expression | '*' expression` (the invalid rule
    /// raising "cannot assign to iterable argument unpacking"), and in 3.13
    /// a last alternative `'*'` raising "Invalid star expression".
    pub(super) fn starred_expression(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            if p.invalid && p.at_least_3_12() {
                p.attempt(Self::invalid_starred_expression_unpacking);
            }
            let start = p.mark;
            let starred = p.attempt(|p| {
                p.expect(Raw::Star)?;
                let value = p.expression()?;
                Some(p.node(NodeKind::Starred(value), start))
            });
            if starred.is_some() {
                return starred;
            }
            // '*' raising "Invalid star expression" (3.13): an inline
            // alternative, so it applies in the first pass and under
            // `expression_without_invalid` too.
            if p.at_least_3_13() && p.expect(Raw::Star).is_some() {
                p.raise_at_last_read("Invalid star expression");
            }
            None
        })
    }

    /// `a='*' expression '=' b=expression` ("cannot assign to iterable
    /// argument unpacking"), 3.12+.
    fn invalid_starred_expression_unpacking(&mut self) -> Option<()> {
        self.rule(|p| {
            let a = p.expect(Raw::Star)?;
            p.expression()?;
            p.expect(Raw::Equal)?;
            let b = p.expression()?;
            let start = p.token(a).map_or(0, |t| t.start);
            let end = p.get(b).end;
            p.raise("cannot assign to iterable argument unpacking", start, end);
            None
        })
    }

    /// `kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression`
    fn kwarg_or_starred(&mut self) -> Option<KwItem> {
        self.rule(|p| {
            if p.invalid {
                p.attempt(Self::invalid_kwarg);
            }
            if p.keyword_argument().is_some() {
                return Some(KwItem::Keyword);
            }
            p.starred_expression().map(KwItem::Starred)
        })
    }

    /// `kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression`
    fn kwarg_or_double_starred(&mut self) -> Option<KwItem> {
        self.rule(|p| {
            if p.invalid {
                p.attempt(Self::invalid_kwarg);
            }
            if p.keyword_argument().is_some() {
                return Some(KwItem::Keyword);
            }
            p.expect(Raw::DoubleStar)?;
            p.expression()?;
            Some(KwItem::Unpack)
        })
    }

    /// `NAME '=' expression`
    fn keyword_argument(&mut self) -> Option<NodeId> {
        self.attempt(|p| {
            p.name()?;
            p.expect(Raw::Equal)?;
            p.expression()
        })
    }
}
