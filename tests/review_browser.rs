//! End-to-end test in a real headless Chromium, driven over the WebDriver protocol by
//! chromedriver: log in, correct two documents with the keyboard, undo, check `reviews/`, and
//! save a screenshot to `target/review-browser.png`.
//!
//! Needs Debian's `chromium` and `chromium-driver`; skips with a message when they are missing.

mod review_fixture;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use arkiv::review::reviews::{read_reviews, verify_chain};
use base64::Engine;
use review_fixture::{PASSWORD, Server, build};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const ENTER: &str = "\u{E007}";
const SHIFT: &str = "\u{E008}";
const ESCAPE: &str = "\u{E00C}";

struct Driver {
    child: Child,
    http: reqwest::blocking::Client,
    base: String,
    session: String,
}

impl Driver {
    fn start(profile: &std::path::Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let mut driver = Driver {
            child,
            http,
            base,
            session: String::new(),
        };
        let t0 = Instant::now();
        while driver
            .http
            .get(format!("{}/status", driver.base))
            .send()
            .is_err()
        {
            assert!(
                t0.elapsed() < Duration::from_secs(15),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1440,1000",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        }}});
        let v = driver.call("POST", "/session", caps);
        driver.session = v["sessionId"].as_str().expect("session id").to_string();
        driver
    }

    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let req = match method {
            "GET" => self.http.get(url),
            "DELETE" => self.http.delete(url),
            _ => self.http.post(url).json(&body),
        };
        let v: Value = req
            .send()
            .expect("webdriver request")
            .json()
            .expect("webdriver json");
        if v["value"]["error"].is_string() {
            panic!("webdriver {method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url }));
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }

    fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            json!({ "text": text }),
        );
    }

    /// Presses keys one after the other; `SHIFT` before a key holds Shift for it.
    fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        let mut shift = false;
        for k in keys {
            if *k == SHIFT {
                shift = true;
                continue;
            }
            if shift {
                actions.push(json!({"type": "keyDown", "value": SHIFT}));
            }
            actions.push(json!({"type": "keyDown", "value": k}));
            actions.push(json!({"type": "keyUp", "value": k}));
            if shift {
                actions.push(json!({"type": "keyUp", "value": SHIFT}));
                shift = false;
            }
        }
        self.call(
            "POST",
            "/actions",
            json!({"actions": [{"type": "key", "id": "kb", "actions": actions}]}),
        );
    }

    fn script(&self, js: &str) -> Value {
        self.call("POST", "/execute/sync", json!({ "script": js, "args": [] }))
    }

    /// Waits until `js` (an expression) is truthy; returns its value.
    fn wait_for(&self, js: &str, what: &str) -> Value {
        let t0 = Instant::now();
        loop {
            let v = self.script(&format!(
                "return (document.readyState === 'complete') && ({js});"
            ));
            if v.as_bool() != Some(false) && !v.is_null() {
                return v;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn screenshot(&self, path: &std::path::Path) {
        let v = self.call("GET", "/screenshot", Value::Null);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self
                .http
                .delete(format!("{}/session/{}", self.base, self.session))
                .send();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn browser_login_keyboard_review_and_undo() {
    if !std::path::Path::new(CHROMIUM).exists() || !std::path::Path::new(CHROMEDRIVER).exists() {
        eprintln!(
            "skipped: {CHROMIUM} or {CHROMEDRIVER} missing (apt-get install chromium chromium-driver)"
        );
        return;
    }
    let f = build(8, true);
    let server = Server::start(&f);
    let profile = tempfile::tempdir().unwrap();
    let d = Driver::start(profile.path());
    let base = &server.base;

    d.goto(&format!("{base}/"));
    d.wait_for(
        "document.body.dataset.page === 'login'",
        "redirect to the login page",
    );
    d.type_into("#user", "lena");
    d.type_into("#password", PASSWORD);
    d.keys(&[ENTER]);
    d.wait_for(
        "document.body.dataset.page === 'queue'",
        "the queue after login",
    );

    d.keys(&[ENTER]);
    let first = d.wait_for(
        "document.body.dataset.page === 'document' && document.body.dataset.docId",
        "first document",
    );
    let first = first.as_str().unwrap().to_string();
    d.wait_for(
        "document.querySelector('.thumb img') && document.querySelector('.thumb img').complete",
        "thumbnail",
    );
    // 4 = personnel, e = S3, Enter = accept & next.
    d.keys(&["4", "e"]);
    d.keys(&[ENTER]);
    let second = d.wait_for(
        &format!("document.body.dataset.page === 'document' && document.body.dataset.docId !== '{first}' && document.body.dataset.docId"),
        "second document",
    );
    let second = second.as_str().unwrap().to_string();
    d.wait_for(
        "document.getElementById('status').textContent.startsWith('Saved')",
        "saved message",
    );

    // 5 = finance, Shift+5 = S5, / = comment, Escape leaves the comment box.
    d.keys(&["5", SHIFT, "5", "/"]);
    d.type_into("#comment", "invoice, not a record");
    d.keys(&[ESCAPE]);
    d.wait_for(
        "document.querySelector('.thumb img') && document.querySelector('.thumb img').complete",
        "thumbnail",
    );
    let shot = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/review-browser.png");
    d.screenshot(&shot);
    d.keys(&[ENTER]);
    d.wait_for(
        &format!("document.body.dataset.page !== 'document' || document.body.dataset.docId !== '{second}'"),
        "third page",
    );

    let reviews = read_reviews(&f.out).unwrap();
    assert_eq!(reviews.len(), 2, "{reviews:?}");
    assert_eq!(reviews[0].doc_id, first);
    assert_eq!(reviews[0].reviewer, "lena");
    assert_eq!(reviews[0].category_after.as_deref(), Some("personnel"));
    assert_eq!(reviews[0].sensitivity_after, "S3");
    assert_eq!(reviews[1].doc_id, second);
    assert_eq!(reviews[1].category_after.as_deref(), Some("finance"));
    assert_eq!(reviews[1].sensitivity_after, "S5");
    assert_eq!(reviews[1].comment, "invoice, not a record");

    // u undoes the last decision and goes back to that document.
    d.keys(&["u"]);
    d.wait_for(
        &format!("document.body.dataset.docId === '{second}'"),
        "undo back to the second document",
    );
    let reviews = read_reviews(&f.out).unwrap();
    assert_eq!(reviews.len(), 3);
    assert_eq!(reviews[2].doc_id, second);
    assert_eq!(reviews[2].category_after, reviews[1].category_before);
    assert_eq!(verify_chain(&f.out).unwrap(), 3);
    eprintln!("screenshot: {}", shot.display());
}
