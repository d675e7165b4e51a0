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
/// Allowance per input byte: about 50 times the slowest path measured
/// with the sanitizers on (roughly 1 MB/s), so only super-linear blow-ups
/// and hangs trip it, not a busy machine.
const PER_BYTE: Duration = Duration::from_micros(20);

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
