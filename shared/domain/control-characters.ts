/**
 * C0 and C1 controls (CR, LF, tab, VT, FF, NEL U+0085…), DEL, and the Unicode line and paragraph separators
 * (U+2028, U+2029): each can end a header line in some reader of a mail or a log, so none is ever accepted in
 * an address or a name, anywhere in it (not only at the ends, where trimming would hide it).
 */
const isForbidden = (code: number): boolean =>
  code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

export const hasForbiddenControl = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) if (isForbidden(text.charCodeAt(i))) return true;
  return false;
};
