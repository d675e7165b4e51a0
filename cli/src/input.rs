//! Input sources: files or standard input, read whole (with a size cap)
//! or line by line (with a per-line cap), and UTF-8 decoding that says
//! where the first invalid byte is.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where input comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// Standard input (`-` or no argument).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// An open source: a reader and, when known, its size in bytes.
pub struct Opened {
    /// The bytes of the source.
    pub reader: Box<dyn Read>,
    /// The size, for a regular file.
    pub size: Option<u64>,
}

impl Source {
    /// The source an argument names: `-` (or none) is standard input.
    pub fn from_arg(arg: Option<&Path>) -> Source {
        match arg {
            Some(path) if path != Path::new("-") => Source::File(path.to_owned()),
            _ => Source::Stdin,
        }
    }

    /// The name used in messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> io::Result<Opened> {
        match self {
            Source::Stdin => Ok(Opened {
                reader: Box::new(io::stdin()),
                size: None,
            }),
            Source::File(path) => {
                let file = File::open(path)?;
                let meta = file.metadata()?;
                if meta.is_dir() {
                    return Err(io::Error::other("is a directory"));
                }
                let size = meta.is_file().then_some(meta.len());
                Ok(Opened {
                    reader: Box::new(file),
                    size,
                })
            }
        }
    }
}

/// Why a whole document could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The reader failed.
    Io(io::Error),
    /// The input has more than this many bytes (`--max-input-bytes`).
    TooLarge(usize),
}

/// Reads all of `reader`, refusing (without reading on) more than `cap`
/// bytes.
pub fn read_document(
    reader: &mut dyn Read,
    size: Option<u64>,
    cap: usize,
) -> Result<Vec<u8>, ReadError> {
    let cap_u64 = u64::try_from(cap).unwrap_or(u64::MAX);
    if size.is_some_and(|n| n > cap_u64) {
        return Err(ReadError::TooLarge(cap));
    }
    let hint = size.map_or(0, |n| usize::try_from(n).unwrap_or(0));
    let mut buf = Vec::with_capacity(hint.saturating_add(1));
    reader
        .take(cap_u64.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() > cap {
        return Err(ReadError::TooLarge(cap));
    }
    Ok(buf)
}

/// The first invalid UTF-8 byte of some input: where it is, and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadUtf8 {
    /// Byte offset of the first invalid byte.
    pub offset: usize,
    /// The invalid byte.
    pub byte: u8,
    /// 1-based line (lines end at `\n`, `\r\n` or `\r`).
    pub line: usize,
    /// 1-based column in code points.
    pub column: usize,
    /// The line's valid text before the invalid byte.
    pub line_text: String,
}

/// Decodes UTF-8, or says where the first invalid byte is.
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, BadUtf8> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, line_start) = line_of(valid, offset);
        let line_text = valid[line_start..].to_owned();
        BadUtf8 {
            offset,
            byte: bytes.get(offset).copied().unwrap_or(0),
            line,
            column: line_text.chars().count() + 1,
            line_text,
        }
    })
}

/// The 1-based line holding byte `offset` of `text`, and the byte offset
/// where that line starts; lines end at `\n`, `\r\n` or a lone `\r`.
pub fn line_of(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut line = 1;
    let mut start = 0;
    for (i, &b) in bytes[..end].iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if breaks {
            line += 1;
            start = i + 1;
        }
    }
    (line, start)
}

/// The text of the line starting at byte `start`, without its line break.
pub fn line_at(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or_default();
    rest.split(['\n', '\r']).next().unwrap_or_default()
}

/// One line read by [`LineReader`].
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line without `\n` / `\r\n`; at most the cap plus two bytes.
    pub bytes: &'a [u8],
    /// The line was longer than the cap (the rest was skipped).
    pub too_long: bool,
}

/// Reads lines one at a time into one reused buffer, keeping at most
/// `cap + 2` bytes of each, so memory stays bounded per line.
pub struct LineReader<R> {
    /// The input.
    reader: BufReader<R>,
    /// Longest line kept, in bytes (without the line end).
    cap: usize,
    /// Number of the last line returned.
    number: usize,
    /// The current line, reused.
    buf: Vec<u8>,
    /// Bytes read so far.
    consumed: u64,
}

impl<R: Read> LineReader<R> {
    /// A reader of the lines of `reader`, keeping at most `cap + 2` bytes
    /// of each line.
    pub fn new(reader: R, cap: usize) -> Self {
        LineReader {
            reader: BufReader::with_capacity(64 * 1024, reader),
            cap,
            number: 0,
            buf: Vec::new(),
            consumed: 0,
        }
    }

    /// Bytes read so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Whether the next read may block (nothing is buffered): the moment
    /// to flush output for whoever waits on it.
    pub fn would_block(&self) -> bool {
        self.reader.buffer().is_empty()
    }

    /// The next line, or `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        // Room for the cap plus `\r\n`: a line is too long when cut, or
        // when its text without the line end is over the cap.
        let keep = self.cap.saturating_add(2);
        let mut too_long = false;
        let mut seen_any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            seen_any = true;
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = keep.saturating_sub(self.buf.len());
            if room < take {
                too_long = true;
            }
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            self.reader.consume(take);
            self.consumed += take as u64;
            if done {
                break;
            }
        }
        if !seen_any {
            return Ok(None);
        }
        self.number += 1;
        let mut line = self.buf.as_slice();
        if let Some(rest) = line.strip_suffix(b"\n") {
            line = rest.strip_suffix(b"\r").unwrap_or(rest);
        }
        if line.len() > self.cap {
            too_long = true;
        }
        Ok(Some(Line {
            number: self.number,
            bytes: line,
            too_long,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<(usize, String, bool)> {
        let mut reader = LineReader::new(input, cap);
        let mut out = Vec::new();
        while let Ok(Some(line)) = reader.next_line() {
            out.push((
                line.number,
                String::from_utf8_lossy(line.bytes).into_owned(),
                line.too_long,
            ));
        }
        out
    }

    #[test]
    fn splits_lines_and_strips_line_ends() {
        assert_eq!(
            lines(b"1\n[2]\r\n\nlast", usize::MAX),
            [
                (1, "1".into(), false),
                (2, "[2]".into(), false),
                (3, "".into(), false),
                (4, "last".into(), false)
            ]
        );
        assert_eq!(lines(b"", usize::MAX), []);
        assert_eq!(lines(b"x\n", usize::MAX), [(1, "x".into(), false)]);
    }

    #[test]
    fn caps_long_lines_and_goes_on() {
        assert_eq!(
            lines(b"12345\n123\n1234", 4),
            [
                (1, "12345".into(), true),
                (2, "123".into(), false),
                (3, "1234".into(), false)
            ]
        );
        let long = vec![b'7'; 200_000];
        let got = lines(&[long.as_slice(), b"\n1\n"].concat(), 10);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].1.len(), got[0].2), (12, true));
        assert_eq!(
            lines(b"1234\r\n1234\n", 4),
            [(1, "1234".into(), false), (2, "1234".into(), false)]
        );
        assert_eq!(got[1], (2, "1".into(), false));
    }

    #[test]
    fn bad_utf8_is_located() {
        let err = decode_utf8(b"[1,\n 'caf\xe9']".to_vec()).err();
        assert_eq!(
            err,
            Some(BadUtf8 {
                offset: 9,
                byte: 0xE9,
                line: 2,
                column: 6,
                line_text: " 'caf".into()
            })
        );
    }

    #[test]
    fn documents_over_the_cap_are_refused() {
        let mut r: &[u8] = b"12345";
        assert!(matches!(
            read_document(&mut r, None, 4),
            Err(ReadError::TooLarge(4))
        ));
        let mut r: &[u8] = b"1234";
        assert!(matches!(read_document(&mut r, None, 4), Ok(v) if v == b"1234"));
        let mut r: &[u8] = b"";
        assert!(matches!(
            read_document(&mut r, Some(10), 4),
            Err(ReadError::TooLarge(4))
        ));
    }
}
