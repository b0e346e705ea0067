import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { DEMO_CITIZEN, DEMO_REPORTS } from '../seed/demo-content';
import { PLUGIN_ID } from '../uids';
import { getService } from './get-service';
import type { Citizen } from './intake';
import type { IncomingFile } from './photos';

const SEEDED_KEY = 'demo-seeded';

/** A plain demo photo: a coloured scene with a few shapes, generated so the repository holds no binaries. */
async function demoPhoto(colour: string): Promise<IncomingFile> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768">
    <rect width="1024" height="768" fill="#cfe3f2"/><rect y="430" width="1024" height="338" fill="${colour}"/>
    <ellipse cx="512" cy="560" rx="220" ry="70" fill="#2b2b2b" opacity="0.7"/><circle cx="860" cy="140" r="70" fill="#f7d154"/></svg>`;
  const filepath = path.join(os.tmpdir(), `demo-${randomBytes(6).toString('hex')}.jpg`);
  const { size } = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(filepath);
  return { filepath, originalFilename: 'foto-demo.jpg', size };
}

/** Seeds the demo once per database, through the same intake a citizen's report goes through. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seedIfEnabled(): Promise<void> {
    if (!strapi.config.get(`plugin::${PLUGIN_ID}.demo`)) return;
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if (await store.get({ key: SEEDED_KEY })) return;

    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const citizen = (await strapi.plugin('users-permissions').service('user').add({
      ...DEMO_CITIZEN,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    })) as Citizen;

    for (const report of DEMO_REPORTS) {
      const files = await Promise.all(report.photos.map(demoPhoto));
      try {
        await getService(strapi, 'intake').submit({ citizen, input: report, files });
      } finally {
        await Promise.all(files.map((file) => fs.rm(file.filepath, { force: true })));
      }
    }
    await store.set({ key: SEEDED_KEY, value: { at: new Date().toISOString() } });
    strapi.log.info(`[${PLUGIN_ID}] demo: citizen ${DEMO_CITIZEN.email} with ${DEMO_REPORTS.length} reports`);
  },
});
