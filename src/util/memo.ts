/**
 * Memoises a one-argument function by the identity of its argument (an AST node, a handler, a
 * source unit). Results live exactly as long as the key, so nothing outlives a lint run.
 */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key: K): V => {
    const cached = cache.get(key);
    // One lookup on a hit; `has` only tells a cached `undefined` from a miss.
    if (cached !== undefined || cache.has(key)) return cached as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
