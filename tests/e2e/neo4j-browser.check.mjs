// Manual check (not run by pytest): does Neo4j Browser apply browser.post_connect_cmd and fetch
// the guide and style sheet from the app?  NEO4J_HTTP=http://127.0.0.1:7474 BOLT=bolt://127.0.0.1:7687
// NEO4J_PASSWORD=... PLAY_URL=http://127.0.0.1:8000/browser/guide.html node neo4j-browser.check.mjs
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const HTTP = process.env.NEO4J_HTTP || "http://127.0.0.1:7474";
const BOLT = process.env.BOLT || "bolt://127.0.0.1:7687";
const PLAY = process.env.PLAY_URL;
const ARTIFACTS = resolve(process.env.ARTIFACTS || "../../artifacts");
const profile = mkdtempSync(join(tmpdir(), "coachgraph-browser-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  viewport: { width: 1400, height: 1000 },
});
ctx.setDefaultTimeout(60000);
const page = ctx.pages()[0];
const log = [];
page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
page.on("requestfailed", (r) => log.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
page.on("response", (r) => { if (/browser\/(guide|style)/.test(r.url())) log.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
try {
  await page.goto(`${HTTP}/browser/`);
  await page.waitForTimeout(4000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "neo4j-browser-login.png") });
  const bolt = page.locator('[data-testid="boltaddress"]');
  if (await bolt.count()) await bolt.fill(BOLT);
  await page.locator('[data-testid="password"]').fill(process.env.NEO4J_PASSWORD);
  await page.locator('[data-testid="username"]').fill("neo4j");
  await page.locator('[data-testid="connect"]').click();
  await page.waitForTimeout(8000);
  if (PLAY) {
    const editor = page.locator('[data-testid="activeEditor"] textarea, .monaco-editor textarea').first();
    await editor.click();
    await page.keyboard.type(`:play ${PLAY}`);
    await page.keyboard.press("Enter");
    await page.waitForTimeout(5000);
  }
  const frames = await page.locator('[data-testid="frame"]').allInnerTexts();
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "neo4j-browser.png") });
  console.log(JSON.stringify({ frames: frames.map((f) => f.slice(0, 300)), log }, null, 1));
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
