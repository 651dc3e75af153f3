import { describe, expect, it } from 'vitest';
import { isAdministrativeArea, regencyType, titleCaseAreaName } from './area-names';

describe('titleCaseAreaName', () => {
  it.each([
    ['KABUPATEN SUMEDANG', 'Kabupaten Sumedang'],
    ['JAWA BARAT', 'Jawa Barat'],
    ['DKI JAKARTA', 'DKI Jakarta'],
    ['DAERAH ISTIMEWA YOGYAKARTA', 'Daerah Istimewa Yogyakarta'],
    ['KABUPATEN TOLI-TOLI', 'Kabupaten Toli-Toli'],
    ['KOTA ADM. JAKARTA PUSAT', 'Kota Adm. Jakarta Pusat'],
  ])('%s → %s', (raw, expected) => {
    expect(titleCaseAreaName(raw)).toBe(expected);
  });

  it('tells a city from a regency', () => {
    expect(regencyType('KOTA BANDUNG')).toBe('city');
    expect(regencyType('KABUPATEN KOTAWARINGIN BARAT')).toBe('regency');
  });

  it('recognises the administrative cities and regency of DKI Jakarta', () => {
    expect(isAdministrativeArea('KOTA ADMINISTRASI JAKARTA PUSAT')).toBe(true);
    expect(isAdministrativeArea('KABUPATEN ADMINISTRASI KEPULAUAN SERIBU')).toBe(true);
    expect(isAdministrativeArea('KOTA ADM. JAKARTA PUSAT')).toBe(true);
    expect(isAdministrativeArea('KOTA BANDUNG')).toBe(false);
    expect(isAdministrativeArea('KABUPATEN ADMINISTRASIANA')).toBe(false);
  });
});
