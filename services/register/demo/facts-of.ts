import type { Instant } from '../../../events/values.js';
import type { ResidentCommand } from '../domain/commands.js';
import { decide } from '../domain/decide.js';
import type { Fact } from '../domain/facts.js';
import { evolve, initialState, type Resident } from '../domain/resident.js';

/** A generated resident's commands folded through the pure decider into facts, as the command path would record them. */
export const factsOfCommands = (commands: Iterable<{ readonly command: ResidentCommand; readonly recordedAt: Instant }>): Fact[] => {
  let state: Resident = initialState;
  const facts: Fact[] = [];
  for (const { command, recordedAt } of commands)
    for (const event of decide(command, state)) {
      const fact: Fact = { event, recordedAt, revision: facts.length };
      facts.push(fact);
      state = evolve(state, fact);
    }
  return facts;
};
