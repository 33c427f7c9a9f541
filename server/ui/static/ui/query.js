/* itukg query editor: CodeMirror 5 (SPARQL mode) with completion, results through /sparql, query kept in the URL. */
(function () {
  "use strict";

  var itukg = window.itukg || {};
  var el = itukg.el;
  var config = itukg.config || {};
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query");
  if (!form || !textarea) return;

  var examples = JSON.parse(document.getElementById("examples-data").textContent);
  var completion = JSON.parse(document.getElementById("completion-data").textContent);
  var statusEl = document.getElementById("results-status");
  var errorEl = document.getElementById("query-error");
  var downloadsEl = document.getElementById("downloads");
  var tableEl = document.getElementById("results-table");
  var pagerEl = document.getElementById("results-pager");
  var assertedEl = document.getElementById("asserted");
  var runButton = document.getElementById("run-query");
  var PAGE = 100;
  var KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "BIND", "VALUES",
    "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "COUNT", "SAMPLE",
    "GROUP_CONCAT", "NOT EXISTS", "EXISTS", "STRSTARTS", "CONTAINS", "REGEX", "LANG", "STR", "YEAR", "DESC", "ASC"];

  /* --- the editor --------------------------------------------------------------------------------------- */
  var editor = null;
  var errorLine = null;

  function hint(cm) {
    var cur = cm.getCursor();
    var line = cm.getLine(cur.line);
    var before = line.slice(0, cur.ch);
    var m = /[A-Za-z_][\w-]*:?[\w-]*$/.exec(before);
    var word = m ? m[0] : "";
    var from = CodeMirror.Pos(cur.line, cur.ch - word.length);
    var to = CodeMirror.Pos(cur.line, cur.ch);
    var list = [];
    var inPrefixDecl = /^\s*PREFIX\s+[\w-]*$/i.test(before);
    if (word.indexOf(":") >= 0) {
      var parts = word.split(":");
      if (parts[0] === "itukg") {
        var needle = parts[1].toLowerCase();
        completion.itukg.forEach(function (t) {
          if (t.name.toLowerCase().indexOf(needle) === 0) {
            list.push({ text: "itukg:" + t.name, displayText: "itukg:" + t.name + "  — " + t.kind + ": " + t.label });
          }
        });
      }
    } else {
      var low = word.toLowerCase();
      Object.keys(completion.prefixes).forEach(function (p) {
        if (p.indexOf(low) === 0) {
          var ns = completion.prefixes[p];
          list.push(inPrefixDecl ? { text: p + ": <" + ns + ">", displayText: p + ": <" + ns + ">" }
                                 : { text: p + ":", displayText: p + ":  <" + ns + ">" });
        }
      });
      if (!inPrefixDecl && word.length) {
        KEYWORDS.forEach(function (k) { if (k.toLowerCase().indexOf(low) === 0) list.push({ text: k, displayText: k }); });
      }
    }
    return { list: list, from: from, to: to };
  }

  function run() { form.requestSubmit ? form.requestSubmit() : submit(); }

  if (window.CodeMirror) {
    editor = CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      viewportMargin: Infinity,
      screenReaderLabel: "SPARQL query",
      extraKeys: {
        "Ctrl-Enter": run, "Cmd-Enter": run, "Ctrl-Space": "autocomplete",
        "Tab": false, "Shift-Tab": false  // Tab moves the focus on: no keyboard trap
      },
      hintOptions: { hint: hint, completeSingle: false }
    });
    editor.on("inputRead", function (cm, change) {
      if (change.origin !== "+input") return;
      var cur = cm.getCursor();
      var before = cm.getLine(cur.line).slice(0, cur.ch);
      if (/itukg:[\w-]*$/.test(before) || /^\s*PREFIX\s+[\w-]+$/i.test(before)) cm.showHint({ completeSingle: false });
    });
    editor.on("change", clearErrorMark);
    editor.getWrapperElement().setAttribute("data-editor", "codemirror");
  }

  function getQuery() { return editor ? editor.getValue() : textarea.value; }
  function setQuery(text) { if (editor) editor.setValue(text); else textarea.value = text; }

  function clearErrorMark() {
    if (editor && errorLine !== null) {
      editor.removeLineClass(errorLine, "background", "cm-error-line");
      errorLine = null;
    }
  }

  /* --- running ------------------------------------------------------------------------------------------ */
  var state = { vars: [], rows: [], page: 1, sortVar: null, ascending: true, seq: 0 };

  function queryForm(text) {
    var stripped = text.replace(/#[^\n]*/g, " ").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    stripped = stripped.replace(/<[^>\s]*>/g, "<>");
    var m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(stripped);
    return m ? m[1].toUpperCase() : "SELECT";
  }

  function endpointUrl(text, format) {
    var url = config.sparqlUrl + "?query=" + encodeURIComponent(text);
    if (assertedEl && assertedEl.checked) url += "&asserted=true";
    return url + (format ? "&format=" + format : "");
  }

  function pageUrl(text) {
    var params = new URLSearchParams();
    params.set("query", text);
    return window.location.pathname + "?" + params.toString();
  }

  function showError(message) {
    errorEl.textContent = "";
    var m = /line (\d+), column (\d+)/.exec(message);
    var head = el("strong", null, m ? "Syntax error at line " + m[1] + ", column " + m[2] : "The endpoint refused the query");
    errorEl.appendChild(head);
    errorEl.appendChild(el("pre", null, message));
    errorEl.hidden = false;
    if (m && editor) {
      var line = Math.max(0, Math.min(editor.lineCount() - 1, parseInt(m[1], 10) - 1));
      errorLine = line;
      editor.addLineClass(line, "background", "cm-error-line");
      editor.setCursor({ line: line, ch: Math.max(0, parseInt(m[2], 10) - 1) });
      editor.scrollIntoView(null, 80);
    }
    statusEl.textContent = "The query failed.";
  }

  function setDownloads(text, kind) {
    downloadsEl.textContent = "Download: ";
    var formats = kind === "graph" ? [["turtle", "Turtle", "ttl"], ["nt", "N-Triples", "nt"], ["jsonld", "JSON-LD", "jsonld"]]
      : [["csv", "CSV", "csv"], ["tsv", "TSV", "tsv"], ["json", "JSON", "json"]];
    formats.forEach(function (f, i) {
      if (i) downloadsEl.appendChild(document.createTextNode(" · "));
      var a = el("a", { href: endpointUrl(text, f[0]), download: "itukg-results." + f[2], "data-format": f[0] }, f[1]);
      downloadsEl.appendChild(a);
    });
    downloadsEl.appendChild(document.createTextNode(" · "));
    downloadsEl.appendChild(el("a", { href: endpointUrl(text, null), rel: "nofollow" }, "endpoint URL"));
    downloadsEl.hidden = false;
  }

  function submit() {
    var text = getQuery();
    if (!text.trim()) { showError("The query is empty."); return; }
    var mine = ++state.seq;
    clearErrorMark();
    errorEl.hidden = true;
    downloadsEl.hidden = true;
    tableEl.textContent = "";
    pagerEl.hidden = true;
    statusEl.textContent = "Running…";
    runButton.disabled = true;
    var url = pageUrl(text);
    if (window.location.pathname + window.location.search !== url) history.pushState({ query: text }, "", url);
    var body = new URLSearchParams();
    body.set("query", text);
    if (assertedEl && assertedEl.checked) body.set("asserted", "true");
    var started = performance.now();
    fetch(config.sparqlUrl, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9", "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString()
    }).then(function (r) {
      return r.text().then(function (t) { return { response: r, text: t }; });
    }).then(function (res) {
      if (mine !== state.seq) return;
      runButton.disabled = false;
      var ms = Math.round(performance.now() - started);
      if (!res.response.ok) { showError(res.text.trim() || res.response.status + " " + res.response.statusText); return; }
      var type = res.response.headers.get("Content-Type") || "";
      var truncated = res.response.headers.get("X-Itukg-Truncated");
      if (type.indexOf("json") >= 0 && type.indexOf("ld+json") < 0) {
        var data = JSON.parse(res.text);
        if (typeof data.boolean === "boolean") {
          statusEl.textContent = "ASK: " + (data.boolean ? "true" : "false") + " (" + ms + " ms)";
          tableEl.appendChild(el("p", { "class": "alert " + (data.boolean ? "alert-ok" : "alert-warn") }, data.boolean ? "true" : "false"));
          setDownloads(text, "tabular");
          return;
        }
        state.vars = data.head.vars || [];
        state.rows = data.results.bindings || [];
        state.page = 1;
        state.sortVar = null;
        statusEl.textContent = state.rows.length + " row" + (state.rows.length === 1 ? "" : "s") + " in " + ms + " ms" +
          (truncated ? " — truncated by the server's result limit" : "");
        renderTable();
        setDownloads(text, "tabular");
      } else {
        statusEl.textContent = "Graph result in " + ms + " ms" + (truncated ? " — truncated" : "");
        tableEl.appendChild(el("pre", { "class": "graph-result" }, res.text));
        setDownloads(text, "graph");
      }
    }).catch(function (err) {
      if (mine !== state.seq) return;
      runButton.disabled = false;
      showError("Could not reach the endpoint: " + err);
    });
  }

  /* --- the results table -------------------------------------------------------------------------------- */
  var labels = {};  // IRI -> label, from /ui/api/labels (kept across sorting and pages)
  var asked = {};
  var namespaces = Object.keys(completion.prefixes || {}).map(function (p) { return [p, completion.prefixes[p]]; })
    .sort(function (x, y) { return y[1].length - x[1].length; });

  function prefixed(iri) {
    for (var i = 0; i < namespaces.length; i++) {
      var ns = namespaces[i][1];
      if (ns && iri.indexOf(ns) === 0 && iri.length > ns.length && !/[\s<>"{}|^`\\]/.test(iri.slice(ns.length))) {
        return namespaces[i][0] + ":" + iri.slice(ns.length);
      }
    }
    return null;
  }

  function fillLabels() {
    var anchors = tableEl.querySelectorAll("a[data-iri]");
    var wanted = [];
    anchors.forEach(function (a) {
      var iri = a.getAttribute("data-iri");
      if (!(iri in asked) && wanted.indexOf(iri) < 0) wanted.push(iri);
    });
    if (!wanted.length || !config.labelsUrl) return;
    wanted.forEach(function (iri) { asked[iri] = true; });
    fetch(config.labelsUrl, { method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
                              body: JSON.stringify({ iris: wanted.slice(0, 500) }) })
      .then(function (r) { return r.ok ? r.json() : { labels: {} }; })
      .then(function (data) {
        Object.keys(data.labels || {}).forEach(function (iri) { labels[iri] = data.labels[iri]; });
        tableEl.querySelectorAll("a[data-iri]").forEach(function (a) {
          var label = labels[a.getAttribute("data-iri")];
          if (!label || a.querySelector(".lbl")) return;
          var pn = a.querySelector(".pn");
          a.insertBefore(el("span", { "class": "lbl" }, label), pn);
          pn.className = "pn muted small";
          pn.textContent = " " + pn.textContent;
        });
      }).catch(function () {});
  }

  function termText(t) {
    if (!t) return "";
    return t.type === "bnode" ? "_:" + t.value : t.value;
  }

  function termCell(t) {
    var td = el("td");
    if (!t) return td;
    if (t.type === "uri") {
      var href = itukg.entityHref ? itukg.entityHref(t.value) : null;
      var a = el("a", { href: href || t.value, title: t.value, "data-iri": t.value });
      var known = labels[t.value];
      if (known) a.appendChild(el("span", { "class": "lbl" }, known));
      a.appendChild(el("span", { "class": known ? "pn muted small" : "pn" }, (known ? " " : "") + (prefixed(t.value) || t.value)));
      if (!href) a.setAttribute("rel", "external");
      td.appendChild(a);
    } else if (t.type === "literal" || t.type === "typed-literal") {
      td.appendChild(el("span", t["xml:lang"] ? { lang: t["xml:lang"] } : null, t.value));
      if (t.datatype && !/XMLSchema#string$/.test(t.datatype)) {
        td.setAttribute("title", t.datatype);
        if (/XMLSchema#(integer|decimal|double|float|int|long)$/.test(t.datatype)) td.className = "num";
      }
      if (t["xml:lang"]) td.appendChild(el("span", { "class": "muted small" }, " @" + t["xml:lang"]));
    } else {
      td.textContent = termText(t);
      td.className = "muted";
    }
    return td;
  }

  function sortRows(v) {
    if (state.sortVar === v) state.ascending = !state.ascending;
    else { state.sortVar = v; state.ascending = true; }
    var numeric = state.rows.every(function (r) { return !r[v] || (r[v].type !== "uri" && r[v].value !== "" && !isNaN(Number(r[v].value))); });
    state.rows.sort(function (a, b) {
      var x = a[v] ? a[v].value : "", y = b[v] ? b[v].value : "";
      var c = numeric ? (Number(x) - Number(y)) : x.localeCompare(y);
      return state.ascending ? c : -c;
    });
    state.page = 1;
    renderTable();
  }

  function renderTable() {
    tableEl.textContent = "";
    if (!state.vars.length) return;
    var wrap = el("div", { "class": "table-wrap results-scroll" });
    var table = el("table", { id: "results-grid" });
    var thead = el("thead");
    var tr = el("tr");
    state.vars.forEach(function (v) {
      var th = el("th", { scope: "col" });
      if (state.sortVar === v) th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending");
      var b = el("button", { type: "button", "class": "sort", "aria-label": "Sort by " + v }, "?" + v);
      b.addEventListener("click", function () { sortRows(v); });
      th.appendChild(b);
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    var start = (state.page - 1) * PAGE;
    state.rows.slice(start, start + PAGE).forEach(function (row) {
      var r = el("tr");
      state.vars.forEach(function (v) { r.appendChild(termCell(row[v])); });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    tableEl.appendChild(wrap);
    if (!state.rows.length) tableEl.appendChild(el("p", { "class": "muted" }, "No rows."));
    renderPager();
    fillLabels();
  }

  function renderPager() {
    var pages = Math.ceil(state.rows.length / PAGE);
    pagerEl.textContent = "";
    if (pages <= 1) { pagerEl.hidden = true; return; }
    var first = (state.page - 1) * PAGE + 1, last = Math.min(state.rows.length, state.page * PAGE);
    pagerEl.appendChild(el("span", { "class": "info" }, first + "–" + last + " of " + state.rows.length));
    function button(label, page, disabled) {
      var b = el("button", { type: "button", "class": "secondary" }, label);
      b.disabled = disabled;
      b.addEventListener("click", function () { state.page = page; renderTable(); tableEl.scrollIntoView({ block: "start" }); });
      pagerEl.appendChild(b);
    }
    button("‹ Previous", state.page - 1, state.page <= 1);
    pagerEl.appendChild(el("span", null, "page " + state.page + " of " + pages));
    button("Next ›", state.page + 1, state.page >= pages);
    pagerEl.hidden = false;
  }

  /* --- wiring ------------------------------------------------------------------------------------------- */
  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });

  /* A named query's parameters: one form per query (hidden until chosen); the server reads each value as the
     CLI does (an IRI, a prefixed name, a slug or a label) and answers the bound query or what is wrong. */
  var namedForms = document.querySelectorAll("form[data-named]");

  function showNamedForm(name) {
    namedForms.forEach(function (f) { f.hidden = f.getAttribute("data-named") !== name; });
  }

  function fieldError(input, message) {
    var box = document.getElementById(input.id + "-error");
    box.textContent = message || "";
    box.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }

  function runNamed(f) {
    var params = new URLSearchParams();
    params.set("name", f.getAttribute("data-named"));
    var inputs = f.querySelectorAll("input[data-param]");
    inputs.forEach(function (input) { params.set(input.name, input.value); fieldError(input, ""); });
    statusEl.textContent = "Reading the parameters…";
    return fetch(config.namedQueryUrl + "?" + params.toString(), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (bound) {
        if (bound.text) { setQuery(bound.text); submit(); return; }
        inputs.forEach(function (input) { fieldError(input, (bound.errors || {})[input.getAttribute("data-param")]); });
        if (bound.error) showError(bound.error);
        statusEl.textContent = "A parameter needs another value.";
        var wrong = f.querySelector("input[aria-invalid=true]");
        if (wrong) wrong.focus();
      }).catch(function (err) { showError("Could not reach the server: " + err); });
  }

  namedForms.forEach(function (f) {
    f.addEventListener("submit", function (e) { e.preventDefault(); runNamed(f); });
  });

  document.querySelectorAll("button[data-example]").forEach(function (b) {
    b.addEventListener("click", function () {
      var ex = examples.filter(function (x) { return x.name === b.getAttribute("data-example"); })[0];
      if (!ex) return;
      document.querySelectorAll("button[data-example]").forEach(function (o) { o.setAttribute("aria-pressed", "false"); });
      b.setAttribute("aria-pressed", "true");
      showNamedForm(ex.name);
      setQuery(ex.text);
      submit();
    });
  });

  window.addEventListener("popstate", function () {
    var q = new URLSearchParams(window.location.search).get("query");
    if (q !== null) { setQuery(q); submit(); }
  });

  if (new URLSearchParams(window.location.search).get("query") || form.getAttribute("data-autorun") === "true") submit();
})();
