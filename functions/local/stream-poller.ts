import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { processStreamBatch, type StreamConsumer } from '@parkbridge/jobs';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Locally, DynamoDB Local's stream feeds the very consumers that run on Lambda in AWS, record for
 * record, so matching and aggregates follow one code path in both places. Each consumer keeps its
 * own position and retries a failed record, as a Lambda event source mapping would.
 */
export class LocalStreamPoller {
  private running = false;
  private readonly streams: DynamoDBStreamsClient;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly ddb: DynamoDBClient,
    endpoint: string,
    private readonly tableName: string,
    private readonly consumers: StreamConsumer[],
    private readonly onError: (err: unknown) => void,
  ) {
    this.streams = new DynamoDBStreamsClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  async start(): Promise<void> {
    const table = await this.ddb.send(new DescribeTableCommand({ TableName: this.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error('The table has no stream.');
    this.running = true;
    this.loop = this.run(streamArn);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => {});
    this.streams.destroy();
  }

  private async run(streamArn: string): Promise<void> {
    const iterators = new Map<string, Map<string, string | undefined>>();
    const pending = new Map<string, DynamoDBRecord[]>();
    while (this.running) {
      try {
        const stream = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
        for (const shard of stream.StreamDescription?.Shards ?? []) {
          const shardId = shard.ShardId as string;
          if (!iterators.has(shardId)) {
            const it = await this.streams.send(
              new GetShardIteratorCommand({
                StreamArn: streamArn,
                ShardId: shardId,
                ShardIteratorType: 'TRIM_HORIZON',
              }),
            );
            iterators.set(shardId, new Map(this.consumers.map((c) => [c.name, it.ShardIterator])));
          }
        }
        let busy = false;
        for (const [shardId, perConsumer] of iterators) {
          for (const consumer of this.consumers) {
            const key = `${shardId}|${consumer.name}`;
            const iterator = perConsumer.get(consumer.name);
            let records = pending.get(key);
            let nextIterator = iterator;
            if (!records?.length) {
              if (!iterator) continue;
              const out = await this.streams.send(
                new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
              );
              records = (out.Records ?? []) as DynamoDBRecord[];
              nextIterator = out.NextShardIterator;
            }
            perConsumer.set(consumer.name, nextIterator);
            if (!records.length) continue;
            busy = true;
            const result = await processStreamBatch(consumer, records, (err) => this.onError(err));
            const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
            pending.set(
              key,
              records.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? '')),
            );
          }
        }
        if (!busy) await sleep(100);
      } catch (err) {
        this.onError(err);
        await sleep(500);
      }
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
