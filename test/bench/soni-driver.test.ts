import { describe, expect, it } from "vitest";
import { createSoniDriver } from "../../bench/lib/soni-driver.ts";
import { transferScript } from "../../bench/lib/transfer-script.ts";

describe("Soni side of the in-process benchmark", () => {
  it.each([
    ["memory", {}],
    ["sqlite", {}],
    ["sqlite", { persistence: { synchronous: "full" as const } }],
  ] as const)("follows every variant of the transfer script (%s %o)", async (backend, options) => {
    const driver = await createSoniDriver(backend, options);
    // The example's handlers keep one simulated ledger per conversation id for the process.
    const prefix = `${driver.name}-${Date.now()}`;
    try {
      for (let variant = 0; variant < 3; variant++) {
        for (const turn of transferScript(variant)) {
          const reply = await driver.send(`${prefix}-${variant}`, turn.user);
          expect(reply, `reply to "${turn.user}"`).toMatch(turn.expect);
        }
      }
    } finally {
      await driver.close();
    }
  });
});
