// `npm run bench -- membership-check`: what refusing a removed person from their very next call
// costs every signed-in request. Each request whose token names an organisation first reads the
// person's role (`DynamoMemberRepository.roleOf`, a strongly consistent GetItem); this measures
// that read alone and a whole cheap request around it, on the real app over DynamoDB Local.
import { createDocumentClient } from '@parkbridge/db';
import { startLocalRuntime } from '../functions/local/local-runtime';
import { harnessFor } from '../tests/security/support/harness';
import type { Bench, BenchTable } from './run';
import { AwsUnitsMeter } from './support/aws-units';
import { median } from './support/cold-start';

const RUNS = Number(process.env.MEMBERSHIP_CHECK_RUNS ?? 200);
const f1 = (n: number) => n.toFixed(1);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function run(): Promise<BenchTable[]> {
  const rt = await startLocalRuntime({ onError: (e) => console.error(e) });
  const h = harnessFor(rt);
  const plain = createDocumentClient({ endpoint: rt.endpoint });
  const meter = AwsUnitsMeter.attach(rt.db.doc, plain);
  try {
    const { parkId, operator } = await h.park();
    const firm = await h.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } });
    const members = rt.container.repos.members;
    const check: { rru: number; calls: number; ms: number }[] = [];
    const request: { rru: number; calls: number; ms: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = await meter.during(() => members.roleOf(firm.orgId, firm.userId));
      if (c.result !== 'admin') throw new Error(`the founder's role read as ${c.result}`);
      check.push({ rru: c.units.rru, calls: c.units.calls, ms: c.ms });
      const r = await meter.during(() => h.must(200, 'GET', `/v1/orgs/${firm.orgId}`, { token: firm.token }));
      request.push({ rru: r.units.rru, calls: r.units.calls, ms: r.ms });
    }
    const row = (what: string, xs: typeof check) => [
      what,
      median(xs.map((x) => x.calls)),
      f1(median(xs.map((x) => x.rru))),
      f1(median(xs.map((x) => x.ms))),
      f1(p95(xs.map((x) => x.ms))),
    ];
    const share = median(check.map((x) => x.ms)) / median(request.map((x) => x.ms));
    return [
      {
        title: `The membership check of every signed-in request (${RUNS} runs, DynamoDB Local on this machine)`,
        columns: ['what', 'DynamoDB calls', 'RRU', 'median ms', 'p95 ms'],
        rows: [
          row('the check alone (GetItem, ConsistentRead, projects the role)', check),
          row('GET /v1/orgs/{orgId} with the check in it', request),
        ],
        notes: [
          `The check is ${(share * 100).toFixed(0)} % of that request's time here. RRU as AWS bills it: 1 per strongly ` +
            'consistent read of an item up to 4 KB (a member item is about 200 bytes). In AWS a GetItem from Lambda in the ' +
            "same region takes a few milliseconds; DynamoDB Local's figures above are only this machine's.",
        ],
      },
    ];
  } finally {
    plain.destroy();
    await rt.stop();
  }
}

const bench: Bench = { name: 'Membership check per request', run };
export default bench;
