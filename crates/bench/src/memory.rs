/// The peak resident set size of this process (`VmHWM` in `/proc/self/status`), in bytes;
/// `None` where the kernel does not say (not Linux).
pub fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
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
    fn reads_a_peak_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(super::peak_resident_bytes().is_some_and(|b| b > 1024 * 1024));
        }
    }
}
