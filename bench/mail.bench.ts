// `npm run bench -- mail`: how many emails a minute the outbox's sender sustains locally (the
// real planner, dispatcher, templates, nodemailer and the local SMTP server, over DynamoDB Local),
// and what email costs in AWS per 1,000 firms a month (SES, and the sender's Lambda, DynamoDB and
// schedule), from the cost model's usage. docs/operations.md ("Email") shows both tables.
import { loadavg } from 'node:os';
import type { MailedNotification } from '@parkbridge/domain/mail';
import { startLocalRuntime } from '../functions/local/local-runtime';
import { harnessFor } from '../tests/security/support/harness';
import { MARKET, PEOPLE } from './cost-model.bench';
import type { Bench, BenchTable } from './run';

const NOTIFICATIONS = 600;

async function throughput(): Promise<BenchTable> {
  const rows: (string | number)[][] = [];
  let msPerEmail = 0;
  for (const concurrency of [4, 8]) {
    const rt = await startLocalRuntime({ onError: (e) => console.error(e) });
    const h = harnessFor(rt);
    try {
      // A firm whose person wants every kind at once, in Persian: each notification is one email.
      const firm = await h.firm({ kinds: ['supplier'] });
      const kinds = Object.keys((await h.must(200, 'GET', '/v1/me', { token: firm.token })).body.email);
      await h.must(200, 'PATCH', '/v1/me', {
        token: firm.token,
        body: { language: 'fa', email: Object.fromEntries(kinds.map((k) => [k, 'instant'])) },
      });
      const notifications: MailedNotification[] = Array.from({ length: NOTIFICATIONS }, (_, i) => ({
        notificationId: `ntf_bench${i}`,
        orgId: firm.orgId,
        kind: 'need.matched',
        entityId: 'need_01JBENCH',
        data: {
          needId: 'need_01JBENCH',
          title: `Cold-rolled coil ${i}`,
          closesAt: '2030-01-09T12:00:00.000Z',
        },
        createdAt: new Date().toISOString(),
      }));
      let at = performance.now();
      for (const n of notifications) await rt.container.mail.planner.plan(n);
      const planMs = performance.now() - at;
      const dispatcher = rt.container.mail.dispatcher({
        composer: rt.mail.composer,
        sender: rt.mail.sender,
        concurrency,
      });
      const emails = NOTIFICATIONS;
      at = performance.now();
      while ((await dispatcher.run(new Date(), 200)).processed > 0) {}
      const sendMs = performance.now() - at;
      const received = rt.mail.server.messages().length;
      if (concurrency === 4) msPerEmail = sendMs / emails;
      rows.push([
        concurrency,
        emails,
        received,
        `${(planMs / 1000).toFixed(1)} s`,
        Math.round((NOTIFICATIONS / planMs) * 60_000).toLocaleString('en'),
        `${(sendMs / 1000).toFixed(1)} s`,
        Math.round((emails / sendMs) * 60_000).toLocaleString('en'),
        `${(sendMs / emails).toFixed(1)} ms`,
      ]);
    } finally {
      await rt.stop();
    }
  }
  lastMsPerEmail = msPerEmail;
  return {
    title: 'The mail sender locally: emails per minute (DynamoDB Local, the local SMTP server)',
    columns: [
      'sends at once',
      'emails',
      'received',
      'planning',
      'notifications planned / min',
      'sending',
      'emails sent / min',
      'per email',
    ],
    rows,
    notes: [
      `${NOTIFICATIONS} notifications to a person who wants every kind at once (Persian templates); each email is claimed, built, sent over SMTP and recorded (4 DynamoDB calls and one SMTP transaction). Load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} on a shared 2-core machine.`,
    ],
  };
}

let lastMsPerEmail = 25;

// What email costs in AWS, per 1,000 firms a month, from the cost model's usage (bench/cost-model.bench.ts).
const PRICE = {
  sesPer1000: 0.1, // SES outbound, USD per 1,000 emails (no attachments are sent)
  lambdaGbSecond: 0.0000133334, // arm64
  lambdaPerMillion: 0.2,
  ddbWritePerMillion: 0.625,
  ddbReadPerMillion: 0.125,
  schedulerPerMillion: 1.0, // after 14 M free invocations a month
};

/** Per firm per month: notifications by how they are emailed by default (packages/domain/src/mail/preferences.ts). */
function notificationsPerFirm() {
  const needs = MARKET.needsPerFirm;
  const deals = MARKET.awardShare * needs;
  const instant = {
    'need.matched': needs * MARKET.matchesPerNeed,
    'deal.message': deals * 6, // six messages a deal, the other side told each time (assumed)
    'bid.outbid': MARKET.auctionShare * needs * MARKET.bidsPerNeed, // each auction bidder outbid about once
  };
  const daily = {
    'need.closed': needs,
    'question.asked': needs * MARKET.questionsPerNeed,
    'question.answered': needs * MARKET.questionsPerNeed * MARKET.bidsPerNeed,
    'bid.won + bid.lost': deals * MARKET.bidsPerNeed,
    'deal.confirmed … rated': deals * 5,
    'need.amended, cancelled, extended': needs * (0.1 + 0.1 + 0.05) * MARKET.bidsPerNeed,
  };
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return { instant, daily, instantCount: sum(instant), dailyCount: sum(daily) };
}

function sesCost(): BenchTable {
  const firms = 1000;
  const people = firms * PEOPLE.usersPerFirm;
  const n = notificationsPerFirm();
  const instantEmails = firms * n.instantCount * PEOPLE.usersPerFirm;
  // Daily notifications fall on working days: a person gets a digest on each day that has one.
  const workingDays = 22;
  const perPersonDay = n.dailyCount / workingDays;
  const digestDays = workingDays * (1 - Math.exp(-perPersonDay));
  const digests = people * digestDays;
  const accountEmails = people * 0.2; // Cognito: sign-ups, codes and resets (assumed 1 in 5 people a month)
  const emails = instantEmails + digests + accountEmails;
  const lines: [string, number, string][] = [
    ['SES', (emails / 1000) * PRICE.sesPer1000, `${Math.round(emails).toLocaleString('en')} emails`],
  ];
  // The sender: ~6 WRU and ~3 RRU per email (plan, claim, record; the person, the suppression
  // list, the names), a digest line ~8 WRU; the planner ~3.5 RRU per notification.
  const notifications = firms * (n.instantCount + n.dailyCount);
  const wru = (instantEmails + digests) * 6 + firms * n.dailyCount * PEOPLE.usersPerFirm * 8;
  const rru = (instantEmails + digests) * 3 + notifications * 3.5;
  lines.push([
    'DynamoDB (outbox)',
    (wru / 1e6) * PRICE.ddbWritePerMillion + (rru / 1e6) * PRICE.ddbReadPerMillion,
    `${Math.round(wru / 1000).toLocaleString('en')} k write, ${Math.round(rru / 1000).toLocaleString('en')} k read request units`,
  ]);
  const gbS = ((instantEmails + digests) * lastMsPerEmail) / 1000;
  lines.push([
    'Lambda (sender, work)',
    gbS * PRICE.lambdaGbSecond,
    `${Math.round(gbS).toLocaleString('en')} GB-s at ${lastMsPerEmail.toFixed(0)} ms an email (measured above; SES answers in about as long as the local SMTP server)`,
  ]);
  const total = lines.reduce((s, l) => s + l[1], 0);
  // The schedule's runs with nothing to send (a minute each), the KMS key of the SES event topic
  // and the new alarms are per stack, whatever its size.
  const idleRuns = 730 * 60;
  const fixed =
    idleRuns * 0.15 * 1 * PRICE.lambdaGbSecond + (idleRuns / 1e6) * PRICE.lambdaPerMillion + 1.0 + 7 * 0.1;
  return {
    title: 'Email in AWS: USD per 1,000 firms per month (list price, us-east-1)',
    columns: ['line', 'USD', 'what'],
    rows: [
      ...lines.map(([l, usd, what]) => [l, usd.toFixed(2), what]),
      [
        '**total per 1,000 firms**',
        total.toFixed(2),
        `${(emails / people).toFixed(0)} emails a person a month`,
      ],
      [
        'per stack, whatever its size',
        fixed.toFixed(2),
        'the sender’s idle runs (one a minute, ~150 ms), the SNS topic’s KMS key (1.00), 7 alarm metrics',
      ],
    ],
    notes: [
      `Usage (cost model): ${MARKET.needsPerFirm} needs a firm a month, ${MARKET.matchesPerNeed} suppliers matched each, ${MARKET.bidsPerNeed} bids, ${MARKET.awardShare * 100} % awarded, ${PEOPLE.usersPerFirm} people a firm who all receive its notifications. Per firm: ${n.instantCount.toFixed(1)} instant notifications (${Object.entries(
        n.instant,
      )
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(
          ', ',
        )}) and ${n.dailyCount.toFixed(1)} for the digest; a person gets a digest on ${digestDays.toFixed(1)} of ${workingDays} working days. Defaults as shipped (matches, deal messages, waitlist offers and being outbid at once; the rest daily); a person who turns matches to daily gets about 40 % fewer emails.`,
    ],
  };
}

export default {
  name: 'mail',
  async run() {
    const measured = await throughput();
    return [measured, sesCost()];
  },
} satisfies Bench;
