import { escapeXml } from '../../common/domain/xml';
import { STATUS_LABELS } from '../../common/domain/messages';
import type { PublicReport } from './visibility';

/**
 * The archive as Atom feeds (RFC 4287), for feed readers and for other sites: the newest published
 * reports (of a category, or any archive query), and one report's public steps — published, each
 * public reply, closed. Only what the public archive shows.
 */

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly published?: string;
  readonly link: string;
  readonly summary: string;
  readonly category?: { readonly term: string; readonly label: string } | null;
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  /** The newest entry's time; the feed's own when it has none. */
  readonly updated: string;
  readonly self: string;
  /** The page the feed is of, for people. */
  readonly alternate: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
}

const REPLY_TITLES: Readonly<Record<string, string>> = {
  feasibility: 'Risposta dell’ufficio sulla fattibilità',
  progress: 'Aggiornamento dell’ufficio',
  final: 'Risposta finale dell’ufficio',
};

const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
const link = (rel: string, href: string, type: string) => `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
const latest = (times: readonly (string | null | undefined)[]) =>
  times.filter((time): time is string => Boolean(time)).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b), '');

export function atomDocument(feed: AtomFeed): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      text('id', entry.id),
      text('title', entry.title),
      text('updated', entry.updated),
      entry.published ? text('published', entry.published) : '',
      link('alternate', entry.link, 'text/html'),
      entry.category ? `<category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>` : '',
      `<summary type="text">${escapeXml(entry.summary)}</summary>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it">',
    text('id', feed.id),
    text('title', feed.title),
    text('subtitle', feed.subtitle),
    text('updated', feed.updated),
    link('self', feed.self, 'application/atom+xml'),
    link('alternate', feed.alternate, 'text/html'),
    `<author>${text('name', feed.author)}</author>`,
    '<generator>Sportello Segnalazioni</generator>',
    ...entries,
    '</feed>',
  ].join('\n');
}

/** A published report as an entry of the archive's feed: updated by its latest public step. */
export function reportEntry(report: PublicReport, page: string): AtomEntry {
  return {
    id: page,
    title: report.title,
    published: report.publishedAt ?? report.submittedAt,
    updated: latest([report.publishedAt, report.closedAt, ...report.replies.map((reply) => reply.createdAt)]) || report.submittedAt,
    link: page,
    summary: `${STATUS_LABELS.it[report.status]}. ${report.text}`.trim(),
    category: report.category ? { term: report.category.slug, label: report.category.name } : null,
  };
}

/** One report's public steps, newest first: its publication, each public reply, its closing. */
export function reportSteps(report: PublicReport, page: string): AtomEntry[] {
  const steps: AtomEntry[] = [];
  if (report.publishedAt)
    steps.push({ id: `${page}#pubblicata`, title: 'Segnalazione pubblicata', updated: report.publishedAt, link: page, summary: report.text });
  report.replies.forEach((reply, index) =>
    steps.push({
      id: `${page}#risposta-${index + 1}`,
      title: REPLY_TITLES[reply.kind] ?? 'Risposta dell’ufficio',
      updated: reply.createdAt,
      link: page,
      summary: reply.body,
    }),
  );
  if (report.closedAt)
    steps.push({ id: `${page}#chiusa`, title: 'Segnalazione chiusa', updated: report.closedAt, link: page, summary: STATUS_LABELS.it[report.status] });
  return steps.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
}

export const newestOf = (entries: readonly AtomEntry[], fallback: string) => latest(entries.map((entry) => entry.updated)) || fallback;
