import { describe, expect, it } from 'vitest';
import { identityParticularsChanged, landingPermitted, PERSON } from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { statusAt } from './status.js';

describe('identity particulars at a date (Art. 19-36(1), 19-4(1)(i), 19-10)', () => {
  const facts = history(landingPermitted(), identityParticularsChanged({ changedOn: '2026-03-01', notifiedOn: '2026-03-10', changes: { name: 'NGUYEN VAN BINH' } }));

  it('are those of the landing until a change takes effect, then the changed ones (Art. 19-10(1))', () => {
    expect(statusAt(facts, { asOf: '2026-02-28' }).particulars).toEqual(PERSON);
    expect(statusAt(facts, { asOf: '2026-03-01' }).particulars).toEqual({ ...PERSON, name: 'NGUYEN VAN BINH' });
  });

  it('are unknown for a record opened by a relay alone', () => {
    expect(statusAt([], { asOf: '2026-03-01' }).particulars).toBeNull();
  });
});
