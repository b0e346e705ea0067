/**
 * The citizen's login. The token lives in localStorage, so a link opened in a new tab (every mail's)
 * finds the citizen logged in; never in a URL. "Esci" removes it at once, in every tab: the others
 * hear of it through the storage event, as they do of a login.
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
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function startSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
  changed();
}

export function endSession(): void {
  localStorage.removeItem(KEY);
  changed();
}

export function onSessionChange(listener: () => void): void {
  listeners.add(listener);
}

// A login or a logout in another tab.
window.addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) changed();
});
