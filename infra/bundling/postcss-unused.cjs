// Stands in for postcss in the API bundle. sanitize-html only calls postcss to filter `style` attributes,
// and our allowlist drops `style` before that (parseStyleAttributes is off too), so ~90 KB of CSS parser
// would only cost cold-start time. If this ever runs, the allowlist changed: fail loudly.
exports.parse = () => {
  throw new Error('postcss is not bundled in this function: style attributes must stay off the allowlist');
};
