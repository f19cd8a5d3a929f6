import { z } from "zod";

/**
 * The commands a dialogue-understanding component sends to the dialogue manager
 * (DESIGN.md §3). Plain, serialisable data; anything that does not match is dropped.
 */

const slotName = z.string().min(1).max(100);
const slotValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const commandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("start_flow"),
    flow: z.string().min(1).max(100),
    slots: z.record(slotName, slotValue).optional(),
  }),
  z.strictObject({ type: z.literal("cancel_flow") }),
  z.strictObject({ type: z.literal("set_slot"), slot: slotName, value: slotValue }),
  z.strictObject({ type: z.literal("correct_slot"), slot: slotName, value: slotValue }),
  z.strictObject({ type: z.literal("clear_slot"), slot: slotName }),
  z.strictObject({ type: z.literal("affirm") }),
  z.strictObject({ type: z.literal("deny"), slot_to_change: slotName.optional() }),
  z.strictObject({ type: z.literal("clarify"), topic: z.string().max(1000).optional() }),
  z.strictObject({ type: z.literal("chitchat"), message: z.string().max(10_000).optional() }),
  z.strictObject({ type: z.literal("human_handoff"), reason: z.string().max(1000).optional() }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type SlotValue = z.infer<typeof slotValue>;

/** Where parseCommands reports what it dropped (a pino logger fits). */
export interface CommandLogger {
  warn(details: object, message: string): void;
}

/**
 * Keeps the commands that match the schema, in order, and drops the rest with a warning:
 * a malformed command from a model is never executed.
 */
export function parseCommands(raw: unknown[], logger?: CommandLogger): Command[] {
  const commands: Command[] = [];
  raw.forEach((candidate, index) => {
    const parsed = commandSchema.safeParse(candidate);
    if (parsed.success) {
      commands.push(parsed.data);
      return;
    }
    logger?.warn(
      {
        index,
        command: candidate,
        issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
      },
      "Dropped invalid command",
    );
  });
  return commands;
}
