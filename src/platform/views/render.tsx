import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout, type LayoutProps } from './layout.js';

export type PageOptions = Omit<LayoutProps, 'ctx' | 'children'> & { status?: number };

/** Renders a full HTML page with the shared layout. Preact escapes every interpolated value. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: ComponentChildren, opts: PageOptions): FastifyReply {
  const { status = 200, ...layout } = opts;
  const html = '<!doctype html>' + renderToString(
    <Layout ctx={request.ctx} {...layout}>
      {body}
    </Layout>,
  );
  return reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
}

/** Renders a fragment (for htmx swaps). */
export function sendFragment(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderToString(node));
}
