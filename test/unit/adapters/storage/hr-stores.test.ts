import { openMemoryDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteHrOutbox } from '../../../../bot/adapters/storage/sqlite-hr-outbox.ts';
import { SqliteSurveys } from '../../../../bot/adapters/storage/sqlite-surveys.ts';
import { runOutboxContract, runSurveyStoreContract } from '../../../contract/hr-stores.contract.ts';
import { InMemoryOutbox, InMemorySurveys } from '../../../fakes/in-memory-hr-stores.ts';

runOutboxContract('SQLite', () => new SqliteHrOutbox(openMemoryDatabase()));
runOutboxContract('in memory (fake)', () => new InMemoryOutbox());
runSurveyStoreContract('SQLite', () => new SqliteSurveys(openMemoryDatabase()));
runSurveyStoreContract('in memory (fake)', () => new InMemorySurveys());
