// The stack's floor: the least any Lambda on Parkbridge's required stack loads and does for
// GET /v1/parks/{parkId} — one @hono/zod-openapi route validating its parameter, one DynamoDB
// GetItem, hono/aws-lambda — and nothing else (no auth, problem+json, Powertools or domain).

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createDocumentClient } from '@parkbridge/db';
import { handle } from 'hono/aws-lambda';

const doc = createDocumentClient({ endpoint: process.env.PARKBRIDGE_DYNAMODB_ENDPOINT });
const app = new OpenAPIHono();
const getPark = createRoute({
  method: 'get',
  path: '/v1/parks/{parkId}',
  request: { params: z.object({ parkId: z.string().min(1).max(64) }) },
  responses: { 200: { description: 'The park' } },
});
app.openapi(getPark, async (c) => {
  const { parkId } = c.req.valid('param');
  const out = await doc.send(
    new GetCommand({
      TableName: process.env.PARKBRIDGE_TABLE_NAME,
      Key: { pk: `PARK#${parkId}`, sk: 'PARK' },
    }),
  );
  return out.Item ? c.json(out.Item, 200) : c.json({ status: 404 }, 404);
});

export const handler = handle(app);
