//! Crash points for the kill-and-resume tests, and a simulated full disk.
//!
//! When the environment variable `ARKIV_CRASH_AT` is `NAME` or `NAME:N`, the process aborts —
//! like `kill -9`, without unwinding or flushing — the first (or N-th) time it reaches the point
//! called `NAME`. Points: `parquet-before-rename` (a part file written and fsynced under its
//! temporary name), `between-tables` (pages part published, documents part not yet),
//! `file-half-written` (half of a manifest written). Unset, a point costs one relaxed atomic load.
//!
//! When `ARKIV_DISK_FULL_AFTER` is a number of bytes, writes of dataset files fail with "No space
//! left on device" once the process has written that many bytes, as on a full disk.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

static TARGET: OnceLock<Option<(String, u32)>> = OnceLock::new();
static HITS: AtomicU32 = AtomicU32::new(0);

fn target() -> &'static Option<(String, u32)> {
    TARGET.get_or_init(|| {
        let spec = std::env::var("ARKIV_CRASH_AT").ok()?;
        let (name, n) = match spec.split_once(':') {
            Some((name, n)) => (name.to_string(), n.parse().unwrap_or(1)),
            None => (spec, 1),
        };
        Some((name, n.max(1)))
    })
}

/// Aborts the process if this is the configured crash point and hit.
pub fn point(name: &str) {
    if let Some((target, n)) = target()
        && target == name
        && HITS.fetch_add(1, Ordering::Relaxed) + 1 == *n
    {
        std::process::abort();
    }
}

static DISK_LIMIT: OnceLock<Option<u64>> = OnceLock::new();
static WRITTEN: AtomicU64 = AtomicU64::new(0);

/// Accounts `len` bytes about to be written to the dataset; fails as a full disk would when the
/// simulated capacity (`ARKIV_DISK_FULL_AFTER`) is used up.
pub fn disk_write(len: usize) -> std::io::Result<()> {
    let limit = DISK_LIMIT.get_or_init(|| {
        std::env::var("ARKIV_DISK_FULL_AFTER")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(limit) = limit
        && WRITTEN.fetch_add(len as u64, Ordering::Relaxed) + len as u64 > *limit
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device (simulated by ARKIV_DISK_FULL_AFTER)",
        ));
    }
    Ok(())
}
