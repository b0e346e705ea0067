import path from 'path';
import exifr from 'exifr';
import { startApp, type TestApp } from '../helpers/app';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { fakeJpeg, jpegWithGps } from '../helpers/images';
import { META, channelEnv, deliver, fbComment, fbDelivery, fbPhotoPost, fbPost } from '../helpers/meta';
import { createStaff, type TestStaff } from '../helpers/staff';

const REPORT = 'plugin::segnalazioni.report';
const MESSAGE = 'plugin::segnalazioni.channel-message';

describe('Facebook page channel', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let urp: TestStaff;

  const reportFrom = (channelRef: string) =>
    app.strapi.db
      .query(REPORT)
      .findOne({ where: { channelRef }, populate: { history: { orderBy: { id: 'asc' } }, category: true, photos: { populate: { file: true } } } });
  const commentsOn = (objectId: string) => graph.commentsPosted().filter((comment) => comment.on === objectId);
  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${urp.token}`).send(body).expect(200);

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: [META.whatsappToken, META.pageToken] });
    app = await startApp({ ...channelEnv(graph.url), NOTIFICATION_POLL_MS: '150', NOTIFICATION_RETRY_BASE_MS: '100' });
    // Tuesday 24 November 2026, 10:00 in Rome: the URP is open.
    app.strapi.plugin('segnalazioni').service('clock').set(new Date('2026-11-24T09:00:00Z'));
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('answers the verification handshake with its own verify token only', async () => {
    const verify = (token: string) =>
      app.http().get('/api/segnalazioni/channels/facebook').query({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': 'sfida-42' });
    expect((await verify(META.facebookVerifyToken).expect(200)).text).toBe('sfida-42');
    await verify(META.whatsappVerifyToken).expect(403);
  });

  it('refuses a delivery with a bad or missing signature (401), storing nothing', async () => {
    const body = JSON.stringify(fbDelivery(fbPost('1001', 'Buca in via Italia #segnalaloaBiella')));
    await deliver(app, 'facebook', body, null).expect(401);
    await deliver(app, 'facebook', body, `sha256=${'f'.repeat(64)}`).expect(401);
    expect(await app.strapi.db.query(REPORT).count()).toBe(0);
    expect(await app.strapi.db.query(MESSAGE).count()).toBe(0);
  });

  it('a post with the hashtag is a report, answered with a comment under the post that shows nothing private', async () => {
    const postId = `${META.pageId}_2002`;
    const response = await deliver(app, 'facebook', fbDelivery(fbPost('2002', 'Lampione spento in via Roma da una settimana #segnalaloaBiella'))).expect(200);
    expect(response.body.data).toEqual({ stored: 1, duplicates: 0, ignored: 0 });
    const report = await reportFrom(postId);
    expect(report).toMatchObject({
      channel: 'facebook',
      contact: '24242424242',
      contactName: 'Lucia Verdi',
      title: 'Lampione spento in via Roma da una settimana',
      description: 'Lampione spento in via Roma da una settimana #segnalaloaBiella',
      category: null,
      status: 'submitted',
    });
    const [receipt] = await graph.waitFor(() => commentsOn(postId));
    expect(receipt.text).toContain(`riferimento ${report.reference}`);
    expect(receipt.text).not.toContain('Lucia');
    // A comment everybody reads carries no personal link.
    expect(receipt.text).not.toContain('/segui/');
    const posted = graph.requests.find((request) => request.path === `/v25.0/${postId}/comments`);
    expect(posted?.authorization).toBe(`Bearer ${META.pageToken}`);
  });

  it('a photo post with the hashtag brings its photo, fetched through the Graph API and stripped of EXIF like WhatsApp’s', async () => {
    const postId = `${META.pageId}_6006`;
    graph.addMedia('900600', await jpegWithGps(1200, 900), 'image/jpeg');
    await deliver(app, 'facebook', fbDelivery(fbPhotoPost('6006', '900600', 'Cassonetto bruciato in via Torino #segnalaloaBiella'))).expect(200);
    const report = await reportFrom(postId);
    expect(report).toMatchObject({ title: 'Cassonetto bruciato in via Torino', channel: 'facebook' });
    expect(report.photos).toHaveLength(1);
    expect(report.photos[0]).toMatchObject({ moderation: 'pending', file: expect.objectContaining({ width: 1200, height: 900 }) });
    expect(await exifr.parse(path.join(app.publicDir, report.photos[0].file.url), { gps: true, tiff: true })).toBeUndefined();
    const fetched = graph.requests.filter((request) => request.method === 'GET' && request.path.includes('900600'));
    expect(fetched.map((request) => [request.path, request.authorization])).toEqual([
      ['/v25.0/900600', `Bearer ${META.pageToken}`],
      ['/photo-cdn/900600', undefined],
    ]);
    expect((await graph.waitFor(() => commentsOn(postId)))[0].text).toContain(`riferimento ${report.reference}`);
  });

  it('a photo the pipeline refuses, or that Meta no longer has, leaves the words as the report and says why under the post', async () => {
    graph.addMedia('900700', fakeJpeg(), 'image/jpeg');
    await deliver(app, 'facebook', fbDelivery(fbPhotoPost('7007', '900700', 'Scritte sul muro del cimitero #segnalaloaBiella'))).expect(200);
    const refused = await reportFrom(`${META.pageId}_7007`);
    expect(refused).toMatchObject({ title: 'Scritte sul muro del cimitero', photos: [] });
    const comments = await graph.waitFor(() => commentsOn(`${META.pageId}_7007`), 2);
    expect(comments.map((comment) => comment.text).join('\n')).toMatch(
      new RegExp(`Non abbiamo potuto allegare la foto: .*non è un'immagine leggibile\\.\nSegnalazione: ${refused.reference}`),
    );

    await deliver(app, 'facebook', fbDelivery(fbPhotoPost('7008', 'rimossa', 'Buca in via Mazzini #segnalaloaBiella'))).expect(200);
    expect(await reportFrom(`${META.pageId}_7008`)).toMatchObject({ title: 'Buca in via Mazzini', photos: [] });
    const gone = await graph.waitFor(() => commentsOn(`${META.pageId}_7008`), 2);
    expect(gone.map((comment) => comment.text)).toContain(
      `Non abbiamo potuto allegare la foto: La foto non è più disponibile su Facebook.\nSegnalazione: ${(await reportFrom(`${META.pageId}_7008`)).reference}`,
    );
  });

  it('a post without the hashtag, the page’s own post and a like are not reports', async () => {
    const before = await app.strapi.db.query(REPORT).count();
    const plain = await deliver(app, 'facebook', fbDelivery(fbPost('3003', 'Che bella giornata a Biella'))).expect(200);
    expect(plain.body.data).toEqual({ stored: 0, duplicates: 0, ignored: 1 });
    await deliver(app, 'facebook', fbDelivery(fbPost('3004', 'Scriveteci con #segnalaloaBiella', { id: META.pageId, name: 'Città di Biella' }))).expect(200);
    await deliver(
      app,
      'facebook',
      fbDelivery({ item: 'reaction', verb: 'add', reaction_type: 'like', post_id: `${META.pageId}_2002`, from: { id: '1', name: 'X' } }),
    ).expect(200);
    expect(await app.strapi.db.query(REPORT).count()).toBe(before);
    expect(commentsOn(`${META.pageId}_3003`)).toHaveLength(0);
  });

  it('a comment with the hashtag is a report, answered under the comment; redelivered, it is nothing new', async () => {
    const delivery = fbDelivery(fbComment('5005', '7007', 'Anche in via Lamarmora i cassonetti sono pieni #SegnalaloaBiella'));
    await deliver(app, 'facebook', delivery).expect(200);
    const again = await deliver(app, 'facebook', delivery).expect(200);
    expect(again.body.data).toEqual({ stored: 0, duplicates: 1, ignored: 0 });
    expect(await app.strapi.db.query(REPORT).count({ where: { channelRef: '5005_7007' } })).toBe(1);
    await graph.waitFor(() => commentsOn('5005_7007'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(commentsOn('5005_7007')).toHaveLength(1);
  });

  it('answers under the post when the report is taken in charge, replied to and closed; a private reply stays private', async () => {
    const postId = `${META.pageId}_8008`;
    await deliver(app, 'facebook', fbDelivery(fbPost('8008', 'Panchina divelta ai giardini Zumaglini #segnalaloaBiella'))).expect(200);
    const report = await reportFrom(postId);
    await graph.waitFor(() => commentsOn(postId));

    // One step at a time: the outbox sends a batch in parallel, so steps taken together may arrive in any order.
    const protocol = (await act(report.documentId, 'take_in_charge')).body.data.protocolNumber;
    await graph.waitFor(() => commentsOn(postId), 2);
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'Il sopralluogo è fissato per giovedì con il signor Rossi.', public: false });
    await graph.waitFor(() => commentsOn(postId), 3);
    await act(report.documentId, 'close', { body: 'La panchina è stata rimessa a posto.', public: true });
    const comments = await graph.waitFor(() => commentsOn(postId), 4);
    expect(comments[1].text).toContain(`Numero di protocollo: ${protocol}`);
    expect(comments[2].text).not.toContain('sopralluogo');
    expect(comments[2].text).toContain('La risposta è riservata');
    expect(comments[3].text).toContain('La panchina è stata rimessa a posto.');
    const history = (await reportFrom(postId)).history.map((entry: { action: string; details: { citizenNotice?: string } }) => [
      entry.action,
      entry.details.citizenNotice,
    ]);
    expect(history).toEqual([
      ['submit', 'facebook'],
      ['take_in_charge', 'facebook'],
      ['reply', 'facebook'],
      ['close', 'facebook'],
    ]);
  });
});
