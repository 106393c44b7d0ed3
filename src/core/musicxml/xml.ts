import { SaxesParser } from 'saxes';

/**
 * A small plain tree for XML, read with saxes (the strict, streaming parser jsdom uses; pure JavaScript, no
 * I/O) and written by hand. Reading never fetches or expands anything outside the text: a DOCTYPE is
 * skipped, entity declarations are not honoured, and an entity the XML standard does not predefine is an
 * error, so "billion laughs" and external entities cannot reach the app. (@xmldom/xmldom was tried first:
 * it took over 2 s for a 0.5 MB score here, saxes 0.1-0.2 s.)
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

/** Elements read at most, so a hostile file cannot build a huge tree. */
export const MAX_XML_ELEMENTS = 500_000;

class TooLarge extends Error {}

/** Parses XML text into a tree, or says in plain words why it cannot (never throws). */
export function parseXml(text: string): XmlParseResult {
  const parser = new SaxesParser({ position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  parser.on('opentag', (tag) => {
    if (++elements > MAX_XML_ELEMENTS) throw new TooLarge();
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (value: string) => {
    if (stack.length > 0) stack[stack.length - 1].children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof TooLarge)
      return {
        ok: false,
        reason: `the file holds more than ${MAX_XML_ELEMENTS} XML elements, too many for a score here`,
      };
    const message = error instanceof Error ? error.message : '';
    if (/entity/i.test(message))
      return { ok: false, reason: 'the file uses XML entities of its own, which are not read for safety' };
    return { ok: false, reason: 'the file is not well-formed XML' };
  }
  return root ? { ok: true, root } : { ok: false, reason: 'the file is not well-formed XML' };
}

/** The child elements of `element` named `name` (all children when no name is given). */
export function childrenNamed(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** The first child element named `name`, following a path: child(note, 'pitch', 'step'). */
export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let at = element;
  for (const name of path) at = at?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
  return at;
}

/** The text inside an element, trimmed ("" when missing). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children
    .map((c) => (typeof c === 'string' ? c : textOf(c)))
    .join('')
    .trim();
}

/** A finite number from an element's text or undefined. */
export function numberOf(element: XmlElement | undefined): number | undefined {
  const text = textOf(element);
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

// --- writing ---

/** An element for writing: el('note', { dynamics: 80 }, el('pitch', {}, ...)). Null children are skipped. */
export function el(
  name: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (XmlNode | number | null | undefined | false)[]
): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[k] = String(v);
  return {
    name,
    attributes: attrs,
    children: children
      .filter((c): c is XmlNode | number => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'number' ? String(c) : c)),
  };
}

/** Characters XML 1.0 cannot hold at all, removed from text. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function write(element: XmlElement, indent: string, out: string[]): void {
  const attrs = Object.entries(element.attributes)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  if (element.children.length === 0) {
    out.push(`${indent}<${element.name}${attrs}/>`);
    return;
  }
  if (element.children.every((c) => typeof c === 'string')) {
    out.push(
      `${indent}<${element.name}${attrs}>${escapeText((element.children as string[]).join(''))}</${element.name}>`,
    );
    return;
  }
  out.push(`${indent}<${element.name}${attrs}>`);
  for (const c of element.children) {
    if (typeof c === 'string') out.push(`${indent}  ${escapeText(c)}`);
    else write(c, `${indent}  `, out);
  }
  out.push(`${indent}</${element.name}>`);
}

/** The XML text of a document: declaration, an optional DOCTYPE line, the root element indented. */
export function xmlDocument(root: XmlElement, doctype?: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>'];
  if (doctype) out.push(doctype);
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
