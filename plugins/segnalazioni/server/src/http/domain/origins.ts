/**
 * The browser origins allowed to call the APIs: the public address's own origin and the listed
 * ones, each reduced to `scheme://host[:port]`. A malformed entry stops the start-up with its name,
 * rather than silently allowing nothing (or everything).
 */
export function allowedOrigins(publicUrl: string, listed: readonly string[]): string[] {
  const origins = [publicUrl, ...listed.map((entry) => entry.trim()).filter(Boolean)].map((entry) => {
    if (entry === '*') throw new Error('CORS_ORIGINS must list origins, not "*": any site could act with a logged-in user\'s session');
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`CORS_ORIGINS / PUBLIC_URL: "${entry}" is not an address like https://www.comune.example.it`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`CORS_ORIGINS: "${entry}" must start with https:// or http://`);
    return url.origin;
  });
  return [...new Set(origins)];
}
