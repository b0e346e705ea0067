import type { Core } from '@strapi/strapi';

/**
 * `read`, once per request: the first call in a request reads, later calls in the same request get
 * that answer (outside a request every call reads). For values several layers of one request ask
 * for, such as the archive's version (its entity tag, then its cache).
 */
export function oncePerRequest<T>(strapi: Core.Strapi, read: () => Promise<T>): () => Promise<T> {
  const answers = new WeakMap<object, Promise<T>>();
  return () => {
    const request = strapi.requestContext.get();
    if (!request) return read();
    let answer = answers.get(request);
    if (!answer) {
      answer = read();
      answers.set(request, answer);
      // A failed read is not kept: a later layer of the same request reads again.
      answer.catch(() => answers.delete(request));
    }
    return answer;
  };
}
