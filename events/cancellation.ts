import { z } from 'zod';
import { CancellationGround } from './cancellation-grounds.js';
import { addDays, fail, onOrAfter } from './refine.js';
import { IsoDate, ResidentId } from './values.js';

const PUBLIC_NOTICE_DAYS = 14; // Art. 61-9-2(8): two weeks counted from the first day of posting

const distinct = (grounds: readonly CancellationGround[]): boolean => new Set(grounds).size === grounds.length;
const Grounds = z.array(CancellationGround).min(1).refine(distinct, 'must not repeat a ground');

/** The hearing notice stating date, place and facts, served in advance (Art. 22-4(3); service 61-9-2). */
export const HearingNoticeServed = z.object({
  type: z.literal('HearingNoticeServed'),
  data: z
    .object({
      residentId: ResidentId,
      servedOn: IsoDate, // for public notice, the day it is deemed served
      method: z.enum(['hand', 'post', 'oral', 'public-notice']), // Art. 61-9-2; oral if urgent, 22-4(3)
      postedFrom: IsoDate.optional(), // Art. 61-9-2(6): first day on the MOJ notice board
      hearingOn: IsoDate, // Art. 22-4(3): stated in the notice
      grounds: Grounds, // Art. 22-4(3): the facts giving rise to cancellation
    })
    .superRefine((data, ctx) => {
      const publicNotice = data.method === 'public-notice';
      if (publicNotice && data.postedFrom === undefined)
        fail(ctx, 'postedFrom', 'is required for service by public notice (Art. 61-9-2(6))');
      if (!publicNotice && data.postedFrom !== undefined)
        fail(ctx, 'postedFrom', 'is only for service by public notice (Art. 61-9-2(6))');
      if (publicNotice && data.postedFrom !== undefined && data.servedOn !== addDays(data.postedFrom, PUBLIC_NOTICE_DAYS))
        fail(ctx, 'servedOn', 'must be postedFrom + 14 days: deemed service after two weeks (Art. 61-9-2(8))');
      if (onOrAfter(data.servedOn, data.hearingOn))
        fail(ctx, 'hearingOn', 'must be after servedOn: the notice is served in advance (Art. 22-4(3))');
    }),
});
export type HearingNoticeServed = z.infer<typeof HearingNoticeServed>;

/** Conditions attached to the departure period (Art. 22-4(8)). */
export const DepartureCondition = z.enum(['residence-restricted', 'movement-restricted', 'other']);
export type DepartureCondition = z.infer<typeof DepartureCondition>;

const MAX_DEPARTURE_DAYS = 30; // Art. 22-4(7)
const WITHOUT_PERIOD: ReadonlySet<CancellationGround> = new Set(['i', 'ii']); // Art. 22-4(7)
// Art. 22-4(7): no period for (i), (ii); for (v) it may be omitted when absconding is feared
const PERIOD_MAY_BE_OMITTED: ReadonlySet<CancellationGround> = new Set(['i', 'ii', 'v']);

type DepartureFields = {
  cancelledOn: string;
  grounds: CancellationGround[];
  departBy: string | null;
  conditions?: DepartureCondition[] | undefined;
};

const departureRules = (data: DepartureFields, ctx: z.RefinementCtx): void => {
  if (data.departBy === null) {
    if (!data.grounds.some((g) => PERIOD_MAY_BE_OMITTED.has(g)))
      fail(ctx, 'departBy', 'a departure period of up to 30 days must be designated for grounds (iii)–(x) (Art. 22-4(7))');
    if (data.conditions !== undefined) fail(ctx, 'conditions', 'are attached to a departure period only (Art. 22-4(8))');
    return;
  }
  if (data.grounds.every((g) => WITHOUT_PERIOD.has(g)))
    fail(ctx, 'departBy', 'must be null: no departure period for grounds (i) and (ii) (Art. 22-4(7))');
  const latest = addDays(data.cancelledOn, MAX_DEPARTURE_DAYS) ?? data.cancelledOn;
  if (onOrAfter(data.cancelledOn, data.departBy) || !onOrAfter(latest, data.departBy))
    fail(ctx, 'departBy', 'must fall within the 30 days after cancelledOn (Art. 22-4(7))');
};

/** Cancellation effected by serving the written notice (Art. 22-4(6)); the status ends that day. */
export const StatusOfResidenceCancelled = z.object({
  type: z.literal('StatusOfResidenceCancelled'),
  data: z
    .object({
      residentId: ResidentId,
      cancelledOn: IsoDate, // Art. 22-4(6): the day the cancellation notice was served
      grounds: Grounds, // Art. 22-4(1)
      departBy: IsoDate.nullable(), // Art. 22-4(7), (9): last day of the departure period; never rolled forward
      conditions: z.array(DepartureCondition).min(1).optional(), // Art. 22-4(8), (9)
    })
    .superRefine(departureRules),
});
export type StatusOfResidenceCancelled = z.infer<typeof StatusOfResidenceCancelled>;
