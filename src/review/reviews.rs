//! The reviews table (SPEC §5): one Parquet file per decision under `OUT/reviews/`, append-only
//! and hash-chained.
//!
//! ```text
//! OUT/reviews/<UTC time>-<reviewer>-<n>.parquet
//! ```
//!
//! `<UTC time>` is `YYYYMMDDTHHMMSS.ffffffZ` (the decision's `decided_at`), `<n>` the review's
//! 1-based position in the chain, zero-padded to 6 digits. Files are written with the crate's
//! atomic writer (temporary name, fsync, rename), so a file is the unit of durability. Name order
//! is chain order: [`ReviewLog`] never gives a new review a time earlier than the last one.
//!
//! The chain rule is [`review_hash`]; [`verify_chain`] checks a whole dataset.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch, StringArray, TimestampMicrosecondArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit, TimestampMicrosecondType};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::sink::{self, read, schema::SCHEMA_VERSION, schema::SCHEMA_VERSION_KEY};

/// Folder of the reviews table inside a dataset.
pub const REVIEWS_DIR: &str = "reviews";

/// `prev_hash` of the first review of a dataset: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The columns of `reviews/*.parquet`, in order.
const COLUMNS: [&str; 12] = [
    "review_id",
    "doc_id",
    "reviewer",
    "decided_at",
    "category_before",
    "category_after",
    "sensitivity_before",
    "sensitivity_after",
    "comment",
    "model_id",
    "prev_hash",
    "hash",
];

static REVIEWS: LazyLock<SchemaRef> = LazyLock::new(|| {
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let fields = vec![
        utf8("review_id", false),
        utf8("doc_id", false),
        utf8("reviewer", false),
        Field::new(
            "decided_at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            false,
        ),
        utf8("category_before", true),
        utf8("category_after", true),
        utf8("sensitivity_before", false),
        utf8("sensitivity_after", false),
        utf8("comment", false),
        utf8("model_id", false),
        utf8("prev_hash", false),
        utf8("hash", false),
    ];
    let metadata: std::collections::HashMap<String, String> =
        [(SCHEMA_VERSION_KEY.to_string(), SCHEMA_VERSION.to_string())]
            .into_iter()
            .collect();
    Arc::new(Schema::new_with_metadata(fields, metadata))
});

/// Schema of `reviews/*.parquet`: one row per decision.
pub fn reviews_schema() -> SchemaRef {
    Arc::clone(&REVIEWS)
}

/// One reviewer decision: a row of the reviews table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Review {
    /// Random identifier (32 hex digits).
    pub review_id: String,
    /// The document decided on.
    pub doc_id: String,
    /// User name of the reviewer.
    pub reviewer: String,
    /// When the decision was recorded (UTC, microsecond precision).
    pub decided_at: DateTime<Utc>,
    /// Effective category before the decision (`None` when the document had none).
    pub category_before: Option<String>,
    /// Category decided (`None` only when an undo restored "no category").
    pub category_after: Option<String>,
    /// Effective sensitivity before the decision.
    pub sensitivity_before: String,
    /// Sensitivity decided.
    pub sensitivity_after: String,
    /// Reviewer's comment (empty when none).
    pub comment: String,
    /// The model whose prediction was reviewed.
    pub model_id: String,
    /// Hash of the previous review in the chain ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    /// [`review_hash`] of this row.
    pub hash: String,
}

/// `decided_at` as written into the hash: RFC 3339, UTC, exactly six fractional digits and `Z`,
/// e.g. `2025-03-01T08:15:00.123456Z`.
pub fn canonical_time(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The chain hash of a review row: lowercase hex sha256 of
///
/// ```text
/// prev_hash                                   (64 ASCII hex digits)
/// for each field in this order:
///   review_id, doc_id, reviewer, decided_at, category_before, category_after,
///   sensitivity_before, sensitivity_after, comment, model_id
/// append "\n", then
///   "-"                                       if the value is null
///   "<n>:" followed by the value's UTF-8 bytes  otherwise, n = byte length in decimal
/// ```
///
/// `decided_at` is [`canonical_time`]. Rows chain across all files of `OUT/reviews/` in file-name
/// order and row order within a file; the first row's `prev_hash` is [`GENESIS_HASH`].
pub fn review_hash(review: &Review) -> String {
    let mut h = Sha256::new();
    h.update(review.prev_hash.as_bytes());
    let time = canonical_time(&review.decided_at);
    let fields: [Option<&str>; 10] = [
        Some(&review.review_id),
        Some(&review.doc_id),
        Some(&review.reviewer),
        Some(&time),
        review.category_before.as_deref(),
        review.category_after.as_deref(),
        Some(&review.sensitivity_before),
        Some(&review.sensitivity_after),
        Some(&review.comment),
        Some(&review.model_id),
    ];
    for field in fields {
        h.update(b"\n");
        match field {
            None => h.update(b"-"),
            Some(v) => {
                h.update(format!("{}:", v.len()).as_bytes());
                h.update(v.as_bytes());
            }
        }
    }
    hex::encode(h.finalize())
}

/// Converts reviews to a batch of the reviews schema.
pub fn reviews_batch(reviews: &[Review]) -> RecordBatch {
    let s = |f: fn(&Review) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(reviews.iter().map(f)))
    };
    let o = |f: fn(&Review) -> Option<&str>| -> ArrayRef {
        Arc::new(reviews.iter().map(f).collect::<StringArray>())
    };
    let columns: Vec<ArrayRef> = vec![
        s(|r| &r.review_id),
        s(|r| &r.doc_id),
        s(|r| &r.reviewer),
        Arc::new(
            TimestampMicrosecondArray::from_iter_values(
                reviews.iter().map(|r| r.decided_at.timestamp_micros()),
            )
            .with_timezone("UTC"),
        ),
        o(|r| r.category_before.as_deref()),
        o(|r| r.category_after.as_deref()),
        s(|r| &r.sensitivity_before),
        s(|r| &r.sensitivity_after),
        s(|r| &r.comment),
        s(|r| &r.model_id),
        s(|r| &r.prev_hash),
        s(|r| &r.hash),
    ];
    RecordBatch::try_new(reviews_schema(), columns).expect("columns match the reviews schema")
}

/// Review files of a dataset in chain (name) order.
pub fn review_files(out: &Path) -> Vec<PathBuf> {
    sink::table_files(out, REVIEWS_DIR)
}

/// Reads every review of a dataset, in chain order.
pub fn read_reviews(out: &Path) -> Result<Vec<Review>> {
    let mut all = Vec::new();
    for file in review_files(out) {
        read_file(&file, &mut all)?;
    }
    Ok(all)
}

fn read_file(file: &Path, into: &mut Vec<Review>) -> Result<()> {
    for batch in read::read_columns(file, &COLUMNS, None)? {
        let bad = |c: &str| Error::output(file, format!("column `{c}` has an unexpected type"));
        let mut cols = Vec::new();
        for name in COLUMNS {
            if name == "decided_at" {
                continue;
            }
            let col = batch
                .column_by_name(name)
                .and_then(|c| c.as_string_opt::<i32>());
            cols.push(col.ok_or_else(|| bad(name))?);
        }
        let times = batch
            .column_by_name("decided_at")
            .and_then(|c| c.as_primitive_opt::<TimestampMicrosecondType>())
            .ok_or_else(|| bad("decided_at"))?;
        let req = |c: usize, i: usize| cols[c].value(i).to_string();
        let opt = |c: usize, i: usize| cols[c].is_valid(i).then(|| cols[c].value(i).to_string());
        for i in 0..batch.num_rows() {
            let decided_at =
                DateTime::from_timestamp_micros(times.value(i)).ok_or_else(|| bad("decided_at"))?;
            into.push(Review {
                review_id: req(0, i),
                doc_id: req(1, i),
                reviewer: req(2, i),
                decided_at,
                category_before: opt(3, i),
                category_after: opt(4, i),
                sensitivity_before: req(5, i),
                sensitivity_after: req(6, i),
                comment: req(7, i),
                model_id: req(8, i),
                prev_hash: req(9, i),
                hash: req(10, i),
            });
        }
    }
    Ok(())
}

/// Where the review chain of a dataset breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("review chain broken at row {index} (review {review_id}): {reason}")]
pub struct ChainBreak {
    /// 0-based position in the chain.
    pub index: usize,
    /// The offending review.
    pub review_id: String,
    /// What does not match.
    pub reason: String,
}

/// Checks that `reviews` (in chain order) form an unbroken chain from [`GENESIS_HASH`].
pub fn check_chain(reviews: &[Review]) -> std::result::Result<(), ChainBreak> {
    let mut prev = GENESIS_HASH;
    for (index, r) in reviews.iter().enumerate() {
        let brk = |reason: String| ChainBreak {
            index,
            review_id: r.review_id.clone(),
            reason,
        };
        if r.prev_hash != prev {
            return Err(brk(format!(
                "prev_hash {} but the previous row's hash is {prev}",
                r.prev_hash
            )));
        }
        let want = review_hash(r);
        if r.hash != want {
            return Err(brk(format!("hash {} but the row hashes to {want}", r.hash)));
        }
        prev = &r.hash;
    }
    Ok(())
}

/// Reads the reviews of `out` and checks their chain; returns the number of reviews.
pub fn verify_chain(out: &Path) -> Result<usize> {
    let reviews = read_reviews(out)?;
    check_chain(&reviews).map_err(|e| Error::output(out.join(REVIEWS_DIR), e))?;
    Ok(reviews.len())
}

/// A decision to append.
#[derive(Debug, Clone)]
pub struct NewReview {
    /// The document.
    pub doc_id: String,
    /// Who decided.
    pub reviewer: String,
    /// Effective category before.
    pub category_before: Option<String>,
    /// Category decided.
    pub category_after: Option<String>,
    /// Effective sensitivity before.
    pub sensitivity_before: String,
    /// Sensitivity decided.
    pub sensitivity_after: String,
    /// Comment, possibly empty.
    pub comment: String,
    /// Model whose prediction is reviewed.
    pub model_id: String,
}

/// The reviews of a dataset in memory, and the appender that extends the chain.
///
/// Holding a `ReviewLog` holds an exclusive lock on `OUT/reviews/.lock`, so two review servers
/// cannot interleave appends to one chain.
#[derive(Debug)]
pub struct ReviewLog {
    out: PathBuf,
    reviews: Vec<Review>,
    latest: HashMap<String, usize>,
    _lock: File,
}

impl ReviewLog {
    /// Opens the reviews of `out`, checking the chain; creates `OUT/reviews/` if missing.
    pub fn open(out: &Path) -> Result<Self> {
        let dir = out.join(REVIEWS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::output(
                &dir,
                format!("cannot create folder ({e}); is the dataset writable?"),
            )
        })?;
        let lock_path = dir.join(".lock");
        let lock = File::create(&lock_path).map_err(|e| Error::output(&lock_path, e))?;
        lock.try_lock().map_err(|_| {
            Error::output(
                &lock_path,
                "another arkiv review server is using this dataset; stop it first",
            )
        })?;
        let reviews = read_reviews(out)?;
        check_chain(&reviews).map_err(|e| {
            Error::output(
                &dir,
                format!(
                    "{e}; the reviews were altered — restore them from backup before reviewing"
                ),
            )
        })?;
        let mut log = ReviewLog {
            out: out.to_path_buf(),
            reviews: Vec::with_capacity(reviews.len()),
            latest: HashMap::new(),
            _lock: lock,
        };
        for r in reviews {
            log.push(r);
        }
        Ok(log)
    }

    fn push(&mut self, r: Review) {
        self.latest.insert(r.doc_id.clone(), self.reviews.len());
        self.reviews.push(r);
    }

    /// All reviews in chain order.
    pub fn all(&self) -> &[Review] {
        &self.reviews
    }

    /// The effective (latest) review of a document.
    pub fn latest(&self, doc_id: &str) -> Option<&Review> {
        self.latest.get(doc_id).map(|&i| &self.reviews[i])
    }

    /// A review by id.
    pub fn by_id(&self, review_id: &str) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| r.review_id == review_id)
    }

    /// Every review of a document, oldest first.
    pub fn history(&self, doc_id: &str) -> Vec<&Review> {
        self.reviews.iter().filter(|r| r.doc_id == doc_id).collect()
    }

    /// Appends a decision: writes its file durably (fsync + rename) and only then adds it to the
    /// in-memory chain.
    pub fn append(&mut self, new: NewReview) -> Result<Review> {
        let now = Utc::now().trunc_subsecs(6);
        let decided_at = match self.reviews.last() {
            Some(last) if now <= last.decided_at => last.decided_at + Duration::microseconds(1),
            _ => now,
        };
        let mut id = [0u8; 16];
        getrandom::fill(&mut id).map_err(|e| Error::output(&self.out, e))?;
        let mut review = Review {
            review_id: hex::encode(id),
            doc_id: new.doc_id,
            reviewer: new.reviewer,
            decided_at,
            category_before: new.category_before,
            category_after: new.category_after,
            sensitivity_before: new.sensitivity_before,
            sensitivity_after: new.sensitivity_after,
            comment: new.comment,
            model_id: new.model_id,
            prev_hash: self
                .reviews
                .last()
                .map_or_else(|| GENESIS_HASH.to_string(), |r| r.hash.clone()),
            hash: String::new(),
        };
        review.hash = review_hash(&review);
        let name = format!(
            "{REVIEWS_DIR}/{}-{}-{:06}.parquet",
            decided_at.format("%Y%m%dT%H%M%S%.6fZ"),
            file_safe(&review.reviewer),
            self.reviews.len() + 1
        );
        sink::parquet::write_parquet(
            &self.out,
            &name,
            &reviews_batch(std::slice::from_ref(&review)),
        )?;
        self.push(review.clone());
        Ok(review)
    }
}

/// A reviewer name reduced to characters safe in a file name.
fn file_safe(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    if s.is_empty() { "_".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(doc: &str, after: &str) -> NewReview {
        NewReview {
            doc_id: doc.into(),
            reviewer: "ann".into(),
            category_before: None,
            category_after: Some(after.into()),
            sensitivity_before: "S2".into(),
            sensitivity_after: "S3".into(),
            comment: "line one\nline two".into(),
            model_id: "m@1".into(),
        }
    }

    #[test]
    fn appends_chain_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = ReviewLog::open(dir.path()).unwrap();
        let a = log.append(new("d1", "finance")).unwrap();
        let b = log.append(new("d1", "medical")).unwrap();
        assert_eq!(a.prev_hash, GENESIS_HASH);
        assert_eq!(b.prev_hash, a.hash);
        assert!(b.decided_at > a.decided_at);
        assert_eq!(log.latest("d1").unwrap().review_id, b.review_id);
        drop(log);
        let back = read_reviews(dir.path()).unwrap();
        assert_eq!(back, vec![a, b]);
        assert_eq!(verify_chain(dir.path()).unwrap(), 2);
    }

    #[test]
    fn detects_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = ReviewLog::open(dir.path()).unwrap();
        log.append(new("d1", "finance")).unwrap();
        log.append(new("d2", "finance")).unwrap();
        let mut rows = log.all().to_vec();
        rows[0].category_after = Some("medical".into());
        let err = check_chain(&rows).unwrap_err();
        assert_eq!(err.index, 0);
        let mut rows = log.all().to_vec();
        rows.remove(0);
        assert_eq!(check_chain(&rows).unwrap_err().index, 0);
    }

    #[test]
    fn hash_separates_null_from_text() {
        let mut r = Review {
            review_id: "x".into(),
            doc_id: "d".into(),
            reviewer: "ann".into(),
            decided_at: DateTime::from_timestamp_micros(1_700_000_000_000_001).unwrap(),
            category_before: None,
            category_after: Some("-".into()),
            sensitivity_before: "S1".into(),
            sensitivity_after: "S1".into(),
            comment: String::new(),
            model_id: String::new(),
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        };
        let a = review_hash(&r);
        r.category_before = Some("-".into());
        assert_ne!(a, review_hash(&r));
        assert_eq!(canonical_time(&r.decided_at), "2023-11-14T22:13:20.000001Z");
    }

    #[test]
    fn second_log_on_same_dataset_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = ReviewLog::open(dir.path()).unwrap();
        let err = ReviewLog::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("another arkiv review server"), "{err}");
    }
}
