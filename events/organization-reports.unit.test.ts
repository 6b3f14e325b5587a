import { describe, expect, it } from 'vitest';
import {
  acceptingInstitutionReported,
  applicationDecided,
  applicationFiled,
  parseData,
  specifiedSkilledWorkerOrganizationReported,
} from '../testing/events.js';

describe('organization reports (Arts. 19-17, 19-18)', () => {
  it('rejects an acceptance report of a kind Art. 19-17 does not name', () => {
    const data = { ...acceptingInstitutionReported().data, kind: 'salary-changed' };
    expect(() => parseData('AcceptingInstitutionReported', data)).toThrow('AcceptingInstitutionReported: data.kind:');
  });

  it('accepts a periodic report under Art. 19-18(2)', () => {
    const event = specifiedSkilledWorkerOrganizationReported({ item: '19-18(2)', kind: 'periodic-report' });
    expect(event.data.item).toBe('19-18(2)');
  });

  it('rejects a support-plan change reported under the contract item (Art. 19-18(1)(i) vs (ii))', () => {
    const data = { ...specifiedSkilledWorkerOrganizationReported().data, kind: 'support-plan-changed' };
    expect(() => parseData('SpecifiedSkilledWorkerOrganizationReported', data)).toThrow(
      'data.kind: "support-plan-changed" is not reported under Art. 19-18(1)(i)',
    );
  });

  it('rejects an item that is not in Art. 19-18', () => {
    const data = { ...specifiedSkilledWorkerOrganizationReported().data, item: '19-18(3)' };
    expect(() => parseData('SpecifiedSkilledWorkerOrganizationReported', data)).toThrow(
      'SpecifiedSkilledWorkerOrganizationReported: data.item:',
    );
  });
});

describe('applications (Arts. 20(2), 21(2), 22(1), 26(1), 19-11 to 19-13)', () => {
  it('accepts the requested grant as a partial status grant', () => {
    const event = applicationFiled({ kind: 'change-of-status', requested: { status: 'long-term-resident' } });
    expect(event.data.requested).toEqual({ status: 'long-term-resident' });
  });

  it('rejects an application kind the Act does not provide (e.g. naturalisation, which is not under the ICRRA)', () => {
    const data = { ...applicationFiled().data, kind: 'naturalisation' };
    expect(() => parseData('ApplicationFiled', data)).toThrow('ApplicationFiled: data.kind:');
  });

  it('rejects a channel other than counter, online or post (rules.md §15)', () => {
    const data = { ...applicationFiled().data, channel: 'fax' };
    expect(() => parseData('ApplicationFiled', data)).toThrow('ApplicationFiled: data.channel:');
  });

  it('rejects a decision date that does not exist, 2027-02-29 (Art. 20(6): the special period ends with it)', () => {
    const data = { ...applicationDecided().data, decidedOn: '2027-02-29' };
    expect(() => parseData('ApplicationDecided', data)).toThrow('ApplicationDecided: data.decidedOn: must be a real calendar date');
  });
});
