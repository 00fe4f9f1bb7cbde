declare module 'dynalite' {
  import type { Server } from 'node:http';

  type DynaliteOptions = {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  };
  const dynalite: (options?: DynaliteOptions) => Server;
  export default dynalite;
}
