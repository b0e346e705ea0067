import { startApp, type TestApp } from '../helpers/app';

const CATEGORY = 'plugin::segnalazioni.category';
const OFFICE = 'plugin::segnalazioni.office';

const SEEDED_NAMES = ['Affissioni abusive', 'Dissesto stradale', 'Mi piace', 'Parcheggi', 'Rifiuti', 'Segnaletica', 'Vandalismo/Incuria', 'Zone verdi'];

describe('categories', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('serves the eight seeded categories publicly, in order, owned by URP', async () => {
    const response = await app.http().get('/api/segnalazioni/categories').expect(200);

    expect(response.body.data.map((category: { name: string }) => category.name)).toEqual(SEEDED_NAMES);
    expect(response.body.meta).toEqual({ total: 8 });
    for (const category of response.body.data) {
      expect(Object.keys(category).sort()).toEqual(['description', 'documentId', 'name', 'nearbyMetres', 'office', 'reportCount', 'slug']);
      expect(category.office).toEqual({ name: 'URP - Ufficio Relazioni con il Pubblico' });
      expect(category.reportCount).toBe(0);
      expect(category.description.length).toBeGreaterThan(10);
    }
    expect(response.body.data[6]).toMatchObject({ name: 'Vandalismo/Incuria', slug: 'vandalismo-incuria' });
  });

  it('seeds the URP office once, as the triage office', async () => {
    const offices = await app.strapi.documents(OFFICE).findMany({});
    expect(offices).toHaveLength(1);
    expect(offices[0]).toMatchObject({ name: 'URP - Ufficio Relazioni con il Pubblico', triage: true });
  });

  it('keeps what editors changed, and changes nothing, across restarts', async () => {
    const documents = app.strapi.documents(CATEGORY);
    const rifiuti = await documents.findFirst({ filters: { slug: 'rifiuti' } });
    const parcheggi = await documents.findFirst({ filters: { slug: 'parcheggi' } });
    const segnaletica = await documents.findFirst({ filters: { slug: 'segnaletica' } });
    await documents.update({ documentId: rifiuti!.documentId, data: { name: 'Rifiuti e decoro', description: 'Nuova descrizione' } });
    await documents.update({ documentId: parcheggi!.documentId, data: { active: false } });
    await documents.delete({ documentId: segnaletica!.documentId });
    const before = await documents.findMany({ sort: 'id' });

    await app.restart();
    await app.restart();

    const after = await app.strapi.documents(CATEGORY).findMany({ sort: 'id' });
    expect(after).toEqual(before);
    expect(await app.strapi.documents(OFFICE).count({})).toBe(1);

    const response = await app.http().get('/api/segnalazioni/categories').expect(200);
    const names = response.body.data.map((category: { name: string }) => category.name);
    expect(names).toContain('Rifiuti e decoro');
    expect(names).not.toContain('Parcheggi');
    expect(names).not.toContain('Segnaletica');
    expect(names).toHaveLength(6);
  });
});
