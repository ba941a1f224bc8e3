import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { asList, resourcesOf, type Synthesized, statementsOfRoles, synthesize } from './synth';

let s: Synthesized;

// The sending domain as a stage names it, and Cognito's emails through SES (the second deploy):
// one synthesis (slow). tests/infra/stack.test.ts checks both stages without them.
beforeAll(() => {
  s = synthesize('dev', { mailDomain: 'mail.parkbridge.example', cognitoSes: 'true' });
}, 600_000);

const fn = (x: Synthesized, service: string) => {
  const found = Object.entries(resourcesOf(x, 'AWS::Lambda::Function')).find(
    ([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
  );
  if (!found) throw new Error(`no function ${service}`);
  const [id, f] = found;
  return {
    id,
    env: f.Properties.Environment.Variables as Record<string, any>,
    roleId: f.Properties.Role['Fn::GetAtt'][0] as string,
  };
};
const logicalId = (x: Synthesized, type: string) => Object.keys(resourcesOf(x, type))[0] as string;

describe('email in AWS', () => {
  it('has a sending identity for the stage’s domain, DKIM-signed, using the configuration set', () => {
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.parkbridge.example',
      DkimAttributes: { SigningEnabled: true },
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: logicalId(s, 'AWS::SES::ConfigurationSet') },
      },
    });
    s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    const outputs = Object.keys(s.template.toJSON().Outputs).filter((k) => k.includes('DkimRecord'));
    expect(outputs).toHaveLength(3);
  });

  it('sends bounces and complaints to an encrypted topic that the suppressing function reads', () => {
    s.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailEventTopic') } },
      }),
    });
    const topics = Object.entries(resourcesOf(s, 'AWS::SNS::Topic')).filter(([id]) => id.startsWith('Mail'));
    expect(topics).toHaveLength(1);
    const [topicId, topic] = topics[0]!;
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const events = fn(s, 'mail-events');
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [events.id, 'Arn'] },
      RedrivePolicy: Match.anyValue(),
    });
    // SES may publish there, for this configuration set only.
    const policy = Object.values(resourcesOf(s, 'AWS::SNS::TopicPolicy')).find((p) =>
      JSON.stringify(p.Properties.Topics).includes(topicId),
    )!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('ses.amazonaws.com');
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('configuration-set/');
  });

  it('runs the sender every minute, allowed to send through this identity and configuration set only', () => {
    const sender = fn(s, 'mail-sender');
    expect(sender.env).toMatchObject({
      PARKBRIDGE_MAIL_FROM: 'no-reply@mail.parkbridge.example',
      PARKBRIDGE_SES_CONFIGURATION_SET: { Ref: logicalId(s, 'AWS::SES::ConfigurationSet') },
      PARKBRIDGE_MAIL_SECRET_ARN: { Ref: expect.stringMatching(/^MailSecret/) },
    });
    expect(JSON.stringify(sender.env.PARKBRIDGE_WEB_ORIGIN)).toContain('WebDistribution');
    const statements = statementsOfRoles(s, [sender.roleId]);
    const ses = statements.filter((st) => asList(st.Action).some((a: string) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(asList(ses[0].Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(ses[0].Resource);
    expect(resources).toContain(':identity/');
    expect(resources).toContain(logicalId(s, 'AWS::SES::EmailIdentity'));
    expect(resources).toContain('configuration-set/');
    expect(resources).not.toContain('"*"');
    const schedules = Object.values(resourcesOf(s, 'AWS::Scheduler::Schedule')).filter((x) =>
      JSON.stringify(x.Properties.Target.Arn).includes(sender.id),
    );
    expect(schedules.map((x) => x.Properties.ScheduleExpression)).toEqual(['rate(1 minute)']);
    expect(schedules[0]!.Properties.Target.DeadLetterConfig).toBeDefined();
  });

  it('lets only the core HTTP function read the unsubscribe key, and serves the unsubscribe link without a login', () => {
    const core = fn(s, 'http-core');
    expect(core.env.PARKBRIDGE_MAIL_SECRET_ARN).toBeDefined();
    expect(fn(s, 'http-market').env.PARKBRIDGE_MAIL_SECRET_ARN).toBeUndefined();
    const routes = Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    for (const method of ['GET', 'POST']) {
      const route = routes.find((r) => r.RouteKey === `${method} /v1/email/unsubscribe`);
      expect(route, method).toBeDefined();
      expect(route!.AuthorizationType).toBe('NONE');
    }
  });

  it('words Cognito’s own emails in the person’s language, and sends them through SES once asked to', () => {
    const trigger = fn(s, 'auth-custom-message');
    const pool = Object.values(resourcesOf(s, 'AWS::Cognito::UserPool'))[0]!;
    expect(JSON.stringify(pool.Properties.LambdaConfig.CustomMessage)).toContain(trigger.id);
    expect(pool.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      ConfigurationSet: { Ref: logicalId(s, 'AWS::SES::ConfigurationSet') },
    });
    expect(JSON.stringify(pool.Properties.EmailConfiguration.SourceArn)).toContain(
      'identity/mail.parkbridge.example',
    );
  });
});
