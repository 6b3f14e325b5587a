import { z } from 'zod';
import { fail } from './refine.js';
import { IsoDate, Organization, ResidentId } from './values.js';

const common = {
  residentId: ResidentId,
  occurredOn: IsoDate, // Art. 19-16: the 14 days count from the day the event occurred
  notifiedOn: IsoDate, // Art. 19-16: filed with the Commissioner
};

/** Events after which the organization's particulars differ and `newOrganization` states them. */
const NEW_ORGANIZATION_EVENTS: ReadonlySet<string> = new Set(['renamed', 'relocated', 'transferred']);

type WithNewOrganization = { event: string; newOrganization?: Organization | undefined };

const newOrganizationRule = (data: WithNewOrganization, ctx: z.RefinementCtx): void => {
  const expected = NEW_ORGANIZATION_EVENTS.has(data.event);
  if (expected && data.newOrganization === undefined) fail(ctx, 'newOrganization', `is required for the event "${data.event}"`);
  if (!expected && data.newOrganization !== undefined) fail(ctx, 'newOrganization', `must be absent for the event "${data.event}"`);
};

/** Category 1, 活動機関 (Art. 19-16(i)): Professor, Business Manager, Student, Technical Intern Training … */
const ActivityInstitutionNotice = z
  .object({
    ...common,
    category: z.literal('activity-institution'),
    // 19-16(i): name/address changed, ceased to exist, the person left (離脱) or moved to another (移籍)
    event: z.enum(['renamed', 'relocated', 'dissolved', 'left', 'transferred']),
    organization: Organization, // the institution as it was before the event
    newOrganization: Organization.optional(), // new name/address, or the institution moved to
  })
  .superRefine(newOrganizationRule);

/** Category 2, 契約機関 (Art. 19-16(ii)): Engineer/Specialist, Researcher, Skilled Labor, SSW … */
const ContractInstitutionNotice = z
  .object({
    ...common,
    category: z.literal('contract-institution'),
    // 19-16(ii): name/address changed, ceased to exist, the contract ended, a new contract was concluded
    event: z.enum(['renamed', 'relocated', 'dissolved', 'contract-ended', 'contract-concluded']),
    organization: Organization, // before the event; for contract-concluded, the new counterparty
    newOrganization: Organization.optional(), // new name or address after renamed / relocated
  })
  .superRefine(newOrganizationRule);

/** Category 3, spouse (Art. 19-16(iii)): Dependent, Spouse of a Japanese national or of a PR/SPR, as spouse. */
const SpouseNotice = z.object({
  ...common,
  category: z.literal('spouse'),
  event: z.enum(['divorce', 'spouse-died']), // 19-16(iii): 離婚 or 死別
});

export const AffiliationNotice = z.discriminatedUnion('category', [
  ActivityInstitutionNotice,
  ContractInstitutionNotice,
  SpouseNotice,
]);
export type AffiliationNotice = z.infer<typeof AffiliationNotice>;
export type AffiliationCategory = AffiliationNotice['category'];

/** The resident's own notification about an affiliated organization or spouse (Art. 19-16, AFF-1). */
export const AffiliationNotified = z.object({
  type: z.literal('AffiliationNotified'),
  data: AffiliationNotice,
});
export type AffiliationNotified = z.infer<typeof AffiliationNotified>;
