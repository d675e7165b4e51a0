//! # safelit
//!
//! A safe, exact and fast replacement for Python's `ast.literal_eval()`.
//! (crate documentation: being written)

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod builder;
mod decode;
mod error;
mod limits;
mod unicode;
mod value;

pub use builder::{Builder, ValueBuilder};
pub use error::{Error, ErrorKind, LimitKind};
pub use limits::Limits;
pub use value::{CodePoints, Complex, Dict, Int, PyStr, Set, Unhashable, Value};
