/**
 * HTTP endpoints of the Akoma Ntoso export: a version of a bill and an amendment, as XML documents. Akoma Ntoso's
 * own media type is answered unless the client asks for plain `application/xml`.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { AmendmentParamsSchema } from '../../../shared/api/amendments.ts';
import { VersionParamsSchema } from '../../../shared/api/bills.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { amendmentXml, versionXml } from './readDocuments.ts';

/** Akoma Ntoso's media type. */
export const AKN_CONTENT_TYPE = 'application/akn+xml';

const xmlDocument = { contentType: AKN_CONTENT_TYPE, item: z.string().meta({ description: 'An Akoma Ntoso 1.0 XML document' }) };

function sendXml(req: Request, res: Response, xml: string): void {
  const type = req.accepts([AKN_CONTENT_TYPE, 'application/xml']) || AKN_CONTENT_TYPE;
  res.status(200).type(`${type}; charset=utf-8`).send(xml);
}

/** The Akoma Ntoso endpoints. */
export function akomaNtosoRoutes(deps: DeliberationDeps): MountableRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/versions/:versionId/akn',
      tag: 'Open data',
      summary: 'One version of a bill as an Akoma Ntoso document (application/akn+xml)',
      params: VersionParamsSchema,
      response: null,
      stream: xmlDocument,
      errors: [404],
      handler: async ({ params, req, res }) => sendXml(req, res, await versionXml(deps.db, params.id, params.versionId)),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/amendments/:amendmentId/akn',
      tag: 'Open data',
      summary: 'One amendment as an Akoma Ntoso document, with its textual modification of the bill’s latest version',
      params: AmendmentParamsSchema,
      response: null,
      stream: xmlDocument,
      errors: [404],
      handler: async ({ params, actor, req, res }) => sendXml(req, res, await amendmentXml(deps, actor, params.billId, params.amendmentId)),
    }),
  ];
}
