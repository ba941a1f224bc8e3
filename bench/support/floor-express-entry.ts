// Express's floor, beside Hono's: Express 5 behind serverless-http and one DynamoDB GetItem,
// without zod or anything else.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@parkbridge/db';
import express from 'express';
import serverless from 'serverless-http';

const doc = createDocumentClient({ endpoint: process.env.PARKBRIDGE_DYNAMODB_ENDPOINT });
const app = express();
app.get('/v1/parks/:parkId', async (req, res) => {
  const out = await doc.send(
    new GetCommand({
      TableName: process.env.PARKBRIDGE_TABLE_NAME,
      Key: { pk: `PARK#${req.params.parkId}`, sk: 'PARK' },
    }),
  );
  res.status(out.Item ? 200 : 404).json(out.Item ?? { status: 404 });
});

export const handler = serverless(app);
