import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHIYODA_KEY, SHINJUKU_KEY, startTestBridge, type TestBridge } from './testing/bridge.js';
import { notificationRelay, postRelay } from './testing/relays.js';

let t: TestBridge;
beforeEach(async () => { t = await startTestBridge({ rateLimit: 2 }); });
afterEach(async () => { await t.stop(); });

describe('rate limiting per office (REGISTER_BRIDGE_RATE_LIMIT)', () => {
  it('answers 429 to an office over its limit, while another office goes on', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await postRelay(t.url, notificationRelay({ receiptId: `R-${i}` }), CHIYODA_KEY)).status);
    expect(statuses).toEqual([202, 202, 429]);
    const other = await postRelay(t.url, notificationRelay({ municipalityCode: '131041', receiptId: 'S-1' }), SHINJUKU_KEY);
    expect(other.status).toBe(202);
  });
});
