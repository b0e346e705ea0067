import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { createCitizen } from '../helpers/staff';

const FILE = 'plugin::upload.file';
const PHOTO = 'plugin::segnalazioni.photo';
const HOUR = 60 * 60 * 1000;

interface UploadRow {
  id: number;
  hash: string;
  url: string;
  formats?: Record<string, { url: string }> | null;
}

/**
 * A server killed between storing a submission's photos and committing its report leaves upload
 * rows no photo points to, and files on disk no row mentions. The sweep removes exactly those,
 * once past the grace period, and nothing else: not a submission still running, not a report's
 * photos, not the editors' media library.
 */
describe('the upload sweep removes what a crash left behind, and only that', () => {
  let app: TestApp;
  const uploads = () => path.join(app.publicDir, 'uploads');
  const filesOf = (row: UploadRow) => [row.url, ...Object.values(row.formats ?? {}).map((format) => format.url)].map((url) => path.basename(url));
  const onDisk = (name: string) => fs.existsSync(path.join(uploads(), name));
  const rowOf = (id: number) => app.strapi.db.query(FILE).findOne({ where: { id } });
  const sweep = () => app.strapi.plugin('segnalazioni').service('upload-sweep').sweep() as Promise<{ rows: number; files: number }>;

  /** A photo as the multipart parser leaves it, large enough for every resized format. */
  async function incomingPhoto(name: string) {
    const filepath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-orphan-')), name);
    const bytes = await jpegWithGps(1600, 1200);
    fs.writeFileSync(filepath, bytes);
    return { filepath, originalFilename: name, size: bytes.length };
  }

  /** What a crash leaves: the photos service stores the photo, and no photo row is ever created. */
  async function crashedSubmission(): Promise<UploadRow> {
    const photos = app.strapi.plugin('segnalazioni').service('photos');
    const prepared = await photos.prepare([await incomingPhoto('buca.jpg')]);
    const [stored] = await photos.store(prepared);
    await photos.discard(prepared);
    return (await rowOf(stored.id)) as UploadRow;
  }

  /** Dates a row back: a crash an hour and more ago. */
  const ageRow = (id: number, ms: number) =>
    app.strapi.db
      .connection('files')
      .where({ id })
      .update({ created_at: new Date(Date.now() - ms) });

  /** A file on disk with no row, as a process killed while the upload plugin wrote it leaves. */
  function strayFile(name: string, ageMs: number) {
    const file = path.join(uploads(), name);
    fs.writeFileSync(file, Buffer.from('half-written'));
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(file, when, when);
    return name;
  }

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000', UPLOAD_SWEEP_INTERVAL_MINUTES: '600', UPLOAD_SWEEP_GRACE_MINUTES: '60' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('removes old orphan rows with every format and old stray files; keeps reports, fresh uploads and the media library', async () => {
    const citizen = await createCitizen(app, 'gea.ferri@example.it');
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Buca in via Italia', description: 'Una buca profonda davanti al civico 12.', category: 'dissesto-stradale' },
        files: [await incomingPhoto('via-italia.jpg')],
      });
    const reportPhoto = (await app.strapi.db.query(PHOTO).findOne({ where: { report: { documentId: report.documentId } }, populate: { file: true } })) as {
      file: UploadRow;
    };
    await ageRow(reportPhoto.file.id, 3 * HOUR);

    const orphan = await crashedSubmission();
    await ageRow(orphan.id, 2 * HOUR);
    const fresh = await crashedSubmission();
    await ageRow(fresh.id, HOUR - 5 * 60 * 1000);

    const [editors] = (await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: [{ alternativeText: 'Pianta del centro' }] },
        files: [{ ...(await incomingPhoto('pianta-centro.jpg')), mimetype: 'image/jpeg' }],
      })) as UploadRow[];
    await ageRow(editors.id, 100 * HOUR);

    const strayHash = 'sgn_00112233445566ff_a1b2c3d4e5';
    const stray = [strayFile(`${strayHash}.jpg`, 2 * HOUR), strayFile(`small_${strayHash}.jpg`, 2 * HOUR), strayFile(`thumbnail_${strayHash}.jpg`, 2 * HOUR)];
    const freshStray = strayFile('sgn_99887766554433aa_f0e1d2c3b4.jpg', 10 * 60 * 1000);
    const notOurs = [strayFile('logo-comune.png', 100 * HOUR), strayFile('sgn_logo.png', 100 * HOUR), strayFile(`${strayHash}.jpg.part`, 100 * HOUR)];

    // The crash's rows really have every format: the sweep must remove each of them.
    expect(Object.keys(orphan.formats ?? {}).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    const orphanFiles = filesOf(orphan);
    expect(orphanFiles.every(onDisk)).toBe(true);

    expect(await sweep()).toEqual({ rows: 1, files: stray.length });

    expect(await rowOf(orphan.id)).toBeNull();
    expect(orphanFiles.filter(onDisk)).toEqual([]);
    expect(stray.filter(onDisk)).toEqual([]);

    for (const kept of [reportPhoto.file, fresh, editors]) {
      expect(await rowOf(kept.id)).not.toBeNull();
      expect(filesOf(kept).filter((name) => !onDisk(name))).toEqual([]);
    }
    expect([freshStray, ...notOurs].filter((name) => !onDisk(name))).toEqual([]);

    // A second pass, as another server's would be, finds nothing more and fails on nothing.
    expect(await sweep()).toEqual({ rows: 0, files: 0 });
  });

  it('runs on boot and stops with the server', async () => {
    const orphan = await crashedSubmission();
    await ageRow(orphan.id, 2 * HOUR);
    await app.restart();
    // The boot pass runs beside the bootstrap, not in it: wait for it a little.
    for (let tries = 0; tries < 50 && (await rowOf(orphan.id)); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await rowOf(orphan.id)).toBeNull();
    expect(filesOf(orphan).filter(onDisk)).toEqual([]);
  });
});
