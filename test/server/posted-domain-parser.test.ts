import { describe, expect, it } from "vitest";
import { largeDomain } from "../../bench/lib/large-domain.ts";
import { serverOwnedSettings } from "../../src/server/posted-domain.ts";
import { PostedDomainParser } from "../../src/server/posted-domain-parser.ts";
import { withoutServerPaths } from "../../src/server/public-paths.ts";
import { captureLog } from "./helpers/fake-runtime.ts";

const owned = serverOwnedSettings(null, "/srv/app");
const job = (text: string) => ({
  text,
  format: "yaml" as const,
  owned: { persistence: owned.persistence, du: owned.du },
});
const SMALL = "flows:\n  f:\n    steps:\n      - step: s\n        type: say\n        message: hi\n";

describe("PostedDomainParser (worker thread)", () => {
  it("validates on the worker and returns the domain with its flow graphs", async () => {
    const parser = new PostedDomainParser({ logger: captureLog().logger });
    try {
      const outcome = await parser.parse(job(SMALL));
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.graphs.get("f")?.first).toBe("s");
    } finally {
      await parser.close();
    }
  });

  it("stops a job past its time bound with 413 and queues jobs behind each other", async () => {
    const parser = new PostedDomainParser({ logger: captureLog().logger, timeoutMs: 50 });
    try {
      const [slow, next] = await Promise.all([
        parser.parse(job(largeDomain(500_000))),
        parser.parse(job(largeDomain(500_000))),
      ]);
      expect(slow).toMatchObject({ ok: false, status: 413, code: "domain_too_complex" });
      expect(next).toMatchObject({ ok: false, status: 413, code: "domain_too_complex" });
    } finally {
      await parser.close();
    }
  });

  it("answers waiting and later jobs 503 once closed", async () => {
    const parser = new PostedDomainParser({ logger: captureLog().logger });
    const pending = parser.parse(job(largeDomain(200_000)));
    await parser.close();
    expect(await pending).toMatchObject({ ok: false, status: 503 });
    expect(await parser.parse(job(SMALL))).toMatchObject({ ok: false, status: 503 });
  });
});

describe("withoutServerPaths", () => {
  it("makes paths under the domain root relative and cuts any other absolute path", () => {
    expect(
      withoutServerPaths(
        "cannot load /srv/app/lib/h.ts: Cannot find module '/srv/node_modules/x/i.js' imported from file:///srv/app/lib/h.ts",
        "/srv/app",
      ),
    ).toBe("cannot load lib/h.ts: Cannot find module '…/i.js' imported from lib/h.ts");
    expect(withoutServerPaths("POST /config:3:5  no route /health", "/srv/app")).toBe(
      "POST /config:3:5  no route /health",
    );
  });
});
