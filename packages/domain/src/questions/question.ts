import { z } from 'zod';
import { Text } from '../shared/locale';

export const QuestionInput = z.strictObject({ text: Text(2000) });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const AnswerInput = z.strictObject({ text: Text(4000) });
export type AnswerInput = z.infer<typeof AnswerInput>;

/** A clarification question on a need. The asker is stored (for the audit and its own view), never shown to others. */
export const Question = z.object({
  questionId: z.string(),
  needId: z.string(),
  askerOrgId: z.string(),
  text: z.string(),
  answer: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  /** The question has extended the need's close (it may do so once). */
  extendedClose: z.boolean(),
  version: z.int(),
});
export type Question = z.infer<typeof Question>;

/** What readers see: no asker; `mine` tells the asker which questions are its own. */
export const QuestionView = Question.omit({ askerOrgId: true }).extend({ mine: z.boolean() });
export type QuestionView = z.infer<typeof QuestionView>;

export const questionView = (q: Question, viewerOrgId: string | null): QuestionView => {
  const { askerOrgId, ...rest } = q;
  const { auditHash: _h, ...shown } = rest as typeof rest & { auditHash?: string };
  return { ...shown, mine: askerOrgId === viewerOrgId };
};
