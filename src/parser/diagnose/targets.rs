//! Assignment targets, as `for` clauses use them (Grammar/python.gram,
//! "ASSIGNMENT TARGETS"). Only whether they match matters.

use crate::lexer::{Kind, Raw};

use super::ast::NodeId;
use super::parser::{Parser, Rule};

impl Parser<'_> {
    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(super) fn star_targets(&mut self) -> Option<()> {
        self.rule(|p| {
            let single = p.attempt(|p| {
                p.star_target()?;
                (!p.ahead(|p| p.expect(Raw::Comma))).then_some(())
            });
            if single.is_some() {
                return single;
            }
            p.star_target()?;
            p.repeat(|p| {
                p.expect(Raw::Comma)?;
                p.star_target()
            });
            p.expect(Raw::Comma);
            Some(())
        })
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    fn star_targets_list_seq(&mut self) -> Option<()> {
        self.rule(|p| {
            p.gather(Raw::Comma, Self::star_target)?;
            p.expect(Raw::Comma);
            Some(())
        })
    }

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [',']
    ///  | star_target ','`
    fn star_targets_tuple_seq(&mut self) -> Option<()> {
        self.rule(|p| {
            let many = p.attempt(|p| {
                p.star_target()?;
                p.repeat1(|p| {
                    p.expect(Raw::Comma)?;
                    p.star_target()
                })?;
                p.expect(Raw::Comma);
                Some(())
            });
            if many.is_some() {
                return many;
            }
            p.star_target()?;
            p.expect(Raw::Comma).map(|_| ())
        })
    }

    /// `star_target (memo): '*' (!'*' star_target) | target_with_star_atom`
    fn star_target(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::StarTarget, |p| {
            let starred = p.attempt(|p| {
                p.expect(Raw::Star)?;
                if p.ahead(|p| p.expect(Raw::Star)) {
                    return None;
                }
                p.star_target()
            });
            if starred.is_some() {
                return starred;
            }
            p.target_with_star_atom()
        })
    }

    /// `target_with_star_atom (memo): t_primary '.' NAME !t_lookahead
    ///  | t_primary '[' slices ']' !t_lookahead | star_atom`
    fn target_with_star_atom(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::TargetWithStarAtom, |p| {
            let attribute = p.attempt(|p| {
                p.t_primary()?;
                p.expect(Raw::Dot)?;
                p.name()?;
                (!p.t_lookahead()).then_some(NodeId::MATCHED)
            });
            if attribute.is_some() {
                return attribute;
            }
            let subscript = p.attempt(|p| {
                p.t_primary()?;
                p.expect(Raw::LSqb)?;
                p.slices()?;
                p.expect(Raw::RSqb)?;
                (!p.t_lookahead()).then_some(NodeId::MATCHED)
            });
            if subscript.is_some() {
                return subscript;
            }
            p.star_atom()
        })
    }

    /// `star_atom: NAME | '(' target_with_star_atom ')'
    ///  | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']'`
    fn star_atom(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            if p.name().is_some() {
                return Some(NodeId::MATCHED);
            }
            let parenthesized = p.attempt(|p| {
                p.expect(Raw::LPar)?;
                p.target_with_star_atom()?;
                p.expect(Raw::RPar)
            });
            if parenthesized.is_some() {
                return Some(NodeId::MATCHED);
            }
            let tuple = p.attempt(|p| {
                p.expect(Raw::LPar)?;
                p.star_targets_tuple_seq();
                p.expect(Raw::RPar)
            });
            if tuple.is_some() {
                return Some(NodeId::MATCHED);
            }
            p.expect(Raw::LSqb)?;
            p.star_targets_list_seq();
            p.expect(Raw::RSqb)?;
            Some(NodeId::MATCHED)
        })
    }

    /// `t_primary: t_primary '.' NAME &t_lookahead
    ///  | t_primary '[' slices ']' &t_lookahead | t_primary genexp &t_lookahead
    ///  | t_primary '(' [arguments] ')' &t_lookahead | atom &t_lookahead`
    fn t_primary(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::TPrimary, |p| {
            p.atom()?;
            if !p.t_lookahead() {
                return None;
            }
            while p.attempt(Self::t_primary_suffix).is_some() {}
            Some(NodeId::MATCHED)
        })
    }

    /// One trailer of a `t_primary` followed by `&t_lookahead`.
    fn t_primary_suffix(&mut self) -> Option<()> {
        let suffixes: [fn(&mut Self) -> Option<()>; 4] = [
            |p| {
                p.expect(Raw::Dot)?;
                p.name().map(|_| ())
            },
            |p| {
                p.expect(Raw::LSqb)?;
                p.slices()?;
                p.expect(Raw::RSqb).map(|_| ())
            },
            |p| p.genexp().map(|_| ()),
            |p| {
                p.expect(Raw::LPar)?;
                p.arguments();
                p.expect(Raw::RPar).map(|_| ())
            },
        ];
        for suffix in suffixes {
            let extended = self.attempt(|p| {
                suffix(p)?;
                p.t_lookahead().then_some(())
            });
            if extended.is_some() || self.stop {
                return extended;
            }
        }
        None
    }

    /// `t_lookahead: '(' | '[' | '.'`, as a lookahead.
    fn t_lookahead(&mut self) -> bool {
        matches!(
            self.peek_kind(),
            Some(Kind::Raw(Raw::LPar | Raw::LSqb | Raw::Dot))
        )
    }
}
