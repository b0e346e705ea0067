import { startApp, type TestApp } from '../helpers/app';
import { jpegOfSize, png } from '../helpers/images';
import { createCitizen } from '../helpers/staff';

/**
 * Photos keep the order the citizen sent them in, large and small mixed. The parser hands files over
 * as each finishes writing to disk; on this machine that has matched the sent order, so the race
 * itself is covered by upload-order.test.ts, and this checks the whole path keeps the order.
 */
describe('photo order', () => {
  let app: TestApp;
  let jwt: string;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    await createCitizen(app, 'nina.sarti@example.it');
    jwt = (await app.http().post('/api/auth/local').send({ identifier: 'nina.sarti@example.it', password: 'Password123!' }).expect(200)).body.jwt;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('stores large and small photos in the order they were sent, every time', async () => {
    const large = await jpegOfSize(4);
    const small = await png();
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await app
        .http()
        .post('/api/segnalazioni/reports')
        .set('Authorization', `Bearer ${jwt}`)
        .field('data', JSON.stringify({ title: `Foto in ordine ${attempt}`, description: 'Prima la foto grande, poi la piccola.', category: 'rifiuti' }))
        .attach('photos', large, { filename: 'grande.jpg', contentType: 'image/jpeg' })
        .attach('photos', small, { filename: 'piccola.png', contentType: 'image/png' })
        .attach('photos', large, { filename: 'grande-2.jpg', contentType: 'image/jpeg' })
        .expect(201);
      const extensions = response.body.data.photos.map((photo: { url: string }) => new URL(photo.url, 'http://x').pathname.split('.').pop());
      expect(extensions).toEqual(['jpg', 'png', 'jpg']);
    }
  });
});
