// Below the stack's floor: plain Hono and one DynamoDB GetItem, without zod. What the issue's
// published probe measured ("Hono + DynamoDB client"); Parkbridge cannot drop zod.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@parkbridge/db';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const doc = createDocumentClient({ endpoint: process.env.PARKBRIDGE_DYNAMODB_ENDPOINT });
const app = new Hono();
app.get('/v1/parks/:parkId', async (c) => {
  const out = await doc.send(
    new GetCommand({
      TableName: process.env.PARKBRIDGE_TABLE_NAME,
      Key: { pk: `PARK#${c.req.param('parkId')}`, sk: 'PARK' },
    }),
  );
  return out.Item ? c.json(out.Item, 200) : c.json({ status: 404 }, 404);
});

export const handler = handle(app);
