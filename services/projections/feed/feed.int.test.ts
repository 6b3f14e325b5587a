import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESIDENT_ID, departureConfirmed, landingPermitted, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import { appendFacts } from '../../../testing/integration-events.js';
import { waitUntil } from '../../../testing/wait.js';
import { ANALYST_TOKEN, SUBSCRIBER_TOKEN, startFeedServer, type FeedTestServer } from './testing/feed-server.js';
import { openSse } from './testing/sse-reader.js';

const OTHER = '5f0c2d4e-8a1b-4c3d-9e7f-1a2b3c4d5e6f';
const auth = { authorization: `Bearer ${SUBSCRIBER_TOKEN}` };

interface Entry {
  readonly position: number;
  readonly topic: string;
  readonly attributes: { readonly id: string; readonly type: string; readonly subject: string; readonly sequence: string };
  readonly data: Record<string, unknown>;
}
interface Page {
  readonly events: readonly Entry[];
  readonly next: number;
}

let server: FeedTestServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.stop();
});

const getPage = async (query: string): Promise<Page> => {
  const res = await fetch(`${server.url}/feed${query}`, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

const shortType = (e: Entry): string => e.attributes.type.replace('jp.go.isa.register.', '').replace(/\.v1$/, '');

const twoResidents = () => [
  landingPermitted(), residenceCardIssued(), residenceAddressNotified(),
  landingPermitted({ residentId: OTHER, permittedOn: '2026-02-01' }),
];

describe('GET /feed: the integration events without a broker', () => {
  it('answers 401 without a token or with an unknown one, and 403 to a token of another role (decision 10)', async () => {
    const none = await fetch(`${server.url}/feed`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="resident-register"');
    const unknown = await fetch(`${server.url}/feed`, { headers: { authorization: 'Bearer nobody-has-this-token-0000' } });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const analyst = await fetch(`${server.url}/feed`, { headers: { authorization: `Bearer ${ANALYST_TOKEN}` } });
    expect(analyst.status).toBe(403);
    expect(await analyst.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['after=-1', 'after'], ['after=abc', 'after'], ['limit=0', 'limit'], ['limit=1001', 'limit'], ['wait=31', 'wait'], ['from=3', 'from'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    const res = await fetch(`${server.url}/feed?${query}`, { headers: auth });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { in: string; field: string; rule: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => [e.in, e.field])).toEqual([['query', field]]);
  });

  it('answers a JSON page of integration events in log order, then the rest after `next`', async () => {
    await appendFacts(server.store, twoResidents());
    const all = await getPage('');
    expect(all.events.map(shortType)).toEqual([
      'became-mid-to-long-term-resident', 'residence-card-issued', 'residence-municipality-changed', 'became-mid-to-long-term-resident',
    ]);
    expect(all.events.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(all.events.map((e) => e.attributes.subject)).toEqual([RESIDENT_ID, RESIDENT_ID, RESIDENT_ID, OTHER]);
    expect(all.events.every((e) => e.topic === 'status')).toBe(true);
    expect(all.next).toBe(4);
    const first = await getPage('?limit=2');
    expect(first.events.map((e) => e.position)).toEqual([1, 2]);
    const rest = await getPage(`?after=${first.next}`);
    expect(rest.events.map((e) => e.position)).toEqual([3, 4]);
    expect(await getPage('?after=4')).toEqual({ events: [], next: 4 });
  });

  it('moves `next` past events that yield nothing, so a client never reads them again', async () => {
    const tv = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    await appendFacts(server.store, [tv]);
    expect(await getPage('')).toEqual({ events: [], next: 1 });
  });

  it('long-polls: a request with wait= is answered as soon as an event is appended', async () => {
    await appendFacts(server.store, [landingPermitted()]);
    const pending = getPage('?after=1&wait=30');
    await waitUntil(() => server.openStreams() === 1);
    await appendFacts(server.store, [residenceCardIssued()]);
    const page = await pending;
    expect(page.events.map(shortType)).toEqual(['residence-card-issued']);
    expect(page.next).toBe(2);
  });

  it('streams Server-Sent Events with id = position, and resumes after Last-Event-ID', async () => {
    await appendFacts(server.store, [landingPermitted(), residenceCardIssued()]);
    const first = await openSse(`${server.url}/feed`, auth);
    expect(first.status).toBe(200);
    expect(first.contentType).toContain('text/event-stream');
    const frames = await first.next(2);
    expect(frames.map((f) => f.id)).toEqual(['1', '2']);
    expect((JSON.parse(frames[1]?.data ?? '{}') as Entry).attributes.type).toBe('jp.go.isa.register.residence-card-issued.v1');
    await appendFacts(server.store, [residenceAddressNotified()]);
    expect((await first.next(1)).map((f) => f.id)).toEqual(['3']);
    first.close();
    await waitUntil(() => server.openStreams() === 0);

    await appendFacts(server.store, [departureConfirmed({ reentry: { kind: 'none' } })]);
    const resumed = await openSse(`${server.url}/feed`, { ...auth, 'last-event-id': '3' });
    const after = await resumed.next(2);
    const entries = after.map((f) => JSON.parse(f.data) as Entry);
    expect(entries.map(shortType)).toEqual(['departed', 'ceased-to-be-mid-to-long-term-resident']);
    // Two messages of one domain event: only the last carries the id, so a cut between them resumes before both.
    expect(after.map((f) => f.id)).toEqual([undefined, '4']);
    resumed.close();
  });

  it('answers 400 for a Last-Event-ID that is not a position', async () => {
    const res = await fetch(`${server.url}/feed`, { headers: { ...auth, accept: 'text/event-stream', 'last-event-id': 'x' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('Last-Event-ID');
  });

  it('ends open streams when the register stops, so that the server can close', async () => {
    const sse = await openSse(`${server.url}/feed`, auth);
    const poll = fetch(`${server.url}/feed?wait=30`, { headers: auth });
    await waitUntil(() => server.openStreams() === 2);
    await server.stop();
    expect((await (await poll).json()) as Page).toEqual({ events: [], next: 0 });
    sse.close();
    server = await startFeedServer();
  });
});

describe('GET /feed with the personal topic configured', () => {
  it('serves names and street addresses as personal events beside the status ones', async () => {
    const personal = await startFeedServer({ personalDataTopic: true });
    try {
      await appendFacts(personal.store, [landingPermitted(), residenceAddressNotified()]);
      const res = await fetch(`${personal.url}/feed`, { headers: auth });
      const page = (await res.json()) as Page;
      expect(page.events.map((e) => e.topic)).toEqual(['status', 'personal', 'status', 'personal']);
    } finally {
      await personal.stop();
    }
  });
});
