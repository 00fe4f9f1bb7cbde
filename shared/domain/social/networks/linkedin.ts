import { within } from '../compose-length.ts';
import { escapeLittleText } from '../compose-little-text.ts';
import { networkRow } from '../network-row.ts';

export const linkedin = networkRow({
  id: 'linkedin',
  name: 'LinkedIn',
  // The limit applies to what is sent: the escaped commentary, in UTF-16 units as LinkedIn's editor counts.
  lengthRule: () => within('characters', 3000, (text) => escapeLittleText(text).length),
});
