//! `roundtrip`: a structure-aware value (`safelit_fuzz::gen_value`) must read
//! back exactly, types included (`Value::strict_eq`), from
//!
//! 1. its `Display` (CPython's repr), when that repr is a literal that keeps
//!    every part (no `Ellipsis`/`inf`, only complex numbers whose repr
//!    keeps their signed zeros); otherwise the repr must read back as an
//!    equivalent value or fail as CPython does on a name;
//! 2. a spelling in other Python syntax chosen by the remaining bytes
//!    (`safelit_fuzz::gen_value::Writer`): int bases, float layouts, quotes,
//!    prefixes, escapes, concatenation, comments, continuations, parens.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use safelit::parse_with;
use safelit_fuzz::check::{check_reparse, UNLIMITED};
use safelit_fuzz::gen_value::{repr_round_trips, ArbNode, Writer};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(ArbNode(node)) = ArbNode::arbitrary(&mut u) else {
        return;
    };
    let value = node.to_value();

    let repr = value.to_string();
    if repr_round_trips(&value) {
        match parse_with(&repr, &UNLIMITED) {
            Ok(back) => assert!(back.strict_eq(&value), "repr {repr:?} read back as {back}"),
            Err(e) => panic!("repr {repr:?} does not parse: {e:?}"),
        }
    } else {
        check_reparse(&value);
    }

    let text = Writer::write(&mut u, &node);
    match parse_with(&text, &UNLIMITED) {
        Ok(back) => assert!(
            back.strict_eq(&value),
            "{text:?} read back as {back}, expected {repr}"
        ),
        Err(e) => panic!("{text:?} does not parse: {e:?}\nexpected {repr}"),
    }
});
