/**
 * Exact integer apportionment (largest remainder): splits a total number of
 * euros across weighted cells so that the parts are non-negative integers that
 * add up to the total exactly. This is what makes the calibrated totals exact.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new Error(`apportion : le total doit être un entier positif ou nul, reçu ${total}`);
  }
  const sum = weights.reduce((acc, w) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`apportion : poids invalide ${w}`);
    return acc + w;
  }, 0);
  if (weights.length === 0 || sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error(`apportion : impossible de répartir ${total} sur des poids tous nuls`);
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  let gap = total - parts.reduce((a, b) => a + b, 0);
  // Floating-point error can leave the floors a few units above or below the total.
  const byRemainder = quotas
    .map((q, i) => ({i, r: q - Math.floor(q)}))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; gap > 0; k = (k + 1) % byRemainder.length) {
    const {i} = byRemainder[k];
    if (weights[i] > 0) {
      parts[i] += 1;
      gap -= 1;
    }
  }
  for (let k = byRemainder.length - 1; gap < 0; k = k === 0 ? byRemainder.length - 1 : k - 1) {
    const {i} = byRemainder[k];
    if (parts[i] > 0) {
      parts[i] -= 1;
      gap += 1;
    }
  }
  return parts;
}
