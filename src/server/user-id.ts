import { z } from "zod";
import { USER_ID_PATTERN } from "../runtime/runtime-loop.ts";

/** Conversation ids travel in URLs and logs, so they are short and free of separators/spaces. */
export const userIdSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? "is required" : "must be a string"),
  })
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(
    USER_ID_PATTERN,
    "must start with a letter or digit and contain only letters, digits and _ . : @ -",
  );
