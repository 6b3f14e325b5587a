/** Legal dates are ISO dates in Japan Standard Time; recorded times are instants (DT-1, DT-8). */

const DAY_MS = 86_400_000;

/** The JST calendar date of an instant, e.g. `2026-04-08T00:51:18Z` → `2026-04-08`. */
export const jstDateOf = (instant: string): string => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant.slice(0, 10);
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
};

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
