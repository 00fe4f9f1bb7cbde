/**
 * Node flags of the sender function, shared with `npm run bench` so the memory it measures is the deployed one.
 * The sender makes ~100 KB of short-lived garbage per mail (body bytes, MIME) on a ~15 MB working set; left to
 * the defaults, V8 lets it pile up past 130 MB before collecting. Smaller young and old generations collect it
 * sooner (measured: peak RSS 138 MB → 95 MB for 4,000 readers, same throughput), with old space still four
 * times the working set.
 */
export const senderNodeFlags = ['--max-semi-space-size=4', '--max-old-space-size=64'];
