import type { Bench } from './run';
import { runLoad } from './support/load';

/** Requests per second and p50/p99 of the hottest reads and writes on the local server. */
const bench: Bench = {
  name: 'Load on the local server',
  async run() {
    return [
      await runLoad({
        connections: Number(process.env.LOAD_CONNECTIONS ?? 10),
        duration: Number(process.env.LOAD_DURATION_S ?? 10),
      }),
    ];
  },
};

export default bench;
