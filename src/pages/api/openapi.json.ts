/** /api/openapi.json — the OpenAPI 3.1 description of /api/case-studies.json, generated from its zod schema (src/publishing/api.ts). */
import type { APIContext } from 'astro';
import { openApiDocument } from '#/publishing/api.ts';

export const GET = ({ site }: APIContext) =>
  new Response(JSON.stringify(openApiDocument(site), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
