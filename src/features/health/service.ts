import type { Db } from '../../data/db.ts';
import { migrationState } from '../../data/readiness.ts';

/** What /readyz answers: ready, or why not in words an operator can act on. */
export type Readiness =
  | { status: 'ready' }
  | { status: 'unavailable'; reason: 'database unreachable'; detail: string; error: unknown }
  | { status: 'unavailable'; reason: 'migrations pending' | 'database newer than code'; detail: string; migrations: string[] };

/** Whether this instance can serve: its database answers and holds exactly the migrations this code knows. */
export function createHealthService(db: Db) {
  return {
    async readiness(): Promise<Readiness> {
      const state = await migrationState(db).catch((error: unknown) => ({ error }));
      if ('error' in state) {
        return { status: 'unavailable', reason: 'database unreachable', detail: 'Baton cannot reach its database.', error: state.error };
      }
      if (state.unknown.length > 0) {
        const detail = 'This database was last used by a newer version of Baton: run that version (or newer) on this instance.';
        return { status: 'unavailable', reason: 'database newer than code', detail, migrations: state.unknown };
      }
      if (state.pending.length > 0) {
        const detail = 'The database lacks migrations this version of Baton needs: restart Baton (or run "baton migrate") to apply them.';
        return { status: 'unavailable', reason: 'migrations pending', detail, migrations: state.pending };
      }
      return { status: 'ready' };
    },
  };
}
