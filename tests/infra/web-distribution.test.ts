import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SPA_REWRITE, WebDistribution } from '../../infra/constructs/web-distribution';
import { SWAGGER_UI_DIR } from '../../infra/paths';
import { cdkJsonContext, WEB_FIXTURE } from './synth';

function distribution(webAppDir: string | undefined) {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'parkbridge-web-')), context: cdkJsonContext() });
  const stack = new Stack(app, 'WebOnly');
  const web = new WebDistribution(stack, 'Web', {
    apiDomainName: 'abc123.execute-api.eu-central-1.amazonaws.com',
    docsAssetsDir: SWAGGER_UI_DIR,
    removalPolicy: RemovalPolicy.DESTROY,
    ...(webAppDir ? { webAppDir } : {}),
  });
  return { web, template: () => Template.fromStack(stack) };
}

/** The CloudFront Function's code, run as CloudFront runs it on a viewer request. */
function rewrite(uri: string): string {
  const handler = new Function(`${SPA_REWRITE}; return handler;`)() as (e: unknown) => { uri: string };
  return handler({ request: { uri } }).uri;
}

describe('the web distribution', () => {
  it('deploys the web app only when its folder exists', () => {
    const deployments = (t: Template) =>
      Object.values(t.findResources('Custom::CDKBucketDeployment')).map(
        (d) => d.Properties.DestinationBucketKeyPrefix,
      );
    expect(deployments(distribution(join(tmpdir(), 'parkbridge-no-such-dist')).template())).toEqual([
      'docs-assets/',
    ]);
    expect(deployments(distribution(WEB_FIXTURE).template()).sort()).toEqual(
      [undefined, 'docs-assets/'].sort(),
    );
  });

  it('writes config.json with what it is given, without pruning the app', () => {
    const { web, template } = distribution(undefined);
    web.publishConfig({ apiUrl: 'https://example.cloudfront.net', cognito: { clientId: 'abc' } });
    const config = Object.values(template().findResources('Custom::CDKBucketDeployment')).find(
      (d) => d.Properties.Prune === false,
    );
    expect(config?.Properties.DistributionPaths).toEqual(['/config.json']);
  });

  it('sends client-side routes to index.html and leaves files alone', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/needs/need_01J/bids')).toBe('/index.html');
    expect(rewrite('/fa/expos')).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(rewrite('/config.json')).toBe('/config.json');
  });
});
