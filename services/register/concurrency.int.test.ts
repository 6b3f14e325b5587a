import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_TOKENS, startFullRegister, type FullRegister } from '../../testing/full-register.js';
import { relayIdOf as relayIdOfReceipt } from '../municipal-bridge/relay-schema.js';
import { addressCommand, chiyodaRelay, enrolment, residentIdOf, sendPlanned, type PlannedRequest, type Sent } from '../../testing/workload.js';

/**
 * Issue 9.3: many concurrent commands and relays for one resident, through the command API and the
 * municipal bridge (two command handlers on one store, so their appends really race): every one is
 * answered, none is lost (optimistic concurrency with bounded retry), and the final status equals
 * that of the same requests applied one at a time.
 */

const credentials = { officer: ROLE_TOKENS.officer, office: ROLE_TOKENS.chiyoda };
const RESIDENT = 1;
const COMMANDS = 40;
const RELAYS = 24;
let concurrent: FullRegister;
let serial: FullRegister;

const caughtUp = async (register: FullRegister): Promise<void> => {
  const deadline = Date.now() + 20_000;
  while (!/^register_projection_lag_positions 0$/m.test(await (await fetch(`${register.url}/metrics`)).text())) {
    if (Date.now() > deadline) throw new Error('projector did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const enrol = async (register: FullRegister): Promise<void> => {
  for (const request of enrolment(RESIDENT)) expect((await sendPlanned(request, register, credentials)).status).toBe(201);
  await caughtUp(register);
};

const streamOf = async (register: FullRegister): Promise<{ type: string; data: Record<string, unknown> }[]> => {
  const res = await fetch(`${register.url}/residents/${residentIdOf(RESIDENT)}/events`, { headers: { authorization: `Bearer ${ROLE_TOKENS.officer}` } });
  return ((await res.json()) as { events: { type: string; data: Record<string, unknown> }[] }).events;
};

const statusOf = async (register: FullRegister): Promise<unknown> => {
  const res = await fetch(`${register.url}/residents/${residentIdOf(RESIDENT)}/status?asOf=2026-12-31`, { headers: { authorization: `Bearer ${ROLE_TOKENS.officer}` } });
  return res.json();
};

/** The relay id an address notification carries: the officer's own for a command, `relay-<code>-<receipt>`-like for a relay. */
const relayIdOf = (event: { data: Record<string, unknown> }): string => String(event.data['relayId']);

beforeAll(async () => {
  [concurrent, serial] = await Promise.all([startFullRegister(), startFullRegister()]);
  await Promise.all([enrol(concurrent), enrol(serial)]);
}, 60_000);
afterAll(async () => Promise.all([concurrent.stop(), serial.stop()]));

describe('concurrent commands and relays for one resident (issue 9.3)', () => {
  it(`${COMMANDS} address commands and ${RELAYS} relays at once: all answered 2xx, each in the stream exactly once, same status as one at a time`, async () => {
    const requests: PlannedRequest[] = [
      ...Array.from({ length: COMMANDS }, (_, k) => addressCommand(RESIDENT, k)),
      ...Array.from({ length: RELAYS }, (_, k) => chiyodaRelay(RESIDENT, k)),
    ];
    const answers: Sent[] = await Promise.all(requests.map((request) => sendPlanned(request, concurrent, credentials)));
    expect(answers.filter((a) => a.status < 200 || a.status >= 300).map((a) => JSON.stringify(a.body))).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(requests.length);

    const stream = await streamOf(concurrent);
    const notified = stream.filter((e) => e.type === 'ResidenceAddressNotified');
    expect(notified).toHaveLength(requests.length);
    expect(new Set(notified.map(relayIdOf)).size).toBe(requests.length);

    // The serial register receives the same requests one by one, in the order the log recorded them.
    const expectedRelayId = (request: PlannedRequest): string =>
      request.kind === 'command' ? String(request.body['relayId']) : relayIdOfReceipt(String(request.body['municipalityCode']), request.idempotencyKey);
    const byRelayId = new Map(requests.map((request) => [expectedRelayId(request), request]));
    expect(new Set(notified.map(relayIdOf))).toEqual(new Set(byRelayId.keys()));
    for (const event of notified) {
      const request = byRelayId.get(relayIdOf(event));
      if (request === undefined) throw new Error(`no request for ${relayIdOf(event)}`);
      expect((await sendPlanned(request, serial, credentials)).status).toBe(201);
    }
    expect((await streamOf(serial)).map((e) => [e.type, e.data])).toEqual(stream.map((e) => [e.type, e.data]));
    expect(await statusOf(concurrent)).toEqual(await statusOf(serial));
  }, 120_000);
});
