// Moved beside the other in-memory stores (its contract suite runs with theirs); kept here for its importers.
export { memoryInstanceApps } from '../memory/instance-app-store.ts';
