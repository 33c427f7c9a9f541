/* itukg web UI: search as you type, sortable tables, evidence tooltips on document pages. No dependencies. */
(function () {
  "use strict";

  var configEl = document.getElementById("ui-config");
  var config = configEl ? JSON.parse(configEl.textContent) : {};

  /** Where the UI shows an IRI: ontology terms on /ontology, dataset entities on their page, others outside. */
  function entityHref(iri) {
    if (config.ontologyNs && iri.indexOf(config.ontologyNs) === 0 && iri.length > config.ontologyNs.length) {
      return config.ontologyUrl + "#" + iri.slice(config.ontologyNs.length);
    }
    if (config.baseIri && iri.indexOf(config.baseIri) === 0 && iri.length > config.baseIri.length) {
      if (config.idPages) return "/id/" + iri.slice(config.baseIri.length);
      return config.entityUrl + "?iri=" + encodeURIComponent(iri);
    }
    return null;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  window.itukg = { config: config, entityHref: entityHref, el: el, makeSortable: makeSortable };

  /* --- search combobox (WAI-ARIA combobox with a listbox popup) ----------------------------------------- */
  var searchCount = 0;

  function setupSearch(form) {
    var input = form.querySelector('input[role="combobox"]');
    var list = form.querySelector('[role="listbox"]');
    if (!input || !list) return;
    var uid = "search" + (++searchCount);
    var live = el("span", { "class": "visually-hidden", "aria-live": "polite", "role": "status" });
    form.appendChild(live);
    var timer = null, hits = [], active = -1, seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(i) {
      var options = list.querySelectorAll('[role="option"]:not([aria-disabled])');
      if (!options.length) return;
      active = (i + options.length) % options.length;
      options.forEach(function (o, j) { o.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function go(hit) { if (hit && hit.href) window.location.href = hit.href; }

    function render(q) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!hits.length) {
        list.appendChild(el("li", { "class": "empty", "role": "option", "aria-disabled": "true", "id": uid + "-none" },
          "Nothing matches “" + q + "”"));
        live.textContent = "No results";
      } else {
        hits.forEach(function (h, i) {
          var li = el("li", { "role": "option", "id": uid + "-opt-" + i, "aria-selected": "false", "data-kind": h.kind });
          var a = el("a", { "href": h.href, "tabindex": "-1" }, h.label);
          li.appendChild(a);
          if (h.match) li.appendChild(el("span", { "class": "match" }, "“" + h.match + "”"));
          li.appendChild(el("span", { "class": "kind kind-" + h.kind }, h.kind_label));
          li.addEventListener("mousedown", function (e) { e.preventDefault(); });
          li.addEventListener("click", function (e) { e.preventDefault(); go(h); });
          list.appendChild(li);
        });
        live.textContent = hits.length + " result" + (hits.length === 1 ? "" : "s") + "; arrow keys to choose";
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function lookup() {
      var q = input.value.trim();
      if (!q) { hits = []; close(); return; }
      var mine = ++seq;
      fetch(config.searchUrl + "?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          if (mine !== seq) return; // a newer keystroke won
          hits = data.results || [];
          render(q);
        })
        .catch(function () { /* offline or server gone: the form still submits to the search page */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden && hits.length) render(input.value.trim());
        setActive(active + 1);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        setActive(active - 1);
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); } else { input.value = ""; }
      } else if (e.key === "Enter") {
        if (!list.hidden && active >= 0 && hits[active]) { e.preventDefault(); go(hits[active]); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 120); });
    input.addEventListener("focus", function () { if (hits.length && input.value.trim()) render(input.value.trim()); });
    form.addEventListener("submit", function (e) {
      // Enter without a choice: open the best hit when there is one, else the search page
      var q = input.value.trim();
      if (hits.length && !list.hidden && q) { e.preventDefault(); go(hits[0]); }
    });
  }

  document.querySelectorAll("form[data-search]").forEach(setupSearch);

  /* --- sortable tables ---------------------------------------------------------------------------------- */
  function cellValue(cell) {
    var v = cell.getAttribute("data-sort");
    return v != null ? v : cell.textContent.trim();
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length || table.dataset.sortReady) return;
    table.dataset.sortReady = "1";
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = el("button", { "type": "button", "class": "sort" });
      while (th.firstChild) button.appendChild(th.firstChild);
      button.setAttribute("aria-label", "Sort by " + button.textContent.trim());
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var values = rows.map(function (r) { return r.cells[index] ? cellValue(r.cells[index]) : ""; });
        var numeric = values.every(function (v) { return v === "" || v === "—" || !isNaN(Number(v.replace(/[\s\u202f,]/g, ""))); });
        var keyed = rows.map(function (r, i) {
          var v = values[i];
          return { row: r, key: numeric ? Number(v.replace(/[\s\u202f,]/g, "")) || 0 : v.toLowerCase() };
        });
        keyed.sort(function (a, b) {
          var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          return ascending ? c : -c;
        });
        keyed.forEach(function (k) { body.appendChild(k.row); });
      });
    });
  }

  document.querySelectorAll("table[data-sortable]").forEach(makeSortable);

  /* --- document pages: evidence tooltips and "show in text" ----------------------------------------------- */
  var spansEl = document.getElementById("doc-spans");
  var textEl = document.getElementById("doc-text");
  var tip = document.getElementById("ev-tip");
  if (spansEl && textEl && tip) {
    var spans = JSON.parse(spansEl.textContent);

    var showTip = function (a) {
      var ids = (a.getAttribute("data-m") || "").split(" ").filter(Boolean);
      if (!ids.length) return;
      tip.textContent = "";
      var seen = {};
      ids.forEach(function (id, n) {
        var span = spans[id];
        if (!span) return;
        span.targets.forEach(function (t) {
          if (seen[t.iri]) return;
          seen[t.iri] = true;
          var line = el("div", { "class": "tip-entity" }, t.label);
          line.appendChild(el("span", { "class": "kind kind-" + t.kind }, t.kind_label));
          tip.appendChild(line);
        });
        if (n === 0 && span.facts.length) {
          var ul = el("ul");
          span.facts.slice(0, 6).forEach(function (f) { ul.appendChild(el("li", null, f)); });
          if (span.facts.length > 6) ul.appendChild(el("li", null, "… " + (span.facts.length - 6) + " more"));
          tip.appendChild(ul);
        }
      });
      tip.hidden = false;
      var r = a.getBoundingClientRect();
      var left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
      tip.style.left = Math.max(window.scrollX + 4, left) + "px";
      tip.style.top = (r.bottom + window.scrollY + 6) + "px";
      a.setAttribute("aria-describedby", "ev-tip");
    };
    var hideTip = function (a) {
      tip.hidden = true;
      if (a) a.removeAttribute("aria-describedby");
    };

    textEl.addEventListener("mouseover", function (e) {
      var a = e.target.closest("a.ev");
      if (a) showTip(a);
    });
    textEl.addEventListener("mouseout", function (e) {
      var a = e.target.closest("a.ev");
      if (a && !a.contains(e.relatedTarget)) hideTip(a);
    });
    textEl.addEventListener("focusin", function (e) {
      var a = e.target.closest("a.ev");
      if (a) showTip(a);
    });
    textEl.addEventListener("focusout", function (e) {
      var a = e.target.closest("a.ev");
      if (a) hideTip(a);
    });
    textEl.addEventListener("scroll", function () { hideTip(null); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(null); });

    var focusSpan = function (id, scroll) {
      textEl.querySelectorAll(".focus").forEach(function (n) { n.classList.remove("focus"); });
      var parts = textEl.querySelectorAll('[data-s~="' + id.replace(/"/g, "") + '"]');
      parts.forEach(function (n) { n.classList.add("focus"); });
      if (scroll && parts.length) {
        textEl.scrollIntoView({ block: "start" });
        parts[0].scrollIntoView({ block: "center" });
      }
      return parts.length;
    };
    document.addEventListener("click", function (e) {
      var link = e.target.closest("a[data-show-span]");
      if (!link) return;
      e.preventDefault();
      var id = link.getAttribute("data-show-span");
      if (focusSpan(id, true)) history.replaceState(null, "", "#s-" + id);
    });
    var fromHash = function () {
      var m = /^#s-(\d+-\d+)$/.exec(window.location.hash);
      if (m) focusSpan(m[1], true);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }
})();
