import accounts from './accounts';
import archive from './archive';
import categories from './categories';
import citizenReports from './citizen-reports';
import demo from './demo';
import history from './history';
import intake from './intake';
import notifications from './notifications';
import photos from './photos';
import protocol from './protocol';
import seed from './seed';
import staff from './staff';
import staffReports from './staff-reports';
import workflow from './workflow';

export default {
  accounts,
  archive,
  categories,
  'citizen-reports': citizenReports,
  demo,
  history,
  intake,
  notifications,
  photos,
  protocol,
  seed,
  staff,
  'staff-reports': staffReports,
  workflow,
};
