import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

describe('navigationFor', () => {
  it('offers an admin every page', () => {
    expect(navigationFor('walsall', 'admin', 'home').map((i) => i.text)).toEqual([
      'Home',
      'Plans',
      'Promise tracker',
      'Scorecards',
      'Board packs',
      'Indicators',
      'Enter figures',
      'Import figures',
      'Areas',
      'People',
      'Agencies',
      'Boards',
      'Audit log',
      'API tokens',
    ]);
  });

  it('offers a viewer only the pages a viewer can use', () => {
    expect(navigationFor('walsall', 'viewer', undefined).map((i) => i.href)).toEqual([
      '/p/walsall',
      '/p/walsall/plans',
      '/p/walsall/tracker',
      '/p/walsall/scorecards',
      '/p/walsall/packs',
      '/p/walsall/indicators',
      '/p/walsall/account/tokens',
    ]);
  });

  it('offers an analyst the import page, and marks it, not Indicators, as current there', () => {
    const menu = navigationFor('walsall', 'analyst', 'imports');
    expect(menu.find((i) => i.href === '/p/walsall/imports')).toMatchObject({ text: 'Import figures', active: true });
    expect(menu.filter((i) => i.active).map((i) => i.text)).toEqual(['Import figures']);
  });

  it('marks the current page', () => {
    expect(
      navigationFor('walsall', 'admin', 'audit')
        .filter((i) => i.active)
        .map((i) => i.text),
    ).toEqual(['Audit log']);
  });
});
