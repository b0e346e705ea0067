import { MESSAGE_CHANNELS, META_CHANNELS, REPORT_CHANNELS } from '../channels/domain/channels';
import { ACTIONS, ACTORS, REPORT_STATUSES } from '../workflow/domain/lifecycle';
import channelMessage from './channel-message/schema.json';
import channelThread from './channel-thread/schema.json';
import historyEntry from './history-entry/schema.json';
import { MODERATION_STATES, REPLY_KINDS } from '../workflow/domain/report-states';
import notification from './notification/schema.json';
import photo from './photo/schema.json';
import rating from './rating/schema.json';
import { MAX_RATING_DETAIL } from '../ratings/domain/rating';
import { RATED_PAGES, RATING_ANSWERS } from '../ratings/domain/rating-words';
import reply from './reply/schema.json';
import replyTemplate from './reply-template/schema.json';
import report from './report/schema.json';

// Schemas are static JSON for Strapi; the domain owns the vocabulary. They must not drift apart.
describe('content-type schemas follow the domain', () => {
  it('report statuses', () => {
    expect(report.attributes.status.enum).toEqual([...REPORT_STATUSES]);
  });

  it('history actions, actors and statuses', () => {
    expect(historyEntry.attributes.action.enum).toEqual([...ACTIONS]);
    expect(historyEntry.attributes.actorType.enum).toEqual([...ACTORS, 'system']);
    expect(historyEntry.attributes.fromStatus.enum).toEqual([...REPORT_STATUSES]);
    expect(historyEntry.attributes.toStatus.enum).toEqual([...REPORT_STATUSES]);
  });

  it('moderation states of the text and of each photo', () => {
    expect(report.attributes.textModeration.enum).toEqual([...MODERATION_STATES]);
    expect(photo.attributes.moderation.enum).toEqual([...MODERATION_STATES]);
  });

  it('reply kinds, of replies and of their templates', () => {
    expect(reply.attributes.kind.enum).toEqual([...REPLY_KINDS]);
    expect(replyTemplate.attributes.kind.enum).toEqual([...REPLY_KINDS]);
  });

  it('channels', () => {
    expect(report.attributes.channel.enum).toEqual([...REPORT_CHANNELS]);
    expect(notification.attributes.channel.enum).toEqual([...MESSAGE_CHANNELS]);
    expect(channelMessage.attributes.channel.enum).toEqual([...META_CHANNELS]);
    expect(channelThread.attributes.channel.enum).toEqual([...META_CHANNELS]);
  });

  it('no draft and publish on any type: moderation has its own fields', () => {
    expect(report.options.draftAndPublish).toBe(false);
    expect(report.attributes.description.private).toBe(true);
    expect(report.attributes.reporter.private).toBe(true);
    expect(report.attributes.contact.private).toBe(true);
    expect(report.attributes.contactEmail.private).toBe(true);
    expect(channelMessage.attributes.sender.private).toBe(true);
  });
});

describe('uniqueness the database itself enforces', () => {
  // Strapi checks `unique` only in the Document Service; these keys must hold for raw queries and
  // concurrent servers too, so each has a unique index.
  it.each([[report, ['reference', 'protocol_number', 'submission_key']]])('%#', (schema, columns) => {
    expect(
      (schema as { indexes?: { columns: string[]; type: string }[] }).indexes?.filter((index) => index.type === 'unique').map((index) => index.columns[0]),
    ).toEqual(columns);
  });

  it('a Meta message id once per channel; one conversation per sender and channel', () => {
    const unique = (schema: { indexes?: { columns: string[]; type?: string }[] }) =>
      schema.indexes?.filter((index) => index.type === 'unique').map((index) => index.columns);
    expect(unique(channelMessage)).toEqual([['channel', 'external_id']]);
    expect(unique(channelThread)).toEqual([['channel', 'sender']]);
  });

  it('the rating of the service: its pages, answers and words', () => {
    expect(rating.attributes.page.enum).toEqual([...RATED_PAGES]);
    expect(rating.attributes.answer.enum).toEqual([...RATING_ANSWERS]);
    expect(rating.attributes.detail.maxLength).toBe(MAX_RATING_DETAIL);
  });
});
