import { inject } from 'vitest';
import { catalogueStoreContract } from './catalogue-store.contract.ts';
import { clickStoreContract } from './click-store.contract.ts';
import { dataLayerContract } from './data-layer.contract.ts';
import { socialStoreContract } from './social-store.contract.ts';
import { trackLinkStoreContract } from './track-link-store.contract.ts';
import { warningStoreContract } from './warning-store.contract.ts';

dataLayerContract('dynalite', () => inject('dynaliteUrl'));
socialStoreContract('dynalite', () => inject('dynaliteUrl'));
clickStoreContract('dynalite', () => inject('dynaliteUrl'));
warningStoreContract('dynalite', () => inject('dynaliteUrl'));
trackLinkStoreContract('dynalite', () => inject('dynaliteUrl'));
catalogueStoreContract('dynalite', () => inject('dynaliteUrl'));
