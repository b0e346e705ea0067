import v8 from 'v8';
import vm from 'vm';
import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, publishThroughPanel } from '../helpers/staff';

// A full collection before each heap reading, so the figures are what is retained, not garbage.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** GraphQL floods (issue 11): every limit refuses at once, in Italian, and leaves the server answering. */
describe('GraphQL under hostile queries', () => {
  let app: TestApp;
  let publishedId: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });
  const LEGIT =
    'query($c: String) { segnalazioniReports(category: $c, pageSize: 10) { data { documentId title category { slug } photos { url } replies { body } } pagination { total } } }';

  const expectLegitQueryAnswers = async () => {
    const response = await gql(LEGIT, { c: 'dissesto-stradale' }).expect(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.segnalazioniReports.data.map((report: { title: string }) => report.title)).toEqual(['Buca pubblicata']);
  };

  const heapAfterCollection = () => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    const officer = await createStaff(app, 'ivo.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    const citizen = await createCitizen(app, 'nadia.riva@example.it');
    const { documentId } = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Buca pubblicata', description: 'Una buca davanti al civico 3.', category: 'dissesto-stradale' },
        files: [],
      });
    await publishThroughPanel(app, officer, documentId);
    publishedId = documentId;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers a legitimate archive query', async () => {
    await expectLegitQueryAnswers();
    const one = await gql('query($id: ID!) { segnalazioniReport(documentId: $id) { title } }', { id: publishedId }).expect(200);
    expect(one.body.data.segnalazioniReport).toEqual({ title: 'Buca pubblicata' });
  });

  it('refuses 9,000 aliases (650 kB) in well under a second, and answers the next query', async () => {
    const flood = `{ ${Array.from({ length: 9000 }, (_, i) => `a${i}: segnalazioniReports { pagination { total } }`).join(' ')} }`;
    expect(flood.length).toBeGreaterThan(400_000);
    const started = Date.now();
    const response = await gql(flood);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(413);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'La richiesta GraphQL è troppo grande: al massimo 8192 byte.' })]);
    expect(response.body.data).toBeUndefined();
    expect(elapsed).toBeLessThan(1000);
    await expectLegitQueryAnswers();
  });

  it('refuses more than 15 aliases, however small the query', async () => {
    const response = await gql(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: segnalazioniCategories { slug }`).join(' ')} }`).expect(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'Troppi alias nella richiesta GraphQL: al massimo 15 (aliases).',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
    await gql(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: segnalazioniCategories { slug }`).join(' ')} }`).expect(200);
  });

  it('refuses a 900 kB id, 100 times over, without the heap growing', async () => {
    const hugeId = 'a'.repeat(900_000);
    const query = 'query($id: ID!) { segnalazioniReport(documentId: $id) { title } }';
    await gql(query, { id: hugeId });
    const before = heapAfterCollection();
    const answers: { status: number; message?: string }[] = [];
    for (let i = 0; i < 100; i += 1) {
      // A different id each time, as an attacker filling a cache would send.
      const response = await gql(query, { id: `${i}${hugeId}` });
      answers.push({ status: response.status, message: response.body.errors?.[0]?.message });
    }
    const grown = heapAfterCollection() - before;
    // 100 × 900 kB kept would be 90 MB.
    expect(grown).toBeLessThan(15 * 1024 * 1024);
    expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(
      new Set([JSON.stringify({ status: 400, message: 'Un argomento della richiesta GraphQL è troppo lungo: al massimo 1000 caratteri.' })]),
    );
    const literal = await gql(`{ segnalazioniReport(documentId: "${'b'.repeat(5000)}") { title } }`).expect(400);
    expect(literal.body.errors[0].message).toBe('Un argomento della richiesta GraphQL è troppo lungo: al massimo 1000 caratteri.');
    await expectLegitQueryAnswers();
  });

  it('refuses a query deeper than the depth limit, in Italian', async () => {
    const deep = await gql('{ usersPermissionsUsers { role { users { role { users { role { users { role { users { username } } } } } } } } } }').expect(400);
    expect(deep.body.errors).toEqual([
      expect.objectContaining({ message: 'La richiesta GraphQL è troppo annidata: al massimo 7 livelli sotto il campo principale (depth).' }),
    ]);
  });

  it('refuses a fragment that spreads itself with a 400, not a stack overflow and a 500', async () => {
    const cycle = await gql('{ ...A } fragment A on Query { ...A }');
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].message).toBe('Un frammento della richiesta GraphQL include se stesso.');
    await expectLegitQueryAnswers();
  });

  it('refuses more than 10 directives', async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}: slug @include(if: true)`).join(' ');
    const many = await gql(`{ segnalazioniCategories { ${fields(11)} } }`).expect(400);
    expect(many.body.errors).toEqual([expect.objectContaining({ message: 'Troppe direttive nella richiesta GraphQL: al massimo 10 (directives).' })]);
    await gql(`{ segnalazioniCategories { ${fields(10)} } }`).expect(200);
  });

  it('refuses a huge query string before parsing it, and too many tokens in a small one', async () => {
    const padded = await gql(`{ segnalazioniCategories { slug } }${' '.repeat(10_000)}`);
    expect(padded.status).toBe(413);
    expect(padded.body.errors[0].message).toBe('La richiesta GraphQL è troppo grande: al massimo 8192 byte.');

    const tokens = `{ segnalazioniCategories { ${'slug '.repeat(1100)}} }`;
    expect(Buffer.byteLength(tokens)).toBeLessThan(8192);
    const many = await gql(tokens).expect(400);
    expect(many.body.errors).toEqual([expect.objectContaining({ message: 'La richiesta GraphQL è troppo lunga: al massimo 1000 elementi (token).' })]);
    await expectLegitQueryAnswers();
  });

  it('refuses the same limits on GET', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: segnalazioniCategories { slug }`).join(' ')} }`;
    const response = await app.http().get('/graphql').set('apollo-require-preflight', 'true').query({ query }).expect(400);
    expect(response.body.errors[0].message).toBe('Troppi alias nella richiesta GraphQL: al massimo 15 (aliases).');
  });
});
