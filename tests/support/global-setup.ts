import { type DynamoDbLocal, startDynamoDbLocal } from '@parkbridge/db/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This worker's DynamoDB Local (tests/support/dynamo-endpoint.ts picks it from the list). */
    dynamoEndpoint: string;
    dynamoEndpoints: string[];
  }
}

/**
 * Java options for the run's DynamoDB Local processes: C1 only and the serial collector. The JIT's
 * second tier spends more CPU compiling than it saves in a run of minutes (15 % less DynamoDB Local
 * CPU over the whole suite, a third less in a short transaction benchmark), and CPU is what a
 * 2-core runner lacks.
 */
const JAVA_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * One DynamoDB Local per vitest worker, started side by side; every test file makes its own
 * table in its worker's one. DynamoDB Local serialises transactions within a process, so one
 * process shared by all workers would make the workers wait on each other.
 */
export default async function setup(project: TestProject) {
  const count = Math.max(1, Number(project.config.maxWorkers ?? project.vitest.config.maxWorkers ?? 1));
  const previous = process.env.JDK_JAVA_OPTIONS;
  // The workers are forked after this setup: the option reaches these Java processes only.
  process.env.JDK_JAVA_OPTIONS = [previous, JAVA_OPTIONS].filter(Boolean).join(' ');
  const started = await Promise.allSettled(Array.from({ length: count }, () => startDynamoDbLocal()));
  if (previous === undefined) delete process.env.JDK_JAVA_OPTIONS;
  else process.env.JDK_JAVA_OPTIONS = previous;
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stopAll = () => Promise.all(running.map((d: DynamoDbLocal) => d.stop()));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide(
    'dynamoEndpoints',
    running.map((d) => d.endpoint),
  );
  project.provide('dynamoEndpoint', running[0]!.endpoint);
  return async () => {
    await stopAll();
  };
}
