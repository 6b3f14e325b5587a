import type { IsoDate } from '../../../../events/values.js';
import { isAuditCursor, type AuditEntry, type AuditLog } from '../../audit/audit-log.js';
import type { CountDimension } from '../../read-models/types.js';
import { residentIdArg } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { connectionOf } from '../paging.js';

import { pastStatistics, PastStatisticsTooLargeError } from './past-statistics.js';
import { statisticsOverTime } from './statistics-over-time.js';

/** `statistics`, `statisticsOverTime` (no personal data) and `auditLog` (for auditors). */

/**
 * Today's counts come from the counts read model; a past date is counted from the log through the
 * status function (decision 2), up to a size where that is still an online answer.
 */
const statistics = async (_: unknown, args: { readonly asOf?: IsoDate | null; readonly groupBy: CountDimension }, ctx: GraphqlContext) => {
  const asOf = args.asOf ?? ctx.today;
  if (asOf === ctx.today) return ctx.sources.readModels.counts(args.groupBy);
  if (asOf > ctx.today) throw badUserInput(`asOf: statistics cannot be given for a future date (today is ${ctx.today})`);
  try {
    return await pastStatistics(ctx.sources.store, asOf, args.groupBy);
  } catch (error) {
    if (error instanceof PastStatisticsTooLargeError) throw badUserInput(`asOf: ${error.message}`);
    throw error;
  }
};

interface AuditArgs {
  readonly residentId?: string | null;
  readonly actor?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

const entryNode = (entry: AuditEntry) => ({ ...entry, id: String(entry.id), actorRole: entry.actor.role, actorId: entry.actor.id });

/** The audit log, oldest first, filtered by resident and by actor id. */
const auditLogOf = (audit: AuditLog) => (_: unknown, args: AuditArgs) => {
  const query = {
    residentId: args.residentId === null || args.residentId === undefined ? undefined : residentIdArg('residentId', args.residentId),
    actorId: args.actor ?? undefined,
  };
  return connectionOf({
    connection: 'auditLog',
    fetch: (first, after) => {
      if (after !== null && !isAuditCursor(after)) throw badUserInput('after: not a cursor of auditLog');
      return audit.entries(query, first, after);
    },
    first: args.first,
    after: args.after,
    select: entryNode,
    totalCount: () => audit.entries(query, 1, null).totalCount,
  });
};

export const aggregateQueries = (audit: AuditLog) => ({ statistics, statisticsOverTime, auditLog: auditLogOf(audit) });
