import { z } from 'zod';
import { addDays, fail, onOrAfter } from './refine.js';
import { IsoDate, ResidentId } from './values.js';

/** The ten grounds of Art. 22-4(1), by item number (CAN-2). */
export const CancellationGround = z.enum(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']);
export type CancellationGround = z.infer<typeof CancellationGround>;

/** Grounds that arise by the passing of time, so the register's clock can detect them (CAN-3). */
export const TimedCancellationGround = CancellationGround.extract(['vi', 'vii', 'viii', 'ix']);
export type TimedCancellationGround = z.infer<typeof TimedCancellationGround>;

/** Grounds with a "justifiable reason" exception (Art. 22-4(1)(v)–(ix)). */
export const JustifiableCancellationGround = CancellationGround.extract(['v', 'vi', 'vii', 'viii', 'ix']);
export type JustifiableCancellationGround = z.infer<typeof JustifiableCancellationGround>;

const NO_ROLL_FORWARD: ReadonlySet<TimedCancellationGround> = new Set(['vi', 'vii']); // DT-6: not filing deadlines

/**
 * The clock found that the statutory condition of a timed ground holds: a candidate, never a decision
 * (CAN-1). `groundFrom` is the day after the effective deadline, or after the nominal one under the
 * strict reading of DT-6 (rules.md §16 #1).
 */
export const CancellationGroundDetected = z.object({
  type: z.literal('CancellationGroundDetected'),
  data: z
    .object({
      residentId: ResidentId,
      ground: TimedCancellationGround, // Art. 22-4(1)(vi)–(ix)
      groundFrom: IsoDate, // first day the condition holds
      clockStartedOn: IsoDate, // landing/permission (viii), leaving (ix), last day of activity (vi), (vii)
      nominalDeadline: IsoDate, // Civil Code Arts. 140, 143 (DT-2, DT-3)
      effectiveDeadline: IsoDate, // after the closed-day roll-forward (DT-6)
      likelyJustification: z.enum(['ABROAD_ON_REENTRY_PERMIT']).optional(), // CAN-3: a hint, never suppresses
      asOf: IsoDate, // the as-of date of the clock tick that detected it
    })
    .superRefine((data, ctx) => {
      const { ground, nominalDeadline, effectiveDeadline, groundFrom } = data;
      if (!onOrAfter(effectiveDeadline, nominalDeadline)) fail(ctx, 'effectiveDeadline', 'must not be before nominalDeadline (DT-6)');
      if (NO_ROLL_FORWARD.has(ground) && effectiveDeadline !== nominalDeadline)
        fail(ctx, 'effectiveDeadline', `must equal nominalDeadline: the period of ground (${ground}) is not rolled forward (DT-6)`);
      if (groundFrom !== addDays(effectiveDeadline, 1) && groundFrom !== addDays(nominalDeadline, 1))
        fail(ctx, 'groundFrom', 'must be the day after the effective (or, strict reading, nominal) deadline (CAN-3)');
      if (!onOrAfter(data.asOf, groundFrom)) fail(ctx, 'asOf', 'must not be before groundFrom');
      if (onOrAfter(data.clockStartedOn, nominalDeadline)) fail(ctx, 'nominalDeadline', 'must be after clockStartedOn (DT-2)');
    }),
});
export type CancellationGroundDetected = z.infer<typeof CancellationGroundDetected>;

/** A later fact removed a detected candidate (architecture decision 7). */
export const CancellationGroundWithdrawn = z.object({
  type: z.literal('CancellationGroundWithdrawn'),
  data: z.object({
    residentId: ResidentId,
    ground: TimedCancellationGround,
    groundFrom: IsoDate, // identifies the candidate withdrawn
    reason: z.enum([
      'notified-in-time-relayed-late', // MUNI-3: timeliness is judged on the filing date
      'justifiable-reason', // Art. 22-4(1)(v)–(ix)
      'record-restored', // Art. 61-8-2 correction withdrew the deletion (CAN-3 (ix))
      'moot', // REG-3: the person no longer holds a status
      'correction', // a corrected fact moves or removes the clock
    ]),
  }),
});
export type CancellationGroundWithdrawn = z.infer<typeof CancellationGroundWithdrawn>;

/** Published agency examples of a justifiable reason (CAN-3, [agency, verify]). */
export const JustifiableReason = z.enum([
  'employer-bankruptcy-or-dismissal',
  'domestic-violence-shelter',
  'hospitalisation',
  'abroad-on-reentry-permit',
  'nature-of-activities',
  'job-hunting-or-awaiting-school', // (vi): active job-hunting, waiting to enter a new school
  'other',
]);
export type JustifiableReason = z.infer<typeof JustifiableReason>;

/** An officer's decision that a justifiable reason exists; never automatic (rules.md §16 #7). */
export const JustifiableReasonRecorded = z.object({
  type: z.literal('JustifiableReasonRecorded'),
  data: z.object({
    residentId: ResidentId,
    ground: JustifiableCancellationGround, // Art. 22-4(1)(v)–(ix): "正当な理由がある場合を除く"
    groundFrom: IsoDate.optional(), // the candidate it answers, when there is one
    reason: JustifiableReason,
    decidedOn: IsoDate,
  }),
});
export type JustifiableReasonRecorded = z.infer<typeof JustifiableReasonRecorded>;
