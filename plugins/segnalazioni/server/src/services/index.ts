import accounts from './accounts';
import categories from './categories';
import citizenReports from './citizen-reports';
import history from './history';
import intake from './intake';
import notifications from './notifications';
import photos from './photos';
import seed from './seed';

export default {
  accounts,
  categories,
  'citizen-reports': citizenReports,
  history,
  intake,
  notifications,
  photos,
  seed,
};
