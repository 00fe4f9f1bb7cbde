import type { TestProject } from 'vitest/node';
import { startDynalite, startSes } from '../../infra/local/stand-ins/stand-ins.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynaliteUrl: string;
    sesUrl: string;
  }
}

/** One in-memory dynalite and one SES stand-in for the whole run, on ports the OS picks. */
export default async function setup(project: TestProject) {
  const [dynamo, ses] = await Promise.all([startDynalite(), startSes()]);
  project.provide('dynaliteUrl', dynamo.url);
  project.provide('sesUrl', ses.url);
  return async () => {
    await Promise.all([dynamo.close(), ses.close()]);
  };
}
