import type { IsoDate } from '../../../events/values.js';
import { isAfter, isBefore, isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { stayAt } from './stay.js';
import type { MltrEntry, StatusContext } from './status-types.js';

/**
 * MLTR-2: the periods that begin when a grant makes the person newly an MLTR. The facts filed in a
 * period belong to its 19-7 / 19-8 duty and its 22-4(1)(viii) clock; the next newly entry closes it.
 */
export interface EntryWindow {
  readonly entry: MltrEntry;
  /** The landing or permission date (MLTR-2: the card issue date). */
  readonly from: IsoDate;
  /** The next newly entry, exclusive; null while none follows. */
  readonly until: IsoDate | null;
}

/** MLTR-2, Arts. 19-7, 19-8, 22-4(1)(viii): every newly entry with the period it opens. */
export const entryWindows = (ctx: StatusContext): EntryWindow[] => {
  const newly = ctx.entries.filter((e) => e.newly);
  return newly.map((entry, i) => ({ entry, from: entry.grant.on, until: newly[i + 1]?.grant.on ?? null }));
};

/** MLTR-2, Arts. 19-7, 19-8: true if `date` falls in the window. */
export const inWindow = (window: EntryWindow, date: IsoDate): boolean =>
  isOnOrAfter(date, window.from) && (window.until === null || isBefore(date, window.until));

/** MLTR-2: the window of the MLTR period that `date` falls in, if any. */
export const windowAt = (ctx: StatusContext, date: IsoDate): EntryWindow | null =>
  entryWindows(ctx).find((w) => inWindow(w, date)) ?? null;

/**
 * REG-3, MLTR-3, Art. 22-4(1): the person stopped holding a status after `from` and by the end of `upTo` — the stay
 * at `upTo` is not a status, or a later grant had to restore a status that had ended.
 */
export const statusLostBetween = (ctx: StatusContext, from: IsoDate, upTo: IsoDate): boolean =>
  ctx.stayOn(upTo).kind !== 'status' ||
  ctx.timeline.grants.some((g, i) => isAfter(g.on, from) && isOnOrBefore(g.on, upTo) && stayAt(ctx.timeline, g.on, i).kind === 'ended');
