/**
 * The ways a report comes in, and the way each one's citizen is answered: by mail for the web and
 * for the URP desk when the citizen left an address, on the same chat or thread for WhatsApp and
 * Facebook. One rule for intake and workflow alike.
 */

export const REPORT_CHANNELS = ['web', 'whatsapp', 'facebook', 'desk', 'api', 'open311'] as const;
export type Channel = (typeof REPORT_CHANNELS)[number];

/** Where an outgoing message travels: the outbox's `channel`. */
export const MESSAGE_CHANNELS = ['email', 'whatsapp', 'facebook'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** The channels with a Meta webhook of their own. */
export const META_CHANNELS = ['whatsapp', 'facebook'] as const;
export type MetaChannel = (typeof META_CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'web',
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  desk: 'sportello URP',
  api: 'API',
  open311: 'Open311',
};

/** What a report says about who sent it. */
export interface ReporterFacts {
  readonly channel: Channel;
  /** The registered citizen's address (web, API). */
  readonly reporterEmail?: string | null;
  /** The WhatsApp number, the Facebook user id, or the phone given at the desk. */
  readonly contact?: string | null;
  /** The address given at the desk. */
  readonly contactEmail?: string | null;
  /** The Facebook post or comment the report came from: answers go under it. */
  readonly channelRef?: string | null;
}

export interface CitizenAddress {
  readonly channel: MessageChannel;
  readonly recipient: string;
}

/** Where the citizen's messages about this report go; `null` when nowhere (a desk report with only a phone). */
export function citizenAddress(report: ReporterFacts): CitizenAddress | null {
  if (report.reporterEmail) return { channel: 'email', recipient: report.reporterEmail };
  if (report.channel === 'whatsapp' && report.contact) return { channel: 'whatsapp', recipient: report.contact };
  if (report.channel === 'facebook' && report.channelRef) return { channel: 'facebook', recipient: report.channelRef };
  if (report.contactEmail) return { channel: 'email', recipient: report.contactEmail };
  return null;
}

/**
 * Who reads a message on this channel: a Facebook answer is a comment everybody sees, so it
 * carries nothing the office meant for the citizen alone.
 */
export function audienceOf(channel: MessageChannel): 'private' | 'public' {
  return channel === 'facebook' ? 'public' : 'private';
}
