import { inject } from 'vitest';
import { dataLayerContract } from './data-layer.contract.ts';
import { socialStoreContract } from './social-store.contract.ts';

dataLayerContract('dynalite', () => inject('dynaliteUrl'));
socialStoreContract('dynalite', () => inject('dynaliteUrl'));
