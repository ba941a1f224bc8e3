import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, PageQuery } from '@parkbridge/domain/core';
import { AnswerInput, QuestionInput, QuestionView, questionView } from '@parkbridge/domain/questions';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  jsonBody,
  pageOf,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { NeedParams } from './schemas';

const QuestionSchema = QuestionView.meta({ id: 'Question' });
const QuestionParams = NeedParams.extend({ questionId: z.string().min(1).max(64) });
const TAGS = ['Questions'];

export function questionRoutes(app: Container) {
  const router = createRouter();
  const { questions } = app.bidding;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/questions',
      tags: TAGS,
      summary: 'Ask a clarification question (a supplier who may bid); nobody else learns who asked',
      ...securedCreate(app.repos.idempotency, 'supplier', 'seller'),
      request: {
        params: NeedParams,
        headers: IdempotencyHeader,
        body: jsonBody(QuestionInput.meta({ id: 'QuestionInput' })),
      },
      responses: {
        201: json(QuestionSchema, 'The question.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const q = await questions.ask(caller, c.req.valid('param').needId, c.req.valid('json').text);
      c.header('ETag', etagOf(q));
      return c.json(questionView(q, caller.orgId), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/questions/{questionId}/answer',
      tags: TAGS,
      summary: 'Answer a question (the need’s owner); every supplier who may bid sees the answer',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: QuestionParams, body: jsonBody(AnswerInput.meta({ id: 'AnswerInput' })) },
      responses: {
        200: json(QuestionSchema, 'The answered question.'),
        ...problems(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const { needId, questionId } = c.req.valid('param');
      const q = await questions.answer(caller, needId, questionId, c.req.valid('json').text);
      c.header('ETag', etagOf(q));
      return c.json(questionView(q, caller.orgId), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/questions',
      tags: TAGS,
      summary: 'Questions on a need: all for its owner; the answered ones (and your own) for suppliers',
      ...secured('tenant', 'supplier'),
      request: { params: NeedParams, query: PageQuery },
      responses: {
        200: json(pageOf(QuestionSchema), 'A page of questions.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const page = await questions.list(caller, c.req.valid('param').needId, c.req.valid('query'));
      return c.json(
        { items: page.items.map((q) => questionView(q, caller.orgId)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  return router;
}
