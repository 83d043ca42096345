// What the session composes and hands down to every command and background system it runs: the
// network's address providers today, cluster DNS and the like tomorrow. A layer below defines only
// the key; the layer that provides the service fills it in. So curl (network/) finds the network
// without importing docker/ or kubernetes/, and core/ knows none of them.

/** A typed name for one service. */
export interface ServiceKey<T> {
  readonly name: string;
  /** Never set: carries T for the type checker. */
  readonly __type?: T;
}

export const serviceKey = <T>(name: string): ServiceKey<T> => ({ name });

export interface Services {
  get<T>(key: ServiceKey<T>): T | undefined;
}

export function services(entries: readonly (readonly [ServiceKey<unknown>, unknown])[] = []): Services {
  const byName = new Map(entries.map(([key, value]) => [key.name, value]));
  return { get: <T>(key: ServiceKey<T>) => byName.get(key.name) as T | undefined };
}

/** No services at all: what the engine's own offline runs get when nothing was handed down. */
export const NO_SERVICES: Services = services();
