import { z } from "zod";
import { commandSchema } from "../protocol/commands.ts";
import { TEMPLATE_FORMATS } from "./template.ts";

/**
 * The domain DSL, written once: every TypeScript type of a domain is inferred from these
 * schemas. Objects are strict so a misspelt key is an error with a location, not a silent no-op.
 */

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an identifier (letters, digits, underscore)");

/** A step id, or `end` to finish the flow. */
const stepTarget = z.string().min(1);

/** `list` holds several strings (toppings); every other type one value. */
export const slotTypeSchema = z.enum([
  "string",
  "integer",
  "float",
  "boolean",
  "date",
  "any",
  "list",
]);
export type SlotType = z.infer<typeof slotTypeSchema>;

export const duSettingsSchema = z
  .strictObject({
    mode: z.enum(["auto", "heuristic", "llm"]).default("auto"),
    model: z.string().optional(),
    base_url: z.string().optional(),
    /** Name of the environment variable holding the API key; the key itself never lives in YAML. */
    api_key_env: z.string().default("OPENAI_API_KEY"),
    timeout_ms: z.number().int().positive().default(10_000),
    retries: z.number().int().min(0).max(10).default(2),
    temperature: z.number().min(0).max(2).default(0),
  })
  .prefault({});

export const persistenceSettingsSchema = z
  .strictObject({
    backend: z.enum(["memory", "sqlite", "postgres", "redis"]).optional(),
    /** A module (relative to the domain) whose default export creates a custom Checkpointer. */
    module: z.string().optional(),
    /** SQLite file path, relative to the working directory. */
    path: z.string().optional(),
    /**
     * SQLite commit durability (docs/persistence.md): `normal` (default with WAL) survives a
     * process crash or kill -9; `full` also fsyncs every commit, surviving power loss.
     */
    synchronous: z.enum(["full", "normal"]).optional(),
    /** Connection URL for postgres/redis. Prefer url_env so secrets stay out of YAML. */
    url: z.string().optional(),
    url_env: z.string().optional(),
    /** PostgreSQL schema holding Soni's tables (created if missing); default `public`. */
    schema: z.string().optional(),
    key_prefix: z.string().optional(),
    ttl_seconds: z.number().int().positive().optional(),
    pool_size: z.number().int().positive().optional(),
    max_conversations: z.number().int().positive().optional(),
    idle_ttl_seconds: z.number().int().positive().optional(),
    turn_log_retention: z.number().int().min(0).optional(),
    /** How long a turn's conversation lease lasts without renewal (renewed every third). */
    lease_ttl_ms: z.number().int().min(100).optional(),
    /** How long a message waits for another turn of its conversation before a 409. */
    lease_wait_ms: z.number().int().min(0).optional(),
  })
  .prefault({});

/**
 * Lease timing defaults. The wait outlasts the lease's lifetime: a message that arrives just
 * after its conversation's process died mid-turn waits the dead holder's lease out instead of
 * answering 409.
 */
export const DEFAULT_LEASE_TTL_MS = 5_000;
export const DEFAULT_LEASE_WAIT_MS = 10_000;

export const serverSettingsSchema = z
  .strictObject({
    shutdown_timeout_ms: z.number().int().min(0).default(30_000),
    cleanup_timeout_ms: z.number().int().min(0).default(10_000),
    /** Unset: 0, or 5000 with NODE_ENV=production (docs/deployment.md). */
    shutdown_delay_ms: z.number().int().min(0).optional(),
    body_limit_bytes: z.number().int().positive().default(65_536),
    /** Longest a request's headers may take to arrive (408 after it); 0 disables it. */
    headers_timeout_ms: z.number().int().min(0).default(10_000),
    /** Longest a request's body may take to arrive once its headers are in (408 after it). */
    body_timeout_ms: z.number().int().min(0).default(10_000),
    /** GET /openapi.json and the GET /docs page; switch off to publish neither. */
    api_docs: z.boolean().default(true),
    /** GET /metrics (Prometheus) and the instrumentation feeding it. */
    metrics: z.boolean().default(true),
    /** Serve the /inspector page; unset: on, except when NODE_ENV=production. */
    inspector: z.boolean().optional(),
  })
  .prefault({});

export const dmSettingsSchema = z
  .strictObject({
    /** Steps one turn may execute before the flow is ended as runaway. */
    step_budget: z.number().int().positive().default(100),
    /** Consecutive turns not understood before the cannot-handle pattern fires. */
    max_failed_attempts: z.number().int().positive().default(3),
    handler_timeout_ms: z.number().int().positive().default(10_000),
    history_size: z.number().int().positive().default(20),
  })
  .prefault({});

/** Rewording of `say` messages by the configured LLM (docs/dsl.md, "settings"). */
export const rephraseSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    tone: z.enum(["friendly", "professional", "formal"]).default("friendly"),
    /** Bound on one rephrasing call; past it the template's own text is said. */
    timeout_ms: z.number().int().positive().default(3_000),
  })
  .prefault({});

export const settingsSchema = z
  .strictObject({
    language: z.enum(["en", "es"]).default("en"),
    du: duSettingsSchema,
    rephrase: rephraseSettingsSchema,
    persistence: persistenceSettingsSchema,
    server: serverSettingsSchema,
    dm: dmSettingsSchema,
    handlers: z.union([z.string(), z.array(z.string())]).optional(),
    logging: z
      .strictObject({
        level: z
          .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])
          .default("info"),
      })
      .prefault({}),
  })
  .prefault({});
export type Settings = z.infer<typeof settingsSchema>;

/** How a slot's value is read from a message (docs/dsl.md, "Slot kinds"). */
export const SLOT_EXTRACTS = [
  "number",
  "money",
  "date",
  "time",
  "choice",
  "list",
  "person_name",
  "free_text",
  "address",
  "pattern",
  "iban",
  "digits",
  "yes_no",
] as const;
export const slotExtractSchema = z.enum(SLOT_EXTRACTS);
export type SlotExtract = z.infer<typeof slotExtractSchema>;

export const slotSchema = z.strictObject({
  type: slotTypeSchema.default("string"),
  prompt: z.string().optional(),
  /** How messages name the slot ("IBAN" for `iban`); default: its name with spaces. */
  label: z.string().optional(),
  description: z.string().optional(),
  choices: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Extra phrasings for choices: `{ checking: ["current account", "main account"] }`. */
  synonyms: z.record(z.string(), z.array(z.string())).optional(),
  /**
   * How choices read in messages: `{ suv: SUV, child_seat: child seat }`. A choice without one
   * reads as its id with spaces for underscores. The slot still holds the id.
   */
  choice_labels: z.record(z.string(), z.string().min(1)).optional(),
  validator: z.string().optional(),
  normalizer: z.string().optional(),
  validation_error_message: z.string().optional(),
  /**
   * How the value reads in messages when a template does not say (`{amount}` renders like
   * `{amount:money}`), including the correction message ("I've changed the amount to 1,600.00").
   */
  format: z.enum(TEMPLATE_FORMATS).optional(),
  /** Internal slots are hidden from GET /state and never asked for. */
  internal: z.boolean().default(false),
  // --- how the offline DU reads the value (docs/dsl.md, "Slot kinds") ---
  /** The slot's kind; absent, it follows from `type` (never from the slot's name). */
  extract: slotExtractSchema.optional(),
  /** With `extract: pattern`: the regular expression a value matches (case-insensitive). */
  pattern: z.string().min(1).optional(),
  /** With `extract: digits`: the exact number of digits, or a range. */
  length: z.number().int().positive().optional(),
  min_length: z.number().int().positive().optional(),
  max_length: z.number().int().positive().optional(),
  /** Other words messages use to name the slot ("recipient", "payee" for a beneficiary). */
  aliases: z.array(z.string().min(1)).optional(),
  /**
   * `false`: the slot is optional. A negated answer ("none", "no thanks", "skip") leaves it
   * empty and the flow goes on; it is not asked again and never cancels the flow.
   */
  required: z.boolean().optional(),
  /**
   * With `required: false`: the domain's own ways of answering the slot with no value ("single"
   * to a return day). Said alone, or with "only", "just", fillers or a "no", the answer
   * skips the slot as "none" does; the packs cannot know a domain's words for "nothing".
   */
  declined_by: z.array(z.string().min(1)).optional(),
  /**
   * `true`: one value for the whole conversation. A flow that starts while another flow (below
   * it on the stack, or the one that just ended) holds a value for this slot starts with it
   * instead of asking again: a phone number, a customer id.
   */
  shared: z.boolean().optional(),
});
export type SlotDefinition = z.infer<typeof slotSchema>;

export const actionSchema = z.strictObject({
  description: z.string().optional(),
  /** Slot names the handler receives, or `all`: every slot of the calling flow. */
  inputs: z.union([z.array(identifier), z.literal("all")]).default([]),
  outputs: z.array(identifier).default([]),
});
export type ActionDefinition = z.infer<typeof actionSchema>;

const stepBase = {
  step: identifier,
  condition: z.string().optional(),
  jump_to: stepTarget.optional(),
};

export const sayStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("say"),
  message: z.string(),
  /** `false` keeps this message word for word when settings.rephrase is on. */
  rephrase: z.boolean().optional(),
});

export const collectStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("collect"),
  slot: identifier,
  /** Overrides the slot's prompt for this step. */
  prompt: z.string().optional(),
  /** Ask even when the slot is already filled (e.g. "see more?" answered again each page). */
  ask_always: z.boolean().default(false),
});

export const actionStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("action"),
  action: identifier,
  /** action output name -> slot name */
  map_outputs: z.record(z.string(), identifier).optional(),
  /** Where to go when the handler fails; without it the flow ends with the error message. */
  on_error: stepTarget.optional(),
});

export const branchStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("branch"),
  /** Route on this slot's value through `cases`... */
  slot: identifier.optional(),
  cases: z.record(z.string(), stepTarget).optional(),
  /** ...or on a condition expression: `then` when true. */
  if: z.string().optional(),
  // biome-ignore lint/suspicious/noThenProperty: a DSL key holding a string, never a callable, so never thenable
  then: stepTarget.optional(),
  default: stepTarget.optional(),
});

export const confirmStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("confirm"),
  /** Boolean slot receiving the answer; shown as `waiting_for_slot` while confirming. */
  slot: identifier,
  message: z.string(),
  on_deny: stepTarget.optional(),
  on_confirm: stepTarget.optional(),
});

const setValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.strictObject({ expr: z.string() }),
]);

export const setStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("set"),
  /** slot -> literal, `{template}` string, or `{ expr: "..." }` */
  slots: z.record(identifier, setValue),
});

export const linkStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("link"),
  flow: identifier,
});

export const callStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal("call"),
  flow: identifier,
});

type StepInput =
  | z.input<typeof sayStepSchema>
  | z.input<typeof collectStepSchema>
  | z.input<typeof actionStepSchema>
  | z.input<typeof branchStepSchema>
  | z.input<typeof confirmStepSchema>
  | z.input<typeof setStepSchema>
  | z.input<typeof linkStepSchema>
  | z.input<typeof callStepSchema>
  | WhileStepInput;

interface WhileStepInput {
  step: string;
  type: "while";
  condition: string;
  max_iterations?: number;
  jump_to?: string;
  do: StepInput[];
}

export const whileStepSchema = z.strictObject({
  step: identifier,
  type: z.literal("while"),
  /** Unlike other steps, `condition` is the loop condition, checked before each iteration. */
  condition: z.string(),
  max_iterations: z.number().int().positive().max(10_000).default(100),
  jump_to: stepTarget.optional(),
  get do() {
    return z.array(stepSchema).min(1);
  },
});

export const stepSchema: z.ZodType<Step, StepInput> = z.discriminatedUnion("type", [
  sayStepSchema,
  collectStepSchema,
  actionStepSchema,
  branchStepSchema,
  confirmStepSchema,
  setStepSchema,
  linkStepSchema,
  callStepSchema,
  whileStepSchema,
]) as unknown as z.ZodType<Step, StepInput>;

export type SayStep = z.infer<typeof sayStepSchema>;
export type CollectStep = z.infer<typeof collectStepSchema>;
export type ActionStep = z.infer<typeof actionStepSchema>;
export type BranchStep = z.infer<typeof branchStepSchema>;
export type ConfirmStep = z.infer<typeof confirmStepSchema>;
export type SetStep = z.infer<typeof setStepSchema>;
export type LinkStep = z.infer<typeof linkStepSchema>;
export type CallStep = z.infer<typeof callStepSchema>;
export interface WhileStep {
  step: string;
  type: "while";
  condition: string;
  max_iterations: number;
  jump_to?: string | undefined;
  do: Step[];
}
export type Step =
  | SayStep
  | CollectStep
  | ActionStep
  | BranchStep
  | ConfirmStep
  | SetStep
  | LinkStep
  | CallStep
  | WhileStep;
export type StepType = Step["type"];
export const STEP_TYPES: readonly StepType[] = [
  "say",
  "collect",
  "action",
  "branch",
  "confirm",
  "set",
  "while",
  "link",
  "call",
];

export const flowSchema = z.strictObject({
  description: z.string().optional(),
  /** How messages name the flow ("your transfer" in "Let's get back to your transfer."). */
  title: z.string().optional(),
  trigger: z
    .strictObject({
      intents: z.array(z.string()).default([]),
    })
    .optional(),
  /** Flows that only run through `call`/`link` (never started by the user) set this. */
  internal: z.boolean().default(false),
  /**
   * Listed when the assistant says what it can do ("what can you do?", out of scope). Default:
   * yes, except for flows made only of `say` steps (a greeting, small talk), which do nothing
   * for the user beyond talking.
   */
  capability: z.boolean().optional(),
  steps: z.array(stepSchema).min(1),
});
export type FlowDefinition = z.infer<typeof flowSchema>;

const patternSchema = z.strictObject({
  enabled: z.boolean().default(true),
  message: z.string().optional(),
  /** Said instead of `message` while a flow is active (its pending question usually follows). */
  message_in_flow: z.string().optional(),
});

/** Built-in conversation patterns; every message may use `{flow}` (the flow's description or name). */
export const patternsSchema = z
  .strictObject({
    cancel: patternSchema.prefault({}),
    correction: patternSchema.prefault({}),
    ask_change: patternSchema.prefault({}),
    clarification: patternSchema.prefault({}),
    chitchat: patternSchema.prefault({}),
    greeting: patternSchema.prefault({}),
    thanks: patternSchema.prefault({}),
    goodbye: patternSchema.prefault({}),
    acknowledge: patternSchema.prefault({}),
    out_of_scope: patternSchema.prefault({}),
    human_handoff: patternSchema.prefault({}),
    cannot_handle: patternSchema.prefault({}),
    frustration: patternSchema.prefault({}),
    wait: patternSchema.prefault({}),
    resume: patternSchema.prefault({}),
    next_request: patternSchema.prefault({}),
    step_budget: patternSchema.prefault({}),
    action_error: patternSchema.prefault({}),
    completed: patternSchema.prefault({}),
  })
  .prefault({});
export type Patterns = z.infer<typeof patternsSchema>;
export type PatternName = keyof Patterns;

/**
 * Where a user message arrives: nothing active (no context), or a flow asking for a slot or a
 * confirmation. Shared by few-shot example turns and DU evaluation sets.
 */
export const turnContextSchema = z.strictObject({
  flow: z.string(),
  /** The slot a collect step is asking for... */
  waiting: z.string().optional(),
  /** ...or true when the flow's confirm step is asking. */
  confirm: z.boolean().optional(),
  slots: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
    )
    .default({}),
});
export type TurnContext = z.infer<typeof turnContextSchema>;

/** A labelled message the LLM DU is shown as a few-shot example. */
export const exampleTurnSchema = z.strictObject({
  text: z.string().min(1),
  context: turnContextSchema.optional(),
  /** The commands the message stands for (`[]` = out of scope). */
  commands: z.array(commandSchema),
});
export type ExampleTurn = z.infer<typeof exampleTurnSchema>;

/**
 * DU examples (written by hand or by `soni optimize`): `flows` are extra phrasings that start a
 * flow, used like trigger phrases; `turns` are few-shot examples for the LLM DU.
 */
export const examplesSchema = z
  .strictObject({
    flows: z.record(identifier, z.array(z.string().min(1))).default({}),
    turns: z.array(exampleTurnSchema).default([]),
  })
  .prefault({});
export type DuExamples = z.infer<typeof examplesSchema>;

/**
 * The domain's own words (docs/dsl.md, "Vocabulary"): synonym groups that make words count as
 * one term when flows are ranked, people named by relation, the business's people a user may
 * ask to talk to, and built-in groups to drop.
 */
export const vocabularySchema = z
  .strictObject({
    /** Canonical key -> words and phrases that mean the same ("transfer: [send, wire]"). */
    synonyms: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
    /** Relation words a person may be named by ("my neighbour"). */
    relations: z.array(z.string().min(1)).default([]),
    /** The business's people a user may ask to talk to ("librarian"): asking for one is a handoff. */
    staff: z.array(z.string().min(1)).default([]),
    /** Built-in synonym groups of the language pack this domain does not want. */
    drop: z.array(z.string().min(1)).default([]),
  })
  .prefault({});
export type Vocabulary = z.infer<typeof vocabularySchema>;

export const domainSchema = z.strictObject({
  version: z.union([z.string(), z.number()]).transform(String).default("1"),
  settings: settingsSchema,
  slots: z.record(identifier, slotSchema).default({}),
  actions: z.record(identifier, actionSchema).default({}),
  flows: z.record(identifier, flowSchema).default({}),
  patterns: patternsSchema,
  examples: examplesSchema,
  vocabulary: vocabularySchema,
});
export type Domain = z.infer<typeof domainSchema>;
export type DomainInput = z.input<typeof domainSchema>;
