/**
 * Where La Fabrique files come from: a local directory, La Fabrique's public API (a URL), or a bundle of
 * files posted to our API. All three read the same relative paths (`viz/procedure.json`, …).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode } from '../../../shared/errors.ts';
import { DomainError } from '../../common/errors.ts';

/** Reads La Fabrique files by their path relative to the bill's root. */
export interface BillSource {
  /** A human description for messages (never a local path in public records). */
  describe: string;
  /** The public URL of the source, if it has one. */
  url: string | null;
  /** The parsed JSON of a file, or undefined if the source has no such file. */
  readJson(relativePath: string): Promise<unknown>;
  /** Relative paths of the files under a folder, when the source can list them (a URL cannot). */
  list(folder: string): Promise<string[] | null>;
}

/** An import error naming the file (and, when known, the field) at fault. */
export function invalidSource(file: string, message: string, field?: string): DomainError {
  return new DomainError(ErrorCode.importInvalid, `${file}${field ? ` (${field})` : ''}: ${message}`, {
    file,
    ...(field ? { field } : {}),
  });
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidSource(file, `not valid JSON (${(error as Error).message})`);
  }
}

/** A bill directory on this machine. */
export function directorySource(root: string): BillSource {
  return {
    describe: `directory ${path.basename(path.resolve(root))}`,
    url: null,
    async readJson(relativePath) {
      let text: string;
      try {
        text = await readFile(path.join(root, relativePath), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw invalidSource(relativePath, `cannot be read (${(error as Error).message})`);
      }
      return parseJson(relativePath, text);
    },
    async list(folder) {
      const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
      return entries.map((entry) => `${folder}/${entry.name}`);
    },
  };
}

const FETCH_TIMEOUT_MS = 30_000;

/** La Fabrique's public API root for one bill, e.g. https://www.lafabriquedelaloi.fr/api/pjl15-034/ */
export function urlSource(rootUrl: string, fetchImpl: typeof fetch = fetch): BillSource {
  const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
  return {
    describe: root,
    url: root,
    async readJson(relativePath) {
      const url = new URL(relativePath, root);
      let response: Response;
      try {
        response = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
      } catch (error) {
        throw new DomainError(ErrorCode.importUnreachable, `${url.href}: ${(error as Error).message}`, { file: relativePath });
      }
      if (response.status === 404) return undefined;
      if (!response.ok) {
        throw new DomainError(ErrorCode.importUnreachable, `${url.href} answered HTTP ${response.status}`, { file: relativePath });
      }
      return parseJson(relativePath, await response.text());
    },
    list: () => Promise.resolve(null),
  };
}

/** Files posted in one request, keyed by relative path (the admin import endpoint). */
export function bundleSource(files: Record<string, unknown>): BillSource {
  return {
    describe: 'uploaded bundle',
    url: null,
    readJson: (relativePath) => Promise.resolve(files[relativePath]),
    list: (folder) => Promise.resolve(Object.keys(files).filter((file) => file.startsWith(`${folder}/`))),
  };
}
