/** Kinds of organisation that sit on a children's partnership. */
export const SECTORS = {
  council: 'Local authority',
  health: 'Health',
  police: 'Police',
  schools: 'Schools and colleges',
  probation: 'Probation and youth justice',
  housing: 'Housing',
  voluntary: 'Voluntary and community sector',
  other: 'Other',
} as const;
export type Sector = keyof typeof SECTORS;

/** Kinds of board a partnership runs. */
export const BOARD_KINDS = {
  partnership: 'Partnership board',
  safeguarding: 'Safeguarding board',
  scrutiny: 'Scrutiny panel',
  improvement: 'Improvement board',
  committee: 'Committee or sub-group',
} as const;
export type BoardKind = keyof typeof BOARD_KINDS;
