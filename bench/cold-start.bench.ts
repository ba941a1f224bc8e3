import type { Bench } from './run';
import { measureColdStarts } from './support/cold-start';
import { bundleTable, coldStartTable } from './support/cold-start-tables';

/** Bundle sizes and cold starts of every Lambda, beside Express and the stack's floors answering the same route. */
const bench: Bench = {
  name: 'Lambda bundles and cold starts',
  async run() {
    const runs = Number(process.env.COLD_START_RUNS ?? 15);
    const measured = await measureColdStarts({ runs });
    return [bundleTable(measured), coldStartTable(measured)];
  },
};

export default bench;
