// Run by the cold-start bench in a fresh Node process, as Lambda's runtime would: import the
// bundle, hand its handler one API Gateway v2 event, and print how long each step took.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const boot = performance.now();
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: event.requestContext.requestId,
  functionName: 'cold-start-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:cold-start-bench',
  memoryLimitInMB: '1024',
  logGroupName: '/aws/lambda/cold-start-bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
};
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const result = await mod.handler(event, context);
const t2 = performance.now();
process.stdout.write(
  `\n@@COLD ${JSON.stringify({ bootMs: boot, importMs: t1 - t0, firstMs: t2 - t1, totalMs: t2 - t0, status: result?.statusCode })}\n`,
);
process.exit(0);
