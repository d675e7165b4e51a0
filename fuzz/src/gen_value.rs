//! Structure-aware values for the `roundtrip` target.
//!
//! [`Node`] is a value as generated: like [`Value`], but dicts and sets keep
//! every entry as written, duplicates included, so that the text can repeat
//! keys (`{1: 'a', 1.0: 'b', True: 'c'}`) while [`Node::to_value`] applies
//! Python's rules (first key object kept, last value wins).
//!
//! [`Writer`] spells a node as Python source in one of many equivalent
//! syntaxes chosen by the fuzzer's bytes: every int base, underscores,
//! float mantissa/exponent splits, all quote kinds and string prefixes,
//! every escape kind, implicit concatenation, line continuations, comments,
//! parentheses, trailing commas, bare top-level tuples, `set()` spellings.
//! Whatever it writes must parse back to [`Node::to_value`] exactly
//! ([`Value::strict_eq`]). With no bytes left every choice is the plain one.
//!
//! Only values some literal spells exactly are generated: no NaN (no
//! literal gives one) and only the signed-zero combinations of complex
//! numbers that `literal_eval` can produce ([`reachable_complex`]).

use arbitrary::{Arbitrary, Result, Unstructured};
use num_bigint::{BigInt, Sign};
use safelit::{Complex, Dict, Int, PyStr, Set, Value};

/// Deepest container nesting generated.
pub const MAX_DEPTH: usize = 6;
/// Most nodes in one generated value.
pub const MAX_NODES: usize = 96;

/// A generated value; see the module documentation.
#[derive(Clone, Debug)]
pub enum Node {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int.
    Int(BigInt),
    /// A float (finite or infinite).
    Float(f64),
    /// A complex number `(re, im)`, reachable by a literal.
    Complex(f64, f64),
    /// A str, as code points (lone surrogates included).
    Str(Vec<u32>),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
    /// A list.
    List(Vec<Node>),
    /// A tuple.
    Tuple(Vec<Node>),
    /// A dict display's entries, in order, duplicates included.
    Dict(Vec<(Node, Node)>),
    /// A set display's elements, in order, duplicates included.
    Set(Vec<Node>),
}

/// A generated value: `Arbitrary` for the `roundtrip` target.
#[derive(Debug)]
pub struct ArbNode(pub Node);

impl<'a> Arbitrary<'a> for ArbNode {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut budget = MAX_NODES;
        node(u, 0, &mut budget).map(ArbNode)
    }
}

impl Node {
    /// The value Python builds from this node's text.
    pub fn to_value(&self) -> Value {
        match self {
            Node::None => Value::None,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(i) => Value::Int(Int::from(i)),
            Node::Float(f) => Value::Float(*f),
            Node::Complex(re, im) => Value::Complex(Complex { re: *re, im: *im }),
            Node::Str(cps) => Value::Str(
                PyStr::from_code_points(cps.iter().copied())
                    .expect("generated code points are at most U+10FFFF"),
            ),
            Node::Bytes(b) => Value::Bytes(b.clone()),
            Node::Ellipsis => Value::Ellipsis,
            Node::List(items) => Value::List(items.iter().map(Node::to_value).collect()),
            Node::Tuple(items) => Value::Tuple(items.iter().map(Node::to_value).collect()),
            Node::Dict(entries) => {
                let mut dict = Dict::new();
                for (k, v) in entries {
                    dict.insert(k.to_value(), v.to_value())
                        .expect("generated keys are hashable");
                }
                Value::Dict(dict)
            }
            Node::Set(items) => {
                let mut set = Set::new();
                for item in items {
                    set.insert(item.to_value())
                        .expect("generated elements are hashable");
                }
                Value::Set(set)
            }
        }
    }
}

/// Whether CPython's repr of `value` reads back as exactly `value`: no
/// `Ellipsis`, `inf` (names), and complex numbers only with signed zeros
/// the repr keeps (see [`complex_repr_is_exact`]).
pub fn repr_round_trips(value: &Value) -> bool {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Ellipsis => return false,
            Value::Float(f) if !f.is_finite() => return false,
            Value::Complex(c) if !complex_repr_is_exact(*c) => return false,
            Value::List(items) | Value::Tuple(items) => stack.extend(items),
            Value::Dict(d) => d.iter().for_each(|(k, v)| stack.extend([k, v])),
            Value::Set(s) => stack.extend(s.iter()),
            _ => {}
        }
    }
    true
}

/// CPython prints `complex(re, im)` as `{im}j` when `re` is `+0.0`, else as
/// `({re}{±}{|im|}j)`; reading that back gives `re + imj` or `re - |im|j`
/// with an int or float `re`. The result is exact for finite parts when
/// `re` is `+0.0` and `im` has a positive sign, or `re` is non-zero and
/// `im` is not `-0.0`.
pub fn complex_repr_is_exact(c: Complex) -> bool {
    if !(c.re.is_finite() && c.im.is_finite()) {
        return false;
    }
    if c.re == 0.0 {
        c.re.is_sign_positive() && c.im.is_sign_positive()
    } else {
        c.im != 0.0 || c.im.is_sign_positive()
    }
}

/// The nearest complex number a literal can produce: `literal_eval` gives
/// `+x j` (re `+0.0`), `-x j` (both parts negated, re `-0.0`), `0 - x j`
/// (re `+0.0`, im negative) and `re ± x j` (re non-zero). Not reachable:
/// re `+0.0` with im `-0.0`; re `-0.0` with a positive im; a non-zero re
/// with im `-0.0`.
pub fn reachable_complex(re: f64, im: f64) -> (f64, f64) {
    if re == 0.0 && re.is_sign_positive() {
        if im == 0.0 {
            (re, 0.0)
        } else {
            (re, im)
        }
    } else if re == 0.0 {
        (re, -im.abs())
    } else if im == 0.0 {
        (re, 0.0)
    } else {
        (re, im)
    }
}

/// Floats chosen often: boundaries of the repr's formats, subnormals,
/// extremes, halfway cases, infinities.
const FLOATS: [f64; 26] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    0.5,
    2.5,
    1e16,
    1e15,
    1e17,
    1e22,
    1e23,
    1e-4,
    1e-5,
    5e-324,
    2.225_073_858_507_201e-308,
    f64::MIN_POSITIVE,
    f64::MAX,
    9_007_199_254_740_993.0,
    123_456_789.0,
    0.3,
    1.0 / 3.0,
    4.35,
    1e300,
    f64::INFINITY,
    f64::NEG_INFINITY,
];

fn float(u: &mut Unstructured) -> Result<f64> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => FLOATS[u.choose_index(FLOATS.len())?],
        1 => {
            let f = f64::from_bits(u.arbitrary()?);
            if f.is_nan() {
                0.0
            } else {
                f
            }
        }
        2 => f64::from(u.int_in_range(-4000i32..=4000)?) / 16.0,
        _ => f64::from(u.arbitrary::<i32>()?) * 10f64.powi(u.int_in_range(-30..=30)?),
    })
}

fn int(u: &mut Unstructured) -> Result<BigInt> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => BigInt::from(u.int_in_range(-3i64..=3)?),
        1 | 2 => BigInt::from(u.arbitrary::<i64>()?),
        3 => BigInt::from(u.arbitrary::<i128>()?),
        4 => {
            let len = u.int_in_range(8..=80usize)?;
            let bytes = u.bytes(len.min(u.len()))?;
            signed(u, BigInt::from_bytes_le(Sign::Plus, bytes))?
        }
        _ => {
            // Around 4300 decimal digits, CPython's limit (lifted here).
            let len = u.int_in_range(1700..=1900usize)?;
            let mut bytes = u.bytes(len.min(u.len()))?.to_vec();
            bytes.resize(len, 0x5a);
            signed(u, BigInt::from_bytes_le(Sign::Plus, &bytes))?
        }
    })
}

fn signed(u: &mut Unstructured, i: BigInt) -> Result<BigInt> {
    Ok(if u.arbitrary()? { -i } else { i })
}

/// Code points chosen to hit every branch of the repr and the escapes.
fn code_point(u: &mut Unstructured) -> Result<u32> {
    Ok(match u.int_in_range(0..=11u8)? {
        0..=3 => u.int_in_range(0x20..=0x7e)?,
        4 => u32::from(*u.choose(b"'\"\\\n\r\t\0 ")?),
        5 => u.int_in_range(0..=0x1f)?,
        6 => u.int_in_range(0x7f..=0xff)?,
        7 => u.int_in_range(0xD800..=0xDFFF)?,
        8 => *u.choose(&[
            0x85, 0xa0, 0xad, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff, 0xe000, 0x10ffff, 0x300,
            0x1f600, 0x3000, 0x200b, 0x180e, 0xe0001,
        ])?,
        9 => u.int_in_range(0x100..=0xffff)?,
        _ => u.int_in_range(0x10000..=0x10ffff)?,
    })
}

fn string(u: &mut Unstructured) -> Result<Vec<u32>> {
    let len = if u.ratio(1, 16)? {
        u.int_in_range(0..=300usize)?
    } else {
        u.int_in_range(0..=12usize)?
    };
    (0..len).map(|_| code_point(u)).collect()
}

fn bytes(u: &mut Unstructured) -> Result<Vec<u8>> {
    let len = u.int_in_range(0..=16usize)?;
    (0..len)
        .map(|_| {
            if u.ratio(1, 2)? {
                u.int_in_range(0x20..=0x7e)
            } else {
                u.arbitrary()
            }
        })
        .collect()
}

/// Keys that collide under Python `==` (`0 == 0.0 == -0.0 == False == 0j`,
/// `1 == 1.0 == True`, `(1,) == (1.0,)`), to exercise first-key-kept.
fn colliding_key(u: &mut Unstructured) -> Result<Node> {
    Ok(match u.int_in_range(0..=11u8)? {
        0 => Node::Int(BigInt::from(0)),
        1 => Node::Int(BigInt::from(1)),
        2 => Node::Float(0.0),
        3 => Node::Float(-0.0),
        4 => Node::Float(1.0),
        5 => Node::Bool(u.arbitrary()?),
        6 => Node::Complex(0.0, 0.0),
        7 => Node::Complex(1.0, 0.0),
        8 => Node::Tuple(vec![Node::Int(BigInt::from(1))]),
        9 => Node::Tuple(vec![Node::Float(1.0)]),
        10 => Node::Str(vec![u32::from(b'a')]),
        _ => Node::Bytes(b"a".to_vec()),
    })
}

fn scalar(u: &mut Unstructured) -> Result<Node> {
    Ok(match u.int_in_range(0..=10u8)? {
        0 => Node::None,
        1 => Node::Bool(u.arbitrary()?),
        2 | 3 => Node::Int(int(u)?),
        4 | 5 => Node::Float(float(u)?),
        6 => {
            let (re, im) = reachable_complex(float(u)?, float(u)?);
            Node::Complex(re, im)
        }
        7 | 8 => Node::Str(string(u)?),
        9 => Node::Bytes(bytes(u)?),
        _ => Node::Ellipsis,
    })
}

/// A hashable node: a scalar or a tuple of hashable nodes.
fn hashable(u: &mut Unstructured, depth: usize, budget: &mut usize) -> Result<Node> {
    *budget = budget.saturating_sub(1);
    if u.ratio(1, 3)? {
        return colliding_key(u);
    }
    if depth < MAX_DEPTH && *budget > 0 && u.ratio(1, 5)? {
        let len = u.int_in_range(0..=3usize)?;
        let mut items = Vec::new();
        for _ in 0..len {
            items.push(hashable(u, depth + 1, budget)?);
        }
        return Ok(Node::Tuple(items));
    }
    scalar(u)
}

fn node(u: &mut Unstructured, depth: usize, budget: &mut usize) -> Result<Node> {
    *budget = budget.saturating_sub(1);
    if depth >= MAX_DEPTH || *budget == 0 || u.ratio(1, 2)? {
        return scalar(u);
    }
    let len = u.int_in_range(0..=6usize)?;
    let kind = u.int_in_range(0..=3u8)?;
    let mut items = Vec::new();
    for _ in 0..len {
        if *budget == 0 {
            break;
        }
        items.push(match kind {
            0 | 1 => (node(u, depth + 1, budget)?, Node::None),
            2 => (hashable(u, depth + 1, budget)?, node(u, depth + 1, budget)?),
            _ => (hashable(u, depth + 1, budget)?, Node::None),
        });
    }
    Ok(match kind {
        0 => Node::List(items.into_iter().map(|(item, _)| item).collect()),
        1 => Node::Tuple(items.into_iter().map(|(item, _)| item).collect()),
        2 => Node::Dict(items),
        _ => Node::Set(items.into_iter().map(|(item, _)| item).collect()),
    })
}

/// Writes nodes as Python source, each choice taken from the fuzzer's
/// bytes (the plain spelling when they run out).
pub struct Writer<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    out: String,
}

/// Where a piece of text goes: inside brackets newlines and comments are
/// whitespace; at the top level only spaces, tabs, form feeds and line
/// continuations are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Top,
    Inside,
}

/// `\N{...}` names for a few code points, in mixed case (CPython accepts any).
const NAMES: [(u32, &str); 8] = [
    (0x61, "LATIN SMALL LETTER A"),
    (0x41, "latin capital letter a"),
    (0x20, "SPACE"),
    (0xa0, "NO-BREAK SPACE"),
    (0x2014, "EM DASH"),
    (0x1f600, "GRINNING FACE"),
    (0x5c, "REVERSE SOLIDUS"),
    (0x0a, "LINE FEED"),
];

impl<'a, 'b> Writer<'a, 'b> {
    /// Spells `node` as a whole input (leading and trailing decoration
    /// included).
    pub fn write(u: &'a mut Unstructured<'b>, node: &Node) -> String {
        let mut w = Writer {
            u,
            out: String::new(),
        };
        let lead = w.pick(&["", " ", "\t ", "\n", "# lead\n", "\\\n", "\r\n\n", "\x0c"]);
        w.out.push_str(lead);
        match node {
            Node::Tuple(items) if !items.is_empty() && w.flip() => w.bare_tuple(items),
            _ => w.node(node, Place::Top),
        }
        let trail = w.pick(&[
            "",
            " ",
            "\n",
            "  # trail",
            " # c\n",
            "\n\n",
            "\r\n",
            "\t",
            "\r",
        ]);
        w.out.push_str(trail);
        w.out
    }

    fn choice(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.choose_index(n).unwrap_or(0)
    }

    fn pick(&mut self, options: &[&'static str]) -> &'static str {
        options[self.choice(options.len())]
    }

    fn flip(&mut self) -> bool {
        self.choice(2) == 1
    }

    /// Optional whitespace.
    fn ws(&mut self, place: Place) {
        let s = match place {
            Place::Top => self.pick(&["", " ", "", "\t", "\\\n", "\x0c", "  "]),
            Place::Inside => self.pick(&[
                "",
                " ",
                "",
                "\n",
                "\t",
                "\r\n",
                "  # note\n",
                "\\\n",
                "\x0c",
                "\n\n    ",
                "\r",
            ]),
        };
        self.out.push_str(s);
    }

    fn node(&mut self, node: &Node, place: Place) {
        // Redundant parentheses around any value.
        let parens = if self.choice(8) == 0 {
            self.choice(3)
        } else {
            0
        };
        for _ in 0..parens {
            self.out.push('(');
            self.ws(Place::Inside);
        }
        let inner = if parens > 0 { Place::Inside } else { place };
        match node {
            Node::None => self.out.push_str("None"),
            Node::Bool(b) => self.out.push_str(if *b { "True" } else { "False" }),
            Node::Ellipsis => self.out.push_str("..."),
            Node::Int(i) => self.signed_int(i, inner),
            Node::Float(f) => self.signed_float(*f, inner),
            Node::Complex(re, im) => self.complex(*re, *im, inner),
            Node::Str(cps) => self.concatenation(cps, false, inner),
            Node::Bytes(b) => {
                let cps: Vec<u32> = b.iter().map(|&b| u32::from(b)).collect();
                self.concatenation(&cps, true, inner)
            }
            Node::List(items) => self.sequence('[', ']', items, false),
            Node::Tuple(items) => self.sequence('(', ')', items, items.len() == 1),
            Node::Set(items) if items.is_empty() => {
                let s = self.pick(&["set()", "set( )", "(set)()", "set(\n)", "( set ) ( )"]);
                self.out.push_str(s);
            }
            Node::Set(items) => self.sequence('{', '}', items, false),
            Node::Dict(entries) => self.dict(entries),
        }
        for _ in 0..parens {
            self.ws(Place::Inside);
            self.out.push(')');
        }
    }

    fn bare_tuple(&mut self, items: &[Node]) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.ws(Place::Top);
                self.out.push(',');
                self.ws(Place::Top);
            }
            self.node(item, Place::Top);
        }
        if items.len() == 1 || self.flip() {
            self.ws(Place::Top);
            self.out.push(',');
        }
    }

    fn sequence(&mut self, open: char, close: char, items: &[Node], comma: bool) {
        self.out.push(open);
        self.ws(Place::Inside);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.ws(Place::Inside);
                self.out.push(',');
                self.ws(Place::Inside);
            }
            self.node(item, Place::Inside);
        }
        if comma || (!items.is_empty() && self.flip()) {
            self.ws(Place::Inside);
            self.out.push(',');
        }
        self.ws(Place::Inside);
        self.out.push(close);
    }

    fn dict(&mut self, entries: &[(Node, Node)]) {
        self.out.push('{');
        self.ws(Place::Inside);
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 {
                self.ws(Place::Inside);
                self.out.push(',');
                self.ws(Place::Inside);
            }
            self.node(k, Place::Inside);
            self.ws(Place::Inside);
            self.out.push(':');
            self.ws(Place::Inside);
            self.node(v, Place::Inside);
        }
        if !entries.is_empty() && self.flip() {
            self.ws(Place::Inside);
            self.out.push(',');
        }
        self.ws(Place::Inside);
        self.out.push('}');
    }

    /// A unary sign, optional whitespace, and optionally parentheses around
    /// the operand; returns how many parentheses to close.
    fn sign(&mut self, negative: bool, place: Place) -> usize {
        if negative {
            self.out.push('-');
        } else if self.choice(6) == 0 {
            self.out.push('+');
        } else {
            return 0;
        }
        self.ws(place);
        if self.choice(6) == 0 {
            self.out.push('(');
            self.ws(Place::Inside);
            1
        } else {
            0
        }
    }

    fn close(&mut self, parens: usize) {
        for _ in 0..parens {
            self.ws(Place::Inside);
            self.out.push(')');
        }
    }

    fn signed_int(&mut self, i: &BigInt, place: Place) {
        let parens = self.sign(i.sign() == Sign::Minus, place);
        let magnitude = i.magnitude();
        let (prefix, radix) = match self.choice(6) {
            1 => (self.pick(&["0x", "0X"]), 16),
            2 => (self.pick(&["0o", "0O"]), 8),
            3 => (self.pick(&["0b", "0B"]), 2),
            _ => ("", 10),
        };
        let mut digits = magnitude.to_str_radix(radix);
        if radix == 16 && self.flip() {
            digits.make_ascii_uppercase();
        }
        if radix == 10 && digits == "0" {
            digits = self.pick(&["0", "00", "000"]).to_owned();
        }
        self.out.push_str(prefix);
        if !prefix.is_empty() && self.choice(4) == 0 {
            self.out.push('_');
        }
        self.underscored(&digits);
        self.close(parens);
    }

    /// Digits with an underscore between some of them.
    fn underscored(&mut self, digits: &str) {
        let sprinkle = self.choice(4) == 0;
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && sprinkle && self.flip() {
                self.out.push('_');
            }
            self.out.push(c);
        }
    }

    fn signed_float(&mut self, f: f64, place: Place) {
        let parens = self.sign(f.is_sign_negative(), place);
        self.unsigned_float(f.abs(), false);
        self.close(parens);
    }

    /// A float literal (or imaginary literal) for a non-negative `f`.
    fn unsigned_float(&mut self, f: f64, imaginary: bool) {
        if f.is_infinite() {
            let s = self.pick(&["1e999", "1E309", "9e99999", "1_0e400", "1e1_000"]);
            self.out.push_str(s);
        } else if imaginary && f.fract() == 0.0 && f < 1e20 && self.flip() {
            // A decimal int imaginary: `5j`, `0_5j`, `00j`.
            let digits = format!("{f:.0}");
            if self.choice(4) == 0 {
                self.out.push('0');
            }
            self.underscored(&digits);
        } else if self.choice(3) == 0 {
            // Rust's shortest round-trip spelling (`1e16`, `0.1`, `1.0`).
            self.out.push_str(&format!("{f:?}"));
        } else {
            self.scaled_float(f);
        }
        if imaginary {
            let j = self.pick(&["j", "J"]);
            self.out.push_str(j);
        }
    }

    /// `f` as digits with the point and exponent placed anywhere:
    /// `150.`, `1.5e2`, `.15E+3`, `1_500e-1`, `0150.0`.
    fn scaled_float(&mut self, f: f64) {
        // Shortest digits D and scale s with f == D * 10^s.
        let sci = format!("{f:e}");
        let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let mut scale = exp - (digits.len() as i64 - 1);
        let trailing = self.choice(4);
        for _ in 0..trailing {
            digits.push('0');
            scale -= 1;
        }
        if self.choice(5) == 0 {
            digits.insert(0, '0');
        }
        // `before` digits before the point; the exponent makes up the rest.
        let before = self.choice(digits.len() + 1);
        let exponent = scale + (digits.len() - before) as i64;
        let omit_exponent = exponent == 0 && self.choice(3) != 0;
        let (int_part, frac_part) = digits.split_at(before);
        self.underscored(int_part);
        // A point is needed unless an exponent follows.
        if !frac_part.is_empty() || omit_exponent || self.flip() {
            self.out.push('.');
        }
        self.underscored(frac_part);
        if !omit_exponent {
            let e = self.pick(&["e", "E"]);
            self.out.push_str(e);
            if exponent < 0 {
                self.out.push('-');
            } else if self.flip() {
                self.out.push('+');
            }
            if self.choice(4) == 0 {
                self.out.push('0');
            }
            self.underscored(&exponent.unsigned_abs().to_string());
        }
    }

    fn complex(&mut self, re: f64, im: f64, place: Place) {
        let wrap = self.choice(3) == 0;
        let place = if wrap {
            self.out.push('(');
            self.ws(Place::Inside);
            Place::Inside
        } else {
            place
        };
        if re == 0.0 && re.is_sign_positive() && im.is_sign_positive() {
            // `xj`
            self.imaginary(im);
        } else if re == 0.0 && re.is_sign_negative() {
            // `-xj`: both parts negated (im is negative here).
            self.out.push('-');
            self.ws(place);
            self.imaginary(-im);
        } else {
            if re == 0.0 {
                // `0 - xj`, an int zero (`-0` is int zero too).
                let zero = self.pick(&["0", "-0", "+0", "0.0", "00", "(0)"]);
                self.out.push_str(zero);
            } else if re.fract() == 0.0 && re.abs() < 1e18 && self.choice(3) == 0 {
                // An integral real part as an int: `float(int)` is exact.
                self.signed_int(&BigInt::from(re as i128), place);
            } else {
                self.signed_float(re, place);
            }
            self.ws(place);
            self.out.push(if im.is_sign_negative() { '-' } else { '+' });
            self.ws(place);
            self.imaginary(im.abs());
        }
        if wrap {
            self.ws(Place::Inside);
            self.out.push(')');
        }
    }

    /// An imaginary literal `xj`, maybe in parentheses.
    fn imaginary(&mut self, im: f64) {
        let parens = self.choice(6) == 0;
        if parens {
            self.out.push('(');
        }
        self.unsigned_float(im, true);
        if parens {
            self.out.push(')');
        }
    }

    /// A str (or a bytes, with `bytes`) as one or more adjacent literals.
    fn concatenation(&mut self, cps: &[u32], bytes: bool, place: Place) {
        let pieces = 1 + self.choice(3);
        let mut rest = cps;
        for piece in 0..pieces {
            let take = if piece + 1 == pieces {
                rest.len()
            } else {
                self.choice(rest.len() + 1)
            };
            let (head, tail) = rest.split_at(take);
            if piece > 0 {
                self.ws(place);
                // An empty `''` followed by `'x'` would read as a triple quote.
                if self.out.ends_with("''") || self.out.ends_with("\"\"") {
                    self.out.push(' ');
                }
            }
            self.literal(head, bytes);
            rest = tail;
        }
    }

    /// One string or bytes literal holding exactly `cps`.
    fn literal(&mut self, cps: &[u32], bytes: bool) {
        let quote = self.pick(&["'", "\"", "'''", "\"\"\""]);
        let triple = quote.len() == 3;
        let q = u32::from(quote.as_bytes()[0]);
        let raw_ok = raw_body_ok(cps, q, triple, bytes);
        let raw = raw_ok && self.choice(3) == 0;
        let prefix = match (bytes, raw) {
            (false, false) => self.pick(&["", "", "u", "U"]),
            (false, true) => self.pick(&["r", "R"]),
            (true, false) => self.pick(&["b", "B"]),
            (true, true) => self.pick(&["br", "rb", "Br", "bR", "RB", "rB"]),
        };
        self.out.push_str(prefix);
        self.out.push_str(quote);
        for &c in cps {
            if raw {
                self.out.extend(char::from_u32(c));
                continue;
            }
            if self.choice(16) == 0 {
                // A line continuation inside the literal adds nothing.
                let s = self.pick(&["\\\n", "\\\r\n"]);
                self.out.push_str(s);
            }
            self.escaped_char(c, q, triple, bytes);
        }
        self.out.push_str(quote);
    }

    fn escaped_char(&mut self, c: u32, quote: u32, triple: bool, bytes: bool) {
        let plain_ok = raw_char_ok(c, quote, triple) && (!bytes || c < 0x80);
        let simple = match c {
            0x0a => Some("\\n"),
            0x09 => Some("\\t"),
            0x0d => Some("\\r"),
            0x5c => Some("\\\\"),
            0x27 => Some("\\'"),
            0x22 => Some("\\\""),
            0x07 => Some("\\a"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0x0b => Some("\\v"),
            _ => None,
        };
        let name = NAMES.iter().find(|(cp, _)| *cp == c).map(|(_, n)| *n);
        loop {
            let upper = self.flip();
            let text = match self.choice(10) {
                0 | 1 if plain_ok => char::from_u32(c).map(String::from),
                2 => simple.map(str::to_owned),
                3 if c < 0x100 && upper => Some(format!("\\x{c:02X}")),
                3 if c < 0x100 => Some(format!("\\x{c:02x}")),
                4 if c < 0x100 => Some(format!("\\{c:03o}")),
                5 if !bytes && c < 0x10000 && upper => Some(format!("\\u{c:04X}")),
                5 if !bytes && c < 0x10000 => Some(format!("\\u{c:04x}")),
                6 if !bytes && upper => Some(format!("\\U{c:08X}")),
                6 if !bytes => Some(format!("\\U{c:08x}")),
                7 if !bytes => name.map(|n| format!("\\N{{{n}}}")),
                // Triple-quoted: a line break in the source is `\n` in the
                // value, whatever its spelling.
                8 if triple && c == 0x0a => Some(self.pick(&["\n", "\r\n", "\r"]).to_owned()),
                _ => None,
            };
            // When the choice does not apply, choose again; with no bytes
            // left, take an escape that always applies.
            let text = match text {
                Some(text) => text,
                None if self.u.is_empty() && plain_ok => {
                    char::from_u32(c).map(String::from).unwrap_or_default()
                }
                None if self.u.is_empty() && c < 0x100 => format!("\\x{c:02x}"),
                None if self.u.is_empty() => format!("\\U{c:08x}"),
                None => continue,
            };
            self.out.push_str(&text);
            return;
        }
    }
}

/// Whether `cps` can be written as the body of a raw literal with this
/// quote: every character stands for itself; a backslash keeps the
/// character after it (even the quote, which then does not end the
/// literal) but cannot be last. Bytes must be printable ASCII.
fn raw_body_ok(cps: &[u32], quote: u32, triple: bool, bytes: bool) -> bool {
    let mut i = 0;
    while let Some(&c) = cps.get(i) {
        if bytes && !(0x20..0x7f).contains(&c) {
            return false;
        }
        if c == u32::from(b'\\') {
            let Some(&next) = cps.get(i + 1) else {
                return false;
            };
            let kept = next == quote
                || next == u32::from(b'\\')
                || next == u32::from(b'\n')
                || raw_char_ok(next, quote, triple);
            if !kept || (bytes && !(0x20..0x7f).contains(&next)) {
                return false;
            }
            i += 2;
        } else if raw_char_ok(c, quote, triple) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// Whether `c` can stand for itself in a raw literal with this quote.
fn raw_char_ok(c: u32, quote: u32, triple: bool) -> bool {
    char::from_u32(c).is_some()
        && c != 0
        && c != u32::from(b'\\')
        && c != u32::from(b'\r')
        && c != quote
        && (c != u32::from(b'\n') || triple)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::UNLIMITED;
    use safelit::parse_with;

    /// Every choice sequence from some fixed byte patterns parses back.
    #[test]
    fn written_text_parses_back() {
        for seed in 0..3000u32 {
            let data: Vec<u8> = (0..512u32)
                .map(|i| (seed.wrapping_mul(2_654_435_761).wrapping_add(i * 40_503) >> 13) as u8)
                .collect();
            let mut u = Unstructured::new(&data);
            let Ok(ArbNode(node)) = ArbNode::arbitrary(&mut u) else {
                continue;
            };
            let value = node.to_value();
            let text = Writer::write(&mut u, &node);
            match parse_with(&text, &UNLIMITED) {
                Ok(back) => assert!(back.strict_eq(&value), "{text:?}: {back} != {value}"),
                Err(e) => panic!("{text:?}: {e:?} (expected {value})"),
            }
        }
    }
}
