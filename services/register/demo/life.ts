import { affiliationCategory } from '../domain/eligibility.js';
import { isoOf, openDayFrom, type Day } from './days.js';
import { takeCard } from './cards.js';
import { drawOrganization } from './organizations.js';
import { nextApplicationId, record, type Story } from './story.js';

/** AFF-1: notified within the 14 days of Art. 19-16 mostly, a tenth late. */
const notifiedAfter = (story: Story, occurred: Day): Day => openDayFrom(occurred + (story.rng.chance(0.9) ? story.rng.int(0, 12) : story.rng.int(15, 45)));

/** AFF-3, Art. 19-18(1)(i): the specified-skilled-worker employer's own report of the same change. */
const sswReport = (story: Story, kind: 'contract-terminated' | 'contract-concluded', occurred: Day, organization: NonNullable<Story['organization']>): void => {
  const reportedOn = openDayFrom(occurred + story.rng.int(3, 14));
  record(story, {
    type: 'ReportSpecifiedSkilledWorkerOrganization',
    data: { residentId: story.residentId, item: '19-18(1)(i)', kind, occurredOn: isoOf(occurred), reportedOn: isoOf(reportedOn), organization },
  }, reportedOn);
};

/** AFF-1, Art. 19-16(ii): a contract ends and, after a gap (sometimes over 3 months: ground (vi)), a new one begins. */
const changeEmployer = (story: Story, day: Day, limit: Day): Day | null => {
  const { rng } = story;
  const gap = rng.chance(0.92) ? rng.int(1, 60) : rng.int(92, 140);
  if (limit - day < gap + 50) return null;
  const before = story.organization ?? drawOrganization(rng, false);
  const after = drawOrganization(rng, false);
  const ssw = story.held?.status.startsWith('specified-skilled-worker') === true;
  const ended = notifiedAfter(story, day);
  const base = { residentId: story.residentId, category: 'contract-institution' } as const;
  record(story, { type: 'NotifyAffiliation', data: { ...base, event: 'contract-ended', occurredOn: isoOf(day), notifiedOn: isoOf(ended), organization: before } }, ended);
  if (ssw) sswReport(story, 'contract-terminated', day, before);
  const concluded = notifiedAfter(story, day + gap);
  record(story, { type: 'NotifyAffiliation', data: { ...base, event: 'contract-concluded', occurredOn: isoOf(day + gap), notifiedOn: isoOf(concluded), organization: after } }, concluded);
  if (ssw) sswReport(story, 'contract-concluded', day + gap, after);
  story.organization = after;
  return Math.max(ended, concluded);
};

/** AFF-1, Art. 19-16(i): a student moves to another school (移籍); other institutions move their office. */
const changeInstitution = (story: Story, day: Day): Day => {
  const student = story.held?.status === 'student';
  const before = story.organization ?? drawOrganization(story.rng, student);
  const after = student ? drawOrganization(story.rng, true) : { ...before, address: drawOrganization(story.rng, false).address ?? 'unknown' };
  const notifiedOn = notifiedAfter(story, day);
  record(story, {
    type: 'NotifyAffiliation',
    data: { residentId: story.residentId, category: 'activity-institution', event: student ? 'transferred' : 'relocated', occurredOn: isoOf(day), notifiedOn: isoOf(notifiedOn), organization: before, newOrganization: after },
  }, notifiedOn);
  story.organization = after;
  return notifiedOn;
};

/** AFF-1: the 19-16 notification the holder's category calls for; spouses notify a divorce (iii). */
export const affiliationChange = (story: Story, day: Day, limit: Day): Day | null => {
  const held = story.held;
  if (held === null || limit - day < 50) return null;
  const category = affiliationCategory(held.status, held.attributes);
  if (category === 'contract-institution') return changeEmployer(story, day, limit);
  if (category === 'activity-institution') return changeInstitution(story, day);
  if (category !== 'spouse' || !story.rng.chance(0.1)) return null;
  const notifiedOn = notifiedAfter(story, day);
  record(story, { type: 'NotifyAffiliation', data: { residentId: story.residentId, category: 'spouse', event: 'divorce', occurredOn: isoOf(day), notifiedOn: isoOf(notifiedOn) } }, notifiedOn);
  return notifiedOn;
};

/**
 * NOTIF-6, Art. 19-12: a lost or stolen card, reported, and a new card applied for within 14 days
 * (a tenth late); now and then the old card turns up and is handed back (19-15(3)).
 */
export const cardLoss = (story: Story, day: Day, limit: Day): Day | null => {
  const { rng, card, held } = story;
  if (card === null || held === null || limit - day < 100 || card.validUntil - day < 100) return null;
  const residentId = story.residentId;
  const reportedOn = openDayFrom(day + rng.int(0, 3));
  record(story, { type: 'ReportCardLost', data: { residentId, cardNumber: card.number, cause: rng.chance(0.8) ? 'loss' : 'theft', learnedOn: isoOf(day), learnedAbroad: false, reportedOn: isoOf(reportedOn) } }, reportedOn);
  const applicationId = nextApplicationId(story, reportedOn);
  record(story, { type: 'FileApplication', data: { residentId, applicationId, kind: 'card-reissue', filedOn: isoOf(reportedOn), channel: 'counter', filedBy: 'self' } }, reportedOn);
  const issuedOn = openDayFrom(day + (rng.chance(0.9) ? rng.int(1, 12) : rng.int(15, 30)));
  const next = takeCard(story, held, issuedOn, false);
  record(story, { type: 'ReissueResidenceCard', data: { residentId, cardNumber: next.number, issuedOn: isoOf(issuedOn), printedValidUntil: isoOf(next.validUntil), channel: 'counter', filedBy: 'self', applicationId, reason: 'loss' } }, issuedOn);
  if (!rng.chance(0.2)) return issuedOn;
  const foundOn = issuedOn + rng.int(5, 60);
  const returnedOn = openDayFrom(foundOn + rng.int(1, 10));
  record(story, { type: 'RecordCardFound', data: { residentId, cardNumber: card.number, foundOn: isoOf(foundOn) } }, returnedOn);
  record(story, { type: 'RecordCardReturned', data: { residentId, cardNumber: card.number, returnedOn: isoOf(returnedOn), returnedBy: 'holder' } }, returnedOn);
  return returnedOn;
};

/** INV-2, Art. 19-15: the card handed back; recorded no earlier than the fact that ended it. */
const returnCard = (story: Story, returnedOn: Day, endRecordedOn: Day, returnedBy: 'holder' | 'relative'): void => {
  if (story.card === null) return;
  const data = { residentId: story.residentId, cardNumber: story.card.number, returnedOn: isoOf(returnedOn), returnedBy };
  record(story, { type: 'RecordCardReturned', data }, Math.max(returnedOn, endRecordedOn));
};

/** INV-1 (vi), INV-2, Art. 19-15(4): a death, reported through the municipality; relatives return the card. */
export const death = (story: Story, day: Day): Day => {
  const residentId = story.residentId;
  const recordedOn = openDayFrom(day + story.rng.int(3, 20));
  record(story, { type: 'RecordDeath', data: { residentId, diedOn: isoOf(day) } }, recordedOn);
  returnCard(story, openDayFrom(day + story.rng.int(5, 14)), recordedOn, 'relative');
  story.ended = true;
  return day;
};

/** MLTR-3, Art. 2(ii): naturalisation ends foreign-national status; the card is handed back (19-15(1)). */
export const naturalisation = (story: Story, day: Day): Day => {
  const residentId = story.residentId;
  const recordedOn = openDayFrom(day + story.rng.int(1, 10));
  record(story, { type: 'RecordNaturalisation', data: { residentId, acquiredOn: isoOf(day) } }, recordedOn);
  returnCard(story, openDayFrom(day + story.rng.int(3, 14)), recordedOn, 'holder');
  story.ended = true;
  return day;
};
