import type { IsoDate } from '../../../../events/values.js';
import { isBefore } from '../../../register/domain/rules/calendar.js';
import type { ResidentStatus } from '../../../register/domain/status-types.js';
import type { LapseRow } from '../../read-models/types.js';
import { optionalMunicipality } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { statusFromLog } from '../from-log.js';
import { connectionOf, type Fetch } from '../paging.js';
import { presentResident } from '../present-resident.js';
import { SUBJECT } from '../subject.js';

/** `addressLapses`: the address-lapse triggers (Art. 22-4(1)(viii), (ix); CAN-3). */

interface LapseArgs {
  readonly asOf?: IsoDate | null;
  readonly municipality?: string | null;
  readonly ground?: 'viii' | 'ix' | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A lapse row with, for a past date, the status it was confirmed against. */
type LapseNode = LapseRow & { readonly [SUBJECT]: string; readonly status: ResidentStatus | null };

const nodeOf = (row: LapseRow, status: ResidentStatus | null): LapseNode => ({ [SUBJECT]: row.residentId, ...row, status });

/**
 * For a past `asOf` the read model (kept as of today) may hold a ground that did not yet exist on
 * that date, or state it as later facts left it: each row is confirmed with the status computed
 * from the log at `asOf`, and answered as that status states it.
 */
const confirmedAt = (ctx: GraphqlContext, asOf: IsoDate) => {
  const statuses = new Map<string, Promise<ResidentStatus | null>>();
  return async (row: LapseRow): Promise<LapseNode | null> => {
    const pending = statuses.get(row.residentId) ?? statusFromLog(ctx.sources.store, row.residentId, asOf);
    statuses.set(row.residentId, pending);
    const status = await pending;
    const ground = status?.cancellationGrounds.find((g) => g.ground === row.ground && g.from === row.from && !isBefore(asOf, g.from));
    if (status === null || ground === undefined) return null;
    const { from, strictFrom, clockStartedOn, curedLateOn, state, knownSince } = ground;
    return nodeOf({ ...row, from, strictFrom, clockStartedOn, curedLateOn, state, knownSince }, status);
  };
};

const countSelected = async (fetch: Fetch<LapseRow>, select: (row: LapseRow) => Promise<LapseNode | null>): Promise<number> => {
  let count = 0;
  for (let page = fetch(100, null); ; page = fetch(100, page.endCursor)) {
    for (const row of page.items) if ((await select(row)) !== null) count += 1;
    if (!page.hasNextPage || page.endCursor === null) return count;
  }
};

export const addressLapses = (_: unknown, args: LapseArgs, ctx: GraphqlContext) => {
  const asOf = args.asOf ?? ctx.today;
  const query = { fromOnOrBefore: asOf, municipalityCode: optionalMunicipality('municipality', args.municipality), ground: args.ground ?? undefined };
  const fetch: Fetch<LapseRow> = (first, after) => ctx.sources.readModels.addressLapses(query, first, after);
  const past = isBefore(asOf, ctx.today);
  const select = past ? confirmedAt(ctx, asOf) : (row: LapseRow) => nodeOf(row, null);
  const totalCount = past ? () => countSelected(fetch, confirmedAt(ctx, asOf)) : () => fetch(1, null).totalCount;
  return connectionOf({ connection: 'addressLapses', fetch, first: args.first, after: args.after, select, totalCount });
};

/** The resident at the query's date: the confirming status for a past date, else the continuous-status view. */
const resident = (node: LapseNode, _: unknown, ctx: GraphqlContext) => {
  if (node.status !== null) return presentResident(node.residentId, node.status);
  const row = ctx.sources.readModels.statusOf(node.residentId);
  return row === null ? null : presentResident(node.residentId, row.status);
};

export const lapseTypeResolvers = { AddressLapse: { resident } };
