/**
 * Archive slugs start with the series number, so a slug resolves to its issue with one key lookup
 * and a renamed title does not break old links (the words after the number are decoration).
 */
export const slugFor = (series: number, title: string): string => {
  const words = title
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${series}-${words}` : String(series);
};

export const seriesFromSlug = (slug: string): number | undefined => {
  const match = /^([1-9]\d{0,8})(?:-[a-z0-9-]*)?$/.exec(slug);
  return match ? Number(match[1]) : undefined;
};
