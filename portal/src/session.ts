/**
 * The citizen's login. The token lives in sessionStorage — gone when the tab closes, never in a URL —
 * and "Esci" removes it at once.
 */

export interface Session {
  readonly jwt: string;
  readonly email: string;
  readonly name: string;
}

const KEY = 'sportello.sessione';
const listeners = new Set<() => void>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.jwt === 'string' && typeof record.email === 'string' && typeof record.name === 'string';
}

export function currentSession(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function startSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  changed();
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
  changed();
}

export function onSessionChange(listener: () => void): void {
  listeners.add(listener);
}
