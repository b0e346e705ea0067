import accounts from './accounts';
import archive from './archive';
import archiveVersion from './archive-version';
import categories from './categories';
import channelIntake from './channel-intake';
import channels from './channels';
import citizenReports from './citizen-reports';
import citizenTokens from './citizen-tokens';
import clock from './clock';
import deadlines from './deadlines';
import demo from './demo';
import graphApi from './graph-api';
import history from './history';
import intake from './intake';
import notifications from './notifications';
import photos from './photos';
import protocol from './protocol';
import rateLimits from './rate-limits';
import search from './search';
import seed from './seed';
import serviceLevels from './service-levels';
import staff from './staff';
import staffReports from './staff-reports';
import statistics from './statistics';
import uploadSweep from './upload-sweep';
import workflow from './workflow';

export default {
  accounts,
  archive,
  'archive-version': archiveVersion,
  categories,
  'channel-intake': channelIntake,
  channels,
  'citizen-reports': citizenReports,
  'citizen-tokens': citizenTokens,
  clock,
  deadlines,
  demo,
  'graph-api': graphApi,
  history,
  intake,
  notifications,
  photos,
  protocol,
  'rate-limits': rateLimits,
  search,
  seed,
  'service-levels': serviceLevels,
  staff,
  'staff-reports': staffReports,
  statistics,
  'upload-sweep': uploadSweep,
  workflow,
};
