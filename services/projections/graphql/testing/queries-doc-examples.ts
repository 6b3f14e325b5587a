import type { DemoRole } from './demo-register.js';
import {
  busiestMunicipality, cardsToCheck, dataOfExample, featuredLapse, knownBeforeClockStarted, type Answers,
} from './queries-doc-picks.js';
import * as Q from './queries-doc-queries.js';

/** One example of the README: what it answers, the request, and how to show a long answer. */
export interface DocExample {
  readonly title: string;
  /** Markdown: what the query answers, with the article where the law is involved. */
  readonly says: string;
  readonly role: DemoRole;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** README only: a list in the answer (path from the body) shown with its first `keep` items; the text says so. */
  readonly shorten?: { readonly path: readonly string[]; readonly keep: number };
}

/** An example whose request may use what earlier examples answered (see queries-doc-picks.ts). */
export interface ExampleStep {
  readonly key: string;
  readonly build: (answers: Answers, discovered: Discovered) => DocExample;
}

/** What is looked up before the examples, with a query that reads no personal data (not audited). */
export interface Discovered {
  readonly countsByMunicipality: unknown;
}

export const DEADLINES_FROM = '2026-11-20';
export const DEADLINES_TO = '2027-11-19';
/** Longer histories are cut in the README (the text says so); the demo's featured resident has fewer events. */
const HISTORY_SHOWN = 12;

const featured = (answers: Answers) => featuredLapse(dataOfExample(answers, 'lapses'));

export const EXAMPLES: readonly ExampleStep[] = [
  { key: 'statuses', build: () => ({
    title: 'Counts by status of residence', role: 'analyst', query: Q.COUNTS_BY_STATUS,
    says: 'How many mid-to-long-term residents (Art. 19-3) hold each status of residence (Appended Tables I, II) today, from the counts read model. No personal data, so not audited.',
  }) },
  { key: 'residents', build: (_answers, { countsByMunicipality }) => {
    const municipality = busiestMunicipality(countsByMunicipality);
    return {
      title: 'Residents of a municipality', role: 'analyst', query: Q.RESIDENTS_OF_MUNICIPALITY, variables: { municipality },
      says: `Who lives in municipality \`${municipality}\` (6-digit local government code, Art. 19-7(1); the demo's municipality with the most mid-to-long-term residents): the first 3 rows of the continuous-status view (Art. 19-36(1)), a Relay connection. A resident who moved out without a new residence is listed under the last municipality. Each resident returned is an audited read (Art. 19-36(3)).`,
    };
  } },
  { key: 'lapses', build: () => ({
    title: 'Address-lapse grounds', role: 'analyst', query: Q.ADDRESS_LAPSES,
    says: 'Who has an address-lapse ground for cancellation arising on or before today: (viii) no residence notified within 90 days of becoming a mid-to-long-term resident, (ix) no new residence notified within 90 days of leaving one (Art. 22-4(1)(viii), (ix)). `from` is the day after day 90 rolled forward past closed days, `strictFrom` the day after day 90 itself (reading #1); `MOOT` means the person no longer holds a status (REG-3). Personal data: audited.',
  }) },
  { key: 'resident', build: (answers) => {
    const lapse = featured(answers);
    return {
      title: 'One resident, today', role: 'analyst', query: Q.RESIDENT, variables: { id: lapse.residentId },
      says: `The status today of a resident from that list whose ground (${lapse.ground.toLowerCase()}) of Art. 22-4(1) is a candidate from ${lapse.from}: particulars (Art. 19-4(1)(i)), mid-to-long-term residency (Art. 19-3), the stay and the card with its validity (Arts. 19-5, 19-14), the residence address (Arts. 19-7 to 19-9), every notification duty with its deadline, state and penalty article (Arts. 19-7 to 19-16), and the cancellation ground with day 90 counted from the day the clock started. Computed from the log by the status function.`,
    };
  } },
  { key: 'knownThen', build: (answers) => {
    const lapse = featured(answers);
    const knownAt = knownBeforeClockStarted(lapse);
    return {
      title: 'The same resident, bitemporally', role: 'analyst', query: Q.AS_KNOWN_THEN, variables: { id: lapse.residentId, asOf: lapse.from, knownAt },
      says: `The same resident at the end of ${lapse.from}, the day the ground arose, twice: as the register knows it today, and as it knew it at ${knownAt}, before the fact that started the 90-day clock was recorded (at ${lapse.knownSince}). \`asOf\` is the legal date, \`knownAt\` the knowledge time (DT-8, reading #20): "what was this person's status on that day, and what did we know then?"`,
    };
  } },
  { key: 'history', build: (answers) => ({
    title: 'The history behind it', role: 'analyst', query: Q.HISTORY, variables: { residentId: featured(answers).residentId },
    shorten: { path: ['data', 'history'], keep: HISTORY_SHOWN },
    says: 'The events behind that status in log order: type, every legal date, when the register recorded it (transaction time) and the kind of source (Art. 19-36(1), (2)); names and addresses are not repeated (Art. 19-36(3)).',
  }) },
  { key: 'byCard', build: (answers) => {
    const { invalid } = cardsToCheck(answers);
    return {
      title: 'A resident by card number', role: 'analyst', query: Q.RESIDENT_BY_CARD, variables: { number: invalid },
      says: `Who holds residence card \`${invalid}\`, a card no longer in effect: a card number is never reused (Art. 19-4(2)), so it still names its holder, whose status today is shown. Personal data: audited.`,
    };
  } },
  { key: 'cardValidity', build: (answers) => {
    const { valid, invalid } = cardsToCheck(answers);
    return {
      title: 'Card validity', role: 'analyst', query: Q.CARD_VALIDITY, variables: { first: valid, second: invalid },
      says: `The card-number lapse inquiry for \`${valid}\` and \`${invalid}\`: is each card in effect today, and if not, under which item of Art. 19-14 and since when. No personal data, so not audited.`,
    };
  } },
  { key: 'deadlines', build: () => ({
    title: 'Pending deadlines', role: 'analyst', query: Q.deadlinesQuery(DEADLINES_FROM, DEADLINES_TO),
    says: `The first 5 pending deadlines due in the coming year (${DEADLINES_FROM} to ${DEADLINES_TO}), by effective date: the deadline counted under the Civil Code (\`nominal\`, DT-2) and rolled forward past closed days (\`effective\`, DT-6) — the 14-day duties (Arts. 19-7 to 19-16), period-of-stay expiry, the special period (Art. 20(6)), re-entry validity (Arts. 26, 26-2) and the 90-day grounds. Personal data: audited.`,
  }) },
  { key: 'audit', build: (answers) => {
    const { residentId } = featured(answers);
    return {
      title: "Who read a resident's data", role: 'auditor', query: Q.AUDIT_LOG, variables: { residentId },
      says: `With an auditor's token: who read the personal data of resident \`${residentId}\`, when, through which operation and which fields (Art. 19-36(3), rules.md INFO-2). These are the reads the examples above made as \`analyst-1\`; analysts and officers may not read the audit log.`,
    };
  } },
];
