import type { ConsentChannel, ConsentResponse, ConsentState, MemberResponse, UpdateConsentsRequest } from '../../api/generated';
import { CONSENT_CHANNELS } from './options';

/** Whether the member has given this consent (a channel never answered counts as not given). */
export function isGranted(consents: readonly ConsentResponse[], channel: ConsentChannel): boolean {
  return consents.some((consent) => consent.channel === channel && consent.granted);
}

/** The consents a member has given, in the forms' order. */
export function grantedChannels(member: Pick<MemberResponse, 'consents'>): ConsentChannel[] {
  return CONSENT_CHANNELS.filter((channel) => isGranted(member.consents, channel));
}

/** The request that turns one consent on or off (channels not named stay as they are). */
export function consentChange(channel: ConsentChannel, granted: boolean): UpdateConsentsRequest {
  return { changes: [{ channel, granted }] };
}

/**
 * What a consent checkbox shows: the server's state, or while a change of that channel is on its way,
 * the state it is changing to.
 */
export function shownGranted(
  consents: readonly ConsentResponse[],
  channel: ConsentChannel,
  pending: UpdateConsentsRequest | undefined,
): boolean {
  const change = pending?.changes.find((c) => c.channel === channel);
  return change ? change.granted : isGranted(consents, channel);
}

/**
 * Where a consent stands: given, withdrawn (given once and taken back) or not given (never given: the member said no,
 * or was never asked, and then there is no answer at all).
 */
export function consentState(consents: readonly ConsentResponse[], channel: ConsentChannel): ConsentState {
  return consents.find((consent) => consent.channel === channel)?.state ?? 'notGiven';
}
