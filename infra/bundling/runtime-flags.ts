/**
 * Node flags of the sender function, shared with `npm run bench` so the memory it measures is the deployed one.
 * A smaller young generation: the sender makes ~100 KB of short-lived garbage per mail (body bytes, MIME),
 * which the default 16 MB semi-spaces let pile up to ~80 MB before collecting; 4 MB collects it sooner, at a
 * few percent of throughput, and keeps a 100,000-recipient run near its ~50 MB working set.
 */
export const senderNodeFlags = ['--max-semi-space-size=4'];
