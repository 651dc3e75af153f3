import { describe, expect, it } from 'vitest';
import { neutraliseFormulaText, restoreFormulaText, toCsv } from './csv';

describe('CSV formula neutralising', () => {
  it('escapes every place a field could start, whatever the reader’s separator', () => {
    expect(neutraliseFormulaText('=1+1')).toBe("'=1+1");
    expect(neutraliseFormulaText('Rapat koordinasi;=1+1;')).toBe("Rapat koordinasi;'=1+1;");
    expect(neutraliseFormulaText('a,@SUM(A1),b\t+cmd')).toBe("a,'@SUM(A1),b\t'+cmd");
    expect(neutraliseFormulaText('-2+3;-x')).toBe("'-2+3;'-x");
    // Harmless text stays as it is: a trailing sign, a date, a list with spaces.
    for (const s of ['Rp 5.000.000,-', '2026-01-31', '12:3; 14:2', 'a - b']) {
      expect(neutraliseFormulaText(s)).toBe(s);
    }
  });

  it('is undone exactly on import, apostrophes the user typed included', () => {
    for (const s of ['=1+1', "'=1+1", "''=x;'-y", 'a;=b,+c\t@d', 'plain', "it's", "Rp 1,'-", '\t\tx']) {
      expect(restoreFormulaText(neutraliseFormulaText(s))).toBe(s);
    }
  });

  it('quotes fields with ";" or a tab so a ";"-locale Excel keeps them whole', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['Rapat koordinasi;=1+1;', 'x\ty'],
        [-5, 'ok'],
      ],
    );
    const lines = csv.slice(1).split('\n');
    expect(lines[1]).toBe(`"Rapat koordinasi;'=1+1;","x\ty"`);
    expect(lines[2]).toBe('-5,ok');
  });
});
