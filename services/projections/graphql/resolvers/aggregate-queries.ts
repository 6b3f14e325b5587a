import type { IsoDate } from '../../../../events/values.js';
import { isAuditCursor, type AuditEntry, type AuditLog } from '../../audit/audit-log.js';
import type { CountDimension } from '../../read-models/types.js';
import { residentIdArg } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { connectionOf } from '../paging.js';

/** `statistics` (no personal data) and `auditLog` (for auditors). */

/**
 * The counts read model is kept as of the read models' date (today, JST): other dates are refused
 * rather than recomputed, since counting a past date would mean folding every resident's log.
 */
const statistics = (_: unknown, args: { readonly asOf?: IsoDate | null; readonly groupBy: CountDimension }, ctx: GraphqlContext) => {
  const asOf = args.asOf ?? ctx.today;
  if (asOf !== ctx.today) throw badUserInput(`asOf: statistics are served only for the read models' current date, ${ctx.today}`);
  return ctx.sources.readModels.counts(args.groupBy);
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

export const aggregateQueries = (audit: AuditLog) => ({ statistics, auditLog: auditLogOf(audit) });
