import type { MemberResponse } from '../../api/generated';
import { grantedChannels } from './consents';

/** What a member's start page asks them to complete, in the order it asks. */
export const CHECKLIST_ITEMS = ['studies', 'country', 'work', 'interests', 'offers', 'directory', 'consents'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/**
 * What is missing from a member's profile: no studies, no country, neither employer nor job title, no
 * interests, nothing offered to students, not listed in the directory, no consent given.
 */
export function toComplete(member: MemberResponse): ChecklistItem[] {
  const missing: Record<ChecklistItem, boolean> = {
    studies: member.affiliations.length === 0,
    country: !member.country,
    work: !member.employer && !member.jobTitle,
    interests: member.interests.length === 0,
    offers: member.offers.length === 0,
    directory: !member.directoryListed,
    consents: grantedChannels(member).length === 0,
  };
  return CHECKLIST_ITEMS.filter((item) => missing[item]);
}
