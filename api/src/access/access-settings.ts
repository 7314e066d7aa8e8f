import { loadConfig } from '../config';
import type { TokenSettings } from './tokens';

let settings: TokenSettings | undefined;

/**
 * Sets the key and lifetime `staffLogin` signs tokens with. The app calls it at start with the
 * same config it verifies tokens with; until then they are read once from the environment.
 */
export function configureAccess(next: { jwtSecret: string; jwtTtlSeconds: number }): void {
  settings = { secret: next.jwtSecret, ttlSeconds: next.jwtTtlSeconds };
}

export function tokenSettings(): TokenSettings {
  if (!settings) {
    const config = loadConfig();
    settings = { secret: config.jwtSecret, ttlSeconds: config.jwtTtlSeconds };
  }
  return settings;
}
