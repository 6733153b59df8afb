import type { Role } from '../core/policy.ts';
import type { BoardKind, Sector } from '../core/sectors.ts';

/**
 * The demo partnerships, from the partnership documents in the project's seeds: Walsall's
 * 2013-16 plan and its January 2014 scrutiny report, and Birmingham's 2012-15 plan.
 */
export interface DemoPartnership {
  slug: string;
  name: string;
  publicSummary: string;
  /** The council the partnership covers (ONS code), whose figures its pages compare. */
  homeArea: string;
  agencies: { name: string; sector: Sector }[];
  boards: { name: string; kind: BoardKind; purpose: string }[];
  users: { email: string; name: string; role: Role; agency?: string }[];
}

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    slug: 'walsall',
    name: 'Walsall Children and Young People’s Partnership',
    homeArea: 'E08000030',
    publicSummary:
      'Better Together for Children: the council, health, police, schools, probation, housing and voluntary organisations of Walsall working to one plan for the borough’s children and young people.',
    agencies: [
      { name: 'Walsall Council Children’s Services', sector: 'council' },
      { name: 'Walsall Council Public Health', sector: 'council' },
      { name: 'Walsall Council Adult Social Care', sector: 'council' },
      { name: 'Walsall Healthcare NHS Trust', sector: 'health' },
      { name: 'NHS Walsall Clinical Commissioning Group', sector: 'health' },
      { name: 'West Midlands Police', sector: 'police' },
      { name: 'Walsall Association of Secondary Headteachers', sector: 'schools' },
      { name: 'Walsall College', sector: 'schools' },
      { name: 'Staffordshire and West Midlands Probation Trust (Walsall)', sector: 'probation' },
      { name: 'Walsall Housing Group', sector: 'housing' },
      { name: 'One Walsall', sector: 'voluntary' },
    ],
    boards: [
      {
        name: 'Children and Young People’s Partnership Board',
        kind: 'partnership',
        purpose: 'Owns the Children and Young People’s Plan 2013-16 and holds each agency to its promises.',
      },
      {
        name: 'Walsall Safeguarding Children Board',
        kind: 'safeguarding',
        purpose: 'Makes sure agencies work together to keep children safe, and checks how well they do it.',
      },
      {
        name: 'Children’s Services Scrutiny and Performance Panel',
        kind: 'scrutiny',
        purpose: 'Councillors scrutinise performance and the improvement plan each quarter.',
      },
      {
        name: 'Children’s Improvement Board',
        kind: 'improvement',
        purpose: 'Oversees the improvement plan that followed the 2012 inspection and Improvement Notice.',
      },
    ],
    users: [
      { email: 'admin@walsall.example', name: 'Amara Okafor', role: 'admin', agency: 'Walsall Council Children’s Services' },
      { email: 'analyst@walsall.example', name: 'Ravi Sandhu', role: 'analyst', agency: 'Walsall Council Children’s Services' },
      { email: 'sponsor@walsall.example', name: 'Helen Morris', role: 'sponsor', agency: 'Walsall Council Public Health' },
      { email: 'contributor@walsall.example', name: 'Dan Whitehouse', role: 'contributor', agency: 'West Midlands Police' },
      { email: 'member@walsall.example', name: 'Grace Adebayo', role: 'member', agency: 'Walsall Healthcare NHS Trust' },
      { email: 'viewer@walsall.example', name: 'Tom Baker', role: 'viewer' },
    ],
  },
  {
    slug: 'birmingham',
    name: 'Birmingham Children’s Strategic Partnership',
    homeArea: 'E08000025',
    publicSummary:
      'Towards Excellence: Birmingham’s Children and Young People’s Plan 2012-15, agreed by the city’s partners for every child and young person in Birmingham.',
    agencies: [
      { name: 'Birmingham City Council Children, Young People and Families', sector: 'council' },
      { name: 'Birmingham Children’s Hospital NHS Foundation Trust', sector: 'health' },
      { name: 'NHS Birmingham and Solihull', sector: 'health' },
      { name: 'West Midlands Police (Birmingham)', sector: 'police' },
      { name: 'Birmingham schools and colleges', sector: 'schools' },
      { name: 'Birmingham Youth Offending Service', sector: 'probation' },
      { name: 'Birmingham Voluntary Service Council', sector: 'voluntary' },
    ],
    boards: [
      {
        name: 'Children’s Strategic Partnership Board',
        kind: 'partnership',
        purpose: 'Agrees and drives the Children and Young People’s Plan 2012-15.',
      },
      {
        name: 'Birmingham Safeguarding Children Board',
        kind: 'safeguarding',
        purpose: 'Coordinates and checks how agencies keep children in the city safe.',
      },
      {
        name: 'Care Improvement Board',
        kind: 'improvement',
        purpose: 'Oversees improvement for children in care and care leavers.',
      },
    ],
    users: [{ email: 'admin@birmingham.example', name: 'Imran Hussain', role: 'admin' }],
  },
];
