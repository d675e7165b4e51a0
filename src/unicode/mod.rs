//! Unicode data as CPython 3.11 (Unicode 14.0.0) sees it: character names for
//! `\N{...}`, identifier characters, printable characters. (stub: being written)

/// The character `\N{name}` denotes, with CPython's rules.
pub(crate) fn lookup_name(name: &str) -> Option<char> {
    let _ = name;
    todo!("lookup_name")
}

/// Python's `XID_Start` (plus `_`): may start an identifier.
pub(crate) fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Python's `XID_Continue`: may continue an identifier.
pub(crate) fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Python's `str.isprintable()` for one code point (surrogates: false).
pub(crate) fn is_printable(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(|c| !c.is_control())
}

/// Whether an identifier NFKC-normalizes to `set` (CPython normalizes names).
pub(crate) fn normalizes_to_set(name: &str) -> bool {
    name == "set"
}
