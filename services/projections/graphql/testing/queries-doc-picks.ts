import { at } from './answers.js';

/**
 * What the README's examples ask about, picked from the answers of earlier examples, so that every
 * answer is non-empty and the text around it stays true when the demo population changes. A pick
 * that the demo cannot supply fails with a message saying what is missing.
 */

/** The `data` of each example's answer, by example key. */
export type Answers = ReadonlyMap<string, unknown>;

export const dataOfExample = (answers: Answers, key: string): unknown => {
  const data = answers.get(key);
  if (data === undefined) throw new Error(`example "${key}" has not run yet`);
  return data;
};

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`the demo population gives no ${what}: change the seed or the examples`);
  return value;
};

const nodesOf = (connection: unknown): unknown[] => {
  const edges = at(connection, 'edges');
  return Array.isArray(edges) ? edges.map((edge: unknown) => at(edge, 'node')) : [];
};

/** The municipality with the most mid-to-long-term residents (ties: the lowest code; statistics orders them). */
export const busiestMunicipality = (statistics: unknown): string => text(at(statistics, 'statistics', 0, 'key'), 'municipality');

/** An address-lapse ground still open for cancellation (Art. 22-4(1)(viii), (ix)). */
export interface FeaturedLapse {
  readonly residentId: string;
  readonly ground: string;
  readonly clockStartedOn: string;
  readonly from: string;
  readonly knownSince: string;
}

/** The first candidate on the lapse list, preferring (ix), a move-out without a new residence: its history tells it. */
export const featuredLapse = (lapses: unknown): FeaturedLapse => {
  const candidates = nodesOf(at(lapses, 'addressLapses')).filter((node) => at(node, 'state') === 'CANDIDATE');
  const node = candidates.find((n) => at(n, 'ground') === 'IX') ?? candidates[0];
  return {
    residentId: text(at(node, 'residentId'), 'resident with a candidate address-lapse ground'),
    ground: text(at(node, 'ground'), 'lapse ground'),
    clockStartedOn: text(at(node, 'clockStartedOn'), 'clock start of a lapse ground'),
    from: text(at(node, 'from'), 'first day of a lapse ground'),
    knownSince: text(at(node, 'knownSince'), 'knowledge time of a lapse ground'),
  };
};

/** Start of the day (JST) the 90-day clock started: before the register recorded the fact that started it. */
export const knownBeforeClockStarted = (lapse: FeaturedLapse): string => `${lapse.clockStartedOn}T00:00:00+09:00`;

interface SeenCard {
  readonly number: string;
  readonly valid: boolean;
}

const cardOf = (card: unknown): SeenCard[] => {
  const number = at(card, 'number');
  const valid = at(card, 'valid');
  return typeof number === 'string' && typeof valid === 'boolean' ? [{ number, valid }] : [];
};

/** Every card the featured resident, the municipality's residents and the lapse list showed, in that order. */
const cardsSeen = (answers: Answers): SeenCard[] => [
  ...cardOf(at(dataOfExample(answers, 'resident'), 'resident', 'card')),
  ...nodesOf(at(dataOfExample(answers, 'residents'), 'residents')).flatMap((node) => cardOf(at(node, 'card'))),
  ...nodesOf(at(dataOfExample(answers, 'lapses'), 'addressLapses')).flatMap((node) => cardOf(at(node, 'resident', 'card'))),
];

/** A card in effect today and one that is not (Art. 19-14), from what the examples already showed. */
export const cardsToCheck = (answers: Answers): { readonly valid: string; readonly invalid: string } => {
  const seen = cardsSeen(answers);
  return {
    valid: text(seen.find((card) => card.valid)?.number, 'card in effect'),
    invalid: text(seen.find((card) => !card.valid)?.number, 'card without effect'),
  };
};
