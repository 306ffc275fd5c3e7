// Drives Debian's headless Chromium (through playwright-core) against the running app.
//
//   BASE_URL=http://127.0.0.1:8100 ARTIFACTS=../../artifacts node page.spec.mjs [scenario]
//
// Scenarios: "journey" (default), "perf", "errors", "empty", "browser-guide". Each prints one
// JSON line of results on stdout and exits non-zero when a check fails; tests/test_page_e2e.py
// starts the app and runs them.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.BASE_URL || "http://127.0.0.1:8100";
const ARTIFACTS = resolve(process.env.ARTIFACTS || "artifacts");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const scenario = process.argv[2] || "journey";
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60000);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function withPage(fn) {
  const profile = mkdtempSync(join(tmpdir(), "coachgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  try {
    return await fn(page, errors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Wait until the graph is drawn, its layout has stopped and nothing moves any more (the view and
// every node done animating): a click then lands where the node is, however slow the machine.
async function settled(page) {
  await page.waitForFunction(() => {
    const cg = window.coachgraph;
    const loading = document.getElementById("loading");
    return (
      cg &&
      loading.hidden &&
      cg.cy.nodes().length > 0 &&
      (!cg.state.layout || cg.state.layout._private?.running !== true) &&
      !cg.cy.animated() &&
      cg.cy.nodes().every((n) => !n.animated())
    );
  });
}

async function clickNode(page, id) {
  const point = await page.evaluate((nodeId) => {
    const cy = window.coachgraph.cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    const box = cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  check(point, `node ${id} is not in the graph`);
  await page.mouse.click(point.x, point.y);
}

async function journey() {
  return withPage(async (page, errors) => {
    await page.goto(`${BASE}/`);
    await page.fill("#search-input", "Ancelotti");
    const item = page.locator('#search-results .search-item[data-id="carlo-ancelotti"]');
    await item.waitFor();
    check((await item.textContent()).includes("Carlo Ancelotti"), "the search result names Carlo Ancelotti");
    await item.click();
    await settled(page);
    // the side panel's career list comes with the timeline strip (one answer draws both)
    await page.locator("#details ol.career").waitFor();

    const drawn = await page.evaluate(() => {
      const cy = window.coachgraph.cy;
      const name = (id) => (cy.getElementById(id).nonempty() ? cy.getElementById(id).data("name") : null);
      const rm = cy.edges('[type = "COACHED"][source = "carlo-ancelotti"][target = "real-madrid"]');
      return {
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        milan: name("ac-milan"),
        madrid: name("real-madrid"),
        romaMove: name("ancelotti-as-roma-2025"),
        realMadridStints: rm.length,
        stintLabels: rm.map((e) => e.data("display")),
        // parallel edges drawn apart: their midpoints differ
        stintMidpointsApart: rm.length < 2 || rm[0].midpoint().x !== rm[1].midpoint().x || rm[0].midpoint().y !== rm[1].midpoint().y,
        timeline: !document.getElementById("timeline").hidden,
        timelineBars: document.querySelectorAll("#timeline .tl-bar").length,
      };
    });
    check(drawn.milan === "AC Milan", `AC Milan drawn (got ${drawn.milan})`);
    check(drawn.madrid === "Real Madrid", `Real Madrid drawn (got ${drawn.madrid})`);
    check(drawn.romaMove, "the Roma move is drawn");
    check(drawn.realMadridStints === 2, `two Real Madrid stints (got ${drawn.realMadridStints})`);
    check(drawn.stintMidpointsApart, "the two Real Madrid stints are drawn apart");
    check(drawn.timeline && drawn.timelineBars >= 10, "the career timeline shows Ancelotti's tenures");

    // Click the Roma move: its reports and influencers show in the side panel.
    await page.evaluate(() => {
      const cy = window.coachgraph.cy;
      cy.center(cy.getElementById("ancelotti-as-roma-2025"));
    });
    await clickNode(page, "ancelotti-as-roma-2025");
    const influencers = page.locator("#details .influencers");
    await influencers.waitFor();
    const panelText = await page.locator("#details").innerText();
    check(panelText.includes("Claudio Ranieri"), "Claudio Ranieri is shown as influencer");
    check(/convincing him/.test(panelText), "the influence says how (convincing him)");
    check(/Tuttosport/.test(panelText), "the reports name Tuttosport");
    await settled(page);
    await page.evaluate(() => {
      const cy = window.coachgraph.cy;
      cy.fit(cy.elements(":visible"), 40);
      cy.getElementById("ancelotti-as-roma-2025").select();
    });
    await page.waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "page.png") });

    // As of 10 March 2019: Ancelotti was at Napoli; no Real Madrid stint, no 2025 rumours.
    const asOf = await page.evaluate(async () => {
      const cg = window.coachgraph;
      const slider = document.getElementById("asof-slider");
      const toggle = document.getElementById("asof-enabled");
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      slider.value = String(Math.floor(Date.UTC(2019, 2, 10) / 86400000));
      slider.dispatchEvent(new Event("input"));
      await new Promise((r) => setTimeout(r, 400));
      cg.applyAsOf();
      const visible = (sel) => cg.cy.$(sel).filter((e) => e.visible()).length;
      const out = {
        label: document.getElementById("asof-label").textContent,
        napoli: visible('edge[type = "COACHED"][source = "carlo-ancelotti"][target = "ssc-napoli"]'),
        madrid: visible('edge[type = "COACHED"][source = "carlo-ancelotti"][target = "real-madrid"]'),
        romaMove: visible("#ancelotti-as-roma-2025"),
      };
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      return out;
    });
    check(asOf.label === "2019-03-10", `slider label (got ${asOf.label})`);
    check(asOf.napoli === 1, "as of 2019-03-10 the Napoli tenure is shown");
    check(asOf.madrid === 0, "as of 2019-03-10 no Real Madrid tenure is shown");
    check(asOf.romaMove === 0, "as of 2019-03-10 the 2025 Roma rumour is hidden");

    check(errors.length === 0, `no errors in the page: ${errors.join("; ")}`);
    return { drawn, asOf, panel: panelText.slice(0, 400) };
  });
}

// 500 nodes and their edges, the same on every run (a seeded generator), drawn, zoomed, panned
// and clicked. Reports what happened and how long each part took; tests/test_page_e2e.py asserts
// the former, `python -m benchmarks.page` reports the latter.
async function perf() {
  return withPage(async (page, errors) => {
    await page.goto(`${BASE}/`);
    await page.waitForFunction(() => window.coachgraph && window.coachgraph.cy);
    const result = await page.evaluate(async () => {
      const cg = window.coachgraph;
      let seed = 1;
      const random = () => {
        // mulberry32: a small seeded generator, so every run draws the same graph
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const kinds = ["coach", "club", "club", "coach", "move", "person", "national", "outlet", "article"];
      const nodes = [];
      const edges = [];
      for (let i = 0; i < 500; i++) {
        const kind = kinds[i % kinds.length];
        nodes.push({ id: `n${i}`, name: `${kind} number ${i}`, kind, labels: [], status: kind === "move" ? "rumoured" : null });
      }
      // ~1.3 edges per node: each node links to an earlier one, every third one more.
      for (let i = 1; i < 500; i++) {
        const j = Math.floor(random() * i);
        edges.push({ id: `t${i}`, source: `n${i}`, target: `n${j}`, type: "COACHED", label: "2001–2009", role: "head", start: "2001", end: "2009", tenure: `t${i}` });
        if (i % 3 === 0) {
          const k = Math.floor(random() * i);
          edges.push({ id: `m${i}`, source: `n${i}`, target: `n${k}`, type: "TO_TEAM", status: "rumoured" });
        }
      }
      const t0 = performance.now();
      await cg.renderGraph({ center: nodes[0], nodes, edges, truncated: false }, { replace: true });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const renderMs = performance.now() - t0;
      const box = cg.cy.elements().boundingBox();
      const before = { zoom: cg.cy.zoom(), pan: { ...cg.cy.pan() } };
      // Interaction: 30 zoom/pan steps, each waiting for a frame.
      const frames = [];
      for (let i = 0; i < 30; i++) {
        const f0 = performance.now();
        cg.cy.zoom({ level: cg.cy.zoom() * (i < 15 ? 1.08 : 0.93), renderedPosition: { x: 500, y: 400 } });
        cg.cy.panBy({ x: 5, y: 3 });
        await new Promise((r) => requestAnimationFrame(() => r()));
        frames.push(performance.now() - f0);
      }
      frames.sort((a, b) => a - b);
      const after = { zoom: cg.cy.zoom(), pan: { ...cg.cy.pan() } };
      // Clicking a node after the drawing: tap → details must not stall either.
      const c0 = performance.now();
      cg.cy.getElementById("n1").select();
      cg.applyAsOf();
      const applyMs = performance.now() - c0;
      return {
        nodes: cg.cy.nodes().length,
        edges: cg.cy.edges().length,
        visibleNodes: cg.cy.nodes().filter((n) => n.visible()).length,
        laidOut: box.w > 0 && box.h > 0,
        zoomed: after.zoom !== before.zoom,
        panned: after.pan.x !== before.pan.x && after.pan.y !== before.pan.y,
        frames: frames.length,
        selected: cg.cy.$(":selected").map((e) => e.id()),
        renderMs,
        medianFrameMs: frames[Math.floor(frames.length / 2)],
        p90FrameMs: frames[Math.floor(frames.length * 0.9)],
        applyMs,
      };
    });
    await page.evaluate(() => window.coachgraph.cy.fit(undefined, 30));
    await page.waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "page-500.png") });
    check(result.nodes === 500, `500 nodes drawn (got ${result.nodes})`);
    check(errors.length === 0, `no errors in the page: ${errors.join("; ")}`);
    return result;
  });
}

async function errorsScenario() {
  return withPage(async (page, errors) => {
    await page.goto(`${BASE}/`);
    // Nothing found.
    await page.fill("#search-input", "zzqxv nobody");
    await page.locator("#search-results .search-msg").waitFor();
    const nothing = await page.locator("#search-results").innerText();
    check(/Nothing found/.test(nothing), `"nothing found" shown (got ${nothing})`);
    // An unknown id: the API's 404 shows in the banner.
    await page.goto(`${BASE}/#no-such-coach-xyz`);
    await page.locator("#banner:not([hidden])").waitFor();
    const notFound = await page.locator("#banner-text").innerText();
    check(notFound.length > 0, "the 404 is shown");
    // Neo4j down: the API answers 503 with its JSON and Retry-After; the page says so.
    await page.route("**/graph?**", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        headers: { "Retry-After": "5" },
        body: JSON.stringify({ error: "neo4j_unavailable", detail: "the graph database is unreachable; retry shortly" }),
      }),
    );
    await page.goto(`${BASE}/#carlo-ancelotti`);
    await page.locator("#banner-retry:not([hidden])").waitFor();
    const down = await page.locator("#banner-text").innerText();
    check(/unreachable/.test(down), `the 503 is shown (got ${down})`);
    const pageErrors = errors.filter((e) => !/503|404|Failed to load resource/.test(e));
    check(pageErrors.length === 0, `no script errors: ${pageErrors.join("; ")}`);
    return { nothing, notFound, down };
  });
}

// The empty state: the counts GET /stats answers, and the coaches it suggests; clicking one
// explores it, and "Clear" brings the empty state back.
async function emptyState() {
  return withPage(async (page, errors) => {
    await page.goto(`${BASE}/`);
    const stats = await page.evaluate(async () => (await fetch("/stats")).json());
    await page.locator("#coverage:not([hidden])").waitFor();
    const shown = await page.evaluate(() => ({
      tiles: Object.fromEntries(
        [...document.querySelectorAll("#coverage .cov-tile")].map((t) => [t.dataset.count, t.querySelector("dd").textContent]),
      ),
      text: document.getElementById("coverage").innerText,
      tries: [...document.querySelectorAll("#try a")].map((a) => ({ id: a.dataset.center, name: a.textContent })),
    }));
    const expected = {
      coaches: stats.nodes.coaches,
      clubs: stats.nodes.clubs,
      national_teams: stats.nodes.national_teams,
      tenures: stats.nodes.tenures,
      moves: stats.nodes.moves,
    };
    for (const [key, value] of Object.entries(expected)) {
      check(shown.tiles[key] === value.toLocaleString("en"), `${key}: ${value} shown (got ${shown.tiles[key]})`);
    }
    check(shown.text.includes(`${stats.tenures.disputed} disputed`), `disputed tenures shown (got ${shown.text})`);
    check(shown.text.includes(`${stats.refused.total} input rows refused`), `refused rows shown (got ${shown.text})`);
    check(
      JSON.stringify(shown.tries) === JSON.stringify(stats.try.map((c) => ({ id: c.id, name: c.name }))),
      `the suggested coaches are those of /stats (got ${JSON.stringify(shown.tries)})`,
    );
    check(shown.tries.length > 0, "some coaches are suggested");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "page-empty.png") });

    const first = stats.try[0];
    await page.locator(`#try a[data-center="${first.id}"]`).click();
    await settled(page);
    const explored = await page.evaluate((id) => {
      const cg = window.coachgraph;
      return {
        center: cg.state.center && cg.state.center.id,
        drawn: cg.cy.getElementById(id).nonempty(),
        neighbours: cg.cy.getElementById(id).neighborhood("node").length,
        emptyHidden: document.getElementById("empty").hidden,
        hash: location.hash,
        details: document.querySelector("#details h2") && document.querySelector("#details h2").textContent,
      };
    }, first.id);
    check(explored.center === first.id, `${first.id} is explored (got ${explored.center})`);
    check(explored.drawn && explored.neighbours > 0, `${first.id} is drawn with its neighbours`);
    check(explored.emptyHidden, "the empty state is hidden once the graph is drawn");
    check(explored.hash === `#${first.id}`, `the address names ${first.id} (got ${explored.hash})`);
    check(explored.details === first.name, `the details panel shows ${first.name} (got ${explored.details})`);

    await page.click("#btn-clear");
    const cleared = await page.evaluate(() => ({
      empty: !document.getElementById("empty").hidden,
      coverage: !document.getElementById("coverage").hidden,
    }));
    check(cleared.empty && cleared.coverage, "Clear brings back the empty state with its counts");
    check(errors.length === 0, `no errors in the page: ${errors.join("; ")}`);
    return { tiles: shown.tiles, tries: shown.tries, text: shown.text, explored };
  });
}

const scenarios = { journey, perf, errors: errorsScenario, empty: emptyState };

try {
  const fn = scenarios[scenario];
  check(fn, `unknown scenario ${scenario}`);
  const result = await fn();
  process.stdout.write(`${JSON.stringify({ ok: true, scenario, result })}\n`);
} catch (err) {
  process.stdout.write(`${JSON.stringify({ ok: false, scenario, error: String(err && err.stack ? err.stack : err) })}\n`);
  process.exitCode = 1;
}
