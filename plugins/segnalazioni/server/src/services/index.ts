import categories from './categories';
import seed from './seed';

export default { categories, seed };
