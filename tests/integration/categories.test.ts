import { startApp, type TestApp } from '../helpers/app';
import { createStaff } from '../helpers/staff';

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

  it('shows editors Italian labels and help texts in the Content Manager', async () => {
    const admin = await createStaff(app, 'redazione@comune.test', { code: 'strapi-editor' });
    const configuration = async (uid: string) =>
      (await app.http().get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${admin.token}`).expect(200)).body.data
        .contentType.metadatas;
    const category = await configuration(CATEGORY);
    expect(category.takeInChargeDays.edit).toMatchObject({
      label: 'Giorni per la presa in carico',
      description: expect.stringMatching(/^Giorni lavorativi dall’invio/),
    });
    expect(category.takeInChargeDays.list.label).toBe('Presa in carico (gg)');
    expect(category.nearbyMetres.edit.label).toBe('Raggio delle segnalazioni vicine (metri)');
    const office = await configuration(OFFICE);
    expect(office.openingHours.edit.label).toBe('Orario di lavoro');
    expect(office.contactPhone.edit.description).toBe('Compare nella firma delle email ai cittadini. Vuoto: nessun telefono.');
  });

  it('takes an office’s working hours only in a form the deadlines can read, whoever saves them', async () => {
    const [urp] = await app.strapi.documents(OFFICE).findMany({});
    const hours = {
      1: [['08:30', '12:30']],
      3: [
        ['08:30', '12:30'],
        ['14:00', '17:00'],
      ],
    };
    await app.strapi.documents(OFFICE).update({ documentId: urp.documentId, data: { openingHours: hours } });
    expect((await app.strapi.db.query(OFFICE).findOne({ where: { id: urp.id } })).openingHours).toEqual(hours);
    const save = (openingHours: { [day: string]: string[][] | string } | number[]) =>
      app.strapi.documents(OFFICE).update({ documentId: urp.documentId, data: { openingHours } });
    await expect(save({ 1: [['12:30', '08:30']] })).rejects.toThrow('Orari del giorno 1: fasce in ordine e che non si sovrappongono.');
    await expect(save({ 1: '08:30-25:00' })).rejects.toThrow('Orari del giorno 1: un elenco di fasce ["HH:MM","HH:MM"].');
    await expect(save({ 8: [] })).rejects.toThrow('Orari: "8" non è un giorno (0–6).');
    await expect(save([1, 2])).rejects.toThrow('Orari: un oggetto con i giorni da 0 (domenica) a 6 (sabato).');
    expect((await app.strapi.db.query(OFFICE).findOne({ where: { id: urp.id } })).openingHours).toEqual(hours);
    await app.strapi.documents(OFFICE).update({ documentId: urp.documentId, data: { openingHours: null } });
  });
});
