import { CODES } from '../diagnostics.js';
import { scaledValue } from '../model/options.js';
import type { DrbdConnection, DrbdMesh, DrbdSection } from '../schema.js';
import { composeHostAddress } from './address.js';
import { at, type ComposeContext, err, errorCount, warn } from './context.js';
import { Cursor, spanOf } from './cursor.js';
import { composeSkip } from './document.js';
import { composeSectionBody } from './options.js';
import {
  blockStatements,
  expectBlock,
  expectEnd,
  expected,
  readName,
  reportUnknownKeyword,
  stmtSyntax,
} from './syntax.js';

/**
 * A DRBD 9 `connection { }` section (cursor after `connection`): its hosts or paths, `net`, `disk`
 * and volumes.
 */
export function composeConnection(ctx: ComposeContext, c: Cursor): DrbdConnection | undefined {
  const connErrorsBefore = errorCount(ctx);
  let name: string | undefined;
  if (!c.done) {
    const n = readName(ctx, c, 'a connection name or `{`');
    if (!n) return undefined;
    name = n.value;
    warn(
      ctx,
      CODES.deprecated,
      `Named connections are deprecated: the name \`${name}\` is ignored`,
      spanOf(n.token),
    );
  }
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  const conn: DrbdConnection = at(
    ctx,
    {
      ...(name !== undefined ? { name } : {}),
      endpoints: [],
      paths: [],
      volumes: [],
    },
    spanOf(c.stmt),
  );
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h) continue;
    if (h.kind === 'word' && h.text === 'skip') {
      composeSkip(ctx, s);
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    switch (h.kind === 'word' ? h.text : '') {
      case 'host':
      case 'address': {
        const ep = composeHostAddress(ctx, sc, h);
        if (!ep) break;
        if (conn.endpoints.length >= 2) {
          err(
            ctx,
            CODES.semantic,
            'Unexpected third endpoint: only two `host` statements per connection are allowed',
            spanOf(h),
          );
          break;
        }
        if (conn.paths.length > 0) {
          err(
            ctx,
            CODES.semantic,
            'Unexpected `host` after a `path`: explicit and implicit paths are not allowed together',
            spanOf(h),
          );
          break;
        }
        conn.endpoints.push(ep);
        break;
      }
      case 'path': {
        const b2 = expectBlock(ctx, sc);
        if (!b2) break;
        const path: DrbdConnection['paths'][number] = at(ctx, { endpoints: [] }, spanOf(s));
        const errorsBefore = errorCount(ctx);
        for (const ps of blockStatements(ctx, b2)) {
          const ph = ps.words[0];
          if (!ph || !stmtSyntax(ctx, ps)) continue;
          const pc = new Cursor(ps);
          pc.next();
          if (ph.text !== 'host' && ph.text !== 'address') {
            reportUnknownKeyword(ctx, ph, ['host', 'address'], 'the `path` section');
            continue;
          }
          const ep = composeHostAddress(ctx, pc, ph);
          if (!ep) continue;
          if (path.endpoints.length >= 2) {
            err(
              ctx,
              CODES.semantic,
              'Unexpected third endpoint: only two `host` statements per path are allowed',
              spanOf(ph),
            );
            continue;
          }
          path.endpoints.push(ep);
        }
        // a path whose statements were already reported is not also "missing" an endpoint
        if (path.endpoints.length !== 2 && errorCount(ctx) === errorsBefore)
          err(ctx, CODES.semantic, 'Expected two endpoints in this `path`', spanOf(h));
        conn.paths.push(path);
        break;
      }
      case 'net': {
        const b2 = expectBlock(ctx, sc);
        if (!b2) break;
        if (conn.net) {
          err(ctx, CODES.duplicate, 'Duplicate `net` section in the connection', spanOf(h));
          break;
        }
        conn.net = at<DrbdSection>(ctx, { kind: 'net', options: [] }, spanOf(s));
        composeSectionBody(ctx, b2, conn.net);
        break;
      }
      case 'disk': {
        const b2 = expectBlock(ctx, sc);
        if (!b2) break;
        if (conn.disk) {
          err(ctx, CODES.duplicate, 'Duplicate `disk` section in the connection', spanOf(h));
          break;
        }
        conn.disk = at<DrbdSection>(ctx, { kind: 'disk', options: [] }, spanOf(s));
        composeSectionBody(ctx, b2, conn.disk, true);
        break;
      }
      case 'volume': {
        const t = sc.next();
        if (t?.kind !== 'int') {
          expected(ctx, sc, 'a volume number', t);
          break;
        }
        const b2 = expectBlock(ctx, sc);
        if (!b2) break;
        const cv: DrbdConnection['volumes'][number] = at(
          ctx,
          {
            number: scaledValue(t.text)!,
          },
          spanOf(s),
        );
        for (const vs of blockStatements(ctx, b2)) {
          const vh = vs.words[0];
          if (!vh || !stmtSyntax(ctx, vs)) continue;
          if (vh.text !== 'disk' || !vs.block) {
            reportUnknownKeyword(ctx, vh, ['disk'], `connection volume ${cv.number}`);
            continue;
          }
          cv.disk = at<DrbdSection>(ctx, { kind: 'disk', options: [] }, spanOf(vs));
          composeSectionBody(ctx, vs.block, cv.disk, true);
        }
        conn.volumes.push(cv);
        break;
      }
      default:
        reportUnknownKeyword(ctx, h, ['host', 'path', 'net', 'disk', 'volume'], 'the connection');
    }
  }
  if (conn.paths.length === 0 && conn.endpoints.length !== 2 && errorCount(ctx) === connErrorsBefore)
    err(
      ctx,
      CODES.semantic,
      'Expected two endpoints in this connection',
      spanOf(c.stmt.words[0]!),
      'Write two `host NAME;` lines or `path { }` sections',
    );
  return conn;
}

/** A DRBD 9 `connection-mesh { }` section (cursor after `connection-mesh`): `hosts` and `net`. */
export function composeMesh(ctx: ComposeContext, c: Cursor): DrbdMesh | undefined {
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  const mesh: DrbdMesh = at(ctx, { hosts: [] }, spanOf(c.stmt));
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h || !stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    if (h.text === 'hosts') {
      while (!sc.done) {
        const n = readName(ctx, sc, 'a host name');
        if (!n) break;
        mesh.hosts.push(n.value);
      }
      expectEnd(ctx, sc);
    } else if (h.text === 'net') {
      const b2 = expectBlock(ctx, sc);
      if (!b2) continue;
      if (mesh.net) {
        err(ctx, CODES.duplicate, 'Duplicate `net` section in the connection-mesh', spanOf(h));
        continue;
      }
      mesh.net = at<DrbdSection>(ctx, { kind: 'net', options: [] }, spanOf(s));
      composeSectionBody(ctx, b2, mesh.net);
    } else reportUnknownKeyword(ctx, h, ['hosts', 'net'], 'the connection-mesh');
  }
  return mesh;
}
