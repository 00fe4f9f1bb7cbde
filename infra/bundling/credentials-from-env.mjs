// Stands in for @aws-sdk/credential-provider-node in the API bundle. Lambda hands the function its role's
// credentials in environment variables, the first place the default chain looks; the rest of the chain (INI
// files, SSO, web identity through STS, container and instance metadata) never answers there, yet it bundles
// nested STS/SSO clients (~90 KB) that every cold start would parse. The chain, reduced to its first link.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
