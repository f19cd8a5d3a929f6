import { describe, expect, it, vi } from "vitest";
import { performEffect } from "../../src/runtime/perform-effect.ts";
import { captureLogger } from "./helpers.ts";

/** A second, separate instance of the handlers module: what a handler's `"soni"` may be. */
async function otherCopy() {
  vi.resetModules();
  return import("../../src/runtime/handlers.ts");
}

describe("UserFacingError across copies of the package", () => {
  it("is recognised by its brand, not by prototype", async () => {
    const ours = await import("../../src/runtime/handlers.ts");
    const theirs = await otherCopy();
    expect(theirs.UserFacingError).not.toBe(ours.UserFacingError);
    const error = new theirs.UserFacingError("No seats left.");
    expect(ours.isUserFacingError(error)).toBe(true);
    expect(error instanceof ours.UserFacingError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(ours.isUserFacingError(new Error("plain"))).toBe(false);
    expect(new Error("plain") instanceof ours.UserFacingError).toBe(false);
  });

  it("keeps the ordinary instanceof for subclasses", async () => {
    const { UserFacingError } = await import("../../src/runtime/handlers.ts");
    class SoldOut extends UserFacingError {}
    expect(new SoldOut("Sold out.") instanceof SoldOut).toBe(true);
    expect(new UserFacingError("Other.") instanceof SoldOut).toBe(false);
    expect(new SoldOut("Sold out.") instanceof UserFacingError).toBe(true);
  });

  it("reaches the user when thrown by a handler using the other copy", async () => {
    const theirs = await otherCopy();
    const { logger, lines } = captureLogger();
    const result = await performEffect(
      { kind: "action", action: "book", inputs: {}, slots: {}, flow: "f", step: "s" },
      {
        handlers: {
          actions: {
            book: () => {
              throw new theirs.UserFacingError("No seats left.");
            },
          },
          validators: {},
          normalizers: {},
        },
        conversationId: "c1",
        turn: 1,
        idempotencyKey: "c1/1/book",
        now: new Date("2026-03-01T10:00:00Z"),
        data: { current: {} },
        logger: () => logger,
        shutdown: new AbortController().signal,
        timeoutMs: 1_000,
      },
    );
    expect(result).toMatchObject({ ok: false, userMessage: "No seats left." });
    // An expected refusal: logged with its stack, but not at error level.
    expect(lines.find((line) => line.msg === "Handler threw")).toMatchObject({ level: 30 });
  });
});

describe("store errors across copies of the package", () => {
  it("VersionConflictError and StoreUnavailableError from a custom store's copy still match", async () => {
    const ours = await import("../../src/persistence/errors.ts");
    vi.resetModules();
    const theirs = await import("../../src/persistence/errors.ts");
    expect(theirs.VersionConflictError).not.toBe(ours.VersionConflictError);
    expect(new theirs.VersionConflictError("c1", 1, 2) instanceof ours.VersionConflictError).toBe(
      true,
    );
    expect(
      new theirs.StoreUnavailableError("custom", "db", { cause: new Error("down") }) instanceof
        ours.StoreUnavailableError,
    ).toBe(true);
    expect(new theirs.VersionConflictError("c1", 1, 2) instanceof ours.StoreUnavailableError).toBe(
      false,
    );
    expect(new Error("plain") instanceof ours.VersionConflictError).toBe(false);
  });
});
