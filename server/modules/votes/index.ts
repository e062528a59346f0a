/** The votes module's public use cases. */
export { BallotBox } from './ballotBox.ts';
export { castVote, withdrawVote } from './castVote.ts';
export { agreeCountOf, tallyOf, talliesOf } from './tallies.ts';
export { getVoteState, readTallies } from './voteQueries.ts';
export { voteRoutes } from './voteRoutes.ts';
export { withholdVoters } from './votePrivacy.ts';
