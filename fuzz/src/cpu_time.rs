//! The calling thread's CPU time, for time budgets that a busy machine must
//! not trip: wall-clock time grows with the load of other processes (and a
//! niced fuzzer on a loaded machine gets a fraction of a core), CPU time
//! only with the work done.

use std::time::{Duration, Instant};

/// A stopwatch on the calling thread's CPU time (Linux:
/// `/proc/thread-self/schedstat`, nanoseconds on the CPU); wall-clock time
/// where that file cannot be read.
pub struct CpuStopwatch {
    start_cpu: Option<Duration>,
    start_wall: Instant,
}

impl CpuStopwatch {
    /// Starts measuring now.
    pub fn start() -> CpuStopwatch {
        CpuStopwatch {
            start_cpu: thread_cpu_time(),
            start_wall: Instant::now(),
        }
    }

    /// The CPU time the thread used since [`CpuStopwatch::start`] (the
    /// wall-clock time if CPU time is unavailable).
    pub fn elapsed(&self) -> Duration {
        match (self.start_cpu, thread_cpu_time()) {
            (Some(start), Some(now)) => now.saturating_sub(start),
            _ => self.start_wall.elapsed(),
        }
    }
}

/// The calling thread's total time on a CPU, if the kernel reports it.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
