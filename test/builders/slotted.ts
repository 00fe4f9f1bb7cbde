import { type SlotName, slotMarkers, type SlottedBody } from '../../shared/domain/email-slots.ts';
import type { RenderedEmail } from '../../shared/domain/rendered-email.ts';

/** A body written with `{{name}}` where its slots go, through the renderer's markers (a fixed test nonce). */
export const slotted = (source: string): SlottedBody => {
  const markers = slotMarkers('5107'.repeat(8));
  return markers.extract(source.replace(/\{\{([\w.]+)\}\}/g, (_, name: SlotName) => markers.mark(name)));
};

export const aSlottedEmail = (email: {
  subject: string;
  html: string;
  text: string;
  variants?: RenderedEmail['variants'];
}): RenderedEmail => ({
  language: 'fr',
  subject: email.subject,
  html: slotted(email.html),
  text: slotted(email.text),
  ...(email.variants ? { variants: email.variants } : {}),
});
