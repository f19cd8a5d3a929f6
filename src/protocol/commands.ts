import { z } from "zod";

/**
 * The commands a dialogue-understanding component sends to the dialogue manager
 * (docs/dialogue.md). Plain, serialisable data; anything that does not match is dropped.
 * One command per meaning: no command carries a magic string that changes what it does.
 */

const slotName = z.string().min(1).max(100);
/** A slot's value: a scalar, or the items of a `list` slot. */
const slotValue = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(1_000)).max(100),
]);

/**
 * Small talk the assistant answers with a pattern of its own; `other` gets the chitchat pattern.
 * `wait`: the user asks for a moment ("hang on, let me look"), the question stays pending.
 */
export const CHITCHAT_KINDS = [
  "greeting",
  "thanks",
  "goodbye",
  "frustration",
  "wait",
  "other",
] as const;
export type ChitchatKind = (typeof CHITCHAT_KINDS)[number];

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
  /**
   * The user declines an optional slot ("no toppings", "no thanks"): it stays empty, the flow
   * goes on and does not ask it again. For a required slot it is a "no" to the question.
   */
  z.strictObject({ type: z.literal("skip_slot"), slot: slotName }),
  z.strictObject({ type: z.literal("affirm") }),
  z.strictObject({ type: z.literal("deny"), slot_to_change: slotName.optional() }),
  /**
   * The user asks what something means (`topic`: a slot name or a term) or the message fits
   * several flows equally (`flows`: the candidates, offered as a choice).
   */
  z.strictObject({
    type: z.literal("clarify"),
    topic: z.string().max(1000).optional(),
    flows: z.array(z.string().min(1).max(100)).min(1).max(10).optional(),
  }),
  /** Small talk; `message` is the user's words, for a reply that quotes or answers them. */
  z.strictObject({
    type: z.literal("chitchat"),
    kind: z.enum(CHITCHAT_KINDS).default("other"),
    message: z.string().max(10_000).optional(),
  }),
  /** A question or request the domain has no flow for. */
  z.strictObject({ type: z.literal("out_of_scope") }),
  /** "Say that again": the assistant's last messages, repeated. */
  z.strictObject({ type: z.literal("repeat_last") }),
  z.strictObject({ type: z.literal("human_handoff"), reason: z.string().max(1000).optional() }),
]);

export type Command = z.infer<typeof commandSchema>;
/** A command as a DU may write it: defaulted fields (chitchat `kind`) may be left out. */
export type CommandInput = z.input<typeof commandSchema>;
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
