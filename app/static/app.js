/* coachgraph — the graph page.
 *
 * Talks only to the coachgraph API (same origin, see docs/api-contract.md) and draws with
 * Cytoscape.js (vendored in /static/vendor). No build step: plain browser JavaScript.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // Look and feel: one table per kind / edge type, used by the style sheet and the legend.
  const KINDS = {
    coach: { label: "Coach", color: "#2563eb", shape: "ellipse", size: 46 },
    person: { label: "Executive / player", color: "#8b5cf6", shape: "ellipse", size: 36 },
    club: { label: "Club", color: "#059669", shape: "round-rectangle", size: 42 },
    national: { label: "National team", color: "#d97706", shape: "round-hexagon", size: 44 },
    move: { label: "Move (colour = status)", color: "#f59e0b", shape: "round-diamond", size: 32 },
    outlet: { label: "Outlet", color: "#db2777", shape: "diamond", size: 34 },
    article: { label: "Article", color: "#ca9a3c", shape: "round-tag", size: 26 },
    reference: { label: "Reference page", color: "#94a3b8", shape: "round-rectangle", size: 22 },
  };
  const STATUS = {
    rumoured: "#f59e0b",
    confirmed: "#0ea5e9",
    completed: "#16a34a",
    denied: "#6b7280",
    collapsed: "#dc2626",
  };
  const POLARITY = { for: "#16a34a", against: "#dc2626" };
  const MOVE_EDGES = ["MOVE_OF", "FROM_TEAM", "TO_TEAM"];
  const LARGE = 150; // nodes: above this, a fast layout and no animation

  const $ = (id) => document.getElementById(id);
  const state = {
    center: null, // ENT of the last searched entity
    depth: 2,
    cache: new Map(), // url -> promise of JSON
    lastAction: null,
    layout: null,
  };

  // ---------------------------------------------------------------------------------------
  // Small DOM helper: h("div", {class: "x"}, "text", child) — text is always text, never HTML.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "style") el.style.cssText = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // ---------------------------------------------------------------------------------------
  // Dates at their precision: "2025", "2025-05", "2025-05-12" → first / last day (UTC ms).
  const DAY = 86400000;
  function dateLo(s) {
    if (!s) return null;
    const [y, m, d] = String(s).split("-").map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1);
  }
  function dateHi(s) {
    if (!s) return null;
    const [y, m, d] = String(s).split("-").map(Number);
    if (d) return Date.UTC(y, m - 1, d);
    if (m) return Date.UTC(y, m, 1) - DAY;
    return Date.UTC(y + 1, 0, 1) - DAY;
  }
  function fmtDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }
  function years(start, end) {
    const a = start ? String(start).slice(0, 4) : "?";
    const b = end ? String(end).slice(0, 4) : "";
    return a === b ? a : `${a}–${b}`;
  }
  function fmtDate(s) {
    if (!s) return "";
    const parts = String(s).split("-");
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    if (parts.length === 1) return parts[0];
    if (parts.length === 2) return `${months[Number(parts[1]) - 1]} ${parts[0]}`;
    return `${Number(parts[2])} ${months[Number(parts[1]) - 1]} ${parts[0]}`;
  }

  // ---------------------------------------------------------------------------------------
  // The API, and errors shown in the page.
  class ApiError extends Error {
    constructor(status, body, retryAfter) {
      const detail = (body && (body.detail || body.error)) || `HTTP ${status}`;
      super(typeof detail === "string" ? detail : JSON.stringify(detail));
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }
  }

  async function api(path) {
    let res;
    try {
      res = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (err) {
      throw new ApiError(0, { error: "network", detail: `cannot reach the coachgraph API (${err.message})` });
    }
    let body = null;
    try {
      body = await res.json();
    } catch (_) {
      body = null;
    }
    if (!res.ok) throw new ApiError(res.status, body, res.headers.get("Retry-After"));
    return body;
  }

  function cached(path) {
    if (!state.cache.has(path)) {
      const p = api(path);
      state.cache.set(path, p);
      p.catch(() => state.cache.delete(path));
    }
    return state.cache.get(path);
  }

  function showError(err, retry) {
    let text;
    if (err instanceof ApiError && err.status === 503) {
      const wait = err.retryAfter ? ` Try again in ${err.retryAfter} s.` : "";
      text = `The graph database is unreachable right now (Neo4j down?): ${err.message}.${wait}`;
    } else if (err instanceof ApiError && err.status === 404) {
      text = `Not found: ${err.message}`;
    } else if (err instanceof ApiError && err.status === 0) {
      text = `No answer from the API: ${err.message}. Is the server running?`;
    } else if (err instanceof ApiError) {
      text = `The API answered ${err.status}: ${err.message}`;
    } else {
      text = `Something went wrong: ${err && err.message ? err.message : err}`;
    }
    showBanner(text, "error", retry);
  }

  function showBanner(text, kind, retry) {
    const banner = $("banner");
    banner.className = `banner ${kind || "info"}`;
    $("banner-text").textContent = text;
    const btn = $("banner-retry");
    btn.hidden = !retry;
    btn.onclick = retry
      ? () => {
          hideBanner();
          retry();
        }
      : null;
    banner.hidden = false;
  }
  function hideBanner() {
    $("banner").hidden = true;
  }

  function busy(on) {
    $("loading").hidden = !on;
  }

  // ---------------------------------------------------------------------------------------
  // Cytoscape.
  function statusColor(s) {
    return STATUS[s] || "#9ca3af";
  }

  function styleSheet() {
    const s = [
      {
        selector: "node",
        style: {
          label: "data(name)",
          "font-family": "Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
          "font-size": 11,
          "font-weight": 500,
          color: "#1f2937",
          "text-valign": "bottom",
          "text-halign": "center",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": 120,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.75,
          "text-background-padding": 1,
          "text-background-shape": "round-rectangle",
          "min-zoomed-font-size": 7,
          "background-color": "#9ca3af",
          "border-width": 2,
          "border-color": "#ffffff",
          width: 34,
          height: 34,
        },
      },
    ];
    for (const [kind, k] of Object.entries(KINDS)) {
      s.push({
        selector: `node[kind = "${kind}"]`,
        style: { "background-color": k.color, shape: k.shape, width: k.size, height: k.size },
      });
    }
    for (const [status, color] of Object.entries(STATUS)) {
      s.push({
        selector: `node[kind = "move"][status = "${status}"]`,
        style: { "background-color": color },
      });
    }
    s.push(
      {
        selector: 'node[kind = "move"]',
        style: {
          "border-style": "dashed",
          "border-color": "#374151",
          "border-width": 1.5,
          "font-size": 10,
          color: "#374151",
          "text-max-width": 110,
        },
      },
      {
        selector: 'node[kind = "article"], node[kind = "reference"]',
        style: { "font-size": 9, color: "#6b7280", "text-max-width": 100 },
      },
      { selector: "node.center", style: { "border-color": "#111827", "border-width": 4, "font-weight": 700, "font-size": 13 } },
      { selector: "node:selected", style: { "border-color": "#f43f5e", "border-width": 4, "overlay-opacity": 0 } },
      { selector: "node.dim, edge.dim", style: { opacity: 0.18 } },
      { selector: ".asof-hidden", style: { display: "none" } },
      { selector: "edge.big", style: { label: "", "min-zoomed-font-size": 14 } },
      { selector: "node.big", style: { "min-zoomed-font-size": 10, "text-background-opacity": 0 } },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "line-color": "#cbd5e1",
          "curve-style": "bezier",
          "control-point-step-size": 46,
          "target-arrow-shape": "none",
          "arrow-scale": 1.1,
          "font-size": 9,
          "font-family": "Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
          color: "#374151",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.9,
          "text-background-padding": 1,
          "min-zoomed-font-size": 8,
        },
      },
      {
        selector: 'edge[type = "COACHED"]',
        style: { width: 3, "line-color": "#475569", "line-style": "solid", label: "data(display)" },
      },
      { selector: 'edge[type = "COACHED"][role = "assistant"]', style: { width: 2, "line-color": "#94a3b8" } },
      { selector: 'edge[type = "COACHED"][role = "caretaker"]', style: { width: 2, "line-color": "#64748b" } },
      {
        selector: 'edge[type = "MOVE_OF"], edge[type = "FROM_TEAM"], edge[type = "TO_TEAM"]',
        style: { width: 2, "line-style": "dashed", "line-dash-pattern": [7, 4] },
      },
      {
        selector: 'edge[type = "TO_TEAM"]',
        style: { width: 2.5, "target-arrow-shape": "triangle", label: "data(display)" },
      },
      {
        selector: 'edge[type = "INFLUENCED"]',
        style: { width: 3, "line-style": "solid", label: "data(display)", "target-arrow-shape": "triangle" },
      },
      {
        selector: 'edge[type = "INFLUENCED"][polarity = "for"]',
        style: { "line-color": POLARITY.for, "target-arrow-color": POLARITY.for },
      },
      {
        selector: 'edge[type = "INFLUENCED"][polarity = "against"]',
        style: {
          "line-color": POLARITY.against,
          "target-arrow-color": POLARITY.against,
          "target-arrow-shape": "tee",
          "line-style": "dashed",
          "line-dash-pattern": [2, 3],
        },
      },
      {
        selector: 'edge[type = "HELD_ROLE"]',
        style: { width: 2, "line-color": "#a78bfa", label: "data(display)" },
      },
      {
        selector: 'edge[type = "REPORTED"], edge[type = "REPORTED_IN"], edge[type = "CITES"]',
        style: { width: 1, "line-color": "#d4a5bd", "line-style": "dotted", "target-arrow-shape": "vee", "target-arrow-color": "#d4a5bd" },
      },
      { selector: "edge:selected", style: { width: 5, "overlay-opacity": 0 } },
    );
    for (const [status, color] of Object.entries(STATUS)) {
      s.push({
        selector: `edge[status = "${status}"][type != "INFLUENCED"][type != "COACHED"]`,
        style: { "line-color": color, "target-arrow-color": color },
      });
    }
    return s;
  }

  const cy = cytoscape({
    container: $("cy"),
    style: styleSheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: true, // pan/zoom a cached picture of big graphs
    hideEdgesOnViewport: false,
    motionBlur: false,
    pixelRatio: "auto",
  });

  function edgeDisplay(e) {
    switch (e.type) {
      case "COACHED": {
        const y = e.start || e.end ? e.label || years(e.start, e.end) : "dates unknown";
        return e.role && e.role !== "head" ? `${y} (${e.role})` : y;
      }
      case "INFLUENCED":
        return [e.polarity, e.how].filter(Boolean).join(": ") || e.label || "";
      case "HELD_ROLE":
        return e.role || e.label || "";
      case "TO_TEAM":
        return e.status || "";
      default:
        return "";
    }
  }

  function nodeElement(n) {
    return { group: "nodes", data: { ...n, name: n.name || n.id } };
  }
  function edgeElement(e) {
    return {
      group: "edges",
      data: { ...e, id: `e:${e.id}`, apiId: e.id, display: edgeDisplay(e) },
    };
  }

  /** Merge a /graph answer into the drawing; returns a promise resolved after layout. */
  function renderGraph(graph, opts) {
    const options = Object.assign({ replace: false, near: null, layout: true }, opts);
    const t0 = performance.now();
    let added;
    cy.batch(() => {
      if (options.replace) cy.elements().remove();
      const els = [];
      for (const n of graph.nodes || []) {
        if (cy.getElementById(n.id).empty()) els.push(nodeElement(n));
        else cy.getElementById(n.id).data(Object.assign({}, n, { name: n.name || n.id }));
      }
      if (graph.center && cy.getElementById(graph.center.id).empty()) els.push(nodeElement(graph.center));
      for (const e of graph.edges || []) {
        if (cy.getElementById(`e:${e.id}`).empty()) els.push(edgeElement(e));
      }
      // Place new nodes next to the one that was expanded, so the layout starts near a solution.
      if (options.near) {
        const p = options.near.position();
        for (const el of els) {
          if (el.group === "nodes") el.position = { x: p.x + (Math.random() - 0.5) * 80, y: p.y + (Math.random() - 0.5) * 80 };
        }
      }
      // Edges whose ends are not drawn would throw: keep only those with both ends.
      const ids = new Set(cy.nodes().map((n) => n.id()));
      for (const el of els) if (el.group === "nodes") ids.add(el.data.id);
      // Move edges take their move's status when the answer leaves it out.
      for (const el of els) {
        if (el.group !== "edges" || el.data.status || !MOVE_EDGES.includes(el.data.type)) continue;
        const move = els.find((x) => x.group === "nodes" && x.data.id === el.data.source);
        el.data.status = move ? move.data.status : cy.getElementById(el.data.source).data("status");
        el.data.display = edgeDisplay(el.data);
      }
      added = cy.add(els.filter((el) => el.group === "nodes" || (ids.has(el.data.source) && ids.has(el.data.target))));
      if (graph.center) {
        cy.nodes(".center").removeClass("center");
        if (options.replace || !state.center) cy.getElementById(graph.center.id).addClass("center");
        else cy.getElementById(state.center.id).addClass("center");
      }
    });
    const big = cy.nodes().length > LARGE;
    cy.batch(() => cy.elements().toggleClass("big", big));
    updateEmpty();
    updateSlider();
    applyAsOf();
    const done = options.layout && (options.replace || added.nodes().length > 0)
      ? runLayout({ randomize: options.replace, fit: options.replace || cy.nodes().length < LARGE })
      : Promise.resolve();
    return done.then(() => {
      updateStats(performance.now() - t0);
      return { added: added.length, ms: performance.now() - t0 };
    });
  }

  function runLayout(opts) {
    const o = Object.assign({ randomize: true, fit: true }, opts);
    if (state.layout) state.layout.stop();
    const eles = cy.elements(":visible");
    const n = eles.nodes().length;
    if (n === 0) return Promise.resolve();
    const large = n > LARGE;
    const layout = eles.layout({
      name: "fcose",
      quality: n > 1500 ? "draft" : "default",
      randomize: o.randomize || large,
      animate: !large && !o.randomize,
      animationDuration: 450,
      fit: o.fit,
      padding: 40,
      nodeDimensionsIncludeLabels: !large,
      uniformNodeDimensions: large,
      packComponents: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: (e) => (e.data("type") === "COACHED" ? 110 : 80),
      edgeElasticity: () => 0.45,
      nestingFactor: 0.1,
      numIter: large ? 400 : 2500,
      initialEnergyOnIncremental: 0.3,
      tile: true,
      samplingType: true,
      sampleSize: 25,
      nodeSeparation: 75,
    });
    state.layout = layout;
    const done = layout.promiseOn("layoutstop");
    layout.run();
    return done.then(() => undefined);
  }

  function updateEmpty() {
    $("empty").hidden = cy.nodes().length > 0;
  }

  function updateStats(ms) {
    const vis = cy.nodes(":visible").length;
    const all = cy.nodes().length;
    const shown = vis === all ? `${all} nodes` : `${vis} of ${all} nodes`;
    $("stats").textContent = `${shown} · ${cy.edges(":visible").length} edges${ms ? ` · ${Math.round(ms)} ms` : ""}`;
  }

  // ---------------------------------------------------------------------------------------
  // Loading: the searched entity's neighbourhood, and expanding a clicked node.
  async function loadCenter(id, opts) {
    const o = Object.assign({ select: true }, opts);
    state.lastAction = () => loadCenter(id, opts);
    hideBanner();
    busy(true);
    try {
      const graph = await api(`/graph?center=${encodeURIComponent(id)}&depth=${state.depth}`);
      state.center = graph.center;
      if (location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
      if (!graph.nodes || graph.nodes.length === 0) {
        showBanner(`Nothing is connected to ${graph.center ? graph.center.name : id} yet.`, "info");
      } else if (graph.truncated) {
        showBanner("The neighbourhood is large: only part of it is drawn. Click nodes to expand.", "info");
      }
      await renderGraph(graph, { replace: true });
      const node = cy.getElementById(graph.center.id);
      if (o.select && node.nonempty()) {
        cy.elements(":selected").unselect();
        node.select();
        showDetails(node);
      }
      return graph;
    } catch (err) {
      showError(err, state.lastAction);
      return null;
    } finally {
      busy(false);
    }
  }

  async function expand(node) {
    const id = node.id();
    if (node.data("expanded")) return;
    try {
      const graph = await api(`/graph?center=${encodeURIComponent(id)}&depth=1`);
      node.data("expanded", true);
      const before = cy.nodes().length;
      await renderGraph(graph, { near: node });
      if (cy.nodes().length === before) updateStats();
    } catch (err) {
      showError(err, () => expand(node));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Search.
  const search = { timer: null, items: [], active: -1, seq: 0 };

  function renderResults(query, items, error) {
    const list = $("search-results");
    list.replaceChildren();
    search.items = items;
    search.active = items.length ? 0 : -1;
    if (error) {
      list.append(h("li", { class: "search-msg error" }, error));
    } else if (!items.length) {
      list.append(h("li", { class: "search-msg" }, `Nothing found for “${query}”.`));
    }
    items.forEach((it, i) => {
      const k = KINDS[it.kind] || { color: "#9ca3af", label: it.kind };
      const aliases = (it.aliases || []).slice(0, 3).join(", ");
      list.append(
        h(
          "li",
          {
            class: `search-item${i === 0 ? " active" : ""}`,
            role: "option",
            "data-id": it.id,
            onmousedown: (ev) => {
              ev.preventDefault();
              pick(it);
            },
          },
          h("span", { class: "dot", style: `background:${k.color}` }),
          h("span", { class: "name" }, it.name),
          h("span", { class: "kind" }, k.label || it.kind),
          aliases ? h("span", { class: "aliases" }, aliases) : null,
        ),
      );
    });
    list.hidden = false;
  }

  async function runSearch(query) {
    const seq = ++search.seq;
    try {
      const res = await api(`/search?q=${encodeURIComponent(query)}&limit=10`);
      if (seq === search.seq) renderResults(query, res.items || []);
    } catch (err) {
      if (seq !== search.seq) return;
      renderResults(query, [], err.status === 503 ? "The graph database is unreachable (503). Try again shortly." : `Search failed: ${err.message}`);
      showError(err, () => runSearch(query));
    }
  }

  function pick(item) {
    $("search-results").hidden = true;
    $("search-input").value = item.name;
    if (item.kind === "outlet") {
      loadCenter(item.id);
      return;
    }
    loadCenter(item.id);
  }

  function moveActive(delta) {
    if (!search.items.length) return;
    search.active = (search.active + delta + search.items.length) % search.items.length;
    const lis = $("search-results").querySelectorAll(".search-item");
    lis.forEach((li, i) => li.classList.toggle("active", i === search.active));
  }

  $("search-input").addEventListener("input", (ev) => {
    const q = ev.target.value.trim();
    clearTimeout(search.timer);
    if (q.length < 2) {
      $("search-results").hidden = true;
      return;
    }
    search.timer = setTimeout(() => runSearch(q), 180);
  });
  $("search-input").addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") {
      moveActive(1);
      ev.preventDefault();
    } else if (ev.key === "ArrowUp") {
      moveActive(-1);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      $("search-results").hidden = true;
    }
  });
  $("search-input").addEventListener("blur", () => setTimeout(() => ($("search-results").hidden = true), 150));
  $("search-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const q = $("search-input").value.trim();
    if (!q) return;
    if (search.active >= 0 && search.items[search.active] && !$("search-results").hidden) {
      pick(search.items[search.active]);
      return;
    }
    await runSearch(q);
  });

  // ---------------------------------------------------------------------------------------
  // Hover card.
  function summary(ele) {
    const d = ele.data();
    if (ele.isNode()) {
      const k = KINDS[d.kind];
      const lines = [k ? k.label : d.kind];
      if (d.status) lines.push(`status: ${d.status}`);
      if (d.date) lines.push(fmtDate(d.date));
      if (d.first_reported) lines.push(`first reported ${fmtDate(d.first_reported)}`);
      return [d.name, lines.join(" · ")];
    }
    const src = ele.source().data("name");
    const tgt = ele.target().data("name");
    switch (d.type) {
      case "COACHED":
        return [`${src} → ${tgt}`, `${d.role || "head"} coach, ${fmtDate(d.start) || "?"} – ${fmtDate(d.end) || "today"}`];
      case "INFLUENCED":
        return [`${src} ${d.polarity === "against" ? "against" : "for"} the move`, d.how || ""];
      case "HELD_ROLE":
        return [`${src} at ${tgt}`, [d.role, years(d.start, d.end)].filter(Boolean).join(", ")];
      default:
        return [`${src} → ${tgt}`, [d.type.replace(/_/g, " ").toLowerCase(), d.status].filter(Boolean).join(" · ")];
    }
  }

  const tooltip = $("tooltip");
  cy.on("mouseover", "node, edge", (ev) => {
    const [title, sub] = summary(ev.target);
    tooltip.replaceChildren(h("strong", {}, title), sub ? h("div", {}, sub) : null);
    tooltip.hidden = false;
  });
  cy.on("mousemove", (ev) => {
    if (tooltip.hidden) return;
    const p = ev.renderedPosition || { x: 0, y: 0 };
    tooltip.style.left = `${p.x + 14}px`;
    tooltip.style.top = `${p.y + 14}px`;
  });
  cy.on("mouseout", "node, edge", () => (tooltip.hidden = true));
  cy.on("viewport", () => (tooltip.hidden = true));

  // ---------------------------------------------------------------------------------------
  // Selection: details in the side panel, expansion of the clicked node.
  cy.on("tap", "node", (ev) => {
    const node = ev.target;
    showDetails(node);
    expand(node);
  });
  cy.on("tap", "edge", (ev) => showEdgeDetails(ev.target));
  cy.on("tap", (ev) => {
    if (ev.target === cy) {
      cy.elements().removeClass("dim");
    }
  });

  function panel(...children) {
    const d = $("details");
    d.replaceChildren(...children.flat().filter(Boolean));
    d.scrollTop = 0;
  }

  function kindBadge(kind, status) {
    const k = KINDS[kind] || { label: kind, color: "#9ca3af" };
    const color = kind === "move" && status ? statusColor(status) : k.color;
    return h("span", { class: "badge", style: `background:${color}` }, kind === "move" && status ? status : k.label);
  }

  function entLink(ent) {
    if (!ent) return h("span", { class: "muted" }, "—");
    return h(
      "a",
      {
        href: `#${ent.id}`,
        class: "ent",
        "data-id": ent.id,
        onclick: (ev) => {
          ev.preventDefault();
          focusOrLoad(ent.id);
        },
      },
      ent.name || ent.id,
    );
  }

  function focusOrLoad(id) {
    const node = cy.getElementById(id);
    if (node.nonempty() && node.visible()) {
      cy.elements(":selected").unselect();
      node.select();
      cy.animate({ center: { eles: node }, duration: 300 });
      showDetails(node);
      expand(node);
    } else {
      loadCenter(id);
    }
  }

  function sourceLink(src) {
    if (!src) return null;
    const title = src.title || src.id;
    return src.url ? h("a", { href: src.url, target: "_blank", rel: "noopener noreferrer" }, title) : h("span", {}, title);
  }

  function showDetails(node) {
    const d = node.data();
    const head = h("header", { class: "details-head" }, h("h2", {}, d.name), kindBadge(d.kind, d.status));
    if (d.kind === "move") return showMove(d.id, head);
    if (d.kind === "coach") {
      panel(head, h("p", { class: "muted" }, "Loading the career…"));
      return showCoach(d.id, head);
    }
    if (d.kind === "club" || d.kind === "national") return showTeam(d.id, head);
    if (d.kind === "outlet") return showOutlet(d.id, head);
    const rows = [];
    if (d.date) rows.push(["Date", fmtDate(d.date)]);
    if (d.labels) rows.push(["Labels", d.labels.join(", ")]);
    panel(head, facts(rows), neighbourList(node));
  }

  function facts(rows) {
    return h("dl", { class: "facts" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  function neighbourList(node) {
    const items = node.connectedEdges().map((e) => {
      const other = e.source().same(node) ? e.target() : e.source();
      return h("li", {}, h("span", { class: "etype" }, e.data("type").replace(/_/g, " ").toLowerCase()), " ", entLink({ id: other.id(), name: other.data("name") }));
    });
    return items.length ? [h("h3", {}, "Connections"), h("ul", { class: "plain" }, items)] : null;
  }

  async function showCoach(id, head) {
    try {
      const career = await cached(`/coaches/${encodeURIComponent(id)}/career`);
      const cur = career.current;
      const rows = [
        ["Now", cur ? h("span", {}, entLink(cur.team), ` (${cur.role}, since ${fmtDate(cur.start)})`) : "no current post known"],
        ["Stints", String(career.total != null ? career.total : career.tenures.length)],
      ];
      const list = h(
        "ol",
        { class: "career" },
        career.tenures.map((t) =>
          h(
            "li",
            { "data-tenure": t.id },
            h("span", { class: "years" }, years(t.start, t.end)),
            " ",
            entLink(t.team),
            t.role && t.role !== "head" ? h("span", { class: "muted" }, ` ${t.role}`) : null,
            t.disputed ? h("span", { class: "badge warn", title: "sources disagree on this tenure" }, "disputed") : null,
          ),
        ),
      );
      panel(head, facts(rows), h("h3", {}, "Career"), list);
      showTimeline(career);
    } catch (err) {
      panel(head, h("p", { class: "error" }, `Could not load the career: ${err.message}`));
      if (err.status === 503) showError(err, () => showCoach(id, head));
    }
  }

  async function showMove(id, head) {
    panel(head, h("p", { class: "muted" }, "Loading the move…"));
    try {
      const m = await cached(`/moves/${encodeURIComponent(id)}`);
      const rows = [
        ["Coach", entLink(m.coach)],
        ["From", entLink(m.from)],
        ["To", entLink(m.to)],
        ["Kind", m.kind],
        ["Status", h("span", { class: "badge", style: `background:${statusColor(m.status)}` }, m.status)],
        ["Reported", `${fmtDate(m.first_reported) || "?"}${m.last_reported && m.last_reported !== m.first_reported ? ` – ${fmtDate(m.last_reported)}` : ""}`],
      ];
      const infl = (m.influencers || []).map((i) =>
        h(
          "li",
          { class: `influence ${i.polarity}` },
          h("div", {}, entLink(i.person), " ", h("span", { class: `pol ${i.polarity}` }, i.polarity === "for" ? "▲ for" : "▼ against"), i.how ? h("span", { class: "how" }, ` — ${i.how}`) : null),
          i.evidence ? h("blockquote", {}, i.evidence) : null,
          i.source ? h("div", { class: "src" }, sourceLink(i.source)) : null,
        ),
      );
      const reports = (m.reports || []).map((r) =>
        h(
          "li",
          { class: "report" },
          h(
            "div",
            { class: "report-head" },
            h("span", { class: "date" }, fmtDate(r.date) || "undated"),
            " ",
            r.outlet ? h("strong", {}, r.outlet.name) : h("span", { class: "muted" }, "no outlet named"),
            r.status ? h("span", { class: "badge small", style: `background:${statusColor(r.status)}` }, r.status) : null,
          ),
          r.evidence ? h("blockquote", {}, r.evidence) : null,
          r.source ? h("div", { class: "src" }, sourceLink(r.source), r.source.date ? h("span", { class: "muted" }, ` · ${fmtDate(r.source.date)}`) : null) : null,
        ),
      );
      panel(
        head,
        facts(rows),
        h("h3", {}, `Influencers (${infl.length})`),
        infl.length ? h("ul", { class: "plain influencers" }, infl) : h("p", { class: "muted" }, "Nobody is known to have pushed or blocked this move."),
        h("h3", {}, `Reports (${reports.length})`),
        reports.length ? h("ul", { class: "plain reports" }, reports) : h("p", { class: "muted" }, "No reports."),
      );
      applyAsOf();
    } catch (err) {
      panel(head, h("p", { class: "error" }, `Could not load the move: ${err.message}`));
      if (err.status === 503) showError(err, () => showMove(id, head));
    }
  }

  async function showTeam(id, head) {
    panel(head, h("p", { class: "muted" }, "Loading the coaches…"));
    try {
      const res = await cached(`/teams/${encodeURIComponent(id)}/coaches?limit=100`);
      const now = (res.in_charge || []).map((t) => h("li", {}, entLink(t.coach), ` (${t.role}, since ${fmtDate(t.start)})`));
      const items = (res.items || []).map((t) =>
        h("li", {}, h("span", { class: "years" }, years(t.start, t.end)), " ", entLink(t.coach), t.role && t.role !== "head" ? h("span", { class: "muted" }, ` ${t.role}`) : null),
      );
      panel(
        head,
        now.length ? [h("h3", {}, "In charge"), h("ul", { class: "plain" }, now)] : null,
        h("h3", {}, `Coaches (${res.total != null ? res.total : items.length})`),
        items.length ? h("ol", { class: "career" }, items) : h("p", { class: "muted" }, "No coaches recorded."),
      );
    } catch (err) {
      panel(head, h("p", { class: "error" }, `Could not load the coaches: ${err.message}`));
    }
  }

  async function showOutlet(id, head) {
    panel(head, h("p", { class: "muted" }, "Loading the moves it reported…"));
    try {
      const res = await cached(`/moves?outlet=${encodeURIComponent(id)}&limit=50`);
      const items = (res.items || []).map((m) =>
        h("li", {}, h("span", { class: "badge small", style: `background:${statusColor(m.status)}` }, m.status), " ", entLink({ id: m.id, name: moveName(m) })),
      );
      panel(head, h("h3", {}, `Moves reported (${items.length})`), items.length ? h("ul", { class: "plain" }, items) : h("p", { class: "muted" }, "None."));
    } catch (err) {
      panel(head, h("p", { class: "error" }, `Could not load the outlet's moves: ${err.message}`));
    }
  }

  function moveName(m) {
    const coach = m.coach ? m.coach.name.split(" ").slice(-1)[0] : "?";
    return m.to ? `${coach} → ${m.to.name}` : `${coach} leaves ${m.from ? m.from.name : "?"}`;
  }

  function showEdgeDetails(edge) {
    const d = edge.data();
    const [title, sub] = summary(edge);
    const rows = [["Type", d.type]];
    if (d.role) rows.push(["Role", d.role]);
    if (d.start) rows.push(["From", fmtDate(d.start)]);
    if (d.type === "COACHED" && !d.start && !d.end) rows.push(["Dates", "unknown (known from match days)"]);
    else if (d.type === "COACHED" || d.end) rows.push(["Until", d.end ? fmtDate(d.end) : "ongoing"]);
    if (d.status) rows.push(["Status", d.status]);
    if (d.polarity) rows.push(["Polarity", d.polarity]);
    if (d.how) rows.push(["How", d.how]);
    panel(h("header", { class: "details-head" }, h("h2", {}, title)), sub ? h("p", {}, sub) : null, facts(rows),
      h("p", {}, entLink({ id: edge.source().id(), name: edge.source().data("name") }), " → ", entLink({ id: edge.target().id(), name: edge.target().data("name") })));
  }

  // ---------------------------------------------------------------------------------------
  // Career timeline strip (a coach's teams over the years).
  // A tenure known only from match days (no start, no end) is drawn from its first to its last
  // match, hatched and labelled "dates unknown": the graph never invents its start or end.
  const tenureFrom = (t) => (t.start ? dateLo(t.start) : dateLo(t.observed.first));
  const tenureTo = (t, today) =>
    t.end ? dateHi(t.end) : t.start ? today : dateHi(t.observed.last);
  const tenureLabel = (t) =>
    t.start
      ? `${fmtDate(t.start)} – ${t.end ? fmtDate(t.end) : "today"}`
      : `dates unknown; seen in ${t.observed.matches} matches, ${fmtDate(t.observed.first)} – ${fmtDate(t.observed.last)}`;

  function showTimeline(career) {
    const tenures = career.tenures.filter((t) => t.start || t.observed);
    const box = $("timeline");
    if (!tenures.length) {
      box.hidden = true;
      return;
    }
    const today = Date.now();
    const lo = Math.min(...tenures.map(tenureFrom));
    const hi = Math.max(...tenures.map((t) => tenureTo(t, today)));
    const y0 = new Date(lo).getUTCFullYear();
    const y1 = new Date(hi).getUTCFullYear() + 1;
    const t0 = Date.UTC(y0, 0, 1);
    const span = Date.UTC(y1, 0, 1) - t0;
    const pct = (ms) => ((ms - t0) / span) * 100;
    // Lanes: a tenure goes in the first lane where it does not overlap the previous one.
    const lanes = [];
    const bars = tenures.map((t, i) => {
      const a = tenureFrom(t);
      const b = tenureTo(t, today);
      let lane = lanes.findIndex((end) => end < a);
      if (lane < 0) lane = lanes.push(b) - 1;
      else lanes[lane] = b;
      const k = t.team && t.team.kind === "national" ? KINDS.national : KINDS.club;
      return h(
        "div",
        {
          class: `tl-bar role-${t.role || "head"}${t.start ? (t.end ? "" : " ongoing") : " undated"}`,
          style: `left:${pct(a)}%;width:${Math.max(pct(b) - pct(a), 0.6)}%;top:${lane * 26}px;--c:${k.color};--i:${i}`,
          title: `${t.team ? t.team.name : "?"} · ${t.role} · ${tenureLabel(t)}`,
          "data-tenure": t.id,
          onclick: () => highlightTenure(t),
        },
        h("span", {}, `${t.team ? t.team.name : "?"}${t.start ? "" : " (dates unknown)"}`),
      );
    });
    const ticks = [];
    const stepY = y1 - y0 > 24 ? 5 : 2;
    for (let y = Math.ceil(y0 / stepY) * stepY; y < y1; y += stepY) {
      ticks.push(h("div", { class: "tl-tick", style: `left:${pct(Date.UTC(y, 0, 1))}%` }, String(y)));
    }
    const marker = h("div", { class: "tl-asof", id: "tl-asof", hidden: true });
    state.timeline = { pct, t0, span };
    $("timeline-title").textContent = `${career.coach.name} — career`;
    $("timeline-body").replaceChildren(
      h("div", { class: "tl-lanes", style: `height:${lanes.length * 26}px` }, bars, marker),
      h("div", { class: "tl-axis" }, ticks),
    );
    const wasHidden = box.hidden;
    box.hidden = false;
    if (wasHidden) {
      cy.resize();
      cy.fit(cy.elements(":visible"), 40);
    }
    updateTimelineMarker();
  }

  function highlightTenure(t) {
    const edges = cy.edges(`[type = "COACHED"]`).filter((e) => e.data("tenure") === t.id);
    if (edges.empty()) {
      if (t.team) focusOrLoad(t.team.id);
      return;
    }
    cy.elements(":selected").unselect();
    edges.select();
    cy.animate({ fit: { eles: edges.connectedNodes(), padding: 120 }, duration: 300 });
    showEdgeDetails(edges.first());
  }

  function updateTimelineMarker() {
    const m = $("tl-asof");
    if (!m || !state.timeline) return;
    if (!$("asof-enabled").checked) {
      m.hidden = true;
      return;
    }
    const day = Number($("asof-slider").value) * DAY;
    const p = state.timeline.pct(day);
    m.hidden = p < 0 || p > 100;
    m.style.left = `${p}%`;
  }

  $("timeline-close").addEventListener("click", () => {
    $("timeline").hidden = true;
    cy.resize();
  });

  // ---------------------------------------------------------------------------------------
  // "As of" slider: show what was true (tenures) or rumoured (moves) on a day.
  function updateSlider() {
    const slider = $("asof-slider");
    let lo = Date.UTC(1990, 0, 1);
    const starts = cy.edges('[type = "COACHED"]').map((e) => dateLo(e.data("start"))).filter((x) => x !== null);
    if (starts.length) lo = Math.min(...starts);
    const today = Math.floor(Date.now() / DAY);
    const wasAtMax = Number(slider.value) >= Number(slider.max);
    slider.min = String(Math.floor(lo / DAY));
    slider.max = String(today);
    if (wasAtMax || Number(slider.value) < Number(slider.min)) slider.value = String(today);
    updateSliderLabel();
  }

  function updateSliderLabel() {
    const slider = $("asof-slider");
    const on = $("asof-enabled").checked;
    const day = Number(slider.value);
    $("asof-label").textContent = on ? fmtDay(day * DAY) : "all dates";
  }

  function applyAsOf() {
    const on = $("asof-enabled").checked;
    const day = Number($("asof-slider").value) * DAY;
    cy.batch(() => {
      if (!on) {
        cy.elements(".asof-hidden").removeClass("asof-hidden");
        return;
      }
      const shown = new Set();
      const hiddenMoves = new Set();
      cy.nodes('[kind = "move"]').forEach((n) => {
        const first = n.data("first_reported"); // /graph move nodes carry it
        if (first && dateLo(first) > day) hiddenMoves.add(n.id());
      });
      cy.nodes('[kind = "article"]').forEach((n) => {
        if (n.data("date") && dateLo(n.data("date")) > day) hiddenMoves.add(n.id());
      });
      cy.edges().forEach((e) => {
        const d = e.data();
        let visible = true;
        if (d.type === "COACHED" || d.type === "HELD_ROLE") {
          const a = dateLo(d.start);
          const b = d.end ? dateHi(d.end) : Infinity;
          visible = (a === null || a <= day) && day <= b;
        }
        if (hiddenMoves.has(d.source) || hiddenMoves.has(d.target)) visible = false;
        e.toggleClass("asof-hidden", !visible);
        if (visible) {
          shown.add(d.source);
          shown.add(d.target);
        }
      });
      cy.nodes().forEach((n) => {
        const keep = n.hasClass("center") || (shown.has(n.id()) && !hiddenMoves.has(n.id()));
        n.toggleClass("asof-hidden", !keep);
      });
    });
    updateTimelineMarker();
    updateStats();
  }

  $("asof-enabled").addEventListener("change", (ev) => {
    $("asof-slider").disabled = !ev.target.checked;
    updateSliderLabel();
    applyAsOf();
  });
  $("asof-slider").addEventListener("input", () => {
    updateSliderLabel();
    applyAsOf();
  });

  // ---------------------------------------------------------------------------------------
  // The empty state: what the graph covers (GET /stats), and a few coaches to start with.
  function num(n) {
    return Number(n || 0).toLocaleString("en");
  }

  function tryLink(ent) {
    return h(
      "a",
      {
        href: `#${ent.id}`,
        "data-center": ent.id,
        onclick: (ev) => {
          ev.preventDefault();
          loadCenter(ent.id);
        },
      },
      ent.name,
    );
  }

  function renderCoverage(stats) {
    const n = stats.nodes;
    const t = stats.tenures;
    const tile = (key, value, label) => h("div", { class: "cov-tile", "data-count": key }, h("dt", {}, label), h("dd", {}, num(value)));
    const bySource = [
      [t.by_source.reference, "from reference pages"],
      ...t.by_dataset_publisher.map((p) => [p.tenures, `from ${p.publisher || "data sets"}`]),
      [t.by_source.article, "from news articles"],
    ]
      .filter(([count]) => count > 0)
      .map(([count, label]) => `${num(count)} ${label}`);
    const p = t.by_start_precision;
    const precision = [
      [p.day, "to the day"],
      [p.month, "to the month"],
      [p.year, "to the year"],
      [p.unknown, "unknown"],
    ]
      .filter(([count]) => count > 0)
      .map(([count, label]) => `${num(count)} ${label}`);
    const loaded = stats.graph.updated_at ? `${stats.graph.updated_at.slice(0, 16).replace("T", " ")} UTC` : null;
    $("coverage").replaceChildren(
      h(
        "dl",
        { class: "cov-tiles" },
        tile("coaches", n.coaches, "coaches"),
        tile("clubs", n.clubs, "clubs"),
        tile("national_teams", n.national_teams, "national teams"),
        tile("tenures", n.tenures, "tenures"),
        tile("moves", n.moves, "moves"),
      ),
      bySource.length ? h("p", { "data-count": "by_source" }, `Tenures: ${bySource.join(" · ")}.`) : null,
      precision.length ? h("p", { "data-count": "by_precision" }, `Start dates: ${precision.join(" · ")}.`) : null,
      h(
        "p",
        { "data-count": "checks" },
        `${num(t.disputed)} disputed ${t.disputed === 1 ? "tenure" : "tenures"} · ${num(stats.refused.total)} input ${stats.refused.total === 1 ? "row" : "rows"} refused`,
        loaded ? ` · last loaded ${loaded}` : " · never loaded",
        ".",
      ),
    );
    $("coverage").hidden = false;
    const coaches = stats.try || [];
    if (coaches.length) {
      const links = coaches.flatMap((c, i) => (i ? [", ", tryLink(c)] : [tryLink(c)]));
      $("try").replaceChildren("Try ", ...links, ".");
    }
  }

  async function loadCoverage() {
    try {
      renderCoverage(await cached("/stats"));
    } catch (_) {
      // The page works without it: the hint stays, and /health below reports an outage.
    }
  }

  // ---------------------------------------------------------------------------------------
  // Legend.
  function legend() {
    const nodeItems = Object.entries(KINDS).map(([kind, k]) =>
      h("li", {}, h("span", { class: `sw node shape-${k.shape}`, style: `background:${k.color}` }), k.label),
    );
    const edgeItems = [
      ["tenure (years)", "solid", "#475569"],
      ["assistant / caretaker", "solid thin", "#94a3b8"],
      ["influence: for", "solid arrow", POLARITY.for],
      ["influence: against", "dotted tee", POLARITY.against],
      ["reported by / in", "dotted", "#d4a5bd"],
      ["executive role", "solid thin", "#a78bfa"],
    ].map(([label, cls, color]) => h("li", {}, h("span", { class: `sw edge ${cls}`, style: `--c:${color}` }), label));
    const statusItems = Object.entries(STATUS).map(([s, c]) => h("li", {}, h("span", { class: "sw edge dashed", style: `--c:${c}` }), `move ${s}`));
    $("legend").replaceChildren(
      h("h3", {}, "Legend"),
      h("div", { class: "legend-cols" }, h("ul", { class: "plain" }, nodeItems), h("ul", { class: "plain" }, edgeItems, statusItems)),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Toolbar and start-up.
  $("btn-fit").addEventListener("click", () => cy.animate({ fit: { eles: cy.elements(":visible"), padding: 40 }, duration: 300 }));
  $("btn-layout").addEventListener("click", () => runLayout({ randomize: true }));
  $("btn-clear").addEventListener("click", () => {
    cy.elements().remove();
    state.center = null;
    $("timeline").hidden = true;
    cy.resize();
    history.replaceState(null, "", location.pathname);
    panel(h("p", { class: "muted" }, "Cleared. Search for something to start again."));
    updateEmpty();
    updateStats();
  });
  $("banner-close").addEventListener("click", hideBanner);
  document.querySelectorAll("[data-center]").forEach((a) =>
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      loadCenter(a.getAttribute("data-center"));
    }),
  );
  window.addEventListener("hashchange", () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && (!state.center || state.center.id !== id)) loadCenter(id);
  });

  legend();
  updateEmpty();
  updateSlider();
  loadCoverage();

  // Say early when the database is down, instead of waiting for the first search.
  api("/health").catch((err) => {
    if (err.status === 503 || err.status === 0) showError(err, () => location.reload());
  });
  if (location.hash.length > 1) loadCenter(decodeURIComponent(location.hash.slice(1)));

  // Test and console hooks.
  window.coachgraph = { cy, api, state, loadCenter, expand, renderGraph, runLayout, applyAsOf, showDetails, KINDS, STATUS };
})();
