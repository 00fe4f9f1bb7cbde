/** A mail to the author as the template lays it out; the HTML and the text part are both made from it. */
export type AuthorMailView = {
  subject: string;
  /** The inbox's one-line preview. */
  preview: string;
  heading: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
  groups: { title: string; items: string[]; hint?: string }[];
  linksTitle?: string;
  links: { label: string; text: string; url?: string }[];
  /** After the lists: what follows from them. */
  closing: string[];
  button: { label: string; url: string };
};

/** A view with the parts a kind of mail does not use left empty. */
export const view = (
  parts: Pick<AuthorMailView, 'subject' | 'heading' | 'button'> & Partial<AuthorMailView>,
): AuthorMailView => ({
  preview: parts.paragraphs?.[0] ?? parts.heading,
  paragraphs: [],
  facts: [],
  groups: [],
  links: [],
  closing: [],
  ...parts,
});
