import accounts from './accounts/accounts';
import archive from './archive/archive';
import archiveProjection from './archive/archive-projection';
import archiveVersion from './archive/archive-version';
import categories from './archive/categories';
import channelIntake from './channels/channel-intake';
import channels from './channels/channels';
import citizenReports from './intake/citizen-reports';
import citizenTokens from './accounts/citizen-tokens';
import clock from './common/clock';
import deadlines from './service-levels/deadlines';
import demo from './seed/demo';
import followLinks from './following/follow-links';
import geocoder from './places/geocoder';
import graphApi from './channels/graph-api';
import history from './workflow/history';
import intake from './intake/intake';
import notifications from './notifications/notifications';
import photoBucket from './photos/photo-bucket';
import photos from './photos/photos';
import protocol from './intake/protocol';
import rateLimits from './accounts/rate-limits';
import ratings from './ratings/ratings';
import search from './archive/search';
import seed from './seed/seed';
import serviceLevels from './service-levels/service-levels';
import staff from './staff/staff';
import staffReports from './staff/staff-reports';
import statistics from './statistics/statistics';
import statisticsCells from './statistics/statistics-cells';
import uploadSweep from './photos/upload-sweep';
import workflow from './workflow/workflow';

export default {
  accounts,
  archive,
  'archive-projection': archiveProjection,
  'archive-version': archiveVersion,
  categories,
  'channel-intake': channelIntake,
  channels,
  'citizen-reports': citizenReports,
  'citizen-tokens': citizenTokens,
  clock,
  deadlines,
  demo,
  'follow-links': followLinks,
  geocoder,
  'graph-api': graphApi,
  history,
  intake,
  notifications,
  'photo-bucket': photoBucket,
  photos,
  protocol,
  'rate-limits': rateLimits,
  ratings,
  search,
  seed,
  'service-levels': serviceLevels,
  staff,
  'staff-reports': staffReports,
  statistics,
  'statistics-cells': statisticsCells,
  'upload-sweep': uploadSweep,
  workflow,
};
