/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The checks run in the page (page.evaluate), so this file speaks the DOM.
import type { Page } from '@playwright/test';

/** The limits a page's layout is held to. */
export interface LayoutLimits {
  /** A table column or grid cell holding prose (four words or more) is at least this wide. */
  readonly proseMinWidth: number;
  /** The top bar is one row: shorter than this. */
  readonly headerMaxHeight: number;
  /** Two texts overlap when their boxes share more than this many pixels each way. */
  readonly overlapTolerance: number;
  /** From this window width on, no table needs scrolling sideways in its box. */
  readonly tablesFitFrom: number;
}

export const LAYOUT_LIMITS: LayoutLimits = {
  proseMinWidth: 120,
  headerMaxHeight: 64,
  overlapTolerance: 2,
  tablesFitFrom: 1400,
};

/**
 * What is wrong with the page's layout as a reader sees it, one line each (empty when nothing):
 * texts overlapping, text overflowing its box or clipped with no ellipsis and title to read it,
 * words broken across lines, field text cut off, prose columns too narrow, a top bar on two rows, a
 * horizontal page scrollbar, tables scrolling sideways on a wide window, and form rows that strand
 * a control or two on a line of their own.
 */
export function layoutProblems(page: Page, limits: LayoutLimits = LAYOUT_LIMITS): Promise<string[]> {
  return page.evaluate(measureLayout, limits);
}

/** Runs in the page: self-contained (serialised by Playwright), reads the layout once, changes nothing. */
function measureLayout(limits: LayoutLimits): string[] {
  const problems: string[] = [];
  const tol = limits.overlapTolerance;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element): CSSStyleDeclaration => {
    let s = styles.get(el);
    if (!s) {
      s = getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
  const nameOf = (el: Element): string => {
    const classes = [...el.classList].map((c) => `.${c}`).join('');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `<${el.tagName.toLowerCase()}${classes}> "${text.length > 48 ? `${text.slice(0, 47)}…` : text}"`;
  };
  const px = (n: number) => `${Math.round(n)} px`;
  // Text a reader sees: a screen-reader-only label (clipped to a pixel) adds no width to read.
  const visibleText = (el: Element): string => {
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && parent.getBoundingClientRect().width <= 1) continue;
      text += ` ${node.textContent ?? ''}`;
    }
    return text;
  };

  // The page's own scroll region (the box that scrolls the page's heading: the shell's main, or the
  // document): what it hides is scrolled off, not clipped. Scroll boxes inside it (a table's, a list's) clip.
  const heading = document.querySelector('h1');
  const isPageScroller = (el: Element) =>
    el === document.documentElement ||
    el === document.body ||
    (heading !== null &&
      el.contains(heading) &&
      (scrolls(style(el).overflowY) || scrolls(style(el).overflowX)));
  const clipsX = (el: Element) => style(el).overflowX !== 'visible';
  const clipsY = (el: Element) => style(el).overflowY !== 'visible';
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const isInline = (el: Element) => style(el).display === 'inline' || style(el).display === 'contents';

  /** Not drawn, or drawn for screen readers only (clipped to a pixel). */
  const unseen = (el: Element): boolean => {
    if (el.closest('svg, option, script, style, noscript, template, select')) return true;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = style(e);
      if (s.visibility === 'hidden' || s.opacity === '0' || s.display === 'none') return true;
      if (s.position === 'absolute' && s.clip !== 'auto') return true;
      if (s.clipPath !== 'none' && s.clipPath !== '') return true;
    }
    return false;
  };

  interface TextBox {
    readonly el: Element;
    readonly text: string;
    readonly rect: DOMRect;
    /** The part a reader can see, inside every clipping box short of the page's scroll region. */
    readonly visible: DOMRect | null;
  }

  const clientBox = (el: Element): DOMRect => {
    const r = el.getBoundingClientRect();
    return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth, el.clientHeight);
  };
  const intersect = (a: DOMRect, b: DOMRect): DOMRect | null => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    const right = Math.min(a.right, b.right);
    const bottom = Math.min(a.bottom, b.bottom);
    return right - left > 0 && bottom - top > 0 ? new DOMRect(left, top, right - left, bottom - top) : null;
  };

  // Every line of every direct text an element holds.
  const boxes: TextBox[] = [];
  const lineTops = new Map<Text, number[]>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textNode = node as Text;
    const el = textNode.parentElement;
    const text = textNode.data.trim();
    if (!el || text === '' || unseen(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(textNode);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    const tops: number[] = [];
    for (const rect of rects) {
      if (!tops.some((t) => Math.abs(t - rect.top) < 3)) tops.push(rect.top);
      let visible: DOMRect | null = rect;
      for (let a: Element | null = el; a && visible; a = a.parentElement) {
        if (isPageScroller(a)) break;
        if (clipsX(a) || clipsY(a)) visible = intersect(visible, clientBox(a));
      }
      boxes.push({ el, text, rect, visible });
    }
    lineTops.set(textNode, tops);
  }

  // (a) No two texts overlap.
  const seen = boxes.filter((b): b is TextBox & { visible: DOMRect } => b.visible !== null);
  seen.sort((x, y) => x.visible.top - y.visible.top);
  const overlaps = new Set<string>();
  for (let i = 0; i < seen.length; i++) {
    const a = seen[i]!;
    for (let j = i + 1; j < seen.length; j++) {
      const b = seen[j]!;
      if (b.visible.top >= a.visible.bottom - tol) break;
      if (a.el === b.el) continue;
      const both = intersect(a.visible, b.visible);
      if (!both || both.width <= tol || both.height <= tol) continue;
      const line = `overlap: ${nameOf(a.el)} and ${nameOf(b.el)} share ${px(both.width)} × ${px(both.height)}`;
      overlaps.add(line);
    }
  }
  problems.push(...overlaps);

  // (b) No text runs out of its box, or is clipped, unless it ends in an ellipsis with a title to read it by.
  const cut = new Set<string>();
  for (const { el, text, rect } of boxes) {
    const box = [...ancestors(el)].find((a) => !isInline(a));
    if (box && !clipsX(box)) {
      const r = box.getBoundingClientRect();
      if (rect.right > r.right + tol || rect.left < r.left - tol)
        cut.add(`overflows its box: ${nameOf(box)} (${px(r.width)} wide, text ${px(rect.width)})`);
    }
    for (const a of ancestors(el)) {
      if (isPageScroller(a)) break;
      const s = style(a);
      if (!clipsX(a) && !clipsY(a)) continue;
      const r = clientBox(a);
      const outX = clipsX(a) && (rect.right > r.right + tol || rect.left < r.left - tol);
      const outY = clipsY(a) && (rect.bottom > r.bottom + tol || rect.top < r.top - tol);
      if (!outX && !outY) continue;
      // Content that scrolls can be read by scrolling; rows scrolled out of a list are not clipped.
      if ((outX && scrolls(s.overflowX)) || (outY && scrolls(s.overflowY))) break;
      const titled = el.closest('[title]')?.getAttribute('title') ?? '';
      const readable = outX && !outY && s.textOverflow === 'ellipsis' && titled.includes(text);
      if (!readable)
        cut.add(
          `clipped: ${nameOf(el)} inside ${nameOf(a)}${s.textOverflow === 'ellipsis' ? ' (an ellipsis but no title with the whole text)' : ''}`,
        );
      break;
    }
  }
  problems.push(...cut);

  // (b') No word broken across lines: a text on more lines than it has pieces (words, and the parts
  // of ids between "-", "/", ":", "." or "_", where a break still reads) has a word cut in two.
  for (const [textNode, tops] of lineTops) {
    const pieces = textNode.data
      .trim()
      .split(/\s+|(?<=[-/:._])/)
      .filter(Boolean).length;
    if (tops.length > pieces && textNode.parentElement)
      problems.push(
        `words broken across lines: ${nameOf(textNode.parentElement)} (${pieces} piece${pieces === 1 ? '' : 's'} on ${tops.length} lines)`,
      );
  }

  // (b'') No field's example or value cut off: an input's text must fit its box.
  const measure = document.createElement('canvas').getContext('2d');
  for (const input of document.querySelectorAll<HTMLInputElement>(
    'input:not([type]), input[type="text"], input[type="search"], input[type="number"]',
  )) {
    const text = input.value || input.placeholder;
    if (!measure || text === '' || unseen(input)) continue;
    const s = style(input);
    measure.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const room = input.clientWidth - Number.parseFloat(s.paddingLeft) - Number.parseFloat(s.paddingRight);
    const width = measure.measureText(text).width;
    if (width > room + tol)
      problems.push(
        `field text cut off: <input name="${input.name}"> "${text}" needs ${px(width)} in ${px(room)}`,
      );
  }

  // (d) Prose (four words or more) sits in a column at least proseMinWidth wide.
  const cells = new Set<Element>(document.querySelectorAll('td, th, [role="cell"], [role="columnheader"]'));
  for (const grid of document.body.querySelectorAll('*')) {
    const s = style(grid);
    if (s.display !== 'grid' && s.display !== 'inline-grid') continue;
    if (s.gridTemplateColumns.split(' ').filter(Boolean).length < 3) continue;
    for (const child of grid.children) cells.add(child);
  }
  const narrow = new Set<string>();
  for (const cell of cells) {
    if (unseen(cell)) continue;
    const width = cell.getBoundingClientRect().width;
    if (width === 0 || width >= limits.proseMinWidth) continue;
    if (words(visibleText(cell)).length >= 4)
      narrow.add(`prose column too narrow: ${nameOf(cell)} is ${px(width)} wide`);
  }
  problems.push(...narrow);

  // (c) The top bar is a single row.
  const header = document.querySelector('body header');
  if (header) {
    const height = header.getBoundingClientRect().height;
    if (height >= limits.headerMaxHeight)
      problems.push(`top bar on more than one row: ${px(height)} tall (limit ${px(limits.headerMaxHeight)})`);
  }

  // (e) No horizontal page scrollbar.
  for (const el of [document.documentElement, ...document.querySelectorAll('main')]) {
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(
        `horizontal page scrollbar: <${el.tagName.toLowerCase()}> is ${px(el.scrollWidth)} wide in ${px(el.clientWidth)}`,
      );
  }

  // (e') On a wide window every table fits its box: its last columns are not behind a sideways scroll.
  if (window.innerWidth >= limits.tablesFitFrom) {
    for (const table of document.querySelectorAll('table')) {
      if (unseen(table)) continue;
      const box = [...ancestors(table)].find((a) => scrolls(style(a).overflowX));
      if (box && !isPageScroller(box) && box.scrollWidth > box.clientWidth + 1)
        problems.push(
          `table scrolls sideways: ${nameOf(table)} is ${px(box.scrollWidth)} wide in ${px(box.clientWidth)}`,
        );
    }
  }

  // (f) A form's wrapping rows (a filter bar, its groups, a set of choices) leave nothing stranded:
  // a later row that fills less than a third of the width holds one or two controls torn from the rest.
  for (const bar of document.querySelectorAll('form, form *')) {
    const s = style(bar);
    if (!s.display.endsWith('flex') || s.flexWrap !== 'wrap' || !s.flexDirection.startsWith('row')) continue;
    if (unseen(bar)) continue;
    const box = bar.getBoundingClientRect();
    const items = [...bar.children]
      .filter((c) => c.tagName !== 'LEGEND' && !unseen(c))
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.width < box.width * 0.9);
    if (items.length < 2) continue;
    const rows: { top: number; bottom: number; left: number; right: number; count: number }[] = [];
    for (const r of items) {
      const row = rows.find((w) => r.top < w.bottom - 2 && r.bottom > w.top + 2);
      if (!row) {
        rows.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right, count: 1 });
        continue;
      }
      row.count += 1;
      row.top = Math.min(row.top, r.top);
      row.bottom = Math.max(row.bottom, r.bottom);
      row.left = Math.min(row.left, r.left);
      row.right = Math.max(row.right, r.right);
    }
    const stranded = rows.slice(1).find((w) => w.right - w.left < box.width / 3);
    if (stranded)
      problems.push(
        `controls stranded on a line of their own: ${nameOf(bar)} wraps into ${rows.length} rows of ${rows.map((w) => w.count).join(', ')}, the last ${px(stranded.right - stranded.left)} of ${px(box.width)}`,
      );
  }
  return problems;

  function* ancestors(el: Element): Generator<Element> {
    for (let a: Element | null = el; a; a = a.parentElement) yield a;
  }
}
