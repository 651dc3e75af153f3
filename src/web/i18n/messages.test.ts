import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { id } from './messages';
import { en } from './messages.en';
import { auditLabelTables } from './messages-audit';

// The dictionaries' own guarantees (the type already gives both languages the same keys), and
// that no page writes UI words past them.

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Sentences that read the same in both languages on purpose (names).
const SAME_IN_BOTH = new Set(['appName', 'appTagline']);

describe('UI dictionaries', () => {
  const keys = Object.keys(id) as (keyof typeof id)[];

  it('has every text in both languages, with the same placeholders', () => {
    for (const key of keys) {
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('has no sentence left untranslated (the same words in both languages)', () => {
    const words = (s: string) => s.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];
    const same = keys.filter((k) => !SAME_IN_BOTH.has(k) && id[k] === en[k] && words(id[k]).length >= 2);
    expect(same).toEqual([]);
  });

  it('names every audit action and entity distinctly, in both languages', () => {
    for (const table of Object.values(auditLabelTables)) {
      const labels = Object.values(table);
      for (const locale of ['id', 'en'] as const) {
        const names = labels.map((l) => l[locale]);
        expect(names.every((n) => n.trim().length > 0)).toBe(true);
        expect(new Set(names).size, `duplicate ${locale} label`).toBe(names.length);
      }
    }
  });
});

// Words written straight into JSX bypass both dictionaries and show in one language only. These
// read the same in both (names, file formats, an example value) and may stay.
const VERBATIM = new Set(['Menu', 'CSV', 'XLSX', 'ID', 'Bupati', 'KOMDIGI']);
const TEXT_ATTRIBUTES = new Set([
  'label',
  'title',
  'aria-label',
  'placeholder',
  'alt',
  'description',
  'error',
]);

function hardCodedTexts(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isJsxText(node)) text = node.getText().trim();
    else if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer)
    ) {
      text = node.initializer.text;
    }
    if (text && /\p{L}{2,}/u.test(text) && !VERBATIM.has(text))
      found.push(`${path.relative(process.cwd(), file)}: "${text}"`);
    // `t(\`status_${s}\` as MessageKey)` would compile for a value with no label: the key must be
    // checked against the dictionary, so a built key is never cast.
    if (ts.isAsExpression(node) && ts.isTemplateExpression(node.expression)) {
      found.push(`${path.relative(process.cwd(), file)}: cast of a built key ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

describe('web pages', () => {
  it('write no UI words outside the dictionaries, and build no unchecked keys', () => {
    const web = path.resolve(import.meta.dirname, '..');
    expect(tsxFiles(web).flatMap(hardCodedTexts)).toEqual([]);
  });
});
