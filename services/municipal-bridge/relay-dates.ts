import type { z } from 'zod';

/** The dates a relay may carry; ISO dates compare as strings. */
interface RelayDates {
  readonly type: string;
  readonly dateOfBirth: string;
  readonly notifiedOn: string;
  readonly movedInOn?: string | undefined;
  readonly movedOutOn?: string | undefined;
  readonly correctedNotifiedOn?: string | undefined;
}

const issue = (ctx: z.RefinementCtx, field: string, message: string): void => {
  ctx.addIssue({ code: 'custom', path: [field], message });
};

/**
 * Plausible order of a relay's legal dates (decision 9). Nothing happens before birth; a residence
 * notification (Arts. 19-7 to 19-9) and a resident-record entry are made on or after moving in. A
 * moving-out notice may be filed before the move (BRRA Art. 24), so a deletion has no such rule.
 */
export const relayDateOrder = (relay: RelayDates, ctx: z.RefinementCtx): void => {
  const born = relay.dateOfBirth;
  for (const field of ['notifiedOn', 'movedInOn', 'movedOutOn', 'correctedNotifiedOn'] as const) {
    const value = relay[field];
    if (value !== undefined && value < born) issue(ctx, field, `must not be before dateOfBirth (${born})`);
  }
  const filedAfterMove = relay.type === 'residence-notification' || relay.type === 'resident-record-entry';
  if (filedAfterMove && relay.movedInOn !== undefined && relay.notifiedOn < relay.movedInOn)
    issue(ctx, 'notifiedOn', `must be on or after movedInOn (${relay.movedInOn}): a notification or entry follows the move`);
};

/**
 * Filing and moving-in dates later than today (JST) are not facts yet. A moved-out date may be: a
 * moving-out notice is filed before the move (BRRA Art. 24).
 */
export const futureDateErrors = (relay: RelayDates, today: string): { field: string; rule: string }[] =>
  (['notifiedOn', 'movedInOn', 'correctedNotifiedOn'] as const).flatMap((field) => {
    const value = relay[field];
    return value !== undefined && value > today ? [{ field, rule: `must not be after today (${today}, JST)` }] : [];
  });
