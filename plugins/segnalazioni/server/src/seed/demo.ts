import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { staffScope } from '../staff/domain/access';
import { isWorkflowAction } from '../workflow/domain/lifecycle';
import { parseActionStep } from '../workflow/domain/workflow-input';
import { DEMO_ADMIN, DEMO_CITIZEN, DEMO_DESK_CALL, DEMO_OFFICE, DEMO_OFFICER, DEMO_REPORTS, DEMO_WHATSAPP } from './demo-content';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import type { Citizen } from '../intake/intake';
import type { IncomingFile } from '../photos/photos';
import { OFFICER_ROLE_NAME, SUPER_ADMIN_CODE } from '../staff/staff';
import { staffName, type StaffMember } from '../workflow/workflow';
import { settingOf } from '../common/settings';

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

/**
 * Demo content for `npm run demo`, seeded once per database through the real intake and workflow:
 * an URP admin, an officer with their office, a citizen, reports in several states, and a WhatsApp
 * report and a desk call waiting for triage.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function staffAccount(account: typeof DEMO_ADMIN | typeof DEMO_OFFICER, role: { code?: string; name?: string }): Promise<StaffMember> {
    const existing = await strapi.db.query('admin::user').findOne({ where: { email: account.email } });
    if (existing) return existing as StaffMember;
    const roleRow = await strapi.db.query('admin::role').findOne({ where: role });
    return strapi.service('admin::user').create({ ...account, isActive: true, registrationToken: null, preferedLanguage: 'it', roles: [roleRow.id] });
  }

  /** The other channels, as they come in: two WhatsApp messages through the channel intake, a phone call filed at the desk. */
  async function channelReports(admin: StaffMember): Promise<void> {
    const sentAt = getService(strapi, 'clock').now();
    const sender = { from: DEMO_WHATSAPP.number, name: DEMO_WHATSAPP.name, sentAt };
    await getService(strapi, 'channel-intake').whatsapp(
      {
        messages: [
          { ...sender, id: 'wamid.DEMO-TEXT', kind: 'text', text: DEMO_WHATSAPP.text },
          { ...sender, id: 'wamid.DEMO-PLACE', kind: 'location', ...DEMO_WHATSAPP.place },
        ],
        ignored: 0,
      },
      // Text and a place only: no media to fetch, so no token is needed.
      { accessToken: '' },
    );
    const { contactName, contactPhone, ...input } = DEMO_DESK_CALL;
    await getService(strapi, 'intake').submit({
      contact: { name: contactName, address: contactPhone },
      input,
      files: [],
      channel: 'desk',
      actor: 'desk',
      actorRef: { id: `admin:${admin.id}`, label: staffName(admin) },
    });
  }

  return {
    async seedIfEnabled(): Promise<void> {
      if (!settingOf(strapi, 'demo')) return;
      const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
      if (await store.get({ key: SEEDED_KEY })) return;

      const admin = await staffAccount(DEMO_ADMIN, { code: SUPER_ADMIN_CODE });
      const officer = await staffAccount(DEMO_OFFICER, { name: OFFICER_ROLE_NAME });
      const office = await strapi.db.query(UID.office).create({
        data: {
          name: DEMO_OFFICE.name,
          emails: DEMO_OFFICE.emails,
          contactPhone: DEMO_OFFICE.contactPhone,
          contactEmail: DEMO_OFFICE.contactEmail,
          triage: false,
          officers: [officer.id],
        },
      });
      for (const slug of DEMO_OFFICE.categories) {
        await strapi.db.query(UID.category).update({ where: { slug }, data: { office: office.id } });
      }

      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      const citizen = (await strapi
        .plugin('users-permissions')
        .service('user')
        .add({
          ...DEMO_CITIZEN,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
        })) as Citizen;

      const urp = { staff: admin, scope: staffScope({ userId: admin.id, offices: [], superAdmin: true, allOffices: false }) };
      const roads = { staff: officer, scope: staffScope({ userId: officer.id, offices: [office], superAdmin: false, allOffices: false }) };
      for (const demo of DEMO_REPORTS) {
        const { staff, scope } = (DEMO_OFFICE.categories as readonly string[]).includes(demo.category) ? roads : urp;
        const files = await Promise.all(demo.photos.map(demoPhoto));
        let documentId: string;
        try {
          ({ documentId } = await getService(strapi, 'intake').submit({ citizen, input: demo, files }));
        } finally {
          await Promise.all(files.map((file) => fs.rm(file.filepath, { force: true })));
        }
        for (const step of demo.steps) {
          const photos = await strapi.db.query(UID.photo).findMany({ where: { report: { documentId } }, orderBy: { position: 'asc' } });
          const input = { ...step.input };
          if (typeof input.photo === 'number') input.photo = photos[input.photo].documentId;
          // The demo's steps go through the same input rules as the panel's.
          const parsed = isWorkflowAction(step.action) ? parseActionStep(step.action, input) : null;
          if (!parsed?.ok) throw new Error(`Demo step "${step.action}" is not a valid workflow action: ${JSON.stringify(parsed?.errors ?? [])}`);
          await getService(strapi, 'workflow').perform({ staff, scope, documentId, step: parsed.value });
        }
      }
      await channelReports(admin);
      await store.set({ key: SEEDED_KEY, value: { at: new Date().toISOString() } });
      strapi.log.info(
        `[${PLUGIN_ID}] demo: ${DEMO_ADMIN.email}, ${DEMO_OFFICER.email}, ${DEMO_CITIZEN.email} and ${DEMO_REPORTS.length + 2} reports (one by WhatsApp, one at the URP desk)`,
      );
    },
  };
};
