import category from './category';
import report from './report';

export default { category, report };
