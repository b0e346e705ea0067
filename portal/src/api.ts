import type { SubmissionInput } from '../../plugins/segnalazioni/server/src/intake/domain/report-input';
import type { OwnReport, PublicCategory, PublicReport, ReportStatusView } from '../../plugins/segnalazioni/server/src/archive/domain/visibility';
import type { ReportFeature } from '../../plugins/segnalazioni/server/src/archive/domain/geojson';
import type { Place } from '../../plugins/segnalazioni/server/src/places/domain/nominatim';
import type { RatedPage, RatingAnswer } from '../../plugins/segnalazioni/server/src/ratings/domain/rating-words';
import { currentSession, endSession } from './session';
import { t, type Locale, type MessageKey } from './i18n';

/**
 * The portal reads only the public and citizen APIs, exactly as any other client would. Errors come
 * in Strapi's format, `{ error: { status, name, message, details } }`; this module turns them into
 * an `ApiError` whose messages a citizen can read and, where the server says so, tied to a form field.
 */

export type { OwnReport, Place, PublicCategory, PublicReport, ReportFeature, ReportStatusView, SubmissionInput };

/** A report opened by its personal link: as its citizen sees it, with when the link ends. */
export type FollowedReport = OwnReport & { readonly link: { readonly expiresAt: string } };

export interface Pagination {
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  readonly total: number;
}

export interface Page<T> {
  readonly data: T[];
  readonly meta: { readonly pagination: Pagination };
}

export interface Citizen {
  readonly email: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  /** The language of the citizen's mails. */
  readonly language?: string | null;
}

/** One problem the server found, and the form field it belongs to (empty: the form as a whole). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

interface StrapiErrorBody {
  readonly error?: {
    readonly status?: number;
    readonly message?: string;
    readonly details?: {
      readonly path?: string | readonly string[];
      readonly errors?: readonly { readonly path?: string | readonly string[]; readonly name?: string; readonly message?: string }[];
    };
  };
}

/**
 * users-permissions answers in English: the messages a citizen can meet while registering or
 * logging in, in the portal's language. The segnalazioni plugin's own messages are Italian, and
 * stay as the server wrote them.
 */
const AUTH_MESSAGES: readonly [RegExp, MessageKey][] = [
  [/invalid identifier or password/i, 'auth.invalidCredentials'],
  [/email is not confirmed/i, 'auth.notConfirmed'],
  [/blocked/i, 'auth.blocked'],
  [/already taken/i, 'auth.emailTaken'],
  [/too many requests/i, 'auth.tooManyRequests'],
  [/less than 73 bytes/i, 'auth.passwordTooLong'],
  [/password validation failed/i, 'register.shortPassword'],
  [/must be a valid email/i, 'auth.invalidEmail'],
];

const translated = (message: string) => {
  const key = AUTH_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
  return key ? t(key) : message;
};

const fieldOf = (path: string | readonly string[] | undefined) => (Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '');

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => ({}))) as StrapiErrorBody;
    const error = body.error ?? {};
    const message = translated(error.message || t('api.unexpected', { status: response.status }));
    const listed = (error.details?.errors ?? []).map((problem) => ({
      // Photo problems name the file, not a field: they belong to the photos field.
      field: problem.name !== undefined ? 'photos' : fieldOf(problem.path),
      message: translated(problem.message ?? message),
    }));
    const problems = listed.length > 0 ? listed : [{ field: fieldOf(error.details?.path), message }];
    return new ApiError(response.status, message, problems);
  }
}

/** The session ended (expired token, or none): the page asks the citizen to log in again. */
export class LoginRequired extends Error {
  constructor() {
    super(t('api.loginRequired'));
    this.name = 'LoginRequired';
  }
}

type Query = Readonly<Record<string, string | number | undefined>>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function call<T>(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.auth) {
    const session = currentSession();
    if (!session) throw new LoginRequired();
    headers.set('Authorization', `Bearer ${session.jwt}`);
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'omit' });
  } catch {
    throw new ApiError(0, t('api.unreachable'), []);
  }
  if (init.auth && response.status === 401) {
    endSession();
    throw new LoginRequired();
  }
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as T;
}

const postJson = <T>(path: string, body: unknown) =>
  call<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  categories: () => call<{ data: PublicCategory[] }>('/api/segnalazioni/categories').then((body) => body.data),

  reports: (query: Query) => call<Page<PublicReport>>(withQuery('/api/segnalazioni/reports', query)),

  /** The same archive query as a FeatureCollection, for the archive's map. */
  reportFeatures: (query: Query) => call<{ features: ReportFeature[]; pagination: Pagination }>(withQuery('/api/segnalazioni/reports.geojson', query)),

  /** Places of the municipality matching what the citizen typed, through our server's geocoder. */
  searchPlaces: (q: string) => call<{ data: Place[] }>(withQuery('/api/segnalazioni/places/search', { q })).then((body) => body.data),

  /** The address at a point, or null. */
  placeAt: (latitude: number, longitude: number) =>
    call<{ data: Place | null }>(withQuery('/api/segnalazioni/places/reverse', { lat: latitude, lng: longitude })).then((body) => body.data),

  report: (documentId: string) => call<{ data: PublicReport }>(`/api/segnalazioni/reports/${encodeURIComponent(documentId)}`).then((body) => body.data),

  register: (input: { email: string; password: string; firstName: string; lastName: string; language: Locale }) =>
    // The email is also the username: citizens log in with it.
    postJson<{ user: Citizen }>('/api/auth/local/register', { username: input.email, ...input }),

  resendConfirmation: (email: string) => postJson<{ sent: boolean }>('/api/auth/send-email-confirmation', { email }),

  login: (identifier: string, password: string) => postJson<{ jwt: string; user: Citizen }>('/api/auth/local', { identifier, password }),

  /** The language of the citizen's mails from now on. */
  setLanguage: (language: Locale) =>
    call<{ data: { language: Locale } }>('/api/segnalazioni/my/language', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language }),
      auth: true,
    }),

  /** Ends every token of the citizen on the server, this tab's and any other's. */
  logout: () => call<{ ok: boolean }>('/api/auth/logout', { method: 'POST', auth: true }),

  forgotPassword: (email: string) => postJson<{ ok: boolean }>('/api/auth/forgot-password', { email }),

  resetPassword: (code: string, password: string) =>
    postJson<{ jwt: string; user: Citizen }>('/api/auth/reset-password', { code, password, passwordConfirmation: password }),

  /** `idempotencyKey` names this submission: sent again with it (a retry after a timeout), the server answers the same report. */
  submitReport: (data: SubmissionInput, photos: readonly File[], idempotencyKey: string) => {
    const form = new FormData();
    form.set('data', JSON.stringify(data));
    for (const photo of photos) form.append('photos', photo, photo.name);
    return call<{ data: OwnReport }>('/api/segnalazioni/reports', {
      method: 'POST',
      body: form,
      auth: true,
      headers: { 'Idempotency-Key': idempotencyKey },
    }).then((body) => body.data);
  },

  myReports: (page: number) => call<Page<OwnReport>>(withQuery('/api/segnalazioni/my/reports', { page, pageSize: 10 }), { auth: true }),

  /** A report opened by the personal link of its citizen's messages: no login. */
  followed: (token: string) => call<{ data: FollowedReport }>(`/api/segnalazioni/follow/${encodeURIComponent(token)}`).then((body) => body.data),

  /** Ends every personal link to the report issued so far. */
  revokeFollowLinks: (token: string) => call<{ data: { revoked: true } }>(`/api/segnalazioni/follow/${encodeURIComponent(token)}/revoke`, { method: 'POST' }),

  /** Rates the service, anonymously. */
  rate: (rating: { page: RatedPage; stars: number; answer: RatingAnswer; detail?: string }) =>
    postJson<{ data: { recorded: true } }>('/api/segnalazioni/ratings', rating),

  /** Where a report stands, by its reference: anyone may ask. */
  lookup: (reference: string) => call<{ data: ReportStatusView }>(withQuery('/api/segnalazioni/lookup', { reference })).then((body) => body.data),

  myReport: (documentId: string) =>
    call<{ data: OwnReport }>(`/api/segnalazioni/my/reports/${encodeURIComponent(documentId)}`, { auth: true }).then((body) => body.data),
};
