import { createClient, type Client } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RESIDENT_ID, landingPermitted, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import { appendFacts } from '../../../testing/integration-events.js';
import { waitUntil } from '../../../testing/wait.js';
import { ANALYST_TOKEN, SUBSCRIBER_TOKEN, startFeedServer, type FeedTestServer } from '../feed/testing/feed-server.js';

const SUBSCRIPTION = 'subscription ($after: Int) { residentEvents(after: $after) { position id type topic subject time recordedTime sequence dataSchema data } }';

interface Received {
  readonly position: number;
  readonly type: string;
  readonly subject: string;
  readonly sequence: number;
  readonly time: string;
  readonly data: Record<string, unknown>;
}

let server: FeedTestServer;
const clients: Client[] = [];

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await server.stop();
});

const client = (authorization: string | undefined, onClose?: (code: number) => void): Client => {
  const c = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: authorization === undefined ? {} : { authorization },
    ...(onClose === undefined ? {} : { on: { closed: (event) => onClose((event as { code: number }).code) } }),
    onNonLazyError: () => undefined,
  });
  clients.push(c);
  return c;
};

/** Collects what the subscription delivers, and its errors. */
const subscribe = (c: Client, after?: number) => {
  const received: Received[] = [];
  const errors: unknown[] = [];
  const dispose = c.subscribe<{ residentEvents: Received }>(
    { query: SUBSCRIPTION, variables: after === undefined ? {} : { after } },
    {
      next: (result) => {
        if (result.data) received.push(result.data.residentEvents);
        if (result.errors) errors.push(...result.errors);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { received, errors, dispose };
};

const short = (type: string): string => type.replace('jp.go.isa.register.', '').replace(/\.v1$/, '');

describe('subscription residentEvents over graphql-ws at /graphql', () => {
  it('delivers the history, then new events in log order as they are appended', async () => {
    await appendFacts(server.store, [landingPermitted()]);
    const sub = subscribe(client(`Bearer ${SUBSCRIBER_TOKEN}`));
    await waitUntil(() => sub.received.length === 1);
    await appendFacts(server.store, [residenceCardIssued(), residenceAddressNotified()]);
    await waitUntil(() => sub.received.length === 3);
    expect(sub.errors).toEqual([]);
    expect(sub.received.map((e) => short(e.type))).toEqual(['became-mid-to-long-term-resident', 'residence-card-issued', 'residence-municipality-changed']);
    expect(sub.received.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(sub.received.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(sub.received[0]).toMatchObject({ subject: RESIDENT_ID, time: '2026-01-10T00:00:00+09:00', data: { residentId: RESIDENT_ID, via: 'landing' } });
  });

  it('starts after the position given', async () => {
    await appendFacts(server.store, [landingPermitted(), residenceCardIssued()]);
    const sub = subscribe(client(`Bearer ${SUBSCRIBER_TOKEN}`), 1);
    await waitUntil(() => sub.received.length === 1);
    expect(sub.received.map((e) => e.position)).toEqual([2]);
  });

  it('closes the connection with 4401 without a subscriber token, and 4403 for another role\'s token (decision 10)', async () => {
    const codes: number[] = [];
    client(undefined, (code) => codes.push(code));
    client(`Bearer ${ANALYST_TOKEN}`, (code) => codes.push(code));
    await waitUntil(() => codes.length === 2);
    expect([...codes].sort()).toEqual([4401, 4403]);
  });

  it('refuses queries over the websocket (they go to POST /graphql, with their audit)', async () => {
    const c = client(`Bearer ${SUBSCRIBER_TOKEN}`);
    const errors: unknown[] = [];
    c.subscribe({ query: '{ statistics(groupBy: STATUS_OF_RESIDENCE) { key count } }' }, { next: () => undefined, error: (e) => errors.push(e), complete: () => undefined });
    await waitUntil(() => errors.length === 1);
    expect(JSON.stringify(errors)).toContain('only subscriptions are served over the websocket');
  });

  it('ends the store subscription when the client completes', async () => {
    const sub = subscribe(client(`Bearer ${SUBSCRIBER_TOKEN}`));
    await waitUntil(() => server.openStreams() === 1);
    sub.dispose();
    await waitUntil(() => server.openStreams() === 0);
  });
});
