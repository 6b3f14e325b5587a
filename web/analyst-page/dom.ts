import type { Term } from './term.js';

/** DOM building without innerHTML: every value from the register goes in as text. */

export type { Term };

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined>;

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
};


/** A term in both languages, the Japanese marked as such for screen readers. */
export const termLabel = (term: Term): HTMLSpanElement =>
  el('span', { class: 'term' }, el('span', { lang: 'ja' }, term.ja), ' ', el('span', {}, term.en));

export const termWithArticle = (term: Term): HTMLSpanElement =>
  el('span', {}, termLabel(term), term.article === undefined ? null : el('span', { class: 'article' }, ` (${term.article})`));

export const byId = <T extends HTMLElement>(id: string, type: new () => T): T => {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the page has no ${type.name} #${id}`);
  return found;
};

/** A table with header cells scoped to their columns and a caption. */
export const table = (caption: Node | string, headers: readonly (Node | string)[], rows: readonly (readonly Child[])[], className = ''): HTMLTableElement =>
  el(
    'table',
    { class: className || undefined },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, cell))))),
  );

export const show = (element: HTMLElement, visible: boolean): void => {
  element.hidden = !visible;
};

export const dash = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : value);
