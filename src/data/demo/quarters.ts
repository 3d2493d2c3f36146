/** The quarters the demo covers: four complete years 2021–2024, then the first quarter of 2025. */
export interface Quarter {
  year: number;
  quarter: number; // 1–4
}

/** Complete years, each written whole (2021–2023 in annual archives, 2024 in the rolling files). */
export const COMPLETE_YEARS = [2021, 2022, 2023, 2024] as const;
/** Years written as annual archives; the later quarters go to the rolling files. */
export const ARCHIVE_YEARS = [2021, 2022, 2023] as const;
/** The partial year of the rolling files: its first quarter only, so the site must show 2024. */
export const PARTIAL_YEAR = 2025;
export const PARTIAL_YEAR_QUARTERS = 1;

/** Every quarter of the demo, in time order: 2021T1 … 2024T4, 2025T1. */
export const QUARTERS: readonly Quarter[] = [
  ...COMPLETE_YEARS.flatMap((year) => [1, 2, 3, 4].map((quarter) => ({year, quarter}))),
  ...Array.from({length: PARTIAL_YEAR_QUARTERS}, (_, i) => ({year: PARTIAL_YEAR, quarter: i + 1}))
];

/** Mid-quarter time in years (2024T1 → 2024.125), for smooth trends. */
export function quarterTime(q: Quarter): number {
  return q.year + (q.quarter - 0.5) / 4;
}
