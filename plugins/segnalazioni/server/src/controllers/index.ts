import adminReport from './admin-report';
import category from './category';
import report from './report';

export default { 'admin-report': adminReport, category, report };
