import type { z } from 'zod';
import type { IntegrationTopic } from './message.js';
import {
  AddressLapseGroundDetected, AddressLapseGroundWithdrawn, BecameMidToLongTermResident, CeasedToBeMidToLongTermResident, Departed,
  PeriodOfStayExtended, ReenteredPayload, ResidenceAddressChanged, ResidenceCardInvalidatedPayload, ResidenceCardIssuedPayload,
  ResidenceMunicipalityChanged, ResidentParticulars, StatusOfResidenceCancelledPayload, StatusOfResidenceChanged,
} from './payloads.js';

/**
 * Naming: the CloudEvents `type` is `jp.go.isa.register.<name>.v<major>` on the status topic and
 * `jp.go.isa.register.personal.<name>.v<major>` on the personal topic. `<name>` is the fact in
 * kebab-case, past tense; the major version changes only when a payload changes incompatibly, and
 * then both versions are published side by side for a deprecation period.
 */
export const TYPE_PREFIX = 'jp.go.isa.register.';
export const SOURCE = 'urn:jp:go:isa:resident-register';
export const dataSchemaOf = (type: string): string => `urn:jp:go:isa:resident-register:schema:${type}`;

interface IntegrationEventSpec {
  readonly topic: IntegrationTopic;
  readonly schema: z.ZodObject;
  readonly summary: string;
}

const status = (schema: z.ZodObject, summary: string): IntegrationEventSpec => ({ topic: 'status', schema, summary });
const personal = (schema: z.ZodObject, summary: string): IntegrationEventSpec => ({ topic: 'personal', schema, summary });

/** Every integration event the register publishes, by short name. */
export const INTEGRATION_EVENTS = {
  'became-mid-to-long-term-resident': status(BecameMidToLongTermResident, 'The person became a mid-to-long-term resident (Art. 19-3, MLTR-2).'),
  'status-of-residence-changed': status(StatusOfResidenceChanged, 'A permission gave the person another status of residence (Arts. 20, 22, 22-2, 22-3, 50, 61-2-2).'),
  'period-of-stay-extended': status(PeriodOfStayExtended, 'The period of stay was extended (Art. 21).'),
  'residence-card-issued': status(ResidenceCardIssuedPayload, 'A residence card was issued, reissued or renewed (Arts. 19-6, 19-10 to 19-13).'),
  'residence-card-invalidated': status(ResidenceCardInvalidatedPayload, 'A residence card lost effect (Art. 19-14).'),
  'residence-municipality-changed': status(ResidenceMunicipalityChanged, 'The municipality of residence changed (Arts. 19-7 to 19-9, 61-8-2).'),
  departed: status(Departed, 'Departure confirmed at a port (Art. 25).'),
  reentered: status(ReenteredPayload, 'Re-entry on a re-entry permit or special re-entry permit (Arts. 26, 26-2).'),
  'address-lapse-ground-detected': status(AddressLapseGroundDetected, 'A 90-day address ground for cancellation arose (Art. 22-4(1)(viii), (ix)).'),
  'address-lapse-ground-withdrawn': status(AddressLapseGroundWithdrawn, 'A detected address ground was withdrawn by a later fact.'),
  'status-of-residence-cancelled': status(StatusOfResidenceCancelledPayload, 'The status of residence was cancelled (Art. 22-4).'),
  'ceased-to-be-mid-to-long-term-resident': status(CeasedToBeMidToLongTermResident, 'The person is no longer a mid-to-long-term resident (MLTR-3).'),
  'resident-particulars': personal(ResidentParticulars, 'Name, date of birth, sex and nationality as recorded or changed (Arts. 19-4(1)(i), 19-10).'),
  'residence-address-changed': personal(ResidenceAddressChanged, 'The residence address, street included (Arts. 19-7 to 19-9).'),
} as const satisfies Record<string, IntegrationEventSpec>;

export type IntegrationEventName = keyof typeof INTEGRATION_EVENTS;
export type IntegrationPayload<N extends IntegrationEventName> = z.infer<(typeof INTEGRATION_EVENTS)[N]['schema']>;

export const INTEGRATION_EVENT_NAMES = Object.keys(INTEGRATION_EVENTS) as IntegrationEventName[];

/** The CloudEvents `type` of an integration event. */
export const integrationTypeOf = (name: IntegrationEventName): string =>
  `${TYPE_PREFIX}${INTEGRATION_EVENTS[name].topic === 'personal' ? 'personal.' : ''}${name}.v1`;

/** Kafka topic names (also the AsyncAPI channel addresses). */
export const TOPIC_NAMES: Readonly<Record<IntegrationTopic, string>> = {
  status: 'register.resident-status.v1',
  personal: 'register.resident-personal.v1',
};
