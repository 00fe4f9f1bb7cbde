import type { InstanceApp, InstanceAppStore } from '../../ports/instance-apps.ts';

/** The InstanceAppStore in memory: one machine's runtime and the use-case tests. */
export const memoryInstanceApps = (): InstanceAppStore => {
  const apps = new Map<string, InstanceApp>();
  const key = (instance: string, redirectUri: string) => `${instance} ${redirectUri}`;
  return {
    get: async (instance, redirectUri) => structuredClone(apps.get(key(instance, redirectUri))),
    putIfAbsent: async (app) => {
      const at = key(app.instance, app.redirectUri);
      if (apps.has(at)) return false;
      apps.set(at, structuredClone(app));
      return true;
    },
  };
};
