import category from './category';
import channelMessage from './channel-message';
import channelThread from './channel-thread';
import deadlineAlert from './deadline-alert';
import historyEntry from './history-entry';
import notification from './notification';
import office from './office';
import photo from './photo';
import protocolCounter from './protocol-counter';
import rating from './rating';
import reply from './reply';
import replyTemplate from './reply-template';
import report from './report';

export default {
  category,
  office,
  'deadline-alert': deadlineAlert,
  report,
  photo,
  reply,
  'reply-template': replyTemplate,
  'history-entry': historyEntry,
  notification,
  'protocol-counter': protocolCounter,
  'channel-message': channelMessage,
  'channel-thread': channelThread,
  rating,
};
