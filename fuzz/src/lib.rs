//! Shared code of safelit's fuzz targets (`fuzz_targets/*.rs`).
//!
//! * [`cpu_time`]: a stopwatch on the thread's CPU time, for time budgets.
//! * [`header`]: the 4-byte limits header of the `parse` target's inputs.
//! * [`check`]: the properties every outcome must have (error positions,
//!   limit errors that are justified, values that print and read back).
//! * [`gen_value`]: structure-aware values for the `roundtrip` target, and a
//!   writer that spells a value in many equivalent Python syntaxes.
//! * [`gen_limits`]: deep, long and huge inputs for the `limits` target, with
//!   the outcome each must have.
//!
//! A failed check panics: libFuzzer records the input as a crash.

pub mod check;
pub mod cpu_time;
pub mod gen_limits;
pub mod gen_value;
pub mod header;
