import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BANKING_DIR, createTempDomain } from "../../bench/lib/temp-domain.ts";

describe("temporary copies of the banking domain", () => {
  it("copies every YAML file, replaces the given settings and keeps the others", () => {
    const domain = createTempDomain({
      persistence: { backend: "memory" },
      du: { mode: "llm", base_url: "http://127.0.0.1:1/v1" },
    });
    try {
      const yaml = readdirSync(BANKING_DIR).filter((n) => n.endsWith(".yaml"));
      expect(readdirSync(domain.dir).sort()).toEqual(yaml.sort());
      const { settings } = parse(readFileSync(join(domain.dir, "00-settings.yaml"), "utf8"));
      expect(settings.persistence).toEqual({ backend: "memory" });
      expect(settings.du).toMatchObject({ mode: "llm", base_url: "http://127.0.0.1:1/v1" });
      expect(settings.du.timeout_ms).toBeTypeOf("number");
      expect(isAbsolute(settings.handlers)).toBe(true);
      expect(settings.handlers.startsWith(BANKING_DIR)).toBe(true);
    } finally {
      domain.remove();
    }
    expect(existsSync(domain.workDir)).toBe(false);
  });
});
