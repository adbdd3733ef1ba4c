use std::time::Duration;

/// The CPU time this thread has run so far (the first field of `/proc/thread-self/schedstat`,
/// in nanoseconds); `None` where the kernel does not say (not Linux, or no schedstat).
///
/// On a busy machine, wall-clock time counts the time other processes held the core; the CPU
/// time of the thread does not, so figures "on one core" stay comparable.
pub fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_time_grows_with_work() {
        let Some(before) = super::thread_cpu_time() else {
            return; // not Linux
        };
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        let after = super::thread_cpu_time().expect("still readable");
        assert!(after > before, "{before:?} then {after:?} ({x})");
    }
}
