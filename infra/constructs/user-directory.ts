import { Aws, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The Cognito groups: the roles docs/api.md names, set per token from the organisation's kinds. */
export const USER_GROUPS = ['tenant', 'supplier', 'operator'] as const;

/** The custom attribute that mirrors the user's organisation id (tokens take it from the table). */
export const ORG_ATTRIBUTE = 'org';

export interface UserDirectoryProps {
  /** Puts `org` and the groups from the table into each ID token. */
  readonly preTokenGeneration: IFunction;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * Cognito's threat protection (compromised credentials, adaptive authentication): needs the Plus plan.
   * @default false (Essentials plan)
   */
  readonly threatProtection?: boolean;
  /**
   * Every user signs in with a TOTP second factor; the hosted sign-in enrols each at their first
   * sign-in. Cognito requires MFA for a whole pool or for nobody, and operators and organisation
   * admins must have it, so prod requires it of all.
   * @default false (offered, not required)
   */
  readonly mfaRequired?: boolean;
  /**
   * The hosted sign-in domain's prefix (unique within the region).
   * @default - `parkbridge-<8 characters of the stack id>`
   */
  readonly domainPrefix?: string;
}

export interface WebClientOptions {
  /** Where hosted sign-in may return after sign-in. */
  readonly callbackUrls: string[];
  /** Where hosted sign-in may return after sign-out. */
  readonly logoutUrls: string[];
}

/**
 * Who may sign in: a Cognito user pool with e-mail sign-in, the tenant/supplier/operator groups, a
 * custom attribute for the organisation id, the pre-token-generation trigger and the hosted sign-in
 * domain. Firms register themselves; their rights come from their organisation in the table.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
        locale: { required: false, mutable: true },
      },
      customAttributes: { [ORG_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: props.mfaRequired ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: props.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(props.threatProtection
        ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.preTokenGeneration,
      LambdaVersion.V1_0,
    );
    for (const group of USER_GROUPS) {
      new UserPoolGroup(this, `Group-${group}`, {
        userPool: this.userPool,
        groupName: group,
        description: `Users of organisations that act as ${group}s`,
      });
    }
    const stackSuffix = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['parkbridge', stackSuffix]) },
    });

    if (!props.mfaRequired) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'The dev stage offers TOTP without requiring it; prod requires it of every user.',
      });
    }
    if (!props.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Dev, and a prod whose authority chose the cheaper Essentials plan (docs/deployment.md), run without threat protection.',
      });
    }
  }

  /** The web app's client: authorization code with PKCE, no secret, ID tokens for the API. */
  addWebClient(id: string, options: WebClientOptions): UserPoolClient {
    // The app may write the profile, never the organisation mirror.
    const writable = new ClientAttributes().withStandardAttributes({
      email: true,
      fullname: true,
      locale: true,
    });
    const readable = writable
      .withCustomAttributes(ORG_ATTRIBUTE)
      .withStandardAttributes({ emailVerified: true });
    return this.userPool.addClient(id, {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: options.callbackUrls,
        logoutUrls: options.logoutUrls,
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: readable,
      writeAttributes: writable,
    });
  }
}
