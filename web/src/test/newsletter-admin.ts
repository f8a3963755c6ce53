import type { BounceResponse, BounceResponsePaged, MemberDeliveryResponse, WelcomeStepResponse } from '../api/generated';

/** Builders for the newsletter administration's answers (welcome series, bounces, mail delivery), data only. */

const AT = '2025-05-01T08:00:00Z';

export function welcomeStep(fields: Pick<WelcomeStepResponse, 'id' | 'stepKey' | 'position'> & Partial<WelcomeStepResponse>): WelcomeStepResponse {
  return {
    delayDays: 0,
    skipRule: 'none',
    subjectSv: 'Välkommen, {{ member.first_name }}!',
    subjectEn: 'Welcome, {{ member.first_name }}!',
    bodySv: 'Hej {{ member.first_name }}!',
    bodyEn: 'Hi {{ member.first_name }}!',
    active: true,
    sent: 12,
    skipped: 3,
    waiting: 4,
    failed: 0,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export const WELCOME_STEP_ID = '0193c000-0000-7000-8000-0000000000a1';

/** The three seeded steps: welcome at once, complete the profile after 7 days, offer help after 30. */
export function welcomeSteps(): WelcomeStepResponse[] {
  return [
    welcomeStep({ id: WELCOME_STEP_ID, stepKey: 'welcome', position: 1 }),
    welcomeStep({ id: '0193c000-0000-7000-8000-0000000000a2', stepKey: 'complete-profile', position: 2, delayDays: 7, skipRule: 'profileComplete' }),
    welcomeStep({ id: '0193c000-0000-7000-8000-0000000000a3', stepKey: 'offer-help', position: 3, delayDays: 30, skipRule: 'offersHelp', active: false }),
  ];
}

export function bounce(fields: Pick<BounceResponse, 'id' | 'email'> & Partial<BounceResponse>): BounceResponse {
  return { kind: 'hard', source: 'staff', createdAt: AT, suppressed: true, ...fields };
}

export function bouncePage(items: BounceResponse[]): BounceResponsePaged {
  return { items, total: items.length, totalExact: true, page: 1, pageSize: 25 };
}

export function delivery(fields: Partial<MemberDeliveryResponse> = {}): MemberDeliveryResponse {
  return { stopped: false, bounces: [], ...fields };
}
