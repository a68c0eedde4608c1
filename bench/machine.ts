/** The machine a benchmark ran on, for the report header. */
import * as os from 'node:os';

export interface MachineInfo {
	os: string;
	cpuModel: string;
	cores: number;
	memoryGiB: number;
	node: string;
	loadAverage: string;
}

export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	return {
		os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		loadAverage: os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' / '),
	};
}
