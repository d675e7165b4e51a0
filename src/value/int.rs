//! `Int`: a Python `int` of any size. (stub: being written)

use num_bigint::BigInt;

/// A Python `int` of any size: a machine integer when it fits in `i64`,
/// a [`BigInt`] otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Int(Repr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    Small(i64),
    Big(Box<BigInt>),
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int(Repr::Small(v))
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        Int(Repr::Big(Box::new(v)))
    }
}
