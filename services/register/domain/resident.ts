import type { Fact } from './facts.js';

/**
 * The decider's state: what the register knows of one person, as the facts of the stream. The law
 * is bitemporal (late relays, corrections, DT-8), so decisions are taken on the status at the
 * command's legal date, computed from these facts by the same status function the read side uses.
 */
export type Resident =
  | { readonly kind: 'unregistered' }
  | { readonly kind: 'registered'; readonly residentId: string; readonly facts: readonly Fact[] };

export const initialState: Resident = { kind: 'unregistered' };

/** Total: every fact is kept; nothing is rejected when replaying history. */
export const evolve = (state: Resident, fact: Fact): Resident =>
  state.kind === 'unregistered'
    ? { kind: 'registered', residentId: fact.event.data.residentId, facts: [fact] }
    : { ...state, facts: [...state.facts, fact] };

export const foldResident = (facts: readonly Fact[]): Resident => facts.reduce(evolve, initialState);
