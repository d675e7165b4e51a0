//! `Int`: a Python `int` of any size.

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Neg;

/// A Python `int` of any size: a machine integer when it fits in `i64`,
/// a [`BigInt`] otherwise.
///
/// ```
/// use safelit::Int;
/// use num_bigint::BigInt;
/// let big = Int::from(BigInt::from(1u8) << 100u32);
/// assert_eq!(big.to_string(), "1267650600228229401496703205376");
/// assert_eq!(big.to_i64(), None);
/// assert_eq!(Int::from(BigInt::from(7)).to_i64(), Some(7));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Int(Repr);

// Invariant: `Big` only holds values outside the `i64` range, so every value
// has exactly one representation and the derived `PartialEq` is numeric.
#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Small(i64),
    Big(Box<BigInt>),
}

/// The smallest float above `i64::MAX` (2**63); `-2**63` is `i64::MIN`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

// Tags that keep the hash input of the two representations apart.
const HASH_SMALL: u8 = 0x11;
const HASH_BIG: u8 = 0x12;

impl Int {
    /// The value as an `i64`, if it fits.
    ///
    /// ```
    /// use safelit::Int;
    /// assert_eq!(Int::from(-5).to_i64(), Some(-5));
    /// assert_eq!(Int::from(u64::MAX).to_i64(), None);
    /// ```
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Small(n) => Some(*n),
            Repr::Big(_) => None,
        }
    }

    /// The value as a [`BigInt`].
    ///
    /// ```
    /// use safelit::Int;
    /// assert_eq!(Int::from(3).to_bigint(), num_bigint::BigInt::from(3));
    /// ```
    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            Repr::Small(n) => BigInt::from(*n),
            Repr::Big(b) => (**b).clone(),
        }
    }

    /// Whether the value is `0`.
    ///
    /// ```
    /// assert!(safelit::Int::from(0).is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0))
    }

    /// Whether the value is below `0`.
    ///
    /// ```
    /// assert!(safelit::Int::from(-3).is_negative());
    /// ```
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n) => *n < 0,
            Repr::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// Python's `float(int)`: the nearest `f64` (ties to even), or `None`
    /// where Python raises `OverflowError: int too large to convert to float`
    /// (the rounded value would be `±2**1024` or beyond).
    ///
    /// ```
    /// use safelit::Int;
    /// use num_bigint::BigInt;
    /// assert_eq!(Int::from((1i64 << 53) + 1).to_f64(), Some(9007199254740992.0));
    /// let two = BigInt::from(2);
    /// let just_below = Int::from(two.pow(1024) - two.pow(970) - 1);
    /// assert_eq!(just_below.to_f64(), Some(f64::MAX));
    /// assert_eq!(Int::from(two.pow(1024) - two.pow(970)).to_f64(), None);
    /// ```
    pub fn to_f64(&self) -> Option<f64> {
        let f = match &self.0 {
            // `as` rounds to nearest, ties to even.
            Repr::Small(n) => *n as f64,
            // num-bigint keeps the top 64 bits with a sticky bit (round to
            // odd), converts them with one correct rounding and scales by an
            // exact power of two; it returns infinity on overflow.
            Repr::Big(b) => b.to_f64()?,
        };
        f.is_finite().then_some(f)
    }

    /// The exact integer equal to `f`, for a finite integral float
    /// (`-0.0` gives `0`); `None` for anything else.
    pub(crate) fn from_integral_f64(f: f64) -> Option<Int> {
        if !f.is_finite() || f.fract() != 0.0 {
            return None;
        }
        if (-TWO_POW_63..TWO_POW_63).contains(&f) {
            // In range and integral: the cast is exact.
            return Some(Int(Repr::Small(f as i64)));
        }
        // `from_f64` truncates, which is exact here.
        BigInt::from_f64(f).map(Int::from)
    }

    /// Python's `int == float`: exact comparison of the mathematical values.
    pub(crate) fn eq_f64(&self, f: f64) -> bool {
        if !f.is_finite() || f.fract() != 0.0 {
            return false;
        }
        match &self.0 {
            Repr::Small(n) => (-TWO_POW_63..TWO_POW_63).contains(&f) && f as i64 == *n,
            Repr::Big(b) => {
                // A big int is at least 2**63 in magnitude; a float of that
                // size is an integer times a power of two, so compare exactly.
                !(-TWO_POW_63..TWO_POW_63).contains(&f)
                    && BigInt::from_f64(f).is_some_and(|g| g == **b)
            }
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int(Repr::Small(v))
    }
}

impl From<i32> for Int {
    fn from(v: i32) -> Int {
        Int(Repr::Small(i64::from(v)))
    }
}

impl From<u32> for Int {
    fn from(v: u32) -> Int {
        Int(Repr::Small(i64::from(v)))
    }
}

impl From<u64> for Int {
    fn from(v: u64) -> Int {
        match i64::try_from(v) {
            Ok(n) => Int(Repr::Small(n)),
            Err(_) => Int(Repr::Big(Box::new(BigInt::from(v)))),
        }
    }
}

impl From<i128> for Int {
    fn from(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(n) => Int(Repr::Small(n)),
            Err(_) => Int(Repr::Big(Box::new(BigInt::from(v)))),
        }
    }
}

impl From<u128> for Int {
    fn from(v: u128) -> Int {
        match i64::try_from(v) {
            Ok(n) => Int(Repr::Small(n)),
            Err(_) => Int(Repr::Big(Box::new(BigInt::from(v)))),
        }
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        match v.to_i64() {
            Some(n) => Int(Repr::Small(n)),
            None => Int(Repr::Big(Box::new(v))),
        }
    }
}

impl From<&BigInt> for Int {
    fn from(v: &BigInt) -> Int {
        match v.to_i64() {
            Some(n) => Int(Repr::Small(n)),
            None => Int(Repr::Big(Box::new(v.clone()))),
        }
    }
}

impl From<Int> for BigInt {
    fn from(v: Int) -> BigInt {
        match v.0 {
            Repr::Small(n) => BigInt::from(n),
            Repr::Big(b) => *b,
        }
    }
}

impl Default for Int {
    fn default() -> Int {
        Int(Repr::Small(0))
    }
}

/// Negation; `-(i64::MIN)` becomes a big int.
///
/// ```
/// use safelit::Int;
/// assert_eq!((-Int::from(i64::MIN)).to_string(), "9223372036854775808");
/// ```
impl Neg for &Int {
    type Output = Int;

    fn neg(self) -> Int {
        match &self.0 {
            Repr::Small(n) => match n.checked_neg() {
                Some(m) => Int(Repr::Small(m)),
                None => Int::from(-BigInt::from(*n)),
            },
            Repr::Big(b) => Int::from(-&**b),
        }
    }
}

/// Negation; see the impl for `&Int`.
impl Neg for Int {
    type Output = Int;

    fn neg(self) -> Int {
        match self.0 {
            Repr::Small(_) => -&self,
            Repr::Big(b) => Int::from(-*b),
        }
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small(a), Repr::Small(b)) => a.cmp(b),
            (Repr::Big(a), Repr::Big(b)) => a.cmp(b),
            // A big int lies outside the i64 range: its sign decides.
            (Repr::Small(_), Repr::Big(b)) => match b.sign() {
                Sign::Minus => Ordering::Greater,
                _ => Ordering::Less,
            },
            (Repr::Big(a), Repr::Small(_)) => match a.sign() {
                Sign::Minus => Ordering::Less,
                _ => Ordering::Greater,
            },
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Hashes the exact value. Python-equal numbers of other types (`True`,
/// `2.0`, `(2+0j)`) feed the same input when used as dict keys.
impl Hash for Int {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            Repr::Small(n) => {
                state.write_u8(HASH_SMALL);
                state.write_i64(*n);
            }
            Repr::Big(b) => {
                state.write_u8(HASH_BIG);
                state.write_u8(u8::from(b.sign() == Sign::Minus));
                let mut count = 0usize;
                for digit in b.iter_u64_digits() {
                    state.write_u64(digit);
                    count += 1;
                }
                state.write_usize(count);
            }
        }
    }
}

/// The decimal digits, as Python's `repr(int)` (without the 4300-digit limit).
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(n) => fmt::Display::fmt(n, f),
            Repr::Big(b) => fmt::Display::fmt(&**b, f),
        }
    }
}

/// Same as `Display`: the decimal digits.
impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pow2(e: u32) -> BigInt {
        BigInt::from(1u8) << e
    }

    #[test]
    fn normalized_representation() {
        assert_eq!(Int::from(BigInt::from(5)), Int::from(5));
        assert_eq!(Int::from(BigInt::from(i64::MIN)).to_i64(), Some(i64::MIN));
        assert_eq!(Int::from(u64::MAX).to_i64(), None);
        assert_eq!(Int::from(i64::MAX as u64).to_i64(), Some(i64::MAX));
        assert_eq!(Int::from(-BigInt::from(i64::MIN)).to_i64(), None);
        let min = Int::from(i64::MIN);
        assert_eq!(-(-&min), min);
        assert_eq!((-min.clone()).to_bigint(), -BigInt::from(i64::MIN));
        assert_eq!(-(-min.clone()), min);
        assert_eq!(Int::from(i128::MAX).to_bigint(), BigInt::from(i128::MAX));
    }

    #[test]
    fn ordering() {
        let mut v = [
            Int::from(pow2(70)),
            Int::from(-pow2(70)),
            Int::from(0),
            Int::from(-pow2(80)),
            Int::from(i64::MAX),
            Int::from(i64::MIN),
            Int::from(pow2(64)),
        ];
        v.sort();
        let got: Vec<String> = v.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            got,
            [
                "-1208925819614629174706176",
                "-1180591620717411303424",
                "-9223372036854775808",
                "0",
                "9223372036854775807",
                "18446744073709551616",
                "1180591620717411303424",
            ]
        );
    }

    #[test]
    fn to_f64_matches_python() {
        // (value, float(value) or None for OverflowError), from python3 3.11.7.
        let two = pow2;
        let cases: Vec<(BigInt, Option<f64>)> = vec![
            (two(1024) - two(970), None),
            (two(1024) - two(970) - 1, Some(f64::MAX)),
            (two(1024) - two(971), Some(f64::MAX)),
            (two(1024) - two(971) - 1, Some(f64::MAX)),
            (two(1024) - 3 * two(970), Some(1.7976931348623155e308)),
            (two(1024) - 3 * two(970) + 1, Some(f64::MAX)),
            (-(two(1024) - two(970)), None),
            (-(two(1024) - two(970) - 1u8), Some(-f64::MAX)),
            (two(1024), None),
            (two(5000), None),
            (two(53) + 1, Some(9007199254740992.0)),
            (two(53) + 3, Some(9007199254740996.0)),
            (two(54) + 3, Some(1.8014398509481988e16)),
            (two(64) - 1, Some(1.8446744073709552e19)),
            (two(63) + 1025, Some(9.223372036854778e18)),
            (two(63) + 1024, Some(9.223372036854776e18)),
            (two(63) + 3072, Some(9.22337203685478e18)),
            (two(100) + two(47), Some(1.2676506002282294e30)),
            (two(100) + two(47) + 1, Some(1.2676506002282297e30)),
            (two(100) + 3 * two(47), Some(1.26765060022823e30)),
            (BigInt::from(i64::MAX), Some(9.223372036854776e18)),
            (BigInt::from(i64::MIN), Some(-9.223372036854776e18)),
            (BigInt::from(-((1i64 << 53) + 1)), Some(-9007199254740992.0)),
        ];
        for (n, want) in cases {
            let got = Int::from(n.clone()).to_f64();
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{n}");
        }
    }

    #[test]
    fn exact_float_comparison() {
        assert!(Int::from(1i64 << 53).eq_f64(9007199254740992.0));
        assert!(!Int::from((1i64 << 53) + 1).eq_f64(9007199254740992.0));
        assert!(Int::from(pow2(63)).eq_f64(TWO_POW_63));
        assert!(Int::from(i64::MIN).eq_f64(-TWO_POW_63));
        assert!(!Int::from(i64::MAX).eq_f64(TWO_POW_63));
        assert!(Int::from(pow2(1023)).eq_f64(8.98846567431158e307));
        assert!(!Int::from(pow2(1023) + 1).eq_f64(8.98846567431158e307));
        assert!(Int::from(0).eq_f64(-0.0));
        assert!(!Int::from(0).eq_f64(f64::NAN));
        assert!(!Int::from(1).eq_f64(1.5));
        assert_eq!(
            Int::from_integral_f64(1e300).map(|i| i.to_string()),
            Some(
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
                    .to_string()
            )
        );
        assert_eq!(Int::from_integral_f64(-0.0), Some(Int::from(0)));
        assert_eq!(Int::from_integral_f64(0.5), None);
        assert_eq!(Int::from_integral_f64(f64::INFINITY), None);
    }
}
