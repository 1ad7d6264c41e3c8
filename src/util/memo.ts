/** Stands for a computed `undefined` in a memo cache, where `undefined` means "not computed yet". */
const UNDEFINED: unique symbol = Symbol('undefined');

/**
 * Memoises a one-argument function by the identity of its argument (an AST node, a handler, a
 * source unit). Results live exactly as long as the key, so nothing outlives a lint run.
 */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V | typeof UNDEFINED>();
  return (key: K): V => {
    const cached = cache.get(key);
    // One lookup on a hit or a miss: a cached `undefined` is stored as a marker.
    if (cached !== undefined) return (cached === UNDEFINED ? undefined : cached) as V;
    const value = compute(key);
    cache.set(key, value === undefined ? UNDEFINED : value);
    return value;
  };
}

/**
 * {@link memoize} for functions of a whole file (a source unit), with the last key and value kept in
 * front of the weak map. The analysis asks for one file's indexes thousands of times in a row (every
 * variable lookup asks for the unit's variable index), and a comparison costs far less than a weak-map
 * lookup. The one strong reference this keeps is to the last unit asked for, until another is.
 */
export function memoizeByUnit<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memoized = memoize(compute);
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key: K): V => {
    if (key !== lastKey) {
      lastValue = memoized(key);
      lastKey = key;
    }
    return lastValue as V;
  };
}
