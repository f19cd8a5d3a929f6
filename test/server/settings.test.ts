import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import {
  environmentDefaults,
  lifecycleSettings,
  PRODUCTION_SHUTDOWN_DELAY_MS,
} from "../../src/server/settings.ts";

const production = environmentDefaults({ NODE_ENV: "production" });

async function withServerSettings(yaml: string) {
  return loadDomainFromText(
    `settings:\n  server:\n${yaml}flows:\n  f:\n    steps:\n      - step: s\n        type: say\n        message: hi\n`,
  );
}

describe("lifecycle settings", () => {
  it("defaults the pre-drain delay to 5 s with NODE_ENV=production, else 0", () => {
    expect(lifecycleSettings(null, {}, production).shutdownDelayMs).toBe(
      PRODUCTION_SHUTDOWN_DELAY_MS,
    );
    expect(lifecycleSettings(null, {}, environmentDefaults({})).shutdownDelayMs).toBe(0);
  });

  it("lets the domain, then the environment variable or flag, override the production delay", async () => {
    const domain = await withServerSettings("    shutdown_delay_ms: 0\n");
    expect(lifecycleSettings(domain, {}, production).shutdownDelayMs).toBe(0);
    expect(lifecycleSettings(domain, { shutdownDelayMs: 2_000 }, production).shutdownDelayMs).toBe(
      2_000,
    );
  });

  it("has header and body timeouts well below the shutdown timeout by default", () => {
    const settings = lifecycleSettings(null, {});
    expect(settings.headersTimeoutMs).toBe(10_000);
    expect(settings.bodyTimeoutMs).toBe(10_000);
    expect(settings.bodyTimeoutMs).toBeLessThan(settings.shutdownTimeoutMs);
  });
});
