import { storageTargets } from '../../test/helpers/storageTargets.ts';
import { runStorageContract } from './storage.contract.ts';

for (const target of storageTargets) runStorageContract(target.name, () => target.open(), target.skipReason);
