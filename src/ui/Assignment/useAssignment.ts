import { useMemo, useSyncExternalStore } from 'react';
import { describeLocks, type AssignmentTemplate } from '../../core/assignment';
import type { AssignmentStore } from '../../store/assignmentStore';
import { useAppState, useServices } from '../AppContext';

/** The page's assignment store. */
export function useAssignmentStore(): AssignmentStore {
  return useServices().assignments;
}

/** The assignment of the open song (re-rendering when the song or the assignments change), or null. */
export function useActiveAssignment(): AssignmentTemplate | null {
  const assignments = useAssignmentStore();
  const bySong = useSyncExternalStore(assignments.subscribe, () => assignments.getState().bySong);
  const songId = useAppState((s) => s.song.id);
  return bySong[songId] ?? null;
}

export interface AssignmentLocks {
  key?: string;
  scale?: string;
  bars?: string;
  model?: string;
  temperature?: { min: number; max: number };
}

const WHY = 'Locked by the assignment';

/** For each control the assignment locks, the reason to show on it (title/aria-description). */
export function useAssignmentLocks(): AssignmentLocks {
  const template = useActiveAssignment();
  return useMemo(() => {
    if (!template) return {};
    return {
      ...(template.lockKey ? { key: `${WHY}: the key stays ${template.key.tonic}` } : {}),
      ...(template.lockScale ? { scale: `${WHY}: the scale stays ${template.key.scale}` } : {}),
      ...(template.bars !== null
        ? { bars: `${WHY}: phrases are ${template.bars} bar${template.bars === 1 ? '' : 's'} long` }
        : {}),
      ...(!template.modelAllowed ? { model: `${WHY}: this assignment is written without the model` } : {}),
      temperature: template.temperature,
    };
  }, [template]);
}

export { describeLocks };
