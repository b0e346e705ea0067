import accounts from './accounts';
import categories from './categories';
import citizenReports from './citizen-reports';
import demo from './demo';
import history from './history';
import intake from './intake';
import notifications from './notifications';
import photos from './photos';
import seed from './seed';

export default {
  accounts,
  categories,
  'citizen-reports': citizenReports,
  demo,
  history,
  intake,
  notifications,
  photos,
  seed,
};
