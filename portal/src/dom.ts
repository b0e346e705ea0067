import spritesUrl from 'bootstrap-italia/dist/svg/sprites.svg';

/**
 * A tiny DOM builder. Text always goes in as text nodes, never as HTML, so whatever the API returns
 * (titles, replies written by officers) cannot inject markup.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;
export type Props = Readonly<Record<string, string | number | boolean | null | undefined | Listener>>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child as readonly Child[]) append(parent, item);
    return;
  }
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

function applyProps(element: Element, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
}

/** `h('a', { href: '/x', class: 'btn', onClick: … }, 'text', child)`: `on…` props become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

export function fragment(...children: Child[]): DocumentFragment {
  const result = document.createDocumentFragment();
  append(result, children);
  return result;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An icon of the Bootstrap Italia sprite. Decorative unless it has a `label`, which is then what
 * assistive technologies read.
 */
export function icon(name: string, { className = '', label }: { className?: string; label?: string } = {}): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `icon ${className}`.trim());
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `${spritesUrl}#${name}`);
  svg.appendChild(use);
  return svg;
}

let lastId = 0;
/** An id unique in the page, for label/aria pairs. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}
