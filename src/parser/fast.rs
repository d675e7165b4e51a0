//! Semantic actions of the literal grammar (`grammar/literal.lalrpop`).
//!
//! The literal grammar accepts exactly the inputs `ast.literal_eval` turns
//! into a value (plus those that only fail on an unhashable key or an int
//! too large for a complex sum). Everything here follows `_convert`'s order:
//! container elements left to right, each set element added and each dict
//! pair inserted right after it was converted, the first error kept.

use lalrpop_util::ParseError;

use crate::builder::Builder;
use crate::error::{ErrorKind, LimitKind};
use crate::value::{Complex, Int, Unhashable};

use super::token::{ActionError, Fail, Tok};

/// The grammar's error type for fallible actions.
pub(crate) type ActionResult<T> = Result<T, ParseError<usize, Tok, Fail>>;

/// A semantic error found while building, reported only if the whole input
/// parses (as in CPython, where `_convert` runs after parsing).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Deferred(pub(crate) Box<ActionError>);

impl Deferred {
    fn unhashable(err: &Unhashable, start: usize, end: usize) -> Deferred {
        Deferred(Box::new(ActionError::new(
            ErrorKind::Unhashable,
            err.to_string(),
            start,
            end,
        )))
    }
}

/// A converted value, or the first error met while converting it.
pub(crate) type Lit<V> = Result<V, Deferred>;

/// An `int` or `float` literal (possibly signed): the real side of a complex sum.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Real {
    Int(Int),
    Float(f64),
}

impl Real {
    pub(crate) fn neg(self) -> Real {
        match self {
            Real::Int(i) => Real::Int(-&i),
            Real::Float(f) => Real::Float(-f),
        }
    }
}

/// A numeric literal of any kind.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Num {
    Real(Real),
    Complex(Complex),
}

/// `-yj`: CPython negates `complex(0.0, y)`, giving `complex(-0.0, -y)`.
pub(crate) fn neg_imag(im: f64) -> Complex {
    Complex { re: -0.0, im: -im }
}

/// `+yj` / a bare `yj`: `complex(0.0, y)`.
pub(crate) fn imag(im: f64) -> Complex {
    Complex { re: 0.0, im }
}

/// `real ± imag`, with CPython's arithmetic: the real side becomes
/// `complex(x, 0.0)` first (so `-1-0j` is `(-1+0j)`), and an int too large
/// for a float raises `OverflowError`.
pub(crate) fn complex_sum(
    left: Real,
    minus: bool,
    im: f64,
    start: usize,
    end: usize,
) -> Result<Complex, Deferred> {
    let re = match left {
        Real::Float(f) => f,
        Real::Int(i) => i.to_f64().ok_or_else(|| {
            Deferred(Box::new(ActionError::new(
                ErrorKind::Overflow,
                "int too large to convert to float",
                start,
                end,
            )))
        })?,
    };
    Ok(if minus {
        Complex {
            re: re - 0.0,
            im: 0.0 - im,
        }
    } else {
        Complex {
            re: re + 0.0,
            im: 0.0 + im,
        }
    })
}

/// Counts built values against `Limits::max_nodes`.
pub(crate) struct Budget {
    used: usize,
    max: usize,
}

impl Budget {
    pub(crate) fn new(max: usize) -> Budget {
        Budget { used: 0, max }
    }

    /// Accounts for one more value, built from the text at `start..end`.
    pub(crate) fn take(&mut self, start: usize, end: usize) -> ActionResult<()> {
        self.used += 1;
        if self.used > self.max {
            return Err(ParseError::User {
                error: Fail::Limit(ActionError::limit(
                    LimitKind::Nodes,
                    format!("too many values (max_nodes = {})", self.max),
                    start,
                    end,
                )),
            });
        }
        Ok(())
    }
}

/// Builds a scalar and counts it.
pub(crate) fn scalar<B: Builder>(
    budget: &mut Budget,
    start: usize,
    end: usize,
    value: B::Value,
) -> ActionResult<Lit<B::Value>> {
    budget.take(start, end)?;
    Ok(Ok(value))
}

/// Builds a numeric literal.
pub(crate) fn number<B: Builder>(
    b: &mut B,
    budget: &mut Budget,
    start: usize,
    end: usize,
    num: Result<Num, Deferred>,
) -> ActionResult<Lit<B::Value>> {
    budget.take(start, end)?;
    Ok(num.map(|n| match n {
        Num::Real(Real::Int(i)) => b.int(i),
        Num::Real(Real::Float(f)) => b.float(f),
        Num::Complex(c) => b.complex(c),
    }))
}

/// List or tuple items converted so far.
pub(crate) struct Items<V> {
    values: Vec<V>,
    err: Option<Deferred>,
}

impl<V> Items<V> {
    pub(crate) fn new() -> Items<V> {
        Items {
            values: Vec::new(),
            err: None,
        }
    }

    pub(crate) fn push(mut self, item: Lit<V>) -> Items<V> {
        if self.err.is_none() {
            match item {
                Ok(v) => self.values.push(v),
                Err(e) => {
                    self.values = Vec::new();
                    self.err = Some(e);
                }
            }
        }
        self
    }

    fn finish(self, last: Option<Lit<V>>) -> Result<Vec<V>, Deferred> {
        let items = match last {
            Some(item) => self.push(item),
            None => self,
        };
        match items.err {
            Some(e) => Err(e),
            None => Ok(items.values),
        }
    }
}

/// Builds a list from items and an optional last item without a comma.
pub(crate) fn list<B: Builder>(
    b: &mut B,
    budget: &mut Budget,
    start: usize,
    end: usize,
    items: Items<B::Value>,
    last: Option<Lit<B::Value>>,
) -> ActionResult<Lit<B::Value>> {
    budget.take(start, end)?;
    Ok(items.finish(last).map(|v| b.list(v)))
}

/// Builds a tuple.
pub(crate) fn tuple<B: Builder>(
    b: &mut B,
    budget: &mut Budget,
    start: usize,
    end: usize,
    items: Items<B::Value>,
    last: Option<Lit<B::Value>>,
) -> ActionResult<Lit<B::Value>> {
    budget.take(start, end)?;
    Ok(items.finish(last).map(|v| b.tuple(v)))
}

/// A set under construction, or the first error met.
pub(crate) struct SetItems<S>(Result<S, Deferred>);

impl<S> SetItems<S> {
    pub(crate) fn new<B: Builder<Set = S>>(b: &mut B) -> SetItems<S> {
        SetItems(Ok(b.set_new()))
    }

    /// Adds an element converted from the text at `start..end`.
    pub(crate) fn add<B: Builder<Set = S>>(
        mut self,
        b: &mut B,
        item: Lit<B::Value>,
        start: usize,
        end: usize,
    ) -> SetItems<S> {
        if let Ok(set) = &mut self.0 {
            let added = item.and_then(|v| {
                b.set_add(set, v)
                    .map_err(|e| Deferred::unhashable(&e, start, end))
            });
            if let Err(e) = added {
                self.0 = Err(e);
            }
        }
        self
    }

    pub(crate) fn finish<B: Builder<Set = S>>(
        self,
        b: &mut B,
        budget: &mut Budget,
        start: usize,
        end: usize,
    ) -> ActionResult<Lit<B::Value>> {
        budget.take(start, end)?;
        Ok(self.0.map(|s| b.set_finish(s)))
    }
}

/// A dict under construction, or the first error met.
pub(crate) struct DictItems<D>(Result<D, Deferred>);

impl<D> DictItems<D> {
    pub(crate) fn new<B: Builder<Dict = D>>(b: &mut B) -> DictItems<D> {
        DictItems(Ok(b.dict_new()))
    }

    /// Inserts a pair whose key was converted from the text at `start..end`:
    /// key, then value, then the insertion, as `_convert` does.
    pub(crate) fn insert<B: Builder<Dict = D>>(
        mut self,
        b: &mut B,
        key: Lit<B::Value>,
        value: Lit<B::Value>,
        start: usize,
        end: usize,
    ) -> DictItems<D> {
        if let Ok(dict) = &mut self.0 {
            let inserted = key.and_then(|k| value.map(|v| (k, v))).and_then(|(k, v)| {
                b.dict_insert(dict, k, v)
                    .map_err(|e| Deferred::unhashable(&e, start, end))
            });
            if let Err(e) = inserted {
                self.0 = Err(e);
            }
        }
        self
    }

    pub(crate) fn finish<B: Builder<Dict = D>>(
        self,
        b: &mut B,
        budget: &mut Budget,
        start: usize,
        end: usize,
    ) -> ActionResult<Lit<B::Value>> {
        budget.take(start, end)?;
        Ok(self.0.map(|d| b.dict_finish(d)))
    }
}
