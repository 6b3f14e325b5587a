import type { QuarantineEntry } from '../../../municipal-bridge/quarantine-store.js';
import type { Page } from '../../read-models/types.js';
import { optionalMunicipality } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { ApiError } from '../errors.js';
import { connectionOf } from '../paging.js';
import { SUBJECT } from '../subject.js';

interface QuarantineArgs {
  readonly state?: 'open' | 'applied' | null;
  readonly municipality?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/**
 * The audit names the resident once the relay is tied to one; before, the entry itself, so that an
 * auditor can still see who read the particulars of a person the register does not know yet.
 */
const present = (entry: QuarantineEntry) => ({
  [SUBJECT]: entry.residentId ?? `quarantine-${entry.id}`,
  id: String(entry.id),
  municipalityCode: entry.municipalityCode,
  receiptId: entry.receiptId,
  type: entry.type,
  reasonCode: entry.reason.code,
  reasonDetail: entry.reason.detail,
  state: entry.state,
  receivedAt: entry.receivedAt,
  updatedAt: entry.updatedAt,
  attempts: entry.attempts,
  resolvedAt: entry.resolvedAt,
  resolvedBy: entry.resolvedBy,
  residentId: entry.residentId,
  relay: JSON.stringify(entry.relay),
});

/** Issue #5: the officers' view of the bridge's quarantine (the same entries as GET /quarantine on the bridge). */
const quarantine = (_: unknown, args: QuarantineArgs, ctx: GraphqlContext) => {
  const source = ctx.sources.quarantine;
  if (source === undefined) throw new ApiError('UNAVAILABLE', 'the municipal bridge does not run on this node; ask the node that runs it');
  const query = { state: args.state ?? 'open', municipalityCode: optionalMunicipality('municipality', args.municipality) } as const;
  const fetch = (first: number, after: string | null): Page<QuarantineEntry> => {
    const afterId = after === null ? 0 : Number(after);
    const rows = source.list({ ...query, afterId, limit: first + 1 });
    const items = rows.slice(0, first);
    const last = items.at(-1);
    return { items, endCursor: last === undefined ? null : String(last.id), hasNextPage: rows.length > first, totalCount: source.count(query) };
  };
  return connectionOf({
    connection: 'quarantine',
    fetch,
    first: args.first,
    after: args.after,
    select: present,
    totalCount: () => source.count(query),
  });
};

export const quarantineQueries = { quarantine };
