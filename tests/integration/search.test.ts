import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

/** Full-text search of the archive: Italian, accents folded, word prefixes, public words only. */
describe('archive search', () => {
  let app: TestApp;
  let officer: TestStaff;
  const search = async (q: string, extra = '') =>
    (
      await app
        .http()
        .get(`/api/segnalazioni/reports?q=${encodeURIComponent(q)}${extra}`)
        .expect(200)
    ).body.data.map((r: { title: string }) => r.title);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'rita.verde@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [officer.id], ['rifiuti']);
    const citizen = await createCitizen(app, 'ugo.ferro@example.it');
    const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
      app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
    const reports: [string, string, Record<string, unknown> | null][] = [
      ['Cassonetto pieno in via Roma', 'Il cassonetto della carta trabocca da giorni.', {}],
      ['Perché il lampione è spento?', 'Il lampione di via Dante è spento, la strada è buia.', {}],
      ['Rifiuti in piazza', 'Sacchi abbandonati vicino ai cassonetti, accanto alla targa AB123CD.', { publicText: 'Sacchi abbandonati vicino ai cassonetti.' }],
      ['Cassonetto segreto', 'Cassonetto non pubblicato.', null],
    ];
    for (const [title, description, moderation] of reports) {
      const { documentId } = await app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({ citizen, input: { title, description, category: 'rifiuti' }, files: [] });
      if (!moderation) continue;
      await act(documentId, 'take_in_charge');
      await act(documentId, 'moderate_text', { decision: 'approve', ...moderation });
      await act(documentId, 'publish');
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('finds a published report by a word prefix', async () => {
    expect((await search('cassonett')).sort()).toEqual(['Cassonetto pieno in via Roma', 'Rifiuti in piazza']);
  });

  it('folds accents both ways', async () => {
    expect(await search('perche')).toEqual(['Perché il lampione è spento?']);
    expect(await search('PERCHÉ')).toEqual(['Perché il lampione è spento?']);
  });

  it('requires every word, and combines with the filters', async () => {
    expect(await search('cassonetto carta')).toEqual(['Cassonetto pieno in via Roma']);
    expect(await search('cassonett', '&category=segnaletica')).toEqual([]);
  });

  it('counts every match, on any page, also past the last one', async () => {
    const first = (await app.http().get('/api/segnalazioni/reports?q=cassonett&pageSize=1').expect(200)).body;
    expect(first.data).toHaveLength(1);
    expect(first.meta.pagination).toMatchObject({ total: 2, pageCount: 2 });
    const beyond = (await app.http().get('/api/segnalazioni/reports?q=cassonett&page=9').expect(200)).body;
    expect(beyond.data).toEqual([]);
    expect(beyond.meta.pagination.total).toBe(2);
  });

  it('never finds what is not public: an unpublished report, or the words a redaction removed', async () => {
    expect(await search('segreto')).toEqual([]);
    expect(await search('AB123CD')).toEqual([]);
  });

  it('ranks by relevance when asked, and takes odd input without complaint', async () => {
    const ranked = await search('cassonett', '&sort=relevance');
    expect(ranked).toHaveLength(2);
    expect(await search('"):* & |!')).toEqual([]);
    expect(await search("l'auto")).toEqual([]);
  });

  it('unpublishing takes a report out of the index', async () => {
    const [report] = (await app.http().get('/api/segnalazioni/reports?q=lampione').expect(200)).body.data;
    await app.http().post(`/segnalazioni/reports/${report.documentId}/actions/unpublish`).set('Authorization', `Bearer ${officer.token}`).send({}).expect(200);
    expect(await search('lampione')).toEqual([]);
  });

  it('fills an empty archive projection from the published reports', async () => {
    await app.strapi.db.connection('segnalazioni_archive_reports').delete();
    expect(await search('cassonett')).toEqual([]);
    expect(await app.strapi.plugin('segnalazioni').service('archive-projection').backfill()).toBe(2);
    expect((await search('cassonett')).sort()).toEqual(['Cassonetto pieno in via Roma', 'Rifiuti in piazza']);
  });
});
