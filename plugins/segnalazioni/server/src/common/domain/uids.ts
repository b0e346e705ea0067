/** The plugin's content-type uids, spelled once. */
export const UID = {
  rating: 'plugin::segnalazioni.rating',
  category: 'plugin::segnalazioni.category',
  office: 'plugin::segnalazioni.office',
  report: 'plugin::segnalazioni.report',
  photo: 'plugin::segnalazioni.photo',
  reply: 'plugin::segnalazioni.reply',
  replyTemplate: 'plugin::segnalazioni.reply-template',
  historyEntry: 'plugin::segnalazioni.history-entry',
  notification: 'plugin::segnalazioni.notification',
  protocolCounter: 'plugin::segnalazioni.protocol-counter',
  deadlineAlert: 'plugin::segnalazioni.deadline-alert',
  channelMessage: 'plugin::segnalazioni.channel-message',
  channelThread: 'plugin::segnalazioni.channel-thread',
} as const;

export const PLUGIN_ID = 'segnalazioni';

/** The custom field of an office's working hours: the Content Manager edits them as a line per day. */
export const OPENING_HOURS_FIELD = 'opening-hours';
