import { CHANNEL_LABELS, type Channel } from '../../channels/domain/channels';
import { formatDateTime, MAIL_WORDS, type TemplateData } from './mail-templates';
import { mapLink } from '../../common/domain/links';
import type { Locale } from '../../common/domain/messages';
import type { ReportRecord } from '../../intake/domain/report-record';

/** What a report's mails say about it, whoever they go to and whichever action sends them: its own columns, and its relations by name. */
export type MailReport = Pick<ReportRecord, 'reference' | 'title' | 'description'> &
  Partial<
    Pick<
      ReportRecord,
      | 'protocolNumber'
      | 'address'
      | 'latitude'
      | 'longitude'
      | 'submittedAt'
      | 'dueTakeInChargeAt'
      | 'dueFirstAnswerAt'
      | 'dueCloseAt'
      | 'contactName'
      | 'followVersion'
    >
  > & {
    readonly channel: Channel;
    readonly category?: { readonly name: string } | null;
    /** The office in charge, with the contacts it gives citizens. */
    readonly office?: { readonly name: string; readonly contactPhone?: string | null; readonly contactEmail?: string | null } | null;
    /** The registered citizen who sent it; without one, the contact's name greets them. */
    readonly reporter?: { readonly firstName?: string | null; readonly lastName?: string | null } | null;
  };

/**
 * The mail data of a report: the fields every template about a report may name. The action adds
 * its own (a reply, a decision) and the links; a template leaves out the lines it has no data for.
 * Dates and the words of the data are in the reader's language (offices read Italian).
 */
export function reportMailData(report: MailReport, locale: Locale): TemplateData {
  const { latitude, longitude } = report;
  const hasPoint = latitude != null && longitude != null;
  return {
    reference: report.reference,
    protocolNumber: report.protocolNumber ?? '',
    title: report.title,
    description: report.description,
    // The category shown while a report waits for triage.
    category: report.category?.name ?? MAIL_WORDS[locale].uncategorised,
    office: report.office?.name ?? '',
    officePhone: report.office?.contactPhone ?? '',
    officeEmail: report.office?.contactEmail ?? '',
    channel: CHANNEL_LABELS[report.channel],
    address: report.address ?? '',
    coordinates: hasPoint ? `${latitude}, ${longitude}` : '',
    mapUrl: hasPoint ? mapLink(latitude, longitude) : '',
    firstName: report.reporter ? (report.reporter.firstName ?? '') : (report.contactName ?? ''),
    lastName: report.reporter?.lastName ?? '',
    submittedAt: formatDateTime(report.submittedAt, locale),
    dueTakeInChargeAt: formatDateTime(report.dueTakeInChargeAt, locale),
    dueFirstAnswerAt: formatDateTime(report.dueFirstAnswerAt, locale),
    dueCloseAt: formatDateTime(report.dueCloseAt, locale),
  };
}
