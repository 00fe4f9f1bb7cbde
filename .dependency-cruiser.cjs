/**
 * Layer rules (see ../README.md "Architecture"): the domain, ports and use cases in shared/ are plain TypeScript;
 * adapters talk to AWS; functions/ wire; infra/ (CDK) never imports runtime code; nothing imports test/.
 */
const domain = '^shared/(domain|ports|usecases|i18n)/';
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-infrastructure',
      comment: 'shared/ domain, ports and use cases must not import the AWS SDK, Hono or MJML.',
      severity: 'error',
      from: { path: domain },
      to: { path: ['node_modules/(@aws-sdk|@smithy|hono|@hono|mjml|mjml-[^/]+|aws-cdk-lib|constructs)/'] },
    },
    {
      name: 'domain-imports-no-edges',
      comment: 'The domain knows nothing of adapters, functions, emails or infra.',
      severity: 'error',
      from: { path: domain },
      to: { path: ['^shared/adapters/', '^functions/', '^emails/', '^infra/'] },
    },
    {
      name: 'rules-import-no-use-cases',
      comment:
        'Rules sit under the use cases that apply them: a rule that needs a use case type owns that type. (The wording in shared/i18n may name a use case outcome.)',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/usecases/' },
    },
    {
      name: 'adapters-import-no-edges',
      comment: 'Adapters implement ports; they do not reach into the HTTP edge, MJML or CDK.',
      severity: 'error',
      from: { path: '^shared/adapters/' },
      to: { path: ['^functions/', '^infra/', '^emails/', 'node_modules/(hono|@hono|mjml|aws-cdk-lib)/'] },
    },
    {
      name: 'renderings-import-no-edges-or-stores',
      comment:
        "emails/ renders what people read (mails, reader pages, the studio's views) from the values it is given: " +
        'it reaches no edge, no CDK and no adapter.',
      severity: 'error',
      from: { path: '^emails/' },
      to: { path: ['^functions/', '^infra/', '^shared/adapters/'] },
    },
    {
      name: 'renderings-import-no-edges-or-stores',
      comment:
        'A rendering may name a port or a use case result by its type (a renderer implements its port), but ' +
        'never runs a use case or a store: the edge runs it and passes the result.',
      severity: 'error',
      from: { path: '^emails/' },
      to: { path: ['^shared/ports/', '^shared/usecases/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cdk-imports-no-runtime-code',
      comment:
        'The CDK app points at handlers by path; importing them would pull runtime code into synth. ' +
        'infra/local/ (the one-machine runtime) and infra/doctor/ (`npm run doctor`, run beside the deploy and ' +
        'asking the account with the same probes as the daily job) are commands, not the CDK app: they run code.',
      severity: 'error',
      from: { path: '^infra/', pathNot: ['^infra/local/', '^infra/doctor/'] },
      to: { path: ['^functions/', '^shared/', '^emails/'] },
    },
    {
      name: 'api-function-loads-no-mjml',
      comment:
        'MJML stays out of the API function bundle: only the render function and the local runtime load it. ' +
        'emails/generated/ holds mails MJML rendered at build time: plain strings, no MJML; emails/pages/ the ' +
        "reader pages, Hono html strings beside no template. (The studio's views, emails/studio/, stay out of " +
        'it by public-function-loads-no-studio; studio-views-load-no-mjml keeps them off MJML in the admin one.) ' +
        'The author notice it may send (her blog API is not public) fills the layout rendered at build time, as ' +
        'author-mails-load-no-mjml holds for every function that mails her: emails/author-* but author-build.',
      severity: 'error',
      from: { path: '^functions/lambda/api\\.ts$' },
      to: {
        path: ['^emails/(?!generated/|pages/|author-(?!build)|escape-html\\.ts$)', 'node_modules/mjml'],
        reachable: true,
      },
    },
    {
      name: 'studio-views-load-no-mjml',
      comment: "The studio's views and the reader pages are Hono JSX and html strings: no page loads MJML.",
      severity: 'error',
      from: { path: '^emails/(studio|pages)/' },
      to: {
        path: ['node_modules/mjml', '^emails/(compile-mjml|mjml-renderer|author-build|build-emails)\\.ts$'],
        reachable: true,
      },
    },
    {
      name: 'author-mails-load-no-mjml',
      comment:
        'The functions that mail the author (dispatch, sender, social, music, feed poller, accounts refresh) fill the layout MJML rendered at ' +
        'build time (emails/generated/author-notice.ts); none of them loads MJML.',
      severity: 'error',
      from: {
        path: '^functions/(lambda/(dispatch|sender|social|music|feed-poll|accounts-refresh)|delivery/author-notifier)\\.ts$',
      },
      to: {
        path: ['node_modules/mjml', '^emails/(compile-mjml|mjml-renderer|author-build|build-emails)\\.ts$'],
        reachable: true,
      },
    },
    {
      name: 'api-function-loads-no-admin-stores',
      comment:
        'The public function is kept under its size budget: the admin routes, their stores and the click ' +
        'redirect (its own function) are not in its bundle.',
      severity: 'error',
      from: { path: '^functions/lambda/api\\.ts$' },
      to: {
        path: [
          '^functions/(admin-stores|admin-app|create-app)\\.ts$',
          '^functions/routes/(admin|redirect)',
          '^shared/adapters/dynamodb/(click|warning|campaign|social|catalogue|track-link)-store\\.ts$',
        ],
        reachable: true,
      },
    },
    {
      name: 'public-function-loads-no-admin-code',
      comment:
        'CSV import/export and the admin routes run in the admin function: the public one stays small.',
      severity: 'error',
      from: { path: '^functions/lambda/api\\.ts$' },
      to: {
        path: ['^functions/admin-app\\.ts$', '^functions/routes/admin', 'node_modules/csv-'],
        reachable: true,
      },
    },
    {
      name: 'public-function-takes-no-posts',
      comment:
        "The readers' function: her blog's webhooks (the post parser, the signature check) and her mails " +
        "(templates, wording, template engine) are the admin function's, out of a reader's cold start.",
      severity: 'error',
      from: { path: '^functions/lambda/api\\.ts$' },
      to: {
        path: [
          '^emails/(author-|generated/author-)',
          '^functions/delivery/',
          '^functions/routes/(webhooks|wordpress-notifications)\\.ts$',
          '^shared/domain/posts/',
          'node_modules/(mustache|standardwebhooks)',
        ],
        reachable: true,
      },
    },
    {
      name: 'public-function-loads-no-studio',
      comment:
        "The author's studio (its routes and sessions in functions/studio/, its Hono JSX views in emails/studio/) " +
        'runs in the admin function only: the public one never loads it.',
      severity: 'error',
      from: { path: '^functions/lambda/api\\.ts$' },
      to: {
        path: [
          '^functions/studio/',
          '^emails/studio/',
          'node_modules/hono/dist/jsx/',
          '^shared/adapters/dynamodb/studio-auth-store\\.ts$',
        ],
        reachable: true,
      },
    },
    {
      name: 'lambda-reaches-no-stand-ins',
      comment:
        'On AWS the guarded outbound client reaches public addresses only: no Lambda root reaches the class that ' +
        'lets it reach a loopback stand-in (stand-ins.ts, whose private field no object literal can fake), nor ' +
        'the local runtime that makes one.',
      severity: 'error',
      from: { path: '^functions/lambda/' },
      to: {
        path: ['^shared/adapters/http/stand-ins\\.ts$', '^infra/local/'],
        reachable: true,
      },
    },
    {
      name: 'stores-built-in-wiring-only',
      comment:
        'The table client and every DynamoDB store are built in functions/wiring/, the one graph both homes ' +
        'call (see README "How to add a function"); an edge or the local runtime asks a builder there.',
      severity: 'error',
      from: { pathNot: ['^functions/wiring/', '^shared/adapters/', '^test/'] },
      to: {
        path: '^shared/adapters/dynamodb/',
        pathNot: '^shared/adapters/dynamodb/ensure-table\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
