/* itukg charts: every <figure data-chart="bar|heatmap|graph"> holds its data in a JSON <script>.
   Uses the vendored Chart.js, chartjs-chart-matrix (heat map) and chartjs-chart-graph (neighbourhood). */
(function () {
  "use strict";

  var ACCENT = "#0b5cad";

  /* A kind's colour, as ui.css gives it (--k-<kind>, else --k-other). */
  function color(kind) {
    var style = getComputedStyle(document.documentElement);
    return style.getPropertyValue("--k-" + kind).trim() || style.getPropertyValue("--k-other").trim() || "#5b6577";
  }

  function dataOf(fig) {
    var s = fig.querySelector('script[type="application/json"]');
    return s ? JSON.parse(s.textContent) : null;
  }

  function go(href) { if (href) window.location.href = href; }

  function pointer(evt, elements) {
    var target = evt.native && evt.native.target;
    if (target) target.style.cursor = elements.length ? "pointer" : "default";
  }

  /* What every chart here shares: it fills its box, without animation or legend; `tooltips`: the tooltip's
     callbacks, if not Chart.js's own. */
  function chartOptions(options, tooltips) {
    var shared = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } };
    if (tooltips) shared.plugins.tooltip = { callbacks: tooltips };
    return Object.assign(shared, options);
  }

  function bar(fig, data) {
    var canvas = fig.querySelector("canvas");
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{ label: data.unit || data.title, data: data.values, backgroundColor: ACCENT, borderRadius: 3,
                     maxBarThickness: 28 }]
      },
      options: chartOptions({
        indexAxis: data.horizontal ? "y" : "x",
        scales: data.horizontal
          ? { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } }
          : { y: { beginAtZero: true, ticks: { precision: 0 } } },
        onHover: data.hrefs && data.hrefs.length ? pointer : undefined,
        onClick: function (evt, elements) {
          if (elements.length && data.hrefs) go(data.hrefs[elements[0].index]);
        }
      })
    });
  }

  function heatmap(fig, data) {
    var canvas = fig.querySelector("canvas");
    var cells = [];
    data.topics.forEach(function (topic, i) {
      data.years.forEach(function (year, j) {
        cells.push({ x: String(year), y: topic, v: data.values[i][j] });
      });
    });
    var max = Math.max(1, data.max);
    return new Chart(canvas, {
      type: "matrix",
      data: {
        datasets: [{
          label: "meetings",
          data: cells,
          backgroundColor: function (ctx) {
            var v = ctx.raw ? ctx.raw.v : 0;
            if (!v) return "rgba(11, 92, 173, 0.04)";
            return "rgba(11, 92, 173, " + (0.18 + 0.82 * v / max).toFixed(3) + ")";
          },
          borderColor: "rgba(255, 255, 255, 1)",
          borderWidth: 1,
          width: function (ctx) {
            var a = ctx.chart.chartArea;
            return a ? a.width / data.years.length - 1 : 10;
          },
          height: function (ctx) {
            var a = ctx.chart.chartArea;
            return a ? a.height / data.topics.length - 1 : 10;
          }
        }]
      },
      options: chartOptions({
        scales: {
          x: { type: "category", labels: data.years.map(String), position: "top", offset: true,
               grid: { display: false } },
          y: { type: "category", labels: data.topics, offset: true, reverse: false, grid: { display: false },
               ticks: { autoSkip: false } }
        },
        onHover: pointer,
        onClick: function (evt, elements) {
          if (!elements.length) return;
          var raw = elements[0].element.$context.raw;
          go(data.hrefs[data.topics.indexOf(raw.y)]);
        }
      }, {
        title: function (items) { return items[0].raw.y; },
        label: function (item) {
          return item.raw.x + ": " + item.raw.v + " meeting" + (item.raw.v === 1 ? "" : "s");
        }
      })
    });
  }

  /* Draws the node names next to the nodes of the graph. */
  var nodeLabels = {
    id: "itukgNodeLabels",
    afterDatasetsDraw: function (chart) {
      var meta = chart.getDatasetMeta(0);
      var nodes = chart.$itukgNodes || [];
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "12px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      meta.data.forEach(function (point, i) {
        var n = nodes[i];
        if (!n) return;
        var text = n.label.length > 34 ? n.label.slice(0, 32) + "…" : n.label;
        ctx.fillStyle = i === 0 ? "#10233f" : "#3a4456";
        ctx.font = (i === 0 ? "600 13px" : "12px") + " system-ui, sans-serif";
        ctx.fillText(text, point.x + (i === 0 ? 12 : 9), point.y);
      });
      ctx.restore();
    }
  };

  function graph(fig, data) {
    if (!window.ChartGraphs) return null;
    var canvas = fig.querySelector("canvas");
    var nodes = data.nodes;
    var legend = fig.querySelector(".legend");
    if (legend) {
      var kinds = {};
      nodes.forEach(function (n) { kinds[n.kind] = n.kind_label || n.kind; });
      Object.keys(kinds).forEach(function (k) {
        var li = document.createElement("li");
        var dot = document.createElement("i");
        dot.style.background = color(k);
        li.appendChild(dot);
        li.appendChild(document.createTextNode(kinds[k]));
        legend.appendChild(li);
      });
    }
    var chart = new ChartGraphs.ForceDirectedGraphChart(canvas, {
      data: {
        labels: nodes.map(function (n) { return n.label; }),
        datasets: [{
          data: nodes.map(function (n, i) { return i === 0 ? { x: 0, y: 0, fx: 0, fy: 0 } : {}; }),
          edges: data.edges.map(function (e) { return { source: e.source, target: e.target }; }),
          pointBackgroundColor: nodes.map(function (n) { return color(n.kind); }),
          pointBorderColor: "#fff",
          pointBorderWidth: 1.5,
          pointRadius: nodes.map(function (n, i) { return i === 0 ? 10 : 6; }),
          pointHoverRadius: nodes.map(function (n, i) { return i === 0 ? 12 : 8; }),
          edgeLineBorderColor: "rgba(90, 100, 120, 0.35)",
          edgeLineBorderWidth: 1
        }]
      },
      options: chartOptions({
        layout: { padding: { left: 20, right: 140, top: 20, bottom: 20 } },
        simulation: { initialIterations: 300, forces: { link: { distance: 70 }, manyBody: { strength: -180 } } },
        onHover: pointer,
        onClick: function (evt, elements) {
          if (elements.length && elements[0].index > 0) go(nodes[elements[0].index].href);
        }
      }, {
        label: function (item) {
          var n = nodes[item.dataIndex];
          return n.label + " (" + (n.kind_label || n.kind) + ")";
        }
      }),
      plugins: [nodeLabels]
    });
    chart.$itukgNodes = nodes;
    chart.update();
    return chart;
  }

  function init() {
    if (!window.Chart) return;
    Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    Chart.defaults.color = "#3a4456";
    document.querySelectorAll("figure[data-chart]").forEach(function (fig) {
      var data = dataOf(fig);
      if (!data) return;
      var kind = fig.getAttribute("data-chart");
      try {
        var chart = kind === "bar" ? bar(fig, data) : kind === "heatmap" ? heatmap(fig, data)
          : kind === "graph" ? graph(fig, data) : null;
        if (chart) fig.setAttribute("data-chart-ready", "true");
      } catch (err) {
        fig.setAttribute("data-chart-error", String(err));
        if (window.console) console.error("itukg chart", kind, err);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
