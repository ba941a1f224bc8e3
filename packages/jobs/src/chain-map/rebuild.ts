import type { RebuildReport } from '@parkbridge/domain/chain-map';
import type { Container } from '@parkbridge/runtime';

/**
 * Recomputes the chain maps of the given parks (default: every park, listed by Query on the parks
 * index, page by page) from their records. Safe to run again; run it while the parks' changes are
 * quiet (see docs/chain-map.md), e.g. after a backfill or to repair drifted aggregates.
 */
export async function rebuildChainMaps(
  app: Container,
  parkIds?: readonly string[],
  log: (line: string) => void = () => {},
): Promise<RebuildReport[]> {
  const ids = parkIds?.length ? [...parkIds] : await allParkIds(app);
  const reports: RebuildReport[] = [];
  for (const parkId of ids) {
    const report = await app.chainMap.rebuild.rebuild(parkId);
    log(
      `${parkId}: ${report.tenants} tenants, ${report.chains} chains (${report.inputs} inputs), ${report.openNeeds} open needs, ${report.deals} deals, ${report.listings} in-park listings → ${report.contributions} contributions; ${report.itemsWritten} items written, ${report.itemsDeleted} deleted`,
    );
    reports.push(report);
  }
  return reports;
}

async function allParkIds(app: Container): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.parks.list({ limit: 100, cursor });
    ids.push(...page.items.map((p) => p.parkId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}
