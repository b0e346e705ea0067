import type { Core } from '@strapi/strapi';
import type { Action, Actor, ReportStatus } from '../domain/lifecycle';
import { UID } from '../uids';

export interface HistoryDraft {
  readonly report: string;
  readonly action: Action;
  readonly actorType: Actor | 'system';
  readonly actorId?: string;
  readonly actorLabel?: string;
  readonly fromStatus: ReportStatus | null;
  readonly toStatus: ReportStatus | null;
  readonly details?: Record<string, unknown>;
}

/** Appends to a report's history; entries are never changed afterwards (see history-append-only). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(entry: HistoryDraft): Promise<void> {
    await strapi.documents(UID.historyEntry).create({
      data: { ...entry, details: entry.details ?? {}, occurredAt: new Date().toISOString() },
    });
  },
});
