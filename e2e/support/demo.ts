import { DEMO_PASSWORD } from './environment.ts';

/** A demo account the server was seeded with (see src/seed/demo-data.ts). */
export interface DemoUser {
  email: string;
  name: string;
  password: string;
}

const demo = (email: string, name: string): DemoUser => ({ email, name, password: DEMO_PASSWORD });

export const users = {
  walsallAdmin: demo('admin@walsall.example', 'Amara Okafor'),
  walsallViewer: demo('viewer@walsall.example', 'Tom Baker'),
  walsallAnalyst: demo('analyst@walsall.example', 'Ravi Sandhu'),
  walsallContributor: demo('contributor@walsall.example', 'Dan Whitehouse'),
  walsallSponsor: demo('sponsor@walsall.example', 'Helen Morris'),
  birminghamAdmin: demo('admin@birmingham.example', 'Imran Hussain'),
} as const;

export const walsall = {
  slug: 'walsall',
  name: 'Walsall Children and Young People’s Partnership',
  home: '/p/walsall',
  publicPage: '/public/walsall',
  people: '/p/walsall/admin/people',
  agencies: '/p/walsall/admin/agencies',
  boards: '/p/walsall/admin/boards',
  audit: '/p/walsall/admin/audit',
  tokens: '/p/walsall/account/tokens',
  plans: '/p/walsall/plans',
  tracker: '/p/walsall/tracker',
  scorecards: '/p/walsall/scorecards',
  indicators: '/p/walsall/indicators',
  imports: '/p/walsall/imports',
  figures: '/p/walsall/figures',
} as const;

export const birmingham = {
  slug: 'birmingham',
  name: 'Birmingham Children’s Strategic Partnership',
  home: '/p/birmingham',
} as const;

/** A suffix that keeps names made by one run apart from any other run's. */
export const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1000)}`;
