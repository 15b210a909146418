//! Review (SPEC §7, §8): a local web app where reviewers correct the labels the model is unsure
//! of, with clearances and an audit trail.
//!
//! - [`users`] — the users file (argon2id hashes, role, clearance), managed by `arkiv user …`;
//! - [`dataset`] — the documents of `OUT/` in memory (unmasked text read on demand);
//! - [`reviews`] — the append-only, hash-chained `OUT/reviews/` table and its chain rule;
//! - [`audit`] — `OUT/audit/audit.jsonl`;
//! - [`pages`] — page images rendered from the source files;
//! - [`app`] — sessions, queue, clearance checks, decisions, undo — no HTTP;
//! - [`server`] and [`ui`] — the axum routes, JSON API and server-rendered pages.
//!
//! The effective label of a document is its latest review, else the prediction.

pub mod app;
pub mod audit;
pub mod dataset;
pub mod pages;
pub mod reviews;
pub mod server;
pub mod ui;
pub mod users;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Result};

pub use app::App;
pub use reviews::{Review, review_hash, verify_chain};

/// Options of `arkiv review`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Dataset folder.
    pub out: PathBuf,
    /// Address to listen on (loopback unless told otherwise).
    pub bind: SocketAddr,
    /// Users file.
    pub users: PathBuf,
    /// Key for the unmasked text of a dataset written with one.
    pub encrypt_key: Option<crate::sink::EncryptionKey>,
}

/// Serves the review app until Ctrl-C (or SIGTERM).
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let app =
        Arc::new(App::open(&opts.out, &opts.users)?.with_encryption_key(opts.encrypt_key.clone()));
    if !opts.bind.ip().is_loopback() {
        tracing::warn!(
            "listening on {}, reachable from other machines; arkiv serves plain HTTP, so put it \
             behind a TLS proxy or bind 127.0.0.1",
            opts.bind
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the server runtime: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| {
                Error::Usage(format!(
                    "cannot listen on {} ({e}); choose another --bind address",
                    opts.bind
                ))
            })?;
        let local = listener.local_addr().unwrap_or(opts.bind);
        let queue = app.queue(&app::QueueFilter::default());
        println!(
            "arkiv review: http://{local}/  ({} waiting, {} reviewed; Ctrl-C stops)",
            queue.pending, queue.done
        );
        server::serve_listener(app, listener, shutdown_signal())
            .await
            .map_err(|e| Error::Usage(format!("server stopped: {e}")))
    })
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {}
        () = term => {}
    }
}
