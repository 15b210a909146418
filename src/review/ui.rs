//! Server-rendered HTML of the review app. The pages carry no inline script (the content security
//! policy forbids it); `app.js` adds the keyboard and calls the JSON API.

use std::fmt::Write;

use super::app::{DocView, Queue, QueueFilter, SessionInfo};
use super::audit::AuditEvent;
use super::dataset::{Dataset, LabelScore};
use crate::record::Level;

/// The page script: login form, keyboard, calls to `/api`.
pub const APP_JS: &str = include_str!("static/app.js");
/// The style sheet.
pub const APP_CSS: &str = include_str!("static/app.css");

/// Sensitivity keys, S1…S5 in order (Shift+1…5 work too).
const LEVEL_KEYS: [&str; 5] = ["q", "w", "e", "r", "t"];

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn category_key(i: usize) -> String {
    if i < 9 {
        (i + 1).to_string()
    } else if i == 9 {
        "0".into()
    } else {
        String::new()
    }
}

fn head(title: &str, csrf: Option<&str>, page: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · arkiv review</title>{}<link rel=\"stylesheet\" href=\"/static/app.css\">\
         <script src=\"/static/app.js\" defer></script></head><body data-page=\"{page}\"",
        esc(title),
        csrf.map(|t| format!("<meta name=\"csrf-token\" content=\"{}\">", esc(t)))
            .unwrap_or_default()
    )
}

fn nav(s: &SessionInfo) -> String {
    let audit = if s.user.role.reads_audit() {
        "<a href=\"/audit\">Audit log</a>"
    } else {
        ""
    };
    format!(
        "<header><a class=\"brand\" href=\"/\">arkiv review</a><nav><a href=\"/\">Queue</a>{audit}</nav>\
         <span class=\"who\">{} · {} · clearance {}</span>\
         <button type=\"button\" id=\"logout\">Log out</button></header>",
        esc(&s.user.name),
        s.user.role.as_str(),
        s.user.clearance
    )
}

/// The login page.
pub fn login_page() -> String {
    let mut h = head("Log in", None, "login");
    h.push_str(
        "><main class=\"login\"><h1>arkiv review</h1>\
         <form id=\"login-form\" autocomplete=\"on\">\
         <label>User <input name=\"user\" id=\"user\" autocomplete=\"username\" required autofocus></label>\
         <label>Password <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>\
         <button type=\"submit\" id=\"login-button\">Log in</button>\
         <p class=\"error\" id=\"login-error\" role=\"alert\"></p></form></main></body></html>",
    );
    h
}

/// A page that only says what went wrong.
pub fn error_page(message: &str) -> String {
    let mut h = head("Error", None, "error");
    let _ = write!(
        h,
        "><main><p class=\"error\">{}</p><p><a href=\"/\">Back to the queue</a></p></main></body></html>",
        esc(message)
    );
    h
}

fn select(name: &str, label: &str, current: Option<&str>, options: &[(String, String)]) -> String {
    let mut s = format!("<label>{label} <select name=\"{name}\"><option value=\"\">all</option>");
    for (value, text) in options {
        let sel = if current == Some(value.as_str()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            s,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(value),
            esc(text)
        );
    }
    s.push_str("</select></label>");
    s
}

fn facet(
    queue: &Queue,
    name: &str,
    values: impl IntoIterator<Item = String>,
) -> Vec<(String, String)> {
    let counts = queue.counts.get(name);
    values
        .into_iter()
        .map(|v| {
            let n = counts.and_then(|c| c.get(&v)).copied().unwrap_or(0);
            let text = format!("{v} ({n})");
            (v, text)
        })
        .collect()
}

/// The queue page: filters with counts, then the documents, most urgent first.
pub fn queue_page(
    s: &SessionInfo,
    queue: &Queue,
    filter: &QueueFilter,
    dataset: &Dataset,
) -> String {
    let mut h = head("Queue", Some(&s.csrf_token), "queue");
    h.push('>');
    h.push_str(&nav(s));
    let _ = write!(
        h,
        "<main><h1>Review queue</h1><p class=\"summary\"><strong id=\"pending\">{}</strong> waiting · {} reviewed · \
         {} shown. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens.</p>",
        queue.pending, queue.done, queue.total
    );
    let reasons: Vec<String> = queue
        .counts
        .get("reason")
        .map(|c| c.keys().cloned().collect())
        .unwrap_or_default();
    h.push_str("<form class=\"filters\" method=\"get\" action=\"/\">");
    h.push_str(&select(
        "category",
        "Category",
        filter.category.as_deref(),
        &facet(queue, "category", dataset.categories().iter().cloned()),
    ));
    h.push_str(&select(
        "sensitivity",
        "Sensitivity",
        filter.sensitivity.as_deref(),
        &facet(
            queue,
            "sensitivity",
            Level::ALL.iter().map(|l| l.as_str().to_string()),
        ),
    ));
    h.push_str(&select(
        "reason",
        "Reason",
        filter.reason.as_deref(),
        &facet(queue, "reason", reasons),
    ));
    h.push_str(&select(
        "run",
        "Run",
        filter.run.as_deref(),
        &facet(queue, "run", dataset.runs()),
    ));
    let checked = if filter.include_done { " checked" } else { "" };
    let _ = write!(
        h,
        "<label><input type=\"checkbox\" name=\"include_done\" value=\"true\"{checked}> include reviewed</label>\
         <button type=\"submit\">Filter</button></form>"
    );
    let query = filter_query(filter);
    h.push_str(
        "<table class=\"queue\"><thead><tr><th>#</th><th>Document</th><th>Category</th><th>Sensitivity</th>\
         <th>Priority</th><th>Reasons</th><th>Run</th></tr></thead><tbody>",
    );
    for (i, item) in queue.items.iter().enumerate() {
        let done = if item.done { " class=\"done\"" } else { "" };
        let cat = item.effective.category.as_deref().unwrap_or("—");
        let conf = item
            .category_confidence
            .filter(|_| !item.done)
            .map(|c| format!(" <small>{:.0}%</small>", c * 100.0))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr{done} data-href=\"/doc/{id}{query}\"><td>{n}</td><td><a href=\"/doc/{id}{query}\">{name}</a>\
             <br><small class=\"id\">{short}</small></td><td>{cat}{conf}</td><td><span class=\"lvl {lvl}\">{lvl}</span></td>\
             <td>{prio:.3}</td><td>{reasons}</td><td><small>{run}</small></td></tr>",
            id = esc(&item.doc_id),
            n = i + 1,
            name = esc(&item.name),
            short = esc(&item.doc_id[..item.doc_id.len().min(12)]),
            cat = esc(cat),
            lvl = esc(&item.effective.sensitivity),
            prio = item.review_priority,
            reasons = esc(&item.review_reasons.join(", ")),
            run = esc(&item.run_id),
        );
    }
    h.push_str("</tbody></table>");
    if queue.items.is_empty() {
        h.push_str("<p class=\"empty\">Nothing to review with these filters.</p>");
    }
    h.push_str("</main></body></html>");
    h
}

/// `?category=…&…` for links that keep the queue filters (empty when none).
fn filter_query(f: &QueueFilter) -> String {
    let mut parts = Vec::new();
    for (k, v) in [
        ("category", &f.category),
        ("sensitivity", &f.sensitivity),
        ("reason", &f.reason),
        ("run", &f.run),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            parts.push(format!("{k}={}", url_encode(v)));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn scores(list: &[LabelScore], top: Option<&str>) -> String {
    let mut sorted: Vec<&LabelScore> = list.iter().collect();
    sorted.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut s = String::from("<ul class=\"scores\">");
    for sc in sorted.iter().take(5) {
        let cls = if Some(sc.label.as_str()) == top {
            " class=\"top\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<li{cls}><span class=\"label\">{}</span><meter min=\"0\" max=\"1\" value=\"{:.4}\"></meter>\
             <span class=\"pct\">{:.1}%</span></li>",
            esc(&sc.label),
            sc.score.clamp(0.0, 1.0),
            sc.score * 100.0
        );
    }
    s.push_str("</ul>");
    s
}

/// The document page: page images (when cleared), masked text, predictions, decision panel.
pub fn document_page(s: &SessionInfo, v: &DocView, query: &str) -> String {
    let d = &v.document;
    let mut h = head(&d.doc_id, Some(&s.csrf_token), "document");
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let _ = write!(
        h,
        " data-doc-id=\"{}\" data-category=\"{}\" data-sensitivity=\"{}\" data-query=\"{}\">",
        esc(&d.doc_id),
        esc(v.effective.category.as_deref().unwrap_or("")),
        esc(&v.effective.sensitivity),
        esc(&query)
    );
    h.push_str(&nav(s));
    let name = std::path::Path::new(&d.source_path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let _ = write!(
        h,
        "<main class=\"doc\"><div class=\"title\"><h1>{}</h1><small class=\"id\">{}</small> \
         <span class=\"meta\">{} · {} page(s) · status {} · run {}</span></div>",
        esc(&name),
        esc(&d.doc_id),
        esc(&d.media_type),
        d.page_count,
        esc(&d.status),
        esc(&d.run_id)
    );
    h.push_str("<section class=\"pages\">");
    if !v.can_unmask {
        let _ = write!(
            h,
            "<p class=\"notice\" id=\"restricted\">Sensitivity {} is above your clearance {}: page images and unmasked \
             text are not shown.</p>",
            esc(&v.required_clearance),
            s.user.clearance
        );
    } else if v.source != Some(super::pages::SourceState::Ok) {
        let _ = write!(
            h,
            "<p class=\"notice warn\" id=\"source-problem\">{}</p>",
            esc(v.source_message.as_deref().unwrap_or(""))
        );
    } else {
        for n in 1..=d.page_count.min(50) {
            let _ = write!(
                h,
                "<a class=\"thumb\" href=\"/api/documents/{id}/pages/{n}.png\" target=\"_blank\" data-page=\"{n}\">\
                 <img loading=\"lazy\" alt=\"page {n}\" src=\"/api/documents/{id}/pages/{n}.png?thumb=true\"><span>{n}</span></a>",
                id = esc(&d.doc_id)
            );
        }
    }
    h.push_str("</section><section class=\"text\"><div class=\"texthead\"><h2>Text</h2>");
    if v.can_unmask {
        h.push_str("<button type=\"button\" id=\"toggle-unmask\">Show unmasked (m)</button>");
    }
    let _ = write!(
        h,
        "</div><pre id=\"text\" class=\"masked\">{}</pre></section>",
        esc(&d.text_masked)
    );
    h.push_str("<section class=\"panel\"><h2>Prediction</h2>");
    let _ = write!(
        h,
        "<p>Category <strong>{}</strong></p>{}<p>Sensitivity <strong class=\"lvl {s}\">{s}</strong> \
         <small>(floor {}, model {})</small></p>{}",
        esc(d.category.as_deref().unwrap_or("—")),
        scores(&d.category_scores, d.category.as_deref()),
        esc(&d.sensitivity_floor),
        d.sensitivity_scores
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|s| esc(&s.label))
            .unwrap_or_else(|| "—".into()),
        scores(&d.sensitivity_scores, Some(d.sensitivity.as_str())),
        s = d.sensitivity.as_str()
    );
    if !d.review_reasons.is_empty() || !d.sensitivity_reasons.is_empty() {
        h.push_str("<ul class=\"reasons\">");
        for r in d.review_reasons.iter().chain(&d.sensitivity_reasons) {
            let _ = write!(h, "<li>{}</li>", esc(r));
        }
        h.push_str("</ul>");
    }
    if let Some(e) = &d.error {
        let _ = write!(h, "<p class=\"warn\">{}</p>", esc(e));
    }
    let _ = write!(
        h,
        "<h2>Decision</h2><p class=\"effective\">Now: <strong id=\"eff-cat\">{}</strong> / <strong id=\"eff-lvl\">{}</strong> \
         <small>({}{})</small></p><form id=\"decision\"><fieldset class=\"cats\"><legend>Category</legend>",
        esc(v.effective.category.as_deref().unwrap_or("—")),
        esc(&v.effective.sensitivity),
        v.effective.source,
        v.effective
            .reviewer
            .as_deref()
            .map(|r| format!(" by {}", esc(r)))
            .unwrap_or_default()
    );
    for (i, c) in v.categories.iter().enumerate() {
        let checked = if v.effective.category.as_deref() == Some(c.as_str()) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<label><input type=\"radio\" name=\"category\" value=\"{c}\" data-key=\"{k}\"{checked}><kbd>{k}</kbd> {c}</label>",
            c = esc(c),
            k = category_key(i)
        );
    }
    h.push_str("</fieldset><fieldset class=\"levels\"><legend>Sensitivity</legend>");
    for (i, l) in Level::ALL.iter().enumerate() {
        let checked = if v.effective.sensitivity == l.as_str() {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<label><input type=\"radio\" name=\"sensitivity\" value=\"{l}\"{checked}><kbd>{k}</kbd> {l}</label>",
            k = LEVEL_KEYS[i]
        );
    }
    h.push_str(
        "</fieldset><label class=\"comment\">Comment <kbd>/</kbd><textarea id=\"comment\" name=\"comment\" rows=\"2\" \
         maxlength=\"2000\"></textarea></label><div class=\"actions\"><button type=\"submit\" id=\"accept\">Accept &amp; next \
         <kbd>Enter</kbd></button><button type=\"button\" id=\"undo\">Undo <kbd>u</kbd></button></div>\
         <p id=\"status\" role=\"status\"></p></form>",
    );
    if !v.reviews.is_empty() {
        h.push_str("<h2>Reviews</h2><ol class=\"history\">");
        for r in &v.reviews {
            let _ = write!(
                h,
                "<li><strong>{}</strong> {} → {} / {} <small>{}</small>{}</li>",
                esc(&r.reviewer),
                esc(&r.decided_at.format("%Y-%m-%d %H:%M:%S UTC").to_string()),
                esc(r.category_after.as_deref().unwrap_or("—")),
                esc(&r.sensitivity_after),
                esc(&r.review_id[..r.review_id.len().min(8)]),
                if r.comment.is_empty() {
                    String::new()
                } else {
                    format!("<br><q>{}</q>", esc(&r.comment))
                }
            );
        }
        h.push_str("</ol>");
    }
    h.push_str(
        "<p class=\"help\">Keys: <kbd>1</kbd>…<kbd>0</kbd> category · <kbd>q</kbd>…<kbd>t</kbd> or Shift+<kbd>1</kbd>…<kbd>5</kbd> \
         sensitivity · <kbd>Enter</kbd> accept &amp; next · <kbd>u</kbd> undo · <kbd>/</kbd> comment · <kbd>m</kbd> unmask · \
         <kbd>Esc</kbd> queue</p></section></main></body></html>",
    );
    h
}

/// The audit log page (leads and admins).
pub fn audit_page(s: &SessionInfo, events: &[AuditEvent]) -> String {
    let mut h = head("Audit log", Some(&s.csrf_token), "audit");
    h.push('>');
    h.push_str(&nav(s));
    h.push_str(
        "<main><h1>Audit log</h1><p>Newest first; the file is <code>OUT/audit/audit.jsonl</code>.</p>\
         <table class=\"audit\"><thead><tr><th>When (UTC)</th><th>User</th><th>Event</th><th>Document</th>\
         <th>Detail</th><th>From</th></tr></thead><tbody>",
    );
    for e in events {
        let doc = e.doc_id.as_deref().unwrap_or("");
        let _ = write!(
            h,
            "<tr class=\"ev-{ev}\"><td>{}</td><td>{}</td><td>{ev}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.at.format("%Y-%m-%d %H:%M:%S").to_string()),
            esc(&e.user),
            if doc.is_empty() {
                String::new()
            } else {
                format!(
                    "<a href=\"/doc/{d}\">{}</a>",
                    esc(&doc[..doc.len().min(12)]),
                    d = esc(doc)
                )
            },
            esc(&e.detail),
            esc(&e.remote),
            ev = esc(&e.event)
        );
    }
    h.push_str("</tbody></table></main></body></html>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(url_encode("a b/医"), "a%20b%2F%E5%8C%BB");
        assert_eq!(category_key(0), "1");
        assert_eq!(category_key(9), "0");
    }
}
