//! `parse`: arbitrary bytes with arbitrary limits (`safelit_fuzz::header`).
//!
//! No panic, abort or timeout; every error lies inside the input with a
//! 1-based position and a justified limit; the outcome under the limits
//! agrees with the outcome without them; `max_nodes` is exact; every value
//! prints and reads back (`safelit_fuzz::check`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use safelit_fuzz::check::{
    check_against_unlimited, check_node_limit_is_exact, check_outcome, check_reparse, run,
    UNLIMITED,
};
use safelit_fuzz::header;

fuzz_target!(|data: &[u8]| {
    let (limits, text) = header::split(data);
    let limited = run(&text, &limits);
    check_outcome(&text, &limits, &limited);
    let unlimited = run(&text, &UNLIMITED);
    check_outcome(&text, &UNLIMITED, &unlimited);
    check_against_unlimited(&text, &limits, &limited, &unlimited);
    if let Ok(value) = &unlimited.result {
        check_node_limit_is_exact(&text, &UNLIMITED, unlimited.built);
        check_reparse(value);
    }
});
