//! HTTP-level tests of the review app: login, wrong passwords and throttling, CSRF and origin
//! checks, clearance enforcement on every route, durable hash-chained decisions, concurrent
//! decisions, undo, audit. The dataset is fabricated (no OCR) by `review_fixture`.

mod review_fixture;

use arkiv::record::Level;
use arkiv::review::reviews::{read_reviews, verify_chain};
use reqwest::StatusCode;
use review_fixture::{Fixture, PASSWORD, SECRET_PHONE, Server, build};
use serde_json::{Value, json};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

async fn login(base: &str, user: &str) -> (reqwest::Client, String) {
    let c = client();
    let r = c
        .post(format!("{base}/api/login"))
        .json(&json!({"user": user, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "login {user}");
    let v: Value = r.json().await.unwrap();
    (c, v["csrf_token"].as_str().unwrap().to_string())
}

fn doc_at(f: &Fixture, level: Level) -> String {
    f.docs.iter().find(|d| d.2 == level).unwrap().0.clone()
}

async fn error_of(r: reqwest::Response) -> (StatusCode, String) {
    let status = r.status();
    let v: Value = r.json().await.expect("errors are JSON");
    (
        status,
        v["error"].as_str().expect("error message").to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_cookie_and_wrong_passwords() {
    let f = build(6, false);
    let s = Server::start(&f);
    let c = client();
    let r = c.get(format!("{}/api/queue", s.base)).send().await.unwrap();
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(msg.contains("log in"), "{msg}");

    for (user, pw) in [("rita", "wrong password"), ("nobody", PASSWORD)] {
        let r = c
            .post(format!("{}/api/login", s.base))
            .json(&json!({"user": user, "password": pw}))
            .send()
            .await
            .unwrap();
        let (status, msg) = error_of(r).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(msg.contains("wrong user name or password"), "{msg}");
    }
    let r = c
        .post(format!("{}/api/login", s.base))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::BAD_REQUEST);

    let r = c
        .post(format!("{}/api/login", s.base))
        .json(&json!({"user": "rita", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["csrf_token"].as_str().unwrap().len(), 64);
    let q: Value = c
        .get(format!("{}/api/queue", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(q["total"].as_u64().unwrap() > 0);

    let audit = std::fs::read_to_string(f.out.join("audit/audit.jsonl")).unwrap();
    assert_eq!(audit.matches("\"login_failed\"").count(), 2);
    assert_eq!(audit.matches("\"event\":\"login\"").count(), 1);
    assert!(!audit.contains(PASSWORD));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_are_throttled() {
    let f = build(3, false);
    let s = Server::start(&f);
    let c = client();
    for _ in 0..5 {
        let r = c
            .post(format!("{}/api/login", s.base))
            .json(&json!({"user": "lena", "password": "guess guess"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = c
        .post(format!("{}/api/login", s.base))
        .json(&json!({"user": "lena", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(r.headers().contains_key("retry-after"));
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(msg.contains("wait"), "{msg}");
    // Another user is not locked out by lena's failures.
    login(&s.base, "rita").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn state_changes_need_csrf_token_and_same_origin() {
    let f = build(6, false);
    let s = Server::start(&f);
    let (c, csrf) = login(&s.base, "lena").await;
    let doc = doc_at(&f, Level::S2);
    let url = format!("{}/api/documents/{doc}/decision", s.base);
    let body = json!({"category": "finance", "sensitivity": "S3", "comment": "checked"});

    let r = c.post(&url).json(&body).send().await.unwrap();
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(msg.contains("X-CSRF-Token"), "{msg}");
    let r = c
        .post(&url)
        .header("X-CSRF-Token", "0".repeat(64))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = c
        .post(&url)
        .header("X-CSRF-Token", &csrf)
        .header("Origin", "http://evil.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::FORBIDDEN);
    // Another session's token does not work either.
    let (_, other_csrf) = login(&s.base, "sam").await;
    let r = c
        .post(&url)
        .header("X-CSRF-Token", &other_csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(
        read_reviews(&f.out).unwrap().is_empty(),
        "refused requests wrote nothing"
    );

    let r = c
        .post(&url)
        .header("X-CSRF-Token", &csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    let reviews = read_reviews(&f.out).unwrap();
    assert_eq!(
        reviews.len(),
        1,
        "the decision is on disk when the server confirms it"
    );
    assert_eq!(v["review"]["review_id"], reviews[0].review_id.as_str());
    assert_eq!(reviews[0].category_after.as_deref(), Some("finance"));
    assert_eq!(reviews[0].sensitivity_before, "S2");
    assert_eq!(reviews[0].comment, "checked");
    assert!(v["next"].is_string());

    let r = c
        .post(&url)
        .header("X-CSRF-Token", &csrf)
        .json(&json!({"category": "astrology", "sensitivity": "S3"}))
        .send()
        .await
        .unwrap();
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        msg.contains("unknown category") && msg.contains("medical"),
        "{msg}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uncleared_reviewer_gets_no_unmasked_text_or_images_by_any_route() {
    let f = build(6, true);
    let s = Server::start(&f);
    let (rita, rita_csrf) = login(&s.base, "rita").await;
    let s4 = doc_at(&f, Level::S4);
    let base = &s.base;

    for url in [
        format!("{base}/api/documents/{s4}/text?unmasked=true"),
        format!("{base}/api/documents/{s4}/text?unmasked=1"),
        format!("{base}/api/documents/{s4}/pages/1.png"),
        format!("{base}/api/documents/{s4}/pages/1.png?thumb=true"),
        format!("{base}/api/documents/{s4}/pages/2.png"),
    ] {
        let r = rita.get(&url).send().await.unwrap();
        let (status, msg) = error_of(r).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{url}");
        assert!(msg.contains("clearance S2") && msg.contains("S4"), "{msg}");
    }
    for url in [
        format!("{base}/api/documents/{s4}"),
        format!("{base}/api/documents/{s4}/text"),
        format!("{base}/api/queue?include_done=true"),
        format!("{base}/doc/{s4}"),
        format!("{base}/"),
    ] {
        let body = rita.get(&url).send().await.unwrap().text().await.unwrap();
        assert!(
            !body.contains(SECRET_PHONE),
            "{url} leaked the unmasked text"
        );
        assert!(!body.contains("pages/1.png"), "{url} links a page image");
    }
    let view: Value = rita
        .get(format!("{base}/api/documents/{s4}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["can_unmask"], false);
    assert_eq!(view["required_clearance"], "S4");
    assert!(
        view["document"]["text_masked"]
            .as_str()
            .unwrap()
            .contains("138****8000")
    );
    assert!(
        view["source"].is_null(),
        "source state is not disclosed either"
    );

    // Not allowed to lower what it cannot see; raising is fine.
    let url = format!("{base}/api/documents/{s4}/decision");
    let r = rita
        .post(&url)
        .header("X-CSRF-Token", &rita_csrf)
        .json(&json!({"category": "medical", "sensitivity": "S1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::FORBIDDEN);
    let r = rita
        .post(&url)
        .header("X-CSRF-Token", &rita_csrf)
        .json(&json!({"category": "medical", "sensitivity": "S5"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Audit is for leads and admins.
    let r = rita.get(format!("{base}/api/audit")).send().await.unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::FORBIDDEN);

    // A cleared user sees both, and both are audited without the text.
    let s2 = doc_at(&f, Level::S2);
    let text: Value = rita
        .get(format!("{base}/api/documents/{s2}/text?unmasked=true"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(text["text"].as_str().unwrap().contains(SECRET_PHONE));
    let (lena, _) = login(base, "lena").await;
    let r = lena
        .get(format!("{base}/api/documents/{s4}/pages/1.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    let png = r.bytes().await.unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let thumb = lena
        .get(format!("{base}/api/documents/{s4}/pages/1.png?thumb=true"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let img = image::load_from_memory(&thumb).unwrap();
    assert!(img.width() <= arkiv::review::pages::THUMB_WIDTH);
    let r = lena
        .get(format!("{base}/api/documents/{s4}/pages/9.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::NOT_FOUND);

    let audit: Value = lena
        .get(format!("{base}/api/audit"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let events: Vec<&str> = audit["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    for want in [
        "access_denied",
        "unmask_text",
        "view_page",
        "decision",
        "login",
    ] {
        assert!(events.contains(&want), "{want} missing from {events:?}");
    }
    let raw = std::fs::read_to_string(f.out.join("audit/audit.jsonl")).unwrap();
    assert!(
        !raw.contains(SECRET_PHONE),
        "the audit log holds no unmasked text"
    );

    // A source file that changed since the run is reported, not rendered.
    let path = f.out.parent().unwrap().join("scans/scan-0000.png");
    std::fs::write(&path, b"replaced").unwrap();
    let r = lena
        .get(format!("{base}/api/documents/{}/pages/1.png", f.docs[0].0))
        .send()
        .await
        .unwrap();
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(msg.contains("changed") || msg.contains("moved"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_decisions_are_all_kept_in_one_chain() {
    let f = build(20, false);
    let s = Server::start(&f);
    let (lena, lena_csrf) = login(&s.base, "lena").await;
    let (sam, sam_csrf) = login(&s.base, "sam").await;
    let contested = doc_at(&f, Level::S2);
    let mut tasks = Vec::new();
    for i in 0..16 {
        let (c, csrf) = if i % 2 == 0 {
            (lena.clone(), lena_csrf.clone())
        } else {
            (sam.clone(), sam_csrf.clone())
        };
        let doc = if i < 4 {
            contested.clone()
        } else {
            f.docs[i].0.clone()
        };
        let url = format!("{}/api/documents/{doc}/decision", s.base);
        tasks.push(tokio::spawn(async move {
            let r = c
                .post(url)
                .header("X-CSRF-Token", csrf)
                .json(&json!({"category": "personnel", "sensitivity": "S5", "comment": format!("t{i}")}))
                .send()
                .await
                .unwrap();
            r.status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::OK);
    }
    let reviews = read_reviews(&f.out).unwrap();
    assert_eq!(reviews.len(), 16);
    assert_eq!(verify_chain(&f.out).unwrap(), 16);
    let on_contested: Vec<_> = reviews.iter().filter(|r| r.doc_id == contested).collect();
    assert_eq!(on_contested.len(), 4, "both reviewers' decisions are kept");
    let last = on_contested.last().unwrap();
    let view: Value = lena
        .get(format!("{}/api/documents/{contested}", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        view["effective"]["review_id"],
        last.review_id.as_str(),
        "the later one is effective"
    );
    assert_eq!(view["reviews"].as_array().unwrap().len(), 4);
    let files = std::fs::read_dir(f.out.join("reviews"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".parquet")
        })
        .count();
    assert_eq!(files, 16, "one file per decision");

    // Reviewed documents leave the queue unless asked for.
    let q: Value = lena
        .get(format!("{}/api/queue", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = q["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["doc_id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&contested.as_str()));
    let q: Value = lena
        .get(format!("{}/api/queue?include_done=true", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        q["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["doc_id"] == contested.as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queue_order_filters_undo_and_logout() {
    let f = build(30, false);
    let s = Server::start(&f);
    let (c, csrf) = login(&s.base, "sam").await;
    let q: Value = c
        .get(format!("{}/api/queue", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let items = q["items"].as_array().unwrap();
    let prio: Vec<f64> = items
        .iter()
        .map(|i| i["review_priority"].as_f64().unwrap())
        .collect();
    assert!(
        prio.windows(2).all(|w| w[0] >= w[1]),
        "most uncertain first: {prio:?}"
    );
    let needing = f.docs.len() - f.docs.len() / 7;
    assert_eq!(q["pending"].as_u64().unwrap() as usize, needing);
    let s4 = q["counts"]["sensitivity"]["S4"].as_u64().unwrap();
    let q: Value = c
        .get(format!("{}/api/queue?sensitivity=S4&category=", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(q["total"].as_u64().unwrap(), s4);
    assert!(
        q["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["sensitivity"] == "S4")
    );
    let r = c
        .get(format!("{}/api/queue?limit=lots", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::BAD_REQUEST);

    let doc = q["items"][0]["doc_id"].as_str().unwrap().to_string();
    let before: Value = c
        .get(format!("{}/api/documents/{doc}", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let r = c
        .post(format!(
            "{}/api/documents/{doc}/decision?sensitivity=S4",
            s.base
        ))
        .header("X-CSRF-Token", &csrf)
        .json(&json!({"category": "heritage", "sensitivity": "S5"}))
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    if let Some(next) = v["next"].as_str() {
        let nv: Value = c
            .get(format!("{}/api/documents/{next}", s.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            nv["document"]["sensitivity"], "S4",
            "next keeps the filters"
        );
    }
    let r = c
        .post(format!("{}/api/undo", s.base))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let after: Value = c
        .get(format!("{}/api/documents/{doc}", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        after["effective"]["category"],
        before["effective"]["category"]
    );
    assert_eq!(
        after["effective"]["sensitivity"],
        before["effective"]["sensitivity"]
    );
    let reviews = read_reviews(&f.out).unwrap();
    assert_eq!(reviews.len(), 2, "undo appends, never deletes");
    assert!(reviews[1].comment.starts_with("undo of "));
    let r = c
        .post(format!("{}/api/undo", s.base))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::CONFLICT);

    let r = c
        .get(format!("{}/api/documents/{}", s.base, "f".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::NOT_FOUND);
    let r = c.get(format!("{}/api/nope", s.base)).send().await.unwrap();
    assert_eq!(error_of(r).await.0, StatusCode::NOT_FOUND);

    let r = c
        .post(format!("{}/api/logout", s.base))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = c.get(format!("{}/api/queue", s.base)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}
