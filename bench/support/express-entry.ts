// The same route as Parkbridge's GET /v1/parks/{parkId}, built the way many teams would: Express 5
// behind serverless-http, the same zod validation, the same DynamoDB document client and GetItem,
// the same verified claims from API Gateway's JWT authorizer. Only the cold-start bench builds it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import express, { type Request, type Response } from 'express';
import serverless from 'serverless-http';
import { z } from 'zod';

const endpoint = process.env.PARKBRIDGE_DYNAMODB_ENDPOINT;
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);
const table = process.env.PARKBRIDGE_TABLE_NAME ?? '';
const ParkParams = z.object({ parkId: z.string().min(1).max(64) });

const problem = (res: Response, status: number, title: string, detail: string) =>
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));

const app = express();
app.get('/v1/parks/:parkId', async (req: Request, res: Response) => {
  const claims = (req as unknown as { requestContext?: any }).requestContext?.authorizer?.jwt?.claims;
  if (!claims?.sub) return problem(res, 401, 'Unauthenticated', 'No valid bearer token.');
  const params = ParkParams.safeParse(req.params);
  if (!params.success) return problem(res, 400, 'Invalid request', params.error.message);
  const out = await doc.send(
    new GetCommand({ TableName: table, Key: { pk: `PARK#${params.data.parkId}`, sk: 'PARK' } }),
  );
  if (!out.Item) return problem(res, 404, 'Not found', 'No such park.');
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...park } = out.Item;
  res.setHeader('ETag', `"${park.version}"`);
  return res.json(park);
});

export const handler = serverless(app);
