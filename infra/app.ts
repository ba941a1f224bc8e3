import { App } from 'aws-cdk-lib';
import { defineParkbridge } from './parkbridge-app';

// `npm run synth` / `npx cdk deploy [-c stage=prod]`
defineParkbridge(new App());
