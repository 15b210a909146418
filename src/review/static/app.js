// arkiv review: login form, keyboard workflow, calls to the JSON API. No build step.
"use strict";

(function () {
  const body = document.body;
  const page = body.dataset.page;
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.content : "";

  async function api(method, url, data) {
    const opts = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      opts.headers["X-CSRF-Token"] = csrf;
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(data || {});
    }
    const resp = await fetch(url, opts);
    let json = {};
    try {
      json = await resp.json();
    } catch (e) {
      json = { error: "unexpected answer from the server (" + resp.status + ")" };
    }
    if (resp.status === 401 && page !== "login") {
      location.href = "/login";
    }
    if (!resp.ok) {
      throw new Error(json.error || "request failed (" + resp.status + ")");
    }
    return json;
  }

  function typing(ev) {
    const t = ev.target;
    return t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" || t.tagName === "SELECT");
  }

  const logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", async () => {
      try {
        await api("POST", "/api/logout");
      } finally {
        location.href = "/login";
      }
    });
  }

  if (page === "login") {
    const form = document.getElementById("login-form");
    const err = document.getElementById("login-error");
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      err.textContent = "";
      try {
        await api("POST", "/api/login", {
          user: document.getElementById("user").value,
          password: document.getElementById("password").value,
        });
        location.href = "/";
      } catch (e) {
        err.textContent = e.message;
      }
    });
    return;
  }

  if (page === "queue") {
    const rows = Array.from(document.querySelectorAll("table.queue tbody tr"));
    let sel = 0;
    const mark = () => rows.forEach((r, i) => r.classList.toggle("selected", i === sel));
    mark();
    rows.forEach((r) => r.addEventListener("click", (ev) => {
      if (ev.target.tagName !== "A") location.href = r.dataset.href;
    }));
    document.addEventListener("keydown", (ev) => {
      if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey || rows.length === 0) return;
      if (ev.key === "j" || ev.key === "ArrowDown") { sel = Math.min(sel + 1, rows.length - 1); mark(); ev.preventDefault(); }
      else if (ev.key === "k" || ev.key === "ArrowUp") { sel = Math.max(sel - 1, 0); mark(); ev.preventDefault(); }
      else if (ev.key === "Enter") { location.href = rows[sel].dataset.href; ev.preventDefault(); }
    });
    return;
  }

  if (page !== "document") return;

  const docId = body.dataset.docId;
  const query = body.dataset.query || "";
  const form = document.getElementById("decision");
  const status = document.getElementById("status");
  const comment = document.getElementById("comment");
  const text = document.getElementById("text");
  const toggle = document.getElementById("toggle-unmask");
  const masked = text.textContent;
  let unmasked = null;
  let busy = false;

  const flash = sessionStorage.getItem("arkiv-flash");
  if (flash) {
    status.textContent = flash;
    sessionStorage.removeItem("arkiv-flash");
  }

  function choose(name, value) {
    const input = form.querySelector('input[name="' + name + '"][value="' + value + '"]');
    if (input) input.checked = true;
  }

  async function toggleUnmask() {
    if (!toggle) return;
    if (text.classList.contains("masked")) {
      try {
        if (unmasked === null) {
          const r = await api("GET", "/api/documents/" + docId + "/text?unmasked=true");
          unmasked = r.text;
        }
        text.textContent = unmasked;
        text.classList.replace("masked", "unmasked");
        toggle.textContent = "Show masked (m)";
      } catch (e) {
        status.textContent = e.message;
      }
    } else {
      text.textContent = masked;
      text.classList.replace("unmasked", "masked");
      toggle.textContent = "Show unmasked (m)";
    }
  }
  if (toggle) toggle.addEventListener("click", toggleUnmask);

  async function accept() {
    if (busy) return;
    const cat = form.querySelector('input[name="category"]:checked');
    const lvl = form.querySelector('input[name="sensitivity"]:checked');
    if (!cat || !lvl) {
      status.textContent = "Choose a category (1–0) and a sensitivity (q–t) first.";
      return;
    }
    busy = true;
    status.textContent = "Saving…";
    try {
      const r = await api("POST", "/api/documents/" + docId + "/decision" + query, {
        category: cat.value,
        sensitivity: lvl.value,
        comment: comment.value,
      });
      sessionStorage.setItem("arkiv-flash", "Saved " + r.review.category_after + " / " + r.review.sensitivity_after + " for the previous document.");
      location.href = r.next ? "/doc/" + r.next + query : "/" + query;
    } catch (e) {
      status.textContent = e.message;
      busy = false;
    }
  }

  async function undo() {
    if (busy) return;
    busy = true;
    try {
      const r = await api("POST", "/api/undo");
      sessionStorage.setItem("arkiv-flash", "Undone: label restored to " + (r.review.category_after || "—") + " / " + r.review.sensitivity_after + ".");
      location.href = "/doc/" + r.review.doc_id + query;
    } catch (e) {
      status.textContent = e.message;
      busy = false;
    }
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); accept(); });
  document.getElementById("undo").addEventListener("click", undo);

  const levelKeys = { q: "S1", w: "S2", e: "S3", r: "S4", t: "S5" };
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) {
      if (ev.ctrlKey && ev.key === "Enter") { ev.preventDefault(); accept(); }
      return;
    }
    if (typing(ev)) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    const digit = /^Digit([0-9])$/.exec(ev.code || "");
    if (digit && ev.shiftKey) {
      const n = Number(digit[1]);
      if (n >= 1 && n <= 5) { choose("sensitivity", "S" + n); ev.preventDefault(); }
      return;
    }
    if (/^[0-9]$/.test(ev.key)) {
      const input = form.querySelector('input[name="category"][data-key="' + ev.key + '"]');
      if (input) input.checked = true;
      ev.preventDefault();
    } else if (levelKeys[ev.key]) {
      choose("sensitivity", levelKeys[ev.key]);
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      accept();
    } else if (ev.key === "u") {
      ev.preventDefault();
      undo();
    } else if (ev.key === "/") {
      ev.preventDefault();
      comment.focus();
    } else if (ev.key === "m") {
      ev.preventDefault();
      toggleUnmask();
    } else if (ev.key === "Escape") {
      location.href = "/" + query;
    }
  });
})();
