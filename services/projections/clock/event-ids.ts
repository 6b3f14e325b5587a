import { v5 as uuidv5 } from 'uuid';

/** Namespace of the clock's event ids (UUID v5); fixed forever, or a re-run would append its findings again. */
export const CLOCK_EVENT_NAMESPACE = '371503ad-1816-4586-b977-0082f6e708d8';

/**
 * Architecture decision 4: the id of a clock event is derived from the resident and the finding's key
 * (`clock/<residentId>/<key>`), so two ticks that find the same thing append it once.
 */
export const clockEventId = (residentId: string, key: string): string => uuidv5(`clock/${residentId}/${key}`, CLOCK_EVENT_NAMESPACE);
