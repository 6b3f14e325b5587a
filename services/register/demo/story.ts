import type { StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';
import type { Instant, Organization, PersonalParticulars } from '../../../events/values.js';
import type { ResidentCommand } from '../domain/commands.js';
import { dayOf, firstDayAged, isoOf, type Day } from './days.js';
import type { Municipality } from './places.js';
import type { Random } from './prng.js';

/** One command of the demo with the instant the register records it and its idempotency key. */
export interface PlannedCommand {
  readonly command: ResidentCommand;
  readonly recordedAt: Instant;
  readonly idempotencyKey: string;
}

/** The status held, as the last permission granted it (the demo's own memory, not the register's). */
export interface Held {
  readonly status: StatusOfResidence;
  readonly attributes: StatusAttributes;
  readonly periodOfStay: string;
  readonly expiresOn: Day | null;
  /** When the holder acts on the coming expiry: extend, change or leave (APP-1, APP-2). */
  readonly decideOn: Day | null;
}

export interface CardHeld {
  readonly number: string;
  readonly issuedOn: Day;
  readonly validUntil: Day;
  /** When a renewal under Art. 19-11 is applied for; null when the card runs to the period expiry. */
  readonly renewOn: Day | null;
}

export interface Home {
  readonly municipality: Municipality;
  readonly line: string;
}

interface Draft {
  readonly command: ResidentCommand;
  readonly day: Day;
  readonly second: number;
  readonly ordinal: number;
}

/** A resident's life as the generator writes it: what it remembers, and the commands so far. */
export interface Story {
  readonly rng: Random;
  readonly index: number;
  readonly residentId: string;
  readonly person: PersonalParticulars;
  readonly born: Day;
  held: Held | null;
  card: CardHeld | null;
  home: Home | null;
  organization: Organization | null;
  pendingPermanentResidence: { readonly applicationId: string; readonly decideOn: Day } | null;
  ended: boolean;
  readonly counters: { card: number; relay: number; application: number };
  readonly drafts: Draft[];
  readonly lastSecond: Map<Day, number>;
}

/** The first day of the register's window (2024-01-01): residents already in Japan are loaded before it. */
export const WINDOW_START: Day = dayOf('2024-01-01');
/** The default end of the demo, and the last day on which people arrive (their arrivals do not move with --until). */
export const DEFAULT_UNTIL = '2026-11-20';
export const ARRIVALS_END: Day = dayOf(DEFAULT_UNTIL);

export const newStory = (rng: Random, index: number, residentId: string, person: PersonalParticulars): Story => ({
  rng, index, residentId, person, born: dayOf(person.dateOfBirth), held: null, card: null, home: null, organization: null,
  pendingPermanentResidence: null, ended: false, counters: { card: 0, relay: 0, application: 0 }, drafts: [], lastSecond: new Map(),
});

/** Seconds after 09:00 JST (= 00:00Z) up to 23:59:59 JST, so the instant's JST date is the recording day. */
const LAST_SECOND = 14 * 3600 + 59 * 60 + 59;

/**
 * Records a command on `day` (JST) during office hours. Commands recorded on the same day keep the
 * order in which the story wrote them, so a grant always precedes the card that notifies it (20(4)).
 */
export const record = (story: Story, command: ResidentCommand, day: Day): void => {
  const previous = story.lastSecond.get(day);
  const second = Math.min(LAST_SECOND, previous === undefined ? story.rng.int(0, 7200) : previous + story.rng.int(20, 900));
  story.lastSecond.set(day, second);
  story.drafts.push({ command, day, second, ordinal: story.drafts.length });
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** JST office time as an instant in UTC: 09:00 JST is 00:00Z of the same date (DT-1). */
const instantOf = (day: Day, second: number): Instant =>
  `${isoOf(day)}T${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}Z`;

/** The story's commands in the order the register learns them, up to the end of `until` (JST). */
export const plannedCommands = (story: Story, until: Day): PlannedCommand[] =>
  story.drafts
    .filter((draft) => draft.day <= until)
    .sort((a, b) => a.day - b.day || a.second - b.second || a.ordinal - b.ordinal)
    .map((draft) => ({ command: draft.command, recordedAt: instantOf(draft.day, draft.second), idempotencyKey: `demo-${draft.ordinal}` }));

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Art. 19-4(2), CARD-2: a new number for every card; resident index and sequence keep them unique. */
export const nextCardNumber = (story: Story): string => {
  const sequence = story.counters.card;
  if (sequence >= 16) throw new RangeError(`resident ${story.index} would need more than 16 cards`);
  story.counters.card += 1;
  const letter = (): string => LETTERS.charAt(story.rng.int(0, LETTERS.length - 1));
  return `${letter()}${letter()}${String(story.index * 16 + sequence).padStart(8, '0')}${letter()}${letter()}`;
};

export const nextRelayId = (story: Story, municipalityCode: string, day: Day): string => {
  story.counters.relay += 1;
  return `relay-${municipalityCode}-${isoOf(day).replaceAll('-', '')}-${story.residentId.slice(0, 8)}-${story.counters.relay}`;
};

export const nextApplicationId = (story: Story, day: Day): string => {
  story.counters.application += 1;
  return `APP-${isoOf(day).slice(0, 4)}-${story.index}-${story.counters.application}`;
};

/** DT-7: under 16 at the end of the day (Art. 19-5(1)(ii), 61-9-3(2)). */
export const under16On = (story: Story, day: Day): boolean => day < firstDayAged(story.born, 16);

/** Who files for the person: a co-residing relative while under 16 (Art. 61-9-3(2)), else mostly the person. */
export const filer = (story: Story, day: Day): 'self' | 'relative' | 'agent' =>
  under16On(story, day) ? 'relative' : story.rng.chance(0.92) ? 'self' : 'agent';
