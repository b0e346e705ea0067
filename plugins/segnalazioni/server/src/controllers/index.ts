import adminReport from './admin-report';
import archive from './archive';
import category from './category';
import report from './report';
import statistics from './statistics';

export default { 'admin-report': adminReport, archive, category, report, statistics };
