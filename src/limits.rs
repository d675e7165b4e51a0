//! Resource limits for one parse.

/// Limits that bound the work and memory one call may use.
///
/// `Limits::default()` behaves like CPython's `ast.literal_eval`: at most 200
/// nested brackets and at most 4300 digits in a decimal `int` literal; input
/// size and node count are unbounded (safelit's memory use is linear in the
/// input size, so these two exist for callers that want a hard cap).
///
/// ```
/// use safelit::{parse_with, ErrorKind, LimitKind, Limits};
/// let limits = Limits { max_depth: 2, ..Limits::default() };
/// assert!(parse_with("[[1]]", &limits).is_ok());
/// let err = parse_with("[[[1]]]", &limits).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::Depth));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Maximum number of simultaneously open brackets `(`, `[`, `{`
    /// (f-string replacement fields count too). Default **200**, CPython's
    /// tokenizer limit (`MAXLEVEL`): 200 nested brackets parse, 201 fail.
    pub max_depth: usize,
    /// Maximum number of digits in a decimal `int` literal (underscores and
    /// sign not counted); `0` means unlimited. Default **4300**, CPython's
    /// `sys.get_int_max_str_digits()` default. Hexadecimal, octal and binary
    /// literals are exempt, as in CPython.
    pub max_int_digits: usize,
    /// Maximum input size in bytes, checked before anything else.
    /// Default: unlimited (`usize::MAX`).
    pub max_input_bytes: usize,
    /// Maximum number of values (scalars and containers) the result may hold.
    /// Default: unlimited (`usize::MAX`).
    ///
    /// Values are counted as the parser reads them, like brackets for
    /// `max_depth`, so this limit can trip before a conversion error later
    /// in the text would be reported: with `max_nodes = 2`, `[{([],)}]` is a
    /// limit error at the set, not the `TypeError` its unhashable element
    /// gives without the limit.
    pub max_nodes: usize,
}

impl Limits {
    /// CPython's own limits; the same as `Limits::default()`.
    ///
    /// ```
    /// assert_eq!(safelit::Limits::CPYTHON.max_int_digits, 4300);
    /// ```
    pub const CPYTHON: Limits = Limits {
        max_depth: 200,
        max_int_digits: 4300,
        max_input_bytes: usize::MAX,
        max_nodes: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::CPYTHON
    }
}
