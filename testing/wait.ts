/**
 * Waits for a condition that asynchronous work will make true (a subscription reaching a
 * position), checking after each turn of the event loop; fails loudly rather than hanging.
 */
export const waitUntil = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
