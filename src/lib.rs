//! arkiv: a batch pipeline for archive digitisation.
//!
//! Scanned records go through OCR ([`ocr`]), personal-data detection and masking ([`pii`]), an
//! ONNX classifier for archive category and sensitivity ([`classify`]) and the decision rules
//! ([`decide`]) into a Parquet dataset ([`sink`]). [`pipeline`] wires the stages; [`record`]
//! holds the types that flow between them.

pub mod classify;
pub mod decide;
pub mod error;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod inspect;
pub mod ocr;
pub mod pii;
pub mod pipeline;
pub mod record;
pub mod review;
pub mod runtime;
pub mod sink;
pub mod verify;

pub use error::{Error, Result};
pub use pipeline::{RunOptions, RunSummary, Shard, run};
