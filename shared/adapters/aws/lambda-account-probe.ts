import { GetAccountSettingsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaFacts } from '../../domain/deliverability/account-facts.ts';

/** The account's concurrency quota in this region (a new account gets 10). */
export const lambdaAccountProbe = (lambda: LambdaClient) => async (): Promise<LambdaFacts> => {
  const { AccountLimit } = await lambda.send(new GetAccountSettingsCommand({}));
  return {
    concurrencyLimit: AccountLimit?.ConcurrentExecutions ?? 0,
    unreservedConcurrency: AccountLimit?.UnreservedConcurrentExecutions ?? 0,
  };
};
