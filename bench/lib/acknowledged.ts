import { Pool } from "undici";

/** What the store holds against what the server acknowledged to clients. */
export interface AckComparison {
  conversations: number;
  ackedTurns: number;
  /** Acknowledged turns the store does not have: must be 0. */
  lostTurns: number;
  conversationsWithLoss: number;
  /** Turns stored beyond the last acknowledged one (answer lost on the way, client may retry). */
  unacknowledgedStored: number;
}

export function compareAcknowledged(
  acked: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, number | null>,
): AckComparison {
  const result: AckComparison = {
    conversations: acked.size,
    ackedTurns: 0,
    lostTurns: 0,
    conversationsWithLoss: 0,
    unacknowledgedStored: 0,
  };
  for (const [user, count] of acked) {
    result.ackedTurns += count;
    const have = stored.get(user) ?? 0;
    if (have < count) {
      result.lostTurns += count - have;
      result.conversationsWithLoss++;
    } else {
      result.unacknowledgedStored += have - count;
    }
  }
  return result;
}

/** turn_count of each user through GET /state/:user_id (null when the server answers non-200). */
export async function readTurnCounts(
  url: string,
  users: Iterable<string>,
  concurrency = 16,
): Promise<Map<string, number | null>> {
  const pool = new Pool(url, { connections: concurrency });
  const queue = [...users];
  const counts = new Map<string, number | null>();
  const worker = async () => {
    for (let user = queue.pop(); user !== undefined; user = queue.pop()) {
      const res = await pool.request({ path: `/state/${encodeURIComponent(user)}`, method: "GET" });
      const text = await res.body.text();
      counts.set(
        user,
        res.statusCode === 200
          ? ((JSON.parse(text) as { turn_count?: number }).turn_count ?? 0)
          : null,
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await pool.destroy();
  }
  return counts;
}
