// A real OpenID Connect provider (the `oidc-provider` package) for Kleur's single sign-on tests.
//
//   node e2e/oidc/provider.mjs '{"clients":[{"client_id":"kleur","client_secret":"s","redirect_uris":["http://127.0.0.1:8080/inloggen/sso/terug"]}]}'
//
// Listens on a free loopback port and prints one JSON line {"issuer": "..."} when ready. The login
// form accepts any user name with any password; the account's claims follow from the name:
// `email` is the name (or name@example.invalid), `employee_number` is the name too.
// Used by the browser tests (e2e/tests/sso.test.mjs) and by the Rust tests
// (crates/web/tests/oidc.rs), which start it as a child process and stop it when done.
import http from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
const clients = (options.clients ?? []).map((client) => ({
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
  ...client,
}));

const server = http.createServer();
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  cookies: { keys: ['kleur-test-only-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    employee: ['employee_number'],
  },
  // Put the requested claims in the ID token, as most enterprise providers do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: { IdToken: options.id_token_ttl ?? 3600 },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: id.includes('@') ? id : `${id}@example.invalid`,
          email_verified: true,
          name: id,
          employee_number: id,
        };
      },
    };
  },
  // First-party clients: consent is given once the person has signed in.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile employee');
    await grant.save();
    return grant;
  },
});

server.on('request', provider.callback());
// The reader of our output may go away first; that is no reason to crash.
process.stdout.on('error', () => {});
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Stop with the parent: a test that dies must not leave a provider behind.
process.stdin.on('end', stop);
process.stdin.resume();
