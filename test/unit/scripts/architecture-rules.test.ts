import { describe, expect, it } from 'vitest';
import { checkSources, findCycles, importProblems, importsIn } from '../../../scripts/architecture-rules.ts';

/** A fixture tree: path → text. */
const tree = (files: Record<string, string>): Map<string, string> => new Map(Object.entries(files));

describe('architecture rules', () => {
  it('reports an http file importing a channel adapter, with file and line', () => {
    const problems = checkSources(
      tree({
        'bot/http/limits.ts': "import type { Request } from 'restify';\nimport { Limiter } from '../adapters/channels/teams/limiter.ts';\n",
        'bot/adapters/channels/teams/limiter.ts': 'export class Limiter {}\n',
      }),
    );
    expect(problems).toEqual(['bot/http/limits.ts:2 http imports a channel adapter: ../adapters/channels/teams/limiter.ts']);
  });

  it('reports http importing app, also for type-only imports and re-exports', () => {
    expect(importProblems('bot/http/hr-routes.ts', '../app/create-hr.ts')).toEqual(['http imports app: ../app/create-hr.ts']);
    const problems = checkSources(
      tree({
        'bot/http/console/deps.ts':
          "import type { Hr } from '../../app/create-hr.ts';\nexport type { FaqLoop } from '../../app/faq-loop.ts';\n",
      }),
    );
    expect(problems).toEqual([
      'bot/http/console/deps.ts:1 http imports app: ../../app/create-hr.ts',
      'bot/http/console/deps.ts:2 http imports app: ../../app/faq-loop.ts',
    ]);
  });

  it('reports adapters importing app, http or cli', () => {
    const file = 'bot/adapters/channels/teams/routes.ts';
    expect(importProblems(file, '../../../app/channel-router.ts')).toEqual([
      'adapters import app/http/cli: ../../../app/channel-router.ts',
    ]);
    expect(importProblems(file, '../../../http/json-body.ts')).toEqual(['adapters import app/http/cli: ../../../http/json-body.ts']);
    expect(importProblems('bot/adapters/storage/store.ts', '../../cli/cli-io.ts')).toEqual([
      'adapters import app/http/cli: ../../cli/cli-io.ts',
    ]);
  });

  it('keeps each channel in its folder: no channel imports another, only the registration list imports one', () => {
    expect(importProblems('bot/adapters/channels/xmpp/xmpp-plugin.ts', '../teams/teams-outbox.ts')).toEqual([
      'channel xmpp imports channel teams: ../teams/teams-outbox.ts',
    ]);
    expect(importProblems('bot/app/serve-jobs.ts', '../adapters/channels/teams/teams-plugin.ts')).toEqual([
      'imports a channel folder outside the registration list (bot/app/channels.ts): ../adapters/channels/teams/teams-plugin.ts',
    ]);
    expect(importProblems('bot/cli/commands/tickets.ts', '../../adapters/channels/xmpp/xmpp-endpoint.ts')).toEqual([
      'imports a channel folder outside the registration list (bot/app/channels.ts): ../../adapters/channels/xmpp/xmpp-endpoint.ts',
    ]);
    expect(importProblems('bot/app/channels.ts', '../adapters/channels/teams/teams-plugin.ts')).toEqual([]);
    expect(importProblems('bot/adapters/channels/teams/teams-plugin.ts', '../polled-drain.ts')).toEqual([]);
    expect(importProblems('bot/adapters/channels/teams/teams-plugin.ts', './teams-channel.ts')).toEqual([]);
    expect(importProblems('bot/app/create-service.ts', '../adapters/channels/polled-drain.ts')).toEqual([]);
  });

  it('allows the permitted directions', () => {
    expect(importProblems('bot/app/create-lotse.ts', '../http/create-server.ts')).toEqual([]);
    expect(importProblems('bot/http/request-limits.ts', '../shared/rate-limiter.ts')).toEqual([]);
    expect(importProblems('bot/http/api-routes.ts', '../adapters/http-kit/send-error.ts')).toEqual([]);
    expect(importProblems('bot/http/auth/auth-deps.ts', '../../adapters/auth/oidc-login.ts')).toEqual([]);
    expect(importProblems('bot/adapters/channels/teams/teams-endpoint.ts', '../../../ports/channel-router.ts')).toEqual([]);
    expect(importProblems('bot/adapters/channels/teams/teams-routes.ts', '../../http-kit/json-body.ts')).toEqual([]);
    expect(importProblems('bot/core/hr/hr-chat.ts', '../../ports/hr-store.ts')).toEqual([]);
    expect(importProblems('bot/core/hr/hr-chat.ts', 'zod')).toEqual([]);
  });

  it('keeps the existing rules: core directions, vendor modules in the core, imports from test/', () => {
    expect(importProblems('bot/core/answer/x.ts', '../../adapters/llm/y.ts')).toEqual([
      'core imports outside ports/shared: ../../adapters/llm/y.ts',
    ]);
    expect(importProblems('bot/core/answer/x.ts', 'node:fs')).toEqual(['core imports a vendor/runtime module: node:fs']);
    expect(importProblems('bot/core/answer/x.ts', 'restify/lib')).toEqual(['core imports a vendor/runtime module: restify/lib']);
    expect(importProblems('bot/app/x.ts', '../../test/fakes/y.ts')).toEqual(['imports from test/: ../../test/fakes/y.ts']);
  });

  it('lets ports import only ports and shared helpers', () => {
    expect(importProblems('bot/ports/channel-plugin.ts', '../adapters/sql/store-database.ts')).toEqual([
      'ports import outside ports/shared: ../adapters/sql/store-database.ts',
    ]);
    expect(importProblems('bot/ports/x.ts', '../core/hr/hr-chat.ts')).toEqual(['ports import outside ports/shared: ../core/hr/hr-chat.ts']);
    expect(importProblems('bot/ports/x.ts', './turn.ts')).toEqual([]);
    expect(importProblems('bot/ports/x.ts', '../shared/logger.ts')).toEqual([]);
  });

  it('reports import cycles, e.g. between app and http', () => {
    const problems = checkSources(
      tree({
        'bot/app/a.ts': "import { b } from '../http/b.ts';\nexport const a = 1;\n",
        'bot/http/b.ts': "import { a } from '../app/a.ts';\nexport const b = a;\n",
      }),
    );
    expect(problems).toContain('bot/http/b.ts:1 http imports app: ../app/a.ts');
    expect(problems).toContain('import cycle: bot/app/a.ts -> bot/http/b.ts -> bot/app/a.ts');
    expect(
      findCycles(
        new Map([
          ['x.ts', ['y.ts']],
          ['y.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('finds static, side-effect and dynamic imports with their lines', () => {
    const text = "import a from './a.ts';\nimport './b.ts';\nexport { c } from './c.ts';\nconst d = await import('./d.ts');\n";
    expect(importsIn(text)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: './b.ts', line: 2 },
      { specifier: './c.ts', line: 3 },
      { specifier: './d.ts', line: 4 },
    ]);
  });
});
