/** The public sign-up page (and, with a token, an invitation link: /join/<token>). */
export const JOIN_PATH = '/join';

/** Where a sign-out leaves the user: the public front page (which, given the sign-out's notice, stays there). */
export const SIGNED_OUT_PATH = '/';
