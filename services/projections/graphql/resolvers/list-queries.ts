import type { IsoDate } from '../../../../events/values.js';
import type { DeadlineKind, DeadlineRow, ResidentFilter } from '../../read-models/types.js';
import { dateRangeArg, optionalMunicipality, type DateRangeInput } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { connectionOf } from '../paging.js';
import { presentResident } from '../present-resident.js';
import { SUBJECT } from '../subject.js';
import { addressLapses } from './address-lapses.js';

/** `residents` and `deadlines`: pages of the read models, as of their own date. */

interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

interface ResidentFilterInput {
  readonly statusOfResidence?: string | null;
  readonly municipality?: string | null;
  readonly midToLongTermResident?: boolean | null;
  readonly cardExpiringBetween?: DateRangeInput | null;
  readonly overdueObligation?: string | null;
  readonly lapseGround?: 'viii' | 'ix' | null;
}

const toFilter = (input: ResidentFilterInput): ResidentFilter => ({
  statusOfResidence: input.statusOfResidence ?? undefined,
  municipalityCode: optionalMunicipality('filter.municipality', input.municipality),
  midToLongTermResident: input.midToLongTermResident ?? undefined,
  cardExpiringBetween: input.cardExpiringBetween ? dateRangeArg('filter.cardExpiringBetween', input.cardExpiringBetween) : undefined,
  overdueDuty: input.overdueObligation ?? undefined,
  lapseGround: input.lapseGround ?? undefined,
});

const residents = (_: unknown, args: PageArgs & { readonly filter?: ResidentFilterInput | null }, ctx: GraphqlContext) => {
  const filter = toFilter(args.filter ?? {});
  const readModels = ctx.sources.readModels;
  return connectionOf({
    connection: 'residents',
    fetch: (first, after) => readModels.residents(filter, first, after),
    first: args.first,
    after: args.after,
    select: (row) => presentResident(row.residentId, row.status),
    totalCount: () => readModels.residents(filter, 1, null).totalCount,
  });
};

interface DeadlineArgs extends PageArgs {
  readonly dueBetween: DateRangeInput;
  readonly kind?: DeadlineKind | null;
  readonly municipality?: string | null;
}

const deadlines = (_: unknown, args: DeadlineArgs, ctx: GraphqlContext) => {
  const range: { from: IsoDate; to: IsoDate } = dateRangeArg('dueBetween', args.dueBetween);
  const query = { dueFrom: range.from, dueTo: range.to, kind: args.kind ?? undefined, municipalityCode: optionalMunicipality('municipality', args.municipality) };
  const readModels = ctx.sources.readModels;
  return connectionOf({
    connection: 'deadlines',
    fetch: (first, after) => readModels.deadlines(query, first, after),
    first: args.first,
    after: args.after,
    select: (row: DeadlineRow) => ({ [SUBJECT]: row.residentId, ...row }),
    totalCount: () => readModels.deadlines(query, 1, null).totalCount,
  });
};

/** The resident as the continuous-status view holds it now (Art. 19-36(1)). */
export const currentResident = (residentId: string, ctx: GraphqlContext) => {
  const row = ctx.sources.readModels.statusOf(residentId);
  return row === null ? null : presentResident(residentId, row.status);
};

export const listQueries = { residents, addressLapses, deadlines };

export const listTypeResolvers = {
  Deadline: { resident: (node: { readonly residentId: string }, _: unknown, ctx: GraphqlContext) => currentResident(node.residentId, ctx) },
};
