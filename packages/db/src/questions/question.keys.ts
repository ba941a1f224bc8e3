import { pad } from '../core/keys';
import { needKey } from '../needs/need.keys';

export const questionKey = (needId: string, questionId: string) => ({
  pk: needKey(needId).pk,
  sk: `QUESTION#${questionId}`,
});
export const QUESTION_PREFIX = 'QUESTION#';

/**
 * gsi1, sparse: an unanswered question that has not yet extended its need's close, keyed by the
 * moment it would (the close minus the grace period). The question job reads it up to "now".
 */
export const QUESTION_DUE_PK = 'BIDDING#QDUE';
export const questionDueKeys = (questionId: string, dueMs: number) => ({
  gsi1pk: QUESTION_DUE_PK,
  gsi1sk: `${pad(dueMs, 15)}#${questionId}`,
});
