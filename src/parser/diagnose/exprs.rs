//! Expression rules, from `eval` down to `primary` (Grammar/python.gram,
//! "EXPRESSIONS"). Left-recursive rules are loops that grow the left
//! operand, which is what pegen's seed-growing memo computes.

use crate::lexer::{Kind, Raw};

use super::ast::{NodeId, NodeKind};
use super::parser::{Parser, Rule};

impl Parser<'_> {
    /// `eval: expressions NEWLINE* ENDMARKER`; whether it matched.
    pub(super) fn eval(&mut self) -> bool {
        self.rule(|p| {
            p.expressions()?;
            p.repeat(|p| p.expect_kind(Kind::Newline));
            p.expect_kind(Kind::EndMarker)
        })
        .is_some()
    }

    /// `expressions: expression (',' expression)+ [','] | expression ',' | expression`
    fn expressions(&mut self) -> Option<NodeId> {
        self.rule(|p| p.comma_list(Self::expression))
    }

    /// The shape shared by `expressions` and `star_expressions`: one item,
    /// or a tuple of items separated by commas.
    fn comma_list(&mut self, item: fn(&mut Self) -> Option<NodeId>) -> Option<NodeId> {
        let start = self.mark;
        let many = self.attempt(|p| {
            let first = item(p)?;
            let rest = p.repeat1(|p| {
                p.expect(Raw::Comma)?;
                item(p)
            })?;
            p.expect(Raw::Comma);
            let elts = std::iter::once(first).chain(rest).collect();
            Some(p.node(NodeKind::Tuple(elts), start))
        });
        if many.is_some() {
            return many;
        }
        let single = self.attempt(|p| {
            let first = item(p)?;
            p.expect(Raw::Comma)?;
            Some(p.node(NodeKind::Tuple(vec![first]), start))
        });
        if single.is_some() {
            return single;
        }
        item(self)
    }

    /// `expression (memo): invalid_expression | invalid_legacy_expression
    ///  | disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(super) fn expression(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Expression, Self::expression_body)
    }

    /// The alternatives of `expression`.
    fn expression_body(&mut self) -> Option<NodeId> {
        if self.invalid {
            self.attempt(Self::invalid_expression);
            self.attempt(Self::invalid_legacy_expression);
        }
        self.conditional_or_simple(Self::expression)
    }

    /// The valid alternatives of `expression` (and of
    /// `expression_without_invalid`): a conditional expression, a
    /// disjunction or a lambda; `tail` parses the part after `else`.
    pub(super) fn conditional_or_simple(
        &mut self,
        tail: fn(&mut Self) -> Option<NodeId>,
    ) -> Option<NodeId> {
        let start = self.mark;
        let conditional = self.attempt(|p| {
            p.disjunction()?;
            p.expect(Raw::If)?;
            p.disjunction()?;
            p.expect(Raw::Else)?;
            tail(p)?;
            Some(p.node(NodeKind::IfExp, start))
        });
        if conditional.is_some() {
            return conditional;
        }
        let simple = self.disjunction();
        if simple.is_some() {
            return simple;
        }
        self.lambdef()
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(super) fn yield_expr(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let from = p.attempt(|p| {
                p.expect(Raw::Yield)?;
                p.expect(Raw::From)?;
                p.expression()
            });
            if from.is_some() {
                return Some(p.node(NodeKind::Yield, start));
            }
            p.expect(Raw::Yield)?;
            p.star_expressions();
            Some(p.node(NodeKind::Yield, start))
        })
    }

    /// `star_expressions: star_expression (',' star_expression)+ [',']
    ///  | star_expression ',' | star_expression`
    pub(super) fn star_expressions(&mut self) -> Option<NodeId> {
        self.rule(|p| p.comma_list(Self::star_expression))
    }

    /// `star_expression (memo): '*' bitwise_or | expression`
    fn star_expression(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::StarExpression, |p| p.starred_or(Self::expression))
    }

    /// `'*' bitwise_or | other`, the shape of `star_expression` and
    /// `star_named_expression`.
    fn starred_or(&mut self, other: fn(&mut Self) -> Option<NodeId>) -> Option<NodeId> {
        let start = self.mark;
        let starred = self.attempt(|p| {
            p.expect(Raw::Star)?;
            let value = p.bitwise_or()?;
            Some(p.node(NodeKind::Starred(value), start))
        });
        if starred.is_some() {
            return starred;
        }
        other(self)
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(super) fn star_named_expressions(&mut self) -> Option<Vec<NodeId>> {
        self.rule(|p| {
            let items = p.gather(Raw::Comma, Self::star_named_expression)?;
            p.expect(Raw::Comma);
            Some(items)
        })
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(super) fn star_named_expression(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::StarNamedExpression, |p| {
            p.starred_or(Self::named_expression)
        })
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(super) fn assignment_expression(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.name()?;
            p.expect(Raw::ColonEqual)?;
            p.expression()?;
            Some(p.node(NodeKind::NamedExpr, start))
        })
    }

    /// `named_expression: assignment_expression | invalid_named_expression
    ///  | expression !':='`
    pub(super) fn named_expression(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::NamedExpression, |p| {
            let named = p.assignment_expression();
            if named.is_some() {
                return named;
            }
            if p.invalid {
                p.attempt(Self::invalid_named_expression);
            }
            p.expression_not_walrus()
        })
    }

    /// `expression !':='`
    pub(super) fn expression_not_walrus(&mut self) -> Option<NodeId> {
        self.attempt(|p| {
            let e = p.expression()?;
            (!p.ahead(|p| p.expect(Raw::ColonEqual))).then_some(e)
        })
    }

    /// `assignment_expression | expression !':='`, a group used by
    /// `genexp` and `args`.
    pub(super) fn assignment_or_expression(&mut self) -> Option<NodeId> {
        let named = self.assignment_expression();
        if named.is_some() {
            return named;
        }
        self.expression_not_walrus()
    }

    /// `disjunction (memo): conjunction ('or' conjunction)+ | conjunction`
    pub(super) fn disjunction(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Disjunction, |p| p.bool_op(Raw::Or, Self::conjunction))
    }

    /// `conjunction (memo): inversion ('and' inversion)+ | inversion`
    fn conjunction(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Conjunction, |p| p.bool_op(Raw::And, Self::inversion))
    }

    /// `operand (op operand)+ | operand`
    fn bool_op(&mut self, op: Raw, operand: fn(&mut Self) -> Option<NodeId>) -> Option<NodeId> {
        let start = self.mark;
        let chain = self.attempt(|p| {
            operand(p)?;
            p.repeat1(|p| {
                p.expect(op)?;
                operand(p)
            })?;
            Some(p.node(NodeKind::BoolOp, start))
        });
        if chain.is_some() {
            return chain;
        }
        operand(self)
    }

    /// `inversion (memo): 'not' inversion | comparison`
    fn inversion(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Inversion, |p| {
            let start = p.mark;
            let not = p.attempt(|p| {
                p.expect(Raw::Not)?;
                p.inversion()?;
                Some(p.node(NodeKind::UnaryOp, start))
            });
            if not.is_some() {
                return not;
            }
            p.comparison()
        })
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn comparison(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let compare = p.attempt(|p| {
                let left = p.bitwise_or()?;
                let ops = p.repeat1(Self::compare_op_pair)?;
                let first_is_in = ops.first() == Some(&true);
                Some(p.node(NodeKind::Compare { left, first_is_in }, start))
            });
            if compare.is_some() {
                return compare;
            }
            p.bitwise_or()
        })
    }

    /// `compare_op_bitwise_or_pair`: an operator and its right operand;
    /// `true` when the operator is `in`.
    fn compare_op_pair(&mut self) -> Option<bool> {
        self.rule(|p| {
            let op = p.peek_kind()?;
            let is_in = op == Kind::Raw(Raw::In);
            match op {
                Kind::Raw(
                    Raw::EqEqual
                    | Raw::NotEqual
                    | Raw::LessEqual
                    | Raw::Less
                    | Raw::GreaterEqual
                    | Raw::Greater
                    | Raw::In,
                ) => {
                    p.mark += 1;
                }
                // `'not' 'in'` and `'is' 'not'` | `'is'`
                Kind::Raw(Raw::Not) => {
                    p.mark += 1;
                    p.expect(Raw::In)?;
                }
                Kind::Raw(Raw::Is) => {
                    p.mark += 1;
                    let is_not = p.attempt(|p| {
                        p.expect(Raw::Not)?;
                        p.bitwise_or()
                    });
                    if is_not.is_some() {
                        return Some(false);
                    }
                }
                // `<>` is a NOTEQUAL token that `_PyPegen_check_barry_as_flufl`
                // rejects; other tokens are no operators.
                _ => return None,
            }
            p.bitwise_or()?;
            Some(is_in)
        })
    }

    /// A left-recursive binary operator rule: `rule op next | next` for
    /// each operator in `ops`.
    fn binary(&mut self, ops: &[Raw], next: fn(&mut Self) -> Option<NodeId>) -> Option<NodeId> {
        self.binary_after(ops, None, next)
    }

    /// [`Parser::binary`] with an invalid rule as the alternative before
    /// `next` (`rule op next | invalid | next`): the seed-growing loop tries
    /// it once, when no operand is there yet (it does not depend on the
    /// rule itself, so later rounds would find the same).
    fn binary_after(
        &mut self,
        ops: &[Raw],
        invalid: Option<fn(&mut Self) -> Option<()>>,
        next: fn(&mut Self) -> Option<NodeId>,
    ) -> Option<NodeId> {
        let start = self.mark;
        if let Some(invalid) = invalid.filter(|_| self.invalid) {
            self.attempt(invalid);
        }
        let mut left = next(self)?;
        while self
            .attempt(|p| {
                p.expect_with(|k| matches!(k, Kind::Raw(r) if ops.contains(&r)))?;
                next(p)
            })
            .is_some()
        {
            left = self.node(NodeKind::BinOp, start);
        }
        Some(left)
    }

    /// `bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor`
    pub(super) fn bitwise_or(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::BitwiseOr, |p| {
            p.binary(&[Raw::VBar], Self::bitwise_xor)
        })
    }

    /// `bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and`
    fn bitwise_xor(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::BitwiseXor, |p| {
            p.binary(&[Raw::Circumflex], Self::bitwise_and)
        })
    }

    /// `bitwise_and: bitwise_and '&' shift_expr | shift_expr`
    fn bitwise_and(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::BitwiseAnd, |p| {
            p.binary(&[Raw::Amper], Self::shift_expr)
        })
    }

    /// `shift_expr: shift_expr ('<<' | '>>') sum | sum`; 3.13 has
    /// `invalid_arithmetic` before `sum`.
    fn shift_expr(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::ShiftExpr, |p| {
            let invalid = p
                .at_least_3_13()
                .then_some(Self::invalid_arithmetic as fn(&mut Self) -> Option<()>);
            p.binary_after(&[Raw::LeftShift, Raw::RightShift], invalid, Self::sum)
        })
    }

    /// `invalid_arithmetic: sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') a='not' b=inversion`
    /// (3.13)
    fn invalid_arithmetic(&mut self) -> Option<()> {
        self.rule(|p| {
            p.sum()?;
            p.expect_with(|k| {
                matches!(
                    k,
                    Kind::Raw(
                        Raw::Plus
                            | Raw::Minus
                            | Raw::Star
                            | Raw::Slash
                            | Raw::Percent
                            | Raw::DoubleSlash
                            | Raw::At
                    )
                )
            })?;
            p.not_after_operator(Self::inversion)
        })
    }

    /// `invalid_factor: ('+' | '-' | '~') a='not' b=factor` (3.13)
    fn invalid_factor(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect_with(|k| matches!(k, Kind::Raw(Raw::Plus | Raw::Minus | Raw::Tilde)))?;
            p.not_after_operator(Self::factor)
        })
    }

    /// `a='not' b=operand`, raising "'not' after an operator must be
    /// parenthesized" from `a` to `b`.
    fn not_after_operator(&mut self, operand: fn(&mut Self) -> Option<NodeId>) -> Option<()> {
        let a = self.expect(Raw::Not)?;
        let b = operand(self)?;
        let start = self.token(a).map_or(0, |t| t.start);
        let end = self.get(b).end;
        self.raise("'not' after an operator must be parenthesized", start, end);
        None
    }

    /// `sum: sum ('+' | '-') term | term`
    fn sum(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Sum, |p| {
            p.binary(&[Raw::Plus, Raw::Minus], Self::term)
        })
    }

    /// `term: term ('*' | '/' | '//' | '%' | '@') factor | factor`; 3.13 has
    /// `invalid_factor` before `factor`.
    fn term(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Term, |p| {
            let invalid = p
                .at_least_3_13()
                .then_some(Self::invalid_factor as fn(&mut Self) -> Option<()>);
            p.binary_after(
                &[
                    Raw::Star,
                    Raw::Slash,
                    Raw::DoubleSlash,
                    Raw::Percent,
                    Raw::At,
                ],
                invalid,
                Self::factor,
            )
        })
    }

    /// `factor (memo): ('+' | '-' | '~') factor | power`
    fn factor(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Factor, |p| {
            let start = p.mark;
            let unary = p.attempt(|p| {
                p.expect_with(|k| matches!(k, Kind::Raw(Raw::Plus | Raw::Minus | Raw::Tilde)))?;
                p.factor()?;
                Some(p.node(NodeKind::UnaryOp, start))
            });
            if unary.is_some() {
                return unary;
            }
            p.power()
        })
    }

    /// `power: await_primary '**' factor | await_primary`
    fn power(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let power = p.attempt(|p| {
                p.await_primary()?;
                p.expect(Raw::DoubleStar)?;
                p.factor()?;
                Some(p.node(NodeKind::BinOp, start))
            });
            if power.is_some() {
                return power;
            }
            p.await_primary()
        })
    }

    /// `await_primary (memo): AWAIT primary | primary`
    fn await_primary(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::AwaitPrimary, |p| {
            let start = p.mark;
            let awaited = p.attempt(|p| {
                p.expect(Raw::Await)?;
                p.primary()?;
                Some(p.node(NodeKind::Await, start))
            });
            if awaited.is_some() {
                return awaited;
            }
            p.primary()
        })
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    ///  | primary '[' slices ']' | atom`
    fn primary(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Primary, |p| {
            let start = p.mark;
            let mut node = p.atom()?;
            while let Some(kind) = p.primary_suffix() {
                node = p.node(kind, start);
            }
            Some(node)
        })
    }

    /// One trailer of a `primary`, in the order of its alternatives.
    fn primary_suffix(&mut self) -> Option<NodeKind> {
        let attribute = self.attempt(|p| {
            p.expect(Raw::Dot)?;
            p.name()
        });
        if attribute.is_some() {
            return Some(NodeKind::Attribute);
        }
        if let Some(genexp) = self.genexp() {
            return Some(NodeKind::Call {
                args: vec![genexp],
                unpacks: false,
            });
        }
        let call = self.attempt(|p| {
            p.expect(Raw::LPar)?;
            p.arguments();
            p.expect(Raw::RPar)
        });
        if call.is_some() {
            return Some(NodeKind::Call {
                args: Vec::new(),
                unpacks: false,
            });
        }
        let subscript = self.attempt(|p| {
            p.expect(Raw::LSqb)?;
            p.slices()?;
            p.expect(Raw::RSqb)
        });
        subscript.map(|_| NodeKind::Subscript)
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(super) fn slices(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Slices, |p| {
            let start = p.mark;
            let single = p.attempt(|p| {
                let s = p.slice()?;
                (!p.ahead(|p| p.expect(Raw::Comma))).then_some(s)
            });
            if single.is_some() {
                return single;
            }
            let elts = p.gather(Raw::Comma, |p| {
                let s = p.slice();
                if s.is_some() {
                    return s;
                }
                p.starred_expression()
            })?;
            p.expect(Raw::Comma);
            Some(p.node(NodeKind::Tuple(elts), start))
        })
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let range = p.attempt(|p| {
                p.expression();
                p.expect(Raw::Colon)?;
                p.expression();
                p.attempt(|p| {
                    p.expect(Raw::Colon)?;
                    p.expression();
                    Some(())
                });
                Some(p.node(NodeKind::Slice, start))
            });
            if range.is_some() {
                return range;
            }
            p.named_expression()
        })
    }
}
