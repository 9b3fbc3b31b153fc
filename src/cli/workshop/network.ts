import { networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses that other machines on the network can reach. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push(entry.address);
    }
  }
  return found;
}

export function isWildcard(host: string | undefined): boolean {
  return host === undefined || host === '' || host === '0.0.0.0' || host === '::';
}

/** The host to put in the printed URLs: the one given, else a LAN address, else loopback. */
export function publicHost(host: string | undefined, lan: readonly string[]): string {
  const chosen = isWildcard(host) ? (lan[0] ?? '127.0.0.1') : (host ?? '127.0.0.1');
  return chosen.includes(':') ? `[${chosen}]` : chosen;
}
