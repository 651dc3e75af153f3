import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import spbe2020 from '../../src/shared/framework/data/spbe-2020.json';
import type { Locale } from '../../src/web/i18n/locale-store';
import { id } from '../../src/web/i18n/messages';
import { en } from '../../src/web/i18n/messages.en';
import { auditLabelTables } from '../../src/web/i18n/messages-audit';

// What the reader sees must be in their language and never a key: the visible text of a page is
// checked against the dictionaries. Exact text nodes are compared (React renders each `{t(...)}`
// as its own node), so sample data written in Bahasa Indonesia does not count as untranslated UI.

/** Texts of one language that the other language's UI never shows (placeholders left out). */
function onlyIn(mine: string[], theirs: string[]): Set<string> {
  const other = new Set(theirs);
  return new Set(mine.filter((t) => !t.includes('{') && !other.has(t) && /\p{L}{2}/u.test(t)));
}

const audit = [
  ...Object.values(auditLabelTables.actionLabels),
  ...Object.values(auditLabelTables.entityLabels),
];
const predicates = spbe2020.predicates.map((p) => p.label);
const texts: Record<Locale, string[]> = {
  id: [...Object.values(id), ...audit.map((l) => l.id), ...predicates.map((l) => l.id)],
  en: [...Object.values(en), ...audit.map((l) => l.en), ...predicates.map((l) => l.en)],
};
const foreign: Record<Locale, Set<string>> = {
  id: onlyIn(texts.en, texts.id),
  en: onlyIn(texts.id, texts.en),
};
const own: Record<Locale, Set<string>> = { id: new Set(texts.id), en: new Set(texts.en) };
const messageKeys = new Set(Object.keys(id));

// The Indonesian rating words inside a longer text ("2.02 Cukup"): the one kind of Indonesian an
// English page could carry in the middle of a sentence built from data.
const indonesianPredicate = new RegExp(
  `(^|[^\\p{L}])(${predicates.map((p) => p.id).join('|')})([^\\p{L}]|$)`,
  'u',
);

/** Every string-union value the contracts declare (statuses, roles, stages, audit actions …). */
async function contractEnumValues(): Promise<Set<string>> {
  const dir = path.resolve(import.meta.dirname, '../../src/shared/contracts');
  const values = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
        for (const x of v) values.add(x);
      }
    }
  }
  return values;
}
const enumValues = contractEnumValues();

const RAW_KEY = /^([a-z][a-z0-9]*(_[a-z0-9]+)+|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[a-z]+(\.[a-z_]+)+)$/;

/**
 * The visible texts of the page (text nodes, names, hints and the values of read-only pickers),
 * as written in the DOM (badges upper-case by CSS only). Left out: code and preformatted blocks,
 * which show verbatim technical values on purpose (the audit page's action codes, an email's
 * text), and what the page marks translate="no" (free text people typed, shown as they wrote it).
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  // No helper functions inside: the page runs this source as it is, without the test runner's helpers.
  const raw = await page.evaluate(() => {
    const out: (string | null)[] = [];
    const skip = 'code, pre, script, style, [aria-hidden="true"], [translate="no"]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el && !el.closest(skip) && el.checkVisibility()) out.push(walker.currentNode.textContent);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
      if (el.closest(skip) || !el.checkVisibility()) continue;
      out.push(el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder'));
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[readonly]')) {
      if (input.checkVisibility()) out.push(input.value);
    }
    return out;
  });
  return [...new Set(raw.map((t) => (t ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** What on the page is not in the reader's language or is a raw key or enum value; empty when all is well. */
export async function untranslated(page: Page, locale: Locale): Promise<string[]> {
  const enums = await enumValues;
  const problems: string[] = [];
  for (const t of await visibleTexts(page)) {
    if (foreign[locale].has(t))
      problems.push(`"${t}" is ${locale === 'en' ? 'Indonesian' : 'English'} UI text`);
    else if (messageKeys.has(t) && !own[locale].has(t)) problems.push(`"${t}" is a message key`);
    else if (enums.has(t) && !own[locale].has(t)) problems.push(`"${t}" is a raw enum value`);
    else if (RAW_KEY.test(t) && !own[locale].has(t)) problems.push(`"${t}" looks like a raw key`);
    else if (locale === 'en' && indonesianPredicate.test(t)) problems.push(`"${t}" has an Indonesian rating`);
  }
  return problems;
}
