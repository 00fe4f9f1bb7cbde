/** The studio pages each mail leads to (the studio itself is functions/studio). */
export const studioLinks = (publicBaseUrl: string) => {
  const studio = `${publicBaseUrl.replace(/\/+$/, '')}/studio`;
  return {
    home: studio,
    issue: (series: number) => `${studio}/issues/${series}`,
    campaign: (series: number) => `${studio}/campaigns/${series}`,
    settings: `${studio}/settings`,
  };
};

export type StudioLinks = ReturnType<typeof studioLinks>;
