//! Lambda expressions and their parameters (Grammar/python.gram, "Lambda
//! functions"), with the invalid parameter rules.
//!
//! A parameter rule returns the index of the parameter's `NAME` token,
//! which is where errors about it point.

use crate::lexer::Raw;

use super::ast::{NodeId, NodeKind};
use super::parser::{Parser, Rule};

impl Parser<'_> {
    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(super) fn lambdef(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.expect(Raw::Lambda)?;
            p.lambda_params();
            p.expect(Raw::Colon)?;
            p.expression()?;
            Some(p.node(NodeKind::Lambda, start))
        })
    }

    /// `lambda_params: invalid_lambda_parameters | lambda_parameters`
    pub(super) fn lambda_params(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::LambdaParams, |p| {
            if p.invalid {
                p.attempt(Self::invalid_lambda_parameters);
            }
            p.lambda_parameters().map(|()| NodeId::MATCHED)
        })
    }

    /// `lambda_parameters`: its five alternatives.
    fn lambda_parameters(&mut self) -> Option<()> {
        self.rule(|p| {
            let alternatives: [fn(&mut Self) -> Option<()>; 5] = [
                |p| {
                    p.lambda_slash_no_default()?;
                    p.repeat(Self::lambda_param_no_default);
                    p.repeat(Self::lambda_param_with_default);
                    p.lambda_star_etc();
                    Some(())
                },
                |p| {
                    p.lambda_slash_with_default()?;
                    p.repeat(Self::lambda_param_with_default);
                    p.lambda_star_etc();
                    Some(())
                },
                |p| {
                    p.repeat1(Self::lambda_param_no_default)?;
                    p.repeat(Self::lambda_param_with_default);
                    p.lambda_star_etc();
                    Some(())
                },
                |p| {
                    p.repeat1(Self::lambda_param_with_default)?;
                    p.lambda_star_etc();
                    Some(())
                },
                |p| p.lambda_star_etc(),
            ];
            for alternative in alternatives {
                if p.attempt(alternative).is_some() {
                    return Some(());
                }
            }
            None
        })
    }

    /// `lambda_slash_no_default: lambda_param_no_default+ '/' ','
    ///  | lambda_param_no_default+ '/' &':'`
    pub(super) fn lambda_slash_no_default(&mut self) -> Option<()> {
        self.rule(|p| p.slash_end(|p| p.repeat1(Self::lambda_param_no_default).map(|_| ())))
    }

    /// `lambda_slash_with_default: lambda_param_no_default* lambda_param_with_default+ '/' ','
    ///  | lambda_param_no_default* lambda_param_with_default+ '/' &':'`
    pub(super) fn lambda_slash_with_default(&mut self) -> Option<()> {
        self.rule(|p| {
            p.slash_end(|p| {
                p.repeat(Self::lambda_param_no_default);
                p.repeat1(Self::lambda_param_with_default).map(|_| ())
            })
        })
    }

    /// `params '/' ',' | params '/' &':'`, trying `params` once per
    /// alternative as CPython does.
    fn slash_end(&mut self, params: fn(&mut Self) -> Option<()>) -> Option<()> {
        let with_comma = self.attempt(|p| {
            params(p)?;
            p.expect(Raw::Slash)?;
            p.expect(Raw::Comma)
        });
        if with_comma.is_some() {
            return Some(());
        }
        self.attempt(|p| {
            params(p)?;
            p.expect(Raw::Slash)?;
            p.ahead(|p| p.expect(Raw::Colon)).then_some(())
        })
    }

    /// `lambda_star_etc: invalid_lambda_star_etc
    ///  | '*' lambda_param_no_default lambda_param_maybe_default* [lambda_kwds]
    ///  | '*' ',' lambda_param_maybe_default+ [lambda_kwds]
    ///  | lambda_kwds`
    fn lambda_star_etc(&mut self) -> Option<()> {
        self.rule(|p| {
            if p.invalid {
                p.attempt(Self::invalid_lambda_star_etc);
            }
            let named = p.attempt(|p| {
                p.expect(Raw::Star)?;
                p.lambda_param_no_default()?;
                p.repeat(Self::lambda_param_maybe_default);
                p.lambda_kwds();
                Some(())
            });
            if named.is_some() {
                return named;
            }
            let bare = p.attempt(|p| {
                p.expect(Raw::Star)?;
                p.expect(Raw::Comma)?;
                p.repeat1(Self::lambda_param_maybe_default)?;
                p.lambda_kwds();
                Some(())
            });
            if bare.is_some() {
                return bare;
            }
            p.lambda_kwds()
        })
    }

    /// `lambda_kwds: invalid_lambda_kwds | '**' lambda_param_no_default`
    fn lambda_kwds(&mut self) -> Option<()> {
        self.rule(|p| {
            if p.invalid {
                p.attempt(Self::invalid_lambda_kwds);
            }
            p.expect(Raw::DoubleStar)?;
            p.lambda_param_no_default().map(|_| ())
        })
    }

    /// `lambda_param_no_default: lambda_param ',' | lambda_param &':'`
    pub(super) fn lambda_param_no_default(&mut self) -> Option<usize> {
        self.rule(|p| {
            let with_comma = p.attempt(|p| {
                let name = p.name()?;
                p.expect(Raw::Comma)?;
                Some(name)
            });
            if with_comma.is_some() {
                return with_comma;
            }
            let name = p.name()?;
            p.ahead(|p| p.expect(Raw::Colon)).then_some(name)
        })
    }

    /// `lambda_param_with_default: lambda_param default ','
    ///  | lambda_param default &':'`
    pub(super) fn lambda_param_with_default(&mut self) -> Option<usize> {
        self.rule(|p| p.lambda_param_ending(true))
    }

    /// `lambda_param_maybe_default: lambda_param default? ','
    ///  | lambda_param default? &':'`
    pub(super) fn lambda_param_maybe_default(&mut self) -> Option<usize> {
        self.rule(|p| p.lambda_param_ending(false))
    }

    /// A parameter with a default (required or optional), then `,` or
    /// before `:`.
    fn lambda_param_ending(&mut self, default_required: bool) -> Option<usize> {
        let with_comma = self.attempt(|p| {
            let name = p.name()?;
            if p.default().is_none() && (default_required || p.stop) {
                return None;
            }
            p.expect(Raw::Comma)?;
            Some(name)
        });
        if with_comma.is_some() {
            return with_comma;
        }
        self.attempt(|p| {
            let name = p.name()?;
            if p.default().is_none() && (default_required || p.stop) {
                return None;
            }
            p.ahead(|p| p.expect(Raw::Colon)).then_some(name)
        })
    }

    /// `default: '=' expression | invalid_default`
    fn default(&mut self) -> Option<()> {
        self.rule(|p| {
            let value = p.attempt(|p| {
                p.expect(Raw::Equal)?;
                p.expression()
            });
            if value.is_some() {
                return Some(());
            }
            if p.invalid {
                p.attempt(Self::invalid_default);
            }
            None
        })
    }
}
