import account from './account';
import adminReport from './admin-report';
import archive from './archive';
import category from './category';
import channelWebhook from './channel-webhook';
import report from './report';
import statistics from './statistics';

export default { account, 'admin-report': adminReport, archive, category, 'channel-webhook': channelWebhook, report, statistics };
