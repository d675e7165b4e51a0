//! `limits`: generated deep, long and huge inputs
//! (`safelit_fuzz::gen_limits`) with random limits near and far from their
//! sizes. Each must give its value or the error of a limit it trips
//! (`safelit_fuzz::check::check_case`), in time linear in its size, with
//! memory bounded by libFuzzer's `-rss_limit_mb` / `-malloc_limit_mb`.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use safelit_fuzz::check::{check_case, check_reparse};
use safelit_fuzz::cpu_time::CpuStopwatch;
use safelit_fuzz::gen_limits::Case;
use std::time::Duration;

/// Fixed allowance per parse, whatever its size, in CPU time of the
/// fuzzing thread (wall-clock time would trip on a loaded machine).
const BASE: Duration = Duration::from_secs(2);
/// Allowance per input byte, for all the parses `check_case` makes of
/// one input (with the limits, without, at `max_nodes` exactly and one
/// below). The slowest linear path found so far is a syntax error at the
/// end of a long literal (`[b"..", {(1, (2,)): 0, ...}, [0(, 1]`: the full
/// grammar, CPython's two parser passes and the scans of the rest of the
/// input each read it all): 1.25 µs per byte in a release build, about
/// 27 µs per byte for the whole check in this instrumented one. Three times
/// that still trips on any super-linear blow-up or hang long before the
/// largest inputs (1 MiB) are reached.
const PER_BYTE: Duration = Duration::from_micros(80);

fuzz_target!(|data: &[u8]| {
    let Ok(case) = Case::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    let stopwatch = CpuStopwatch::start();
    let outcome = check_case(&case);
    let elapsed = stopwatch.elapsed();
    let allowed = BASE + PER_BYTE * u32::try_from(case.text.len()).unwrap_or(u32::MAX);
    assert!(
        elapsed <= allowed,
        "{} bytes took {elapsed:?} of CPU time (allowed {allowed:?}) under {:?}",
        case.text.len(),
        case.limits
    );
    if let Ok(value) = &outcome.result {
        if case.text.len() <= 1 << 14 {
            check_reparse(value);
        }
    }
});
