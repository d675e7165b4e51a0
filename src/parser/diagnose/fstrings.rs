//! f-strings as tokens, CPython 3.12+ (PEP 701; Grammar/python.gram,
//! "LITERALS": `fstring` to `fstring_format_spec`, and the invalid rules
//! `invalid_replacement_field` and `invalid_conversion_character`).

use crate::decode::string::decode_str;
use crate::lexer::{Kind, Raw};
use crate::value::PyStrBuf;

use super::ast::{NodeId, NodeKind};
use super::parser::Parser;

/// What `fstring_middle` matched.
enum Middle {
    /// A replacement field.
    Field,
    /// Literal text: its `FSTRING_MIDDLE` token.
    Text(usize),
}

impl Parser<'_> {
    /// Whether the token at the mark is an `FSTRING_MIDDLE` (a lookahead).
    fn at_fstring_middle(&mut self) -> bool {
        matches!(self.peek_kind(), Some(Kind::FStringMiddle { .. }))
    }

    /// Consumes an `FSTRING_MIDDLE` token.
    fn fstring_middle_token(&mut self) -> Option<usize> {
        self.expect_with(|k| matches!(k, Kind::FStringMiddle { .. }))
    }

    /// `fstring: FSTRING_START fstring_middle* FSTRING_END`; its action
    /// (`_PyPegen_joined_str`) decodes the literal text, which can raise.
    pub(super) fn fstring(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.expect_kind(Kind::FStringStart)?;
            let middles = p.repeat(Self::fstring_middle);
            p.expect_kind(Kind::FStringEnd)?;
            for middle in middles {
                if let Middle::Text(at) = middle {
                    p.decode_fstring_text(at)?;
                }
            }
            Some(p.node(NodeKind::JoinedStr, start))
        })
    }

    /// `fstring_middle: fstring_replacement_field | FSTRING_MIDDLE`
    fn fstring_middle(&mut self) -> Option<Middle> {
        self.rule(|p| {
            if p.fstring_replacement_field().is_some() {
                return Some(Middle::Field);
            }
            p.fstring_middle_token().map(Middle::Text)
        })
    }

    /// Decodes the literal text of `FSTRING_MIDDLE` token `at` (escape
    /// sequences), raising CPython's error at the last token read when it
    /// does not decode.
    fn decode_fstring_text(&mut self, at: usize) -> Option<()> {
        let Some(Kind::FStringMiddle { raw }) = self.token(at).map(|t| t.kind) else {
            return Some(());
        };
        let mut text = self.text(at);
        if raw || !text.contains('\\') {
            return Some(());
        }
        // A backslash before a field's `{` ends the text; CPython keeps it
        // as a backslash.
        let trailing = text.len() - text.trim_end_matches('\\').len();
        if trailing % 2 == 1 {
            text = &text[..text.len() - 1];
        }
        let decoded = decode_str(text, false, self.unicode, &mut PyStrBuf::new(), &mut None);
        if let Err(error) = decoded {
            self.raise_at_string_end(error.message);
            return None;
        }
        Some(())
    }

    /// `(yield_expr | star_expressions)`, the value of a field
    /// (`annotated_rhs` in 3.13).
    fn annotated_rhs(&mut self) -> Option<NodeId> {
        let value = self.yield_expr();
        if value.is_some() {
            return value;
        }
        self.star_expressions()
    }

    /// `fstring_replacement_field: '{' (yield_expr | star_expressions) '='?
    ///  [fstring_conversion] [fstring_full_format_spec] '}'
    ///  | invalid_replacement_field`; the action (`_PyPegen_formatted_value`)
    /// checks the conversion character.
    pub(super) fn fstring_replacement_field(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let field = p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                p.annotated_rhs()?;
                p.expect(Raw::Equal);
                let conversion = p.fstring_conversion();
                p.fstring_full_format_spec();
                p.expect(Raw::RBrace)?;
                Some(conversion)
            });
            if let Some(conversion) = field {
                if let Some(name) = conversion {
                    let text = p.text(name);
                    if !matches!(text, "s" | "r" | "a") {
                        let message = format!(
                            "f-string: invalid conversion character '{text}': expected 's', 'r', or 'a'"
                        );
                        p.raise_at_token(message, name);
                        return None;
                    }
                }
                return Some(p.node(NodeKind::JoinedStr, start));
            }
            if p.invalid {
                p.attempt(Self::invalid_replacement_field);
            }
            None
        })
    }

    /// `fstring_conversion: "!" NAME`; the `NAME` token. The action
    /// (`_PyPegen_check_fstring_conversion`) wants the two adjacent.
    fn fstring_conversion(&mut self) -> Option<usize> {
        self.rule(|p| {
            let bang = p.expect(Raw::Exclamation)?;
            let name = p.name()?;
            let (start, bang_end) = p.token(bang).map_or((0, 0), |t| (t.start, t.end));
            let (name_start, end) = p.token(name).map_or((0, 0), |t| (t.start, t.end));
            if bang_end != name_start {
                p.raise(
                    "f-string: conversion type must come right after the exclamanation mark",
                    start,
                    end,
                );
                return None;
            }
            Some(name)
        })
    }

    /// `fstring_full_format_spec: ':' fstring_format_spec*`
    fn fstring_full_format_spec(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect(Raw::Colon)?;
            p.repeat(Self::fstring_format_spec);
            Some(())
        })
    }

    /// `fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field`;
    /// the text is decoded at once (`_PyPegen_decoded_constant_from_token`).
    fn fstring_format_spec(&mut self) -> Option<()> {
        self.rule(|p| {
            if let Some(at) = p.fstring_middle_token() {
                return p.decode_fstring_text(at);
            }
            p.fstring_replacement_field().map(|_| ())
        })
    }

    /// `invalid_replacement_field`: what is missing or wrong in a field,
    /// from its start.
    fn invalid_replacement_field(&mut self) -> Option<()> {
        self.rule(|p| {
            // '{' a=('=' | '!' | ':' | '}')
            let missing = p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                let a = p.expect_with(|k| {
                    matches!(
                        k,
                        Kind::Raw(Raw::Equal | Raw::Exclamation | Raw::Colon | Raw::RBrace)
                    )
                })?;
                Some(a)
            });
            if let Some(a) = missing {
                let message = format!("f-string: valid expression required before '{}'", p.text(a));
                p.raise_at_token(message, a);
                return None;
            }
            // '{' !(yield_expr | star_expressions)
            let no_value = p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                (!p.ahead(Self::annotated_rhs)).then_some(())
            });
            if no_value.is_some() {
                p.raise_on_next_token("f-string: expecting a valid expression after '{'");
                return None;
            }
            // '{' (yield_expr | star_expressions) !('=' | '!' | ':' | '}')
            let after_value = p.attempt(|p| {
                p.field_value()?;
                (!p.ahead(|p| {
                    p.expect_with(|k| {
                        matches!(
                            k,
                            Kind::Raw(Raw::Equal | Raw::Exclamation | Raw::Colon | Raw::RBrace)
                        )
                    })
                }))
                .then_some(())
            });
            if after_value.is_some() {
                p.raise_on_next_token("f-string: expecting '=', or '!', or ':', or '}'");
                return None;
            }
            // '{' (yield_expr | star_expressions) '=' !('!' | ':' | '}')
            let after_debug = p.attempt(|p| {
                p.field_value()?;
                p.expect(Raw::Equal)?;
                (!p.ahead(|p| {
                    p.expect_with(|k| {
                        matches!(k, Kind::Raw(Raw::Exclamation | Raw::Colon | Raw::RBrace))
                    })
                }))
                .then_some(())
            });
            if after_debug.is_some() {
                p.raise_on_next_token("f-string: expecting '!', or ':', or '}'");
                return None;
            }
            // '{' (yield_expr | star_expressions) '='? invalid_conversion_character
            p.attempt(|p| {
                p.field_value()?;
                p.expect(Raw::Equal);
                p.invalid_conversion_character()
            });
            if p.stop {
                return None;
            }
            // '{' (yield_expr | star_expressions) '='? ['!' NAME] !(':' | '}')
            let after_conversion = p.attempt(|p| {
                p.field_value_and_conversion()?;
                (!p.ahead(|p| p.expect_with(|k| matches!(k, Kind::Raw(Raw::Colon | Raw::RBrace)))))
                    .then_some(())
            });
            if after_conversion.is_some() {
                p.raise_on_next_token("f-string: expecting ':' or '}'");
                return None;
            }
            // '{' (yield_expr | star_expressions) '='? ['!' NAME] ':' fstring_format_spec* !'}'
            let after_spec = p.attempt(|p| {
                p.field_value_and_conversion()?;
                p.expect(Raw::Colon)?;
                p.repeat(Self::fstring_format_spec);
                (!p.ahead(|p| p.expect(Raw::RBrace))).then_some(())
            });
            if after_spec.is_some() {
                p.raise_on_next_token("f-string: expecting '}', or format specs");
                return None;
            }
            // '{' (yield_expr | star_expressions) '='? ['!' NAME] !'}'
            p.field_value_and_conversion()?;
            if !p.ahead(|p| p.expect(Raw::RBrace)) {
                p.raise_on_next_token("f-string: expecting '}'");
            }
            None
        })
    }

    /// `'{' (yield_expr | star_expressions)`
    fn field_value(&mut self) -> Option<NodeId> {
        self.expect(Raw::LBrace)?;
        self.annotated_rhs()
    }

    /// `'{' (yield_expr | star_expressions) '='? ['!' NAME]`
    fn field_value_and_conversion(&mut self) -> Option<()> {
        self.field_value()?;
        self.expect(Raw::Equal);
        self.attempt(|p| {
            p.expect(Raw::Exclamation)?;
            p.name()
        });
        Some(())
    }

    /// `invalid_conversion_character: '!' &(':' | '}') | '!' !NAME`
    fn invalid_conversion_character(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect(Raw::Exclamation)?;
            if p.ahead(|p| p.expect_with(|k| matches!(k, Kind::Raw(Raw::Colon | Raw::RBrace)))) {
                p.raise_on_next_token("f-string: missing conversion character");
                return None;
            }
            if !p.ahead(Self::name) {
                p.raise_on_next_token("f-string: invalid conversion character");
            }
            None
        })
    }

    /// `'lambda' [lambda_params] ':' &FSTRING_MIDDLE`, the last alternative
    /// of `invalid_expression` (3.12+): a lambda whose body the tokenizer
    /// took for a format spec.
    pub(super) fn invalid_fstring_lambda(&mut self) -> Option<()> {
        self.rule(|p| {
            let a = p.expect(Raw::Lambda)?;
            p.lambda_params();
            let b = p.expect(Raw::Colon)?;
            if p.at_fstring_middle() {
                let start = p.token(a).map_or(0, |t| t.start);
                let end = p.token(b).map_or(start, |t| t.end);
                p.raise(
                    "f-string: lambda expressions are not allowed without parentheses",
                    start,
                    end,
                );
            }
            None
        })
    }
}
