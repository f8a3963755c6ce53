import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberResponse } from '../../../api/generated';
import { freshDraft, rebaseDraft, type ProfileDraft, type ProfileValues } from '../profile-form';

/**
 * The profile form's draft over a record that may change while it is edited (see rebaseDraft).
 * `markOwn(version)` names a version the page's own changes produced; `reset(member)` starts afresh
 * (after a save, or a reload after 412).
 */
export function useProfileDraft(member: MemberResponse) {
  const [draft, setDraft] = useState<ProfileDraft>(() => freshDraft(member));
  const own = useRef(new Set<number>());

  useEffect(() => {
    setDraft((current) => rebaseDraft(current, member, own.current.has(member.version)));
  }, [member]);

  const update = useCallback(<K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => {
    setDraft((current) => ({ ...current, values: { ...current.values, [field]: value }, dirty: true }));
  }, []);

  const reset = useCallback((next: MemberResponse) => setDraft(freshDraft(next)), []);
  const markOwn = useCallback((version: number) => own.current.add(version), []);

  return { draft, update, reset, markOwn };
}
