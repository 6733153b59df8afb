import { mayUpdateAction, type Person } from '../../core/policy.ts';
import { assessAction, progressOf, type ActionAssessment, type JudgeBy } from '../../core/promises.ts';
import type { ActionItem } from '../../data/repositories/actions.ts';
import { priorityRag } from '../../core/measures.ts';
import type { JudgedMeasure } from './measure-figures.ts';

/** How the plans pages judge actions: each as at a date, and each priority by its own actions. */

/** The date an action is judged at: the date asked for (today by default), but never after its plan ended. */
export function judgedAt(asAt: string, planEnd: string): string {
  return asAt < planEnd ? asAt : planEnd;
}

export interface AssessedAction extends ActionItem {
  assessment: ActionAssessment;
  asAt: string;
  mayUpdate: boolean;
}

/** Actions judged as at a date (each no later than its plan's end), by their original due dates unless asked. */
export function assessActions(
  actions: readonly ActionItem[],
  asAt: string,
  judgeBy: JudgeBy = 'original',
): Omit<AssessedAction, 'mayUpdate'>[] {
  return actions.map((a) => {
    const at = judgedAt(asAt, a.planEnd);
    return { ...a, asAt: at, assessment: assessAction(a, at, { judgeBy }) };
  });
}

/** Actions judged as at a date, each with whether this person may report on it. */
export function assessActionsFor(
  person: Person,
  actions: readonly ActionItem[],
  asAt: string,
  judgeBy: JudgeBy = 'original',
): AssessedAction[] {
  return assessActions(actions, asAt, judgeBy).map((a) => ({ ...a, mayUpdate: mayUpdateAction(person, a) }));
}

/**
 * A plan's priorities, each with its measures and the progress of its own actions: their
 * counts and, when the plan is tracked, the RAG they roll up to with the measures' (core/measures.ts).
 */
export function prioritiesWithProgress<P extends { id: string }>(
  priorities: readonly P[],
  measures: readonly JudgedMeasure[],
  actions: readonly { priorityId: string; assessment: ActionAssessment }[],
  tracked: boolean,
) {
  return priorities.map((p) => {
    const progress = progressOf(
      actions.filter((a) => a.priorityId === p.id).map((a) => a.assessment),
      tracked,
    );
    const own = measures.filter((m) => m.priority_id === p.id);
    return {
      ...p,
      measures: own,
      actionCount: progress.summary.actions,
      ...progress,
      actionsRag: progress.rag,
      rag: tracked
        ? priorityRag(
            progress.rag,
            own.map((m) => m.standing),
          )
        : null,
    };
  });
}
