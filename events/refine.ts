import { DateTime } from 'luxon';
import type { z } from 'zod';

/** Internal helpers for cross-field checks inside event schemas. Legal dates are JST calendar dates (DT-1). */

/** `isoDate` + `days` calendar days, or null when `isoDate` is not a real date. */
export const addDays = (isoDate: string, days: number): string | null => {
  const date = DateTime.fromISO(isoDate, { zone: 'Asia/Tokyo' });
  return date.isValid ? date.plus({ days }).toISODate() : null;
};

/** ISO dates order as strings; true when `a` is on or after `b`. */
export const onOrAfter = (a: string, b: string): boolean => a >= b;

/** Reports a broken cross-field rule at `path`, relative to the object being refined. */
export const fail = (ctx: z.RefinementCtx, path: string | readonly string[], message: string): void => {
  ctx.addIssue({ code: 'custom', path: typeof path === 'string' ? [path] : [...path], message });
};
