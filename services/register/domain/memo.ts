/**
 * REG-2: several rules read the same derived value of one status query (the cards at D, for the
 * cards, their duties and their anomalies). The context and the timeline are immutable and built per
 * query, so a value computed from them alone is computed once per query and forgotten with it.
 */
export const oncePer = <K extends object, V>(compute: (key: K) => V): ((key: K) => V) => {
  const memo = new WeakMap<K, V>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
};
