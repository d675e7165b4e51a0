//! Deep, long and huge inputs for the `limits` target, each with the
//! outcome it must have.
//!
//! A [`Case`] is a few [`Part`]s (nesting with every bracket kind, unary
//! sign chains, long strings full of escapes, huge ints in every base and
//! huge floats, long operator chains, many small containers, repeated raw
//! fragments), joined as one literal, a list, a bare tuple or plain
//! concatenation, with random [`Limits`] placed near and far from the
//! sizes generated. Where the generator knows what the text is
//! ([`Expect`]), the outcome must be exactly the value or one of the limit
//! errors that the sizes trip; otherwise only the general checks apply.

use arbitrary::{Arbitrary, Result, Unstructured};
use safelit::Limits;

/// Most bytes one case generates.
pub const MAX_TEXT: usize = 1 << 20;

/// What the text is, as far as the generator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A literal `literal_eval` converts.
    Literal,
    /// Valid Python that is not a literal (`ValueError`: malformed node).
    NonLiteral,
    /// Anything (possibly invalid Python).
    Unknown,
}

/// Sizes of a generated text that the limits apply to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    /// What the text is.
    pub kind: Kind,
    /// Deepest simultaneous bracket nesting.
    pub depth: usize,
    /// Values the parser builds (an upper bound unless `kind` is `Literal`).
    pub nodes: usize,
    /// Digits of the longest decimal int literal (not all zeros).
    pub digits: usize,
}

impl Expect {
    fn scalar(kind: Kind) -> Expect {
        Expect {
            kind,
            depth: 0,
            nodes: 1,
            digits: 0,
        }
    }

    /// Both texts side by side (as elements of one container).
    fn and(self, other: Expect) -> Expect {
        let kind = match (self.kind, other.kind) {
            (Kind::Unknown, _) | (_, Kind::Unknown) => Kind::Unknown,
            (Kind::Literal, Kind::Literal) => Kind::Literal,
            _ => Kind::NonLiteral,
        };
        Expect {
            kind,
            depth: self.depth.max(other.depth),
            nodes: self.nodes.saturating_add(other.nodes),
            digits: self.digits.max(other.digits),
        }
    }
}

/// One generated input.
#[derive(Debug)]
pub struct Case {
    /// The input.
    pub text: String,
    /// The limits to parse it with.
    pub limits: Limits,
    /// What the text is.
    pub expect: Expect,
}

/// One generated piece of text and what it is.
struct Part {
    text: String,
    expect: Expect,
}

impl<'a> Arbitrary<'a> for Case {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut limits = Limits {
            max_depth: pick(u, &[200, 200, 1_000, 100_000, usize::MAX])?,
            max_int_digits: pick(u, &[4300, 4300, 0, 100_000])?,
            max_input_bytes: usize::MAX,
            max_nodes: pick(u, &[usize::MAX, usize::MAX, 10_000, 100_000])?,
        };
        if u.ratio(1, 4)? {
            limits.max_depth = u.int_in_range(0..=300)?;
        }
        if u.ratio(1, 4)? {
            limits.max_int_digits = u.int_in_range(0..=64)?;
        }
        if u.ratio(1, 4)? {
            limits.max_nodes = u.int_in_range(0..=64)?;
        }
        let count = u.int_in_range(1..=4)?;
        let mut parts = Vec::new();
        let mut size = 0;
        for _ in 0..count {
            let part = part(u, &limits, MAX_TEXT.saturating_sub(size))?;
            size += part.text.len();
            parts.push(part);
        }
        let (text, expect) = join(u, parts)?;
        match u.int_in_range(0..=5u8)? {
            0 => limits.max_input_bytes = text.len(),
            1 => limits.max_input_bytes = text.len().saturating_sub(1),
            2 => limits.max_input_bytes = u.int_in_range(0..=text.len())?,
            _ => {}
        }
        Ok(Case {
            text,
            limits,
            expect,
        })
    }
}

fn pick<T: Copy>(u: &mut Unstructured, options: &[T]) -> Result<T> {
    u.choose(options).copied()
}

/// A count: small (the choice when the fuzzer's bytes run out), near
/// `limit` (just below, at, just above), twice it, or log-uniform up to a
/// million; at most `cap`.
fn around(u: &mut Unstructured, limit: usize, cap: usize) -> Result<usize> {
    let n = match u.int_in_range(0..=7u8)? {
        0 | 1 => u.int_in_range(0..=16)?,
        2 => limit.saturating_sub(1),
        3 => limit,
        4 => limit.saturating_add(1),
        5 => limit
            .saturating_mul(2)
            .saturating_add(u.int_in_range(0..=9)?),
        _ => {
            let bits = u.int_in_range(0..=20u32)?;
            u.int_in_range(0..=(1usize << bits))?
        }
    };
    Ok(n.min(cap))
}

fn part(u: &mut Unstructured, limits: &Limits, room: usize) -> Result<Part> {
    Ok(match u.int_in_range(0..=7u8)? {
        0 => nest(u, limits, room)?,
        1 => signs(u, room)?,
        2 => string(u, room)?,
        3 => number(u, limits, room)?,
        4 => chain(u, room)?,
        5 => many(u, limits, room)?,
        6 => repeat(u, room)?,
        _ => atom(u)?,
    })
}

/// A small literal.
fn atom(u: &mut Unstructured) -> Result<Part> {
    // (text, bracket depth): the `{` of `\N{...}` is no bracket.
    let (text, depth) = pick(
        u,
        &[
            ("1", 0),
            ("-1", 0),
            ("'s'", 0),
            ("None", 0),
            ("-1.5", 0),
            ("1+2j", 0),
            ("...", 0),
            ("b'x'", 0),
            ("True", 0),
            ("0x1f", 0),
            ("()", 1),
            ("[]", 1),
            ("{}", 1),
            ("set()", 1),
            ("'\\N{EM DASH}'", 0),
        ],
    )?;
    let mut expect = Expect::scalar(Kind::Literal);
    expect.depth = depth;
    Ok(Part {
        text: text.to_owned(),
        expect,
    })
}

/// Nested brackets of every kind around an atom, closed properly or not.
fn nest(u: &mut Unstructured, limits: &Limits, room: usize) -> Result<Part> {
    // (open, close, values built per level)
    const LEVELS: [(&str, &str, usize); 5] = [
        ("[", "]", 1),
        ("(", ",)", 1),
        ("(", ")", 0),
        ("{0:", "}", 2),
        ("[0,", "]", 2),
    ];
    let pattern: Vec<usize> = (0..u.int_in_range(1..=3)?)
        .map(|_| u.choose_index(LEVELS.len()))
        .collect::<Result<_>>()?;
    let inner = atom(u)?;
    let widest = pattern
        .iter()
        .map(|&i| LEVELS[i].0.len() + LEVELS[i].1.len())
        .max();
    let cap = room.saturating_sub(inner.text.len()) / widest.unwrap_or(1);
    let limit = if limits.max_depth == usize::MAX {
        300_000
    } else {
        limits.max_depth
    };
    let depth = around(u, limit, cap.min(300_000))?;
    let mut text = String::new();
    let mut nodes = inner.expect.nodes;
    for level in 0..depth {
        let (open, _, built) = LEVELS[pattern[level % pattern.len()]];
        text.push_str(open);
        nodes += built;
    }
    text.push_str(&inner.text);
    let mut kind = Kind::Literal;
    let mismatch = match u.int_in_range(0..=7u8)? {
        // Unclosed, mismatched, one closer too many.
        0 => {
            kind = Kind::Unknown;
            Some(depth / 2)
        }
        1 if depth > 0 => {
            kind = Kind::Unknown;
            Some(u.int_in_range(0..=depth - 1)?)
        }
        2 => {
            kind = Kind::Unknown;
            text.push(')');
            None
        }
        _ => None,
    };
    for level in (0..depth).rev() {
        if mismatch == Some(level) {
            text.push(pick(u, &['}', ']', ')', '>'])?);
            if u.ratio(1, 2)? {
                break;
            }
            continue;
        }
        text.push_str(LEVELS[pattern[level % pattern.len()]].1);
    }
    Ok(Part {
        text,
        expect: Expect {
            kind,
            depth: depth + inner.expect.depth,
            nodes,
            digits: 0,
        },
    })
}

/// A chain of unary operators before a number: `-1` is a literal, `--1`,
/// `not not 1`, `~~1` are not.
fn signs(u: &mut Unstructured, room: usize) -> Result<Part> {
    let ops: Vec<&str> = (0..u.int_in_range(1..=3)?)
        .map(|_| pick(u, &["-", "+", "~", "not ", "- ", "-(", "+ "]))
        .collect::<Result<_>>()?;
    let count = around(u, 1, room / 5)?;
    let mut text = String::new();
    let mut parens = 0;
    // `not` binds looser than `-`, `+`, `~`: `-not 1` is a syntax error
    // (but `-(not 1)` is not).
    let mut python = true;
    let mut in_factor = false;
    for i in 0..count {
        let op = ops[i % ops.len()];
        text.push_str(op);
        if op == "not " {
            python &= !in_factor;
        } else {
            in_factor = !op.ends_with('(');
        }
        parens += usize::from(op.ends_with('('));
    }
    text.push_str(pick(u, &["1", "2.5", "3j", "0x10"])?);
    text.push_str(&")".repeat(parens));
    let literal = count == 0 || (count == 1 && matches!(ops[0], "-" | "+" | "- " | "+ " | "-("));
    Ok(Part {
        text,
        expect: Expect {
            kind: if literal {
                Kind::Literal
            } else if python {
                Kind::NonLiteral
            } else {
                Kind::Unknown
            },
            depth: parens,
            nodes: 1,
            digits: 0,
        },
    })
}

/// A long string or bytes literal full of escapes, or many adjacent ones.
fn string(u: &mut Unstructured, room: usize) -> Result<Part> {
    const STR_UNITS: [&str; 14] = [
        "a",
        "é",
        "😀",
        "\\n",
        "\\x41",
        "\\u00e9",
        "\\U0001F600",
        "\\N{EM DASH}",
        "\\\\",
        "\\'",
        "\\\"",
        "\\101",
        "\\q",
        "\\\n",
    ];
    const BYTES_UNITS: [&str; 9] = [
        "a", "\\n", "\\x41", "\\xff", "\\\\", "\\'", "\\\"", "\\101", "\\q",
    ];
    let bytes = u.ratio(1, 3)?;
    let units: Vec<&str> = (0..u.int_in_range(1..=4)?)
        .map(|_| {
            if bytes {
                pick(u, &BYTES_UNITS)
            } else {
                pick(u, &STR_UNITS)
            }
        })
        .collect::<Result<_>>()?;
    let quote = pick(u, &["'", "\"", "'''", "\"\"\""])?;
    let prefix = if bytes {
        "b"
    } else {
        pick(u, &["", "u", "U"])?
    };
    let adjacent = u.ratio(1, 4)?;
    let unit_len = units.iter().map(|s| s.len()).max().unwrap_or(1) + 8;
    let count = around(u, 4096, room / unit_len)?;
    let mut text = String::new();
    if adjacent {
        // 'a' 'b' 'c' ...: one value.
        for i in 0..count.max(1) {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(prefix);
            text.push_str(quote);
            text.push_str(units[i % units.len()]);
            text.push_str(quote);
        }
    } else {
        text.push_str(prefix);
        text.push_str(quote);
        for i in 0..count {
            text.push_str(units[i % units.len()]);
        }
        text.push_str(quote);
    }
    let mut kind = Kind::Literal;
    match u.int_in_range(0..=9u8)? {
        // Unterminated; str and bytes mixed.
        0 => {
            text.truncate(text.len() - quote.len());
            kind = Kind::Unknown;
        }
        1 => {
            text.push_str(if bytes { "'s'" } else { "b's'" });
            kind = Kind::Unknown;
        }
        _ => {}
    }
    Ok(Part {
        text,
        expect: Expect {
            kind,
            depth: 0,
            nodes: 1,
            digits: 0,
        },
    })
}

/// A huge int in any base (decimal near `max_int_digits`), or a float or
/// imaginary number with a huge mantissa or exponent.
fn number(u: &mut Unstructured, limits: &Limits, room: usize) -> Result<Part> {
    let digit_limit = if limits.max_int_digits == 0 {
        4300
    } else {
        limits.max_int_digits
    };
    // With the limit lifted, decimal conversion is subquadratic, not
    // linear: stay at sizes where that is still fast.
    let decimal_cap = if limits.max_int_digits == 0 {
        200_000
    } else {
        room
    };
    let underscores = u.ratio(1, 4)?;
    let sign = pick(u, &["", "-", "+"])?;
    let form = u.int_in_range(0..=6u8)?;
    let count = match form {
        0 => around(u, digit_limit, decimal_cap.min(room / 2))?,
        _ => around(u, digit_limit, room / 2)?,
    }
    .max(1);
    let digits = |alphabet: &[u8]| -> String {
        let mut s = String::with_capacity(count * 2);
        for i in 0..count {
            if underscores && i > 0 && i % 3 == 0 {
                s.push('_');
            }
            s.push(char::from(alphabet[(i * 7 + 1) % alphabet.len()]));
        }
        s
    };
    let mut expect = Expect::scalar(Kind::Literal);
    let body = match form {
        0 => {
            expect.digits = count;
            format!("9{}", &digits(b"0123456789")[1..])
        }
        1 => format!("0x{}", digits(b"0123456789abcdefABCDEF")),
        2 => format!("0o{}", digits(b"01234567")),
        3 => format!("0b{}", digits(b"01")),
        4 => format!("1.{}e-5", digits(b"0123456789")),
        5 => format!("1e-{}", digits(b"0123456789")),
        _ => format!("{}.5j", digits(b"0123456789")),
    };
    Ok(Part {
        text: format!("{sign}{body}"),
        expect,
    })
}

/// A long chain of binary operators, calls, attributes, subscripts,
/// lambdas or conditional expressions: valid Python, not a literal.
fn chain(u: &mut Unstructured, room: usize) -> Result<Part> {
    const LINKS: [&str; 16] = [
        "+1",
        "-1",
        "*1",
        "**1",
        "|1",
        " and 1",
        " or 1",
        "<1",
        " if 1 else 1",
        ".real",
        "()",
        "[0]",
        "+1j",
        "-2j",
        " in x",
        "@y",
    ];
    let link = pick(u, &LINKS)?;
    let prefix = pick(u, &["", "lambda: ", "not ", "-", "x if 1 else "])?;
    let count = around(u, 2, room / (link.len() + prefix.len() + 1))?.max(2);
    let mut text = String::new();
    for _ in 0..count {
        if u.ratio(1, 8)? {
            text.push_str(prefix);
        }
    }
    // `1 .real` needs the space; `1()`, `1[0]` are valid Python too.
    text.push_str("1 ");
    for _ in 0..count {
        text.push_str(link);
    }
    Ok(Part {
        text,
        expect: Expect {
            kind: Kind::NonLiteral,
            depth: usize::from(link.contains(['(', '['])),
            // An upper bound: at most two numbers per link.
            nodes: 1 + 2 * count,
            digits: 0,
        },
    })
}

/// A container with many small elements: ints, colliding hashes
/// (`n * (2**61 - 1)` all hash alike in CPython), equal keys, empty
/// containers, strings.
fn many(u: &mut Unstructured, limits: &Limits, room: usize) -> Result<Part> {
    let limit = if limits.max_nodes == usize::MAX {
        100_000
    } else {
        limits.max_nodes
    };
    let element = u.int_in_range(0..=6u8)?;
    let container = u.int_in_range(0..=3u8)?;
    let count = around(u, limit / 2, room / 48)?;
    // (text, values built, bracket depth, hashable)
    let item = |i: usize| -> (String, usize, usize, bool) {
        match element {
            0 => (i.to_string(), 1, 0, true),
            1 => (
                (u128::try_from(i).unwrap_or(0) * ((1u128 << 61) - 1)).to_string(),
                1,
                0,
                true,
            ),
            2 => (
                ["1", "1.0", "True", "(1+0j)"][i % 4].to_owned(),
                1,
                usize::from(i % 4 == 3),
                true,
            ),
            3 => (["()", "[]", "{}", "set()"][i % 4].to_owned(), 1, 1, false),
            4 => (format!("'k{i}'"), 1, 0, true),
            5 => ("(1, (2,))".to_owned(), 4, 2, true),
            _ => (format!("{i}.5"), 1, 0, true),
        }
    };
    let (open, close) = [("[", "]"), ("(", ",)"), ("{", "}"), ("{", "}")][usize::from(container)];
    let dict = container == 3;
    let mut text = String::from(open);
    let mut expect = Expect {
        kind: Kind::Literal,
        depth: 1,
        nodes: 1,
        digits: 0,
    };
    for i in 0..count {
        let (item, built, depth, hashable) = item(i);
        if i > 0 {
            text.push_str(", ");
        }
        if container == 2 && !hashable {
            // A set of unhashable elements: TypeError.
            expect.kind = Kind::Unknown;
        }
        if element == 1 || element == 0 {
            expect.digits = expect.digits.max(item.len());
        }
        text.push_str(&item);
        expect.nodes += built;
        expect.depth = expect.depth.max(1 + depth);
        if dict {
            text.push_str(": 0");
            expect.nodes += 1;
            if !hashable {
                expect.kind = Kind::Unknown;
            }
        }
    }
    if count == 0 {
        // `{}` is a dict, `(,)` invalid: write empty containers plainly.
        text = match container {
            0 => "[]",
            1 => "()",
            _ => "{}",
        }
        .to_owned();
    } else if container == 1 && count > 1 && u.ratio(1, 2)? {
        text.push(')');
    } else {
        text.push_str(close);
    }
    Ok(Part { text, expect })
}

/// A raw fragment repeated: anything at all.
fn repeat(u: &mut Unstructured, room: usize) -> Result<Part> {
    let len = u.int_in_range(1..=12usize)?;
    let unit: String = (0..len)
        .map(|_| -> Result<char> {
            Ok(match u.int_in_range(0..=3u8)? {
                0 => char::from(*u.choose(b"([{}])'\"\\#,:;-+*jJeE.xob_ \n\r\t")?),
                1 => char::from(u.int_in_range(b'0'..=b'9')?),
                2 => char::from(u.int_in_range(b'a'..=b'z')?),
                _ => u.arbitrary()?,
            })
        })
        .collect::<Result<_>>()?;
    let count = around(u, 256, room / unit.len().max(1))?.max(1);
    Ok(Part {
        text: unit.repeat(count),
        expect: Expect {
            kind: Kind::Unknown,
            depth: 0,
            nodes: 0,
            digits: 0,
        },
    })
}

/// Joins the parts: as a list, as a bare tuple, the first part alone, or
/// concatenated (anything).
fn join(u: &mut Unstructured, parts: Vec<Part>) -> Result<(String, Expect)> {
    let mut expect = parts[0].expect;
    for part in &parts[1..] {
        expect = expect.and(part.expect);
    }
    let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    Ok(match u.int_in_range(0..=3u8)? {
        0 => {
            expect.depth += 1;
            expect.nodes += 1;
            (format!("[{}]", texts.join(", ")), expect)
        }
        1 if parts.len() > 1 => {
            expect.nodes += 1;
            (texts.join(", "), expect)
        }
        2 => {
            let sep = pick(u, &["", " ", "\n", ",", "\\\n"])?;
            expect.kind = Kind::Unknown;
            (texts.join(sep), expect)
        }
        _ => (texts[0].to_owned(), parts[0].expect),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_case, UNLIMITED};

    /// Cases from fixed byte patterns meet their expectations.
    #[test]
    fn generated_cases_meet_expectations() {
        for seed in 0..80u32 {
            let data: Vec<u8> = (0..256u32)
                .map(|i| (seed.wrapping_mul(2_654_435_761).wrapping_add(i * 40_503) >> 11) as u8)
                .collect();
            let Ok(case) = Case::arbitrary(&mut Unstructured::new(&data)) else {
                continue;
            };
            check_case(&case);
            let _ = UNLIMITED;
        }
    }
}
