import account from './accounts/account-controller';
import adminReport from './staff/admin-report-controller';
import archive from './archive/archive-controller';
import category from './archive/category-controller';
import channelWebhook from './channels/channel-webhook-controller';
import open311 from './open311/open311-controller';
import openData from './opendata/open-data-controller';
import openApi from './openapi/openapi-controller';
import follow from './following/follow-controller';
import places from './places/places-controller';
import rating from './ratings/rating-controller';
import report from './intake/report-controller';
import statistics from './statistics/statistics-controller';

export default {
  account,
  'admin-report': adminReport,
  archive,
  category,
  'channel-webhook': channelWebhook,
  'open-data': openData,
  'open-api': openApi,
  open311,
  follow,
  places,
  rating,
  report,
  statistics,
};
