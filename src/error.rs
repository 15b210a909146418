//! Errors that stop a command (as opposed to a bad input, which becomes a failed row).

use std::path::PathBuf;

/// A failure that keeps arkiv from doing its job at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The ONNX Runtime shared library is missing or unusable.
    #[error(
        "ONNX Runtime could not be loaded from {path}: {reason}\n  \
         Run `make setup` in the arkiv checkout (it installs the runtime into .runtime/), \
         or pass --ort-lib / set ARKIV_ORT_LIB to a libonnxruntime.so of version 1.31 or newer."
    )]
    Runtime {
        /// The library path tried.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// No ONNX Runtime shared library was found in the known places.
    #[error(
        "no ONNX Runtime library found (looked in: {looked})\n  \
         Run `make setup` in the arkiv checkout, or pass --ort-lib / set ARKIV_ORT_LIB to a \
         libonnxruntime.so of version 1.31 or newer."
    )]
    RuntimeNotFound {
        /// The places searched, comma-separated.
        looked: String,
    },
    /// ONNX Runtime failed to load earlier in this process (the message says why).
    #[error("{0}")]
    RuntimeUnavailable(String),
    /// The model package is unusable.
    #[error("model package {dir}: {reason}")]
    Model {
        /// Package directory.
        dir: PathBuf,
        /// What is wrong and what to do.
        reason: String,
    },
    /// The OCR engine could not start.
    #[error("OCR engine: {0}")]
    Ocr(String),
    /// Reading or writing the output dataset failed.
    #[error("output {path}: {reason}")]
    Output {
        /// File or directory concerned.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// An input path given on the command line does not exist or cannot be listed.
    #[error("input {path}: {reason}")]
    Input {
        /// The path.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Invalid option values.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Shorthand for an output error from an I/O error.
    pub fn output(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        let mut reason = err.to_string();
        if reason.contains("No space left on device") {
            reason.push_str(
                ". The disk is full: free space or choose another --out, then run the same \
                 command again; documents already written are kept and skipped",
            );
        }
        Error::Output {
            path: path.into(),
            reason,
        }
    }

    /// Shorthand for a model package error.
    pub fn model(dir: impl Into<PathBuf>, reason: impl std::fmt::Display) -> Self {
        Error::Model {
            dir: dir.into(),
            reason: reason.to_string(),
        }
    }
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
