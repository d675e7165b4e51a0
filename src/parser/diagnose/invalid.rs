//! The `invalid_*` rules reachable from expressions (Grammar/python.gram,
//! "START OF INVALID RULES"). Each either raises its error or fails; none
//! produces a result. An action that declines to raise (returns NULL
//! without an error) ends its rule, so later alternatives are not tried.

use crate::lexer::{Kind, Raw};

use super::ast::{NodeId, Targets};
use super::parser::{Parser, Rule};

/// The message of both spellings of `=` where `==` or `:=` was meant.
const MAYBE_EQUALITY: &str = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";

/// The message of a generator expression that needs parentheses.
const PARENTHESIZE_GENEXP: &str = "Generator expression must be parenthesized";

impl Parser<'_> {
    /// `expression_without_invalid`: `expression`'s valid alternatives, with
    /// the invalid rules off below it.
    fn expression_without_invalid(&mut self) -> Option<NodeId> {
        let outer = self.invalid;
        self.invalid = false;
        let result = self.rule(|p| p.conditional_or_simple(Self::expression));
        self.invalid = outer;
        result
    }

    /// `invalid_expression:
    ///  !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    ///  | a=disjunction 'if' b=disjunction !('else'|':')
    ///  | a='lambda' [lambda_params] b=':' &FSTRING_MIDDLE` (the last one 3.12+)
    pub(super) fn invalid_expression(&mut self) -> Option<()> {
        self.rule(|p| {
            let guarded = p.ahead(|p| {
                let name_string = p.attempt(|p| {
                    p.name()?;
                    p.expect_with(|k| matches!(k, Kind::Raw(Raw::String(_))))
                });
                if name_string.is_some() {
                    return name_string;
                }
                let at = p.expect_with(|k| k == Kind::Raw(Raw::Name))?;
                p.is_soft_keyword(at).then_some(at)
            });
            if !guarded {
                let juxtaposed = p.attempt(|p| {
                    let a = p.disjunction()?;
                    let b = p.expression_without_invalid()?;
                    Some((a, b))
                });
                if let Some((a, b)) = juxtaposed {
                    if !p.is_legacy_name(a) && p.last_level() != 0 {
                        p.raise_range("invalid syntax. Perhaps you forgot a comma?", a, b);
                    }
                    return None;
                }
            }
            let missing_else = p.attempt(|p| {
                let a = p.disjunction()?;
                p.expect(Raw::If)?;
                let b = p.disjunction()?;
                let at_else = |p: &mut Self| {
                    p.expect_with(|k| matches!(k, Kind::Raw(Raw::Else | Raw::Colon)))
                };
                (!p.ahead(at_else)).then_some((a, b))
            });
            if let Some((a, b)) = missing_else {
                p.raise_range("expected 'else' after 'if' expression", a, b);
                return None;
            }
            // a='lambda' [lambda_params] b=':' &FSTRING_MIDDLE (3.12+)
            if p.at_least_3_12() {
                p.invalid_fstring_lambda();
            }
            None
        })
    }

    /// `invalid_legacy_expression: a=NAME !'(' b=star_expressions`, raising
    /// when `a` is `print` or `exec`.
    pub(super) fn invalid_legacy_expression(&mut self) -> Option<()> {
        self.rule(|p| {
            let start = p.mark;
            p.name()?;
            let a = p.node(super::ast::NodeKind::Name, start);
            if p.ahead(|p| p.expect(Raw::LPar)) {
                return None;
            }
            let b = p.star_expressions()?;
            if let Some(name) = p.legacy_name(a) {
                let message =
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                p.raise_range(message, a, b);
            }
            None
        })
    }

    /// `invalid_named_expression (memo)`: an assignment expression or `=`
    /// where they cannot be.
    pub(super) fn invalid_named_expression(&mut self) -> Option<()> {
        self.memo_rule(Rule::InvalidNamedExpression, |p| {
            p.invalid_named_expression_body();
            None
        })
        .map(|_| ())
    }

    /// The three alternatives of `invalid_named_expression`.
    fn invalid_named_expression_body(&mut self) -> Option<()> {
        // a=expression ':=' expression
        let walrus = self.attempt(|p| {
            let a = p.expression()?;
            p.expect(Raw::ColonEqual)?;
            p.expression()?;
            Some(a)
        });
        if let Some(a) = walrus {
            let message = format!(
                "cannot use assignment expressions with {}",
                self.expr_name(a)
            );
            self.raise_at_node(message, a);
            return None;
        }
        // a=NAME '=' b=bitwise_or !('='|':=')
        let start = self.mark;
        let name_equal = self.attempt(|p| {
            p.name()?;
            let a = p.node(super::ast::NodeKind::Name, start);
            p.expect(Raw::Equal)?;
            let b = p.bitwise_or()?;
            (!p.at_assignment()).then_some((a, b))
        });
        if let Some((a, b)) = name_equal {
            self.raise_range(MAYBE_EQUALITY, a, b);
            return None;
        }
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        let excluded = self.ahead(|p| {
            p.first_of(&[Self::list, Self::tuple, Self::genexp])
                .or_else(|| {
                    p.expect_with(|k| matches!(k, Kind::Raw(Raw::True | Raw::None | Raw::False)))
                        .map(|_| NodeId::MATCHED)
                })
        });
        if excluded {
            return None;
        }
        let a = self.bitwise_or()?;
        self.expect(Raw::Equal)?;
        self.bitwise_or()?;
        if self.at_assignment() {
            return None;
        }
        let message = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            self.expr_name(a)
        );
        self.raise_at_node(message, a);
        None
    }

    /// The lookahead `&('=' | ':=')`.
    fn at_assignment(&mut self) -> bool {
        self.ahead(|p| p.expect_with(|k| matches!(k, Kind::Raw(Raw::Equal | Raw::ColonEqual))))
    }

    /// `invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')'`
    pub(super) fn invalid_group(&mut self) -> Option<()> {
        self.rule(|p| {
            let starred = p.attempt(|p| {
                p.expect(Raw::LPar)?;
                let a = p.starred_expression()?;
                p.expect(Raw::RPar)?;
                Some(a)
            });
            if let Some(a) = starred {
                p.raise_at_node("cannot use starred expression here", a);
                return None;
            }
            p.expect(Raw::LPar)?;
            let a = p.expect(Raw::DoubleStar)?;
            p.expression()?;
            p.expect(Raw::RPar)?;
            p.raise_at_token("cannot use double starred expression here", a);
            None
        })
    }

    /// `invalid_comprehension`: unpacking or an unparenthesized tuple as a
    /// comprehension's element.
    pub(super) fn invalid_comprehension(&mut self) -> Option<()> {
        self.rule(|p| {
            // ('[' | '(' | '{') a=starred_expression for_if_clauses
            let unpacking = p.attempt(|p| {
                p.expect_with(|k| matches!(k, Kind::Raw(Raw::LSqb | Raw::LPar | Raw::LBrace)))?;
                let a = p.starred_expression()?;
                p.for_if_clauses()?;
                Some(a)
            });
            if let Some(a) = unpacking {
                p.raise_at_node("iterable unpacking cannot be used in comprehension", a);
                return None;
            }
            let target = "did you forget parentheses around the comprehension target?";
            // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
            let tuple = p.attempt(|p| {
                p.expect_with(|k| matches!(k, Kind::Raw(Raw::LSqb | Raw::LBrace)))?;
                let a = p.star_named_expression()?;
                p.expect(Raw::Comma)?;
                let b = p.star_named_expressions()?;
                p.for_if_clauses()?;
                Some((a, b.last().copied().unwrap_or(a)))
            });
            if let Some((a, b)) = tuple {
                p.raise_range(target, a, b);
                return None;
            }
            // ('[' | '{') a=star_named_expression b=',' for_if_clauses
            p.expect_with(|k| matches!(k, Kind::Raw(Raw::LSqb | Raw::LBrace)))?;
            let a = p.star_named_expression()?;
            let b = p.expect(Raw::Comma)?;
            p.for_if_clauses()?;
            let end = p.token(b).map_or(0, |t| t.end);
            let start = p.get(a).start;
            p.raise(target, start, end);
            None
        })
    }

    /// `invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'`
    pub(super) fn invalid_dict_comprehension(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect(Raw::LBrace)?;
            let a = p.expect(Raw::DoubleStar)?;
            p.bitwise_or()?;
            p.for_if_clauses()?;
            p.expect(Raw::RBrace)?;
            p.raise_at_token("dict unpacking cannot be used in dict comprehension", a);
            None
        })
    }

    /// `invalid_double_starred_kvpairs: ','.double_starred_kvpair+ ',' invalid_kvpair
    ///  | expression ':' a='*' bitwise_or | expression a=':' &('}'|',')`
    pub(super) fn invalid_double_starred_kvpairs(&mut self) -> Option<()> {
        self.rule(|p| {
            p.attempt(|p| {
                p.gather(Raw::Comma, Self::double_starred_kvpair)?;
                p.expect(Raw::Comma)?;
                p.invalid_kvpair()
            });
            p.attempt(Self::invalid_kvpair_value)
        })
    }

    /// `invalid_kvpair: a=expression !(':') | expression ':' a='*' bitwise_or
    ///  | expression a=':' &('}'|',')`
    fn invalid_kvpair(&mut self) -> Option<()> {
        self.rule(|p| {
            let key = p.attempt(|p| {
                let a = p.expression()?;
                (!p.ahead(|p| p.expect(Raw::Colon))).then_some(a)
            });
            if let Some(a) = key {
                let at = p.key_caret(a);
                let next = p.src.get(at..).and_then(|s| s.chars().next());
                let end = at + next.map_or(0, char::len_utf8);
                p.raise("':' expected after dictionary key", at, end);
                return None;
            }
            p.invalid_kvpair_value()
        })
    }

    /// Where CPython puts the caret of "':' expected after dictionary key":
    /// on the line where key `a` starts, at the column of its last
    /// character (its end column minus one, in bytes, counted on that line;
    /// past the line's end it stops just after it). CPython gives no end.
    fn key_caret(&self, a: NodeId) -> usize {
        let node = self.get(a);
        let (src, start, end) = (self.src, node.start, node.end);
        let line_start = |at: usize| {
            src.get(..at)
                .and_then(|s| s.rfind(['\n', '\r']))
                .map_or(0, |i| i + 1)
        };
        let column = end - line_start(end);
        let first = line_start(start);
        let line_end = src
            .get(first..)
            .and_then(|s| s.find(['\n', '\r']))
            .map_or(src.len(), |i| first + i);
        if first + column > line_end {
            return line_end;
        }
        let upto = first + column;
        let last = src.get(first..).and_then(|line| {
            line.char_indices()
                .take_while(|&(i, _)| first + i < upto)
                .last()
                .map(|(i, _)| first + i)
        });
        last.unwrap_or(first)
    }

    /// The alternatives shared by `invalid_double_starred_kvpairs` and
    /// `invalid_kvpair`: `expression ':' a='*' bitwise_or
    ///  | expression a=':' &('}'|',')`.
    fn invalid_kvpair_value(&mut self) -> Option<()> {
        let starred = self.attempt(|p| {
            p.expression()?;
            p.expect(Raw::Colon)?;
            let a = p.expect(Raw::Star)?;
            p.bitwise_or()?;
            Some(a)
        });
        if let Some(a) = starred {
            self.raise_starting_from("cannot use a starred expression in a dictionary value", a);
            return None;
        }
        self.expression()?;
        let a = self.expect(Raw::Colon)?;
        if self.ahead(|p| p.expect_with(|k| matches!(k, Kind::Raw(Raw::RBrace | Raw::Comma)))) {
            self.raise_at_token("expression expected after dictionary key and ':'", a);
        }
        None
    }

    /// `invalid_for_target: ASYNC? 'for' a=star_expressions`
    pub(super) fn invalid_for_target(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect(Raw::Async);
            p.expect(Raw::For)?;
            let a = p.star_expressions()?;
            if let Some(target) = p.invalid_target(a, Targets::For) {
                let message = format!("cannot assign to {}", p.expr_name(target));
                p.raise_at_node(message, target);
            }
            None
        })
    }

    /// `invalid_arguments`: misplaced unpacking, unparenthesized generator
    /// expressions, positional arguments after keywords.
    pub(super) fn invalid_arguments(&mut self) -> Option<()> {
        self.rule(|p| {
            // ((','.(starred_expression | (assignment_expression
            //   | expression !':=') !'=')+ ',' kwargs) | kwargs) ',' a='*'
            // (3.11.7; 3.11.2 had `a=args ',' '*'`, reporting at `a`)
            // (3.13: ... kwargs) a=',' b=','.(starred_expression !'=')+,
            // reporting from `a` to the last of `b`)
            let star = p.attempt(|p| {
                let keywords = p.attempt(|p| {
                    p.gather(Raw::Comma, Self::positional_argument)?;
                    p.expect(Raw::Comma)?;
                    p.kwargs()
                });
                if keywords.is_none() {
                    p.kwargs()?;
                }
                let comma = p.expect(Raw::Comma)?;
                if !p.at_least_3_13() {
                    let star = p.expect(Raw::Star)?;
                    return p.token(star).map(|t| (t.start, t.end));
                }
                let starred = p.gather(Raw::Comma, |p| {
                    let e = p.starred_expression()?;
                    (!p.ahead(|p| p.expect(Raw::Equal))).then_some(e)
                })?;
                let start = p.token(comma).map_or(0, |t| t.start);
                let end = starred.last().map_or(start, |&e| p.get(e).end);
                Some((start, end))
            });
            if let Some((start, end)) = star {
                p.raise(
                    "iterable argument unpacking follows keyword argument unpacking",
                    start,
                    end,
                );
                return None;
            }
            // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
            let first = p.attempt(|p| {
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                p.expect(Raw::Comma)?;
                if p.args().is_none() {
                    p.attempt(|p| {
                        p.expression()?;
                        p.for_if_clauses()
                    });
                }
                Some((a, b))
            });
            if let Some((a, b)) = first {
                p.raise_range(PARENTHESIZE_GENEXP, a, b);
                return None;
            }
            // a=NAME b='=' expression for_if_clauses
            if p.attempt(Self::keyword_genexp).is_some() {
                return None;
            }
            // (args ',')? a=NAME b='=' &(',' | ')') (3.12+)
            if p.at_least_3_12() {
                let missing_value = p.attempt(|p| {
                    p.attempt(|p| {
                        p.args()?;
                        p.expect(Raw::Comma)
                    });
                    let a = p.name()?;
                    let b = p.expect(Raw::Equal)?;
                    let at_end = |p: &mut Self| {
                        p.expect_with(|k| matches!(k, Kind::Raw(Raw::Comma | Raw::RPar)))
                    };
                    p.ahead(at_end).then_some((a, b))
                });
                if let Some((a, b)) = missing_value {
                    p.raise_tokens("expected argument value expression", a, b);
                    return None;
                }
            }
            // a=args b=for_if_clauses
            let bare = p.attempt(|p| {
                let a = p.args()?;
                let b = p.for_if_clauses()?;
                Some((a, b))
            });
            if let Some((a, b)) = bare {
                p.nonparen_genexp_in_call(a, b);
                return None;
            }
            // args ',' a=expression b=for_if_clauses
            let last = p.attempt(|p| {
                p.args()?;
                p.expect(Raw::Comma)?;
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                Some((a, b))
            });
            if let Some((a, b)) = last {
                p.raise_range(PARENTHESIZE_GENEXP, a, b);
                return None;
            }
            // a=args ',' args
            let a = p.args()?;
            p.expect(Raw::Comma)?;
            p.args()?;
            p.arguments_parsing_error(a);
            None
        })
    }

    /// `a=NAME b='=' expression for_if_clauses`, raising the "Maybe you
    /// meant '=='" error (in `invalid_arguments` and `invalid_kwarg`).
    fn keyword_genexp(&mut self) -> Option<()> {
        let a = self.name()?;
        let b = self.expect(Raw::Equal)?;
        self.expression()?;
        self.for_if_clauses()?;
        self.raise_tokens(MAYBE_EQUALITY, a, b);
        Some(())
    }

    /// `_PyPegen_nonparen_genexp_in_call`: a generator expression after
    /// other positional arguments.
    fn nonparen_genexp_in_call(&mut self, args: NodeId, last_item: NodeId) {
        if let super::ast::NodeKind::Call { args: list, .. } = &self.get(args).kind {
            if list.len() > 1 {
                if let Some(&genexp) = list.last() {
                    self.raise_range(PARENTHESIZE_GENEXP, genexp, last_item);
                }
            }
        }
    }

    /// `_PyPegen_arguments_parsing_error`: a positional argument after
    /// keyword arguments, at the last token read.
    fn arguments_parsing_error(&mut self, args: NodeId) {
        let unpacks = matches!(
            self.get(args).kind,
            super::ast::NodeKind::Call { unpacks: true, .. }
        );
        let message = if unpacks {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        };
        self.raise_at_last_read(message);
    }

    /// `invalid_kwarg: a=('True'|'False'|'None') b='='
    ///  | a=NAME b='=' expression for_if_clauses | !(NAME '=') a=expression b='='
    ///  | a='**' expression '=' b=expression` (the last one 3.12+)
    pub(super) fn invalid_kwarg(&mut self) -> Option<()> {
        self.rule(|p| {
            let constant = p.attempt(|p| {
                let a =
                    p.expect_with(|k| matches!(k, Kind::Raw(Raw::True | Raw::False | Raw::None)))?;
                let b = p.expect(Raw::Equal)?;
                Some((a, b))
            });
            if let Some((a, b)) = constant {
                let message = format!("cannot assign to {}", p.text(a));
                p.raise_tokens(message, a, b);
                return None;
            }
            if p.attempt(Self::keyword_genexp).is_some() {
                return None;
            }
            let keyword = p.ahead(|p| {
                p.name()?;
                p.expect(Raw::Equal)
            });
            if keyword {
                return None;
            }
            let assignment = p.attempt(|p| {
                let a = p.expression()?;
                let b = p.expect(Raw::Equal)?;
                Some((a, b))
            });
            if let Some((a, b)) = assignment {
                let start = p.get(a).start;
                let end = p.token(b).map_or(start, |t| t.end);
                p.raise(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    start,
                    end,
                );
                return None;
            }
            // a='**' expression '=' b=expression (3.12+)
            if !p.at_least_3_12() {
                return None;
            }
            let a = p.expect(Raw::DoubleStar)?;
            p.expression()?;
            p.expect(Raw::Equal)?;
            let b = p.expression()?;
            let start = p.token(a).map_or(0, |t| t.start);
            let end = p.get(b).end;
            p.raise("cannot assign to keyword argument unpacking", start, end);
            None
        })
    }

    /// `invalid_default: a='=' &(')'|',')`
    pub(super) fn invalid_default(&mut self) -> Option<()> {
        self.rule(|p| {
            let a = p.expect(Raw::Equal)?;
            if p.ahead(|p| p.expect_with(|k| matches!(k, Kind::Raw(Raw::RPar | Raw::Comma)))) {
                p.raise_at_token("expected default value expression", a);
            }
            None
        })
    }

    /// `invalid_lambda_parameters`: misordered or malformed parameters.
    /// 3.12 tries the alternatives about `/` first, allows a
    /// `lambda_slash_no_default` before misordered parameters, and words
    /// that message anew.
    pub(super) fn invalid_lambda_parameters(&mut self) -> Option<()> {
        self.rule(|p| {
            let alternatives: [fn(&mut Self) -> bool; 6] = if p.at_least_3_12() {
                [
                    Self::lambda_leading_slash,
                    Self::lambda_slash_twice,
                    Self::lambda_misordered,
                    Self::lambda_parenthesized,
                    Self::lambda_slash_after_star,
                    Self::lambda_slash_star_without_comma,
                ]
            } else {
                [
                    Self::lambda_misordered,
                    Self::lambda_parenthesized,
                    Self::lambda_leading_slash,
                    Self::lambda_slash_twice,
                    Self::lambda_slash_after_star,
                    Self::lambda_slash_star_without_comma,
                ]
            };
            for alternative in alternatives {
                if p.stop || alternative(p) {
                    return None;
                }
            }
            None
        })
    }

    /// `lambda_param_no_default* invalid_lambda_parameters_helper
    ///  a=lambda_param_no_default` (3.12: `lambda_slash_no_default?` first);
    /// whether it matched (and raised).
    fn lambda_misordered(&mut self) -> bool {
        let newer = self.at_least_3_12();
        let misordered = self.attempt(|p| {
            if newer {
                p.lambda_slash_no_default();
            }
            p.repeat(Self::lambda_param_no_default);
            p.invalid_lambda_parameters_helper()?;
            p.lambda_param_no_default()
        });
        let Some(a) = misordered else {
            return false;
        };
        let message = if newer {
            "parameter without a default follows parameter with a default"
        } else {
            "non-default argument follows default argument"
        };
        self.raise_at_token(message, a);
        true
    }

    /// `lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')'`
    fn lambda_parenthesized(&mut self) -> bool {
        let parenthesized = self.attempt(|p| {
            p.repeat(Self::lambda_param_no_default);
            let a = p.expect(Raw::LPar)?;
            p.gather(Raw::Comma, Self::name)?;
            p.expect(Raw::Comma);
            let b = p.expect(Raw::RPar)?;
            Some((a, b))
        });
        let Some((a, b)) = parenthesized else {
            return false;
        };
        self.raise_tokens("Lambda expression parameters cannot be parenthesized", a, b);
        true
    }

    /// `a="/" ','`
    fn lambda_leading_slash(&mut self) -> bool {
        let leading = self.attempt(|p| {
            let a = p.expect(Raw::Slash)?;
            p.expect(Raw::Comma)?;
            Some(a)
        });
        let Some(a) = leading else {
            return false;
        };
        self.raise_at_token("at least one argument must precede /", a);
        true
    }

    /// `(lambda_slash_no_default | lambda_slash_with_default)
    ///  lambda_param_maybe_default* a='/'`
    fn lambda_slash_twice(&mut self) -> bool {
        let twice = self.attempt(|p| {
            p.lambda_slash()?;
            p.repeat(Self::lambda_param_maybe_default);
            p.expect(Raw::Slash)
        });
        let Some(a) = twice else {
            return false;
        };
        self.raise_at_token("/ may appear only once", a);
        true
    }

    /// `(lambda_slash_no_default | lambda_slash_with_default)?
    ///  lambda_param_maybe_default* '*' (',' | lambda_param_no_default)
    ///  lambda_param_maybe_default* a='/'`
    fn lambda_slash_after_star(&mut self) -> bool {
        let after_star = self.attempt(|p| {
            p.lambda_slash();
            p.repeat(Self::lambda_param_maybe_default);
            p.expect(Raw::Star)?;
            if p.expect(Raw::Comma).is_none() {
                p.lambda_param_no_default()?;
            }
            p.repeat(Self::lambda_param_maybe_default);
            p.expect(Raw::Slash)
        });
        let Some(a) = after_star else {
            return false;
        };
        self.raise_at_token("/ must be ahead of *", a);
        true
    }

    /// `lambda_param_maybe_default+ '/' a='*'`
    fn lambda_slash_star_without_comma(&mut self) -> bool {
        let star = self.attempt(|p| {
            p.repeat1(Self::lambda_param_maybe_default)?;
            p.expect(Raw::Slash)?;
            p.expect(Raw::Star)
        });
        let Some(a) = star else {
            return false;
        };
        self.raise_at_token("expected comma between / and *", a);
        true
    }

    /// `(lambda_slash_no_default | lambda_slash_with_default)`
    fn lambda_slash(&mut self) -> Option<()> {
        self.lambda_slash_no_default()
            .or_else(|| self.lambda_slash_with_default())
    }

    /// `invalid_lambda_parameters_helper: lambda_slash_with_default
    ///  | lambda_param_with_default+`
    fn invalid_lambda_parameters_helper(&mut self) -> Option<()> {
        self.rule(|p| {
            if p.lambda_slash_with_default().is_some() {
                return Some(());
            }
            p.repeat1(Self::lambda_param_with_default).map(|_| ())
        })
    }

    /// `invalid_lambda_star_etc`: a bare or repeated `*`, or a default for `*args`.
    pub(super) fn invalid_lambda_star_etc(&mut self) -> Option<()> {
        self.rule(|p| {
            // '*' (':' | ',' (':' | '**'))
            let bare = p.attempt(|p| {
                p.expect(Raw::Star)?;
                if p.expect(Raw::Colon).is_some() {
                    return Some(());
                }
                p.expect(Raw::Comma)?;
                p.expect_with(|k| matches!(k, Kind::Raw(Raw::Colon | Raw::DoubleStar)))
                    .map(|_| ())
            });
            if bare.is_some() {
                p.raise_at_last_read("named arguments must follow bare *");
                return None;
            }
            // '*' lambda_param a='='
            let default = p.attempt(|p| {
                p.expect(Raw::Star)?;
                p.name()?;
                p.expect(Raw::Equal)
            });
            if let Some(a) = default {
                p.raise_at_token("var-positional argument cannot have default value", a);
                return None;
            }
            // '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*'
            // (lambda_param_no_default | ',')
            p.expect(Raw::Star)?;
            p.param_or_comma()?;
            p.repeat(Self::lambda_param_maybe_default);
            let a = p.expect(Raw::Star)?;
            p.param_or_comma()?;
            p.raise_at_token("* argument may appear only once", a);
            None
        })
    }

    /// `(lambda_param_no_default | ',')`
    fn param_or_comma(&mut self) -> Option<usize> {
        self.lambda_param_no_default()
            .or_else(|| self.expect(Raw::Comma))
    }

    /// `invalid_lambda_kwds`: a default for `**kwargs`, or parameters after it.
    pub(super) fn invalid_lambda_kwds(&mut self) -> Option<()> {
        self.rule(|p| {
            // '**' lambda_param a='='
            let default = p.attempt(|p| {
                p.expect(Raw::DoubleStar)?;
                p.name()?;
                p.expect(Raw::Equal)
            });
            if let Some(a) = default {
                p.raise_at_token("var-keyword argument cannot have default value", a);
                return None;
            }
            // '**' lambda_param ',' a=lambda_param | '**' lambda_param ',' a=('*'|'**'|'/')
            let message = "arguments cannot follow var-keyword argument";
            let param = p.attempt(|p| {
                p.expect(Raw::DoubleStar)?;
                p.name()?;
                p.expect(Raw::Comma)?;
                p.name()
            });
            if let Some(a) = param {
                p.raise_at_token(message, a);
                return None;
            }
            p.expect(Raw::DoubleStar)?;
            p.name()?;
            p.expect(Raw::Comma)?;
            let a = p.expect_with(|k| {
                matches!(k, Kind::Raw(Raw::Star | Raw::DoubleStar | Raw::Slash))
            })?;
            p.raise_at_token(message, a);
            None
        })
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE` between two nodes.
    fn raise_range(&mut self, message: impl Into<String>, a: NodeId, b: NodeId) {
        let (start, end) = (self.get(a).start, self.get(b).end);
        self.raise(message, start, end);
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE` between two tokens.
    fn raise_tokens(&mut self, message: impl Into<String>, a: usize, b: usize) {
        let start = self.token(a).map_or(0, |t| t.start);
        let end = self.token(b).map_or(start, |t| t.end);
        self.raise(message, start, end);
    }
}
