/**
 * A value built at its first use, then kept. For the message catalogues: a command reads one
 * language's strings, and the functions of the others are then never created, which keeps them
 * out of start-up and out of the V8 code cache that every run deserialises (launch.ts).
 */
export function lazy<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
