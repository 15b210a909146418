//! The audit log: `OUT/audit/audit.jsonl`, one JSON object a line, appended and fsynced per
//! record. It says who did what when (logins, failed logins, unmaskings, page views, decisions)
//! and never holds unmasked text.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Folder of the audit log inside a dataset.
pub const AUDIT_DIR: &str = "audit";
/// File name of the audit log.
pub const AUDIT_FILE: &str = "audit.jsonl";

/// One audit record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// User name (as typed, for failed logins).
    pub user: String,
    /// `login`, `login_failed`, `login_blocked`, `logout`, `unmask_text`, `view_page`,
    /// `access_denied`, `decision` or `undo`.
    pub event: String,
    /// Document concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// What was done, e.g. `medical/S4 -> finance/S3` or `page 2`; never unmasked text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Client address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remote: String,
}

/// Appends audit records durably.
#[derive(Debug)]
pub struct AuditLog {
    path: PathBuf,
    file: Mutex<File>,
}

impl AuditLog {
    /// Opens (creating) `OUT/audit/audit.jsonl` for appending.
    pub fn open(out: &Path) -> Result<AuditLog> {
        let dir = out.join(AUDIT_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::output(&dir, e))?;
        let path = dir.join(AUDIT_FILE);
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| Error::output(&path, e))?;
        Ok(AuditLog {
            path,
            file: Mutex::new(file),
        })
    }

    /// Appends one record and fsyncs it.
    pub fn record(&self, event: &AuditEvent) -> Result<()> {
        let mut line = serde_json::to_vec(event).map_err(|e| Error::output(&self.path, e))?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.write_all(&line)
            .and_then(|()| file.sync_data())
            .map_err(|e| Error::output(&self.path, e))
    }

    /// The newest `limit` records, newest first (unreadable lines are skipped).
    pub fn recent(&self, limit: usize) -> Result<Vec<AuditEvent>> {
        read_recent(&self.path, limit)
    }
}

/// The newest `limit` records of an audit file, newest first.
pub fn read_recent(path: &Path, limit: usize) -> Result<Vec<AuditEvent>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::output(path, e)),
    };
    let mut ring = std::collections::VecDeque::with_capacity(limit.min(10_000));
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| Error::output(path, e))?;
        if let Ok(event) = serde_json::from_str::<AuditEvent>(&line) {
            if ring.len() == limit {
                ring.pop_front();
            }
            if limit > 0 {
                ring.push_back(event);
            }
        }
    }
    Ok(ring.into_iter().rev().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_and_reads_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path()).unwrap();
        for i in 0..5 {
            log.record(&AuditEvent {
                at: Utc::now(),
                user: format!("u{i}"),
                event: "login".into(),
                doc_id: None,
                detail: String::new(),
                remote: String::new(),
            })
            .unwrap();
        }
        let got = log.recent(2).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].user, "u4");
        assert_eq!(got[1].user, "u3");
    }
}
