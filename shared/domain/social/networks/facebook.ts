import { within } from '../compose-length.ts';
import { networkRow } from '../network-row.ts';

export const facebook = networkRow({
  id: 'facebook',
  name: 'Facebook',
  lengthRule: () => within('characters', 63_206, (text) => text.length),
});
