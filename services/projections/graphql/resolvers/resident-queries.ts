import type { Instant, IsoDate } from '../../../../events/values.js';
import type { CardView } from '../../../register/domain/status-types.js';
import type { CardRow } from '../../read-models/types.js';
import { cardNumberArg, residentIdArg } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { statusFromLog, statusFromViewOrLog } from '../from-log.js';
import { presentResident, type ResidentNode } from '../present-resident.js';

/** `resident`, `residentByCard`, `cardValidity`: one person or one card, at a legal date. */

interface ResidentArgs {
  readonly id: string;
  readonly asOf?: IsoDate | null;
  readonly knownAt?: Instant | null;
}

interface CardArgs {
  readonly number: string;
  readonly asOf?: IsoDate | null;
}

/** Unknown resident → null (the field is nullable; a NOT_FOUND error would tell no more). */
const resident = async (_: unknown, args: ResidentArgs, ctx: GraphqlContext): Promise<ResidentNode | null> => {
  const id = residentIdArg('id', args.id);
  const status = await statusFromViewOrLog(ctx.sources, id, args.asOf ?? ctx.today, args.knownAt);
  return status === null ? null : presentResident(id, status);
};

/** The card index names the holder; the holder's status at `asOf` must show the card (issued by then). */
const residentByCard = async (_: unknown, args: CardArgs, ctx: GraphqlContext): Promise<ResidentNode | null> => {
  const number = cardNumberArg('number', args.number);
  const row = ctx.sources.readModels.card(number);
  if (row === null) return null;
  const status = await statusFromViewOrLog(ctx.sources, row.residentId, args.asOf ?? ctx.today);
  if (status === null || !status.cards.some((card) => card.cardNumber === number)) return null;
  return presentResident(row.residentId, status);
};

type Validity = { readonly validity: 'VALID' | 'INVALID' | 'UNKNOWN'; readonly reason: string | null; readonly since: IsoDate | null };

const ofRow = (row: CardRow): Validity =>
  row.valid ? { validity: 'VALID', reason: null, since: null } : { validity: 'INVALID', reason: row.invalidItem, since: row.invalidSince };

/** INV-1: the primary ground is the earliest one. */
const ofView = (card: CardView): Validity => {
  const primary = card.invalidity[0];
  return card.valid || primary === undefined ? { validity: 'VALID', reason: null, since: null } : { validity: 'INVALID', reason: primary.item, since: primary.since };
};

/**
 * Art. 19-14, the register's counterpart of the card-number lapse inquiry: the card index answers
 * for its own date, the log for any other. No personal data: no resident id, no particulars.
 */
const cardValidity = async (_: unknown, args: CardArgs, ctx: GraphqlContext) => {
  const number = cardNumberArg('number', args.number);
  const asOf = args.asOf ?? ctx.today;
  const row = ctx.sources.readModels.card(number);
  const unknown: Validity = { validity: 'UNKNOWN', reason: null, since: null };
  if (row === null) return { number, asOf, ...unknown };
  if (row.asOf === asOf) return { number, asOf, ...ofRow(row) };
  const status = await statusFromLog(ctx.sources.store, row.residentId, asOf);
  const card = status?.cards.find((c) => c.cardNumber === number);
  return { number, asOf, ...(card === undefined ? unknown : ofView(card)) };
};

export const residentQueries = { resident, residentByCard, cardValidity };
