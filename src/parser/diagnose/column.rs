//! The column CPython gives a parser error on a line its tokenizer reached
//! through a line continuation or a string spanning lines.
//!
//! CPython turns a parser error's byte column into code points with the
//! text of its tokenizer's buffer when the error is on the line the
//! tokenizer is reading (`_PyPegen_raise_error_known_location`), and that
//! buffer starts where the last line break *between tokens* was read: an
//! earlier line after a backslash continuation, or where a string spanning
//! lines began. Non-ASCII text on that earlier line then shifts the column:
//! in `'éééé' +\⏎    $` the `$` is at byte 4 of its line, and the first
//! 4 + 1 bytes of `'éééé' +\` are 3 characters, so CPython reports 2:3.

use crate::lexer::line_number;

use super::DiagToken;

/// CPython's 1-based column for a parser error starting at byte `start` of
/// `src` when its tokenizer buffer starts on an earlier line, given the
/// last token the tokenizer had read (`reached`); `None` when the plain
/// column applies, or at the end of the input (where CPython gives none).
pub(crate) fn buffer_column(src: &str, start: usize, reached: &DiagToken) -> Option<usize> {
    if start >= src.len() {
        return None;
    }
    let line_start = src.get(..start)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if reached.buffer >= line_start {
        return None;
    }
    // On an earlier line than the tokenizer, CPython reads the error's own
    // line again. (At the end of the input the tokenizer is still on the
    // last line, after its line break if it has one.)
    let mut reached_at = reached
        .end
        .saturating_sub(1)
        .max(reached.start)
        .min(src.len() - 1);
    while !src.is_char_boundary(reached_at) {
        reached_at -= 1;
    }
    if line_number(src, start) < line_number(src, reached_at) {
        return None;
    }
    // The buffer runs to the end of the tokenizer's line, its line break
    // included; CPython's tokenizer has turned `\r\n` and `\r` into `\n`.
    let rest = src.get(reached_at..)?;
    let line_end = match rest.find(['\n', '\r']) {
        Some(i) if rest[i..].starts_with("\r\n") => reached_at + i + 2,
        Some(i) => reached_at + i + 1,
        None => src.len(),
    };
    let buffer = src
        .get(reached.buffer..line_end)?
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    // `_PyPegen_byte_offset_to_character_offset` on the 1-based byte column.
    let byte_column = start - line_start + 1;
    let column = match buffer.as_bytes().get(..byte_column) {
        Some(prefix) => String::from_utf8_lossy(prefix).chars().count(),
        None => buffer.chars().count() + 1,
    };
    Some(column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::Kind;

    fn reached(start: usize, end: usize, buffer: usize) -> DiagToken {
        DiagToken {
            kind: Kind::EndMarker,
            start,
            end,
            level: 0,
            buffer,
        }
    }

    #[test]
    fn counts_from_the_buffer_start() {
        let src = "'éééé' +\\\n    $";
        let at = src.find('$').unwrap_or_default();
        assert_eq!(buffer_column(src, at, &reached(at, at + 1, 0)), Some(3));
    }

    #[test]
    fn plain_column_when_the_buffer_starts_on_the_line() {
        let src = "1,\n 'é' $";
        let at = src.find('$').unwrap_or_default();
        assert_eq!(buffer_column(src, at, &reached(at, at + 1, 3)), None);
    }

    #[test]
    fn plain_column_when_the_tokenizer_has_moved_on() {
        let src = "'é' +\\\n (1 2\n 3)";
        let at = src.find('2').unwrap_or_default();
        let last = src.len() - 1;
        assert_eq!(buffer_column(src, at, &reached(last, last + 1, 14)), None);
    }

    #[test]
    fn none_at_the_end_of_the_input() {
        let src = "1 +\\\n 1 +";
        assert_eq!(
            buffer_column(src, src.len(), &reached(src.len(), src.len(), 0)),
            None
        );
    }

    #[test]
    fn tokenizer_at_a_non_ascii_end() {
        let src = "x +\\\né é";
        assert_eq!(buffer_column(src, 8, &reached(10, 10, 0)), Some(4));
    }

    #[test]
    fn never_panics_on_offsets_past_the_text() {
        assert_eq!(buffer_column("ab", 1, &reached(7, 9, 5)), None);
        // A token past the end reads as the tokenizer at the last line.
        assert_eq!(buffer_column("a\nb", 2, &reached(9, 12, 0)), Some(1));
    }
}
