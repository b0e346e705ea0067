import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';

type Element = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What RFC 4287 requires of a feed and of each entry (§4.1.1, §4.1.2): checked on the parsed document. */
function atomProblems(feed: Element): string[] {
  const problems: string[] = [];
  const need = (where: string, element: Element, names: string[]) => {
    for (const name of names) if (element[name] === undefined || element[name] === '') problems.push(`${where}: no <${name}>`);
  };
  need('feed', feed, ['id', 'title', 'updated', 'author']);
  if (!RFC3339.test(String(feed.updated))) problems.push(`feed: updated "${feed.updated}" is not RFC 3339`);
  const links = (feed.link ?? []) as Element[];
  if (!links.some((link) => link['@rel'] === 'self')) problems.push('feed: no self link');
  for (const [index, entry] of ((feed.entry ?? []) as Element[]).entries()) {
    need(`entry ${index}`, entry, ['id', 'title', 'updated']);
    if (!RFC3339.test(String(entry.updated))) problems.push(`entry ${index}: updated "${entry.updated}" is not RFC 3339`);
    if (!((entry.link ?? []) as Element[]).some((link) => link['@rel'] === 'alternate' && link['@href'])) problems.push(`entry ${index}: no alternate link`);
  }
  return problems;
}

/** The archive as Atom feeds: valid, only what is public, a category's and a report's. */
describe('Atom feeds of the archive', () => {
  let app: TestApp;
  let officer: TestStaff;
  let published: { documentId: string };
  let unpublished: { documentId: string };

  const fetchFeed = async (path: string) => {
    const response = await app.http().get(path).expect(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(response.text)).toBe(true);
    const feed = parser.parse(response.text).feed as Element;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atomProblems(feed)).toEqual([]);
    return { feed, text: response.text, etag: response.headers.etag as string };
  };

  beforeAll(async () => {
    app = await startApp({ PUBLIC_URL: 'https://segnala.comune.example.it' });
    officer = await createStaff(app, 'feed.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    const citizen = await createCitizen(app, 'feed.lettore@example.it');
    const submit = (title: string, description: string) =>
      app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({ citizen, input: { title, description, category: 'dissesto-stradale' }, files: [] });
    published = await submit('Buca <grande> & profonda', 'Davanti al civico 4\u0007, sul lato della scuola.');
    unpublished = await submit('Tombino segreto', 'Non ancora pubblicata.');
    await publishThroughPanel(app, officer, published.documentId);
    const act = (action: string, body: object) =>
      app.http().post(`/segnalazioni/reports/${published.documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
    await act('reply', { kind: 'progress', body: 'Lavori lunedì.', public: true });
    await act('reply', { kind: 'progress', body: 'Riservato: il signor Rossi è stato avvisato.', public: false });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists the newest published reports, valid Atom, nothing unpublished or private', async () => {
    const { feed, text, etag } = await fetchFeed('/api/segnalazioni/feeds/reports.atom');
    const entries = feed.entry as Element[];
    expect(entries.map((entry) => entry.id)).toEqual([`https://segnala.comune.example.it/sportello/segnalazioni/${published.documentId}`]);
    expect(entries[0]).toMatchObject({ title: 'Buca <grande> & profonda', category: [{ '@term': 'dissesto-stradale', '@label': 'Dissesto stradale' }] });
    expect(text).not.toContain('Tombino segreto');
    expect(text).not.toContain('feed.lettore@example.it');
    expect(text).not.toContain('Rossi');
    expect(feed.title).toBe('Segnalazioni – Comune di Esempio');
    // Revalidated like the archive.
    await app.http().get('/api/segnalazioni/feeds/reports.atom').set('If-None-Match', etag).expect(304);
  });

  it('gives a category’s feed, and any archive query’s', async () => {
    const { feed } = await fetchFeed('/api/segnalazioni/feeds/reports.atom?category=dissesto-stradale');
    expect(feed.title).toBe('Segnalazioni – Dissesto stradale – Comune di Esempio');
    expect((feed.entry as Element[]).length).toBe(1);
    expect((await fetchFeed('/api/segnalazioni/feeds/reports.atom?category=rifiuti')).feed.entry).toBeUndefined();
    await app.http().get('/api/segnalazioni/feeds/reports.atom?pageSize=1000').expect(400);
    await app.http().get('/api/segnalazioni/feeds/reports.atom?status=chiusa').expect(400);
  });

  it('follows one report: its publication and public replies, newest first', async () => {
    const { feed, text } = await fetchFeed(`/api/segnalazioni/feeds/reports/${published.documentId}.atom`);
    expect((feed.entry as Element[]).map((entry) => entry.title)).toEqual(['Aggiornamento dell’ufficio', 'Segnalazione pubblicata']);
    expect(text).toContain('Lavori lunedì.');
    expect(text).not.toContain('Rossi');
    await app.http().get(`/api/segnalazioni/feeds/reports/${unpublished.documentId}.atom`).expect(404);
    await app.http().get('/api/segnalazioni/feeds/reports/..%2F..%2Fetc.atom').expect(404);
  });
});
