import { campaignStoreContract } from './campaign-store.contract.ts';
import { catalogueStoreContract } from './catalogue-store.contract.ts';
import { clickStoreContract } from './click-store.contract.ts';
import { connectedAccountStoreContract } from './connected-account-store.contract.ts';
import { instanceAppStoreContract } from './instance-app-store.contract.ts';
import { dataLayerContract } from './data-layer.contract.ts';
import { singleUseLinksContract } from './single-use-links.contract.ts';
import { smallStoresContract } from './small-stores.contract.ts';
import { socialStoreContract } from './social-store.contract.ts';
import type { MakeStores } from './stores.ts';
import { subscriberDirectoryContract } from './subscriber-directory.contract.ts';
import { trackLinkStoreContract } from './track-link-store.contract.ts';
import { warningStoreContract } from './warning-store.contract.ts';

/** Every port's contract, on one implementation: each runner file names its implementation once. */
export const everyPortContract = (label: string, makeStores: MakeStores) => {
  dataLayerContract(label, makeStores);
  socialStoreContract(label, makeStores);
  clickStoreContract(label, makeStores);
  warningStoreContract(label, makeStores);
  trackLinkStoreContract(label, makeStores);
  catalogueStoreContract(label, makeStores);
  campaignStoreContract(label, makeStores);
  singleUseLinksContract(label, makeStores);
  smallStoresContract(label, makeStores);
  subscriberDirectoryContract(label, makeStores);
  connectedAccountStoreContract(label, makeStores);
  instanceAppStoreContract(label, makeStores);
};
