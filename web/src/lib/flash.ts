/**
 * Navigation state that makes the layout show a short notice (see FlashNotice in the app layout): set by
 * whichever page navigates after signing out, joining or erasing a member.
 */
export interface FlashState {
  flash?: 'signedOut' | 'signedOutEverywhere' | 'welcome' | 'memberErased';
}
