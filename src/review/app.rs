//! What the review app does, independent of HTTP: sessions and login throttling, the queue,
//! document views with clearance checks, decisions and undo, the audit trail.
//!
//! Every method is synchronous (the HTTP layer runs them on blocking threads). Errors are
//! [`AppError`]s whose message tells the user what to do.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::audit::{AuditEvent, AuditLog};
use super::dataset::{Dataset, DocEntry};
use super::pages::{self, PageError, SourceState};
use super::reviews::{NewReview, Review, ReviewLog};
use super::users::{User, Users};
use crate::error::Result;
use crate::record::Level;

/// Sessions end after this long without a request.
pub const SESSION_IDLE: Duration = Duration::from_secs(2 * 3600);
/// Sessions end this long after login, whatever happens.
pub const SESSION_MAX: Duration = Duration::from_secs(12 * 3600);
/// Failed logins remembered for throttling.
pub const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failed logins allowed per user name within [`LOGIN_WINDOW`].
pub const MAX_FAILURES_PER_USER: usize = 5;
/// Failed logins allowed per client address within [`LOGIN_WINDOW`].
pub const MAX_FAILURES_PER_ADDRESS: usize = 20;
/// Longest comment accepted, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;

/// What went wrong, as the HTTP layer maps it to a status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 400.
    BadRequest,
    /// 401.
    Unauthorized,
    /// 403.
    Forbidden,
    /// 404.
    NotFound,
    /// 409.
    Conflict,
    /// 429.
    TooManyRequests,
    /// 500.
    Internal,
}

/// An error for the user of the app: a kind and a message saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// Kind (HTTP status).
    pub kind: ErrorKind,
    /// What happened and what to do.
    pub message: String,
    /// Seconds to wait before retrying (throttled logins).
    pub retry_after: Option<u64>,
}

impl AppError {
    /// An error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
            retry_after: None,
        }
    }

    fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!("{e}");
        AppError::new(ErrorKind::Internal, format!("server error: {e}"))
    }

    /// The 401 returned without a valid session.
    pub fn login_required() -> Self {
        AppError::new(
            ErrorKind::Unauthorized,
            "not logged in or session expired; log in again (POST /api/login)",
        )
    }

    fn no_doc(doc_id: &str) -> Self {
        AppError::new(
            ErrorKind::NotFound,
            format!("no document {doc_id} in this dataset; pick one from GET /api/queue"),
        )
    }
}

/// A logged-in session as the HTTP layer sees it.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    /// The user, as the users file says now.
    pub user: User,
    /// Token that state-changing requests must send in `X-CSRF-Token`.
    pub csrf_token: String,
}

#[derive(Debug)]
struct Session {
    user: String,
    csrf: String,
    created: Instant,
    last_seen: Instant,
}

#[derive(Debug, Default)]
struct Throttle {
    failures: HashMap<String, Vec<Instant>>,
}

impl Throttle {
    fn blocked(&mut self, key: &str, max: usize) -> Option<u64> {
        let now = Instant::now();
        let list = self.failures.entry(key.to_string()).or_default();
        list.retain(|t| now.duration_since(*t) < LOGIN_WINDOW);
        if list.len() >= max {
            let oldest = list[0];
            Some((LOGIN_WINDOW.saturating_sub(now.duration_since(oldest))).as_secs() + 1)
        } else {
            None
        }
    }

    fn fail(&mut self, key: &str) {
        self.failures
            .entry(key.to_string())
            .or_default()
            .push(Instant::now());
    }

    fn clear(&mut self, key: &str) {
        self.failures.remove(key);
    }
}

/// Queue filters (all optional); `include_done` also lists reviewed documents.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QueueFilter {
    /// Predicted (or reviewed) category.
    pub category: Option<String>,
    /// Effective sensitivity, `S1`…`S5`.
    pub sensitivity: Option<String>,
    /// A review reason.
    pub reason: Option<String>,
    /// A run id.
    pub run: Option<String>,
    /// Also list documents that already have a review.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub include_done: bool,
    /// Most items returned (default 1,000).
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    let s = String::deserialize(d)?;
    Ok(matches!(s.as_str(), "1" | "true" | "yes" | "on"))
}

impl QueueFilter {
    fn blank(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A document's label as it stands: its latest review, else the prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effective {
    /// Category.
    pub category: Option<String>,
    /// Sensitivity.
    pub sensitivity: String,
    /// `review` or `prediction`.
    pub source: &'static str,
    /// Reviewer of the latest review.
    pub reviewer: Option<String>,
    /// Its review id.
    pub review_id: Option<String>,
}

/// One row of the queue.
#[derive(Debug, Clone, Serialize)]
pub struct QueueItem {
    /// Document id.
    pub doc_id: String,
    /// File name of the source (no folders).
    pub name: String,
    /// Predicted category and its probability.
    pub category: Option<String>,
    /// Probability of the predicted category.
    pub category_confidence: Option<f32>,
    /// Final sensitivity of the run.
    pub sensitivity: String,
    /// Label as it stands.
    pub effective: Effective,
    /// Higher is reviewed sooner.
    pub review_priority: f32,
    /// Why the document is in the queue.
    pub review_reasons: Vec<String>,
    /// Run that wrote it.
    pub run_id: String,
    /// Pages.
    pub page_count: u32,
    /// Whether it has a review.
    pub done: bool,
}

/// The queue with counts per facet.
#[derive(Debug, Clone, Serialize)]
pub struct Queue {
    /// Documents matching the filters.
    pub total: usize,
    /// Documents needing review that have none yet (whatever the filters).
    pub pending: usize,
    /// Reviewed documents.
    pub done: usize,
    /// Counts among pending documents per category, sensitivity, reason and run.
    pub counts: BTreeMap<&'static str, BTreeMap<String, usize>>,
    /// The page of items, most urgent first.
    pub items: Vec<QueueItem>,
}

/// Everything the document view shows (never unmasked text).
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    /// The document row (masked text, labels, scores, reasons).
    pub document: DocEntry,
    /// Label as it stands.
    pub effective: Effective,
    /// Its reviews, oldest first.
    pub reviews: Vec<Review>,
    /// Clearance needed for unmasked text and page images.
    pub required_clearance: String,
    /// Whether this user may see them.
    pub can_unmask: bool,
    /// State of the source file (checked only for users who may see images).
    pub source: Option<SourceState>,
    /// A sentence about the source file.
    pub source_message: Option<String>,
    /// Categories in key order (1–0).
    pub categories: Vec<String>,
}

/// A decision posted by a reviewer.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionInput {
    /// Category code.
    pub category: String,
    /// `S1`…`S5`.
    pub sensitivity: String,
    /// Optional comment.
    #[serde(default)]
    pub comment: Option<String>,
}

/// What a decision returns.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionOutcome {
    /// The review row as written.
    pub review: Review,
    /// The next document of the queue (same filters), if any.
    pub next: Option<String>,
}

/// The review app over one dataset.
#[derive(Debug)]
pub struct App {
    dataset: Dataset,
    reviews: Mutex<ReviewLog>,
    audit: AuditLog,
    users_path: PathBuf,
    users: Mutex<(Option<SystemTime>, Arc<Users>)>,
    sessions: Mutex<HashMap<String, Session>>,
    throttle: Mutex<Throttle>,
    undo: Mutex<HashMap<String, Vec<String>>>,
    source_states: Mutex<HashMap<String, (SystemTime, SourceState)>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn random_token() -> std::result::Result<String, AppError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(AppError::internal)?;
    Ok(hex::encode(b))
}

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl App {
    /// Opens a dataset for review: documents, the review chain (locked for this process), the
    /// audit log and the users file (which must exist and be private).
    pub fn open(out: &Path, users_path: &Path) -> Result<App> {
        let users = Users::load(users_path)?;
        let dataset = Dataset::load(out)?;
        let reviews = ReviewLog::open(out)?;
        let audit = AuditLog::open(out)?;
        let mtime = std::fs::metadata(users_path)
            .and_then(|m| m.modified())
            .ok();
        Ok(App {
            dataset,
            reviews: Mutex::new(reviews),
            audit,
            users_path: users_path.to_path_buf(),
            users: Mutex::new((mtime, Arc::new(users))),
            sessions: Mutex::new(HashMap::new()),
            throttle: Mutex::new(Throttle::default()),
            undo: Mutex::new(HashMap::new()),
            source_states: Mutex::new(HashMap::new()),
        })
    }

    /// Decrypts the unmasked text with `key` (for a dataset written with `--encrypt-key`).
    pub fn with_encryption_key(mut self, key: Option<crate::sink::EncryptionKey>) -> Self {
        self.dataset.set_key(key);
        self
    }

    /// The dataset under review.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The users file as it is now (re-read when it changed on disk).
    fn users(&self) -> std::result::Result<Arc<Users>, AppError> {
        let mtime = std::fs::metadata(&self.users_path)
            .and_then(|m| m.modified())
            .ok();
        let mut cache = lock(&self.users);
        if mtime != cache.0 {
            let users = Users::load(&self.users_path).map_err(AppError::internal)?;
            *cache = (mtime, Arc::new(users));
        }
        Ok(Arc::clone(&cache.1))
    }

    fn audit(
        &self,
        user: &str,
        event: &str,
        doc_id: Option<&str>,
        detail: String,
        remote: &str,
    ) -> std::result::Result<(), AppError> {
        self.audit
            .record(&AuditEvent {
                at: Utc::now(),
                user: user.chars().take(64).collect(),
                event: event.to_string(),
                doc_id: doc_id.map(String::from),
                detail,
                remote: remote.to_string(),
            })
            .map_err(AppError::internal)
    }

    /// Checks a password (throttled per user name and client address) and opens a session.
    /// Returns `(session token, csrf token)`.
    pub fn login(
        &self,
        name: &str,
        password: &str,
        remote: &str,
    ) -> std::result::Result<(String, String), AppError> {
        let user_key = format!("user:{}", name.to_lowercase());
        let addr_key = format!("addr:{remote}");
        {
            let mut t = lock(&self.throttle);
            let wait = t
                .blocked(&user_key, MAX_FAILURES_PER_USER)
                .or_else(|| t.blocked(&addr_key, MAX_FAILURES_PER_ADDRESS));
            if let Some(secs) = wait {
                drop(t);
                let _ = self.audit(name, "login_blocked", None, String::new(), remote);
                let mut e = AppError::new(
                    ErrorKind::TooManyRequests,
                    format!(
                        "too many failed logins; wait {} minute(s) and try again",
                        secs.div_ceil(60)
                    ),
                );
                e.retry_after = Some(secs);
                return Err(e);
            }
        }
        let users = self.users()?;
        let Some(user) = users.verify(name, password) else {
            {
                let mut t = lock(&self.throttle);
                t.fail(&user_key);
                t.fail(&addr_key);
            }
            let _ = self.audit(name, "login_failed", None, String::new(), remote);
            return Err(AppError::new(
                ErrorKind::Unauthorized,
                "wrong user name or password; ask an admin to check with `arkiv user list`",
            ));
        };
        lock(&self.throttle).clear(&user_key);
        let token = random_token()?;
        let csrf = random_token()?;
        let now = Instant::now();
        lock(&self.sessions).insert(
            token.clone(),
            Session {
                user: user.name.clone(),
                csrf: csrf.clone(),
                created: now,
                last_seen: now,
            },
        );
        self.audit(
            &user.name,
            "login",
            None,
            format!("role {} clearance {}", user.role.as_str(), user.clearance),
            remote,
        )?;
        Ok((token, csrf))
    }

    /// The session for a token, if it is valid and its user still exists.
    pub fn session(&self, token: &str) -> std::result::Result<SessionInfo, AppError> {
        let now = Instant::now();
        let (name, csrf) = {
            let mut sessions = lock(&self.sessions);
            sessions.retain(|_, s| {
                now.duration_since(s.last_seen) < SESSION_IDLE
                    && now.duration_since(s.created) < SESSION_MAX
            });
            let s = sessions
                .get_mut(token)
                .ok_or_else(AppError::login_required)?;
            s.last_seen = now;
            (s.user.clone(), s.csrf.clone())
        };
        let users = self.users()?;
        match users.get(&name) {
            Some(user) => Ok(SessionInfo {
                user: user.clone(),
                csrf_token: csrf,
            }),
            None => {
                lock(&self.sessions).remove(token);
                Err(AppError::login_required())
            }
        }
    }

    /// Ends a session.
    pub fn logout(&self, token: &str, remote: &str) {
        if let Some(s) = lock(&self.sessions).remove(token) {
            let _ = self.audit(&s.user, "logout", None, String::new(), remote);
        }
    }

    fn effective(doc: &DocEntry, latest: Option<&Review>) -> Effective {
        match latest {
            Some(r) => Effective {
                category: r.category_after.clone(),
                sensitivity: r.sensitivity_after.clone(),
                source: "review",
                reviewer: Some(r.reviewer.clone()),
                review_id: Some(r.review_id.clone()),
            },
            None => Effective {
                category: doc.category.clone(),
                sensitivity: doc.sensitivity.as_str().to_string(),
                source: "prediction",
                reviewer: None,
                review_id: None,
            },
        }
    }

    /// Clearance needed for a document's unmasked content: its final sensitivity, or a higher
    /// level a reviewer has since given it.
    fn required(doc: &DocEntry, latest: Option<&Review>) -> Level {
        let reviewed = latest.and_then(|r| Level::parse(&r.sensitivity_after));
        reviewed.map_or(doc.sensitivity, |l| l.max(doc.sensitivity))
    }

    /// The queue: documents needing review, most uncertain first (higher sensitivity breaking
    /// ties), filtered, with counts of pending documents per facet.
    pub fn queue(&self, filter: &QueueFilter) -> Queue {
        let reviews = lock(&self.reviews);
        let mut counts: BTreeMap<&'static str, BTreeMap<String, usize>> = BTreeMap::new();
        let (mut pending, mut done) = (0, 0);
        let mut matching: Vec<(&DocEntry, Option<&Review>)> = Vec::new();
        let want_level = QueueFilter::blank(&filter.sensitivity).and_then(Level::parse);
        for doc in self.dataset.docs() {
            let latest = reviews.latest(&doc.doc_id);
            if latest.is_some() {
                done += 1;
            }
            if !doc.needs_review && latest.is_none() {
                continue;
            }
            if latest.is_none() {
                pending += 1;
                let mut bump = |facet: &'static str, key: &str| {
                    *counts
                        .entry(facet)
                        .or_default()
                        .entry(key.to_string())
                        .or_default() += 1;
                };
                bump("category", doc.category.as_deref().unwrap_or("(none)"));
                bump("sensitivity", doc.sensitivity.as_str());
                bump("run", &doc.run_id);
                for r in &doc.review_reasons {
                    bump("reason", r);
                }
            } else if !filter.include_done {
                continue;
            }
            let eff = Self::effective(doc, latest);
            if let Some(c) = QueueFilter::blank(&filter.category)
                && eff.category.as_deref().unwrap_or("(none)") != c
            {
                continue;
            }
            if QueueFilter::blank(&filter.sensitivity).is_some()
                && want_level.is_none_or(|l| Level::parse(&eff.sensitivity) != Some(l))
            {
                continue;
            }
            if let Some(r) = QueueFilter::blank(&filter.reason)
                && !doc.review_reasons.iter().any(|x| x == r)
            {
                continue;
            }
            if let Some(run) = QueueFilter::blank(&filter.run)
                && doc.run_id != run
            {
                continue;
            }
            matching.push((doc, latest));
        }
        matching.sort_by(|(a, ra), (b, rb)| {
            ra.is_some()
                .cmp(&rb.is_some())
                .then(b.review_priority.total_cmp(&a.review_priority))
                .then(b.sensitivity.cmp(&a.sensitivity))
                .then(a.doc_id.cmp(&b.doc_id))
        });
        let total = matching.len();
        let offset = filter.offset.unwrap_or(0);
        let limit = filter.limit.unwrap_or(1000).min(10_000);
        let items = matching
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(doc, latest)| QueueItem {
                doc_id: doc.doc_id.clone(),
                name: Path::new(&doc.source_path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                category: doc.category.clone(),
                category_confidence: doc.category_confidence,
                sensitivity: doc.sensitivity.as_str().to_string(),
                effective: Self::effective(doc, latest),
                review_priority: doc.review_priority,
                review_reasons: doc.review_reasons.clone(),
                run_id: doc.run_id.clone(),
                page_count: doc.page_count,
                done: latest.is_some(),
            })
            .collect();
        Queue {
            total,
            pending,
            done,
            counts,
            items,
        }
    }

    fn cached_source_state(&self, doc: &DocEntry) -> SourceState {
        let mtime = std::fs::metadata(&doc.source_path)
            .and_then(|m| m.modified())
            .ok();
        if let Some(m) = mtime
            && let Some((seen, state)) = lock(&self.source_states).get(&doc.doc_id)
            && *seen == m
        {
            return state.clone();
        }
        let state = pages::source_state(&doc.source_path, &doc.doc_id);
        if let Some(m) = mtime {
            lock(&self.source_states).insert(doc.doc_id.clone(), (m, state.clone()));
        }
        state
    }

    /// The document view for `user`.
    pub fn document(&self, user: &User, doc_id: &str) -> std::result::Result<DocView, AppError> {
        let doc = self
            .dataset
            .get(doc_id)
            .ok_or_else(|| AppError::no_doc(doc_id))?;
        let (effective, history, required) = {
            let reviews = lock(&self.reviews);
            let latest = reviews.latest(doc_id);
            (
                Self::effective(doc, latest),
                reviews.history(doc_id).into_iter().cloned().collect(),
                Self::required(doc, latest),
            )
        };
        let can_unmask = user.cleared_for(required);
        let source = can_unmask.then(|| self.cached_source_state(doc));
        Ok(DocView {
            document: doc.clone(),
            effective,
            reviews: history,
            required_clearance: required.as_str().to_string(),
            can_unmask,
            source_message: source.as_ref().map(|s| s.message().to_string()),
            source,
            categories: self.dataset.categories().to_vec(),
        })
    }

    fn check_clearance(
        &self,
        user: &User,
        doc: &DocEntry,
        what: &str,
        remote: &str,
    ) -> std::result::Result<(), AppError> {
        let required = {
            let reviews = lock(&self.reviews);
            Self::required(doc, reviews.latest(&doc.doc_id))
        };
        if user.cleared_for(required) {
            return Ok(());
        }
        let _ = self.audit(
            &user.name,
            "access_denied",
            Some(&doc.doc_id),
            what.to_string(),
            remote,
        );
        Err(AppError::new(
            ErrorKind::Forbidden,
            format!(
                "your clearance {} is below this document's sensitivity {required}; the masked text is \
                 all you may see — ask a lead with clearance {required} to review it",
                user.clearance
            ),
        ))
    }

    /// The masked text, or the unmasked text when asked for and cleared (audited).
    pub fn text(
        &self,
        user: &User,
        doc_id: &str,
        unmasked: bool,
        remote: &str,
    ) -> std::result::Result<String, AppError> {
        let doc = self
            .dataset
            .get(doc_id)
            .ok_or_else(|| AppError::no_doc(doc_id))?;
        if !unmasked {
            return Ok(doc.text_masked.clone());
        }
        self.check_clearance(user, doc, "unmasked text", remote)?;
        self.audit(
            &user.name,
            "unmask_text",
            Some(doc_id),
            String::new(),
            remote,
        )?;
        self.dataset.unmasked_text(doc).map_err(AppError::internal)
    }

    /// A page image as PNG (cleared users only; audited).
    pub fn page_png(
        &self,
        user: &User,
        doc_id: &str,
        page_no: u32,
        thumb: bool,
        remote: &str,
    ) -> std::result::Result<Vec<u8>, AppError> {
        let doc = self
            .dataset
            .get(doc_id)
            .ok_or_else(|| AppError::no_doc(doc_id))?;
        self.check_clearance(user, doc, &format!("page {page_no}"), remote)?;
        if page_no == 0 || page_no > doc.page_count {
            return Err(AppError::new(
                ErrorKind::NotFound,
                format!(
                    "page {page_no} does not exist; the document has {} page(s)",
                    doc.page_count
                ),
            ));
        }
        let detail = format!("page {page_no}{}", if thumb { " (thumbnail)" } else { "" });
        self.audit(&user.name, "view_page", Some(doc_id), detail, remote)?;
        pages::render_png(&doc.source_path, doc_id, page_no, thumb).map_err(|e| match e {
            PageError::Source(_) => AppError::new(ErrorKind::Conflict, e.to_string()),
            PageError::NoPage(_) => AppError::new(ErrorKind::NotFound, e.to_string()),
            PageError::Render(_) => AppError::new(ErrorKind::Internal, e.to_string()),
        })
    }

    /// Records a decision durably (reviews/ file fsynced and renamed) before returning it.
    pub fn decide(
        &self,
        user: &User,
        doc_id: &str,
        input: &DecisionInput,
        filter: &QueueFilter,
        remote: &str,
    ) -> std::result::Result<DecisionOutcome, AppError> {
        let doc = self
            .dataset
            .get(doc_id)
            .ok_or_else(|| AppError::no_doc(doc_id))?;
        let category = input.category.trim();
        if !self.dataset.categories().iter().any(|c| c == category) {
            return Err(AppError::new(
                ErrorKind::BadRequest,
                format!(
                    "unknown category `{category}`; use one of: {}",
                    self.dataset.categories().join(", ")
                ),
            ));
        }
        let level = Level::parse(&input.sensitivity).ok_or_else(|| {
            AppError::new(
                ErrorKind::BadRequest,
                format!("unknown sensitivity `{}`; use S1…S5", input.sensitivity),
            )
        })?;
        let comment = input.comment.as_deref().unwrap_or("").trim().to_string();
        if comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(AppError::new(
                ErrorKind::BadRequest,
                format!("comment too long; keep it under {MAX_COMMENT_CHARS} characters"),
            ));
        }
        let review = {
            let mut reviews = lock(&self.reviews);
            let latest = reviews.latest(doc_id);
            let before = Self::effective(doc, latest);
            let required = Self::required(doc, latest);
            let current = Level::parse(&before.sensitivity).unwrap_or(Level::S5);
            if level < current && !user.cleared_for(required) {
                return Err(AppError::new(
                    ErrorKind::Forbidden,
                    format!(
                        "your clearance {} is below this document's {required}: you may confirm or raise its \
                         sensitivity ({current} or higher), not lower it",
                        user.clearance
                    ),
                ));
            }
            reviews
                .append(NewReview {
                    doc_id: doc_id.to_string(),
                    reviewer: user.name.clone(),
                    category_before: before.category,
                    category_after: Some(category.to_string()),
                    sensitivity_before: before.sensitivity,
                    sensitivity_after: level.as_str().to_string(),
                    comment,
                    model_id: doc.model_id.clone(),
                })
                .map_err(AppError::internal)?
        };
        lock(&self.undo)
            .entry(user.name.clone())
            .or_default()
            .push(review.review_id.clone());
        let detail = format!(
            "{}/{} -> {}/{}",
            review.category_before.as_deref().unwrap_or("-"),
            review.sensitivity_before,
            category,
            level
        );
        if let Err(e) = self.audit(&user.name, "decision", Some(doc_id), detail, remote) {
            tracing::error!(
                "decision {} recorded but not audited: {e}",
                review.review_id
            );
        }
        let next = self.next_after(doc_id, filter);
        Ok(DecisionOutcome { review, next })
    }

    fn next_after(&self, doc_id: &str, filter: &QueueFilter) -> Option<String> {
        let mut f = filter.clone();
        f.include_done = false;
        f.offset = None;
        f.limit = Some(2);
        self.queue(&f)
            .items
            .into_iter()
            .map(|i| i.doc_id)
            .find(|id| id != doc_id)
    }

    /// Undoes the user's last decision of this server session by appending a review that
    /// restores the label it replaced (nothing is deleted). Refused when someone decided the
    /// document since.
    pub fn undo(&self, user: &User, remote: &str) -> std::result::Result<Review, AppError> {
        let Some(review_id) = lock(&self.undo).get_mut(&user.name).and_then(Vec::pop) else {
            return Err(AppError::new(
                ErrorKind::Conflict,
                "nothing to undo: you have made no decision since the server started",
            ));
        };
        let undone = {
            let mut reviews = lock(&self.reviews);
            let Some(last) = reviews.by_id(&review_id).cloned() else {
                return Err(AppError::internal(format!("review {review_id} vanished")));
            };
            if reviews.latest(&last.doc_id).map(|r| r.review_id.as_str())
                != Some(review_id.as_str())
            {
                return Err(AppError::new(
                    ErrorKind::Conflict,
                    "someone decided this document after you; open it and decide again instead of undoing",
                ));
            }
            reviews
                .append(NewReview {
                    doc_id: last.doc_id.clone(),
                    reviewer: user.name.clone(),
                    category_before: last.category_after.clone(),
                    category_after: last.category_before.clone(),
                    sensitivity_before: last.sensitivity_after.clone(),
                    sensitivity_after: last.sensitivity_before.clone(),
                    comment: format!("undo of {review_id}"),
                    model_id: last.model_id.clone(),
                })
                .map_err(AppError::internal)?
        };
        let detail = format!("undo of {review_id}");
        if let Err(e) = self.audit(&user.name, "undo", Some(&undone.doc_id), detail, remote) {
            tracing::error!("undo {} recorded but not audited: {e}", undone.review_id);
        }
        Ok(undone)
    }

    /// The newest audit records (leads and admins only).
    pub fn audit_log(
        &self,
        user: &User,
        limit: usize,
    ) -> std::result::Result<Vec<AuditEvent>, AppError> {
        if !user.role.reads_audit() {
            return Err(AppError::new(
                ErrorKind::Forbidden,
                "only leads and admins may read the audit log; ask one of them",
            ));
        }
        self.audit
            .recent(limit.min(10_000))
            .map_err(AppError::internal)
    }
}
