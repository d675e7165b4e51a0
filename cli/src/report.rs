//! Diagnostics in compiler style, for standard error:
//!
//! ```text
//! data.txt:3:7: error: invalid syntax
//!   [1, 2,, 3]
//!         ^
//! ```
//!
//! Source lines are shown as they are, except that control characters
//! become `�` (hostile input must not drive the terminal) and lines over
//! 120 characters are cut to a window around the caret.

use crate::input::{line_at, line_of, BadUtf8};
use safelit::{ErrorKind, LimitKind, Warning};
use std::io::Write as _;

/// Longest source line shown whole; longer ones are cut around the caret.
const MAX_SHOWN: usize = 120;
/// Characters shown before the caret in a cut line.
const BEFORE: usize = 40;

/// Writes `text` (one or more lines) to standard error. A failing standard
/// error is ignored: there is nowhere left to report it.
pub fn emit(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.write_all(b"\n");
}

/// `NAME:LINE: error: MESSAGE` (no line: `NAME: error: MESSAGE`).
pub fn plain(name: &str, line: Option<usize>, message: &str) -> String {
    match line {
        Some(line) => format!("{name}:{line}: error: {message}"),
        None => format!("{name}: error: {message}"),
    }
}

/// A parse error. `line` replaces the error's own line number (in
/// `--lines` mode, where each input line is parsed on its own).
pub fn parse_error(name: &str, line: Option<usize>, err: &safelit::Error) -> String {
    let line_no = line.unwrap_or(err.line());
    let mut message = err.message().to_owned();
    if let ErrorKind::Limit(kind) = err.kind() {
        message.push_str(match kind {
            LimitKind::Depth => "; raise the limit with --max-depth",
            LimitKind::IntDigits => "; raise the limit with --max-int-digits (0 = none)",
            LimitKind::InputBytes => "; raise the limit with --max-input-bytes",
            LimitKind::Nodes => "; raise the limit with --max-nodes",
            _ => "",
        });
    }
    let width = if err.end_line() == err.line() && err.end_column() > err.column() {
        let line_len = err.line_text().chars().count() + 1;
        err.end_column().min(line_len.max(err.column() + 1)) - err.column()
    } else {
        1
    };
    let mut out = format!("{name}:{line_no}:{}: error: {message}", err.column());
    push_snippet(&mut out, err.line_text(), err.column(), width);
    out
}

/// Input that is not UTF-8. `line` replaces the line number as in
/// [`parse_error`].
pub fn bad_utf8(name: &str, line: Option<usize>, bad: &BadUtf8) -> String {
    let line_no = line.unwrap_or(bad.line);
    let mut out = format!(
        "{name}:{line_no}:{}: error: invalid UTF-8: byte 0x{:02X} at offset {}",
        bad.column, bad.byte, bad.offset
    );
    push_snippet(&mut out, &bad.line_text, bad.column, 1);
    out
}

/// A warning CPython would emit for `text` (e.g. an invalid escape).
pub fn warning(name: &str, line: Option<usize>, text: &str, warning: &Warning) -> String {
    let (warn_line, start) = line_of(text, warning.offset());
    let line_text = line_at(text, start);
    let column = text
        .get(start..warning.offset())
        .map_or(1, |before| before.chars().count() + 1);
    let mut out = format!(
        "{name}:{}:{column}: warning: {}",
        line.unwrap_or(warn_line),
        warning.message()
    );
    push_snippet(&mut out, line_text, column, 1);
    out
}

/// Appends the source line and a caret line under `column` (1-based),
/// `width` carets wide.
fn push_snippet(out: &mut String, line_text: &str, column: usize, width: usize) {
    if line_text.is_empty() {
        return;
    }
    let chars: Vec<char> = line_text.chars().collect();
    let caret = column.saturating_sub(1).min(chars.len());
    let (start, end) = if chars.len() <= MAX_SHOWN {
        (0, chars.len())
    } else {
        let start = caret.saturating_sub(BEFORE);
        (start, (start + MAX_SHOWN).min(chars.len()))
    };
    let lead = if start > 0 { "..." } else { "" };
    out.push_str("\n  ");
    out.push_str(lead);
    out.extend(chars[start..end].iter().map(|&c| shown(c)));
    if end < chars.len() {
        out.push_str("...");
    }
    out.push_str("\n  ");
    out.push_str(&" ".repeat(lead.len()));
    // Pad with the line's own tabs so the caret lines up under them.
    out.extend(
        chars[start..caret]
            .iter()
            .map(|&c| if c == '\t' { '\t' } else { ' ' }),
    );
    let room = end.saturating_sub(caret).max(1);
    out.push_str(&"^".repeat(width.clamp(1, room)));
}

/// A character as shown in a source line: control characters other than
/// tab become U+FFFD.
fn shown(c: char) -> char {
    if c != '\t' && c.is_control() {
        char::REPLACEMENT_CHARACTER
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> safelit::Error {
        match safelit::parse(text) {
            Ok(v) => panic!("parsed: {v}"),
            Err(e) => e,
        }
    }

    #[test]
    fn compiler_style_with_caret() {
        assert_eq!(
            parse_error("f.txt", None, &err("[1, 2,, 3]")),
            "f.txt:1:7: error: invalid syntax\n  [1, 2,, 3]\n        ^"
        );
        assert_eq!(
            parse_error("<stdin>", Some(42), &err("\t[1, x]")),
            "<stdin>:42:6: error: malformed node or string on line 1: <ast.Name object>\n  \t[1, x]\n  \t    ^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let text = format!("[{}x, {}]", "1, ".repeat(100), "2, ".repeat(100));
        let shown = parse_error("f", None, &err(&text));
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("  ...") && lines[1].ends_with("..."));
        assert_eq!(lines[1].chars().count(), 2 + 3 + MAX_SHOWN + 3);
        let caret = lines[2].find('^').unwrap_or(0);
        assert_eq!(lines[1].get(caret..=caret), Some("x"));
    }

    #[test]
    fn control_characters_are_not_echoed() {
        let shown = parse_error("f", None, &err("[1, \u{1b}[31m]"));
        assert!(!shown.contains('\u{1b}'));
        assert!(shown.contains('\u{FFFD}'));
    }

    #[test]
    fn limit_errors_name_the_flag() {
        let limits = safelit::Limits {
            max_depth: 1,
            ..safelit::Limits::default()
        };
        let e = safelit::parse_with("[[1]]", &limits).err();
        let shown = e.map(|e| parse_error("f", None, &e)).unwrap_or_default();
        assert!(
            shown.contains("raise the limit with --max-depth"),
            "{shown}"
        );
    }

    #[test]
    fn warnings_point_at_the_escape() {
        let text = "[1,\n '\\d']";
        let limits = safelit::Limits::default();
        let warnings = safelit::parse_into(text, &limits, &mut safelit::ValueBuilder)
            .map(|(_, w)| w)
            .unwrap_or_default();
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warning("f", None, text, &warnings[0]),
            "f:2:3: warning: invalid escape sequence '\\d'\n   '\\d']\n    ^"
        );
    }
}
