import { ApiError, LoginRequired } from './api';
import { replaceChildren } from './dom';

/**
 * Client-side navigation under /sportello. Every address is a real one — the server answers any
 * /sportello/… path with the portal — so links from mails and bookmarks open the right page.
 */

export const BASE = '/sportello';

export interface PageContext {
  /** The parts of the path the route captured (e.g. a report's documentId). */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

export interface RenderedPage {
  readonly title: string;
  readonly content: Node;
  /** What must run once the content is in the page (a map measures its container). */
  readonly mounted?: () => void;
}

export type PageRenderer = (context: PageContext) => RenderedPage | Promise<RenderedPage>;

export interface Route {
  readonly path: RegExp;
  readonly render: PageRenderer;
}

interface RouterOptions {
  readonly routes: readonly Route[];
  readonly notFound: PageRenderer;
  readonly failure: (error: ApiError) => RenderedPage;
  readonly siteName: string;
  readonly afterRender: (path: string) => void;
}

let options: RouterOptions | null = null;
let renders = 0;

const main = () => document.getElementById('contenuto') as HTMLElement;

function isPortalLink(anchor: HTMLAnchorElement, event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return false;
  // In-page links (the skip links) stay the browser's.
  if (anchor.getAttribute('href')?.startsWith('#')) return false;
  return anchor.pathname === BASE || anchor.pathname.startsWith(`${BASE}/`);
}

/** `focus`: a selector of what gets focus on the new page (default: its heading). */
export function navigate(url: string, { replace = false, focus = 'h1' } = {}): void {
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  void render({ focus });
}

/** Sends the citizen to the login page, and back here once logged in. */
export function redirectToLogin(): void {
  const back = `${location.pathname}${location.search}`;
  navigate(`${BASE}/accesso?ritorno=${encodeURIComponent(back)}`, { replace: true });
}

async function render({ focus }: { focus: string | null }): Promise<void> {
  if (!options) return;
  const current = ++renders;
  const target = main();
  target.setAttribute('aria-busy', 'true');
  const path = location.pathname.replace(/\/+$/, '') || BASE;
  const context = (params: readonly string[]): PageContext => ({ params, query: new URLSearchParams(location.search) });
  let page: RenderedPage;
  try {
    const route = options.routes.find((candidate) => candidate.path.test(path));
    const match = route?.path.exec(path);
    page = route && match ? await route.render(context(match.slice(1).map(decodeURIComponent))) : await options.notFound(context([]));
  } catch (error) {
    if (error instanceof LoginRequired) return redirectToLogin();
    if (error instanceof ApiError && error.status === 404) page = await options.notFound(context([]));
    else if (error instanceof ApiError) page = options.failure(error);
    else throw error;
  }
  // A slower, older navigation must not overwrite the page the citizen went to since.
  if (current !== renders) return;
  replaceChildren(target, page.content);
  page.mounted?.();
  target.removeAttribute('aria-busy');
  document.title = `${page.title} - Sportello Segnalazioni - ${options.siteName}`;
  options.afterRender(path);
  if (focus) {
    window.scrollTo(0, 0);
    (target.querySelector<HTMLElement>(focus) ?? target.querySelector<HTMLElement>('h1') ?? target).focus();
  }
}

/** Renders the current page again where it stands (after a change of language). */
export function refresh(): void {
  void render({ focus: null });
}

export function startRouter(routerOptions: RouterOptions): void {
  options = routerOptions;
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (anchor instanceof HTMLAnchorElement && isPortalLink(anchor, event)) {
      event.preventDefault();
      navigate(`${anchor.pathname}${anchor.search}`);
    }
  });
  window.addEventListener('popstate', () => void render({ focus: 'h1' }));
  void render({ focus: null });
}
