import { describe, expect, it } from 'vitest';
import type { ConsentResponse, MemberResponse } from '../../api/generated';
import { consentChange, consentState, grantedChannels, isGranted, shownGranted } from './consents';
import { toggleChoice } from './choice';
import { freshDraft, profileValuesOf, rebaseDraft, splitList, toProfileInput } from './profile-form';
import { DIRECTORY_FIELDS } from './options';

const consents: ConsentResponse[] = [
  { channel: 'eventInvitations', granted: true, state: 'given', changedAt: '2025-06-01T08:00:00Z' },
  { channel: 'centralNewsletter', granted: false, state: 'withdrawn', changedAt: '2025-06-01T08:00:00Z' },
  { channel: 'directory', granted: true, state: 'given', changedAt: '2025-06-01T08:00:00Z' },
  { channel: 'departmentMailings', granted: false, state: 'notGiven', changedAt: '2025-06-01T08:00:00Z' },
];

const member: MemberResponse = {
  id: 'm1',
  email: 'ada@example.org',
  firstName: 'Ada',
  lastName: 'Lovelace',
  preferredLanguage: 'en',
  otherEmails: ['ada@work.example'],
  employer: 'Acme',
  interests: ['jazz', 'ai'],
  offers: ['panel', 'mentor'],
  directoryListed: true,
  directoryFields: ['employer', 'email'],
  status: 'active',
  source: 'signUp',
  eligible: true,
  affiliations: [],
  consents,
  createdAt: '2025-06-01T08:00:00Z',
  updatedAt: '2025-06-01T08:00:00Z',
  version: 4,
};

describe('consents', () => {
  it('are given only when the channel says so', () => {
    expect(isGranted(consents, 'eventInvitations')).toBe(true);
    expect(isGranted(consents, 'centralNewsletter')).toBe(false);
    expect(isGranted(consents, 'contactAboutOffers')).toBe(false);
    expect(grantedChannels({ consents })).toEqual(['eventInvitations', 'directory']);
  });

  it('tell a consent never given from one withdrawn (a channel with no answer is not given)', () => {
    expect(consentState(consents, 'eventInvitations')).toBe('given');
    expect(consentState(consents, 'centralNewsletter')).toBe('withdrawn');
    expect(consentState(consents, 'departmentMailings')).toBe('notGiven');
    expect(consentState(consents, 'contactAboutOffers')).toBe('notGiven');
  });

  it('toggle one channel per request', () => {
    expect(consentChange('centralNewsletter', true)).toEqual({ changes: [{ channel: 'centralNewsletter', granted: true }] });
    expect(consentChange('eventInvitations', false)).toEqual({ changes: [{ channel: 'eventInvitations', granted: false }] });
  });

  it('show the state a change is heading for while it is on its way', () => {
    const pending = consentChange('eventInvitations', false);
    expect(shownGranted(consents, 'eventInvitations', pending)).toBe(false);
    expect(shownGranted(consents, 'directory', pending)).toBe(true);
    expect(shownGranted(consents, 'eventInvitations', undefined)).toBe(true);
  });
});

describe('the profile form', () => {
  it('reads a member and sends back what the API takes', () => {
    const values = profileValuesOf(member);
    expect(values.otherEmails).toBe('ada@work.example');
    expect(values.interests).toBe('jazz, ai');
    expect(values.offers).toEqual(['mentor', 'panel']);
    expect(values.directoryFields).toEqual(['email', 'employer']);
    expect(
      toProfileInput({ ...values, country: 'se', city: '  ', otherEmails: 'a@b.se\n a@b.se ; c@d.se,', interests: 'jazz, Jazz,, ai' }),
    ).toMatchObject({
      firstName: 'Ada',
      country: 'SE',
      city: undefined,
      otherEmails: ['a@b.se', 'c@d.se'],
      interests: ['jazz', 'ai'],
      employer: 'Acme',
      directoryListed: true,
    });
  });

  it('splits lists and toggles choices in the options’ order', () => {
    expect(splitList(' a ,b,,a ', /,/)).toEqual(['a', 'b']);
    expect(toggleChoice(DIRECTORY_FIELDS, ['bio'], 'email', true)).toEqual(['email', 'bio']);
    expect(toggleChoice(DIRECTORY_FIELDS, ['email', 'bio'], 'email', false)).toEqual(['bio']);
  });

  it('rebases a touched draft on the person’s own changes only', () => {
    const touched = { ...freshDraft(member), values: { ...profileValuesOf(member), employer: 'New AB' }, dirty: true };
    const unlisted = { ...member, directoryListed: false, version: 5 };

    // Untouched: simply the new record.
    expect(rebaseDraft(freshDraft(member), unlisted, false)).toEqual(freshDraft(unlisted));
    // The person's own consent toggle: keep the typing, take the listing, move to the new version.
    const own = rebaseDraft(touched, unlisted, true);
    expect(own.base).toBe(5);
    expect(own.values.employer).toBe('New AB');
    expect(own.values.directoryListed).toBe(false);
    // Changed elsewhere: keep the old version, so the save answers 412.
    expect(rebaseDraft(touched, unlisted, false)).toBe(touched);
    // Same version: nothing to do.
    expect(rebaseDraft(touched, member, false)).toBe(touched);
  });
});
