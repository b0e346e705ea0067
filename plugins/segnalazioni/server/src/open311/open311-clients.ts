import type { Core } from '@strapi/strapi';
import { forbidden } from '../common/errors';
import { PLUGIN_ID } from '../common/domain/uids';

/** The permission a key needs to post service requests: an action of the content API, granted to API tokens (or roles) in the admin. */
export const OPEN311_CREATE = `plugin::${PLUGIN_ID}.open311.create`;

/** Who posted, for the report's history. */
export interface Open311Client {
  readonly id: string;
  readonly label: string;
}

interface Credentials {
  readonly id?: number | string;
  readonly name?: string;
  readonly email?: string;
}

/**
 * The client an `api_key` belongs to. GeoReport clients send the key as a parameter, not as a
 * header; it is checked by Strapi's own content-API authentication, exactly as a Bearer token
 * would be: an API token (not expired; full access, or custom with OPEN311_CREATE) or a role that
 * holds that permission. Anything else is refused with a 403, as the spec says (a PolicyError:
 * Strapi keeps its message).
 */
export async function open311Client(strapi: Core.Strapi, apiKey: string | undefined): Promise<Open311Client> {
  if (!apiKey) throw forbidden('api_key: manca la chiave del servizio; si ottiene dal Comune.');
  const auth = strapi.get('auth');
  const request = {
    request: { header: { authorization: `Bearer ${apiKey}` } },
    state: { route: { info: { type: 'content-api' }, config: {} } } as { route: unknown; auth?: { credentials?: Credentials } },
    unauthorized: () => {
      throw forbidden('api_key: chiave non valida o scaduta.');
    },
  };
  await auth.authenticate(request, async () => undefined);
  try {
    await auth.verify(request.state.auth, { scope: [OPEN311_CREATE] });
  } catch {
    throw forbidden('api_key: questa chiave non può inviare segnalazioni.');
  }
  const credentials = request.state.auth?.credentials;
  if (!credentials) throw forbidden('api_key: chiave non valida o scaduta.');
  return credentials.name
    ? { id: `api-token:${credentials.id}`, label: credentials.name }
    : { id: `user:${credentials.id}`, label: credentials.email ?? String(credentials.id) };
}
