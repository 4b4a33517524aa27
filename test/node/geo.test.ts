import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderAdminTable } from '../../tools/geo/build-admin-table.js';
import {
  departmentOfInsee,
  departmentOfPostcode,
  departments,
  findDepartment,
  findRegion,
  regions,
} from '../../src/geo/admin.js';

test('the browser geography table is in sync with @etalab/decoupage-administratif', () => {
  const committed = readFileSync(new URL('../../src/geo/admin-data.ts', import.meta.url), 'utf8');
  assert.equal(committed, renderAdminTable(), 'run `npm run geo:table`');
  assert.equal(regions.length, 18);
  assert.equal(departments.length, 101);
});

test('region names in any accent or case map to INSEE codes', () => {
  assert.equal(findRegion('ILE-DE-FRANCE')?.code, '11');
  assert.equal(findRegion('Auvergne-Rhone-Alpes')?.code, '84');
  assert.equal(findRegion('la réunion')?.code, '04');
  assert.equal(findRegion("Provence-Alpes-Cote d'Azur")?.code, '93');
  assert.equal(findRegion('84')?.code, '84');
  assert.equal(findRegion('Atlantide'), undefined);
});

test('departments from names, codes, INSEE codes and postcodes', () => {
  assert.equal(findDepartment('cotes d armor')?.code, '22');
  assert.equal(findDepartment('1')?.code, '01');
  assert.equal(findDepartment('2a')?.code, '2A');
  assert.equal(departmentOfInsee('2B033')?.code, '2B');
  assert.equal(departmentOfInsee('97411')?.regionCode, '04');
  assert.equal(departmentOfPostcode('20000')?.code, '2A');
  assert.equal(departmentOfPostcode('20200')?.code, '2B');
  assert.equal(departmentOfPostcode('97300')?.code, '973');
  assert.equal(departmentOfPostcode('abcde'), undefined);
});
