/**
 * La Fabrique de la loi bill directories for integration tests, read at run time from LAFABRIQUE_DATA_DIR
 * (never copied into the repository): as the `{ files }` bundle `POST /imports` accepts, as a temporary
 * copy to corrupt, or served over real HTTP with La Fabrique's API layout (the same as the directory's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAFABRIQUE_DATA_DIR, missingBillReason } from './lafabriqueData.ts';

export { missingBillReason };

/** An article of `procedure/<step>/texte/texte.json`. */
export interface RawArticle {
  titre: string;
  order: number;
  section?: string | null;
  statut?: string | null;
  alineas: Record<string, string>;
  newtitre?: string | null;
}

/** `procedure/<step>/texte/texte.json`. */
export interface RawText {
  titre: string;
  sections: { id: string; titre: string; type_section: string; newid?: string | null }[];
  articles: RawArticle[];
}

/** A step of `viz/procedure.json`. */
export interface RawStep {
  directory: string;
  stage: string;
  institution: string;
  step?: string | null;
  date?: string | null;
  enddate?: string | null;
  debats_order?: number | null;
  echec?: string | null;
  decision?: string | null;
}

/** `viz/procedure.json`. */
export interface RawProcedure {
  id: string;
  short_title: string;
  stats: Record<string, number | string>;
  steps: RawStep[];
  [field: string]: unknown;
}

/** `viz/amendements_<step>.json`. */
export interface RawAmendments {
  sujets: Record<string, { amendements: { numero: string; aut: string; groupe: string | null; sort: string }[] }>;
}

/** A step of `viz/articles_etapes.json`. */
export interface RawArticleStep {
  id_step: string;
  status: string;
  diff?: string;
  n_diff: number;
  length: number;
  newnum?: string;
}

/** `viz/articles_etapes.json`. */
export interface RawArticlesEtapes {
  articles: Record<string, { id: string; titre: string; order: number; section: string; steps: RawArticleStep[] }>;
}

/** The bill's directory. */
export const billDirectory = (bill: string) => path.join(LAFABRIQUE_DATA_DIR, bill);

/** Parses one file of the bill, by its path relative to the bill's root. */
export function readBillFile<T>(bill: string, relativePath: string): T {
  return JSON.parse(readFileSync(path.join(billDirectory(bill), relativePath), 'utf8')) as T;
}

/** The path of a step's text. */
export const textPath = (directory: string) => `procedure/${directory}/texte/texte.json`;

/** Step directories that have a text (`procedure/<dir>/`), in procedure order. */
export function textDirectories(bill: string): string[] {
  const present = new Set(readdirSync(path.join(billDirectory(bill), 'procedure')));
  return readBillFile<RawProcedure>(bill, 'viz/procedure.json').steps.map((s) => s.directory).filter((d) => present.has(d));
}

/** An article's alinéas in key order ("001", "002"…). */
export const alineasOf = (article: RawArticle) =>
  Object.keys(article.alineas)
    .sort()
    .map((key) => article.alineas[key] as string);

/** Every JSON file of the bill under viz/ and procedure/, keyed by relative path: the `files` of `POST /imports`. */
export async function readBillBundle(bill: string): Promise<Record<string, unknown>> {
  const root = billDirectory(bill);
  const files: Record<string, unknown> = {};
  const entries = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((entry) => entry.split(path.sep).join('/'));
  for (const entry of entries.filter((e) => /^(viz|procedure)\/.+\.json$/.test(e)).sort()) {
    files[entry] = JSON.parse(await readFile(path.join(root, entry), 'utf8')) as unknown;
  }
  return files;
}

/** A deep copy of a bundle, to modify without touching the original. */
export const cloneBundle = (files: Record<string, unknown>) => structuredClone(files);

/** A temporary copy of the bill's directory; remove() deletes it. */
export async function copyBillDirectory(bill: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'loilive-lafabrique-'));
  const dir = path.join(parent, bill);
  await cp(billDirectory(bill), dir, { recursive: true });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** A local static HTTP server: `url` is the bill's API root; `requests` lists the decoded paths asked for. */
export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1:0 with La Fabrique's API layout: `<url>viz/procedure.json`, … (404 when absent). */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const relative = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    requests.push(relative);
    const file = path.resolve(root, relative);
    if (!file.startsWith(`${path.resolve(root)}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A URL on a local port nothing listens on (taken, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/pjl15-034/`;
}
