import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { resolveHandlerModules } from "../../src/server/domain-source.ts";
import {
  adoptPostedDomain,
  parsePostedDomain,
  serverOwnedSettings,
} from "../../src/server/posted-domain.ts";

const FLOW = "flows:\n  f:\n    steps:\n      - step: s\n        type: say\n        message: hi\n";

describe("the server's own handler modules, store and model endpoint", () => {
  it("takes handler modules from --handlers, else SONI_HANDLERS, as absolute paths", () => {
    const cwd = path.resolve("/srv/app");
    expect(resolveHandlerModules(["a.ts"], { SONI_HANDLERS: "b.ts" }, cwd)).toEqual([
      path.join(cwd, "a.ts"),
    ]);
    expect(resolveHandlerModules(undefined, { SONI_HANDLERS: "b.ts, lib/c.ts" }, cwd)).toEqual([
      path.join(cwd, "b.ts"),
      path.join(cwd, "lib/c.ts"),
    ]);
    expect(resolveHandlerModules(undefined, {}, cwd)).toBeUndefined();
  });

  it("gives a posted domain the startup domain's handlers, store and endpoint", async () => {
    const startup = await loadDomainFromText(
      `settings:\n  handlers: handlers.ts\n  persistence:\n    backend: memory\n  du:\n    base_url: http://model.internal/v1\n${FLOW}`,
      "soni.yaml",
      path.resolve("/srv/app"),
    );
    const owned = serverOwnedSettings(startup, "/elsewhere");
    const outcome = await parsePostedDomain({
      text: `settings:\n  persistence:\n    backend: memory\n  du:\n    mode: heuristic\n${FLOW}`,
      format: "yaml",
      owned,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const posted = adoptPostedDomain(outcome, owned);
    expect(posted.domain.settings.handlers).toEqual([path.resolve("/srv/app/handlers.ts")]);
    expect(posted.domain.settings.persistence).toEqual({ backend: "memory" });
    expect(posted.domain.settings.du.base_url).toBe("http://model.internal/v1");
    expect(posted.domain.settings.du.mode).toBe("heuristic");
    expect(posted.baseDir).toBe(path.resolve("/srv/app"));
  });

  it("refuses another model endpoint or key variable without echoing it", async () => {
    const owned = serverOwnedSettings(null, "/srv/app");
    const outcome = await parsePostedDomain({
      text: `settings:\n  du:\n    base_url: http://attacker.example/v1\n    api_key_env: SONI_ADMIN_TOKEN\n${FLOW}`,
      format: "yaml",
      owned,
    });
    expect(outcome).toMatchObject({ ok: false, status: 400, code: "invalid_domain" });
    if (outcome.ok) return;
    expect(outcome.details).toHaveLength(2);
    expect(outcome.message).not.toContain("attacker.example");
    expect(outcome.message).toContain("settings.du.base_url");
    expect(outcome.message).toContain("settings.du.api_key_env");
  });
});
