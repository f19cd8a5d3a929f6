import type {
  DialogueUnderstanding,
  UnderstandingContext,
  UnderstandingResult,
} from "../../src/du/understanding.ts";
import type { Command } from "../../src/protocol/commands.ts";

/**
 * A DU for tests: the message text is the JSON list of commands to send (so a test scripts
 * the DM directly, without language understanding). Anything else understands nothing.
 */
export class ScriptedUnderstanding implements DialogueUnderstanding {
  readonly seen: string[] = [];
  closed = 0;

  async understand(message: string, context: UnderstandingContext): Promise<UnderstandingResult> {
    this.seen.push(message);
    if (context.signal?.aborted) throw new Error("aborted");
    let commands: Command[] = [];
    try {
      const parsed: unknown = JSON.parse(message);
      commands = (Array.isArray(parsed) ? parsed : [parsed]) as Command[];
    } catch {
      commands = [];
    }
    return { commands, source: "scripted", latency_ms: 0 };
  }

  async close(): Promise<void> {
    this.closed++;
  }
}

/** The message that makes ScriptedUnderstanding send these commands. */
export function say(...commands: Command[]): string {
  return JSON.stringify(commands);
}
