import type { Token } from '../cst/lexer.js';
import { CODES } from '../diagnostics.js';
import { scaledValue } from '../model/options.js';
import type { DrbdAddress, DrbdEndpoint } from '../schema.js';
import { at, type ComposeContext, err } from './context.js';
import { type Cursor, spanOf } from './cursor.js';
import { composeProxyHost } from './host.js';
import { expectEnd, expected, readName } from './syntax.js';

/** `[family] IP ":" PORT`, or `ipv6 [IP6]:PORT`. */
export function composeAddress(ctx: ComposeContext, c: Cursor): DrbdAddress | undefined {
  const first = c.peek();
  const start = first?.start ?? c.stmt.end;
  let family: DrbdAddress['family'];
  if (first && first.kind === 'word' && ['ipv4', 'ipv6', 'ssocks', 'sdp', 'sci'].includes(first.text)) {
    family = first.text as DrbdAddress['family'];
    c.next();
  }
  let ip: Token | undefined;
  if (family === 'ipv6') {
    const open = c.next();
    if (open?.kind !== '[') {
      expected(ctx, c, '`[`', open, 'Write IPv6 addresses as `ipv6 [fd00::1]:7789`');
      return undefined;
    }
    ip = c.next();
    if (!ip || (ip.kind !== 'ipv6' && ip.kind !== 'ipv4')) {
      expected(ctx, c, 'an IPv6 address', ip);
      return undefined;
    }
    const close = c.next();
    if (close?.kind !== ']') {
      expected(ctx, c, '`]`', close);
      return undefined;
    }
  } else {
    ip = c.next();
    if (ip?.kind !== 'ipv4') {
      const note =
        ip?.kind === 'ipv6'
          ? 'Write IPv6 addresses as `ipv6 [ADDRESS]:PORT`'
          : ip?.kind === 'word'
            ? 'drbdadm needs a literal IP address, not a host name'
            : undefined;
      expected(ctx, c, 'an IP address', ip, note);
      return undefined;
    }
  }
  const colon = c.next();
  if (colon?.kind !== ':') {
    expected(ctx, c, '`:`', colon);
    return undefined;
  }
  const port = c.next();
  if (port?.kind !== 'int') {
    expected(ctx, c, 'a port number', port);
    return undefined;
  }
  const pv = scaledValue(port.text)!;
  if (pv < 1 || pv > 65535) {
    err(ctx, CODES.range, `Invalid port \`${port.text}\`: expected 1 to 65535`, spanOf(port));
    return undefined;
  }
  return at(
    ctx,
    {
      ...(family ? { family } : {}),
      ip: ip.text,
      port: port.text,
    },
    { start, end: port.end },
  );
}

/**
 * A connection's `host NAME [address ADDR | port N]` or `address ADDR` endpoint (`h` is the word
 * read).
 */
export function composeHostAddress(ctx: ComposeContext, c: Cursor, h: Token): DrbdEndpoint | undefined {
  const ep: DrbdEndpoint = at(ctx, {}, spanOf(c.stmt));
  if (h.text === 'host') {
    const n = readName(ctx, c, 'a host name');
    if (!n) return undefined;
    ep.host = n.value;
    const nx = c.peek();
    if (nx && nx.text === 'address' && nx.kind === 'word') {
      c.next();
      const a = composeAddress(ctx, c);
      if (!a) return undefined;
      ep.address = a;
    } else if (nx && nx.text === 'port' && nx.kind === 'word') {
      c.next();
      const p = c.next();
      if (p?.kind !== 'int') {
        expected(ctx, c, 'a port number', p);
        return undefined;
      }
      ep.port = p.text;
    }
  } else {
    const a = composeAddress(ctx, c);
    if (!a) return undefined;
    ep.address = a;
  }
  const via = c.peek();
  if (via && via.text === 'via' && via.kind === 'word') {
    c.next();
    const px = c.next();
    if (px?.text !== 'proxy') {
      expected(ctx, c, '`proxy`', px);
      return undefined;
    }
    const p = composeProxyHost(ctx, c);
    if (!p) return undefined;
    ep.proxy = p;
    return ep;
  }
  if (
    !expectEnd(
      ctx,
      c,
      ep.host !== undefined && ep.address === undefined && ep.port === undefined
        ? '`address`, `port`, `via` or `;`'
        : '`via` or `;`',
    )
  )
    return undefined;
  return ep;
}
