import { CHIYODA, landingPermitted, PERSON, residenceAddressNotified, residenceCardIssued } from './events.js';

/**
 * Deterministic requests for the tests and the soak that drive a running register over HTTP:
 * landings and cards through the command API, address notifications through commands and relays.
 * Every request carries its own idempotency key (Idempotency-Key or receiptId), so it can be resent.
 */

export interface PlannedRequest {
  /** A name unique in the workload, e.g. `landing/12`. */
  readonly name: string;
  readonly kind: 'command' | 'relay';
  /** Path under the register (command) or the bridge (relay) base URL. */
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly idempotencyKey: string;
  readonly residentId: string;
}

export const residentIdOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const cardNumberOf = (n: number): string => `AB${String(n % 100_000_000).padStart(8, '0')}CD`;

const withoutResidentId = (data: Record<string, unknown>): Record<string, unknown> => {
  const { residentId: _residentId, ...rest } = data;
  return rest;
};

const dayIn2026 = (day: number): string => new Date(Date.UTC(2026, 1, 1 + (day % 200))).toISOString().slice(0, 10);

/** Landing and card of resident n: two commands that must run in this order. */
export const enrolment = (n: number): readonly PlannedRequest[] => {
  const residentId = residentIdOf(n);
  return [
    { name: `landing/${n}`, kind: 'command', path: `/residents/${residentId}/permit-landing`, idempotencyKey: `landing-${n}`, residentId,
      body: withoutResidentId({ ...landingPermitted({ residentId }).data }) },
    { name: `card/${n}`, kind: 'command', path: `/residents/${residentId}/issue-residence-card`, idempotencyKey: `card-${n}`, residentId,
      body: withoutResidentId({ ...residenceCardIssued({ residentId, cardNumber: cardNumberOf(n) }).data }) },
  ];
};

/** The k-th address notification of resident n, recorded by an officer (a command). */
export const addressCommand = (n: number, k: number): PlannedRequest => {
  const residentId = residentIdOf(n);
  const movedInOn = dayIn2026(k);
  const data = residenceAddressNotified({
    residentId, movedInOn, notifiedOn: movedInOn, relayId: `officer-${n}-${k}`,
    address: { municipalityCode: CHIYODA, line: `${(k % 9) + 1}-${(n % 9) + 1}-1 Chiyoda, Chiyoda-ku, Tokyo`, postalCode: '100-0001' },
  }).data;
  return { name: `address/${n}/${k}`, kind: 'command', path: `/residents/${residentId}/notify-residence-address`, idempotencyKey: `address-${n}-${k}`, residentId,
    body: withoutResidentId({ ...data }) };
};

/** The k-th relay from Chiyoda for resident n (matched by card number once the card is projected). */
export const chiyodaRelay = (n: number, k: number): PlannedRequest => {
  const movedInOn = dayIn2026(k + 7);
  const receiptId = `CHY-${n}-${k}`;
  return {
    name: `relay/${n}/${k}`, kind: 'relay', path: '/relays', idempotencyKey: receiptId, residentId: residentIdOf(n),
    body: {
      municipalityCode: CHIYODA, receiptId, type: 'residence-notification', basis: '19-8', ...PERSON, cardNumber: cardNumberOf(n), cardPresented: true,
      addressLine: `${(k % 9) + 1}-${(n % 7) + 1}-2 Chiyoda, Chiyoda-ku, Tokyo`, postalCode: '100-0001', movedInOn, notifiedOn: movedInOn,
    },
  };
};

export interface Sent {
  readonly status: number;
  readonly body: unknown;
}

/** Sends one planned request with the right credential; network errors (a killed server) reject. */
export const sendPlanned = async (
  request: PlannedRequest,
  bases: { readonly url: string; readonly bridgeUrl: string },
  credentials: { readonly officer: string; readonly office: string },
  signal?: AbortSignal,
): Promise<Sent> => {
  const command = request.kind === 'command';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${command ? credentials.officer : credentials.office}`,
    ...(command ? { 'idempotency-key': request.idempotencyKey } : {}),
  };
  const res = await fetch(`${command ? bases.url : bases.bridgeUrl}${request.path}`, {
    method: 'POST', headers, body: JSON.stringify(request.body), ...(signal === undefined ? {} : { signal }),
  });
  const text = await res.text();
  return { status: res.status, body: text.length === 0 ? undefined : (JSON.parse(text) as unknown) };
};

export interface DriveResult {
  /** The first 2xx answer of each request, by name. */
  readonly acknowledged: Map<string, Sent>;
  /** Answers that were not 2xx (the chain stopped there). */
  readonly refused: string[];
}

/**
 * Runs chains of requests on `workers` concurrent workers: each chain in order, stopping at its
 * first non-2xx answer, or when the server is gone (a network error ends the worker quietly: the
 * requests it did not get an answer for are simply not acknowledged).
 */
export const driveChains = async (
  chains: readonly (readonly PlannedRequest[])[],
  bases: { readonly url: string; readonly bridgeUrl: string },
  credentials: { readonly officer: string; readonly office: string },
  workers: number,
  result: DriveResult = { acknowledged: new Map(), refused: [] },
): Promise<DriveResult> => {
  const queue = [...chains];
  const worker = async (): Promise<void> => {
    for (let chain = queue.shift(); chain !== undefined; chain = queue.shift()) {
      for (const request of chain) {
        let sent: Sent;
        try {
          sent = await sendPlanned(request, bases, credentials);
        } catch {
          return;
        }
        if (sent.status < 200 || sent.status >= 300) {
          result.refused.push(`${request.name}: ${sent.status} ${JSON.stringify(sent.body)}`);
          break;
        }
        if (!result.acknowledged.has(request.name)) result.acknowledged.set(request.name, sent);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return result;
};
