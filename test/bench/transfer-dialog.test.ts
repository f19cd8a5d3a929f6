import { describe, expect, it } from "vitest";
import { createTransferBot, isValidIban } from "../../bench/botframework/transfer-dialog.ts";
import { transferScript, VALID_IBAN } from "../../bench/lib/transfer-script.ts";

describe("Bot Framework transfer dialog (benchmark baseline)", () => {
  it("checks IBANs with mod 97", () => {
    expect(isValidIban(VALID_IBAN)).toBe(true);
    expect(isValidIban("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(isValidIban("ES91 2100 0418 4502 0005 1333")).toBe(false);
    expect(isValidIban("ES00 1234 5678 9012")).toBe(false);
    expect(isValidIban("hello")).toBe(false);
  });

  it("follows every variant of the benchmark script", async () => {
    const bot = createTransferBot();
    for (let variant = 0; variant < 3; variant++) {
      for (const turn of transferScript(variant)) {
        const replies = await bot.send(`conversation-${variant}`, turn.user);
        expect(replies.join("\n"), `reply to "${turn.user}"`).toMatch(turn.expect);
      }
    }
    expect(bot.executed).toBe(3);
  });

  it("keeps conversations apart and re-asks invalid answers", async () => {
    const bot = createTransferBot();
    await bot.send("a", "I want to make a transfer");
    await bot.send("b", "I want to make a transfer");
    expect(await bot.send("a", "Ana")).toEqual(["What is Ana's IBAN?"]);
    expect((await bot.send("a", "not an iban"))[0]).toMatch(/doesn't look right/);
    expect(await bot.send("b", "Bob")).toEqual(["What is Bob's IBAN?"]);
    await bot.send("a", VALID_IBAN);
    expect((await bot.send("a", "-5"))[0]).toMatch(/greater than zero/);
    expect(await bot.send("a", "20000")).toEqual([
      "Transfers above 10,000 EUR need extra verification. Please enter your 6-digit security code.",
    ]);
    expect(await bot.send("a", "12345")).toEqual(["The security code has exactly 6 digits."]);
  });
});
