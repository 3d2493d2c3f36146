/**
 * Seeded pseudo-random numbers for the demo (never Math.random): every draw
 * derives from a string key, so one département's data does not depend on
 * which other départements are generated, nor in which order.
 */

/** 32-bit FNV-1a hash of a string, used to turn keys into seeds. */
export function hashString(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** exp(sigma · N(0,1)): a positive multiplicative noise with median 1. */
  logNormal(sigma: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
}

/** A mulberry32 generator seeded from a key such as "10|export|products". */
export function randomFor(key: string): Random {
  let state = hashString(key);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]: log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    normal,
    logNormal: (sigma) => Math.exp(sigma * normal()),
    int: (min, max) => min + Math.floor(next() * (max - min + 1))
  };
}
