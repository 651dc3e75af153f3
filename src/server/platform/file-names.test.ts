import { describe, expect, it } from 'vitest';
import { attachment, cleanFileName, uploadFileName } from './file-names';

describe('file names', () => {
  it('loses path parts, control characters and bidi marks', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('faktur\u202Efdp.exe')).toBe('fakturfdp.exe');
    expect(cleanFileName('a\u2066b\u2069c\u200Ed\u200Fe\u0000f\u0085g')).toBe('abcdefg');
    expect(cleanFileName('\u202E')).toBe('berkas');
  });

  it('takes the extension from the detected type', () => {
    expect(uploadFileName('polyglot.html', 'pdf')).toBe('polyglot.pdf');
    expect(uploadFileName('laporan.PDF', 'pdf')).toBe('laporan.pdf');
    expect(uploadFileName('foto.jpeg', 'jpg')).toBe('foto.jpeg');
    expect(uploadFileName('lama.xls', 'cfb')).toBe('lama.xls');
    expect(uploadFileName('tanpa-ekstensi', 'png')).toBe('tanpa-ekstensi.png');
    expect(uploadFileName('x\u202Egnp.html', 'png')).toBe('xgnp.png');
    expect(uploadFileName('.pdf', 'pdf')).toBe('berkas.pdf');
    expect(uploadFileName(`${'a'.repeat(300)}.pdf`, 'pdf')).toHaveLength(200);
  });

  it('cannot add a parameter to Content-Disposition', () => {
    const header = attachment('a"; filename="evil.html');
    expect(header).toBe(
      `attachment; filename="a__ filename=_evil.html"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html`,
    );
    expect(attachment('tindak-lanjut-Cianjur é\u202E.csv')).toBe(
      `attachment; filename="tindak-lanjut-Cianjur _.csv"; filename*=UTF-8''tindak-lanjut-Cianjur%20%C3%A9.csv`,
    );
    expect(attachment("it's (1).csv")).toContain("filename*=UTF-8''it%27s%20%281%29.csv");
    expect(() => attachment('\ud800.csv')).not.toThrow();
  });
});
