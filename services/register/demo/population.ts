import type { StatusOfResidence } from '../../../events/status-of-residence.js';
import type { IsoDate } from '../../../events/values.js';
import { dayOf, isoOf } from './days.js';
import { alreadyResident, bornInJapan, newcomer } from './opening.js';
import { birthDay, drawNationality, drawPerson } from './people.js';
import { drawMunicipality } from './places.js';
import { seededRandom, type Random } from './prng.js';
import { simulate } from './simulate.js';
import { drawStatusProfile } from './status-profiles.js';
import { ARRIVALS_END, DEFAULT_UNTIL, newStory, plannedCommands, WINDOW_START, type PlannedCommand } from './story.js';

export { DEFAULT_UNTIL, type PlannedCommand } from './story.js';

/** Who the person is when their life in the register begins (for statistics and tests). */
export interface ResidentProfile {
  /** The status held at 2024-01-01, on landing, or on acquiring a status at birth. */
  readonly status: StatusOfResidence;
  readonly nationality: string;
  readonly municipalityCode: string;
  readonly dateOfBirth: IsoDate;
  readonly arrival: 'already-resident' | 'landing' | 'birth';
  readonly arrivedOn: IsoDate | null;
}

export interface GeneratedResident {
  /** 0-based position in the population; with the seed it determines everything else. */
  readonly index: number;
  readonly residentId: string;
  readonly profile: ResidentProfile;
  /** In the order the register learns them (recordedAt), each with its idempotency key. */
  readonly commands: readonly PlannedCommand[];
}

export interface PopulationOptions {
  readonly residents: number;
  readonly seed: string | number;
  /** Last day (JST) of the register's history; default 2026-11-20. */
  readonly until?: IsoDate;
  /** First index to generate (default 0): a shard of a larger population is the same people. */
  readonly firstIndex?: number;
}

/** A version-4-shaped UUID from the seeded generator (RFC 9562 version and variant bits set). */
const uuidFrom = (rng: Random): string => {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'.charAt(rng.int(0, 3));
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

const BORN_HERE: ReadonlySet<string> = new Set(['dependent', 'spouse-or-child-of-permanent-resident']);

/** One resident, from the seed and their index alone: independent of every other resident. */
export const generateResident = (seed: string | number, index: number, until: IsoDate = DEFAULT_UNTIL): GeneratedResident => {
  const rng = seededRandom(`${String(seed)}/${index}`);
  const residentId = uuidFrom(rng);
  const profile = drawStatusProfile(rng);
  const stock = rng.chance(profile.stock);
  const child = rng.chance(profile.children);
  const birth = !stock && child && BORN_HERE.has(profile.status) && rng.chance(0.3);
  const start = stock ? WINDOW_START : rng.int(WINDOW_START, ARRIVALS_END);
  const age = child ? rng.int(stock ? 1 : 0, 15) : rng.int(profile.ages[0], profile.ages[1]);
  const born = birth ? start : birthDay(rng, start, age, child ? 0.02 : 0.004);
  const nationality = drawNationality(rng, profile.status);
  const municipality = drawMunicipality(rng);
  const story = newStory(rng, index, residentId, drawPerson(rng, nationality, born));
  const from = stock ? alreadyResident(story, profile.status, child, municipality)
    : birth ? bornInJapan(story, profile.status, municipality)
    : newcomer(story, profile.status, child, municipality, start);
  const status = story.held?.status ?? profile.status;
  simulate(story, from, dayOf(until));
  return {
    index, residentId, commands: plannedCommands(story, dayOf(until)),
    profile: {
      status, nationality, municipalityCode: municipality.code, dateOfBirth: story.person.dateOfBirth,
      arrival: stock ? 'already-resident' : birth ? 'birth' : 'landing', arrivedOn: stock ? null : isoOf(start),
    },
  };
};

/**
 * The demo population, one resident at a time (lazily: a benchmark over millions of residents holds
 * one story in memory at a time). The same options always give the same residents and commands.
 */
export function* generatePopulation(options: PopulationOptions): Generator<GeneratedResident, void, undefined> {
  const first = options.firstIndex ?? 0;
  for (let index = first; index < first + options.residents; index += 1)
    yield generateResident(options.seed, index, options.until ?? DEFAULT_UNTIL);
}
