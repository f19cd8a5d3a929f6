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
