import { z } from 'zod';
import type { SubmitFeedbackRequest } from '../../api/generated';
import { optionalText, type Translate } from '../../lib/text-rules';

/** The feedback form (`SubmitFeedbackRequest`): a rating 1–5 and an optional comment of at most 2,000 characters. */
export interface FeedbackValues {
  rating: string;
  comment: string;
}

export const FEEDBACK_RATINGS = ['5', '4', '3', '2', '1'] as const;
export const COMMENT_MAX = 2000;
export const EMPTY_FEEDBACK: FeedbackValues = { rating: '', comment: '' };
export const FEEDBACK_FIELDS = ['rating', 'comment'] as const;

export function feedbackSchema(t: Translate) {
  return z.object({
    rating: z.string().refine((value) => /^[1-5]$/.test(value), t('validation.rating')),
    // Line breaks are allowed: the API's comment is multi-line.
    comment: optionalText(t, COMMENT_MAX),
  });
}

/** The request's body (the event is in the route). */
export function toFeedbackRequest(values: FeedbackValues): SubmitFeedbackRequest {
  const comment = values.comment.trim();
  return { rating: Number(values.rating), comment: comment || undefined };
}
