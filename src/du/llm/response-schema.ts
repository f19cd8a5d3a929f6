import { z } from "zod";
import { commandSchema } from "../../protocol/commands.ts";

/** What the model must answer: `{"commands": [...]}`. */
export const llmResponseSchema = z.strictObject({ commands: z.array(z.unknown()) });

/**
 * JSON schema of `{commands: Command[]}` for `response_format: json_schema`, generated from the
 * command schema itself. Keywords some OpenAI-compatible servers reject are left out
 * (`oneOf` becomes `anyOf`, no `propertyNames`, no `$schema`); the answer is validated with zod
 * anyway.
 */
export function commandsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.strictObject({ commands: z.array(commandSchema) }));
  return portable(schema) as Record<string, unknown>;
}

function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema" || key === "propertyNames") continue;
    out[key === "oneOf" ? "anyOf" : key] = portable(value);
  }
  return out;
}
