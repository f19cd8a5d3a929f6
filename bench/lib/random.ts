/** A seeded PRNG (mulberry32), so every fuzz run sends the same requests and can be replayed. */
export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  string(length: number, alphabet?: string): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    string(length, alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ") {
      let out = "";
      for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
      return out;
    },
  };
}
