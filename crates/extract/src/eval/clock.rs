//! Running the extractor over pages in memory on one thread, timed in CPU time.

use std::time::{Duration, Instant};

use super::{Page, Prediction};
use crate::extract_html;

/// How long a run of the extractor took.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timing {
    /// Pages extracted (pages × rounds).
    pub pages: usize,
    /// Bytes of HTML extracted.
    pub bytes: usize,
    /// CPU seconds of the extracting thread (wall seconds where the kernel does not say).
    pub cpu_seconds: f64,
    /// Wall-clock seconds.
    pub wall_seconds: f64,
}

impl Timing {
    /// Pages per CPU-second.
    pub fn pages_per_cpu_second(&self) -> f64 {
        self.pages as f64 / self.cpu_seconds.max(1e-9)
    }

    /// MB (10⁶ bytes) of HTML per CPU-second.
    pub fn megabytes_per_cpu_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.cpu_seconds.max(1e-9)
    }
}

/// Extracts every page `rounds` times (at least once) on this thread; gives the predictions of
/// the first round and the time of all of them.
pub fn run(pages: &[Page], rounds: usize) -> (Vec<Prediction>, Timing) {
    let wall = Instant::now();
    let cpu = ThreadClock::start();
    let mut predictions = Vec::with_capacity(pages.len());
    let mut timing = Timing::default();
    for round in 0..rounds.max(1) {
        for page in pages {
            let article = extract_html(&page.html, page.url.as_deref());
            if round == 0 {
                predictions.push(Prediction::of(&article));
            }
            timing.pages += 1;
            timing.bytes += page.html.len();
        }
    }
    timing.cpu_seconds = cpu
        .elapsed()
        .unwrap_or_else(|| wall.elapsed().as_secs_f64());
    timing.wall_seconds = wall.elapsed().as_secs_f64();
    (predictions, timing)
}

/// CPU time of the calling thread at a start.
struct ThreadClock(Option<Duration>);

impl ThreadClock {
    fn start() -> Self {
        ThreadClock(thread_cpu_time())
    }

    fn elapsed(&self) -> Option<f64> {
        let start = self.0?;
        let now = thread_cpu_time()?;
        Some(now.saturating_sub(start).as_secs_f64())
    }
}

/// The CPU time this thread has run so far (the first field of `/proc/thread-self/schedstat`,
/// in nanoseconds); `None` where the kernel does not say (not Linux, or no schedstat).
///
/// On a busy machine, wall-clock time counts the time other processes held the core; the CPU
/// time of the thread does not, so figures "on one core" stay comparable. The benchmarks and
/// `dossier ner --bench` time with it too.
pub fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The peak resident set size of this process (`VmHWM` in `/proc/self/status`), in bytes;
/// `None` where the kernel does not say.
pub fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes * 1024)
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

    #[test]
    fn reads_a_peak_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(super::peak_resident_bytes().is_some_and(|b| b > 1024 * 1024));
        }
    }
}
