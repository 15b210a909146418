//! The HTTP layer (axum): routes for the HTML pages and the JSON API under `/api`, session
//! cookies, CSRF and origin checks, security headers. The logic lives in [`super::app`].
//!
//! | route | what |
//! |---|---|
//! | `POST /api/login` | `{"user","password"}` → session cookie and `{"csrf_token"}` |
//! | `POST /api/logout` | ends the session |
//! | `GET /api/me` | the user, role, clearance and CSRF token |
//! | `GET /api/queue` | queue; filters `category`, `sensitivity`, `reason`, `run`, `include_done`, `limit`, `offset` |
//! | `GET /api/documents/{doc_id}` | labels, scores, reasons, masked text, reviews |
//! | `GET /api/documents/{doc_id}/text?unmasked=true` | text (unmasked: clearance ≥ sensitivity, audited) |
//! | `GET /api/documents/{doc_id}/pages/{n}.png[?thumb=true]` | page image (clearance, audited) |
//! | `POST /api/documents/{doc_id}/decision` | `{"category","sensitivity","comment"}` |
//! | `POST /api/undo` | undo the user's last decision |
//! | `GET /api/audit?limit=N` | audit log, newest first (leads, admins) |
//!
//! State-changing calls (every `POST` but login) need the session's token in `X-CSRF-Token`;
//! any `POST` whose `Origin` is not this server is refused. Errors are `{"error": "…"}`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::app::{
    App, AppError, DecisionInput, ErrorKind, QueueFilter, SessionInfo, constant_time_eq,
};
use super::ui;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "arkiv_session";
/// Header carrying the CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

type Shared = Arc<App>;

/// An [`AppError`] as an HTTP response: status and `{"error": message}`.
#[derive(Debug)]
struct ApiError(AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
        ErrorKind::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = (
            status_of(self.0.kind),
            axum::Json(json!({ "error": self.0.message })),
        )
            .into_response();
        if let Some(secs) = self.0.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        resp
    }
}

fn bad_request(msg: impl Into<String>) -> ApiError {
    ApiError(AppError::new(ErrorKind::BadRequest, msg))
}

type ApiResult<T> = Result<T, ApiError>;

/// Runs blocking app work (file I/O, password hashing) off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> ApiResult<T> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(ApiError),
        Err(e) => Err(ApiError(AppError::new(
            ErrorKind::Internal,
            format!("server error: {e}"),
        ))),
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_string())
}

/// Refuses cross-site state changes: the `Origin` (when sent) must be this server, and a browser
/// saying `Sec-Fetch-Site: cross-site` is refused.
fn check_origin(headers: &HeaderMap) -> ApiResult<()> {
    let forbidden = || {
        ApiError(AppError::new(
            ErrorKind::Forbidden,
            "cross-site request refused; use the review app's own pages or a script without an Origin header",
        ))
    };
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return Err(forbidden());
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if origin != format!("http://{host}") && origin != format!("https://{host}") {
            return Err(forbidden());
        }
    }
    Ok(())
}

/// The session of a request; for state-changing methods also checks origin and CSRF token.
async fn authenticate(
    app: &Shared,
    headers: &HeaderMap,
    method: &Method,
) -> ApiResult<(String, SessionInfo)> {
    let token = cookie_token(headers).ok_or_else(|| ApiError(AppError::login_required()))?;
    let app2 = Arc::clone(app);
    let t = token.clone();
    let info = blocking(move || app2.session(&t)).await?;
    if method != Method::GET && method != Method::HEAD {
        check_origin(headers)?;
        let sent = headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !constant_time_eq(sent, &info.csrf_token) {
            return Err(ApiError(AppError::new(
                ErrorKind::Forbidden,
                "missing or wrong X-CSRF-Token header; send the csrf_token that POST /api/login returned",
            )));
        }
    }
    Ok((token, info))
}

fn remote(addr: &SocketAddr) -> String {
    addr.ip().to_string()
}

fn parse_query<T: serde::de::DeserializeOwned>(uri: &Uri) -> ApiResult<T> {
    Query::<T>::try_from_uri(uri)
        .map(|Query(q)| q)
        .map_err(|e| bad_request(format!("bad query string: {}", e.body_text())))
}

fn parse_json<T: serde::de::DeserializeOwned>(body: &Bytes, shape: &str) -> ApiResult<T> {
    serde_json::from_slice(body)
        .map_err(|e| bad_request(format!("request body must be JSON {shape}: {e}")))
}

#[derive(Deserialize)]
struct LoginBody {
    user: String,
    password: String,
}

async fn api_login(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    check_origin(&headers)?;
    let login: LoginBody = parse_json(&body, r#"{"user": "...", "password": "..."}"#)?;
    let remote = remote(&addr);
    let (token, csrf) = blocking(move || app.login(&login.user, &login.password, &remote)).await?;
    let cookie = format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
        super::app::SESSION_MAX.as_secs()
    );
    let mut resp = axum::Json(json!({ "csrf_token": csrf })).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(resp)
}

async fn api_logout(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (token, _) = authenticate(&app, &headers, &method).await?;
    let remote = remote(&addr);
    blocking(move || {
        app.logout(&token, &remote);
        Ok(())
    })
    .await?;
    let mut resp = axum::Json(json!({ "ok": true })).into_response();
    resp.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("arkiv_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    Ok(resp)
}

async fn api_me(
    State(app): State<Shared>,
    method: Method,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    Ok(axum::Json(json!({
        "user": s.user.name,
        "role": s.user.role.as_str(),
        "clearance": s.user.clearance.as_str(),
        "csrf_token": s.csrf_token,
    }))
    .into_response())
}

async fn api_queue(
    State(app): State<Shared>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Response> {
    authenticate(&app, &headers, &method).await?;
    let filter: QueueFilter = parse_query(&uri)?;
    let queue = blocking(move || Ok(app.queue(&filter))).await?;
    Ok(axum::Json(queue).into_response())
}

async fn api_document(
    State(app): State<Shared>,
    method: Method,
    headers: HeaderMap,
    Path(doc_id): Path<String>,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let view = blocking(move || app.document(&s.user, &doc_id)).await?;
    Ok(axum::Json(view).into_response())
}

#[derive(Deserialize, Default)]
struct TextQuery {
    #[serde(default)]
    unmasked: Option<String>,
}

async fn api_text(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path(doc_id): Path<String>,
    uri: Uri,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let query: TextQuery = parse_query(&uri)?;
    let unmasked = matches!(query.unmasked.as_deref(), Some("true" | "1" | "yes"));
    let remote = remote(&addr);
    let id = doc_id.clone();
    let text = blocking(move || app.text(&s.user, &id, unmasked, &remote)).await?;
    Ok(axum::Json(json!({ "doc_id": doc_id, "unmasked": unmasked, "text": text })).into_response())
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    thumb: Option<String>,
}

async fn api_page(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path((doc_id, file)): Path<(String, String)>,
    uri: Uri,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let page_no: u32 = file
        .strip_suffix(".png")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| {
            ApiError(AppError::new(
                ErrorKind::NotFound,
                "page images are at /api/documents/{doc_id}/pages/{n}.png",
            ))
        })?;
    let query: PageQuery = parse_query(&uri)?;
    let thumb = matches!(query.thumb.as_deref(), Some("true" | "1" | "yes"));
    let remote = remote(&addr);
    let png = blocking(move || app.page_png(&s.user, &doc_id, page_no, thumb, &remote)).await?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}

async fn api_decision(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path(doc_id): Path<String>,
    uri: Uri,
    body: Bytes,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let input: DecisionInput = parse_json(
        &body,
        r#"{"category": "...", "sensitivity": "S1…S5", "comment": "..."}"#,
    )?;
    let filter: QueueFilter = parse_query(&uri)?;
    let remote = remote(&addr);
    let outcome = blocking(move || app.decide(&s.user, &doc_id, &input, &filter, &remote)).await?;
    Ok(axum::Json(outcome).into_response())
}

async fn api_undo(
    State(app): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let remote = remote(&addr);
    let review = blocking(move || app.undo(&s.user, &remote)).await?;
    Ok(axum::Json(json!({ "review": review })).into_response())
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    #[serde(default)]
    limit: Option<usize>,
}

async fn api_audit(
    State(app): State<Shared>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Response> {
    let (_, s) = authenticate(&app, &headers, &method).await?;
    let query: AuditQuery = parse_query(&uri)?;
    let events = blocking(move || app.audit_log(&s.user, query.limit.unwrap_or(500))).await?;
    Ok(axum::Json(json!({ "events": events })).into_response())
}

async fn api_not_found() -> ApiError {
    ApiError(AppError::new(
        ErrorKind::NotFound,
        "no such API route; see `arkiv review --help` for the routes",
    ))
}

/// HTML pages redirect to the login page when there is no session.
async fn page_session(app: &Shared, headers: &HeaderMap) -> Result<SessionInfo, Response> {
    match authenticate(app, headers, &Method::GET).await {
        Ok((_, s)) => Ok(s),
        Err(e) if e.0.kind == ErrorKind::Unauthorized => {
            Err(Redirect::to("/login").into_response())
        }
        Err(e) => Err(e.into_response()),
    }
}

async fn page_login() -> Html<String> {
    Html(ui::login_page())
}

async fn page_queue(State(app): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    let s = match page_session(&app, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let filter: QueueFilter = match parse_query(&uri) {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let html = blocking(move || {
        let queue = app.queue(&filter);
        Ok(ui::queue_page(&s, &queue, &filter, app.dataset()))
    })
    .await;
    match html {
        Ok(h) => Html(h).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn page_document(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(doc_id): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let s = match page_session(&app, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = q.unwrap_or_default();
    let html = blocking(move || {
        let view = app.document(&s.user, &doc_id)?;
        Ok(ui::document_page(&s, &view, &query))
    })
    .await;
    match html {
        Ok(h) => Html(h).into_response(),
        Err(e) => Html(ui::error_page(&e.0.message)).into_response(),
    }
}

async fn page_audit(State(app): State<Shared>, headers: HeaderMap) -> Response {
    let s = match page_session(&app, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let html = blocking(move || {
        let events = app.audit_log(&s.user, 500)?;
        Ok(ui::audit_page(&s, &events))
    })
    .await;
    match html {
        Ok(h) => Html(h).into_response(),
        Err(e) => Html(ui::error_page(&e.0.message)).into_response(),
    }
}

async fn static_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        ui::APP_JS,
    )
        .into_response()
}

async fn static_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        ui::APP_CSS,
    )
        .into_response()
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// The app's routes. Serve with connect info (`into_make_service_with_connect_info::<SocketAddr>`),
/// as [`serve_listener`] does.
pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/login", post(api_login))
        .route("/logout", post(api_logout))
        .route("/me", get(api_me))
        .route("/queue", get(api_queue))
        .route("/documents/{doc_id}", get(api_document))
        .route("/documents/{doc_id}/text", get(api_text))
        .route("/documents/{doc_id}/pages/{file}", get(api_page))
        .route("/documents/{doc_id}/decision", post(api_decision))
        .route("/undo", post(api_undo))
        .route("/audit", get(api_audit))
        .fallback(api_not_found);
    Router::new()
        .route("/", get(page_queue))
        .route("/login", get(page_login))
        .route("/doc/{doc_id}", get(page_document))
        .route("/audit", get(page_audit))
        .route("/static/app.js", get(static_js))
        .route("/static/app.css", get(static_css))
        .nest("/api", api)
        .layer(middleware::from_fn(security_headers))
        .with_state(app)
}

/// Serves the app on an already bound listener until `shutdown` completes.
pub async fn serve_listener(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
