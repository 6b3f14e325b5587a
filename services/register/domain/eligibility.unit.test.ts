import { describe, expect, it } from 'vitest';
import type { StatusGrant } from '../../../events/permissions.js';
import { mltrEligibility, periodExceedsThreeMonths } from './eligibility.js';

const grant = (overrides: Partial<StatusGrant>): StatusGrant => ({
  status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10', attributes: {}, ...overrides,
});

describe('who is a mid-to-long-term resident (Art. 19-3, MLTR-1)', () => {
  it.each([
    ['P3M', false], ['P4M', true], ['P90D', false], ['P93D', false], ['P94D', true], ['P31D', false], ['P1Y', true], ['P4Y3M', true], ['P2M30D', false],
  ] as const)('a period of stay of %s exceeds three months: %s (Art. 19-3(i): three months itself is excluded)', (period, expected) => {
    expect(periodExceedsThreeMonths(period)).toBe(expected);
  });

  it('excludes Temporary Visitors whatever the period (Art. 19-3(ii))', () => {
    expect(mltrEligibility(grant({ status: 'temporary-visitor', periodOfStay: 'P90D' }))).toEqual({ eligible: false, reason: 'TEMPORARY_VISITOR' });
  });

  it('excludes Diplomat and Official, even with a one-year period (Art. 19-3(iii), S05)', () => {
    expect(mltrEligibility(grant({ status: 'official' }))).toEqual({ eligible: false, reason: 'DIPLOMAT_OR_OFFICIAL' });
    expect(mltrEligibility(grant({ status: 'diplomat', periodOfStay: 'duration-of-diplomatic-activities', expiresOn: null })).eligible).toBe(false);
  });

  it('excludes the Designated Activities staff of TECRO and the Palestine mission (Art. 19-3(iv), ordinance, S05)', () => {
    expect(mltrEligibility(grant({ status: 'designated-activities', attributes: { ordinanceExcluded: 'tecro-staff' } })).eligible).toBe(false);
  });

  it('includes Permanent Residents and HSP (ii), whose periods have no end (MLTR-1 notes)', () => {
    expect(mltrEligibility(grant({ status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null }))).toEqual({ eligible: true });
    expect(mltrEligibility(grant({ status: 'highly-skilled-professional-ii', periodOfStay: 'indefinite', expiresOn: null })).eligible).toBe(true);
  });

  it('judges the decided period, not the time left: a 4-month Business Manager qualifies (Art. 19-3(i))', () => {
    expect(mltrEligibility(grant({ status: 'business-manager', periodOfStay: 'P4M' })).eligible).toBe(true);
  });
});
