/** Turns kept per conversation when `persistence.turn_log_retention` is not set. */
export const DEFAULT_TURN_LOG_RETENTION = 1000;

/** Checks a caller-given listTurns limit: a positive integer, or undefined for all. */
export function turnLimit(options: { limit?: number } | undefined): number | undefined {
  const limit = options?.limit;
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`listTurns limit must be a non-negative integer, got ${limit}`);
  }
  return limit;
}

/** Checks an expected version passed to save(): 0 (must not exist yet) or a stored version. */
export function checkExpectedVersion(expectedVersion: number): void {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new RangeError(
      `save expectedVersion must be 0 (new conversation) or the version load() returned, got ${expectedVersion}`,
    );
  }
}
