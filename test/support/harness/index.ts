/**
 * Runs real workflows through n8n's own execution engine:
 *  - the BUILT package is loaded from dist/ by n8n-core's PackageDirectoryLoader, through the
 *    "n8n" section of package.json, exactly as n8n loads an installed community package
 *    (so run `npm run build` first);
 *  - WorkflowExecute.processRunExecutionData runs the nodes; expressions, parameter defaults,
 *    pairedItem checks, continueOnFail, httpRequestWithAuthentication all are n8n's code;
 *  - credentials come from an in-memory HarnessCredentialsHelper that runs the package's real
 *    credential (preAuthentication + authenticate).
 *
 *   const result = await runWorkflow({ nodes, connections }, { credentials: { sageIntacctApi: sandboxCreds } });
 *   result.output('Sage Intacct')   // INodeExecutionData[] of output 0
 *
 * The start node is the first node (or `startNode`): one of our nodes fed `inputItems`, or the
 * fixture trigger `harness.fixtureItems` (see fixtures/FixtureItems.node.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// n8n-core keeps an instance folder (encryption key, binary data) under $N8N_USER_FOLDER/.n8n:
// point it at a temp dir before n8n-core is loaded.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';

import { ExecutionLifecycleHooks, LoadOptionsContext, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	sleep,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeListSearchResult,
	type ResourceMapperFields,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type ITaskData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { FixtureItems, FIXTURE_ITEMS_TYPE } from './fixtures/FixtureItems.node';
import { FixtureHttpRequest, FIXTURE_HTTP_REQUEST_TYPE } from './fixtures/FixtureHttpRequest.node';
import { HarnessCredentialsHelper, type CredentialValues } from './credentials';

export { HarnessCredentialsHelper } from './credentials';
export type { CredentialValues, CredentialEvents } from './credentials';
export { FIXTURE_ITEMS_TYPE } from './fixtures/FixtureItems.node';
export { FIXTURE_HTTP_REQUEST_TYPE } from './fixtures/FixtureHttpRequest.node';

// Passing tests stay quiet: n8n's logger (created lazily on first use) prints warnings and errors
// only. The node's cost line is logged at info; tests read it from the hints or a spy on the logger.
process.env.N8N_LOG_LEVEL ??= 'warn';

/** The repository root: the nearest folder above this file with package.json (also when bench/ bundles this file into .cache/run). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
		if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
	}
}
export const PACKAGE_NAME = 'n8n-nodes-sage-intacct';

export interface LoadedPackage {
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialType(name: string): ICredentialType | undefined;
	/** Node types whose dist file was missing (a partial build); empty after a full build. */
	missing: string[];
}

let loaded: Promise<LoadedPackage> | undefined;

/** Loads dist/ once per test file (jest gives every file its own module registry). */
export function loadPackage(): Promise<LoadedPackage> {
	loaded ??= doLoadPackage();
	return loaded;
}

/** Files package.json "n8n" names that are not in dist/ right now. */
function missingDistFiles(): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].filter((file) => !fs.existsSync(path.join(PACKAGE_ROOT, file)));
}

async function doLoadPackage(): Promise<LoadedPackage> {
	// `npm run build` starts by deleting dist/: if a build is running (another terminal, a parallel
	// job), wait for it to finish instead of loading half a package. Bounded by attempts, not time.
	for (let attempt = 0; attempt < 240 && missingDistFiles().length > 0; attempt++) await sleep(500);
	const stillMissing = missingDistFiles();
	if (stillMissing.length > 0 && fs.existsSync(path.join(PACKAGE_ROOT, 'dist')) === false) {
		throw new Error(`The harness loads the built package: run \`npm run build\` first (missing ${stillMissing.join(', ')})`);
	}
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	const missing: string[] = [];
	try {
		await loader.loadAll();
	} catch (error) {
		// A partial build (another part of the package not compiled yet): load what exists, the same
		// way loadAll does, and report the rest. A complete dist never takes this path.
		const pkg = loader.packageJson;
		loader.reset();
		for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
			if (!fs.existsSync(path.join(PACKAGE_ROOT, file))) {
				missing.push(file);
				continue;
			}
			if (file.endsWith('.credentials.js')) loader.loadCredentialFromFile(file);
			else loader.loadNodeFromFile(file, pkg.version);
		}
		if (missing.length === 0 || loader.known.nodes === undefined || Object.keys(loader.known.nodes).length === 0) throw error;
	}
	const fixtures: Record<string, INodeType> = { [FIXTURE_ITEMS_TYPE]: new FixtureItems(), [FIXTURE_HTTP_REQUEST_TYPE]: new FixtureHttpRequest() };
	const shortName = (type: string) => {
		const prefix = `${PACKAGE_NAME}.`;
		if (!type.startsWith(prefix)) throw new Error(`Unknown node type "${type}" (harness loads ${PACKAGE_NAME} only)`);
		return type.slice(prefix.length);
	};
	const getByName = (type: string): INodeType | IVersionedNodeType =>
		fixtures[type] ?? loader.getNode(shortName(type)).type;
	const nodeTypes: INodeTypes = {
		getByName,
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(getByName(type), version),
		getKnownTypes: () => loader.known.nodes as unknown as IDataObject,
	};
	return {
		loader,
		nodeTypes,
		credentialType: (name) => (loader.known.credentials[name] ? loader.getCredential(name).type : undefined),
		missing,
	};
}

export interface WorkflowDefinition {
	id?: string;
	name?: string;
	nodes: INode[];
	connections?: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
}

export interface RunWorkflowOptions {
	/** Credential values by credential type name; nodes without `credentials` get the matching ones. */
	credentials?: CredentialValues | HarnessCredentialsHelper;
	/** Items fed to the start node (default one empty item). */
	inputItems?: INodeExecutionData[];
	/** Name of the node to start at; default the first node. */
	startNode?: string;
	mode?: WorkflowExecuteMode;
}

export interface WorkflowRun {
	run: IRun;
	status: IRun['status'];
	/** The execution's error (a node threw and did not continue on fail). */
	error?: ExecutionError;
	/** Output `outputIndex` of the node's last run; [] when it did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The JSON of output 0. */
	json(nodeName: string): IDataObject[];
	taskData(nodeName: string): ITaskData | undefined;
	credentials: HarnessCredentialsHelper;
}

let executionCounter = 0;

function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	executionId: string,
	workflowId: string,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId,
		workflowId,
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A credentials helper to share between runs (keeps a session cached like n8n's database does). */
export async function createCredentialsHelper(values: CredentialValues): Promise<HarnessCredentialsHelper> {
	const pkg = await loadPackage();
	return new HarnessCredentialsHelper(pkg.credentialType, values);
}

export async function runWorkflow(definition: WorkflowDefinition, options: RunWorkflowOptions = {}): Promise<WorkflowRun> {
	const pkg = await loadPackage();
	const credentialsHelper =
		options.credentials instanceof HarnessCredentialsHelper
			? options.credentials
			: new HarnessCredentialsHelper(pkg.credentialType, { ...(options.credentials ?? {}) });

	const nodes: INode[] = definition.nodes.map((node, index) => {
		const copy: INode = {
			...node,
			id: node.id ?? `node-${index}`,
			position: node.position ?? [index * 200, 0],
			typeVersion: node.typeVersion ?? 1,
			parameters: JSON.parse(JSON.stringify(node.parameters ?? {})),
		};
		if (!copy.credentials) {
			const type = pkg.nodeTypes.getByNameAndVersion(copy.type, copy.typeVersion);
			for (const credential of type.description.credentials ?? []) {
				if (credentialsHelper.store[credential.name]) {
					copy.credentials = { ...(copy.credentials ?? {}), [credential.name]: { id: `cred-${credential.name}`, name: credential.name } };
				}
			}
		}
		return copy;
	});
	const connections = definition.connections ?? {};
	const workflowId = definition.id ?? 'harnessWorkflow';
	const workflow = new Workflow({
		id: workflowId,
		name: definition.name ?? 'Harness workflow',
		nodes,
		connections,
		nodeTypes: pkg.nodeTypes,
		active: false,
		settings: definition.settings ?? { executionOrder: 'v1' },
		staticData: definition.staticData,
	});

	const startName = options.startNode ?? nodes[0].name;
	const startNode = workflow.getNode(startName);
	if (!startNode) throw new Error(`Start node "${startName}" not found`);

	const mode = options.mode ?? 'manual';
	const executionId = String(++executionCounter);
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: definition.settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const additionalData = buildAdditionalData(credentialsHelper, executionId, workflowId, hooks);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.inputItems ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = (nodeName: string) => {
		const runs = run.data.resultData.runData[nodeName];
		return runs?.[runs.length - 1];
	};
	const output = (nodeName: string, outputIndex = 0) => taskData(nodeName)?.data?.main?.[outputIndex] ?? [];
	return {
		run,
		status: run.status,
		error: run.data.resultData.error,
		output,
		json: (nodeName) => output(nodeName).map((item) => item.json),
		taskData,
		credentials: credentialsHelper,
	};
}

/** A node of this package, e.g. sageIntacctNode('Sage Intacct', { resource: 'glEntry', operation: 'getMany' }). */
export function packageNode(
	shortType: string,
	name: string,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	return {
		id: name.replace(/\W+/g, '-').toLowerCase(),
		name,
		type: `${PACKAGE_NAME}.${shortType}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

/** Connects nodes in a line: a -> b -> c (main output 0 to main input 0). */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Credential values for the package's credential, from a running sandbox. */
export function sandboxCredentialValues(credentials: Record<string, string>, overrides: Record<string, string> = {}): CredentialValues {
	return { sageIntacctApi: { ...credentials, ...overrides } as ICredentialDataDecryptedObject };
}

/**
 * Calls a node's listSearch method the way n8n's editor does (a LoadOptionsContext on the node),
 * e.g. listSearch(node, 'searchAccounts', { credentials, filter: '61' }). Like the editor, it hands
 * the node's parameters over as the current node parameters, and `path` is the locator's own path
 * (e.g. 'parameters.lines.line[0].userDefinedDimensions.field[0].value'), which getCurrentNodeParameter
 * resolves '&sibling' paths against.
 */
export async function listSearch(
	node: INode,
	method: string,
	options: { credentials: CredentialValues | HarnessCredentialsHelper; filter?: string; paginationToken?: string; path?: string },
): Promise<INodeListSearchResult> {
	return (await loadOptionsCall(node, method, options)) as INodeListSearchResult;
}

async function loadOptionsCall(
	node: INode,
	method: string,
	options: { credentials: CredentialValues | HarnessCredentialsHelper; filter?: string; paginationToken?: string; path?: string; resourceMapping?: boolean },
): Promise<INodeListSearchResult | ResourceMapperFields> {
	const pkg = await loadPackage();
	const credentialsHelper =
		options.credentials instanceof HarnessCredentialsHelper
			? options.credentials
			: new HarnessCredentialsHelper(pkg.credentialType, { ...options.credentials });
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const withCredentials: INode = {
		...node,
		credentials: node.credentials ?? Object.fromEntries(
			(nodeType.description.credentials ?? []).map((c) => [c.name, { id: `cred-${c.name}`, name: c.name }]),
		),
	};
	const workflow = new Workflow({
		id: 'harnessListSearch',
		nodes: [withCredentials],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: false,
	});
	const additionalData = buildAdditionalData(credentialsHelper, String(++executionCounter), 'harnessListSearch');
	// The editor holds (and sends) the node's parameters with their defaults filled in, as the Workflow does.
	additionalData.currentNodeParameters = (workflow.getNode(node.name) as INode).parameters;
	const context = new LoadOptionsContext(workflow, workflow.getNode(node.name) as INode, additionalData, options.path ?? 'parameters');
	if (options.resourceMapping === true) {
		const mapping = nodeType.methods?.resourceMapping?.[method];
		if (!mapping) throw new Error(`Node ${node.type} has no resourceMapping method "${method}"`);
		return await mapping.call(context);
	}
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`Node ${node.type} has no listSearch method "${method}"`);
	return await search.call(context, options.filter, options.paginationToken);
}

/**
 * Calls a node's resourceMapping method (a resource mapper's field list) the way n8n's editor does:
 * a LoadOptionsContext on the node with its parameters, e.g. resourceMapping(node, 'getFields', { credentials }).
 */
export async function resourceMapping(
	node: INode,
	method: string,
	options: { credentials: CredentialValues | HarnessCredentialsHelper },
): Promise<ResourceMapperFields> {
	return (await loadOptionsCall(node, method, { ...options, resourceMapping: true })) as ResourceMapperFields;
}
