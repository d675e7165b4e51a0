//! Parser configuration: limits and the CPython version to reproduce.

use crate::builder::{Builder, ValueBuilder};
use crate::error::Error;
use crate::lexer::Warning;
use crate::limits::Limits;
use crate::value::Value;

/// The CPython version whose `ast.literal_eval` is reproduced.
///
/// The versions differ in f-strings (3.12 tokenizes them, PEP 701), in the
/// Unicode database behind `\N{…}` and identifiers, and in some error
/// messages and positions. The default is 3.11, the reference of the
/// parity tests.
///
/// ```
/// use safelit::{ErrorKind, Parser, PythonVersion};
/// let text = r#"f'{'a'}'"#; // same quotes inside: valid from 3.12 on
/// let kind = |v| Parser::new().with_python(v).parse(text).unwrap_err().kind();
/// assert_eq!(kind(PythonVersion::V3_11), ErrorKind::Syntax);
/// assert_eq!(kind(PythonVersion::V3_12), ErrorKind::Malformed);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PythonVersion {
    /// CPython 3.11 (Unicode 14.0).
    #[default]
    V3_11,
    /// CPython 3.12 (Unicode 15.0, PEP 701 f-strings).
    V3_12,
    /// CPython 3.13 (Unicode 15.1).
    V3_13,
}

impl PythonVersion {
    /// The version for a `(major, minor)` pair: 3.11 and older map to 3.11,
    /// 3.13 and newer to 3.13.
    ///
    /// ```
    /// use safelit::PythonVersion;
    /// assert_eq!(PythonVersion::from_minor(3, 12), PythonVersion::V3_12);
    /// assert_eq!(PythonVersion::from_minor(3, 9), PythonVersion::V3_11);
    /// ```
    pub fn from_minor(major: u32, minor: u32) -> PythonVersion {
        match (major, minor) {
            (3, 12) => PythonVersion::V3_12,
            (3, m) if m >= 13 => PythonVersion::V3_13,
            (m, _) if m > 3 => PythonVersion::V3_13,
            _ => PythonVersion::V3_11,
        }
    }

    /// The Unicode database of this version.
    pub(crate) fn unicode(self) -> crate::unicode::UnicodeVersion {
        use crate::unicode::UnicodeVersion;
        match self {
            PythonVersion::V3_11 => UnicodeVersion::V14_0,
            PythonVersion::V3_12 => UnicodeVersion::V15_0,
            PythonVersion::V3_13 => UnicodeVersion::V15_1,
        }
    }

    /// Whether f-strings are tokenized (PEP 701, CPython 3.12+).
    pub(crate) fn tokenizes_fstrings(self) -> bool {
        self >= PythonVersion::V3_12
    }
}

/// A configured parser: [`Limits`] and the [`PythonVersion`] to follow.
///
/// ```
/// use safelit::{Limits, Parser, PythonVersion};
/// let parser = Parser::new()
///     .with_limits(Limits { max_depth: 50, ..Limits::default() })
///     .with_python(PythonVersion::V3_12);
/// assert_eq!(parser.parse("[1, 2]").unwrap().to_string(), "[1, 2]");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parser {
    pub(crate) limits: Limits,
    pub(crate) version: PythonVersion,
}

impl Parser {
    /// A parser with CPython's default limits, following CPython 3.11.
    ///
    /// ```
    /// let parser = safelit::Parser::new();
    /// assert_eq!(parser.limits(), &safelit::Limits::default());
    /// ```
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Uses these limits.
    ///
    /// ```
    /// use safelit::{ErrorKind, LimitKind, Limits, Parser};
    /// let parser = Parser::new().with_limits(Limits { max_nodes: 2, ..Limits::default() });
    /// assert_eq!(parser.parse("[1, 2]").unwrap_err().kind(), ErrorKind::Limit(LimitKind::Nodes));
    /// ```
    pub fn with_limits(mut self, limits: Limits) -> Parser {
        self.limits = limits;
        self
    }

    /// Follows this CPython version.
    ///
    /// ```
    /// use safelit::{Parser, PythonVersion};
    /// let parser = Parser::new().with_python(PythonVersion::V3_13);
    /// assert_eq!(parser.python(), PythonVersion::V3_13);
    /// ```
    pub fn with_python(mut self, version: PythonVersion) -> Parser {
        self.version = version;
        self
    }

    /// The limits in use.
    ///
    /// ```
    /// assert_eq!(safelit::Parser::new().limits().max_depth, 200);
    /// ```
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The CPython version followed.
    ///
    /// ```
    /// use safelit::{Parser, PythonVersion};
    /// assert_eq!(Parser::new().python(), PythonVersion::V3_11);
    /// ```
    pub fn python(&self) -> PythonVersion {
        self.version
    }

    /// Parses a Python literal into a [`Value`].
    ///
    /// ```
    /// let v = safelit::Parser::new().parse("{1: 2}").unwrap();
    /// assert_eq!(v.to_string(), "{1: 2}");
    /// ```
    pub fn parse(&self, text: &str) -> Result<Value, Error> {
        self.parse_into(text, &mut ValueBuilder)
            .map(|(value, _warnings)| value)
    }

    /// Parses a Python literal, building it with `builder`; also returns
    /// CPython's warnings, in source order.
    ///
    /// ```
    /// use safelit::{Parser, ValueBuilder};
    /// let (v, warnings) = Parser::new().parse_into(r"'\w'", &mut ValueBuilder).unwrap();
    /// assert_eq!(v.to_string(), r"'\\w'");
    /// assert_eq!(warnings.len(), 1);
    /// ```
    pub fn parse_into<B: Builder>(
        &self,
        text: &str,
        builder: &mut B,
    ) -> Result<(B::Value, Vec<Warning>), Error> {
        crate::parser::parse_into(text, self, builder)
    }
}
