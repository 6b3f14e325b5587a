import { expect } from 'vitest';
import type { ResidentEvent } from '../events/catalogue.js';
import { COMMAND_EVENTS, type CommandType, type ResidentCommand } from '../services/register/domain/commands.js';
import { decide } from '../services/register/domain/decide.js';
import { DomainError, type DomainErrorCode } from '../services/register/domain/errors.js';
import { foldResident } from '../services/register/domain/resident.js';
import { history, type Recorded } from './facts.js';

/** The command that asks for `event` (commands carry their event's data), e.g. `commandFor(landingPermitted())`. */
export const commandFor = (event: ResidentEvent): ResidentCommand => {
  const entry = Object.entries(COMMAND_EVENTS).find(([, eventType]) => eventType === event.type);
  if (entry === undefined) throw new Error(`no command records ${event.type}`);
  return { type: entry[0] as CommandType, data: event.data } as ResidentCommand;
};

const rejection = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but the command was accepted');
};

/** Decider specification: given (history) / when (command or the event it asks for) / then (events or error). */
export const given = (...past: readonly Recorded[]) => ({
  when: (commandOrEvent: ResidentCommand | ResidentEvent) => {
    const command = commandOrEvent.type in COMMAND_EVENTS ? (commandOrEvent as ResidentCommand) : commandFor(commandOrEvent as ResidentEvent);
    const run = (): ResidentEvent[] => decide(command, foldResident(history(...past)));
    return {
      then: (expected: readonly ResidentEvent[]): void => {
        expect(run()).toEqual(expected);
      },
      thenRejects: (code: DomainErrorCode, message?: RegExp): void => {
        const error = rejection(run);
        expect(error.code).toBe(code);
        if (message !== undefined) expect(error.message).toMatch(message);
      },
    };
  },
});
