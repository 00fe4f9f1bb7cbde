// Kept for the tests that start this fake on its own; the fake lives in its network's folder.
export * from './bluesky/fake.ts';
