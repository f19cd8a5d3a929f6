/**
 * The /inspector page in a real browser (Debian's Chromium through playwright-core) against a
 * spawned `soni server --config examples/banking`. Each state the tests reach is saved as a
 * screenshot under test-artifacts/inspector/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchChromium, probeChromium } from "../helpers/chromium.ts";
import { type SpawnedServer, spawnServer } from "../server/helpers/spawned-server.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const BANKING = path.join(root, "examples/banking");
const ARTIFACTS = path.join(root, "test-artifacts/inspector");
const IBAN = "ES91 2100 0418 4502 0005 1332";
/** Generous: two cores are shared by everything the suite runs at once. */
const WAIT = { timeout: 20_000 };

const chromium = probeChromium();

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

async function say(page: Page, text: string, turnsAfter: number): Promise<void> {
  await page.fill("#message", text);
  await page.press("#message", "Enter");
  await page
    .locator("#turns > li.turn")
    .nth(turnsAfter - 1)
    .waitFor(WAIT);
  await page.locator("#send:not([disabled])").waitFor(WAIT);
}

/** The slot table as {slot: shown value}, the waiting slot's row marked with a leading "*". */
async function slotRows(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#slots tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const name = row.querySelector("th")?.firstChild?.textContent ?? "";
        const value = row.querySelector("td")?.textContent ?? "";
        return [row.classList.contains("waiting") ? `*${name}` : name, value];
      }),
    ),
  );
}

describe.skipIf(!chromium.available)("inspector in Chromium", () => {
  let server: SpawnedServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await spawnServer({ config: BANKING });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/inspector`);
    await page.locator("#server-status[data-kind=ok]").waitFor(WAIT);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sends a message with Enter and shows the reply and the state after it", async () => {
    await say(page, "send 50 euros to Maria", 1);
    await expect
      .poll(() => page.locator("#transcript .bubble.bot").allTextContents())
      .toEqual([expect.stringMatching(/IBAN/)]);
    expect(await page.textContent("#active-flow")).toBe("transfer_funds");
    expect(await page.textContent("#flow-state")).toBe("waiting_input");
    expect(await page.textContent("#turn-count")).toBe("1");
    expect(await slotRows(page)).toEqual({
      amount: "50",
      beneficiary_name: '"Maria"',
      "*iban": "–",
    });
    expect(await page.textContent("#flow-stack")).toContain("transfer_funds · step ask_iban");
    const turn = page.locator("#turns > li.turn").first();
    expect(await turn.textContent()).toContain("heuristic · DU");
    expect(await turn.locator(".commands li").allTextContents()).toEqual([
      "start_flow(transfer_funds)",
      "set_slot(amount, 50)",
      'set_slot(beneficiary_name, "Maria")',
    ]);
    // Enter sent it: the field is empty and keeps the focus for the next message.
    expect(await page.inputValue("#message")).toBe("");
    expect(await page.evaluate("document.activeElement?.id")).toBe("message");
    await screenshot(page, "01-transfer-asks-iban");
  });

  it("highlights the step the conversation is on in the flow diagram", async () => {
    await page.locator("#diagram[data-active-step=ask_iban] svg").waitFor(WAIT);
    expect(await page.inputValue("#flow-select")).toBe("transfer_funds");
    const active = page.locator("#diagram svg g.node.active");
    expect(await active.count()).toBe(1);
    expect(await active.textContent()).toContain("ask_iban");
    await screenshot(page, "02-diagram-active-step");
  });

  it("shows the state as it was after an earlier turn, chosen with the keyboard", async () => {
    await say(page, IBAN, 2);
    await page.locator("#diagram:not([data-active-step=ask_iban]) svg").waitFor(WAIT);
    const nowStep = await page.getAttribute("#diagram", "data-active-step");
    expect(nowStep).not.toBe("ask_iban");
    expect(Object.keys(await slotRows(page))).toContain("iban");

    const first = page.locator('#turns button[data-turn="1"]');
    await first.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#state-when")).toBe("after turn 1");
    expect(await first.getAttribute("aria-pressed")).toBe("true");
    expect(await slotRows(page)).toEqual({
      amount: "50",
      beneficiary_name: '"Maria"',
      "*iban": "–",
    });
    expect(await page.textContent("#turn-count")).toBe("1");
    await page.locator("#diagram[data-active-step=ask_iban] svg").waitFor(WAIT);
    expect(await page.locator("#turns li.selected .steps").textContent()).toContain(
      "transfer_funds/ask_iban",
    );
    await screenshot(page, "03-earlier-turn-selected");

    await page.keyboard.press("Escape");
    await expect.poll(() => page.textContent("#state-when")).toBe("now");
    await page.locator(`#diagram[data-active-step="${nowStep}"] svg`).waitFor(WAIT);
  });

  it("fits a phone-width screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "04-phone-width", true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("shows a 4xx answer in the page, then recovers", async () => {
    const userId = await page.inputValue("#user-id");
    await page.fill("#user-id", "not a valid id!");
    await page.press("#user-id", "Enter");
    await page.locator("#error:not([hidden])").waitFor(WAIT);
    expect(await page.textContent("#error-text")).toMatch(/failed \(400\): user_id: must start/);
    expect(await page.textContent("#server-status")).toBe("Error");
    await screenshot(page, "05-bad-request");
    await page.fill("#user-id", userId);
    await page.click("#load-conversation");
    await page.locator("#error[hidden]").waitFor({ ...WAIT, state: "attached" });
    await expect.poll(() => page.locator("#turns > li.turn").count()).toBe(2);
  });

  it("says so in the page when the server is gone, and keeps the unsent message", async () => {
    server.signal("SIGTERM");
    await server.exited;
    await page.fill("#message", "check my balance");
    await page.press("#message", "Enter");
    await page.locator("#error:not([hidden])").waitFor(WAIT);
    expect(await page.textContent("#error-text")).toMatch(/Cannot reach the Soni server/);
    expect(await page.textContent("#server-status")).toBe("Server unreachable");
    expect(await page.inputValue("#message")).toBe("check my balance");
    await screenshot(page, "06-server-stopped");
  });
});

describe.skipIf(!chromium.available)("inspector behind an API key", () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await spawnServer({ config: BANKING, env: { SONI_API_KEY: "inspector-test-key" } });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the 401 in the page, asks for the key and then works", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/inspector`);
    await page.locator("#error:not([hidden])").waitFor(WAIT);
    expect(await page.textContent("#error-text")).toMatch(/needs its API key.*\(401\)/);
    expect(await page.isVisible("#key-form")).toBe(true);
    expect(await page.evaluate("document.activeElement?.id")).toBe("api-key");
    await screenshot(page, "07-api-key-needed");

    await page.fill("#api-key", "inspector-test-key");
    await page.press("#api-key", "Enter");
    await page.locator("#server-status[data-kind=ok]").waitFor(WAIT);
    expect(await page.isHidden("#error")).toBe(true);
    await say(page, "hello", 1);
    expect(await page.locator("#transcript .bubble.bot").count()).toBeGreaterThan(0);
    expect(await page.evaluate('sessionStorage.getItem("soni.inspector.apiKey")')).toBe(
      "inspector-test-key",
    );
  });
});
