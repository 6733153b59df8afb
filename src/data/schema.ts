import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../core/policy.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PartnershipTable {
  id: Generated<string>;
  slug: string;
  name: string;
  public_summary: Generated<string>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipTable {
  partnership_id: string;
  user_id: string;
  role: Role;
  agency_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  sector: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BoardTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  kind: string;
  purpose: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInFailureTable {
  key: string;
  failed_at: CreatedAt;
}

export interface AuditEventTable {
  id: ColumnType<string, never, never>;
  partnership_id: string | null;
  actor_user_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

/** The single source of Baton's table types. */
export interface Database {
  partnerships: PartnershipTable;
  users: UserTable;
  memberships: MembershipTable;
  agencies: AgencyTable;
  boards: BoardTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_failures: SignInFailureTable;
  audit_events: AuditEventTable;
}

export type PartnershipRow = Selectable<PartnershipTable>;
export type UserRow = Selectable<UserTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type BoardRow = Selectable<BoardTable>;
export type NewUser = Insertable<UserTable>;
