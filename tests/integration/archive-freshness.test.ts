import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

interface Listed {
  documentId: string;
  title: string;
  category: { name: string } | null;
  replies: { body: string }[];
}

/**
 * The archive keeps its answers until the archive changes: every change shows on the next request,
 * and the mechanism lives in the database, so it holds for any number of server processes.
 */
describe('archive freshness', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizen: Awaited<ReturnType<typeof createCitizen>>;
  const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  const list = async (query = '') =>
    (await app.http().get(`/api/segnalazioni/reports${query}`).expect(200)).body as { data: Listed[]; meta: { pagination: { total: number } } };
  const rifiutiCount = async () =>
    ((await app.http().get('/api/segnalazioni/categories').expect(200)).body.data as { slug: string; reportCount: number }[]).find((c) => c.slug === 'rifiuti')
      ?.reportCount;
  const submit = async (title: string) =>
    (
      await app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({ citizen, input: { title, description: `${title}: descrizione.`, category: 'rifiuti' }, files: [] })
    ).documentId as string;
  const publish = async (documentId: string) => {
    await act(documentId, 'take_in_charge');
    await act(documentId, 'moderate_text', { decision: 'approve' });
    await act(documentId, 'publish');
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'lia.neri@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [officer.id], ['rifiuti']);
    citizen = await createCitizen(app, 'ada.bruno@example.it');
    await publish(await submit('Sacchi in via Roma'));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows a publication on the next request: list, total, search, category counts', async () => {
    const before = await list();
    const countBefore = await rifiutiCount();
    await list('?q=vetro');
    const id = await submit('Vetri rotti in piazza');
    await publish(id);
    const after = await list();
    expect(after.meta.pagination.total).toBe(before.meta.pagination.total + 1);
    expect(after.data[0].documentId).toBe(id);
    expect((await list('?q=vetri')).data.map((r) => r.documentId)).toEqual([id]);
    expect(await rifiutiCount()).toBe((countBefore ?? 0) + 1);
  });

  it('shows a public reply and an unpublication on the next request', async () => {
    const [report] = (await list()).data;
    await app.http().get(`/api/segnalazioni/reports/${report.documentId}`).expect(200);
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'Interverremo martedì.', public: true });
    const shown = (await app.http().get(`/api/segnalazioni/reports/${report.documentId}`).expect(200)).body.data as Listed;
    expect(shown.replies.map((reply) => reply.body)).toEqual(['Interverremo martedì.']);
    await act(report.documentId, 'unpublish');
    await app.http().get(`/api/segnalazioni/reports/${report.documentId}`).expect(404);
    expect((await list()).data.map((r) => r.documentId)).not.toContain(report.documentId);
  });

  it('follows a published report to the category URP moves it to: filter, counts and search', async () => {
    const id = await submit('Bottiglie sul marciapiede');
    await publish(id);
    expect((await list('?category=rifiuti')).data.map((r) => r.documentId)).toContain(id);
    await act(id, 'reassign', { category: 'zone-verdi' });
    expect((await list('?category=rifiuti')).data.map((r) => r.documentId)).not.toContain(id);
    expect((await list('?category=zone-verdi')).data.map((r) => r.documentId)).toEqual([id]);
    expect((await list('?category=zone-verdi&q=verdi')).data.map((r) => r.documentId)).toEqual([id]);
    const counts = (await app.http().get('/api/segnalazioni/categories').expect(200)).body.data as { slug: string; reportCount: number }[];
    expect(counts.find((c) => c.slug === 'zone-verdi')?.reportCount).toBe(1);
  });

  it('lists a category newest first, and oldest first when asked', async () => {
    const newest = await submit('Cartacce nel parco');
    await publish(newest);
    const ids = (await list('?category=rifiuti')).data.map((r) => r.documentId);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids[0]).toBe(newest);
    expect((await list('?category=rifiuti&sort=oldest')).data.map((r) => r.documentId)).toEqual([...ids].reverse());
  });

  it('follows an editor renaming a category', async () => {
    await list();
    const category = await app.strapi.documents('plugin::segnalazioni.category').findFirst({ filters: { slug: 'rifiuti' } });
    await app.strapi.documents('plugin::segnalazioni.category').update({ documentId: category!.documentId, data: { name: 'Rifiuti e decoro' } });
    expect((await list('?category=rifiuti')).data[0].category?.name).toBe('Rifiuti e decoro');
    // The new name is among the words a search finds, the old one no more.
    const inRifiuti = (await list('?category=rifiuti&pageSize=100')).meta.pagination.total;
    expect((await list('?q=decoro&pageSize=100')).meta.pagination.total).toBe(inRifiuti);
    await app.strapi.documents('plugin::segnalazioni.category').update({ documentId: category!.documentId, data: { name: 'Igiene urbana' } });
    expect((await list('?q=decoro')).meta.pagination.total).toBe(0);
    expect((await list('?q=igiene&pageSize=100')).meta.pagination.total).toBe(inRifiuti);
  });

  it('keeps answers until the version in the database moves, whoever moves it', async () => {
    const [report] = (await list()).data;
    const knex = app.strapi.db.connection;
    const { report_id: reportId } = (await knex('segnalazioni_archive_reports').select('report_id').where('document_id', report.documentId).first()) as {
      report_id: number;
    };
    const projection = knex('segnalazioni_archive_views').where('report_id', reportId);
    const { view } = (await projection.clone().select('view').first()) as { view: string };
    // A change written without raising the version is not seen: the answer really is kept...
    await projection.clone().update({ view: JSON.stringify({ ...JSON.parse(view), title: 'Titolo cambiato di nascosto' }) });
    expect((await list()).data[0].title).toBe(report.title);
    // ...until the version moves, as another server process's workflow would move it.
    await knex('segnalazioni_archive_version').where('id', 1).increment('version', 1);
    expect((await list()).data[0].title).toBe('Titolo cambiato di nascosto');
  });
});
