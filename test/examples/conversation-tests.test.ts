import { readdir } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadDomain } from "../../src/config/loader.ts";
import {
  loadConversationTests,
  runConversationTests,
} from "../../src/runtime/conversation-tests.ts";

/**
 * Every example domain's `soni test` conversations pass on its own handlers and the offline
 * DU, as `soni test examples/<domain>/tests --config examples/<domain>` runs them (pending-*
 * files, behaviour not reached yet, are skipped).
 */
const examples = path.join(import.meta.dirname, "../../examples");
const domains: string[] = [];
for (const name of (await readdir(examples)).sort()) {
  const tests = await readdir(path.join(examples, name, "tests")).catch(() => undefined);
  if (tests) domains.push(name);
}

describe("example domains' conversation tests", () => {
  it("finds the examples", () => {
    expect(domains).toEqual(
      expect.arrayContaining(["banking", "clinic", "hotel", "pizza", "telecom"]),
    );
  });

  it.each(domains)("%s", async (name) => {
    const domain = await loadDomain(path.join(examples, name));
    const tests = await loadConversationTests(path.join(examples, name, "tests"));
    expect(tests.length).toBeGreaterThanOrEqual(10);
    expect(tests.every((t) => !path.basename(t.file).startsWith("pending-"))).toBe(true);
    const results = await runConversationTests(domain, tests, {
      logger: pino({ level: "silent" }),
    });
    const failures = results
      .filter((r) => !r.passed)
      .map((r) => `${r.name} (${path.basename(r.file)}:${r.line}): ${JSON.stringify(r.failure)}`);
    expect(failures).toEqual([]);
  });
});
