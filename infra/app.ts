import { dimancheApp } from './dimanche-app.ts';

// Run by the CLI through cdk.json ("npx tsx infra/app.ts"), which synthesizes it on exit.
dimancheApp();
