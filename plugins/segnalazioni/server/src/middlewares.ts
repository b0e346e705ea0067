import body from './http/body';
import photoGuard from './photos/photo-guard';
import portal from './http/portal';
import rateLimit from './accounts/rate-limit';

export default { body, 'photo-guard': photoGuard, portal, 'rate-limit': rateLimit };
