import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's `chromium` package; CHROMIUM_PATH points elsewhere. `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserProbe {
  available: boolean;
  reason: string;
}

/**
 * Whether the system Chromium is installed. Like probeService: locally a missing browser skips the
 * browser tests with a reason; with CI=true it throws, so CI can never pass by skipping them.
 */
export function probeChromium(): BrowserProbe {
  if (existsSync(CHROMIUM_PATH)) return { available: true, reason: "" };
  const reason = `Chromium not found at ${CHROMIUM_PATH}; skipping the browser tests (apt-get install chromium, or set CI=true to fail instead)`;
  if (process.env.CI === "true") {
    throw new Error(`Chromium is required in CI but not found at ${CHROMIUM_PATH}`);
  }
  console.warn(reason);
  return { available: false, reason };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile that reaches nothing but the pages a test opens. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "soni-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
