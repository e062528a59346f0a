/**
 * Replays the consultation through the HTTP API of running servers, in phases so each can be measured: the admin
 * creates the draft bill; each proposal's author drafts and deposits it as an `add_article` amendment; each argument's
 * author posts it on its article or amendment; the voters cast every ballot. Requests run with bounded concurrency,
 * spread round-robin over the given servers, and each one's latency is recorded. Any unexpected answer stops the
 * replay with the request and the answer.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Argument } from '../../../shared/api/arguments.ts';
import type { Bill, Version } from '../../../shared/api/bills.ts';
import type { VoteState } from '../../../shared/api/votes.ts';
import { ApiClient, type JsonResponse } from '../testServer.ts';
import { draftBillBody, proposalAmendment } from './billBody.ts';
import { forEachConcurrently } from './concurrency.ts';
import { LatencyLog, type RequestKind } from './latencies.ts';
import type { ParticipantTokens } from './participants.ts';
import { ballotsOf } from './plan.ts';
import type { Consultation, Opinion } from './readConsultation.ts';

/** The replay's phases, in order. */
export type ReplayPhase = 'bill' | 'amendments' | 'arguments' | 'votes';

/** How far a phase has got. */
export interface ReplayProgress {
  phase: ReplayPhase;
  done: number;
  total: number;
}

/** What a replay needs besides the consultation. */
export interface ReplayOptions {
  /** Base URLs of the servers; requests go to each in turn (one URL: one node). */
  urls: readonly string[];
  /** A client signed in as an admin (creates the bill). */
  admin: ApiClient;
  /** Bearer tokens of the participants (see participants.ts). */
  tokens: ParticipantTokens;
  /** Requests in flight at once (default 32). */
  concurrency?: number;
  /** Seed of the ballots' order. */
  seed?: number;
  /** Called after each request of a phase completes. */
  onProgress?: (progress: ReplayProgress) => void;
}

/** What a replay is about: an opinion is an article of the bill or an amendment. */
export interface ReplayTarget {
  type: 'article' | 'amendment';
  id: string;
}

/** What the replay created, how long each phase took, and every request's latency. */
export interface ReplayResult {
  billId: string;
  versionId: string;
  /** The article or amendment each opinion became, by opinion id. */
  targets: Map<number, ReplayTarget>;
  counts: { amendments: number; arguments: number; votes: number };
  phaseMs: Record<ReplayPhase, number>;
  latencies: LatencyLog;
}

/** Sends requests round-robin over the servers, timing each and checking its status. */
class Requests {
  private turn = 0;
  readonly latencies = new LatencyLog();

  constructor(private readonly urls: readonly string[]) {}

  /** A client acting with `token` on the next server. */
  as(token: string): ApiClient {
    const url = this.urls[this.turn % this.urls.length] as string;
    this.turn += 1;
    return new ApiClient(url).withBearer(token);
  }

  /** Runs one request, records its latency, and returns its body when its status is `expected`. */
  async send<T>(kind: RequestKind, expected: number, what: string, call: () => Promise<JsonResponse<T>>): Promise<T> {
    const start = performance.now();
    const response = await call();
    this.latencies.record(kind, performance.now() - start);
    if (response.status !== expected) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
    return response.body;
  }
}

/** Replays the whole consultation; resolves once every request has been answered. */
export async function replayConsultation(consultation: Consultation, options: ReplayOptions): Promise<ReplayResult> {
  const requests = new Requests(options.urls);
  const concurrency = options.concurrency ?? 32;
  const phaseMs = { bill: 0, amendments: 0, arguments: 0, votes: 0 };
  const timed = async (phase: ReplayPhase, run: () => Promise<void>) => {
    const start = performance.now();
    await run();
    phaseMs[phase] = performance.now() - start;
  };
  const progress = (phase: ReplayPhase, total: number) => {
    let done = 0;
    return () => options.onProgress?.({ phase, done: (done += 1), total });
  };

  // (a) The draft bill; its article ids come from the version it created.
  let bill: Bill | undefined;
  let version: Version | undefined;
  await timed('bill', async () => {
    bill = await requests.send('bill', 201, 'create the bill', () => options.admin.post<Bill>('/bills', draftBillBody(consultation)));
    const versionId = bill.steps[0]?.versionId ?? '';
    const read = await options.admin.get<Version>(`/bills/${bill.id}/versions/${versionId}`);
    if (read.status !== 200) fail(`read the bill's first version: ${read.status} ${JSON.stringify(read.body).slice(0, 500)}`);
    version = read.body;
  });
  if (bill === undefined || version === undefined) throw new Error('the bill was not created');
  const billId = bill.id;
  const articleIdByNumber = new Map(version.articles.map((article) => [article.number, article.articleId]));
  const articleIdOf = (number: string) => articleIdByNumber.get(number) ?? fail(`article ${number} is not in the created bill`);
  const targets = new Map<number, ReplayTarget>();
  for (const article of consultation.articles) targets.set(article.opinionId, { type: 'article', id: articleIdOf(article.number) });

  // (b) Each proposal: drafted then deposited by its author.
  const proposals = consultation.opinions.filter((opinion) => opinion.kind === 'proposal');
  const amendmentDone = progress('amendments', proposals.length);
  await timed('amendments', () =>
    forEachConcurrently(proposals, concurrency, async (opinion) => {
      const token = options.tokens.author(opinion.author);
      const body = proposalAmendment(consultation, opinion, articleIdOf);
      const draft = await requests.send('amendment draft', 201, `draft proposal ${opinion.id}`, () =>
        requests.as(token).post<Amendment>(`/bills/${billId}/amendments`, body),
      );
      await requests.send('amendment deposit', 200, `deposit proposal ${opinion.id}`, () =>
        requests.as(token).post<Amendment>(`/bills/${billId}/amendments/${draft.id}/deposit`),
      );
      targets.set(opinion.id, { type: 'amendment', id: draft.id });
      amendmentDone();
    }),
  );
  const targetOf = (opinion: Pick<Opinion, 'id'>) => targets.get(opinion.id) ?? fail(`opinion ${opinion.id} has no target`);

  // (c) Every argument, by its author, on its opinion's article or amendment.
  const allArguments = consultation.opinions.flatMap((opinion) => opinion.arguments.map((argument) => ({ opinion, argument })));
  const argumentDone = progress('arguments', allArguments.length);
  await timed('arguments', () =>
    forEachConcurrently(allArguments, concurrency, async ({ opinion, argument }) => {
      const body = { target: targetOf(opinion), side: argument.side, body: argument.body };
      await requests.send('argument', 201, `argument ${argument.id} on opinion ${opinion.id}`, () =>
        requests.as(options.tokens.arguer(argument.author)).post<Argument>(`/bills/${billId}/arguments`, body),
      );
      argumentDone();
    }),
  );

  // (d) Every ballot.
  const ballots = ballotsOf(consultation.opinions, options.seed);
  const voteDone = progress('votes', ballots.length);
  await timed('votes', () =>
    forEachConcurrently(ballots, concurrency, async (ballot) => {
      const target = targetOf({ id: ballot.opinionId });
      await requests.send('vote', 200, `vote of voter ${ballot.voter} on opinion ${ballot.opinionId}`, () =>
        requests.as(options.tokens.voter(ballot.voter)).put<VoteState>(`/bills/${billId}/votes/${target.type}/${target.id}`, { value: ballot.value }),
      );
      voteDone();
    }),
  );

  return {
    billId,
    versionId: version.id,
    targets,
    counts: { amendments: proposals.length, arguments: allArguments.length, votes: ballots.length },
    phaseMs,
    latencies: requests.latencies,
  };
}

function fail(message: string): never {
  throw new Error(`replay: ${message}`);
}
