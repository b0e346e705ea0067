import type { Core } from '@strapi/strapi';
import { parseEmailList } from '../notifications/domain/emails';
import { formatDateTime } from '../notifications/domain/mail-templates';
import { OPEN_STATUSES } from '../workflow/domain/report-states';
import { alertDue } from './domain/service-levels';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { rowsOf, type Row } from '../common/rows';
import { settingOf } from '../common/settings';

export interface DeadlineConfig {
  /** How often open reports are checked. */
  readonly checkIntervalMs: number;
  /** How long before a deadline the office is reminded. */
  readonly reminderLeadMs: number;
}

/** What an alert needs of a report and its relations. */
const OPEN_REPORT = { populate: { category: { select: ['name'] }, office: { select: ['name', 'emails'] } } } as const;
type OpenReport = Row<typeof UID.report, typeof OPEN_REPORT>;

const STEP_LABELS = { take_in_charge: 'presa in carico', first_answer: 'prima risposta', close: 'chiusura' } as const;
/** Open reports read per statement. */
const PAGE_SIZE = 500;

/**
 * The deadline watch: reminds an office before a due date and escalates to URP after it, once per
 * step and deadline. The alert row (unique key) and its mails commit together; a second server
 * trying the same alert hits the key and sends nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => settingOf(strapi, 'deadlines');
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function urpEmails(): Promise<string[]> {
    const offices = await rowsOf(strapi, UID.office).findMany({ where: { triage: true }, select: ['emails'] });
    return offices.flatMap((office) => parseEmailList(office.emails));
  }

  /**
   * Open reports with a deadline before `horizon`, a page at a time by id: populating them all at
   * once would bind every id into one statement, beyond what the database takes.
   */
  async function* openReportsDue(horizon: Date): AsyncGenerator<OpenReport> {
    for (let after = 0; ;) {
      const page = await rowsOf(strapi, UID.report).findMany({
        where: {
          id: { $gt: after },
          status: { $in: [...OPEN_STATUSES] },
          $or: [{ dueTakeInChargeAt: { $lte: horizon } }, { dueFirstAnswerAt: { $lte: horizon } }, { dueCloseAt: { $lte: horizon } }],
        },
        ...OPEN_REPORT,
        orderBy: { id: 'asc' },
        limit: PAGE_SIZE,
      });
      yield* page;
      if (page.length < PAGE_SIZE) return;
      after = page[page.length - 1].id;
    }
  }

  return {
    /** Sends what is due at `now`; returns how many alerts went out. */
    async check(now = getService(strapi, 'clock').now()): Promise<number> {
      const horizon = new Date(now.getTime() + config().reminderLeadMs);
      const escalateTo = await urpEmails();
      let sent = 0;
      for await (const report of openReportsDue(horizon)) {
        const alert = alertDue(report, now, config().reminderLeadMs);
        if (!alert) continue;
        if (await strapi.db.query(UID.deadlineAlert).findOne({ where: { key: alert.key }, select: ['id'] })) continue;
        const recipients = alert.kind === 'reminder' ? parseEmailList(report.office?.emails) : escalateTo;
        const data = {
          reference: report.reference,
          title: report.title,
          protocolNumber: report.protocolNumber ?? '',
          category: report.category?.name ?? '',
          office: report.office?.name ?? '',
          stepLabel: STEP_LABELS[alert.step],
          due: formatDateTime(alert.due, 'it'),
          adminUrl: linksOf(strapi).panelReport(report.documentId),
        };
        try {
          await strapi.db.transaction(async () => {
            await strapi.db
              .query(UID.deadlineAlert)
              .create({ data: { key: alert.key, report: report.id, step: alert.step, kind: alert.kind, due: alert.due } });
            const template = alert.kind === 'reminder' ? 'deadline-reminder' : 'deadline-escalation';
            await getService(strapi, 'notifications').sendAfterCommit(recipients.map((recipient) => ({ recipient, template, data, reportId: report.id })));
          });
          sent += 1;
        } catch (error) {
          // Another server took this alert first (unique key): nothing to do. Anything else is logged.
          const taken = await strapi.db.query(UID.deadlineAlert).findOne({ where: { key: alert.key }, select: ['id'] });
          if (!taken) strapi.log.error(`[${PLUGIN_ID}] deadline alert ${alert.key}: ${(error as Error).message}`);
        }
      }
      return sent;
    },

    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = this.check()
          .catch((error: Error) => strapi.log.warn(`[${PLUGIN_ID}] deadline check failed: ${error.message}`))
          .finally(() => {
            running = null;
          });
      }, config().checkIntervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};
