import { publicUrls } from '../../shared/domain/public-urls.ts';

/**
 * The studio's addresses for connecting a network. `callback` is what each network's app registers, exactly:
 * `<public studio origin>/studio/accounts/<network>/callback`.
 */
export const accountUrls = (publicBaseUrl: string) => {
  const { studio } = publicUrls(publicBaseUrl);
  return {
    callback: (network: string) => `${studio}/accounts/${network}/callback`,
    connect: (network: string) => `/studio/accounts/${network}/connect`,
    disconnect: (network: string) => `/studio/accounts/${network}/disconnect`,
    choose: (network: string) => `/studio/accounts/${network}/choose`,
    /** Where she lands once connected: Réglages' networks, with who she is now connected as. */
    settings: (network?: string) => `/studio/settings${network ? `?connected=${network}` : ''}#social`,
  };
};
