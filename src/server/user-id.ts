import { z } from "zod";
import { USER_ID_PATTERN } from "../runtime/runtime-loop.ts";

/** Longest accepted user id; the router's path-parameter limit is derived from it. */
export const MAX_USER_ID_LENGTH = 128;

/** Conversation ids travel in URLs and logs, so they are short and free of separators/spaces. */
export const userIdSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? "is required" : "must be a string"),
  })
  // abort: a too long id gets one clear message, not also the character-pattern one.
  .min(1, { message: "must not be empty", abort: true })
  .max(MAX_USER_ID_LENGTH, {
    message: `must be at most ${MAX_USER_ID_LENGTH} characters`,
    abort: true,
  })
  .regex(
    USER_ID_PATTERN,
    "must start with a letter or digit and contain only letters, digits and _ . : @ -",
  );
