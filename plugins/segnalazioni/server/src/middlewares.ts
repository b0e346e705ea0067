import archiveHttpCache from './http/archive-http-cache';
import body from './http/body';
import cachePolicy from './http/cache-policy';
import photoGuard from './photos/photo-guard';
import portal from './http/portal';
import open311Address from './open311/open311-address';
import rateLimit from './accounts/rate-limit';

export default {
  'archive-http-cache': archiveHttpCache,
  body,
  'cache-policy': cachePolicy,
  'open311-address': open311Address,
  'photo-guard': photoGuard,
  portal,
  'rate-limit': rateLimit,
};
