//! Atoms, displays and comprehensions (Grammar/python.gram, `atom` to
//! `dictcomp`).

use crate::decode::string::{decode_bytes, decode_str};
use crate::lexer::{Kind, Raw, StrToken};
use crate::value::PyStrBuf;

use super::ast::{Const, NodeId, NodeKind};
use super::parser::{Parser, Rule};

/// CPython's message for a bytes literal holding a non-ASCII character.
const BYTES_NON_ASCII: &str = "bytes can only contain ASCII literal characters";

impl Parser<'_> {
    /// `atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
    ///  | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
    ///  | &'{' (dict | set | dictcomp | setcomp) | '...'`
    pub(super) fn atom(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Atom, |p| {
            let start = p.mark;
            let raw = match p.peek_kind()? {
                Kind::Raw(raw) => raw,
                // `&FSTRING_START strings` (3.12+)
                Kind::FStringStart => return p.strings(),
                _ => return None,
            };
            let constant = match raw {
                Raw::Name => Some(NodeKind::Name),
                Raw::True => Some(NodeKind::Constant(Const::True)),
                Raw::False => Some(NodeKind::Constant(Const::False)),
                Raw::None => Some(NodeKind::Constant(Const::None)),
                Raw::Number(_) => Some(NodeKind::Constant(Const::Literal)),
                Raw::Ellipsis => Some(NodeKind::Constant(Const::Ellipsis)),
                _ => None,
            };
            if let Some(kind) = constant {
                p.mark += 1;
                return Some(p.node(kind, start));
            }
            match raw {
                Raw::String(_) => p.strings(),
                Raw::LPar => p.first_of(&[Self::tuple, Self::group, Self::genexp]),
                Raw::LSqb => p.first_of(&[Self::list, Self::listcomp]),
                Raw::LBrace => p.first_of(&[Self::dict, Self::set, Self::dictcomp, Self::setcomp]),
                _ => None,
            }
        })
    }

    /// An ordered choice between whole rules.
    pub(super) fn first_of(&mut self, rules: &[fn(&mut Self) -> Option<NodeId>]) -> Option<NodeId> {
        for rule in rules {
            let result = rule(self);
            if result.is_some() || self.stop {
                return result;
            }
        }
        None
    }

    /// `strings (memo): STRING+`; an f-string among them makes a `JoinedStr`.
    /// Its action decodes the pieces, which can raise. From 3.12 on:
    /// `strings (memo): (fstring | string)+`.
    fn strings(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::Strings, |p| {
            if p.at_least_3_12() {
                return p.strings_3_12();
            }
            let start = p.mark;
            let pieces = p.repeat1(|p| {
                let kind = p.peek_kind()?;
                let Kind::Raw(Raw::String(s)) = kind else {
                    return None;
                };
                p.mark += 1;
                Some((p.mark - 1, s))
            })?;
            p.concatenate_strings(&pieces)?;
            let kind = if pieces.iter().any(|(_, s)| s.prefix.fstring) {
                NodeKind::JoinedStr
            } else {
                NodeKind::Constant(Const::Literal)
            };
            Some(p.node(kind, start))
        })
    }

    /// `(fstring | string)+` (3.12+): each `string` decodes as it is read
    /// (`_PyPegen_constant_from_string`); then `_PyPegen_concatenate_strings`
    /// rejects bytes mixed with anything else.
    fn strings_3_12(&mut self) -> Option<NodeId> {
        let start = self.mark;
        let pieces = self.repeat1(|p| {
            if p.fstring().is_some() {
                return Some(None);
            }
            let Some(Kind::Raw(Raw::String(s))) = p.peek_kind() else {
                return None;
            };
            p.mark += 1;
            p.decode_piece(p.mark - 1, s)?;
            Some(Some(s.prefix.bytes))
        })?;
        let bytes = pieces.iter().filter(|&&b| b == Some(true)).count();
        if bytes > 0 && bytes < pieces.len() {
            self.raise_at_string_end("cannot mix bytes and nonbytes literals");
            return None;
        }
        let kind = if pieces.contains(&None) {
            NodeKind::JoinedStr
        } else {
            NodeKind::Constant(Const::Literal)
        };
        Some(self.node(kind, start))
    }

    /// Decodes string `piece` (token `at`), raising its error.
    fn decode_piece(&mut self, at: usize, piece: StrToken) -> Option<()> {
        let body = self.src.get(piece.body_start..piece.body_end).unwrap_or("");
        let decoded = if piece.prefix.fstring {
            Ok(())
        } else if piece.prefix.bytes {
            decode_bytes(body, piece.prefix.raw, &mut Vec::new(), &mut None)
        } else {
            decode_str(
                body,
                piece.prefix.raw,
                self.unicode,
                &mut PyStrBuf::new(),
                &mut None,
            )
        };
        if let Err(error) = decoded {
            if error.message == BYTES_NON_ASCII {
                // CPython puts this one on the string token.
                self.raise_at_token(error.message, at);
            } else {
                self.raise_at_string_end(error.message);
            }
            return None;
        }
        Some(())
    }

    /// The checks of `_PyPegen_concatenate_strings`, piece by piece: each
    /// piece decodes, bytes are not mixed with str, and f-strings are
    /// parsed (when the parser was given what to check them with).
    fn concatenate_strings(&mut self, pieces: &[(usize, StrToken)]) -> Option<()> {
        let mut bytes_mode = None;
        for &(at, piece) in pieces {
            self.decode_piece(at, piece)?;
            match bytes_mode {
                Some(mode) if mode != piece.prefix.bytes => {
                    self.raise_at_string_end("cannot mix bytes and nonbytes literals");
                    return None;
                }
                _ => bytes_mode = Some(piece.prefix.bytes),
            }
            if piece.prefix.fstring {
                self.check_fstring(piece)?;
            }
        }
        Some(())
    }

    /// The contents of an f-string token (3.11), checked as the literal
    /// path does; raises their error.
    fn check_fstring(&mut self, piece: StrToken) -> Option<()> {
        let Some((config, depth)) = &self.fstring_check else {
            return Some(());
        };
        let body = self.src.get(piece.body_start..piece.body_end).unwrap_or("");
        let checked = crate::parser::fstring::check(
            body,
            piece.body_start,
            piece.prefix.raw,
            config,
            *depth,
            &mut Vec::new(),
        );
        match checked {
            Ok(()) => Some(()),
            Err(crate::parser::fstring::FStringError::Anchored(message)) => {
                self.raise_at_string_end(message);
                None
            }
            Err(crate::parser::fstring::FStringError::Located(error)) => {
                self.raise_error(error);
                None
            }
        }
    }

    /// Raises an error of the `strings` action at the last token read, as
    /// `RAISE_SYNTAX_ERROR` does; at the end of the input, that is the last
    /// character of the input.
    pub(super) fn raise_at_string_end(&mut self, message: impl Into<String>) {
        let last_char = self.src.char_indices().next_back().map_or(0, |(i, _)| i);
        match self.last_read() {
            Some(t) if !matches!(t.kind, Kind::EndMarker) => {
                self.raise(message, t.start, t.end);
            }
            _ => self.raise(message, last_char, last_char),
        }
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'`
    pub(super) fn tuple(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.expect(Raw::LPar)?;
            let elts = p
                .attempt(|p| {
                    let first = p.star_named_expression()?;
                    p.expect(Raw::Comma)?;
                    let rest = p.star_named_expressions().unwrap_or_default();
                    Some(std::iter::once(first).chain(rest).collect())
                })
                .unwrap_or_default();
            p.expect(Raw::RPar)?;
            Some(p.node(NodeKind::Tuple(elts), start))
        })
    }

    /// `group: '(' (yield_expr | named_expression) ')' | invalid_group`
    fn group(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let group = p.attempt(|p| {
                p.expect(Raw::LPar)?;
                let inner = p.yield_expr().or_else(|| p.named_expression())?;
                p.expect(Raw::RPar)?;
                Some(inner)
            });
            if group.is_some() {
                return group;
            }
            if p.invalid {
                p.attempt(Self::invalid_group);
            }
            None
        })
    }

    /// `genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    ///  | invalid_comprehension`
    pub(super) fn genexp(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let genexp = p.attempt(|p| {
                p.expect(Raw::LPar)?;
                p.assignment_or_expression()?;
                p.for_if_clauses()?;
                p.expect(Raw::RPar)?;
                Some(p.node(NodeKind::GeneratorExp, start))
            });
            if genexp.is_some() {
                return genexp;
            }
            if p.invalid {
                p.attempt(Self::invalid_comprehension);
            }
            None
        })
    }

    /// `list: '[' [star_named_expressions] ']'`
    pub(super) fn list(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.expect(Raw::LSqb)?;
            let elts = p.star_named_expressions().unwrap_or_default();
            p.expect(Raw::RSqb)?;
            Some(p.node(NodeKind::List(elts), start))
        })
    }

    /// `listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension`
    fn listcomp(&mut self) -> Option<NodeId> {
        self.comprehension(Raw::LSqb, Raw::RSqb, NodeKind::ListComp)
    }

    /// `setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension`
    fn setcomp(&mut self) -> Option<NodeId> {
        self.comprehension(Raw::LBrace, Raw::RBrace, NodeKind::SetComp)
    }

    /// The shape of `listcomp` and `setcomp`.
    fn comprehension(&mut self, open: Raw, close: Raw, kind: NodeKind) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let comprehension = p.attempt(|p| {
                p.expect(open)?;
                p.named_expression()?;
                p.for_if_clauses()?;
                p.expect(close)?;
                Some(p.node(kind, start))
            });
            if comprehension.is_some() {
                return comprehension;
            }
            if p.invalid {
                p.attempt(Self::invalid_comprehension);
            }
            None
        })
    }

    /// `set: '{' star_named_expressions '}'`
    fn set(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            p.expect(Raw::LBrace)?;
            p.star_named_expressions()?;
            p.expect(Raw::RBrace)?;
            Some(p.node(NodeKind::Set, start))
        })
    }

    /// `dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'`
    fn dict(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let dict = p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                p.double_starred_kvpairs();
                p.expect(Raw::RBrace)?;
                Some(p.node(NodeKind::Dict, start))
            });
            if dict.is_some() {
                return dict;
            }
            // Not guarded by `call_invalid_rules`: CPython tries this in the
            // first pass too.
            p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                p.invalid_double_starred_kvpairs()?;
                p.expect(Raw::RBrace)
            });
            None
        })
    }

    /// `double_starred_kvpairs: ','.double_starred_kvpair+ [',']`
    fn double_starred_kvpairs(&mut self) -> Option<()> {
        self.rule(|p| {
            p.gather(Raw::Comma, Self::double_starred_kvpair)?;
            p.expect(Raw::Comma);
            Some(())
        })
    }

    /// `double_starred_kvpair: '**' bitwise_or | kvpair`
    pub(super) fn double_starred_kvpair(&mut self) -> Option<()> {
        self.rule(|p| {
            let unpacked = p.attempt(|p| {
                p.expect(Raw::DoubleStar)?;
                p.bitwise_or()
            });
            if unpacked.is_some() {
                return Some(());
            }
            p.kvpair()
        })
    }

    /// `kvpair: expression ':' expression`
    fn kvpair(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expression()?;
            p.expect(Raw::Colon)?;
            p.expression()?;
            Some(())
        })
    }

    /// `dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension`
    fn dictcomp(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            let start = p.mark;
            let dictcomp = p.attempt(|p| {
                p.expect(Raw::LBrace)?;
                p.kvpair()?;
                p.for_if_clauses()?;
                p.expect(Raw::RBrace)?;
                Some(p.node(NodeKind::DictComp, start))
            });
            if dictcomp.is_some() {
                return dictcomp;
            }
            if p.invalid {
                p.attempt(Self::invalid_dict_comprehension);
            }
            None
        })
    }

    /// `for_if_clauses: for_if_clause+`; the last item of the last clause
    /// (`_PyPegen_get_last_comprehension_item`).
    pub(super) fn for_if_clauses(&mut self) -> Option<NodeId> {
        self.memo_rule(Rule::ForIfClauses, |p| {
            p.repeat1(Self::for_if_clause)?.last().copied()
        })
    }

    /// `for_if_clause: ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///  | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///  | invalid_for_target`, and in 3.13 the `'in'`-expected alternative
    /// before `invalid_for_target`; the clause's last item.
    fn for_if_clause(&mut self) -> Option<NodeId> {
        self.rule(|p| {
            for is_async in [true, false] {
                let mut cut = false;
                let clause = p.attempt(|p| {
                    if is_async {
                        p.expect(Raw::Async)?;
                    }
                    p.expect(Raw::For)?;
                    p.star_targets()?;
                    p.expect(Raw::In)?;
                    cut = true;
                    let iter = p.disjunction()?;
                    let ifs = p.repeat(|p| {
                        p.expect(Raw::If)?;
                        p.disjunction()
                    });
                    Some(ifs.last().copied().unwrap_or(iter))
                });
                if clause.is_some() || cut || p.stop {
                    return clause;
                }
            }
            // 3.13.0 has this alternative inline, not as an invalid rule:
            // it applies in the first pass and under
            // `expression_without_invalid` too.
            if p.at_least_3_13() {
                p.attempt(Self::invalid_for_if_clause);
            }
            if p.invalid {
                p.attempt(Self::invalid_for_target);
            }
            None
        })
    }

    /// `'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'`, raising
    /// "'in' expected after for-loop variables" (3.13)
    fn invalid_for_if_clause(&mut self) -> Option<()> {
        self.rule(|p| {
            p.expect(Raw::Async);
            p.expect(Raw::For)?;
            p.gather(Raw::Comma, Self::bitwise_or)?;
            p.expect(Raw::Comma);
            if !p.ahead(|p| p.expect(Raw::In)) {
                p.raise_at_last_read("'in' expected after for-loop variables");
            }
            None
        })
    }
}
