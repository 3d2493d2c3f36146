/** The quarters the customs' files cover, as the demo writes them ("2024T1"). */
export interface Quarter {
  year: number;
  quarter: number; // 1–4
  label: string;
}

function quartersFrom(firstYear: number, lastYear: number): Quarter[] {
  const list: Quarter[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) list.push({year, quarter, label: `${year}T${quarter}`});
  }
  return list;
}

/** The 16 quarters of the products-only and countries-only files: 2021T1 … 2024T4. */
export const HISTORY_QUARTERS: Quarter[] = quartersFrom(2021, 2024);

/** The last six quarters, the only ones crossed country × product: 2023T3 … 2024T4. */
export const CROSSED_QUARTERS: Quarter[] = HISTORY_QUARTERS.slice(-6);

/** Index in HISTORY_QUARTERS of the first crossed quarter. */
export const FIRST_CROSSED_INDEX = HISTORY_QUARTERS.length - CROSSED_QUARTERS.length;

/** Mid-quarter time in years (2024T1 → 2024.125), for smooth trends. */
export function quarterTime(q: Quarter): number {
  return q.year + (q.quarter - 0.5) / 4;
}
