import { CARD_NUMBER, CHIYODA, PERSON } from '../../../testing/events.js';

/** Relay builders and HTTP helpers for the bridge's tests. Defaults: resident S01 of testing/events.ts in Chiyoda. */

export const notificationRelay = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  municipalityCode: CHIYODA, receiptId: 'CHY-2026-0001', type: 'residence-notification', basis: '19-7',
  ...PERSON, cardNumber: CARD_NUMBER, cardPresented: true,
  addressLine: '1-1-1 Chiyoda, Chiyoda-ku, Tokyo', postalCode: '100-0001', movedInOn: '2026-01-15', notifiedOn: '2026-01-20',
  ...overrides,
});

export const deletionRelay = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  municipalityCode: CHIYODA, receiptId: 'CHY-2026-0002', type: 'resident-record-deletion', deletionReason: 'moving-out-notice',
  ...PERSON, cardNumber: CARD_NUMBER, movedOutOn: '2026-03-01', notifiedOn: '2026-03-01',
  ...overrides,
});

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };

export const send = async (url: string, init: { method?: string; key?: string; contentType?: string; body?: string }): Promise<HttpAnswer> => {
  const headers: Record<string, string> = {};
  if (init.key !== undefined) headers['authorization'] = `Bearer ${init.key}`;
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const res = await fetch(url, { method: init.method ?? 'POST', headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.length === 0 ? {} : asObject(JSON.parse(text)) };
};

export const postRelay = (base: string, relay: unknown, key: string): Promise<HttpAnswer> =>
  send(`${base}/relays`, { key, contentType: 'application/json', body: JSON.stringify(relay) });

/** Posts a batch and returns the NDJSON answer lines parsed. */
export const postBatch = async (base: string, body: string, contentType: string, key: string): Promise<{ status: number; lines: Record<string, unknown>[] }> => {
  const res = await fetch(`${base}/relays/batch`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body });
  const text = await res.text();
  const lines = text.split('\n').filter((l) => l.length > 0).map((l) => asObject(JSON.parse(l)));
  return { status: res.status, lines };
};
