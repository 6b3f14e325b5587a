/**
 * Splits a JSON array arriving in chunks into the text of its elements, one at a time, so a batch
 * is never held whole in memory (issue #5). Only the structure is scanned (strings, escapes,
 * nesting); each element is then parsed on its own, so one bad element is one rejected record.
 */

/** The body is not a JSON array at all, or it ends early: the batch cannot be read further. */
export class MalformedBatchError extends Error {
  override readonly name = 'MalformedBatchError';
}

interface ScanState {
  started: boolean;
  finished: boolean;
  depth: number;
  inString: boolean;
  escaped: boolean;
  current: string;
}

const WHITESPACE = /\s/;

/** Scans one chunk, returning the elements completed in it. */
const scan = (state: ScanState, chunk: string, maxElement: number): string[] => {
  const done: string[] = [];
  let start = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    const c = chunk.charAt(i);
    if (state.finished || !state.started) {
      if (WHITESPACE.test(c)) continue;
      if (state.finished) throw new MalformedBatchError('text after the end of the JSON array');
      if (c !== '[') throw new MalformedBatchError('the body must be a JSON array of relays');
      state.started = true;
      start = i + 1;
      continue;
    }
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === '\\') state.escaped = true;
      else if (c === '"') state.inString = false;
    } else if (c === '"') state.inString = true;
    else if (c === '{' || c === '[') state.depth += 1;
    else if ((c === ',' || c === ']') && state.depth === 0) {
      const element = state.current + chunk.slice(start, i);
      state.current = '';
      start = i + 1;
      if (c === ']') state.finished = true;
      if (element.trim().length > 0 || c === ',') done.push(element);
    } else if (c === '}' || c === ']') state.depth -= 1;
  }
  if (state.started && !state.finished) state.current += chunk.slice(start);
  if (state.current.length > maxElement) throw new MalformedBatchError(`an element is longer than ${maxElement} characters`);
  return done;
};

/** The text of each element of the JSON array the chunks spell, as soon as it is complete. */
export async function* jsonArrayElements(chunks: AsyncIterable<string>, maxElement = 65_536): AsyncGenerator<string> {
  const state: ScanState = { started: false, finished: false, depth: 0, inString: false, escaped: false, current: '' };
  for await (const chunk of chunks) yield* scan(state, chunk, maxElement);
  if (!state.finished) throw new MalformedBatchError(state.started ? 'the JSON array is not closed' : 'the body is empty');
}
