//! Finding and loading the ONNX Runtime shared library.
//!
//! `make setup` extracts the library from the pinned PyPI `onnxruntime` wheel into
//! `.runtime/` at the top of the checkout. arkiv looks, in order, at an explicit path
//! (`--ort-lib` or `ARKIV_ORT_LIB`), at `.runtime/` beside or above the running executable, and at
//! `.runtime/` of the checkout it was built from.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// Environment variable naming the library explicitly.
pub const ENV_VAR: &str = "ARKIV_ORT_LIB";

/// Folder name that `make setup` fills.
const RUNTIME_DIR: &str = ".runtime";

/// The process's ONNX Runtime environment, kept alive for every session.
static LOADED: OnceLock<std::result::Result<(PathBuf, ort::environment::Environment), String>> =
    OnceLock::new();

/// Finds the library: the explicit path if given, else the first `libonnxruntime.so*` in the
/// known `.runtime/` folders.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).map(|d| d.join(RUNTIME_DIR)));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(RUNTIME_DIR));
    for dir in &candidates {
        if let Some(lib) = find_library_in(dir) {
            return Ok(lib);
        }
    }
    let mut looked: Vec<String> = candidates.iter().map(|d| d.display().to_string()).collect();
    looked.dedup();
    Err(Error::RuntimeNotFound {
        looked: looked.join(", "),
    })
}

fn find_library_in(dir: &Path) -> Option<PathBuf> {
    let mut libs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libonnxruntime.so"))
        })
        .collect();
    libs.sort();
    libs.pop()
}

/// Loads ONNX Runtime once per process. Later calls return the first call's outcome.
pub fn init(explicit: Option<&Path>) -> Result<PathBuf> {
    let outcome = LOADED.get_or_init(|| {
        let path = locate(explicit).map_err(|e| e.to_string())?;
        if !path.is_file() {
            return Err(Error::Runtime {
                path,
                reason: "no such file".into(),
            }
            .to_string());
        }
        let builder = ort::init_from(&path).map_err(|e| {
            Error::Runtime {
                path: path.clone(),
                reason: e.to_string(),
            }
            .to_string()
        })?;
        let env = builder.with_name("arkiv").build().map_err(|e| {
            Error::Runtime {
                path: path.clone(),
                reason: e.to_string(),
            }
            .to_string()
        })?;
        Ok((path, env))
    });
    match outcome {
        Ok((path, _)) => Ok(path.clone()),
        Err(message) => Err(Error::RuntimeUnavailable(message.clone())),
    }
}

/// The environment created by [`init`]; an error if `init` has not succeeded.
pub fn environment() -> Result<&'static ort::environment::Environment> {
    match LOADED.get() {
        Some(Ok((_, env))) => Ok(env),
        Some(Err(message)) => Err(Error::RuntimeUnavailable(message.clone())),
        None => Err(Error::RuntimeUnavailable(
            "ONNX Runtime was not initialised (call arkiv::runtime::init first)".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_path_wins() {
        let p = Path::new("/opt/ort/libonnxruntime.so");
        assert_eq!(locate(Some(p)).unwrap(), p);
    }

    #[test]
    fn finds_versioned_library_in_folder() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("libonnxruntime.so.1.32.0"), b"").unwrap();
        std::fs::write(tmp.path().join("README"), b"").unwrap();
        assert_eq!(
            find_library_in(tmp.path()).unwrap(),
            tmp.path().join("libonnxruntime.so.1.32.0")
        );
        assert!(find_library_in(&tmp.path().join("missing")).is_none());
    }
}
