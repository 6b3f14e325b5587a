import type { RecordedFact } from './address-facts.js';
import { factsOf } from './facts.js';
import { isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { acquisitionApplicationDeadline, identityChangeDeadline } from './rules/deadlines.js';
import { obligationAt } from './residence-duty-state.js';
import type { ResidenceHistory } from './residence-history.js';
import type { ObligationView, StatusContext } from './status-types.js';

/** NOTIF-4, Art. 19-10(1): 14 days from a change of name, date of birth, sex or nationality, for an MLTR. */
export const identityChangeDuties = (ctx: StatusContext): ObligationView[] =>
  factsOf(ctx.timeline.facts, 'IdentityParticularsChanged')
    .map(({ event: { data } }) => data)
    .filter((change) => isOnOrBefore(change.changedOn, ctx.asOf) && ctx.mltrOn(change.changedOn))
    .map((change) =>
      obligationAt(
        {
          duty: '19-10',
          subject: `identity change ${change.changedOn}`,
          deadline: identityChangeDeadline(change.changedOn, ctx.policy.calendar),
          filedOn: change.notifiedOn,
        },
        ctx.asOf,
      ),
    );

/** APP-5, Art. 22-2(2): a child born in Japan must apply for a status within 30 days from the birth. */
export const acquisitionAfterBirthDuties = (ctx: StatusContext, history: ResidenceHistory): ObligationView[] =>
  history.facts.current
    .filter((f): f is RecordedFact => f.kind === 'recorded' && f.reason === 'birth' && isOnOrBefore(f.establishedOn, ctx.asOf))
    .slice(0, 1)
    .map((birth) => {
      const bornOn = birth.establishedOn;
      const application = ctx.timeline.applications
        .filter((a) => a.kind === 'acquisition' && isOnOrAfter(a.filedOn, bornOn))
        .sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.revision - b.revision))[0];
      return obligationAt(
        {
          duty: '22-2(2)',
          subject: `birth ${bornOn}`,
          deadline: acquisitionApplicationDeadline(bornOn, ctx.policy.calendar),
          filedOn: application?.filedOn ?? null,
        },
        ctx.asOf,
      );
    });
