import { inject } from 'vitest';
import { dataLayerContract } from './data-layer.contract.ts';

dataLayerContract('dynalite', () => inject('dynaliteUrl'));
