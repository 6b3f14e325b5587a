import type { DemoRegister } from '../../projections/graphql/testing/demo-register.js';

/** Residents of the demo population that show what each browser test needs, found through the API. */
export interface PageFixtures {
  /** Landed during the demo and holds a card today: not yet a mid-to-long-term resident the day before landing. */
  readonly landed: { readonly id: string; readonly cardNumber: string; readonly dayBefore: string };
  /** Has an address relay of 2024 or later recorded more than 14 days after its legal date. */
  readonly late: { readonly id: string; readonly legalDate: string; readonly recordedOn: string };
  /** Resident ids of today's address-lapse list. */
  readonly lapses: readonly string[];
}

interface HistoryEntry {
  readonly type: string;
  readonly recordedAt: string;
  readonly sourceKind: string;
  readonly legalDates: readonly { readonly name: string; readonly date: string }[];
}

const DAY = 86_400_000;
const jstDate = (instant: string): string => new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);
const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

const dataOf = <T>(answer: { status: number; body: unknown }): T => {
  const body = answer.body as { data?: T; errors?: unknown };
  if (answer.status !== 200 || body.data === undefined || body.errors !== undefined) throw new Error(`GraphQL answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return body.data;
};

/** Address relays of municipal offices (Arts. 19-7 to 19-9, 61-8-2); the demo keys them in as an officer. */
const RELAYED = new Set(['ResidenceAddressNotified', 'ResidenceAddressVacated', 'ResidenceAddressCorrected', 'ResidentRecordEntered']);

/** The same reading the page makes: the latest legal date on or before the recording day. */
const lateRelay = (entry: HistoryEntry): { legalDate: string; recordedOn: string } | null => {
  const recordedOn = jstDate(entry.recordedAt);
  const legalDate = entry.legalDates.map((d) => d.date).filter((d) => d <= recordedOn).sort().at(-1);
  if (!(entry.sourceKind === 'MUNICIPALITY' || RELAYED.has(entry.type)) || legalDate === undefined) return null;
  // From 2024 on: the demo loads earlier lives as a migration in December 2023, late by design.
  return legalDate >= '2024-01-01' && (Date.parse(recordedOn) - Date.parse(legalDate)) / DAY > 14 ? { legalDate, recordedOn } : null;
};

export const findFixtures = async (register: DemoRegister): Promise<PageFixtures> => {
  type Residents = { residents: { edges: { node: { id: string; midToLongTermResident: { is: boolean }; card: { number: string; valid: boolean } | null } }[] } };
  const { residents } = dataOf<Residents>(await register.graphql('analyst', '{ residents(first: 100) { edges { node { id midToLongTermResident { is } card { number valid } } } } }'));
  let landed: PageFixtures['landed'] | undefined;
  let late: PageFixtures['late'] | undefined;
  for (const { node } of residents.edges) {
    const { history } = dataOf<{ history: HistoryEntry[] }>(
      await register.graphql('analyst', `{ history(residentId: "${node.id}") { type recordedAt sourceKind legalDates { name date } } }`),
    );
    const landing = history.find((e) => e.type === 'LandingPermitted')?.legalDates.find((d) => d.name === 'permittedOn')?.date;
    if (landed === undefined && landing !== undefined && landing > '2024-06-01' && node.midToLongTermResident.is && node.card?.valid === true)
      landed = { id: node.id, cardNumber: node.card.number, dayBefore: dayBefore(landing) };
    const relay = history.map(lateRelay).find((found) => found !== null);
    if (late === undefined && relay !== undefined && relay !== null) late = { id: node.id, ...relay };
  }
  type Lapses = { addressLapses: { edges: { node: { residentId: string } }[] } };
  const lapses = dataOf<Lapses>(await register.graphql('analyst', '{ addressLapses(first: 100) { edges { node { residentId } } } }')).addressLapses.edges.map((e) => e.node.residentId);
  if (landed === undefined || late === undefined || lapses.length < 3)
    throw new Error(`the demo population lacks a fixture: landed ${String(landed !== undefined)}, late relay ${String(late !== undefined)}, lapses ${lapses.length}`);
  return { landed, late, lapses };
};
