import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { evalCaseSchema } from "../../du/evaluation.ts";

/*
 * A domain's evaluation set (docs/understanding.md): single messages read in a context
 * (`cases`, the DU evaluation format) plus whole conversations (`conversations`) that must end
 * with an action run on the expected inputs.
 */

const expectedValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);

/** A DU case whose expected slot values may be lists. */
export const domainEvalCaseSchema = evalCaseSchema.extend({
  slots: z.record(z.string(), expectedValueSchema).default({}),
});
export type DomainEvalCase = z.infer<typeof domainEvalCaseSchema>;

export const evalConversationSchema = z.strictObject({
  name: z.string().min(1),
  /** The user's messages, in order, in one fresh conversation. */
  turns: z.array(z.string().min(1)).min(1),
  expect: z
    .strictObject({
      /** The action that completes the task... */
      action: z.string().min(1).optional(),
      /** ...called with at least these inputs (lists compare as sets). */
      inputs: z.record(z.string(), expectedValueSchema).default({}),
      /**
       * Actions that must not run (a cancellation the user took back). Without `action`, the
       * conversation completes when none of them ran (the user declined; nothing may happen).
       */
      not: z.array(z.string().min(1)).default([]),
    })
    .refine((e) => e.action !== undefined || e.not.length > 0, {
      message: "give the action that must run, or the actions that must not (not)",
    })
    .refine((e) => e.action !== undefined || Object.keys(e.inputs).length === 0, {
      message: "inputs belong to an action: give the action they are expected for",
    }),
});
export type EvalConversation = z.infer<typeof evalConversationSchema>;

export const domainEvalSetSchema = z.strictObject({
  /** The domain, relative to the eval file. */
  domain: z.string(),
  /** The date relative dates resolve against (YYYY-MM-DD), so results do not depend on today. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  cases: z.array(domainEvalCaseSchema).default([]),
  conversations: z.array(evalConversationSchema).default([]),
});
export type DomainEvalSet = z.infer<typeof domainEvalSetSchema>;

export async function readDomainEvalSet(
  file: string,
): Promise<{ set: DomainEvalSet; domainPath: string }> {
  const raw = parseYaml(await readFile(file, "utf8"));
  const parsed = domainEvalSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`${file}: not a valid evaluation set:\n${issues}`);
  }
  if (parsed.data.cases.length + parsed.data.conversations.length === 0) {
    throw new Error(`${file}: the evaluation set holds no case and no conversation`);
  }
  return { set: parsed.data, domainPath: path.resolve(path.dirname(file), parsed.data.domain) };
}
