/** jest's globalSetup: runs in jest's own process, once, before the test workers start. */
import startSchemaCounts from './requestSchema/globalSetup';
import { allowWorkerExitGrace } from './workerExitGrace';

export default function globalSetup(): void {
	allowWorkerExitGrace();
	startSchemaCounts();
}
