import { generateResident, type PlannedCommand } from '../../services/register/demo/population.js';

export interface FreshCommand {
  readonly residentId: string;
  readonly planned: PlannedCommand;
}

/**
 * The generated commands of residents outside the loaded population (indexes from `firstIndex`), each
 * resident's in order, endlessly: what the timed phases write while they measure.
 */
export function* freshCommands(seed: string, firstIndex: number): Generator<FreshCommand, void, undefined> {
  for (let index = firstIndex; ; index += 1) {
    const resident = generateResident(seed, index);
    for (const planned of resident.commands) yield { residentId: resident.residentId, planned };
  }
}
