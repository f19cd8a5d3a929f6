import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type TurnContext,
} from "botbuilder-core";
import {
  ConfirmPrompt,
  DialogSet,
  DialogTurnStatus,
  NumberPrompt,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from "botbuilder-dialogs";

/**
 * The banking transfer conversation (examples/banking, flow transfer_funds) written the
 * idiomatic Bot Framework way: a WaterfallDialog with prompts and validators, state in
 * MemoryStorage through ConversationState, driven in-process by TestAdapter. Prompts use
 * the same wording as the Soni domain so both bots answer a script identically.
 */

const IBAN_ERROR =
  "That IBAN doesn't look right. Please check it — it starts with two letters, e.g. ES91 2100 0418 4502 0005 1332.";

export function normaliseIban(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(text: string): boolean {
  const iban = normaliseIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

interface TransferValues {
  beneficiary: string;
  iban: string;
  amount: number;
  securityCode?: string;
  concept: string;
  source: string;
}

export interface TransferBot {
  /** Runs one user message through the adapter and returns the bot's replies. */
  send(conversationId: string, text: string): Promise<string[]>;
  /** Transfers executed so far (the bot's equivalent of execute_transfer). */
  readonly executed: number;
}

export function createTransferBot(): TransferBot {
  const conversationState = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(conversationState.createProperty("DialogState"));
  let executed = 0;

  dialogs.add(new TextPrompt("beneficiary"));
  dialogs.add(
    new TextPrompt("iban", async (prompt: PromptValidatorContext<string>) =>
      prompt.recognized.succeeded ? isValidIban(prompt.recognized.value!) : false,
    ),
  );
  dialogs.add(
    new NumberPrompt("amount", async (prompt: PromptValidatorContext<number>) =>
      prompt.recognized.succeeded ? prompt.recognized.value! > 0 : false,
    ),
  );
  dialogs.add(
    new TextPrompt("security_code", async (prompt: PromptValidatorContext<string>) =>
      prompt.recognized.succeeded
        ? /^\d{6}$/.test(prompt.recognized.value!.replace(/\D/g, ""))
        : false,
    ),
  );
  dialogs.add(new TextPrompt("concept"));
  dialogs.add(
    new TextPrompt("source", async (prompt: PromptValidatorContext<string>) =>
      prompt.recognized.succeeded
        ? ["checking", "savings"].includes(prompt.recognized.value!.trim().toLowerCase())
        : false,
    ),
  );
  dialogs.add(new ConfirmPrompt("confirm"));

  const values = (step: WaterfallStepContext) => step.values as Partial<TransferValues>;

  dialogs.add(
    new WaterfallDialog("transfer", [
      async (step) =>
        step.prompt("beneficiary", { prompt: "Who would you like to send the money to?" }),
      async (step) => {
        values(step).beneficiary = String(step.result).trim();
        return step.prompt("iban", {
          prompt: `What is ${values(step).beneficiary}'s IBAN?`,
          retryPrompt: IBAN_ERROR,
        });
      },
      async (step) => {
        values(step).iban = normaliseIban(String(step.result));
        return step.prompt("amount", {
          prompt: "How much would you like to send?",
          retryPrompt: "The amount must be a number greater than zero, like 250 or 1,500.50.",
        });
      },
      async (step) => {
        values(step).amount = Number(step.result);
        if (values(step).amount! > 10_000) {
          return step.prompt("security_code", {
            prompt:
              "Transfers above 10,000 EUR need extra verification. Please enter your 6-digit security code.",
            retryPrompt: "The security code has exactly 6 digits.",
          });
        }
        return step.next();
      },
      async (step) => {
        if (step.result !== undefined) values(step).securityCode = String(step.result);
        return step.prompt("concept", {
          prompt: "What is the transfer for? (a short concept, e.g. 'rent March')",
        });
      },
      async (step) => {
        values(step).concept = String(step.result).trim();
        return step.prompt("source", {
          prompt: "Which account should the money come from: checking or savings?",
          retryPrompt: "Transfers can be sent from your checking or savings account.",
        });
      },
      async (step) => {
        const v = values(step);
        v.source = String(step.result).trim().toLowerCase();
        return step.prompt("confirm", {
          prompt: `Please confirm: send ${v.amount} EUR from your ${v.source} account to ${v.beneficiary} (IBAN ${v.iban}), concept "${v.concept}". Shall I go ahead?`,
        });
      },
      async (step) => {
        const v = values(step);
        if (step.result === true) {
          executed++;
          const transactionId = `TX-${Date.now().toString(36).toUpperCase()}-${executed}`;
          await step.context.sendActivity(
            `Done! ${v.amount} EUR are on their way to ${v.beneficiary}. Transaction id: ${transactionId}.`,
          );
        } else {
          await step.context.sendActivity(
            "OK, I haven't sent anything. You can start a new transfer whenever you like.",
          );
        }
        return step.endDialog();
      },
    ]),
  );

  // Bot Framework has no flow triggers: the turn handler starts the dialog on a keyword.
  const logic = async (context: TurnContext) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      if (/transfer|send money|wire/i.test(context.activity.text ?? "")) {
        await dc.beginDialog("transfer");
      } else {
        await context.sendActivity("I can help you send a transfer.");
      }
    }
    await conversationState.saveChanges(context);
  };
  const adapter = new TestAdapter(logic);

  return {
    async send(conversationId, text) {
      await adapter.processActivity({
        type: ActivityTypes.Message,
        text,
        locale: "en-us",
        conversation: {
          id: conversationId,
          isGroup: false,
          conversationType: "personal",
          name: "",
        },
        from: { id: `user-${conversationId}`, name: "user", role: "user" },
      });
      const replies: string[] = [];
      while (adapter.activeQueue.length > 0)
        replies.push(String(adapter.getNextReply().text ?? ""));
      return replies;
    },
    get executed() {
      return executed;
    },
  };
}
