import body from './body';
import photoGuard from './photo-guard';
import portal from './portal';
import rateLimit from './rate-limit';

export default { body, 'photo-guard': photoGuard, portal, 'rate-limit': rateLimit };
